"""Key phrases of a corpus, as candidate themes. Pure: no files.

Candidates are of two kinds, compared by their stemmed tokens (so "export
restriction" and "export restrictions" are one phrase):

- named entities: runs of capitalised words, which may hold "of", "and", "for" or
  "the" ("Bureau of Industry and Security"), not counting the first word of a sentence;
  a single word counts only as an acronym or a name seen mid-sentence;
- terms: runs of two or three content words inside a sentence (stop words and
  punctuation break a run). A run that starts or ends with a weak word (a common
  verb or adverb, a number, a month, a unit of time) is no term, so "call comes",
  "include" and "six months" are never proposed.

A phrase scores ``documents × log(1 + occurrences) × length`` (length in words, a
multi-word entity counts one more, a single word 0.5), less when it is in nearly every document (the corpus's
subject). Each suggestion carries its document frequency and one example sentence (one: of a sentence
joined to the pronoun opener after it, the part that uses the phrase).
Besides the phrases that recur across sources, topics that a single source covers at
length (a phrase it uses AT_LENGTH times or more, in no other source) are proposed
too, marked ``focus``. A phrase whose tokens are all in a better phrase, or that
shares two tokens with it, is a repeat of it and left out. An acronym the corpus
defines ("People’s Republic of China (PRC)": its letters are the name's initials, as
``themefit.initials`` reads them) is
one phrase with its name: their counts add up, and the acronym is kept in ``also``.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from briefgen.drafting import sentences
from briefgen.drafting.themefit import initials
from briefgen.text.stems import word_list

MAX_WORDS = 3
MIN_OCCURRENCES = 2
SINGLE_WORD = 0.5
"""The length of a one-word name or acronym: single words are mostly too general to be themes."""
AT_LENGTH = 3
"""A phrase one source uses this often (and no other) is a topic it covers at length."""
FOCUS_SHARE = 0.3
"""At most this share of the suggestions are single-source topics."""
EVERYWHERE = 0.8
"""A phrase in more than this share of the documents (of four or more) is the corpus's subject: its score is halved."""

WEAK = frozenset(word_list("keyphrase_weak"))
"""Words that make no term and no name (``text/data/keyphrase_weak.txt``: "include", "six", "months")."""

_RUN = re.compile(r"[^\W\d_][\w’']*|\d[\d.,]*|[^\w\s-]")  # a hyphen joins words
_ENTITY = re.compile(r"(?:[A-Z][\w’'&.-]*|[A-Z]{2,})(?:\s+(?:(?:of|and|for|the|on|de)\s+){0,2}(?:[A-Z][\w’'&.-]*))*")


_DEFINED = re.compile(r"\(([A-Z]{2,})(?=[\s)’',;])")
"""An acronym defined in brackets after its name: "… Security (BIS)", "… China’s (PRC’s)"."""

_POSSESSIVE = re.compile(r"['’]s?$")
"""A possessive ending ("China’s", "agencies’"): a theme is named without it."""


@dataclass(frozen=True)
class Suggestion:
    """A candidate theme: a key phrase, the sources it comes from, and one sentence that uses it."""

    phrase: str
    sources: list[str]
    score: float
    example: str = ""
    kind: str = "term"
    """term, entity, or focus (a topic one source covers at length)."""
    also: tuple[str, ...] = ()
    """Other names of it: the acronym the corpus defines for it."""

    @property
    def documents(self) -> int:
        return len(self.sources)


class Phrases:
    """Counts of candidate phrases, fed one sentence at a time."""

    def __init__(self) -> None:
        self.count: Counter[tuple[str, ...]] = Counter()
        self.per_source: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
        self.surface: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
        self.example: dict[tuple[str, ...], str] = {}
        """The first claimable sentence that uses each phrase (else the first sentence, in ``fallback``)."""
        self.fallback: dict[tuple[str, ...], str] = {}
        self.entities: Counter[tuple[str, ...]] = Counter()
        """How often each phrase was seen as a named entity."""
        self.documents: set[str] = set()
        self.acronyms: dict[tuple[str, ...], tuple[str, ...]] = {}
        """Each defined acronym's key, to its name's key."""
        self.folded: dict[tuple[str, ...], str] = {}
        """The acronyms already counted as their names, as written."""

    def add(self, source: str, sentence: str, claimable: bool = True) -> None:
        self.documents.add(source)
        entities = _entities(sentence)
        named = {tuple(stem for _, stem in words) for words, _ in entities}
        for acronym, name in _defined(sentence, entities):
            self.acronyms.setdefault(acronym, name)
        terms = [(w, "") for w in _terms(sentence) if tuple(stem for _, stem in w) not in named]
        for words, surface in entities + terms:
            key = tuple(stem for _, stem in words)
            self.count[key] += 1
            self.per_source[key][source] += 1
            self.surface[key][surface or " ".join(word for word, _ in words)] += 1
            if surface:
                self.entities[key] += 1
            examples = self.example if claimable else self.fallback
            if key not in examples:
                examples[key] = _one_sentence(sentence, key)

    def best(self, count: int) -> list[Suggestion]:
        """Return up to ``count`` phrases, best first: recurring phrases, then single-source topics (ties by phrase)."""
        docs = max(len(self.documents), 1)
        also = self._fold()
        shared, focus = [], []
        entities = {key for key, n in self.entities.items() if 2 * n >= self.count[key]}
        for key, n in self.count.items():
            sources = self.per_source[key]
            phrase = self._phrase(key)
            if n < MIN_OCCURRENCES or (len(key) == 1 and key not in entities):
                continue
            length = len(key) + (key in entities and len(key) > 1) if len(key) > 1 else SINGLE_WORD
            score = len(sources) * math.log(1 + n) * length
            if docs >= 4 and len(sources) > EVERYWHERE * docs:
                score /= 2
            if len(sources) >= 2:
                shared.append((-score, phrase, key))
            elif n >= AT_LENGTH:
                focus.append((-score, phrase, key))
        chosen = _distinct(sorted(shared), count - min(len(focus), int(FOCUS_SHARE * count)), [])
        chosen = _distinct(sorted(focus), count - len(chosen), chosen, keep=chosen)
        return [Suggestion(phrase, sorted(self.per_source[key]), round(-negative, 3),
                           self.example.get(key) or self.fallback.get(key, ""),
                           "focus" if len(self.per_source[key]) == 1 else "entity" if key in entities else "term",
                           tuple(also.get(key, ())))
                for negative, phrase, key in chosen]

    def _fold(self) -> dict[tuple[str, ...], list[str]]:
        """Count each defined acronym as its name (once: ``best`` may be asked again); return the names' acronyms."""
        also: dict[tuple[str, ...], list[str]] = defaultdict(list)
        for acronym, name in sorted(self.acronyms.items()):
            if name == acronym or name not in self.count:
                continue
            if acronym in self.count:
                self.count[name] += self.count.pop(acronym)
                self.per_source[name].update(self.per_source.pop(acronym))
                self.entities[name] += self.entities.pop(acronym, 0)
                self.folded[acronym] = self._phrase_of(self.surface.pop(acronym))
            if acronym in self.folded:
                also[name].append(self.folded[acronym])
        return also

    def _phrase(self, key: tuple[str, ...]) -> str:
        """The phrase as most often written, without a possessive ("People’s Republic of China’s" is "… China")."""
        return self._phrase_of(self.surface[key])

    @staticmethod
    def _phrase_of(forms: Counter[str]) -> str:
        return _POSSESSIVE.sub("", min(forms, key=lambda form: (-forms[form], form)))


