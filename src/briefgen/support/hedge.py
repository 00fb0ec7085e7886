"""A dropped hedge: the sentence states as done what every passage that supports it only says may, could,
is planned, tried or alleged to happen ("could become" → "has become"): ``Verdict.dropped``."""

from __future__ import annotations

from functools import lru_cache

from briefgen.text import frames, thesaurus
from briefgen.text import words as w

SCOPE = 10
"""A tentative word governs the next ``SCOPE`` words of its passage: its verb phrase with the object and the phrase
that follows it ("might lead to a dramatic decrease in clickthrough rates", "have the potential to exacerbate risks,
including by enabling …"). Session 11: 6 → 10; over the 897 labelled pairs the wider scope found five more overreaches
and flagged no faithful pair (12 flags the first: "concerns about China's drive … that could …")."""


def _tentative(text: str, keys: frozenset[str] | None = None, skip: frozenset[str] = frozenset(),
               written: frozenset[str] = frozenset()) -> str:
    """Return the first word of ``text`` that makes it tentative (the lists of ``TENTATIVE``), or "". With ``keys``,
    only one followed within ``SCOPE`` words by a word whose stem is in ``keys`` (it governs what the sentence says)
    and that ``text`` does not also write outside that reach: a sentence may take such a word from the plain part of
    the passage ("… for use outside China … a certificate that may be used in compliance programs").
    A word inside parentheses is left out: a parenthesis glosses a term ("goods that may have military uses"),
    it does not qualify the statement around it. The formula of a bill or resolution ("Be it enacted by …") proposes:
    it is tentative when the sentence writes its participle as it stands (``written``: "have enacted the bill"),
    not when it names the formula ("the enacting clause")."""
    canon = w.canonical(text)
    tokens = [(token.lower(), start) for token, start in w.tokens(text)]
    for at in range(len(tokens)):
        token = _hedge(canon, tokens, at, keys, skip, written)
        if not token:
            continue
        if keys is None:
            return token
        reach = _verb_reach(tokens, at) if token in MANNER else SCOPE
        outside = {w.stem(x) for x, _ in tokens[:at + 1] + tokens[at + 1 + reach:]}
        if any(w.stem(x) in keys and w.stem(x) not in outside for x, _ in tokens[at + 1: at + 1 + reach]):
            return token
    return ""


def _hedge(canon: str, tokens: list[tuple[str, int]], at: int, keys: frozenset[str] | None, skip: frozenset[str],
           written: frozenset[str]) -> str:
    """The tentative word at ``tokens[at]`` (see ``_tentative``), or ""."""
    token, start = tokens[at]
    if token == "be" and at + 2 < len(tokens) and tokens[at + 1][0] == "it" and not _parenthesised(canon, start):
        if keys is not None and tokens[at + 2][0] not in written:
            return ""
        return "be it"  # the enacting or resolving formula ("Be it enacted by the Senate …"): a text that proposes
    if token not in _tentatives() or token in skip or _parenthesised(canon, start):
        return ""
    if token in NOUNS and (at + 1 >= len(tokens) or tokens[at + 1][0] not in _NOUN_LINKS):
        return ""  # "Li's proposal criticizes …": the proposal exists; "the proposal to …" is tentative
    if token in CAPACITIES and at > 0 and _owner(tokens[at - 1][0]):
        return ""  # "China's potential in AI": a capacity it has; "the potential to exacerbate risks" is tentative
    if token in STATUS and keys is not None and (at + 1 >= len(tokens) or w.stem(tokens[at + 1][0]) not in keys):
        return ""  # "the interim final rule" → "the rule": the status left out with its word; → "the final rule": made final
    if token in PERCEIVED and not _as_follows(canon, tokens, at):
        return ""  # "has seen growth": a fact; "seen as a show of support", "see chips as critical": a perception
    return token


MANNER = frozenset(w.word_list("tentative_manner"))
"""Manner adverbs that weaken the act they qualify (``data/tentative_manner.txt``): "indirectly criticizes" → "criticised". They
govern only the verb after them, with its auxiliaries ("reportedly has reached"), not its object: "indirectly criticizes
Western frameworks, which have focused on safety" still says plainly that the frameworks focused on safety."""
MANNER_REACH = 3
"""The most words a manner adverb reaches, up to and with the first that is not a stop word (its verb)."""


