"""Key phrases of a corpus, as candidate themes. Pure: no files.

Candidates are runs of one to three content words inside a sentence (stop words
and punctuation break a run), compared by their stemmed tokens so "export
restriction" and "export restrictions" are one phrase. A phrase scores

    sources × log(1 + occurrences) × log(sentences / sentences containing it) × length

so a phrase that recurs across sources scores high, the corpus's subject itself
("AI" in an AI corpus) scores low for being everywhere, and longer phrases are
preferred (length is the number of words, and 0.5 for a single word that is not an
acronym: single words are mostly too general to be themes). A phrase whose tokens
are all in a better phrase, or that holds all of a better phrase's tokens, is a
repeat of it and left out.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from briefgen.drafting import sentences

MAX_WORDS = 3
MIN_OCCURRENCES = 2
SINGLE_WORD = 0.5

_RUN = re.compile(r"[^\W\d_][\w’']*|\d[\d.,]*|[^\w\s-]")  # a hyphen joins words


@dataclass(frozen=True)
class Suggestion:
    """A candidate theme: a key phrase and the sources it comes from."""

    phrase: str
    sources: list[str]
    score: float


class Phrases:
    """Counts of candidate phrases, fed one sentence at a time."""

    def __init__(self) -> None:
        self.count: Counter[tuple[str, ...]] = Counter()
        self.sentences: Counter[tuple[str, ...]] = Counter()
        self.sources: dict[tuple[str, ...], set[str]] = defaultdict(set)
        self.surface: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
        self.total = 0

    def add(self, source: str, sentence: str) -> None:
        self.total += 1
        seen = set()
        for run in _runs(sentence):
            for n in range(1, min(MAX_WORDS, len(run)) + 1):
                for i in range(len(run) - n + 1):
                    words = run[i:i + n]
                    key = tuple(stem for word, stem in words)
                    self.count[key] += 1
                    self.sources[key].add(source)
                    self.surface[key][" ".join(word for word, _ in words)] += 1
                    seen.add(key)
        self.sentences.update(seen)

    def best(self, count: int) -> list[Suggestion]:
        """Return the ``count`` best phrases, best first (ties by phrase, for determinism)."""
        scored = []
        for key, n in self.count.items():
            if n < MIN_OCCURRENCES:
                continue
            rarity = math.log(self.total / self.sentences[key]) if self.sentences[key] < self.total else 0.0
            phrase = self._phrase(key)
            length = len(key) if len(key) > 1 or phrase.isupper() else SINGLE_WORD
            score = len(self.sources[key]) * math.log(1 + n) * rarity * length
            if score > 0:
                scored.append((-score, phrase, key))
        chosen: list[tuple[float, str, tuple[str, ...]]] = []
        for item in sorted(scored):
            if len(chosen) >= count:
                break
            if not any(_repeats(item[2], other[2]) for other in chosen):
                chosen.append(item)
        return [Suggestion(phrase, sorted(self.sources[key]), round(-negative, 3)) for negative, phrase, key in chosen]

    def _phrase(self, key: tuple[str, ...]) -> str:
        forms = self.surface[key]
        return min(forms, key=lambda form: (-forms[form], form))


def _runs(sentence: str) -> list[list[tuple[str, str]]]:
    """Return the runs of content words of ``sentence``: [(word, stem), …]."""
    runs: list[list[tuple[str, str]]] = [[]]
    for word in _RUN.findall(sentence):
        stems = sentences.tokens(word) if word[0].isalpha() else []
        if len(stems) == 1:
            runs[-1].append((word, stems[0]))
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]


def _repeats(key: tuple[str, ...], other: tuple[str, ...]) -> bool:
    return set(key) <= set(other) or set(other) <= set(key)
