"""The Moby thesaurus: may one word stand for another in a paraphrase? A leaf module (standard library only).

The data, ``data/moby.txt.gz`` (the words, sorted, after a "#" notice) and ``data/moby.bin`` (each
word's related words), are the single-word relations of Grady Ward's Moby Thesaurus II (public
domain), among the word vectors' vocabulary (``data/make_moby.py`` writes them). A writer's
thesaurus, broader than WordNet's senses: it lists "revise" for "rework", "ability" for "capacity",
"pose" for "raise", "intensify" for "sharpen", which WordNet does not link and the word vectors put
below their bar. It is broad both ways: it also lists "bar" for "restrict" and "release" for
"replace", so a caller asks it only about a word and the passage words that stand in that word's
place (``support/slots.py``), never about literal, absolute or light words.

Nothing is read until the first question, which only a sentence with an otherwise unsupported word
asks; then the two files are read whole (~1.8 MB, a few milliseconds).
"""

from __future__ import annotations

import gzip
import struct
import sys
from array import array
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from briefgen.text.thesaurus import lemmas


@lru_cache(maxsize=1)
def _data() -> tuple[list[str], array, array]:
    """Return the sorted words, the offsets (N + 1) and the neighbour indices, from the data files."""
    folder = Path(__file__).parent / "data"
    text = gzip.decompress((folder / "moby.txt.gz").read_bytes()).decode("utf-8")
    words = text[text.index("\n", text.rindex("\n#") + 1) + 1:].split("\n")  # after the "#" notice
    if words and not words[-1]:
        words.pop()
    raw = (folder / "moby.bin").read_bytes()
    (count,) = struct.unpack_from("<I", raw)
    if count != len(words):
        raise ValueError(f"moby.bin lists {count} words, moby.txt.gz {len(words)}")
    offsets, neighbours = array("I"), array("H")
    offsets.frombytes(raw[4: 4 + 4 * (count + 1)])
    neighbours.frombytes(raw[4 + 4 * (count + 1):])
    if offsets.itemsize != 4 or neighbours.itemsize != 2:
        raise ValueError("moby: unexpected array item sizes on this platform")
    if sys.byteorder != "little":
        offsets.byteswap()
        neighbours.byteswap()
    return words, offsets, neighbours


def _index(form: str) -> int | None:
    words = _data()[0]
    at = bisect_left(words, form)
    return at if at < len(words) and words[at] == form else None


@lru_cache(maxsize=8192)
def _related(word: str) -> frozenset[int]:
    """Return the indices of the words related to any form ``word`` (as written) may be of."""
    _, offsets, neighbours = _data()
    found: set[int] = set()
    for at in _indices(word):
        found.update(neighbours[offsets[at]: offsets[at + 1]])
    return frozenset(found)


@lru_cache(maxsize=8192)
def _indices(word: str) -> frozenset[int]:
    """Return the indices of the forms ``word`` (as written) may be of."""
    return frozenset(at for form in lemmas(word) if (at := _index(form)) is not None)


def related(word: str, others: Iterable[str]) -> str:
    """Return the first of ``others`` (in order) that the thesaurus relates to a form of ``word``, or ""."""
    mine = _related(word)
    if not mine:
        return ""
    return next((other for other in others if not mine.isdisjoint(_indices(other))), "")