def _verb_reach(tokens: list[tuple[str, int]], at: int) -> int:
    """How many words after ``tokens[at]`` a manner adverb governs: up to and with its verb."""
    for n, (token, _) in enumerate(tokens[at + 1: at + 1 + MANNER_REACH], 1):
        if token not in w.stopwords():
            return n
    return MANNER_REACH


CAPACITIES = frozenset(w.word_list("tentative_capacities"))
"""Tentative words that, owned ("China's potential", "its potential"), name a capacity someone has, not a possibility."""
_OWNERS = frozenset(w.word_list("possessives"))


def _owner(token: str) -> bool:
    """True for a possessive: "China's", "its", "their"."""
    return token in _OWNERS or token.replace("’", "'").endswith("'s")


NOUNS = frozenset(w.word_list("tentative_nouns"))
"""Tentative nouns: they qualify only what their own phrase says ("the goal of …", "a proposal to …", "allegations that …")."""
STATUS = frozenset(w.word_list("tentative_status"))
"""Status words (``data/tentative_status.txt``): a provisional status ("interim final rule") is dropped only when the sentence
keeps the word it qualifies ("final rule"): it then states as settled what its passage says is not."""
PERCEIVED = frozenset(w.word_list("tentative_perception"))
"""Perception words (``data/tentative_perception.txt``): tentative only before "as" in their clause ("were seen as a show of
support", "policymakers see chips as critical": how it was taken, not what it was; ``AS_REACH``)."""
STANCE = PERCEIVED | frozenset(w.word_list("tentative_beliefs"))
"""Belief and perception words (``data/tentative_beliefs.txt`` and the perception words): a sentence that has one, anywhere
("the minister sees a strong interest"), keeps the passages' stance, not their modality."""
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


_NOUN_LINKS = frozenset(w.word_list("tentative_noun_links"))


def _parenthesised(text: str, at: int) -> bool:
    return text.rfind("(", 0, at) > text.rfind(")", 0, at)


WISHES = frozenset(w.word_list("tentative_wishes"))
"""A wish or a readiness (``data/tentative_wishes.txt``): "has a strong interest in joining" is not "has agreed to join". A sentence
that keeps one keeps its passages' wishes, not their other hedges ("the mayor knows the port is interested" drops "believes")."""


ATTRIBUTING = frozenset(w.word_list("tentative_attributing"))
"""Tentative words that attribute ("claim to have reached"): a sentence that reports speech keeps them ("say they have")."""


def dropped(sentence: str, passages: list[str]) -> str:
    """Return the tentative word of the first of ``passages`` when every one has one that governs words of
    ``sentence`` and ``sentence`` has none, or "": the sentence then states as done what its sources say may,
    could, is planned or is alleged to happen. A sentence that reports speech ("Xpeng and Nio say they have
    reached …") keeps an attributing hedge ("claim to have reached"). Failing that, the view of unnamed others
    the passages report and the sentence states as fact (``_unattributed``: "experts say")."""
    if not passages:
        return ""
    keys = frozenset(x.key for x in w.words(sentence) if x.kind == "word") - _purposes(sentence)
    return _modal(sentence, passages, keys) or _strengthened(sentence, passages) or _unattributed(sentence, passages, keys)


POSSIBLE = frozenset(w.word_list("possible_modals"))
CERTAIN = frozenset(w.word_list("certain_modals"))
"""A modal of possibility and one of certainty or obligation: "could pave the way" → "will pave the way"."""


def _strengthened(sentence: str, passages: list[str]) -> str:
    """Return the modal of possibility of the first of ``passages`` when ``sentence`` puts a modal of certainty before a
    verb every one of them puts a modal of possibility before, and none a modal of certainty: "could pave the way" →
    "will pave the way" keeps a modal, so ``_modal`` lets it be, yet it states as certain what its sources call possible."""
    said = set(_after(sentence, CERTAIN))
    if not said:
        return ""
    found = []
    for text in passages:
        possible = _after(text, POSSIBLE)
        if not possible or not said & set(possible) or said & set(_after(text, CERTAIN)):
            return ""
        found.append(next(possible[v] for v in possible if v in said))
    return found[0]


def _after(text: str, modals: frozenset[str]) -> dict[str, str]:
    """The stems of the verbs that directly follow one of ``modals`` in ``text``, each with its modal."""
    tokens = [token.lower() for token, _ in w.tokens(text)]
    return {w.stem(tokens[at + 1]): token for at, token in enumerate(tokens[:-1]) if token in modals}


