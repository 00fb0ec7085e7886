"""The support stage's entry points, as the pipeline calls them at ``check`` and ``build``."""

from __future__ import annotations

from dataclasses import dataclass, field

from briefgen.errors import Problem
from briefgen.inputs.sources import Source
from briefgen.inputs.spec import Brief
from briefgen.inputs.summary import Summary
from briefgen.support.claims import CorpusReport, check_claims


@dataclass
class BriefReport:
    """The support check of one brief: its findings, and what the annex shows."""

    problems: list[Problem] = field(default_factory=list)


def check_corpus(summary: Summary, sources: dict[str, Source]) -> CorpusReport:
    """Return the support check of every claim and source."""
    return check_claims(summary)


def shown_claims(brief: Brief, summary: Summary) -> list[str]:
    """Return the ids of the claims the brief's sections may show (before limits and source filters)."""
    ids: list[str] = []
    for section in brief.spec.sections:
        for theme_id in section.themes:
            ids += [c.id for c in summary.theme(theme_id).claims if c.status != "draft" or section.drafts]
        ids += [c for c in section.claims if summary.claims[c].status != "draft" or section.drafts]
    return list(dict.fromkeys(ids))


def check_brief(brief: Brief, summary: Summary, sources: dict[str, Source], corpus: CorpusReport) -> BriefReport:
    """Return the support check of ``brief``'s own sentences."""
    return BriefReport()


def build_problems(brief: Brief, summary: Summary, sources: dict[str, Source], corpus: CorpusReport) -> list[Problem]:
    """Return every finding that concerns what ``brief`` prints: its claims, its sentences, its sources."""
    found = [p for claim_id in shown_claims(brief, summary) for p in corpus.problems.get(claim_id, [])]
    return found + check_brief(brief, summary, sources, corpus).problems


def split(problems: list[Problem]) -> tuple[list[Problem], list[Problem]]:
    """Return (errors, warnings)."""
    return [p for p in problems if p.severity != "warning"], [p for p in problems if p.severity == "warning"]
