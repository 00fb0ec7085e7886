"""Brief specs: loading, validation and cross-checks against the summary and sources.

A spec is validated declaratively (schemas.Spec); every problem in a file is
reported at once, positioned, with a "did you mean" for unknown ids.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from briefgen.errors import Problem, UserError, did_you_mean
from briefgen.inputs import schemas, yamlio
from briefgen.inputs.sources import Source
from briefgen.inputs.summary import Summary

CITATION_KEY = re.compile(r"@([\w][\w:.#$%&+?<>~/-]*)")


@dataclass(frozen=True)
class Brief:
    """A validated spec, with the file it came from."""

    spec: schemas.Spec
    path: Path
    loaded: yamlio.Loaded

    @property
    def name(self) -> str:
        """The output base name: the spec file's name, made safe."""
        return safe_name(self.path.stem)

    def problem(self, path: tuple, message: str, hint: str = "") -> Problem:
        return self.loaded.problem(path, message, hint)


def safe_name(stem: str) -> str:
    """Return ``stem`` as a file name with no path separators, dots first or odd characters."""
    cleaned = re.sub(r"[^\w.+-]+", "-", stem, flags=re.ASCII).strip(".-")
    return cleaned[:120] or "brief"


def load_spec(path: Path, summary: Summary, sources: dict[str, Source]) -> Brief:
    """Return the brief spec at ``path``, or raise every problem in it at once."""
    loaded = yamlio.load(path)
    if not isinstance(loaded.data, dict):
        raise UserError([loaded.problem((), f"expected a mapping of spec keys (title, sections, …), found {type(loaded.data).__name__}")])
    spec = schemas.validate(schemas.Spec, loaded)
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
        problems += _cited(brief, ("sections", i, "text"), section.text, sources)
    problems += _cited(brief, ("bottom_line",), spec.bottom_line, sources)
    for key in ("key_points", "recommendations"):
        for j, text in enumerate(getattr(spec, key)):
            problems += _cited(brief, (key, j), text, sources)
    return problems


def _unknown(brief: Brief, path: tuple, given: list[str], known: list[str], what: str) -> list[Problem]:
    return [brief.problem(path + (k,), f"expected a {what}, found {value!r}", did_you_mean(value, known))
            for k, value in enumerate(given) if value not in known]


def _cited(brief: Brief, path: tuple, text: str, sources: dict[str, Source]) -> list[Problem]:
    """Return a problem for each ``[@key]`` in ``text`` that names no source."""
    problems = []
    for block in re.findall(r"\[([^\]]*@[^\]]*)\]", text):
        for key in CITATION_KEY.findall(block):
            if key not in sources:
                problems.append(brief.problem(path, f"expected a source id after '@', found {key!r}",
                                              did_you_mean(key, list(sources)) or "see `briefgen sources`"))
    return problems
