"""Typed errors, rendered once at the edge (the CLI) with an exit code per class.

A user error is data: where it happened (file, line, column, key path), what was
expected, what was found, and a suggestion. It never shows a traceback.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, replace
from pathlib import Path

SEVERITIES = ("error", "warning", "note")
"""``error`` fails; ``warning`` is shown and fails under ``--strict``; ``note`` is shown only when asked
(``check --explain``) and never fails: what a check noticed but does not claim (the support check's
unsupported words that its score takes for a paraphrase, ``support.paraphrase``)."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding about one input file: an error, or a warning that ``--strict`` promotes.

    Every check in briefgen (schemas, quotes, support, citations, layout budgets)
    reports these records; only the edge (the CLI) turns them into text.
    """

    file: str
    line: int
    col: int
    path: str
    """The key path, dotted: ``sections.1.themes.0``; empty for the whole file."""
    message: str
    hint: str = ""
    severity: str = "error"
    """``error``, ``warning`` or ``note`` (see ``SEVERITIES``)."""
    code: str = ""
    """A short stable name for the kind of finding, e.g. ``support.name``; tests and filters use it."""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.col}" if self.line else self.file
        text = f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


def warning(code: str, message: str, hint: str = "") -> Problem:
    """Return a warning about the whole input (no position): ``code`` is ``area.kind``, e.g. ``pdf.font``.

    The stage that knows the file (the pipeline) fills in ``file``; the CLI renders it.
    """
    return Problem("", 0, 0, "", message, hint, severity="warning", code=code)


def promoted(problems: list[Problem]) -> list[Problem]:
    """Return ``problems`` with every warning made an error (``--strict``); a note stays a note."""
    return [replace(p, severity="error") if p.severity == "warning" else p for p in problems]


class BriefgenError(Exception):
    """Base of every error briefgen reports to a user."""

    exit_code = 1

    def __init__(self, problems: list[Problem] | str):
        self.problems = [Problem("", 0, 0, "", problems)] if isinstance(problems, str) else problems
        super().__init__(self.render())

    def render(self) -> str:
        return "\n".join(str(p).lstrip(": ") for p in self.problems)

    def __reduce__(self) -> tuple[type[BriefgenError], tuple[list[Problem]]]:
        """Pickle with the problems themselves (a forked renderer sends its errors back: ``renderers.ahead``)."""
        return type(self), (self.problems,)


class UserError(BriefgenError):
    """Bad input: a spec, the summary, the sources or a template. Exit code 2."""

    exit_code = 2


class PartialFailure(BriefgenError):
    """Some items of a batch failed and the rest were done. Exit code 3."""

    exit_code = 3


def did_you_mean(word: str, choices: list[str] | tuple[str, ...]) -> str:
    """Return a "did you mean …?" hint for the closest of ``choices``, or ''."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}?" if close else ""


def display(path: Path | str) -> str:
    """Return ``path`` relative to the working directory where possible, for messages."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(p)
