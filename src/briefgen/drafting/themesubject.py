"""Theme subjects: a theme whose title is about something named holds only sentences that name it. Pure: no files.

"China's military ambitions", "Effects on US industry", "Congress and GAO oversight", "Acme and Ruritania": each
title names what the theme is about (a country, a body, a person), and a sentence that never names it is not about it
however many of the theme's other words it uses ("In 2014, the PRC government issued a national semiconductor
industrial policy…" shares "semiconductor", "industry" and "supply chain" with "Effects on US industry" but is about
another country's industry; "BIS is primarily responsible for … dual-use technologies … military" is not about China).
Such a sentence is not filed under that theme (``themefit.fit``): the analyst finds it under "fits no theme", with the
themes it fits about equally.

What counts as a name of the title: a word the corpus writes only capitalised ("China", "Acme", "Congress"; not
"Controls", which the corpus also writes "controls"), or an acronym ("US", "GAO"; not one of the common acronyms such
as "AI", ``words.COMMON_ACRONYMS``), used by no more than half the themes. The theme is bound to its names only when
every part of its title joined by "and" or a comma holds one ("Open data and sharing with small states" is
also about open data without small states), or when the title opens with a possessive name ("Acme's cars and
robots": the possessive governs the whole). A sentence names the subject when it has one of those names, another name
of the same place or thing (``text/data/places.txt`` and ``synonyms.txt``: "PRC", "Chinese", "Beijing" for "China";
"American", "United States" for "US"), or, for an acronym, every word of the longer name the theme's description gives
for it ("Government Accountability Office" for "GAO"); and it must also have another word of the theme (``topical``),
an ordinary word, not a name of its title or description, read outside any name of several capitalised words
(``plain``): "The 11 entities are in the PRC (6), Russia (3) …" names China and nothing of its military ambitions; in "The U.S. Commerce Department's Bureau
of Industry and Security added 11 entities …", "Industry" is a word of the bureau's name, not the "industry" of "Effects
on US industry".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

from briefgen.drafting import sentences
from briefgen.text import phrases, words

_PARTS = re.compile(r",|\band\b|&|\bor\b")
_WORD = re.compile(r"[A-Za-z][\w’'.-]*")
_POSSESSIVE = re.compile(r"^\s*(?:The\s+)?([A-Z][\w.-]*)['’]s\b")
NAME_RUN = re.compile(r"[A-Z][\w’'-]*(?:\s+(?:(?:of|and|for|on|the)\s+)?[A-Z][\w’'-]*)+")
"""A run of capitalised words, with the small words a name may hold ("Bureau of Industry and Security")."""




class Theme(Protocol):
    """What is read of a theme (``themefit.Topic``)."""

    @property
    def title(self) -> str: ...

    @property
    def description(self) -> str: ...

    @property
    def terms(self) -> tuple[str, ...]: ...

    def query(self) -> dict[str, float]: ...


Subject = tuple[tuple[str, ...], ...]
"""The ways a sentence may name a theme's subject: each a tuple of tokens it must all have."""


def subjects(topics: Sequence[Theme], texts: Sequence[str]) -> list[Subject]:
    """Return, per topic, the ways a sentence names its subject, or () when its title binds it to no name (``texts``:
    the corpus's documents, to tell a name from a word capitalised only at a title's start)."""
    shared: dict[str, int] = {}
    for topic in topics:
        for token in topic.query():
            shared[token] = shared.get(token, 0) + 1
    found: list[Subject] = []
    for topic in topics:
        names = [[w for w in _words(part) if _is_name(w, texts) and all(shared.get(t, 0) <= len(topics) / 2
                                                                         for t in sentences.tokens(w))]
                 for part in _PARTS.split(topic.title) if _words(part)]
        possessive = _POSSESSIVE.match(topic.title)
        bound = bool(names) and (all(names) or (possessive is not None and possessive.group(1) in names[0]))
        if not bound:
            found.append(())
            continue
        ways: set[tuple[str, ...]] = set()
        for name in {w for part in names for w in part}:
            ways |= {tuple(dict.fromkeys(sentences.tokens(alias))) for alias in _aliases(name)} - {()}
            if name.isupper():
                ways |= {tuple(dict.fromkeys(sentences.tokens(run.group()))) for run in NAME_RUN.finditer(topic.description)
                         if initials(run.group()) == name}
        found.append(tuple(sorted(ways)))
    return found


