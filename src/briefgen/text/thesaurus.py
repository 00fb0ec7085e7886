"""WordNet relations: may a word of a quote stand for a word of a claim? A leaf module (standard library only).

The data, ``data/wordnet.txt``, is the part of WordNet 3.0 the support check reads
(``data/make_wordnet.py`` writes it, with WordNet's licence): the one-word lemmas with a
sense tagged in the SemCor corpus (a frequency guard), their senses, and the senses one
derivational, similar-to, verb-group or pertainym link away, or that a sense's gloss defines it
by alone ("talk": "discussion"). Two words are *related* when one's
senses meet the other's senses or links ("regard" and "see" share a sense; "spread" and
"diffuse" do, and "diffusion" is derived from "diffuse"). Hypernyms are not followed: "ban" is a kind of "restrict",
and a claim saying "bans" where the quote says "restricts" overreaches.

Never related: words that must be supported literally (``data/literal.txt``: quantifiers
and modality, "all", "only", "would", "expected") and light verbs (``data/general.txt``:
"take", "make"), whose dozens of senses reach nearly any word. The file is read on the
first question, which only a sentence with an otherwise unsupported word asks, and
looked up by bisection (it is sorted), so the first question costs a few milliseconds.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from briefgen.text.stems import stem, word_list

_RULES = {
    "n": (("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("ies", "y")),
    "v": (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")),
    "a": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")),
    "r": (),
}
"""WordNet's own detachment rules (morphy): an inflected form → the lemmas it may come from, per part of speech."""

Entry = tuple[frozenset[str], frozenset[str]]


@lru_cache(maxsize=1)
def _lines() -> list[str]:
    """Return the data's lines, sorted (the file is written so; its "#" notice sorts first and matches no lookup)."""
    return (Path(__file__).parent / "data" / "wordnet.txt").read_text(encoding="utf-8").splitlines()


def _find(prefix: str) -> list[str]:
    """Return the data lines that start with ``prefix``."""
    lines = _lines()
    at = bisect_left(lines, prefix)
    found = []
    while at < len(lines) and lines[at].startswith(prefix):
        found.append(lines[at])
        at += 1
    return found


@lru_cache(maxsize=16384)
def _lemma(lemma: str) -> dict[str, Entry]:
    """Return part of speech → (senses of ``lemma``, those senses and the senses one link away), as the data has them."""
    found = {}
    for line in _find(lemma + " "):
        fields = line.split(" ")
        senses = frozenset(fields[2].split(","))
        found[fields[1]] = (senses, senses | (frozenset(fields[3].split(",")) if fields[3] != "-" else frozenset()))
    return found


def _irregular(form: str) -> dict[str, list[str]]:
    """Return part of speech → the lemmas of the irregular ``form`` ("went" → {"v": ["go"]})."""
    found: dict[str, list[str]] = {}
    for line in _find(f"= {form} "):
        fields = line.split(" ")
        found.setdefault(fields[2], []).append(fields[3])
    return found


@lru_cache(maxsize=1)
def _excluded() -> frozenset[str]:
    """Return the stems of the words never related (so "expects" is excluded with "expected", "took" with "take")."""
    return frozenset(stem(x) for x in word_list("literal") + word_list("general"))


def literal(word: str) -> bool:
    """True when ``word`` must be supported literally or is a light verb (``data/literal.txt``, ``data/general.txt``)."""
    return stem(word.lower().replace("’", "'")) in _excluded()


@lru_cache(maxsize=1)
def _absolute() -> frozenset[str]:
    return frozenset(word_list("absolute"))


def absolute(word: str) -> bool:
    """True when ``word`` (as written) is a form of an absolute word (``data/absolute.txt``: "bans" is not "restricts")."""
    return not _absolute().isdisjoint(lemmas(word))


def fixed(word: str) -> bool:
    """True when no near word may stand for ``word``: it must be supported literally, is absolute, or is only an adverb
    (an adverb's neighbours are its opposites as often as its synonyms: "explicitly", "indirectly")."""
    return literal(word) or absolute(word) or parts(word) == {"r"}


@lru_cache(maxsize=8192)
def lemmas(word: str) -> frozenset[str]:
    """Return what ``word`` (as written) may be a form of, by WordNet's detachment rules and irregular forms,
    whether or not WordNet has it ("banned" → {"banned", "bann", "ban", …}); itself included, lower-cased."""
    low = word.lower().replace("’", "'")
    irregular = _irregular(low)
    found = {low}
    for pos, rules in _RULES.items():
        candidates = [*irregular.get(pos, ()), *(low[: -len(end)] + new for end, new in rules if low.endswith(end))]
        found |= {*candidates, *(c[:-1] for c in candidates if len(c) > 3 and c[-1] == c[-2])}
    return frozenset(found)


