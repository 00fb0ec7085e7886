"""The structured summary: themes → claims → evidence, and its verification.

Every ``*.yaml`` file in the summary folder holds ``themes:``; the files are
merged in name order. Verification checks each quote against its source's text,
forgiving whitespace and typography only (``quotes``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.errors import Problem, UserError, did_you_mean, display
from briefgen.inputs import checked, dates, ingest, paths, quotes, yamlio
from briefgen.inputs.sources import Source

if TYPE_CHECKING:
    from briefgen.inputs import schemas
    from briefgen.inputs.schemas import Claim, Theme


@dataclass(frozen=True)
class Summary:
    """All themes, with an index of where each theme and claim was written."""

    themes: tuple[Theme, ...]
    where: dict[str, tuple[yamlio.Loaded, tuple]]
    """``theme:<id>`` / ``claim:<id>`` → (its file, its key path)."""

    def theme(self, theme_id: str) -> Theme:
        return next(t for t in self.themes if t.id == theme_id)

    @property
    def claims(self) -> dict[str, Claim]:
        return {c.id: c for t in self.themes for c in t.claims}

    def problem(self, key: str, subpath: tuple, message: str, hint: str = "") -> Problem:
        loaded, path = self.where[key]
        return loaded.problem(path + subpath, message, hint)


def load_summary(folder: Path, sources: dict[str, Source]) -> Summary:
    """Return the summary in ``folder``, with every id and source reference checked."""
    files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    outside = [p for p in files if not paths.inside(p, [folder.parent])]
    if outside:  # a symlink out of the project is never read
        raise UserError([Problem(display(p), 0, 0, "", "expected a summary file inside the project, found a symlink that leads outside it")
                         for p in outside])
    if not files:
        raise UserError([Problem(display(folder), 0, 0, "", "expected YAML files with `themes:`, found none", "run `briefgen summarize` or write summary/summary.yaml")])
    themes: list[Theme] = []
    where: dict[str, tuple[yamlio.Loaded, tuple]] = {}
    problems: list[Problem] = []
    for path in files:
        loaded = yamlio.load(path)
        if loaded.data is None:
            continue
        try:
            part: schemas.SummaryFile = checked.validate("SummaryFile", loaded)
        except UserError as exc:
            problems += exc.problems
            continue
        problems += _index(part, loaded, where, sources)
        themes += part.themes
    if problems:
        raise UserError(problems)
    return Summary(tuple(themes), where)


def _index(part: schemas.SummaryFile, loaded: yamlio.Loaded, where: dict, sources: dict[str, Source]) -> list[Problem]:
    """Record where each theme and claim is; return problems with duplicate ids and unknown sources."""
    problems = []
    for i, theme in enumerate(part.themes):
        problems += _register(f"theme:{theme.id}", ("themes", i), loaded, where)
        for j, claim in enumerate(theme.claims):
            path = ("themes", i, "claims", j)
            problems += _register(f"claim:{claim.id}", path, loaded, where)
            if claim.date and dates.problem(claim.date):
                problems.append(loaded.problem(path + ("date",), dates.problem(claim.date)))
            for k, evidence in enumerate(claim.evidence):
                if evidence.source not in sources and not evidence.stale and claim.status not in ("stale", "rejected"):
                    problems.append(loaded.problem(path + ("evidence", k, "source"), f"expected a source id, found {evidence.source!r}",
                                                   did_you_mean(evidence.source, list(sources))))
    return problems


def _register(key: str, path: tuple, loaded: yamlio.Loaded, where: dict) -> list[Problem]:
    if key in where:
        first = where[key][0].problem(where[key][1], "")
        kind, ident = key.split(":", 1)
        return [loaded.problem(path + ("id",), f"duplicate {kind} id {ident!r}", f"first at {first.file}:{first.line}")]
    where[key] = (loaded, path)
    return []


def verify(summary: Summary, sources: dict[str, Source]) -> list[Problem]:
    """Return a problem for every quote that is not in its source (up to typography, see ``quotes``).

    Evidence that summarize flagged ``stale: true`` is not an error here: ``stale_uses`` warns
    where a spec uses it. Rejected claims are never printed, so their quotes are not checked.
    """
    problems: list[Problem] = []
    texts: dict[str, str] = {}
    for theme in summary.themes:
        for claim in theme.claims:
            if claim.status in ("stale", "rejected"):
                continue
            for k, evidence in enumerate(claim.evidence):
                if evidence.stale:
                    continue
                source = sources[evidence.source]
                try:
                    text = texts.setdefault(source.id, ingest.normalise(source.text))
                except UserError as exc:
                    problems += [p for p in exc.problems if p not in problems]
                    continue
                if not quotes.holds(evidence.quote, text):
                    problems.append(summary.problem(
                        f"claim:{claim.id}", ("evidence", k, "quote"),
                        f"expected a verbatim passage of {source.id!r}, found a quote that is not in it; the closest passage "
                        f"differs at the caret (correct the quote, or run `briefgen summarize` to flag it stale):\n"
                        + quotes.mismatch(evidence.quote, text)))
    return problems


def holding(claim: Claim) -> list[schemas.Evidence]:
    """Return the claim's evidence that still holds (not flagged stale)."""
    return [e for e in claim.evidence if not e.stale]


def staleness(claim: Claim) -> str:
    """Return "stale" when no evidence holds, "partly stale" when some does not, else ''."""
    if claim.status == "stale" or not holding(claim):
        return "stale"
    return "partly stale" if len(holding(claim)) < len(claim.evidence) else ""