def topical(topics: Sequence[Theme], found: Sequence[Subject], texts: Sequence[str]) -> list[frozenset[str]]:
    """Return, per topic bound to a subject, the ordinary words of its query and seed terms, which say what is said of the subject: not a
    name of its title or description (who and where: "Jane" of "Jane Doe's relations with China's government"), nor a
    generic word (``text/data/theme_generic.txt``); empty for a theme whose title is a generic shell around its name
    ("Doe's views": whatever the person says, which ``themeclues`` reads) or bound to none."""
    generic = {token for word in words.word_list("theme_generic") for token in sentences.tokens(word)}
    return [frozenset() if not subject or generic.intersection(sentences.tokens(topic.title)) else
            (frozenset(topic.query()) - _names(topic, texts) | _ordinary(topic.terms)) - generic
            - {token for way in subject for token in way}
            for topic, subject in zip(topics, found, strict=True)]


def _ordinary(terms: Sequence[str]) -> set[str]:
    """The tokens of the words of seed terms written in lower case (the analyst's own words for the theme: "obligations";
    not "European Union")."""
    return {token for term in terms for word in _WORD.findall(term) if word[:1].islower() for token in sentences.tokens(word)}


def _names(topic: Theme, texts: Sequence[str]) -> set[str]:
    """The tokens of the names in a theme's title and description (an opening word too, when the corpus writes it only
    capitalised: "Jane Doe's relations …")."""
    return {token for text in (topic.title, topic.description) for word in words.words(text)
            if word.kind == "name" or (word.start == 0 and _is_name(word.text, texts)) for token in sentences.tokens(word.text)}


def names(bag: Sequence[str], subject: Subject, topic: frozenset[str] = frozenset(), plain: set[str] | None = None) -> bool:
    """Whether a sentence's tokens name the subject and one of ``topic`` (``topical``): "The 11 entities are in China
    (6), Russia (3) …" names China but says nothing of its military ambitions. ``plain``: the tokens that may say it
    (``plain``), else the whole bag. Always, for a theme bound to no name."""
    return not subject or (any(all(token in bag for token in way) for way in subject)
                           and (not topic or not topic.isdisjoint(bag if plain is None else plain)))


def plain(sentence: str) -> set[str]:
    """Return the tokens of ``sentence`` outside its names of several capitalised words: "Industry" in "the Bureau of
    Industry and Security" is a word of that name, not the "industry" of a theme on US industry."""
    return set(sentences.tokens(NAME_RUN.sub(" ", sentence)))


def _words(text: str) -> list[str]:
    return [m.group().removesuffix("'s").removesuffix("’s").rstrip(".") if not m.group().isupper() else m.group()
            for m in _WORD.finditer(text)]


def _is_name(word: str, texts: Sequence[str]) -> bool:
    """Whether a title word is a name: an acronym other than the common ones, or a word the corpus writes capitalised
    and never in lower case."""
    if any(w.kind != "name" and w.kind != "word" for w in words.words(word)):  # a month or a number: a date, no name
        return False
    if len(word) >= 2 and word.replace(".", "").isupper():
        return word.replace(".", "") not in words.COMMON_ACRONYMS
    if len(word) < 2 or word.lower() in words.stopwords():
        return False
    if not word[0].isupper():
        return False
    low = word.lower()
    lower = re.compile(r"(?<![\w-])" + re.escape(low) + r"(?![\w-])")
    if any(low in text and lower.search(text) for text in texts):  # a common word: found early, most often
        return False
    upper = re.compile(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])")
    return any(word in text and upper.search(text) for text in texts)


def _aliases(name: str) -> set[str]:
    """Return ``name`` and every other name of a group of ``places.txt`` or ``synonyms.txt`` that holds it."""
    found = {name}
    for group in _groups():
        if name in group:
            found |= group
    return found


@lru_cache(maxsize=1)
def _groups() -> tuple[frozenset[str], ...]:
    return tuple(map(frozenset, phrases.groups("places.txt") + phrases.groups("synonyms.txt")))


def initials(name: str) -> str:
    """Return the initials of a name of three or more capitalised words ("WWF" of "World Water Forum" and of "World Wide
    Water Forum", "BIS" of "Bureau of Industry and Security"), else ''."""
    capitals = [w for w in re.split(r"[\s-]+", name) if w[:1].isupper() and w not in ("The", "A", "An")]
    letters = "".join(w if w.isupper() and len(w) <= 3 else w[0] for w in capitals)
    return letters if len(capitals) >= 3 and len(letters) >= 3 else ""
