"""How likely a sentence's unsupported ordinary words are an overreach rather than a paraphrase: a calibrated score.

The support check reports every content word of a sentence that no passage supports. Numbers,
dates and proper names are errors, always; padding, a dropped hedge and one source presented as
many are warnings, always; and so is an unsupported word that must be supported literally
(``strong``: quantifiers, modality, degree, ``data/literal.txt``; absolute verbs, ``data/absolute.txt``):
a changed "all", "could", "mainly" or "bans" is overreach by definition.

What is left, ordinary words ("unveiled" for "implements", "replaces" for "revises"), is scored.
``features`` describes them in general terms (no word list): how many there are and what share
of the sentence's content words they are, their word class (WordNet), how common they are (their
WordNet senses), and how close each comes to a word of the passages (word vectors). A logistic
model (``probability``) turns the features into the probability that the sentence overreaches;
its weights and its threshold are data (``text/data/support_weights.txt``), fitted on the
hand-labelled pairs by ``benchmarks/fit_support.py``, which anyone can rerun, with the
leave-one-batch-out figures it prints. At or above the threshold the words are warnings as
before; below it they are *notes*: "a paraphrase the quotes do not confirm", shown by
``check --explain`` and in the evidence annex, never failing ``--strict``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from difflib import SequenceMatcher
from functools import lru_cache

from briefgen.text import thesaurus, vectors
from briefgen.text import words as w
from briefgen.text.stems import data_lines


@lru_cache(maxsize=1)
def _literal() -> frozenset[str]:
    return frozenset(w.word_list("literal"))


def strong(word: w.Word) -> bool:
    """True for a word whose change is overreach by definition: a number, date or name (an error), or an ordinary
    word that must be supported literally (quantifier, modal, degree: ``data/literal.txt``; a relative time word,
    ``data/relative_time.txt``, reported only when it re-dates a dated passage: ``claims.is_attribution``) or states
    something as total, stopped or certain (``data/absolute.txt``)."""
    if word.kind != "word":
        return True
    # the literal words as listed, not by stem: "note" is not "not", "parts" not "partly", "news" not "new"
    low = word.text.lower().replace("’", "'")
    return low in _literal() or low in w.phrase_list("relative_time") or thesaurus.absolute(word.text)


def features(found: Sequence[w.Word], unsupported: Sequence[w.Word], passages: Sequence[str],
             names: Iterable[str] | None = None) -> dict[str, float]:
    """Return the features ``names`` (default: all) of a sentence whose content words are ``found``, of which the
    ordinary words ``unsupported`` no passage supports (``passages``: the supporting ones). Each is a number in
    0 … 1 or near:

    - ``share``: the unsupported words' share of the sentence's content words (one changed word in twenty
      is more often a paraphrase than one in four);
    - ``count``: how many they are, as log(1 + n);
    - ``verbs``, ``modifiers``: the share of them WordNet has only as a verb, or as an adjective or adverb;
    - ``common``: their mean log(1 + WordNet senses) / 4 (common words have many senses, rare and technical
      ones few);
    - ``closeness``: the highest cosine between one of them and a passage word that the sentence does not
      already use (0 when none has a vector);
    - ``supported``: log(1 + the number of the sentence's content words the passages do support) / 3 (a long
      sentence its quotes mostly say is more often reworded than wrong);
    - ``share_ordinary``: their share of the sentence's ordinary words (numbers, dates and names left out);
    - ``several``: 1 when there are two or more of them;
    - ``any_verb``: 1 when WordNet has one of them as a verb; ``unknown``: the share WordNet lacks;
    - ``copied``: the share of the sentence's content words in runs of two or more copied, in order, from one
      passage (``_copied``: how near verbatim the sentence is);
    - ``edited``: the share of them with copied words right before and after (a word changed inside a copied run).
    """
    n = len(unsupported)
    return {name: _FEATURES[name](found, unsupported, passages) if n else 0.0 for name in (FEATURES if names is None else names)}


def _closeness(found: Sequence[w.Word], unsupported: Sequence[w.Word], passages: Sequence[str]) -> float:
    used = {x.key for x in found}
    free = sorted({x.text for text in passages for x in w.words(text) if x.kind == "word" and x.key not in used})
    near = [vectors.nearest(x.text, free) for x in unsupported] if free else []
    return max((found_[1] for found_ in near if found_ is not None), default=0.0)


COPY_RUN = 2
"""Content words a sentence shares with a passage in a row, this many or more, are copied from it, not reworded."""


def _copied(found: Sequence[w.Word], passages: Sequence[str]) -> frozenset[int]:
    """Return the indices of ``found`` (a sentence's content words) in runs of ``COPY_RUN`` or more words that one
    passage has in the same order (by key; the passage that gives most)."""
    mine = [x.key for x in found]
    best: frozenset[int] = frozenset()
    for text in passages:
        blocks = SequenceMatcher(None, mine, [x.key for x in w.words(text)], autojunk=False).get_matching_blocks()
        copied = frozenset(i for a, _, n in blocks if n >= COPY_RUN for i in range(a, a + n))
        if len(copied) > len(best):
            best = copied
    return best


def _edited(found: Sequence[w.Word], unsupported: Sequence[w.Word], passages: Sequence[str]) -> float:
    """The share of ``unsupported`` that sit between copied words (``_copied``) on both sides: a word changed in,
    or slipped into, a run copied from a passage."""
    copied = _copied(found, passages)
    at = {x.start: i for i, x in enumerate(found)}
    inside = [i for i in (at.get(x.start) for x in unsupported) if i is not None and i - 1 in copied and i + 1 in copied]
    return len(inside) / len(unsupported)


_FEATURES: dict[str, Callable[[Sequence[w.Word], Sequence[w.Word], Sequence[str]], float]] = {
    "share": lambda found, unsupported, _: len(unsupported) / max(len(found), 1),
    "count": lambda _, unsupported, __: math.log1p(len(unsupported)),
    "verbs": lambda _, unsupported, __: sum(thesaurus.parts(x.text) == {"v"} for x in unsupported) / len(unsupported),
    "modifiers": lambda _, unsupported, __: sum(bool(thesaurus.parts(x.text) & {"a", "r"}) for x in unsupported) / len(unsupported),
    "common": lambda _, unsupported, __: sum(math.log1p(thesaurus.polysemy(x.text)) for x in unsupported) / len(unsupported) / 4,
    "closeness": _closeness,
    "supported": lambda found, unsupported, _: math.log1p(len(found) - len(unsupported)) / 3,
    "share_ordinary": lambda found, unsupported, _: len(unsupported) / max(sum(x.kind == "word" for x in found), 1),
    "several": lambda _, unsupported, __: float(len(unsupported) >= 2),
    "any_verb": lambda _, unsupported, __: float(any("v" in thesaurus.parts(x.text) for x in unsupported)),
    "unknown": lambda _, unsupported, __: sum(not thesaurus.parts(x.text) for x in unsupported) / len(unsupported),
    "copied": lambda found, _, passages: len(_copied(found, passages)) / max(len(found), 1),
    "edited": _edited,
}
FEATURES = tuple(_FEATURES)
"""Every feature ``features`` can compute; the weights file names the ones the model uses."""


@lru_cache(maxsize=1)
def model() -> tuple[dict[str, float], float, float]:
    """Return the weights (feature → weight), the intercept and the threshold, from ``data/support_weights.txt``."""
    values = {}
    for line in data_lines("support_weights.txt"):
        name, value = line.split()
        values[name] = float(value)
    intercept, threshold = values.pop("intercept"), values.pop("threshold")
    unknown = set(values) - set(FEATURES)
    if unknown:
        raise ValueError(f"support_weights.txt: unknown feature(s) {sorted(unknown)}")
    return values, intercept, threshold


def probability(feats: dict[str, float], weights: dict[str, float] | None = None, intercept: float | None = None) -> float:
    """Return the model's probability that a sentence with ``feats`` overreaches (default: the fitted model)."""
    if weights is None or intercept is None:
        weights, intercept, _ = model()
    z = intercept + sum(weight * feats[name] for name, weight in weights.items())
    return 1 / (1 + math.exp(-z))


def confirmed(found: Sequence[w.Word], unsupported: Sequence[w.Word], passages: Sequence[str]) -> tuple[bool, float]:
    """Return whether the ordinary words ``unsupported`` are reported as warnings, and the score that says so
    (1.0 when one of them is ``strong``)."""
    if any(strong(x) for x in unsupported):
        return True, 1.0
    weights, intercept, threshold = model()
    p = probability(features(found, unsupported, passages, weights), weights, intercept)
    return p >= threshold, p
