"""Judge one sentence against passages: which of its words no passage supports, which passages are padding.

The rules (the same for claims and for free text):
- a word is supported when a passage has a word with the same key (stem, number
  value, month, year) or a word of one of its synonym groups (see ``_covered`` for
  hyphenated compounds and names written in part); failing that, an ordinary word is
  supported by a WordNet-related word of a supporting passage (``thesaurus.related``:
  a shared sense or one derivational/similar-to/verb-group link; never quantifiers,
  modality or light verbs); a literal word of degree only by a true synonym ("mainly" by "primarily": ``thesaurus.synonymous``),
  and a closed compound by its parts ("chipmaking" by "chip manufacturing"); an ordinary word also by
  a passage word in its place that the Moby thesaurus relates to it ("reworked" for "revised": ``slots``);
- a capitalised word the passage's document names in its metadata (publisher, author …),
  and an acronym or its expansion that the document defines, are present (``aliases``), as
  is a body a "<head> of <X>" acronym names ("Defense" for "DOD") and words naming the cited
  document itself ("the bill", "the December 2024 rule": ``selfname``);
- words that frame rather than state (``frames.frame_words``: "the measures",
  "coverage presents", "Li also noted that") need no support;
- a sentence whose only unsupported word is a light verb (``words.is_general``:
  "took effect", "came out of talks"), or a light verb and its particle after it
  (``words.is_particle``: "holding back"), is a paraphrase: ``reportable`` drops
  them; numbers, dates, names and specific words are always reported;
- a passage is *padding* when it shares no word with the sentence, or when it
  adds no word that a better passage does not already support and supports at most
  ``PADDING_SHARE`` of what the best passage supports: it adds bulk, not evidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from briefgen.support import aliases, referents, selfname, slots
from briefgen.support.hedge import dropped as dropped
from briefgen.text import frames, thesaurus, vectors
from briefgen.text import words as w

PADDING_SHARE = 0.6
"""A passage supporting at most this share of what the best passage supports, and nothing new, is padding."""

SIMILAR = 0.65
"""A claim word whose GloVe vector is at least this close (cosine) to a supporting passage's word is a paraphrase."""


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the passages do for one sentence."""

    words: tuple[w.Word, ...]
    """The sentence's content words."""
    missing: tuple[w.Word, ...]
    """Words no supporting passage has (before any acceptance)."""
    padding: tuple[int, ...]
    """Indices of the passages that are padding."""
    closest: int | None
    """Index of the passage that supports most words, or None when there are no passages."""
    shares: tuple[float, ...]
    """Per passage: the share of the sentence's words it supports."""
    dropped: str = ""
    """A tentative word ("could", "plans", "aims") every supporting passage has and the sentence lacks, or ""."""

    @property
    def supporting(self) -> tuple[int, ...]:
        return tuple(i for i in range(len(self.shares)) if i not in self.padding)


@lru_cache(maxsize=4096)
def passage_keys(text: str) -> tuple[frozenset[str], frozenset[int]]:
    """Return the keys of ``text``'s words (of its hyphenated compounds, closed up, of the words its synonym
    phrases are written with: "call for" has "call", and of the ordinals it writes as numerals: "2d" has "second")
    and their synonym groups."""
    found = w.words(text)
    keys = (frozenset(x.key for x in found) | {key for _, _, key in frames.compounds(text)} | w.phrase_parts(text)
            | frames.ordinals(text))
    groups = frozenset(g for k in keys for g in w.synonyms(k))
    return keys, groups


@lru_cache(maxsize=4096)
def lone_names(text: str) -> frozenset[str]:
    """Return the keys of the names ``text`` writes alone (one capitalised word: "Ruiz said"), titles left out."""
    runs = _name_runs(w.words(text))
    return frozenset(run[0].key for run in runs if len(run) == 1 and _personal(run[0].key))


def _personal(key: str) -> bool:
    """True for a name's key that may be part of a person's or body's own name: not a title, not a place."""
    return key not in frames.title_stems() and not w.synonyms(key)


def _name_runs(found: list[w.Word] | tuple[w.Word, ...]) -> list[list[w.Word]]:
    """Return the runs of proper names written one after the other ("Ana Ruiz")."""
    runs: list[list[w.Word]] = []
    for word in found:
        if word.kind != "name":
            continue
        last = runs[-1][-1] if runs else None
        if last is not None and 0 < word.start - (last.start + len(last.text)) <= 1:
            runs[-1].append(word)
        else:
            runs.append([word])
    return runs


def needs(found: tuple[w.Word, ...] | list[w.Word]) -> tuple[tuple[str, frozenset[int]], ...]:
    """Return, per word, its key and the synonym groups that may stand for it (none for numbers and dates)."""
    return tuple((x.key, frozenset() if x.kind in ("number", "date") else w.synonyms(x.key)) for x in found)


