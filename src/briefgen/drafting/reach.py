"""Which claims a sentence could reach: every claim's shared weight summed at once in one packed integer. Pure.

Corroboration compares each sentence of the corpus with the claims it shares weighted tokens with, but only a
claim whose weighted cosine with the sentence reaches its bar matters, and a typical sentence shares a token or
two with many claims and reaches none. Summing the shared weight claim by claim costs a Python step per
(token, claim); here the sums are added all at once: each claim owns a ``bits``-wide field of one Python integer,
a token's weight (scaled to an integer, rounded up) sits in the field of every claim that holds it, and a
sentence's packed sums are the plain integer sum of its tokens' packed weights (C arithmetic on a few hundred
machine words). Each claim's bar (scaled, rounded down) is subtracted from a bias in its field, so that the
field's top bit says whether the claim is within reach: an over-estimate of what the sentence shares against an
under-estimate of its bar. The claims so screened are a superset of those that reach their bar; their exact
overlap is then worked out as before, so nothing but the time changes.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

SCALE = 64
"""Weights, roots and bars are scaled by this before rounding (finer: fewer claims screened in that miss)."""
SLACK = 1 - 1e-9
"""Rounding room: a bar is rounded down a little further, so that no claim within reach is screened out."""


class Reach:
    """The claims' tokens, weights and bars, packed once; ``claims`` screens a sentence against all of them."""

    def __init__(self, bags: Sequence[frozenset[str]], bars: Sequence[float], homes: Sequence[int], idf: dict[str, float],
                 longest: int) -> None:
        """``bags``: each claim's tokens; ``bars``: the overlap each claim needs times its own root (``bar * root``,
        so that a sentence of root ``r`` must share ``bars[k] * r``); ``homes``: each claim's document;
        ``longest``: the most distinct tokens a screened sentence has."""
        heaviest = max(idf.values(), default=0.0)
        widest = max(longest * (math.floor(heaviest * SCALE * SCALE) + 1), 1)
        self.bits = widest.bit_length() + 2
        """Field width: a field's sum and its biased bar stay below its top bit, so fields never carry into each other."""
        bits = self.bits
        self.packed: dict[str, int] = {}
        """Token → its scaled weight in the field of each claim that holds it (weighted tokens only)."""
        for k, bag in enumerate(bags):
            for token in bag:
                weight = idf.get(token, 0.0)
                if weight:
                    self.packed[token] = self.packed.get(token, 0) + ((math.floor(weight * SCALE * SCALE) + 1) << (k * bits))
        self.tokens = frozenset(self.packed)
        self.bars = sum(math.floor(bar * SCALE * SLACK) << (k * bits) for k, bar in enumerate(bars) if bar > 0)
        """Each claim's bar, scaled once (times the sentence's scaled root, per sentence)."""
        half = 1 << (bits - 1)
        self.bias = sum(half << (k * bits) for k in range(len(bags)))
        """The top bit of every field: a field's top bit stays set after its bar is taken off only if its sum reaches the bar."""
        self.everyone = sum(half << (k * bits) for k, bar in enumerate(bars) if bar > 0)
        """The top bits of the fields of the claims with a weighted token."""
        self.own: dict[int, int] = {}
        """Document → the top bits of the fields of its own claims (a claim is corroborated by other documents only)."""
        for k, home in enumerate(homes):
            self.own[home] = self.own.get(home, 0) | half << (k * bits)

    def claims(self, bag: frozenset[str], root: float, doc: int) -> list[int]:
        """Return the claims of other documents that a sentence (tokens ``bag``, root ``root`` of its weight, from
        document ``doc``) may share ``bars[k] * root`` with: every claim that does, and perhaps a few that do not."""
        held = bag & self.tokens
        if not held:
            return []
        scaled = math.floor(root * SCALE * SLACK)
        reached = (sum(map(self.packed.__getitem__, held)) + self.bias - scaled * self.bars) & self.everyone & ~self.own.get(doc, 0)
        found = []
        while reached:
            lowest = reached & -reached
            found.append((lowest.bit_length() - 1) // self.bits)
            reached ^= lowest
        return found