@lru_cache(maxsize=8192)
def _entries(word: str, literal_too: bool = False) -> tuple[Entry, ...]:
    """Return the WordNet entries of ``word`` (as written): per part of speech, every lemma it may be a form of
    that WordNet has ("talks" is the noun "talks", negotiations, and a plural of the noun "talk")."""
    low = word.lower().replace("’", "'")
    if not low.isalpha() or (stem(low) in _excluded() and not literal_too):
        return ()
    found = []
    irregular = _irregular(low)
    for pos, rules in _RULES.items():
        candidates = [low, *irregular.get(pos, ()), *(low[: -len(end)] + new for end, new in rules if low.endswith(end))]
        candidates += [c[:-1] for c in candidates if len(c) > 3 and c[-1] == c[-2]]  # "stopped" → "stopp" → "stop"
        for lemma in dict.fromkeys(candidates):
            entry = _lemma(lemma).get(pos)
            if entry is not None and (literal_too or stem(lemma) not in _excluded()):
                found.append(entry)
    return tuple(found)


@lru_cache(maxsize=8192)
def senses(word: str) -> frozenset[str]:
    """Return the WordNet senses of ``word`` (ids local to ``data/wordnet.txt``; empty for excluded words)."""
    return frozenset().union(*(e[0] for e in _entries(word)))


@lru_cache(maxsize=8192)
def reach(word: str) -> frozenset[str]:
    """Return the senses of ``word`` and those one derivational, similar-to or verb-group link away."""
    return frozenset().union(*(e[1] for e in _entries(word)))


def related(word: str, others: Iterable[str]) -> bool:
    """True when a word of ``others`` is related to ``word`` (a shared sense, or one link away either way)."""
    mine = senses(word)
    if not mine:
        return False
    theirs, near_theirs = _pooled(frozenset(others))
    return not reach(word).isdisjoint(theirs) or not mine.isdisjoint(near_theirs)


_FUNCTION = frozenset("all every each any no none some many most few several more less least much only sole single never always "
                      "ever not nothing must should shall will would could can may might".split())
"""Literal words that are quantifiers, determiners or modals: no synonym stands for them ("all" is not "whole")."""


def synonymous(word: str, others: Iterable[str]) -> bool:
    """True when ``word``, a literal word of degree ("mainly", "whole": ``data/literal.txt``, not a quantifier
    or modal), shares a WordNet sense with a literal word of ``others``: a true synonym of the same degree
    ("mainly" and "primarily"; "the whole chain" and "all areas of the chain"), never a word one link away.
    A claim's quantifier is never stood for: "all" may support "whole", "whole" never supports "all"."""
    if word.lower() in _FUNCTION:
        return False
    mine = frozenset().union(*(e[0] for e in _entries(word, True)))
    return bool(mine) and any(literal(other) and other.lower() != word.lower()
                              and not mine.isdisjoint(frozenset().union(*(e[0] for e in _entries(other, True))))
                              for other in others)


PARTICLES = frozenset("up out off in into on onto over down back away through to for with about around along across".split())
"""The second words of the phrasal verbs the data has ("look_into", "leave_out": ``data/make_wordnet.py``)."""


def phrasal_related(verb: str, particle: str, others: Iterable[str]) -> bool:
    """True when the phrasal verb ``verb`` + ``particle`` ("left … out" is "leave_out") is related to a word of
    ``others`` as ``related`` relates words ("leave out" and "excluded" share a sense). Light verbs count
    here: a phrasal verb is one word with its own senses ("come out", "look into")."""
    mine: set[str] = set()
    near: set[str] = set()
    for lemma in lemmas(verb):
        entry = _lemma(f"{lemma}_{particle.lower()}").get("v")
        if entry is not None:
            mine |= entry[0]
            near |= entry[1]
    if not mine:
        return False
    theirs, near_theirs = _pooled(frozenset(others))
    return not near.isdisjoint(theirs) or not mine.isdisjoint(near_theirs)


@lru_cache(maxsize=4096)
def is_verb(word: str) -> bool:
    """True when WordNet has ``word`` (as written) as a form of a verb ("foster", "fostering")."""
    return any("v" in _lemma(lemma) for lemma in lemmas(word))


@lru_cache(maxsize=1024)
def _pooled(words: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """Return the senses of ``words`` and their reach, pooled (a passage's words are asked about once)."""
    return frozenset().union(*map(senses, words)), frozenset().union(*map(reach, words))


@lru_cache(maxsize=8192)
def parts(word: str) -> frozenset[str]:
    """Return the parts of speech WordNet has ``word`` (as written) as a form of: "n", "v", "a", "r" (empty when
    it has none). Light verbs and literal words count too: this says what a word is, not what may stand for it."""
    return frozenset(pos for lemma in lemmas(word) for pos in _lemma(lemma))


@lru_cache(maxsize=8192)
def polysemy(word: str) -> int:
    """Return how many WordNet senses ``word`` (as written) has over its lemmas and parts of speech: common
    words have many ("take" 40-odd), rare and technical ones few or none."""
    return len(frozenset().union(*(e[0] for e in _entries(word, True))))
