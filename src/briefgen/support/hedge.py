"""A dropped hedge: the sentence states as done what every passage that supports it only says may, could,
is planned, tried or alleged to happen ("could become" → "has become"): ``Verdict.dropped``."""

from __future__ import annotations

from functools import lru_cache

from briefgen.text import frames, thesaurus
from briefgen.text import words as w

SCOPE = 6
"""A tentative word governs the next ``SCOPE`` words of its passage."""


def _tentative(text: str, keys: frozenset[str] | None = None, skip: frozenset[str] = frozenset()) -> str:
    """Return the first word of ``text`` that makes it tentative (``data/tentative.txt``), or "". With ``keys``,
    only one followed within ``SCOPE`` words by a word whose stem is in ``keys`` (it governs what the sentence says).
    A word inside parentheses is left out: a parenthesis glosses a term ("goods that may have military uses"),
    it does not qualify the statement around it."""
    canon = w.canonical(text)
    tokens = [(token.lower(), start) for token, start in w.tokens(text)]
    for at, (token, start) in enumerate(tokens):
        if token not in _tentatives() or token in skip or _parenthesised(canon, start):
            continue
        if token in NOUNS and (at + 1 >= len(tokens) or tokens[at + 1][0] not in _NOUN_LINKS):
            continue  # "Li's proposal criticizes …": the proposal exists; "the proposal to …" is tentative
        if token in STATUS and keys is not None and (at + 1 >= len(tokens) or w.stem(tokens[at + 1][0]) not in keys):
            continue  # "the interim final rule" → "the rule": the status left out with its word; → "the final rule": made final
        if token in PERCEIVED and not _as_follows(canon, tokens, at):
            continue  # "has seen growth": a fact; "seen as a show of support", "see chips as critical": a perception
        if keys is None or any(w.stem(x) in keys for x, _ in tokens[at + 1: at + 1 + SCOPE]):
            return token
    return ""


NOUNS = frozenset({"proposal", "proposals", "goal", "goals", "allegation", "allegations", "intent"})
"""Tentative nouns: they qualify only what their own phrase says ("the goal of …", "a proposal to …", "allegations that …")."""
STATUS = frozenset({"interim", "provisional", "preliminary"})
"""Status words (``data/tentative.txt``): a provisional status ("interim final rule") is dropped only when the sentence
keeps the word it qualifies ("final rule"): it then states as settled what its passage says is not."""
PERCEIVED = frozenset({"seen", "viewed", "regarded", "perceived", "considered", "described", "portrayed", "framed", "see",
                       "sees", "saw", "view", "views", "regard", "regards", "perceive", "perceives", "consider", "considers"})
"""Perception words: tentative only before "as" in their clause ("were seen as a show of support", "policymakers see chips
as critical": how it was taken, not what it was; ``AS_REACH``)."""
STANCE = PERCEIVED | {"think", "thinks", "thought", "believe", "believes", "believed"}
"""Belief and perception words (``data/tentative.txt``): a sentence that has one, anywhere ("the minister sees a strong interest"),
keeps the passages' stance, not their modality."""
AS_REACH = 5
"""A perception word is tentative when "as" follows it within this many words of its clause ("see chips and AI as …")."""


def _as_follows(canon: str, tokens: list[tuple[str, int]], at: int) -> bool:
    """True when "as" follows the token ``at`` within ``AS_REACH`` words, with no punctuation between."""
    for token, start in tokens[at + 1: at + 1 + AS_REACH]:
        if any(c in canon[tokens[at][1]:start] for c in ",;:.()"):
            return False
        if token == "as":
            return True
    return False
_NOUN_LINKS = frozenset({"of", "to", "for", "that", "on", "is", "was", "are", "were"})


def _parenthesised(text: str, at: int) -> bool:
    return text.rfind("(", 0, at) > text.rfind(")", 0, at)


ATTRIBUTING = frozenset({"claim", "claims", "claimed", "alleged", "allegedly", "allegation", "allegations"})
"""Tentative words that attribute ("claim to have reached"): a sentence that reports speech keeps them ("say they have")."""


def dropped(sentence: str, passages: list[str]) -> str:
    """Return the tentative word of the first of ``passages`` when every one has one that governs words of
    ``sentence`` and ``sentence`` has none, or "": the sentence then states as done what its sources say may,
    could, is planned or is alleged to happen. A sentence that reports speech ("Xpeng and Nio say they have
    reached …") keeps an attributing hedge ("claim to have reached")."""
    if not passages or _tentative(sentence, skip=STANCE):
        return ""
    # a sentence that keeps a belief or perception word ("the minister believes") may still drop a modal ("could surpass")
    skip = STANCE if _tentative(sentence) or any(t.lower() in STANCE for t, _ in w.tokens(sentence)) else frozenset()
    keys = frozenset(x.key for x in w.words(sentence) if x.kind == "word") - _purposes(sentence)
    found = [_tentative(text, keys, skip) for text in passages]
    if not all(found) or (found[0] in ATTRIBUTING and any(frames.reporting(w.stem(t.lower())) for t, _ in w.tokens(sentence))):
        return ""
    return found[0]


def _purposes(sentence: str) -> frozenset[str]:
    """The stems of the words of the to-infinitives ``sentence`` writes ("an organization to foster global
    cooperation"), up to the next punctuation or ``SCOPE`` words: a purpose or an intent, not something
    done, so no hedge of its passages is dropped for them."""
    canon = w.canonical(sentence)
    found = w.tokens(sentence)
    purposes: set[str] = set()
    for at, (token, start) in enumerate(found[:-1]):
        verb, begin = found[at + 1]
        if token.lower() != "to" or not thesaurus.is_verb(verb) or canon[start + len(token):begin].strip():
            continue
        for word, where in found[at + 1: at + 1 + SCOPE]:
            if any(c in canon[begin:where] for c in ",;:.()"):
                break
            purposes.add(w.stem(word.lower()))
    return frozenset(purposes)


@lru_cache(maxsize=1)
def _tentatives() -> frozenset[str]:
    return frozenset(w.word_list("tentative"))
