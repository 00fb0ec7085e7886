"""Words: the one place that knows how text is cut into words and what a word is (synonym phrases: ``phrases``).

A leaf module (standard library only). The support check compares a sentence's
words with its quotes' words through ``Word.key``, ``synonyms`` and ``kind``:

- ``number``: digits or a number word (``eight`` and ``8`` share the key ``8``);
- ``date``: a month or weekday name, or a year (1900–2099);
- ``name``: a proper name: a capitalised word that does not open its sentence
  (or a table cell),
  an all-capitals acronym not listed as common (``AI`` is common, ``NATO`` is a
  name), or an opening word the caller knows as a name;
- ``word``: any other content word; function words (``data/stopwords.txt``) are
  not words here at all.

Keys are light stems (``restrictions``, ``restricted`` → ``restrict``), so
inflections and most derivations match. Synonym groups (``data/synonyms.txt``)
map each stem to group ids; phrases in a group (``United States``) are rewritten
to the group's first item before tokenising, on both sides of a comparison.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from briefgen.text import phrases
from briefgen.text.flaws import initial
from briefgen.text.phrases import synonyms as synonyms
from briefgen.text.stems import phrase_list as phrase_list
from briefgen.text.stems import stem as stem
from briefgen.text.stems import word_list as word_list

KINDS = ("number", "date", "name", "word")
HARD_KINDS = frozenset({"number", "date", "name"})
"""Kinds whose absence from every quote is an error, not a warning."""

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
"""The month names, lower-case, in order: a ``date`` word here, and read by support/selfname.py and drafting/events.py."""
_DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_NUMBER_WORDS = {w: str(i) for i, w in enumerate(  # "one" is left out: mostly a pronoun or determiner
    ["zero", "_", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
     "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"])}
_NUMBER_WORDS.update({
    "thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80", "ninety": "90",
    "hundred": "100", "thousand": "1000", "million": "1e6", "billion": "1e9", "trillion": "1e12", "half": "0.5",
    "dozen": "12", "twice": "2x", "double": "2x", "triple": "3x"})
COMMON_ACRONYMS = frozenset(["AI", "AGI", "CEO", "CTO", "GDP", "IT", "ICT", "R&D", "PR", "TV", "OK", "FAQ", "ID", "PC", "IP", "HQ"])
"""Acronyms that are ordinary nouns, not proper names."""

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*%?|[^\W\d_]+(?:['’][^\W\d_]+)*(?:&[^\W\d_]+)?")
_DOTTED = re.compile(r"\b(?:[A-Za-z]\.){2,}")
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_COMPOUND_NUMBER = re.compile(r"(" + _TENS + r")[-‐‑](one|two|three|four|five|six|seven|eight|nine)(?!\w)", re.IGNORECASE)
"""A hyphenated number word ("twenty-eight"): one number, not 20 and 8."""
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|[\"“(\[]\s*|\|\s*)$")
"""What may stand before a word that opens a sentence, a quotation, a bracket or a table cell ("| Low |")."""


@dataclass(frozen=True, slots=True)
class Word:
    """One content word of a text."""

    text: str
    """As written (possessive ``'s`` removed; a rewritten phrase as the text wrote it)."""
    start: int
    """Offset in the text given (after phrase rewriting: see ``canonical``)."""
    kind: str
    """``number``, ``date``, ``name`` or ``word`` (see ``KINDS``)."""
    key: str
    """What is compared: a stem, a number's value, a month or a year."""


@lru_cache(maxsize=1)
def _general() -> frozenset[str]:
    return frozenset(stem(item) for item in word_list("general"))


def is_general(key: str) -> bool:
    """True for the key of a light verb (``data/general.txt``: "take", "come", "put"), whatever its form."""
    return key in _general()


@lru_cache(maxsize=1)
def _particles() -> frozenset[str]:
    return frozenset(stem(item) for item in word_list("particles"))


def is_particle(key: str) -> bool:
    """True for the key of an adverb particle that makes a phrasal verb with a light verb (``data/particles.txt``)."""
    return key in _particles()


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return frozenset(word_list("stopwords"))


def stopwords() -> frozenset[str]:
    """Return the function words and frame words of ``data/stopwords.txt`` (lower-case): never content words."""
    return _stopwords()


@lru_cache(maxsize=8192)
def canonical(text: str) -> str:
    """Return ``text`` with dotted acronyms closed up, hyphenated number words as digits and synonym phrases rewritten."""
    return _canonical(text)[0]


@lru_cache(maxsize=1)
def _starts() -> re.Pattern[str]:
    """Return a pattern of the word starts where a phrase, a dotted acronym or a hyphenated number may begin."""
    prefixes = "|".join(re.escape(p) for p in sorted(phrases.table()[1], key=lambda p: -len(p)))
    return re.compile(r"(?<!\w)(?=" + prefixes + r"|[A-Za-z]\.|(?:" + _TENS + r")[-‐‑])", re.IGNORECASE)


@lru_cache(maxsize=8192)
def _canonical(text: str) -> tuple[str, tuple[tuple[int, int, str], ...]]:
    """Return ``canonical(text)`` and, per rewritten stretch, (start, end, what the text wrote there).

    At each word start, only the phrases that can begin with its first two letters are tried
    (one alternation of every phrase would cost most of the check's time).
    """
    _, tried, firsts = phrases.table()
    out: list[str] = []
    spans: list[tuple[int, int, str]] = []
    last, size = 0, 0
    for start in _starts().finditer(text):
        pos = start.start()
        if pos < last:
            continue
        first = text[pos:pos + 2].lower()
        found = phrases.phrase_at(text, pos, first) if first in tried else None
        if found is not None:
            end, phrase = found
            new = firsts[phrase]
        else:
            match = _DOTTED.match(text, pos)
            if match is not None:
                new = match.group().replace(".", "")
            else:
                match = _COMPOUND_NUMBER.match(text, pos)
                if match is None:
                    continue
                ones = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine").index(match.group(2).lower()) + 1
                new = str(int(_NUMBER_WORDS[match.group(1).lower()]) + ones)
            end = match.end()
        out.append(text[last:pos])
        size += pos - last
        spans.append((size, size + len(new), text[pos:end]))
        out.append(new)
        size += len(new)
        last = end
    out.append(text[last:])
    return "".join(out), tuple(spans)


def as_written(text: str, start: int) -> str | None:
    """Return what ``text`` wrote where ``canonical(text)`` has a rewritten stretch at ``start``, else None."""
    for begin, end, written in _canonical(text)[1]:
        if begin <= start < end:
            return written
    return None


@lru_cache(maxsize=4096)
def phrase_parts(text: str) -> frozenset[str]:
    """Return the stems of the content words inside the synonym phrases ``text`` writes ("call for" → "call").

    ``canonical`` rewrites such a phrase to its group's first item, so the words it was written
    with are gone from ``words(text)``; a passage still says them.
    """
    stop = _stopwords()
    return frozenset(stem(t) for _, _, written in _canonical(text)[1] if " " in written
                     for t in re.findall(r"[a-z]{2,}", written.lower()) if t not in stop)


def number_key(token: str) -> str | None:
    """Return the value of a number token (``8``, ``eight``, ``1,000`` → ``1000``), or None."""
    low = token.lower()
    if low in _NUMBER_WORDS:
        return _NUMBER_WORDS[low]
    if token[0].isdigit():
        return token.rstrip("%").replace(",", "")
    return None


def _kind(token: str, start: int, text: str, names: frozenset[str]) -> tuple[str, str]:
    low = token.lower()
    if token.isdigit() and len(token) == 4 and token[:2] in ("19", "20"):
        return "date", token
    if low in MONTHS or low in _DAYS:
        return ("date", low) if token[0].isupper() or low not in ("may", "march") else ("word", stem(low))
    value = number_key(token)
    if value is not None:
        return "number", value
    if token.isupper() and len(token) >= 2:
        return ("word" if token in COMMON_ACRONYMS else "name"), stem(token)
    if token[0].isupper():
        opening = bool(_SENTENCE_START.search(text[max(0, start - 4):start])) and not initial(text, start - 2)
        if not opening or stem(token) in names:
            return "name", stem(token)
    return "word", stem(token)


def date_word(token: str) -> bool:
    """True for a month or weekday name."""
    return token.lower() in MONTHS or token.lower() in _DAYS


def tokens(text: str) -> list[tuple[str, int]]:
    """Return every word token of ``text`` (after ``canonical``) with its offset; hyphens split words."""
    return list(_tokens(text))


@lru_cache(maxsize=8192)
def _tokens(text: str) -> tuple[tuple[str, int], ...]:
    return tuple((m.group(), m.start()) for m in _TOKEN.finditer(canonical(text)))


def words(text: str, names: frozenset[str] = frozenset()) -> list[Word]:
    """Return the content words of ``text``, classified; ``names`` are stems known as proper names."""
    return list(_words(text, names))


@lru_cache(maxsize=8192)
def _words(text: str, names: frozenset[str]) -> tuple[Word, ...]:
    found: list[Word] = []
    canon = canonical(text)
    stop = _stopwords()
    for match in _TOKEN.finditer(canon):
        token = match.group()
        if token.endswith(("'s", "’s")):
            token = token[:-2]
        month = token[0].isupper() and token.lower() in MONTHS  # "May" and "March" are dates, not stop words
        if not token or (token.lower() in stop and not month and not (token.isupper() and len(token) >= 2)):
            continue
        if len(token) == 1 and not token.isdigit():
            continue
        kind, key = _kind(token, match.start(), canon, names)
        found.append(Word(as_written(text, match.start()) or token, match.start(), kind, key))
    return tuple(found)


def name_stems(text: str) -> frozenset[str]:
    """Return the stems of the words ``text`` writes as proper names mid-sentence."""
    return frozenset(w.key for w in words(text) if w.kind == "name")


def contains_phrase(text: str, phrases: tuple[str, ...]) -> list[str]:
    """Return the phrases (lower-case) that occur in ``text`` as whole words."""
    low = _joined(text)
    return [p for p in phrases if _joined(p) in low]


@lru_cache(maxsize=8192)
def _joined(text: str) -> str:
    """Return ``text``'s tokens, lower-case, joined and framed by single spaces (" the us said ")."""
    return " " + " ".join(t.lower() for t, _ in tokens(text)) + " "

