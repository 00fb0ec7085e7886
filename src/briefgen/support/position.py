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


def locate(loaded: yamlio.Loaded, path: tuple, snippet: str, context: str = "") -> tuple[int, int]:
    """Return (line, col) of ``snippet`` inside the value at ``path``, else of the value itself.

    The value's first line is searched from its column on, then every following line
    indented deeper than the value's key (a block scalar's paragraphs, or a wrapped
    string); the first hit wins. With ``context`` (the sentence the snippet is in), the
    search starts where the sentence's head is found, so a word is found in its own
    sentence, not in an earlier one ("now" of the third paragraph, not of the first).
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
    last = line  # the value's last line
    while last < len(lines) and (not lines[last].strip() or len(lines[last]) - len(lines[last].lstrip(" ")) > indent):
        last += 1
    begin = (line, col - 1)
    start = context.strip().split("\n")[0][:40].strip()
    for number in range(line, last + 1) if start else ():
        at = lines[number - 1].find(start, col - 1 if number == line else 0)
        if at >= 0:
            begin = (number, at)
            break
    for number in range(begin[0], last + 1):
        found = whole.search(lines[number - 1], begin[1] if number == begin[0] else 0)
        if found:
            return number, found.start() + 1
    return line, col


def problem(loaded: yamlio.Loaded, path: tuple, snippet: str, message: str, hint: str, severity: str, code: str,
            context: str = "") -> Problem:
    """Return a Problem positioned at ``snippet`` inside the value at ``path`` (in the sentence ``context`` starts)."""
    line, col = locate(loaded, path, snippet, context)
    return Problem(loaded.file, line, col, "", message, hint, severity, code)
