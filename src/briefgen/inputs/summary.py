"""The structured summary: themes → claims → evidence, and its verification.

Every ``*.yaml`` file in the summary folder holds ``themes:``; the files are
merged in name order. Verification checks each quote against its source's text,
ignoring whitespace differences only.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from briefgen.errors import Problem, UserError, did_you_mean, display
from briefgen.inputs import ingest, schemas, yamlio
from briefgen.inputs.sources import Source

Theme = schemas.Theme
Claim = schemas.Claim


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
            part = schemas.validate(schemas.SummaryFile, loaded)
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
            for k, evidence in enumerate(claim.evidence):
                if evidence.source not in sources and claim.status != "stale":
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
    """Return a problem for every quote that is not verbatim in its source."""
    problems: list[Problem] = []
    texts: dict[str, str] = {}
    for theme in summary.themes:
        for claim in theme.claims:
            if claim.status == "stale":  # summarize flagged it: its source changed or disappeared
                continue
            for k, evidence in enumerate(claim.evidence):
                source = sources[evidence.source]
                try:
                    text = texts.setdefault(source.id, ingest.normalise(source.text))
                except UserError as exc:
                    problems += [p for p in exc.problems if p not in problems]
                    continue
                quote = ingest.normalise(evidence.quote)
                if not quote or quote not in text:
                    problems.append(summary.problem(f"claim:{claim.id}", ("evidence", k, "quote"),
                                                    f"expected a verbatim passage of {source.id!r}, found a quote that is not in it",
                                                    f"closest passage: “{closest_passage(quote, text)}”"))
    return problems


def closest_passage(quote: str, text: str) -> str:
    """Return the passage of ``text`` that best matches ``quote``."""
    matcher = difflib.SequenceMatcher(None, text, quote, autojunk=False)
    match = matcher.find_longest_match(0, len(text), 0, len(quote))
    start = max(0, match.a - match.b)
    return text[start:start + len(quote)]