def supported(wanted: tuple[tuple[str, frozenset[int]], ...], keys: frozenset[str], groups: frozenset[int]) -> set[int]:
    """Return the indices of ``wanted`` (see ``needs``) that a passage with ``keys`` and ``groups`` supports."""
    return {i for i, (key, mine) in enumerate(wanted) if key in keys or (mine and not mine.isdisjoint(groups))}


def _covered(sentence: str, found: tuple[w.Word, ...], text: str, wanted: tuple[tuple[str, frozenset[int]], ...]) -> set[int]:
    """Return the indices of ``found`` (the words of ``sentence``) that the passage ``text`` supports.

    Besides ``supported``: each part of a hyphenated compound is supported when the passage has the
    compound closed up ("click-through" by "clickthrough"); a name written in full is supported when
    the passage names the person by another part of it alone ("Ana Ruiz" by "Ruiz said"); titles and
    places in the run ("President", "US") need support of their own and never stand for the name.
    """
    keys, groups = passage_keys(text)
    covered = supported(wanted, keys, groups)
    for start, end, key in frames.compounds(sentence):
        if key in keys:
            covered |= {i for i, word in enumerate(found) if start <= word.start < end}
    alone = lone_names(text)
    if alone:
        index = {id(word): i for i, word in enumerate(found)}
        for run in _name_runs(found):
            if len(run) > 1 and any(word.key in alone for word in run):
                covered |= {index[id(word)] for word in run if _personal(word.key)}
    return covered


def judge(sentence: str, passages: list[str], names: frozenset[str] = frozenset(), origins: Sequence[Any] = ()) -> Verdict:
    """Return how ``passages`` support ``sentence`` (see the module doc for the rules).

    ``origins[i]``, when given, is passage i's source (or None): a capitalised word its document
    names in its metadata, or an acronym it defines, is present for that passage (``aliases``).
    """
    framed = frames.frame_words(sentence)
    found = tuple(x for x in _dedupe(w.words(sentence, names)) if x.start not in framed)
    wanted = needs(found)
    covered = [_covered(sentence, found, text, wanted) for text in passages]
    total = max(len(found), 1)
    shares = tuple(len(c) / total for c in covered)
    order = sorted(range(len(passages)), key=lambda i: (-len(covered[i]), i))
    padding: list[int] = []
    seen: set[int] = set()
    for rank, i in enumerate(order):
        new = covered[i] - seen
        if not covered[i] or (rank > 0 and not new and len(covered[i]) <= PADDING_SHARE * len(covered[order[0]])):
            padding.append(i)
            continue
        seen |= covered[i]
    missing = tuple(word for i, word in enumerate(found) if i not in seen)
    if any(word.kind == "word" for word in missing):
        missing = _unrelated(missing, [passages[i] for i in order if i not in padding], found, sentence)
    missing = aliases.headed(missing, [passages[i] for i in order if i not in padding])
    if origins:
        kept = [i for i in order if i not in padding and i < len(origins)]
        missing = aliases.present(sentence, missing, [passages[i] for i in kept], [origins[i] for i in kept])
        missing = referents.present(missing, [passages[i] for i in kept], [origins[i] for i in kept])
        missing = selfname.present(sentence, missing, [origins[i] for i in kept])
    kept_passages = [passages[i] for i in order if i not in padding]
    return Verdict(found, missing, tuple(sorted(padding)), order[0] if order else None, shares, dropped(sentence, kept_passages))


def _unrelated(missing: tuple[w.Word, ...], passages: list[str], found: tuple[w.Word, ...] = (),
               sentence: str = "") -> tuple[w.Word, ...]:
    """Return ``missing`` without the words that a related word of a supporting passage stands for: one WordNet
    relates to it (``thesaurus``), or one whose word vector is ``SIMILAR`` to its own (``vectors``; never for the
    words that must be supported literally, quantifiers and modality, nor for light verbs). A passage word the
    sentence itself uses (same key, among ``found``) is already spoken for: it stands for no other word by vector.
    A verb with a particle after it in ``sentence`` is asked about as the phrasal verb ("left China out")."""
    passage_words = [x for text in passages for x in _ordinary(text)]
    theirs = {x.text for x in passage_words}
    missing = _phrasal(missing, sentence, theirs)
    kept = tuple(word for word in missing if word.kind != "word" or not (
        thesaurus.synonymous(word.text, theirs) if thesaurus.literal(word.text)
        else thesaurus.related(word.text, theirs) or thesaurus.synonymous(word.text, theirs)))
    used = {x.key for x in found}
    free = {x.text for x in passage_words if x.key not in used}
    kept = tuple(word for word in kept if word.kind != "word" or not _similar(word.text, free))
    kept = slots.reworded(kept, found, passages, used, _ordinary)
    if not any(word.kind == "word" for word in kept):
        return kept
    keys: set[str] = set()
    groups: set[int] = set()
    for text in passages:
        more_keys, more_groups = passage_keys(text)
        keys |= more_keys
        groups |= more_groups
    return tuple(word for word in kept if word.kind != "word" or not _compound(word.text, keys, groups, theirs))


