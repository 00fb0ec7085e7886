"""Compose: spec + summary + templates → a draft of the document model.

The template decides wording and order; compose gives it the variables, parses
its Markdown output, and expands the directives it can (toc, figure, annex).
Citations stay keys (Cite nodes): transforms resolve them.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefgen.compose import anchors, citations, labels, markup, templates
from briefgen.compose.figures import FIGURE_KINDS, figure
from briefgen.compose.labels import format_date
from briefgen.compose.meta import furniture, meta_of, source_date  # noqa: F401  (re-exported)
from briefgen.compose.selection import Selected, select, select_all  # noqa: F401  (select: re-exported)
from briefgen.errors import Problem, UserError
from briefgen.inputs.sources import Source
from briefgen.inputs.spec import Brief
from briefgen.inputs.spec import texts as spec_texts
from briefgen.inputs.summary import Summary
from briefgen.model import Block, Figure, Inline, Link, Meta, Style, Table, TableOfContents, Text
from briefgen.text import words

if TYPE_CHECKING:
    from briefgen.inputs.schemas import Evidence, Section


@dataclass(frozen=True)
class Draft:
    """A composed brief before its citations are resolved."""

    meta: Meta
    blocks: tuple[Block | markup.Directive, ...]
    style: Style
    claims: tuple[Selected, ...]
    """Every claim shown, in order (for the annex and figures)."""


def context(brief: Brief, sections: list[list[Selected]], sources: dict[str, Source],
            project_templates: Path | None = None) -> dict[str, Any]:
    """Return the variables every brief template sees."""
    spec, md = brief.spec, templates.Md
    return {
        "brief": spec.model_dump(), "citations": citing(spec.citations.style, spec.citations.placement), "toc": spec.toc,
        "annex": spec.annex, "figures": list(spec.figures),
        "bottom_line": md(spec.bottom_line), "key_points": [md(p) for p in spec.key_points],
        "recommendations": [md(r) for r in spec.recommendations],
        "sections": [_section(s, chosen, sources, spec.lang, project_templates) for s, chosen in zip(spec.sections, sections, strict=True)],
        "labels": labels.labels(spec.lang, project_templates),
        "date": format_date(spec.date or source_date(), spec.lang, project_templates) if spec.date or source_date() else "",
        "issue": md(spec.issue), "implications": [md(i) for i in spec.implications],
        "options": [{"title": o.title, "text": md(o.text), "benefits": md(o.benefits), "costs": md(o.costs),
                     "risks": md(o.risks)} for o in spec.options],
        "confidence": ({"level": spec.confidence.level, "basis": md(spec.confidence.basis)}
                       if spec.confidence else None),
    }


def _as_of(brief: Brief, sections: list[list[Selected]], sources: dict[str, Source], project_templates: Path | None = None) -> str:
    """Return the "Information as of" date: the newest issued date among the sources the brief cites."""
    from briefgen.support.timecheck import information_as_of
    spec = brief.spec
    keys = [k for chosen in sections for s in chosen for k in s.source_ids]
    for _, text in spec_texts(brief):
        keys += [k for c in brief.citations(text)[0] for k in c.keys]
    iso = information_as_of(list(dict.fromkeys(keys)), sources)
    return format_date(iso, spec.lang, project_templates) if iso else ""


def citing(style_name: str, placement: str | None) -> dict[str, Any]:
    """The template's ``citations``: style, placement in effect, and what to place."""
    style = citations.get(style_name)
    placed = citations.placement_of(style_name, placement)
    return {"style": style_name, "placement": placed, "numeric": style.numeric,
            "endnotes": placed == citations.ENDNOTES and not style.numeric,
            "references_label": style.references_label}


def shown_evidence(claim_text: str, evidence: tuple[Evidence, ...]) -> Evidence:
    """Return the quote to print under a claim: the one sharing most content words with it.

    A claim may rest on a heading ("Key objectives") and the item under it; the
    reader should see the item. Ties keep the summary's order.
    """
    wanted = {w.key for w in words.words(claim_text)}
    return max(evidence, key=lambda e: len(wanted & {w.key for w in words.words(e.quote)}))


def _section(section: Section, chosen: list[Selected], sources: dict[str, Source],
             section_lang: str = "en-GB", project_templates: Path | None = None) -> dict[str, Any]:
    shown = {s.claim.id: shown_evidence(s.claim.text, s.evidence) for s in chosen}
    return {
        "heading": section.heading, "text": templates.Md(section.text), "quotes": section.quotes,
        "claims": [{
            "id": s.claim.id, "text": s.claim.text, "date": s.claim.date,
            "when": format_date(s.claim.date, section_lang, project_templates) if s.claim.date else "",
            "cite": templates.Md("[" + "; ".join("@" + k for k in s.source_ids) + "]"),
            "quote": shown[s.claim.id].quote, "quote_source": sources[shown[s.claim.id].source].short,
            "sources": list(s.source_ids),
        } for s in chosen],
    }


