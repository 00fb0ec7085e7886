"""Markdown's backslash escapes: text that shows literally (``escape``), and a directive's text as a reader sees it (``unescape``).

Plain string work, no Markdown parser: ``compose.templates`` escapes what a template
puts into Markdown, ``compose.markup`` unescapes a callout's title.
"""

from __future__ import annotations

import re

_PUNCT = re.compile(r"([!-/:-@\[-`{-~])")
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")

_MARKS = "\\" + "".join(c for c in map(chr, range(128)) if _PUNCT.fullmatch(c) and c != "\\")
"""ASCII punctuation (``_PUNCT``'s), the backslash first: escaped one mark at a time, a backslash is never doubled twice."""


def escape(text: str) -> str:
    """Return ``text`` as Markdown that shows literally: punctuation escaped, whitespace folded.

    Each mark is put behind a backslash with ``str.replace``: what substituting ``_PUNCT`` gives
    (tests/test_markup_escape.py), without a call per mark."""
    text = " ".join(str(text).split())
    for mark in _MARKS:
        if mark in text:
            text = text.replace(mark, "\\" + mark)
    return text


def unescape(text: str) -> str:
    """Return a directive's text as a reader sees it: Markdown's backslash escapes (``escape``'s output) undone."""
    return _ESCAPED.sub(r"\1", text)
