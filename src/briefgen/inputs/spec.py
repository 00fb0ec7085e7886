"""Brief specs: loading, validation and cross-checks against the summary and sources.

A spec is validated declaratively (schemas.Spec); every problem in a file is
reported at once, positioned, with a "did you mean" for unknown ids.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.errors import Problem, UserError, did_you_mean
from briefgen.inputs import checked, citation_syntax, dates, limits, yamlio
from briefgen.inputs.sources import Source
from briefgen.inputs.summary import Summary

if TYPE_CHECKING:
    from briefgen.inputs import schemas


@dataclass(frozen=True)
class Brief:
    """A validated spec, with the file it came from."""

    spec: schemas.Spec
    path: Path
    loaded: yamlio.Loaded
    cited: dict[str, tuple[list[citation_syntax.Citation], list[citation_syntax.CitationSyntaxError]]] = field(
        default_factory=dict, compare=False, hash=False, repr=False)
    """``citations``' answers by text, for this brief's life only (``replace`` hands it on to the brief made from it)."""

    def citations(self, text: str) -> tuple[list[citation_syntax.Citation], list[citation_syntax.CitationSyntaxError]]:
        """``citation_syntax.check(text)``, read once per brief: the spec's texts are read for their citations
        when the spec is checked, for the "information as of" date and for the build's warnings."""
        found = self.cited.get(text)
        if found is None:
            found = self.cited[text] = citation_syntax.check(text)
        return list(found[0]), list(found[1])

    @property
    def name(self) -> str:
        """The output base name: the spec file's name, made safe."""
        return safe_name(self.path.stem)

    def problem(self, path: tuple, message: str, hint: str = "") -> Problem:
        return self.loaded.problem(path, message, hint)


def safe_name(stem: str) -> str:
    """Return ``stem`` as a file name with no path separators, dots first or odd characters.

    A name that loses letters on the way (non-ASCII, like ``日本``, or longer than ``OUTPUT_NAME_CHARS``)
    gets a short hash of the whole name, so two such specs never map to one output file.
    """
    cleaned = re.sub(r"[^\w.+-]+", "-", stem, flags=re.ASCII).strip(".-")
    if stem.isascii() and len(cleaned) <= limits.OUTPUT_NAME_CHARS and cleaned:
        return cleaned
    digest = hashlib.sha256(os.fsencode(stem)).hexdigest()[:8]
    return (cleaned[:limits.OUTPUT_NAME_CHARS - 9].rstrip(".-") or "brief") + "-" + digest


def load_spec(path: Path, summary: Summary, sources: dict[str, Source]) -> Brief:
    """Return the brief spec at ``path``, or raise every problem in it at once."""
    loaded = yamlio.load(path)
    if not isinstance(loaded.data, dict):
        raise UserError([loaded.problem((), f"expected a mapping of spec keys (title, sections, …), found {type(loaded.data).__name__}")])
    spec: schemas.Spec = checked.validate("Spec", loaded)
    brief = Brief(spec, path, loaded)
    problems = cross_check(brief, summary, sources)
    if problems:
        raise UserError(problems)
    return brief


def cross_check(brief: Brief, summary: Summary, sources: dict[str, Source]) -> list[Problem]:
    """Return problems with theme, claim and source ids the spec names."""
    spec, problems = brief.spec, []
    theme_ids = [t.id for t in summary.themes]
    claim_ids = list(summary.claims)
    for i, section in enumerate(spec.sections):
        problems += _unknown(brief, ("sections", i, "themes"), section.themes, theme_ids, "theme id")
        problems += _unknown(brief, ("sections", i, "claims"), section.claims, claim_ids, "claim id")
        for key in ("include_sources", "exclude_sources"):
            problems += _unknown(brief, ("sections", i, key), getattr(section, key), list(sources), "source id")
    problems += _dates(brief) + _metadata(brief)
    for path, text in texts(brief):
        problems += _cited(brief, path, text, sources, claim_ids)
    return problems


OPTION_TEXTS = ("text", "benefits", "costs", "risks")
"""The Markdown keys of an option (``schemas.Option``)."""


def texts(brief: Brief) -> list[tuple[tuple, str]]:
    """Return every Markdown text of the spec (the analyst's own words) with its key path.

    The one list of them: citations are checked, claim citations resolved and
    sentences judged by the support check over exactly these.
    """
    spec = brief.spec
    found: list[tuple[tuple, str]] = [(("bottom_line",), spec.bottom_line)]
    found += [((key, j), text) for key in ("key_points", "recommendations") for j, text in enumerate(getattr(spec, key))]
    found += [(("sections", i, "text"), s.text) for i, s in enumerate(spec.sections)]
    found += [(("issue",), spec.issue)] + [(("implications", j), text) for j, text in enumerate(spec.implications)]
    found += [(("options", i, key), getattr(o, key)) for i, o in enumerate(spec.options) for key in OPTION_TEXTS]
    return found + ([(("confidence", "basis"), spec.confidence.basis)] if spec.confidence else [])


