"""Theme fit: which theme a sentence belongs under, if any, scored with BM25. Pure: no files.

Each sentence is scored against every theme (k1=1.2, b=0.75; the sentence is the
document, the theme the query). A theme's title and description count word by word;
a seed term counts only when the sentence has every word of it ("Commerce Control
List" is not matched by "Commerce" alone). The sentence belongs to its best theme
only when that score is at least MARGIN times the runner-up's; otherwise it fits no
theme, and the analyst sees it under "fits no theme" rather than under a guess.

BM25 is a few lines here rather than a library: it needs no model or download and the
scores stay explainable.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass

from briefgen.drafting import sentences
from briefgen.drafting.corpus import Corpus

K1, B = 1.2, 0.75
"""BM25 term-saturation and length-normalisation constants (the usual defaults)."""
FIELD_WEIGHTS = {"title": 2.0, "description": 1.0, "terms": 3.0}
"""Weight of a query token by the theme field it comes from: seed terms count most."""
MARGIN = 1.5
"""A sentence is filed under its best theme only if it scores at least this many times the runner-up."""


@dataclass(frozen=True)
class Topic:
    """What a theme asks for: its title, description and seed terms."""

    id: str
    title: str
    description: str = ""
    terms: tuple[str, ...] = ()

    def query(self) -> dict[str, float]:
        """Return the word-by-word part of the BM25 query (title and description): token → weight."""
        weights: dict[str, float] = defaultdict(float)
        for name, text in (("title", self.title), ("description", self.description)):
            for token in sentences.tokens(text):
                weights[token] += FIELD_WEIGHTS[name]
        return weights

    def phrases(self) -> list[tuple[str, ...]]:
        """Return each seed term's tokens: a term matches only a sentence that has them all."""
        return [tuple(dict.fromkeys(found)) for found in (sentences.tokens(term) for term in self.terms) if found]


def fit(corpus: Corpus, topics: list[Topic]) -> tuple[dict[int, tuple[int, float]], dict[int, float]]:
    """Return sentence → (its topic, BM25 score) for sentences that fit one topic clearly, and sentence → score for the others."""
    n = len(corpus.bags)
    if not n:
        return {}, {}
    average = sum(map(len, corpus.bags)) / n

    def idf(token: str) -> float:
        df = corpus.df.get(token, 0)
        return math.log(1 + (n - df + 0.5) / (df + 0.5)) if df else 0.0

    weights: dict[str, list[tuple[int, float]]] = defaultdict(list)
    terms: dict[str, list[tuple[int, tuple[str, ...]]]] = defaultdict(list)
    """A term's first token → (topic, the term's tokens)."""
    for t, topic in enumerate(topics):
        for token, field_weight in topic.query().items():
            if idf(token):
                weights[token].append((t, field_weight * idf(token)))
        for phrase in topic.phrases():
            if all(corpus.df.get(token, 0) for token in phrase):
                terms[phrase[0]].append((t, phrase))
    best: dict[int, tuple[int, float]] = {}
    unfit: dict[int, float] = {}
    for i, bag in enumerate(corpus.bags):
        if not any(token in weights or token in terms for token in bag):
            continue
        counts = Counter(bag)
        norm = K1 * (1 - B + B * len(bag) / average)
        scores = [0.0] * len(topics)
        query: list[tuple[str, int, float]] = [(token, t, w) for token in counts if token in weights for t, w in weights[token]]
        for token in counts:
            for t, phrase in terms.get(token, ()):
                if all(p in counts for p in phrase):
                    query += [(p, t, FIELD_WEIGHTS["terms"] * idf(p)) for p in phrase]
        if not query:
            continue
        for token, t, weight in query:
            tf = counts[token]
            scores[t] += weight * tf * (K1 + 1) / (tf + norm)
        top = max(range(len(topics)), key=scores.__getitem__)
        runner_up = max((s for t, s in enumerate(scores) if t != top), default=0.0)
        if scores[top] >= MARGIN * runner_up:
            best[i] = (top, scores[top])
        else:
            unfit[i] = scores[top]
    return best, unfit
