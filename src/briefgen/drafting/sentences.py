"""Tokens for scoring sentences; the sentences themselves come from ``briefgen.text.sentences``.

``split``, ``blocks`` and ``Sentence`` are re-exported here for the callers that
imported them from this module before sentence splitting moved to ``text/``.
"""

from __future__ import annotations

import re

from briefgen.text.flaws import CONNECTIVES, MAX_WORDS, MIN_WORDS, clean_claim, initial
from briefgen.text.sentences import Sentence, blocks, pieces, split
from briefgen.text.stems import word_list

__all__ = ["CONNECTIVES", "MAX_WORDS", "MIN_WORDS", "STOPWORDS", "Sentence", "blocks", "clean_claim", "initial", "pieces", "split", "tokens"]

# ---------------------------------------------------------------- tokens for scoring

STOPWORDS = frozenset(word_list("drafting_stopwords"))
"""The stop words of drafting (``text/data/drafting_stopwords.txt``), lower-case."""
STEM_LENGTH = 6
"""Tokens are cut to this many characters: a crude, language-light stemmer that folds
organisation/organization, regulate/regulation and export/exports together."""

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|\w+")
_ACRONYM = re.compile(r"[A-Z]\.[A-Z]\.")
"""Where ``_TOKEN``'s first alternative can match: nowhere else."""
_NON_WORD = bytes(c if chr(c).isalnum() or c == 95 else 32 for c in range(128)) + bytes(range(128, 256))
"""Per ASCII byte: itself for a character ``\\w`` matches (letters, digits, ``_``), a space for any other."""
_stems: dict[str, str] = {}
MEMO = 1_000_000
"""Words whose stems are remembered, at most."""


def tokens(text: str) -> list[str]:
    """Return the content tokens of ``text``: stemmed, lower-case, stop words and 1-letter words left out.

    An acronym in capitals (``US``, ``AI``, ``U.S.``) is kept even when its lower-case
    form is a stop word.
    """
    words = words_of(text)
    try:
        return list(filter(None, map(_stems.__getitem__, words)))
    except KeyError:  # a word not seen before: stem the new ones, remembering at most MEMO words
        missing = set(words).difference(_stems)
        if len(_stems) + len(missing) > MEMO:
            return list(filter(None, map(_stem, words)))
        for word in missing:
            _stems[word] = _stem(word)
        return list(filter(None, map(_stems.__getitem__, words)))


def words_of(text: str) -> list[str]:
    """``_TOKEN.findall(text)``: for ASCII text with no dotted acronym ("U.S."), where ``\\w`` is ``[A-Za-z0-9_]`` and
    only ``\\w+`` can match, the runs of word characters are split out of the text with every other character a space
    (mapped as bytes: a third faster than ``str.translate``). An acronym's first full stop has three characters after it,
    so a text whose only full stop ends it (most sentences) has none, and the pattern need not look."""
    if text.isascii() and (text.find(".", 0, len(text) - 1) < 0 or not _ACRONYM.search(text)):
        return text.encode("ascii").translate(_NON_WORD).decode("ascii").split()
    return _TOKEN.findall(text)


def _stem(word: str) -> str:
    acronym = word.isupper() and len(word.replace(".", "")) >= 2
    word = word.replace(".", "").lower()
    if not acronym and (len(word) < 2 or word in STOPWORDS or word.isdigit() and len(word) < 4):
        return ""
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        word = word[:-1]
    return word[:STEM_LENGTH]
