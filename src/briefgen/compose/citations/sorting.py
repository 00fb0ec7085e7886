"""Reference-list order: by the printed text, as a reader scans it (CMOS 18 chapter 13, APA 9.44)."""

from __future__ import annotations

import re
import unicodedata

from briefgen.compose.citations.text import Piece, text_of


def printed_order(entry: Piece) -> tuple:
    """Sort key of an entry: its text, without leading quotes or brackets, letters first."""
    text = text_of(entry).lstrip("“‘\"'[( ")
    folded = unicodedata.normalize("NFKD", text).casefold()
    return (_NOT_WORD.sub("", folded), text)


_NOT_WORD = re.compile(r"[^\w\s]|_")
