"""Judge one sentence against passages: which of its words no passage supports, which passages are padding.

The rules (the same for claims and for free text):
- a word is supported when a passage has a word with the same key (stem, number
  value, month, year) or a word of one of its synonym groups;
- a passage is *padding* when it shares no word with the sentence, or when it
  adds no word that a better passage does not already support and supports under
  ``PADDING_SHARE`` of what the best passage supports: it adds bulk, not evidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from briefgen.text import words as w

PADDING_SHARE = 0.6
"""A passage supporting less than this share of what the best passage supports, and nothing new, is padding."""


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the passages do for one sentence."""

    words: tuple[w.Word, ...]
    """The sentence's content words."""
    missing: tuple[w.Word, ...]
    """Words no supporting passage has (before any acceptance)."""
    padding: tuple[int, ...]
    """Indices of the passages that are padding."""
    closest: int | None
    """Index of the passage that supports most words, or None when there are no passages."""
    shares: tuple[float, ...]
    """Per passage: the share of the sentence's words it supports."""

    @property
    def supporting(self) -> tuple[int, ...]:
        return tuple(i for i in range(len(self.shares)) if i not in self.padding)


@lru_cache(maxsize=4096)
def passage_keys(text: str) -> tuple[frozenset[str], frozenset[int]]:
    """Return the keys of ``text``'s words and the synonym groups they belong to."""
    found = w.words(text)
    keys = frozenset(x.key for x in found)
    groups = frozenset(g for k in keys for g in w.synonyms(k))
    return keys, groups


def supports(word: w.Word, keys: frozenset[str], groups: frozenset[int]) -> bool:
    """True when a passage with ``keys`` and ``groups`` supports ``word``."""
    if word.key in keys:
        return True
    if word.kind in ("number", "date"):
        return False
    return bool(w.synonyms(word.key) & groups)


def judge(sentence: str, passages: list[str], names: frozenset[str] = frozenset()) -> Verdict:
    """Return how ``passages`` support ``sentence`` (see the module doc for the rules)."""
    found = tuple(_dedupe(w.words(sentence, names)))
    covered: list[set[int]] = []
    for text in passages:
        keys, groups = passage_keys(text)
        covered.append({i for i, word in enumerate(found) if supports(word, keys, groups)})
    total = max(len(found), 1)
    shares = tuple(len(c) / total for c in covered)
    order = sorted(range(len(passages)), key=lambda i: (-len(covered[i]), i))
    padding: list[int] = []
    seen: set[int] = set()
    for rank, i in enumerate(order):
        new = covered[i] - seen
        if not covered[i] or (rank > 0 and not new and len(covered[i]) < PADDING_SHARE * len(covered[order[0]])):
            padding.append(i)
            continue
        seen |= covered[i]
    missing = tuple(word for i, word in enumerate(found) if i not in seen)
    return Verdict(found, missing, tuple(sorted(padding)), order[0] if order else None, shares)


def _dedupe(found: list[w.Word]) -> list[w.Word]:
    """Keep the first occurrence of each key, so a repeated word is reported once."""
    seen: set[tuple[str, str]] = set()
    return [x for x in found if not ((x.kind, x.key) in seen or seen.add((x.kind, x.key)))]  # type: ignore[func-returns-value]


def sentence_names(*texts: str) -> frozenset[str]:
    """Return the stems written as proper names mid-sentence in any of ``texts``."""
    return frozenset().union(*(w.name_stems(t) for t in texts)) if texts else frozenset()
