"""Token weights of a corpus: inverse document frequency, and which shared words are specific. Pure: no files."""

from __future__ import annotations

import math
from collections import Counter

COMMON = 0.8
"""A token in more than this share of the documents (of five or more) carries no weight."""
RARE = 0.5
"""A proper name found in at most this share of the documents is specific enough to tie two sentences."""


class Weights:
    """Token weights: inverse document frequency, nothing for the corpus's common tokens."""

    def __init__(self, doc_tokens: Counter[str], documents: int) -> None:
        self.documents = max(documents, 1)
        limit = COMMON * self.documents if self.documents >= 5 else self.documents
        self.idf = {t: (math.log((self.documents + 1) / d) if d <= limit else 0.0) for t, d in doc_tokens.items()}
        self._doc_tokens = doc_tokens
        self._specific = max(2.0, RARE * self.documents) if self.documents >= 5 else float(self.documents)

    def specific(self, tokens: frozenset[str]) -> bool:
        """Whether ``tokens`` (what two sentences share) hold a word at most half of the documents (or two) use:
        sentences that share only words most documents use share a subject, not a fact. In a corpus of fewer than
        five documents, as for ``COMMON``, every word is specific enough (three reports of one event share its words)."""
        return any(self._doc_tokens.get(t, 0) <= self._specific for t in tokens)

    def weight(self, tokens: frozenset[str]) -> float:
        return sum(self.idf.get(t, 0.0) for t in tokens)

    def overlap(self, a: frozenset[str], b: frozenset[str], weight_a: float | None = None, weight_b: float | None = None) -> float:
        """The weighted cosine of ``a`` and ``b`` as sets: shared weight over the geometric mean of their weights."""
        shared = self.weight(a & b)
        if not shared:
            return 0.0
        weight_a = self.weight(a) if weight_a is None else weight_a
        weight_b = self.weight(b) if weight_b is None else weight_b
        return shared / math.sqrt(weight_a * weight_b)

    def keys(self, tokens: frozenset[str], count: int = 4) -> list[str]:
        """Return the ``count`` heaviest tokens: any sentence of the same fact shares at least one, in practice."""
        return sorted((t for t in tokens if self.idf.get(t, 0.0) > 0), key=lambda t: (-self.idf[t], t))[:count]
