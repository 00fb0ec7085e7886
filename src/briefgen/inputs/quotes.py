"""Quote matching that forgives typography, and a message that points at the difference.

A quote matches its source when the two are equal after *folding*: curly and straight
quotation marks and apostrophes, dash variants (hyphen, en and em dash, minus, …),
non-breaking and other Unicode spaces, soft hyphens and zero-width characters, and runs
of whitespace all compare equal. Words, letters, digits and punctuation otherwise must
be the same. Offsets are kept: ``find`` answers in the unfolded text's coordinates.
"""

from __future__ import annotations

import difflib
import unicodedata

_SAME = {
    **dict.fromkeys("‘’‚‛′`´ʼ", "'"),
    **dict.fromkeys("“”„‟″", '"'),
    **dict.fromkeys("‐‑‒–—―−﹘﹣－", "-"),
    "…": "...",
}
_GONE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
"""Soft hyphen and zero-width characters: invisible, so never a difference."""


def fold(text: str) -> tuple[str, list[int]]:
    """Return ``text`` folded for comparison, and for each folded character its index in ``text``."""
    out: list[str] = []
    index: list[int] = []
    space = True  # drop leading whitespace
    for i, char in enumerate(unicodedata.normalize("NFC", text) if not text.isascii() else text):
        if char in _GONE:
            continue
        if char.isspace() or unicodedata.category(char) == "Zs":
            if not space:
                out.append(" ")
                index.append(i)
            space = True
            continue
        space = False
        for piece in _SAME.get(char, char):
            out.append(piece)
            index.append(i)
    if out and out[-1] == " ":
        out.pop()
        index.pop()
    return "".join(out), index


def folded(text: str) -> str:
    """Return ``text`` folded for comparison (see ``fold``)."""
    return fold(text)[0]


def find(quote: str, text: str) -> tuple[int, int] | None:
    """Return (start, end) of ``quote`` in ``text`` (indices of ``text``), or None when it is not there.

    ``text`` should already be NFC (ingest's normalised text is); the quote may be anything.
    """
    needle = folded(quote)
    if not needle:
        return None
    haystack, index = fold(text)
    at = haystack.find(needle)
    if at < 0:
        return None
    return index[at], index[at + len(needle) - 1] + 1


def holds(quote: str, text: str) -> bool:
    """Whether ``quote`` is in ``text`` up to typography."""
    return find(quote, text) is not None


def closest(quote: str, text: str) -> str:
    """Return the passage of ``text`` (folded) that best lines up with ``quote`` (folded)."""
    needle, haystack = folded(quote), folded(text)
    matcher = difflib.SequenceMatcher(None, haystack, needle, autojunk=False)
    match = matcher.find_longest_match(0, len(haystack), 0, len(needle))
    start = max(0, match.a - match.b)
    return haystack[start:start + len(needle)]


def mismatch(quote: str, text: str, width: int = 96) -> str:
    """Return three lines: the quote, the closest passage, and a caret under the first difference.

    The passages are shown as they are (folded), never wrapped in quotation marks, and
    cut to ``width`` characters around the difference so the caret stays visible.
    """
    needle, passage = folded(quote), closest(quote, text)
    at = next((i for i, (a, b) in enumerate(zip(needle, passage, strict=False)) if a != b), min(len(needle), len(passage)))
    left = 0 if max(len(needle), len(passage)) <= width else max(0, at - width // 2)
    cut_q, cut_p = needle[left:left + width], passage[left:left + width]
    lead = "…" if left else ""
    return (f"    quote:  {lead}{cut_q}\n"
            f"    source: {lead}{cut_p}\n"
            f"            {' ' * (len(lead) + at - left)}^ first difference (character {at + 1} of the quote)")