def _modal(sentence: str, passages: list[str], keys: frozenset[str]) -> str:
    tokens = [t.lower() for t, _ in w.tokens(sentence)]
    wish = WISHES if any(t in WISHES for t in tokens) else frozenset()
    echoed = _echoed(sentence, passages)
    if _tentative(sentence, skip=STANCE | WISHES | echoed):
        return ""
    # a sentence that keeps a belief or perception word ("the minister believes") may still drop a modal ("could surpass"),
    # and one that keeps a wish ("is interested in") may still drop a belief ("believes" → "knows")
    skip = (STANCE if _tentative(sentence, skip=wish | echoed) or any(t in STANCE for t in tokens) else frozenset()) | wish | echoed
    found = [_tentative(text, keys, skip, frozenset(tokens)) for text in passages]
    if not all(found) or (found[0] in ATTRIBUTING and any(frames.reporting(w.stem(t.lower())) for t, _ in w.tokens(sentence))):
        return ""
    return found[0]


MODALS = frozenset(w.word_list("tentative_modals"))
"""The tentative modals (``data/tentative_modals.txt``)."""


def _echoed(sentence: str, passages: list[str]) -> frozenset[str]:
    """The modals ``sentence`` writes before a verb some passage also puts a modal before ("every lead it could find" for
    "every lead we can find"), with the passages' modals there: a copied modal keeps that verb's modality, not the rest of
    the passage's ("our commitment to tracking down every lead we can find" → "has tracked down every lead it could find")."""
    said = _after(sentence, MODALS)
    theirs = {verb: modal for text in passages for verb, modal in _after(text, MODALS).items()}
    common = said.keys() & theirs.keys()
    return frozenset(said[v] for v in common) | frozenset(theirs[v] for v in common)


ATTRIBUTION_REACH = 2
"""Words that may stand between a plural attribution subject and its verb ("experts have long argued")."""


def _unattributed(sentence: str, passages: list[str], keys: frozenset[str]) -> str:
    """Return "<subject> <verb>" when every one of ``passages`` gives what ``sentence`` says as the view of unnamed others
    (a plural attribution subject, ``data/plural_attribution.txt``, and a reporting or stance verb: "some experts say
    that …", "critics argue …") and ``sentence`` names no speaker's act at all: it then states as fact what its
    passages only report that others hold. A sentence with any reporting or stance verb, or attribution word, keeps it."""
    if any(frames.speech(w.stem(t.lower())) or t.lower() in _plural() for t, _ in w.tokens(sentence)):
        return ""
    found = []
    for text in passages:
        tokens = [token.lower() for token, _ in w.tokens(text)]
        said = ""
        for at, token in enumerate(tokens):
            if token not in _plural():
                continue
            verb = next((v for v in range(at + 1, min(at + 2 + ATTRIBUTION_REACH, len(tokens))) if frames.speech(w.stem(tokens[v]))), None)
            if verb is not None and any(w.stem(x) in keys for x in tokens[verb + 1: verb + 1 + SCOPE]):
                said = f"{token} {tokens[verb]}"
                break
        if not said:
            return ""
        found.append(said)
    return found[0]


@lru_cache(maxsize=1)
def _plural() -> frozenset[str]:
    """The one-word plural attribution subjects ("experts", "analysts", "critics")."""
    return frozenset(p for p in w.phrase_list("plural_attribution") if " " not in p and p.endswith("s"))


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
        if at > 0 and found[at - 1][0].lower() in IMPLICATIVE:
            continue  # "agreed to join", "began to build": the act is agreed or under way, not a purpose
        for word, where in found[at + 1: at + 1 + SCOPE]:
            if any(c in canon[begin:where] for c in ",;:.()"):
                break
            purposes.add(w.stem(word.lower()))
    return frozenset(purposes)


IMPLICATIVE = frozenset(w.word_list("implicative_verbs"))
"""Verbs whose to-infinitive states what was agreed, decided, begun, done or refused ("has agreed to join"), not a purpose:
its words still need their passages' modality."""


TENTATIVE = ("tentative", "tentative_modals", "tentative_beliefs", "tentative_perception", "tentative_status",
             "tentative_wishes", "tentative_manner")
"""The lists of tentative words (``data/<name>.txt``): each word in one of them only; those but the first are read apart too."""


@lru_cache(maxsize=1)
def _tentatives() -> frozenset[str]:
    return frozenset(word for name in TENTATIVE for word in w.word_list(name))