def _distinct(ranked: list, room: int, chosen: list, keep: list | None = None) -> list:
    """Add ``ranked`` items to ``chosen`` that repeat none already there, until ``room`` more are in."""
    out = list(keep or chosen)
    added = 0
    for item in ranked:
        if added >= room:
            break
        if not any(_repeats(item[2], other[2]) for other in out):
            out.append(item)
            added += 1
    return out


def _one_sentence(text: str, key: tuple[str, ...]) -> str:
    """Return the one sentence of ``text`` that uses the phrase ``key`` (a sentence joined to the pronoun opener after it is two)."""
    parts = sentences.pieces(text) if " " in text else [text]
    if len(parts) < 2:
        return text
    return next((part for part in parts if set(key) <= set(sentences.tokens(part))), parts[0])


def _stems(words: list[str]) -> list[tuple[str, str]] | None:
    pairs = []
    for word in words:
        stems = sentences.tokens(word)
        if len(stems) != 1:
            return None
        pairs.append((word, stems[0]))
    return pairs


def _entities(sentence: str) -> list[tuple[list[tuple[str, str]], str]]:
    """Return the named entities of ``sentence``: ([(word, stem), …] without connecting words, surface text).

    A title-case line (a headline) has none: its capitals say nothing about names.
    """
    words = sentence.split()
    if sum(w[:1].isupper() for w in words) > 0.6 * len(words):
        return []
    found = []
    for match in _ENTITY.finditer(sentence):
        start, text = match.start(), match.group()
        initial = start == 0 or sentence[:start].rstrip().endswith((".", "“", '"', ":"))
        if initial and not text.split()[0].isupper():
            first = text.split()[0]
            text = text[len(first):].lstrip()
            while text.split()[:1] and text.split()[0] in ("of", "and", "for", "the", "on", "de"):
                text = text.split(None, 1)[1] if len(text.split()) > 1 else ""
        names = [w for w in text.split() if w[:1].isupper()]
        if not names or len(names) > 6 or (len(names) == 1 and len(names[0]) < 2):
            continue
        stems = _stems([w.strip(".’'") for w in names])
        if stems and not any(stem in WEAK or word.lower() in WEAK for word, stem in stems):
            found.append((stems, text.strip(".’' ")))
    return found


def _defined(sentence: str, entities: list[tuple[list[tuple[str, str]], str]]) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Return (acronym key, name key) for each acronym ``sentence`` defines in brackets right after a name of ``entities``."""
    found: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    for match in _DEFINED.finditer(sentence):
        before = sentence[:match.start()].rstrip()
        for words, surface in entities:
            if initials(surface) == match.group(1) and _POSSESSIVE.sub("", before).endswith(_POSSESSIVE.sub("", surface)):
                stems = sentences.tokens(match.group(1))
                if len(stems) == 1:
                    found.append(((stems[0],), tuple(stem for _, stem in words)))
    return found


def _terms(sentence: str) -> list[list[tuple[str, str]]]:
    """Return the runs of two or three content words of ``sentence`` that neither start nor end with a weak word."""
    runs: list[list[tuple[str, str]]] = [[]]
    for word in _RUN.findall(sentence):
        stems = sentences.tokens(word) if word[0].isalpha() else []
        if len(stems) == 1 and word.lower() not in WEAK:
            runs[-1].append((word, stems[0]))
        elif runs[-1]:
            runs.append([])
    found = []
    for run in runs:
        for n in range(2, min(MAX_WORDS, len(run)) + 1):
            for i in range(len(run) - n + 1):
                found.append(run[i:i + n])
    return found


def _repeats(key: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Whether ``key`` adds nothing to the better ``other``: a part of it, or two of its words."""
    return set(key) <= set(other) or len(set(key) & set(other)) >= 2
