"""Corroboration's own machinery in `briefgen summarize`: rare phrases counted without holding every pair of the corpus,
and the merge rules added for paraphrases (each with the look-alike facts it must keep apart)."""

from __future__ import annotations

import random
from collections import Counter

from briefgen.drafting import corpus as corpus_module
from briefgen.drafting.corpus import Corpus


def _brute_rare_pairs(corpus: Corpus, bag: tuple[str, ...]) -> frozenset[tuple[str, str]]:
    """The rule as first written: count every pair of adjacent tokens of every document."""
    counts: Counter[tuple[str, str]] = Counter()
    held: dict[int, set[tuple[str, str]]] = {}
    for (doc, _, _), tokens in zip(corpus.spans, corpus.bags, strict=True):
        held.setdefault(doc, set()).update(zip(tokens, tokens[1:], strict=False))
    for pairs in held.values():
        counts.update(pairs)
    n = len(corpus.texts)
    limit, rare = max(2.0, corpus_module.RARE_PHRASE * n), corpus_module.RARE * n
    return frozenset(p for p in zip(bag, bag[1:], strict=False)
                     if counts[p] <= limit and corpus.doc_tokens[p[0]] <= rare and corpus.doc_tokens[p[1]] <= rare)


def test_rare_pairs_are_those_of_a_full_count_of_the_corpus() -> None:
    rng = random.Random(3)
    vocabulary = [f"word{c}{d}" for c in "abcdefgh" for d in "xyz"]
    corpus = Corpus()
    for doc in range(30):
        # words from one in five documents to three in five: many of them in the band whose pairs need a count
        mine = [w for k, w in enumerate(vocabulary) if rng.random() < 0.2 + 0.4 * k / len(vocabulary)] or vocabulary[-2:]
        sentences = [" ".join(rng.choice(mine) for _ in range(12)).capitalize() + " here." for _ in range(6)]
        corpus.add(f"d{doc}", "\n\n".join(sentences))
    checked = band = 0
    for i, bag in enumerate(corpus.bags):
        assert corpus._rare_pairs(bag) == _brute_rare_pairs(corpus, bag), i
        checked += 1
    assert corpus._pair_counts is not None and corpus._pair_counts, "the band of words needing a count was not empty"
    band = len(corpus._pair_counts)
    assert checked > 50 and band > 5
