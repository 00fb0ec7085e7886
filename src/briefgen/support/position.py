"""Where a word sits in a YAML file: the value's position, refined to the word's own column."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from briefgen.errors import Problem
from briefgen.inputs import yamlio


@lru_cache(maxsize=64)
def _lines(file: str, stamp: float) -> tuple[str, ...]:
    try:
        return tuple(Path(file).read_text(encoding="utf-8").splitlines())
    except (OSError, UnicodeDecodeError):
        return ()


def locate(loaded: yamlio.Loaded, path: tuple, snippet: str) -> tuple[int, int]:
    """Return (line, col) of ``snippet`` inside the value at ``path``, else of the value itself.

    The value's first line is searched from its column on, then the next lines up
    to the next key (a block scalar or a wrapped string); the first hit wins.
    """
    line, col = loaded.where(path)
    try:
        stamp = Path(loaded.file).stat().st_mtime
    except OSError:
        return line, col
    lines = _lines(loaded.file, stamp)
    needle = snippet.strip()
    if not needle or not lines:
        return line, col
    for number in range(line, min(line + 40, len(lines) + 1)):
        text = lines[number - 1]
        start = col - 1 if number == line else 0
        found = text.find(needle, start)
        if found >= 0:
            return number, found + 1
        if number > line and text.strip() and not text.startswith(" " * col):
            break  # the value ended
    return line, col


def problem(loaded: yamlio.Loaded, path: tuple, snippet: str, message: str, hint: str, severity: str, code: str) -> Problem:
    """Return a Problem positioned at ``snippet`` inside the value at ``path``."""
    line, col = locate(loaded, path, snippet)
    return Problem(loaded.file, line, col, "", message, hint, severity, code)
