"""Theme clues: what a sentence's words say about *which* theme it belongs to, beyond its BM25 score. Pure: no files.

BM25 (``themefit.score``) says how strongly a sentence speaks to the themes; some of the words it counts say nothing
about which theme the sentence is about. Four general cases are read again here, and for the sentences they touch the
theme is decided on what is left (``themefit.fit``; the score that ranks the sentence, and so whether the analyst sees
it, stays):

- **a part of a hyphenated word**: a theme's "cross-border" is one word; "border" alone ("the border guards") is
  another word, and so is "cross". A part of a theme's hyphenated word counts towards that theme only in a sentence
  that has every part of it (as a seed term does), unless the theme also uses the part on its own.
- **a denied opening concession**: in "Although he did not address X, Y", the sentence is not about X. A clause that
  opens with a concessive conjunction (although, though, even though, while, whereas) and denies something (not,
  never, no, n't) is left out, up to its comma: the theme is decided on the main clause.
- **a person named, nothing said**: a theme whose title names a person and says it holds what they said or think ("The
  minister's views": a name only that theme uses, and a generic shell noun of ``text/data/theme_generic.txt``) gets
  nothing from the name in a sentence that reports no speech or thought ("The minister was absent from the forum"):
  the sentence is then about whatever else it names.
- **a name in a theme's description**: a name of three or more capitalised words that the corpus also writes as its
  initials ("made at the World Water Forum", "the WWF") is one thing, read as its initials: its words ("world",
  "forum") are not the theme's words (``themefit.Topic.whole``). A name the corpus never abbreviates (a person's, say,
  "Minister Ama Okafor") stays words; the theme's title is its own name and stays words too.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from typing import Protocol

from briefgen.drafting import sentences
from briefgen.drafting.corpus import Corpus
from briefgen.text import phrases, words

_HYPHENATED = re.compile(r"\w+(?:-\w+)+")
_CONCESSIVE = ("Although ", "Though ", "Even though ", "While ", "Whereas ")
_OPENINGS = frozenset(word[0] for word in _CONCESSIVE)
_DENIAL = re.compile(r"\b(?:not|never|no)\b|n't\b", re.IGNORECASE)


class Theme(Protocol):
    """What the clues read of a theme (``themefit.Topic``)."""

    @property
    def title(self) -> str: ...

    def query(self) -> dict[str, float]: ...

    def names(self) -> set[str]: ...


class Clues:
    """Which sentences the clues read otherwise, and how."""

    def __init__(self, corpus: Corpus, topics: list[Theme], wholes: list[Theme]) -> None:
        """``wholes``: the same themes with their hyphenated words and abbreviated names whole (``Topic.whole``)."""
        self.corpus = corpus
        self.parts: set[str] = set()
        """The tokens that some theme uses only inside a hyphenated word or an abbreviated name."""
        for topic, whole in zip(topics, wholes, strict=True):
            self.parts |= set(topic.query()) - set(whole.query())
        themes_of = Counter(token for topic in topics for token in topic.query())
        generic = {token for word in words.word_list("theme_generic") for token in sentences.tokens(word)}
        self.persons = {token for topic in topics if generic.intersection(sentences.tokens(topic.title))
                        for token in topic.names() & set(sentences.tokens(topic.title)) if themes_of[token] == 1}
        """The names that only one theme uses, in a title that says the theme is what they said ("The minister's views")."""

    def reread(self, indices: Iterable[int]) -> dict[int, tuple[str, ...]]:
        """Return sentence → the bag its theme is decided on, for each of ``indices`` the clues read otherwise."""
        found: dict[int, tuple[str, ...]] = {}
        parts, persons, bags, spans, texts = self.parts, self.persons, self.corpus.bags, self.corpus.spans, self.corpus.texts
        for i in indices:
            bag = bags[i]
            doc, start, end = spans[i]
            text = texts[doc]
            if text[start] in _OPENINGS and text.startswith(_CONCESSIVE, start):
                comma = text.find(", ", start, end)
                if comma > 0 and _DENIAL.search(text, start, comma):
                    bag = found[i] = bag[len(sentences.tokens(text[start:comma])):]
                    start = comma
            if not persons.isdisjoint(bag) and not _speech().search(text, start, end):
                found[i] = tuple(token for token in bag if token not in persons)
            elif i not in found and not parts.isdisjoint(bag):
                found[i] = bag
        return found


@lru_cache(maxsize=1)
def _speech() -> re.Pattern[str]:
    """A word by which a sentence reports speech or thought (``text/data/speech_words.txt``) or a stance verb, in any of
    its forms (``phrases.forms``, as the synonym phrases are inflected: "held" of "hold", "admitted" of "admit")."""
    found = set(words.word_list("speech_words")) | set(words.word_list("stance_verbs"))
    forms = {form for word in found for form in phrases.forms(word)}
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, forms), key=len, reverse=True)) + r")\b", re.IGNORECASE)


def hyphenated(text: str) -> list[str]:
    """Return the hyphenated words of ``text`` of two or more tokens ("cross-border"; not "X-ray" of one token)."""
    return [m.group() for m in _HYPHENATED.finditer(text) if len(set(sentences.tokens(m.group()))) > 1]


def unhyphenated(text: str) -> str:
    """Return ``text`` without its hyphenated words (``hyphenated``), each left as a space."""
    return _HYPHENATED.sub(lambda m: " " if len(set(sentences.tokens(m.group()))) > 1 else m.group(), text)