HEADLINE_SHARE = 0.75
"""A passage whose longer words (four letters or more, acronyms left out) are at least this share capitalised, and
three or more, is written in title case: a headline ("Commerce Releases Clarifications of Export Control Rules")."""


def _ordinary(text: str) -> list[w.Word]:
    """Return the ordinary words of the passage ``text``; in a headline, its capitalised words too, in lower case
    (title case makes "Thinks" look like a name; WordNet and the vectors must see the word "thinks")."""
    found = w.words(text)
    longer = [t for t, _ in w.tokens(text) if len(t) >= 4 and t.isalpha() and not t.isupper()]
    if len(longer) < 3 or sum(t[0].isupper() for t in longer) < HEADLINE_SHARE * len(longer):
        return [x for x in found if x.kind == "word"]
    return [x if x.kind == "word" else w.Word(x.text.lower(), x.start, "word", x.key) for x in found
            if x.kind == "word" or (x.kind == "name" and not x.text.isupper())]


PARTICLE_REACH = 3
"""A particle up to this many words after a verb may make a phrasal verb with it ("left China out")."""


def _phrasal(missing: tuple[w.Word, ...], sentence: str, theirs: set[str]) -> tuple[w.Word, ...]:
    """``missing`` without the verbs that make, with a particle after them, a phrasal verb related to a passage word."""
    if not sentence or not any(word.kind == "word" for word in missing):
        return missing
    found = w.tokens(sentence)
    at = {start: i for i, (_, start) in enumerate(found)}
    kept = []
    for word in missing:
        i = at.get(word.start)
        after = [t.lower() for t, _ in found[i + 1: i + 1 + PARTICLE_REACH]] if i is not None and word.kind == "word" else []
        if not any(p in thesaurus.PARTICLES and thesaurus.phrasal_related(word.text, p, theirs) for p in after):
            kept.append(word)
    return tuple(kept)


MIN_PART = 3
"""The shortest part of a closed compound ("chip" + "making") that ``_compound`` splits off."""


def _compound(word: str, keys: set[str], groups: set[int], theirs: set[str]) -> bool:
    """True when ``word`` is a closed compound ("chipmaking", "policymakers") of two words that the passages
    support: each part by its key, a synonym group or a WordNet relation, or the second part a light verb
    ("-making": ``words.is_general``) beside a supported first part, as "chip manufacturing" says "chipmaking"."""
    low = word.lower()
    if not low.isalpha() or thesaurus.senses(low):
        return False  # a word WordNet knows whole is no compound to split
    for cut in range(MIN_PART, len(low) - MIN_PART + 1):
        head, tail = low[:cut], low[cut:]
        if not (thesaurus.senses(head) or w.is_general(w.stem(head))) or not (thesaurus.senses(tail) or w.is_general(w.stem(tail))):
            continue
        said = [_part_said(part, keys, groups, theirs) for part in (head, tail)]
        if all(said) or (said[0] and w.is_general(w.stem(tail))):
            return True
    return False


def _part_said(part: str, keys: set[str], groups: set[int], theirs: set[str]) -> bool:
    key = w.stem(part)
    return key in keys or not w.synonyms(key).isdisjoint(groups) or thesaurus.related(part, theirs)


def _similar(word: str, theirs: set[str]) -> bool:
    """True when a word of ``theirs`` has a vector at least ``SIMILAR`` to ``word``'s (never for literal or
    absolute words: see ``data/literal.txt``, ``data/absolute.txt``)."""
    if thesaurus.fixed(word):
        return False
    found = vectors.nearest(word, sorted(theirs))
    return found is not None and found[1] >= SIMILAR


def reportable(missing: list[w.Word] | tuple[w.Word, ...]) -> list[w.Word]:
    """Return the unsupported words worth reporting: all of ``missing``, unless its only word is a general one
    (or a general one and its particle: "holding back").

    ``missing`` is what is left after the caller's own excuses (acceptances, attribution words).
    A lone light verb is the typical paraphrase ("came out together with" for "publishes
    concurrently"); overreach comes through specific words, and a light verb next to another
    unsupported word is reported with it, since the rewording then spans more than one word.
    """
    if len(missing) == 1 and missing[0].kind == "word" and w.is_general(missing[0].key):
        return []
    if (len(missing) == 2 and missing[0].kind == missing[1].kind == "word" and w.is_general(missing[0].key)
            and w.is_particle(missing[1].key) and missing[0].start < missing[1].start):
        return []  # a phrasal verb ("holding back", "keep … away") is one light verb with its particle
    return list(missing)


def _dedupe(found: list[w.Word]) -> list[w.Word]:
    """Keep the first occurrence of each key, so a repeated word is reported once."""
    seen: set[tuple[str, str]] = set()
    return [x for x in found if not ((x.kind, x.key) in seen or seen.add((x.kind, x.key)))]  # type: ignore[func-returns-value]


def sentence_names(*texts: str) -> frozenset[str]:
    """Return the stems written as proper names mid-sentence in any of ``texts``."""
    return frozenset().union(*(w.name_stems(t) for t in texts)) if texts else frozenset()