def compose(brief: Brief, summary: Summary, sources: dict[str, Source], project_templates: Path, style: Style,
            padding: frozenset[tuple[str, int]] = frozenset(),
            traced: tuple[Any, ...] | Callable[[], tuple[Any, ...]] = (),
            unconfirmed: Mapping[str, tuple[str, ...]] | None = None) -> Draft:
    """Return the draft of ``brief``: template output parsed, toc/figure/annex expanded.

    ``padding``, ``traced`` and ``unconfirmed`` come from the support check: quotes that support
    nothing (left out), the cited free-text sentences with their passages (annex), and per claim
    id the words its quotes do not confirm that the check took for a paraphrase (annex);
    ``traced`` may be a function giving them, asked only when an annex is drawn.
    """
    unknown = citations.style_problem(brief.spec.citations.style)
    if unknown:
        raise UserError([brief.problem(("citations", "style"), *unknown)])
    wrong = citations.placement_problem(brief.spec.citations.style, brief.spec.citations.placement)
    if wrong:
        raise UserError([brief.problem(("citations", "placement"), *wrong)])
    sections = select_all(brief.spec, summary, sources, padding)
    variables = context(brief, sections, sources, project_templates)
    variables["information_as_of"] = _as_of(brief, sections, sources, project_templates)
    text = templates.render(project_templates, brief.spec.template, variables,
                            lambda message, hint: brief.problem(("template",), message, hint))
    claims = tuple(dict((s.claim.id, s) for chosen in sections for s in chosen).values())
    blocks: list[Block | markup.Directive] = []
    words = labels.labels(brief.spec.lang, project_templates)
    try:
        for block in markup.parse(text, anchors.Anchors()):
            blocks += _expand(block, claims, summary, sources, brief, words, traced, unconfirmed)
    except markup.MarkupError as exc:
        raise UserError([_locate(brief, exc, text)]) from None
    return Draft(meta_of(brief, project_templates), tuple(blocks), furniture(style, brief), claims)


def _locate(brief: Brief, exc: markup.MarkupError, output: str) -> Problem:
    """Return the problem at the spec text the offending Markdown came from, else at the spec's ``template`` key."""
    snippet = exc.snippet.strip()
    lines = snippet.splitlines()
    pieces = [snippet] + [re.sub(r"^\s*(?:[-*+>]|\d+[.)])\s+", "", line, count=1).strip() for line in lines] + [line.strip() for line in lines]
    for piece in (p for p in pieces if len(p) >= 3):
        for path, text in spec_texts(brief):
            if piece in text:
                return brief.problem(path, exc.message)
    line = exc.line or next((n for n, text in enumerate(output.splitlines(), 1) if snippet and snippet in text), 0)
    return brief.problem(("template",), f"{brief.spec.template}, output line {line}: {exc.message}")


def _expand(block: Block | markup.Directive, claims: tuple[Selected, ...], summary: Summary,
            sources: dict[str, Source], brief: Brief,
            words: dict[str, Any], traced: tuple[Any, ...] | Callable[[], tuple[Any, ...]] = (),
            unconfirmed: Mapping[str, tuple[str, ...]] | None = None) -> list[Block | markup.Directive]:
    if not isinstance(block, markup.Directive) or block.name in ("notes", "references"):
        return [block]
    if block.name == "toc":
        if block.args not in ("", "1", "2", "3"):
            raise markup.MarkupError(f"expected '::: toc' with a depth of 1, 2 or 3, found '::: toc {block.args}'",
                                     f"::: toc {block.args}", block.line)
        return [TableOfContents(depth=int(block.args or 2))]
    if block.name == "annex":
        return [annex(claims, sources, words, traced() if callable(traced) else traced, unconfirmed)]
    if block.name == "figure":
        if block.args not in FIGURE_KINDS:
            raise markup.MarkupError(f"expected '::: figure' with one of {', '.join(FIGURE_KINDS)}, found '::: figure {block.args}'",
                                     f"::: figure {block.args}", block.line)
        selected = tuple(dict.fromkeys(t for s in brief.spec.sections for t in s.themes))  # every one gets a column
        drawn = figure(block.args, claims, summary, sources, words, selected)
        return [dataclasses.replace(drawn, lead=_lead(drawn, words))] if drawn is not None else []
    raise markup.MarkupError(f"expected a directive (callout, toc, figure, annex, notes or references), found '::: {block.name}'",
                             f"::: {block.name}", block.line)


def _lead(drawn: Figure, words: dict[str, Any]) -> tuple[Inline, ...]:
    """The sentence that refers the reader to a figure ("Figure 1 counts…"): ``{figure}`` in the
    label ``<kind>_intro`` becomes a link that transforms number (``#figure:KIND``)."""
    before, _, after = str(words.get(f"{drawn.kind}_intro", "{figure}.")).partition("{figure}")
    return tuple(n for n in (Text(before), Link("#figure:" + drawn.kind, ()), Text(after)) if not isinstance(n, Text) or n.text)


def annex(claims: tuple[Selected, ...], sources: dict[str, Source], words: dict[str, Any] | None = None,
          traced: tuple[Any, ...] = (), unconfirmed: Mapping[str, tuple[str, ...]] | None = None) -> Table:
    """Return the evidence annex (see ``compose.annex``)."""
    from briefgen.compose.annex import annex as evidence_annex
    return evidence_annex(claims, sources, words, traced, unconfirmed)

