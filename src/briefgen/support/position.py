"""Where a word sits in a YAML file: the value's position, refined to the word's own column."""

from __future__ import annotations

import re
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

    The value's first line is searched from its column on, then every following line
    indented deeper than the value's key (a block scalar's paragraphs, or a wrapped
    string); the first hit wins.
    """
    line, col = loaded.where(path)
    try:
        stamp = Path(loaded.file).stat().st_mtime
    except OSError:
        return line, col
    lines = _lines(loaded.file, stamp)
    needle = snippet.strip()
    if not needle or not lines or line > len(lines):
        return line, col
    # a word or number is found whole ("1" is not the 1 of "10"); a longer snippet may end mid-word (a quote's head)
    whole = re.compile((r"(?<!\w)" if needle[0].isalnum() else "") + re.escape(needle)
                       + (r"(?!\w)" if needle.isalnum() else ""))
    head = lines[line - 1]
    indent = len(head) - len(head.lstrip(" "))  # the key's (or the "- " item's) indentation
    for number in range(line, len(lines) + 1):
        text = lines[number - 1]
        if number > line and text.strip() and len(text) - len(text.lstrip(" ")) <= indent:
            break  # the value ended: a line no deeper than its key's
        found = whole.search(text, col - 1 if number == line else 0)
        if found:
            return number, found.start() + 1
    return line, col


def problem(loaded: yamlio.Loaded, path: tuple, snippet: str, message: str, hint: str, severity: str, code: str) -> Problem:
    """Return a Problem positioned at ``snippet`` inside the value at ``path``."""
    line, col = locate(loaded, path, snippet)
    return Problem(loaded.file, line, col, "", message, hint, severity, code)
