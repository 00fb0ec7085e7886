"""Synonym phrases: the groups of ``data/synonyms.txt`` and ``data/places.txt``, and where a text writes a phrase.

A leaf module (standard library only), used by ``words`` (``canonical`` rewrites each phrase to its group's first
item; ``synonyms`` gives a stem's groups). Finding a phrase at a word start compares the phrase forms with ASCII text
directly and compiles a pattern only for what is not ASCII (``phrase_at``; tests/test_words_phrases.py).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from briefgen.text.stems import data_lines, irregular, stem


@cache
def groups(name: str) -> tuple[tuple[str, ...], ...]:
    """The groups of a list of ``data/`` written one group a line, items separated by "|" (``places.txt``,
    ``synonyms.txt``), each item stripped, empty ones left out."""
    return tuple(tuple(i.strip() for i in line.split("|") if i.strip()) for line in data_lines(name))


@lru_cache(maxsize=1)
def table() -> tuple[dict[str, frozenset[int]], dict[str, list[tuple[str, str]]], dict[str, str]]:
    """Return stem → group ids, the phrases' forms by the first two letters they can start with (each start's
    (form, phrase) pairs in the order they are tried: longest phrase first, then its longest form), and phrase →
    its group's first item."""
    by_stem: dict[str, set[int]] = {}
    phrases: dict[str, str] = {}
    for number, items in enumerate(groups("synonyms.txt") + groups("places.txt")):
        for item in items:
            if " " in item or "." in item or "-" in item:
                phrases[item.lower()] = items[0]
            else:
                by_stem.setdefault(stem(item), set()).add(number)
    starts: dict[str, dict[str, list[str]]] = {}  # first two letters → phrase → its forms
    for phrase in phrases:
        for form, rest in inflected(phrase):
            starts.setdefault(form[:2], {}).setdefault(phrase, []).append(form + rest)
    tried = {}
    for start, found in starts.items():
        ordered = sorted(found.items(), key=lambda pf: -max(map(len, pf[1])))  # longest phrase first
        tried[start] = [(form, phrase) for phrase, forms in ordered for form in sorted(forms, key=lambda f: -len(f))]
    return {k: frozenset(v) for k, v in by_stem.items()}, tried, phrases


@cache
def pattern(start: str) -> re.Pattern[str]:
    """Return the pattern of the phrases that can begin with ``start``: their forms in ``table`` order, none
    followed by a word character, case ignored (the group of each phrase names it: ``phrase_names``)."""
    alternatives: dict[str, list[str]] = {}
    for form, phrase in table()[1][start]:
        alternatives.setdefault(phrase, []).append(re.escape(form))
    return re.compile("(?:" + "|".join("(?P<p" + group_key(phrase) + ">" + "|".join(forms) + ")"
                                       for phrase, forms in alternatives.items()) + r")(?!\w)", re.IGNORECASE)


@cache
def _plain(start: str) -> tuple[int, list[tuple[str, str]]] | None:
    """Return the longest form and the (lower-case form, phrase) pairs of ``start`` when every form is ASCII, else None."""
    tried = table()[1][start]
    if not all(form.isascii() for form, _ in tried):
        return None
    return max(len(form) for form, _ in tried), [(form.lower(), phrase) for form, phrase in tried]


def phrase_at(text: str, pos: int, start: str) -> tuple[int, str] | None:
    """Return the end and the phrase of the synonym phrase ``text`` writes at ``pos`` (``start``: its first two
    letters, lower-case, a key of ``table``), or None: what ``pattern(start).match(text, pos)`` finds.

    Compiling all the patterns would cost most of a brief's check, so the forms are compared with the text
    itself, in the pattern's order, where the text is ASCII: there, ignoring case is comparing lower-case. A word
    character after a form is one for which ``isalnum()`` holds, or ``_`` (as for the pattern). A form reaching
    into other letters goes to the pattern (which folds case by Unicode's rules: ſ is s): tests/test_words_phrases.py.
    """
    plain = _plain(start)
    if plain is not None:
        stretch = text[pos:pos + plain[0] + 1]
        ascii_part = len(stretch) if stretch.isascii() else next(i for i, c in enumerate(stretch) if not c.isascii())
        low = stretch[:ascii_part].lower()
        for form, phrase in plain[1]:
            n = len(form)
            if n <= ascii_part:
                if low.startswith(form) and not (n < len(stretch) and (stretch[n].isalnum() or stretch[n] == "_")):
                    return pos + n, phrase
            elif form.startswith(low):  # the form reaches past the ASCII text: the pattern decides
                break
        else:
            return None
    match = pattern(start).match(text, pos)
    return (match.end(), phrase_names()[match.lastgroup or ""]) if match is not None else None


def inflected(phrase: str) -> list[tuple[str, str]]:
    """Return (first word, rest) for each form of ``phrase`` whose first word may be inflected ("taking part")."""
    first, sep, rest = phrase.partition(" ")
    if not sep or not first.isalpha():
        return [(phrase, "")]
    return [(form, sep + rest) for form in forms(first)]


@cache
def forms(word: str) -> frozenset[str]:
    """Return ``word`` and the forms it may take inflected: regular endings ("take" → "takes", "taking", "taked" …;
    spellings that are no word do no harm where forms are matched against text) and its irregular forms ("took")."""
    found = {word, word + "s", word + "es", word + "ed", word + "d", word + "ing", word[:-1] + "ing", word[:-1] + "ied",
             word[:-1] + "ies", word + word[-1] + "ed", word + word[-1] + "ing"}
    return frozenset(found | {form for form, base in irregular().items() if base == word})


def group_key(phrase: str) -> str:
    """Return a group name for ``phrase`` (regex group names are identifiers)."""
    return "".join(c if c.isalnum() else f"_{ord(c)}_" for c in phrase)


@lru_cache(maxsize=1)
def phrase_names() -> dict[str, str]:
    """Return regex group name → phrase, for every synonym phrase."""
    return {"p" + group_key(p): p for p in table()[2]}


def synonyms(key: str) -> frozenset[int]:
    """Return the synonym groups of the stem ``key`` (empty when it has none)."""
    return table()[0].get(key, frozenset())
