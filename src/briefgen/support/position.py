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


def _finder(snippet: str) -> re.Pattern[str]:
    """A pattern of ``snippet`` starting a word ("now", not "know"); a one-word snippet ends one too (a longer
    one may be a passage's first characters, cut mid-word)."""
    whole = snippet[-1:].isalnum() and not any(c.isspace() for c in snippet)
    return re.compile((r"(?<!\w)" if snippet[:1].isalnum() else "") + re.escape(snippet) + (r"(?!\w)" if whole else ""))


def locate(loaded: yamlio.Loaded, path: tuple, snippet: str, context: str = "") -> tuple[int, int]:
    """Return (line, col) of ``snippet`` inside the value at ``path``, else of the value itself.

    The value's first line is searched from its column on, then the next lines while they
    are indented deeper than the value's key (a block scalar's lines, blank ones included,
    or a wrapped string); the first hit wins, a word only as a whole word. With ``context``
    (the start of the sentence the snippet is in), the search starts where it is found.
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
    first = lines[line - 1]
    key_indent = len(first) - len(first.lstrip(" -")) if first[:col - 1].strip(" -") else col - 1
    last = line
    while last < len(lines) and (not lines[last].strip() or len(lines[last]) - len(lines[last].lstrip(" ")) > key_indent):
        last += 1  # lines[last] is the first line after the value (its number is last + 1)
    begin = (line, col - 1)
    head = context.strip().split("\n")[0][:40].strip()
    if head:
        for number in range(line, last + 1):
            at = lines[number - 1].find(head, col - 1 if number == line else 0)
            if at >= 0:
                begin = (number, at)
                break
    pattern = _finder(needle)
    for number in range(begin[0], last + 1):
        found = pattern.search(lines[number - 1], begin[1] if number == begin[0] else 0)
        if found:
            return number, found.start() + 1
    return line, col


def problem(loaded: yamlio.Loaded, path: tuple, snippet: str, message: str, hint: str, severity: str, code: str,
            context: str = "") -> Problem:
    """Return a Problem positioned at ``snippet`` inside the value at ``path`` (in the sentence ``context`` starts)."""
    line, col = locate(loaded, path, snippet, context)
    return Problem(loaded.file, line, col, "", message, hint, severity, code)