def map_texts(spec: schemas.Spec, change: Callable[[str], str]) -> schemas.Spec:
    """Return ``spec`` with ``change`` applied to every Markdown text that ``texts`` lists."""
    update: dict[str, object] = {
        "bottom_line": change(spec.bottom_line), "issue": change(spec.issue),
        "key_points": [change(t) for t in spec.key_points],
        "recommendations": [change(t) for t in spec.recommendations],
        "implications": [change(t) for t in spec.implications],
        "sections": [s.model_copy(update={"text": change(s.text)}) for s in spec.sections],
        "options": [o.model_copy(update={k: change(getattr(o, k)) for k in OPTION_TEXTS}) for o in spec.options],
    }
    if spec.confidence:
        update["confidence"] = spec.confidence.model_copy(update={"basis": change(spec.confidence.basis)})
    return spec.model_copy(update=update)


def citing(brief: Brief, key: str) -> tuple:
    """Return the key path of the first text in the spec that cites ``key``, or () if none does."""
    pattern = re.compile("@" + re.escape(key) + r"(?![\w:.#$%&+?<>~/-])")
    return next((path for path, text in texts(brief) if pattern.search(text)), ())


def _dates(brief: Brief) -> list[Problem]:
    """Return a problem for each date the spec states that is not a real ISO date."""
    spec = brief.spec
    given = [(("date",), spec.date)] + [(("sections", i, key), getattr(s, key))
                                        for i, s in enumerate(spec.sections) for key in ("since", "until")]
    return [brief.problem(path, dates.problem(value)) for path, value in given if value and dates.problem(value)]


def _metadata(brief: Brief) -> list[Problem]:
    """Return a problem for each value too long for the documents' properties (DOCX allows 255 characters)."""
    spec, limit = brief.spec, limits.METADATA_CHARS
    authors = [spec.author] if isinstance(spec.author, str) else spec.author
    given: list[tuple[tuple, str]] = [(("title",), spec.title), (("subtitle",), spec.subtitle), (("lang",), spec.lang),
                                      (("author",), "; ".join(authors)),
                                      (("keywords",), "; ".join(([spec.marking] if spec.marking else []) + spec.keywords))]
    return [brief.problem(path, f"expected at most {limit} characters (the document properties' limit), found {len(value):,}",
                          "shorten it") for path, value in given if len(value) > limit]


def _unknown(brief: Brief, path: tuple, given: list[str], known: list[str], what: str) -> list[Problem]:
    return [brief.problem(path + (k,), f"expected a {what}, found {value!r}", did_you_mean(value, known))
            for k, value in enumerate(given) if value not in known]


def _cited(brief: Brief, path: tuple, text: str, sources: dict[str, Source],
           claims: list[str] | None = None) -> list[Problem]:
    """Return a problem, at its line and column, for each citation in ``text`` that does not
    parse (Pandoc's grammar) or names no source (``claim:ID`` keys: no claim)."""
    found, errors = brief.citations(text)
    problems = [_at(brief, path, text, e.offset, f"citation: {e.message}", e.hint) for e in errors]
    for citation in found:
        for item in citation.items:
            if item.is_claim:
                claim = item.key[len(citation_syntax.CLAIM_PREFIX):]
                if claims is not None and claim not in claims:
                    problems.append(_at(brief, path, text, citation.start, f"citation: no claim {claim!r}",
                                        did_you_mean(claim, claims) or "see `briefgen themes`"))
            elif item.key not in sources:
                problems.append(_at(brief, path, text, citation.start,
                                    f"expected a source id after '@', found {item.key!r}",
                                    did_you_mean(item.key, list(sources)) or "see `briefgen sources`"))
    return problems


def _at(brief: Brief, path: tuple, text: str, offset: int, message: str, hint: str) -> Problem:
    """A problem at ``offset`` of the scalar ``text`` at ``path``: its line and column in the file."""
    base = brief.problem(path, message, hint)
    line_no, col = citation_syntax.line_col(text, offset)
    wanted = text.splitlines()[line_no - 1] if text.splitlines() else ""
    try:
        raw = brief.path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return base
    for number in range(base.line, min(len(raw), base.line + line_no + 2) + 1):
        found = raw[number - 1].find(wanted) if wanted else -1
        if found >= 0 and (number > base.line or found >= base.col - 1):
            return replace(base, line=number, col=found + col)
    return base
