"""The support stage's entry points, as the pipeline calls them at ``check`` and ``build``."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from dataclasses import dataclass, field

from briefgen.errors import Problem
from briefgen.inputs.sources import Source
from briefgen.inputs.spec import Brief, map_texts
from briefgen.inputs.summary import Summary
from briefgen.support import freetext, sourcecheck, timecheck
from briefgen.support.claims import SKIPPED_STATUSES, CorpusReport, check_claims
from briefgen.support.freetext import Traced
from briefgen.support.match import sentence_names


@dataclass
class BriefReport:
    """The support check of one brief: its findings, and what the annex shows."""

    problems: list[Problem] = field(default_factory=list)
    traced: list[Traced] = field(default_factory=list)
    """Every cited free-text sentence, with the passages that support it."""
    notes: list[Problem] = field(default_factory=list)
    """Unsupported words of its sentences the score takes for a paraphrase (``score``): shown, never warnings."""


def check_corpus(summary: Summary, sources: dict[str, Source]) -> CorpusReport:
    """Return the support check of every claim and source."""
    report = check_claims(summary, sources)
    report.sources = sourcecheck.check_sources(sources, summary)
    claims = summary.claims.values()
    report.names = sentence_names(*(c.text for c in claims), *(e.quote for c in claims for e in c.evidence))
    return report


def shown_claims(brief: Brief, summary: Summary) -> list[str]:
    """Return the ids of the claims the brief's sections may show (before limits and source filters)."""
    ids: list[str] = []
    for section in brief.spec.sections:
        ids += [c.id for t in section.themes for c in summary.theme(t).claims]
        ids += section.claims
    claims = summary.claims
    return [i for i in dict.fromkeys(ids)
            if claims[i].status not in SKIPPED_STATUSES and (claims[i].status != "draft" or _drafts(brief))]


def _drafts(brief: Brief) -> bool:
    return any(s.drafts for s in brief.spec.sections)


def brief_date(brief: Brief) -> str:
    """Return the brief's date (ISO): the spec's, else SOURCE_DATE_EPOCH's, else ''."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    fallback = dt.datetime.fromtimestamp(int(epoch), dt.UTC).date().isoformat() if epoch.isdigit() else ""
    return brief.spec.date or fallback


_LAST: list[tuple[tuple[object, ...], str, BriefReport]] = []
"""The last check_brief call's arguments and result: a build asks twice (errors first, then the annex)."""


def check_brief(brief: Brief, summary: Summary, sources: dict[str, Source], corpus: CorpusReport) -> BriefReport:
    """Return the support check of ``brief``'s own sentences, and of time words in what it prints."""
    key = (brief, summary, sources, corpus)  # the very objects (held here, so no id is reused), and the clock's date
    if _LAST and all(a is b for a, b in zip(_LAST[0][0], key, strict=True)) and _LAST[0][1] == brief_date(brief):
        return _LAST[0][2]
    report = _check_brief(brief, summary, sources, corpus)
    _LAST[:] = [(key, brief_date(brief), report)]
    return report


def _check_brief(brief: Brief, summary: Summary, sources: dict[str, Source], corpus: CorpusReport) -> BriefReport:
    problems, traced, notes = freetext.check_free_text(brief, summary, sources, corpus, corpus.names)
    date = brief_date(brief)
    for item in traced:
        problems += timecheck.stale_time(brief.loaded, item.path, item.text, item.where, date,
                                         [sources[s].issued for s, _ in item.passages if s in sources and sources[s].issued])
    for claim_id in shown_claims(brief, summary):
        claim = summary.claims[claim_id]
        loaded, path = summary.where[f"claim:{claim_id}"]
        dates = [sources[claim.evidence[k].source].issued for k in corpus.supporting(claim)
                 if claim.evidence[k].source in sources and sources[claim.evidence[k].source].issued]
        problems += timecheck.stale_time(loaded, path + ("text",), claim.text, f"claim {claim_id}", date, dates)
    return BriefReport(problems, traced, notes)


def build_problems(brief: Brief, summary: Summary, sources: dict[str, Source], corpus: CorpusReport,
                   report: BriefReport | None = None) -> list[Problem]:
    """Return every finding that concerns what ``brief`` prints: its claims, its sentences (``report``: their check, made elsewhere)."""
    found = [p for claim_id in shown_claims(brief, summary) for p in corpus.problems.get(claim_id, [])]
    return found + (report or check_brief(brief, summary, sources, corpus)).problems


def resolve_claim_citations(brief: Brief, summary: Summary, corpus: CorpusReport) -> Brief:
    """Return ``brief`` with every ``@claim:ID`` in its text replaced by the claim's supporting sources."""
    def expand(text: str) -> str:
        return freetext.expand_claim_citations(text, summary, corpus)

    return dataclasses.replace(brief, spec=map_texts(brief.spec, expand))  # every free text, the analytic keys too


def split(problems: list[Problem]) -> tuple[list[Problem], list[Problem]]:
    """Return (errors, warnings)."""
    return [p for p in problems if p.severity != "warning"], [p for p in problems if p.severity == "warning"]
