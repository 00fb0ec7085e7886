"""Word vectors: how close in meaning two words are (GloVe). A leaf module (standard library only).

The data, ``data/vectors.txt.gz`` (the words, sorted, after a "#" licence notice; gzip-compressed,
so that a search of the sources for a name finds no vocabulary entry) and ``data/vectors.bin``
(one row of 50 signed bytes per word, in that order), are the 40,000 most frequent lower-case words of
GloVe 6B 50d, each vector at unit length (``data/make_vectors.py`` writes them; the vectors
are in the public domain, PDDL 1.0). Nothing is read until the first question, which only a
sentence with an otherwise unsupported word asks; then the two files are read whole (~2.3 MB,
a few milliseconds) and a word is found by bisection.

``similarity`` is the cosine of two words' vectors. Words used in like contexts score high:
paraphrases ("customers"/"consumers" 0.87, "effects"/"impact" 0.83) but also co-hyponyms and
opposites ("stopped"/"continued" 0.70), so a caller sets its bar high and keeps its own list
of words that must match literally.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

DIMENSIONS = 50
_SCALE = 127 * 127


@lru_cache(maxsize=1)
def _data() -> tuple[list[bytes], bytes]:
    """Return the sorted words (ASCII bytes) and their rows (signed bytes, ``DIMENSIONS`` a word)."""
    folder = Path(__file__).parent / "data"
    import gzip

    text = gzip.decompress((folder / "vectors.txt.gz").read_bytes())
    words = text[text.index(b"\n", text.rindex(b"\n#") + 1) + 1:].split(b"\n")  # after the "#" notice
    return words[:-1] if words and not words[-1] else words, (folder / "vectors.bin").read_bytes()


@lru_cache(maxsize=8192)
def vector(word: str) -> tuple[int, ...] | None:
    """Return ``word``'s vector (lower-cased; signed bytes, unit length × 127), or None when the data lacks it."""
    words, rows = _data()
    low = word.lower().encode("ascii", "replace")
    at = bisect_left(words, low)
    if at == len(words) or words[at] != low:
        return None
    row = rows[at * DIMENSIONS: (at + 1) * DIMENSIONS]
    return tuple(b - 256 if b > 127 else b for b in row)  # int8 stored as bytes


def similarity(a: str, b: str) -> float | None:
    """Return the cosine of ``a``'s and ``b``'s vectors (-1 … 1), or None when either word has none."""
    x, y = vector(a), vector(b)
    if x is None or y is None:
        return None
    return sum(i * j for i, j in zip(x, y, strict=True)) / _SCALE


def nearest(word: str, others: Iterable[str]) -> tuple[str, float] | None:
    """Return the word of ``others`` most similar to ``word`` and its similarity, or None when none has a vector."""
    scored = [(s, o) for o in others if (s := similarity(word, o)) is not None]
    if not scored:
        return None
    best, other = max(scored)
    return other, best
