"""Which words of a passage stand in the place of a sentence's word: the words a paraphrase replaced it with.

A sentence that rewords a passage keeps most of its words in the passage's order; a reworded word
sits between two kept ones ("have *reworked* the system" for "have *revised* … the system"). Aligning
the two by their kept words (``difflib``, on word keys) gives each unkept word of the sentence its
*slot*: the passage's words between the passage's copies of its kept neighbours, and ``WIDEN`` more
on each side. Only a word in its slot may stand for it by a broad relation (the Moby thesaurus: it
lists "release" for "replace", so "The rules replace …" must not be excused by "The rules released
on …" elsewhere in the passage).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from difflib import SequenceMatcher

from briefgen.text import moby, thesaurus
from briefgen.text import words as w

WIDEN = 1
"""Passage words taken beyond the aligned neighbours on each side (the alignment is by content words only)."""
REACH = 3
"""A word with a kept neighbour on one side only takes this many passage words on the other."""


def slot(found: Sequence[w.Word], word: w.Word, passage: Sequence[w.Word]) -> list[w.Word]:
    """Return the words of ``passage`` (its content words, in order) that stand in ``word``'s place in the sentence
    whose content words are ``found`` (``word`` among them, by its start); [] when nothing aligns."""
    at = next((i for i, x in enumerate(found) if x.start == word.start), None)
    if at is None or not passage:
        return []
    pairs: dict[int, int] = {}
    for a, b, n in SequenceMatcher(None, [x.key for x in found], [x.key for x in passage], autojunk=False).get_matching_blocks():
        pairs.update((a + k, b + k) for k in range(n))
    before = [pairs[i] for i in range(at) if i in pairs]
    after = [pairs[i] for i in range(at + 1, len(found)) if i in pairs]
    if not before and not after:
        return []
    low = before[-1] + 1 if before else after[0] - REACH
    high = after[0] - 1 if after else before[-1] + REACH
    if before and after and after[0] <= before[-1]:
        return []  # the neighbours cross over: no place for the word
    return list(passage[max(low - WIDEN, 0): high + WIDEN + 1])


def stands_in(found: Sequence[w.Word], word: w.Word, passages: Sequence[Sequence[w.Word]],
              relation: Callable[[str, list[str]], str], used: set[str]) -> bool:
    """True when, in one of ``passages`` (each its content words), a word of ``word``'s slot that the sentence does not
    itself use (``used``: keys) is one ``relation`` relates to ``word`` (``relation(word, candidates)`` returns it or "")."""
    for passage in passages:
        candidates = [x.text for x in slot(found, word, passage) if x.kind == "word" and x.key not in used]
        if candidates and relation(word.text, candidates):
            return True
    return False


def broad(word: w.Word) -> bool:
    """True when ``word`` may be excused by a broad relation: not a word that must be supported literally
    (quantifier, modality, degree), an absolute one ("bans"), an adverb ("explicitly" for "indirectly") or a
    light verb ("put"), whose thesaurus entries reach nearly any word."""
    return not (thesaurus.fixed(word.text) or w.is_general(word.key))


def reworded(missing: tuple[w.Word, ...], found: Sequence[w.Word], passages: Sequence[str], used: set[str],
             ordinary: Callable[[str], list[w.Word]]) -> tuple[w.Word, ...]:
    """Return ``missing`` without the ordinary words that the Moby thesaurus relates to a passage word in their slot.

    ``found``: the sentence's content words; ``used``: their keys; ``ordinary(text)``: a passage's ordinary words
    as the check reads them (a headline's capitalised words in lower case), which replace its words by position."""
    if not any(x.kind == "word" and broad(x) for x in missing):
        return missing
    placed = []
    for text in passages:
        plain = {x.start: x for x in ordinary(text)}
        placed.append([plain.get(x.start, x) for x in w.words(text)])
    return tuple(x for x in missing if x.kind != "word" or not broad(x) or not stands_in(found, x, placed, moby.related, used))
