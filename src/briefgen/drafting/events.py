"""Events: who did what, and when, in a sentence that reports an act. Pure: no files.

Two reports of one act may share almost no words ("In September, BIS updated the Commerce Control List" and "The
Bureau of Industry and Security (BIS) is implementing export controls on several … items", in a rule of that
September), but they name the same actor doing an act of the same kind at the same time. A sentence's *signatures*
pair each verb of ``FAMILIES`` (a small table of generic English verbs for kinds of act) with the proper name or
acronym written just before it as its subject ("BIS updated", "the Bureau of Industry and Security (BIS) is
implementing"; a month is a time, not an actor); a verb whose subject is the document itself ("these IFRs revise …")
takes whoever the document names as acting (``ITSELF``, ``Corpus.acts``); a verb with no named subject ("The export
controls announced in …") gives none. Its *time* is the act's, not that of anything it mentions: a month opening the
sentence ("In September," "On October 7, 2022,"), a year opening it ("In 2014,"), its document's month when it speaks
of the document's own act (``facts.DOC_DATED``: "today", "is implementing", "these IFRs"), else the one year it places
something in ("in 2023"; not "in 2022 and 2023"). A month without a year is in the year of the document's issue (the
year before when the month is later than the issue month): "In September" in a report of December 2024.
"""

from __future__ import annotations

import re

from briefgen.drafting import facts, sentences
from briefgen.text import words
from briefgen.text.stems import data_lines

FAMILIES = {kind.strip(): verbs.strip() for kind, _, verbs in (line.partition(":") for line in data_lines("act_verbs.txt"))}
"""Kinds of act, each a family of verbs that report it (``text/data/act_verbs.txt``: generic English; a noun that shares a
verb's stem counts too)."""


def _forms(verb: str) -> set[str]:
    base = verb[:-1] if verb.endswith("e") else verb
    return {verb, verb + "s", verb + "d" if verb.endswith("e") else verb + "ed", base + "ing", verb + "es"}


STEMS: dict[str, str] = {token: family for family, verbs in FAMILIES.items() for verb in verbs.split()
                         for form in _forms(verb) for token in sentences.tokens(form)}
"""Token (``sentences.tokens``) → the kind of act it names."""
_NOT_ACTORS = frozenset(token for name in words.MONTHS for token in sentences.tokens(name.title()))

_MONTH = "(" + "|".join(month.title() for month in words.MONTHS) + ")"
_OPENING_MONTH = re.compile(rf"^(?:In|On)\s+{_MONTH}(?:\s+\d{{1,2}})?(?:,?\s+((?:19|20)\d\d))?\b")
_OPENING_YEAR = re.compile(r"^In ((?:19|20)\d\d)\b")
_IN_YEAR = re.compile(r"\bin ((?:19|20)\d\d)\b(?![-\w])(?!,? (?:and|or|to|through) (?:19|20)\d\d)")
"""A year the sentence places something in ("in 2023"; not one of several, "in 2022 and 2023")."""
_WORD = re.compile(r"[\w.’'&()-]+[,;:]?")
_AUXILIARIES = frozenset("is are was were has have had will would also been being be".split())
_JOINING = frozenset("of and for the".split())
"""Words that may stand between the words of a name ("Bureau of Industry and Security")."""
_DOCUMENTS = frozenset(word.lower() for word in words.word_list("document_subjects"))
"""Nouns by which a document is the subject of its own act (``text/data/document_subjects.txt``: "rule", "IFRs")."""
_DETERMINERS = frozenset("this these the".split())
ITSELF = "@"
"""The actor of an act whose subject is the document itself ("These IFRs revise …"): whoever it names as acting
(``Corpus.acts``)."""


def families(bag: tuple[str, ...]) -> frozenset[str]:
    """The kinds of act the tokens of a sentence name."""
    return frozenset(STEMS[token] for token in bag if token in STEMS) if not STEMS.keys().isdisjoint(bag) else frozenset()


def signatures(text: str, bag: tuple[str, ...]) -> frozenset[str]:
    """Return "actor kind" for each act a sentence reports with its actor named just before the verb ("BIS updated",
    "the Bureau of Industry and Security (BIS) is implementing"), or ``ITSELF`` for the document ("These IFRs revise");
    none for an act with no named subject ("The export controls announced in …"; "…, revises …" after a comma)."""
    if not families(bag):
        return frozenset()
    found: set[str] = set()
    words = _WORD.findall(text)
    for at, word in enumerate(words):
        kind = STEMS.get(next(iter(sentences.tokens(word.strip("()"))), ""))
        if kind is None:
            continue
        before = at - 1
        while before >= 0 and words[before].lower() in _AUXILIARIES:
            before -= 1
        actor: list[str] = []
        if before >= 1 and words[before].lower() in _DOCUMENTS and words[before - 1].lower() in _DETERMINERS:
            actor.append(ITSELF)  # "these rules revise …": the act of the document’s issuer
            before = -1
        while before >= 0 and not words[before].endswith((",", ";", ":")):
            name = words[before].strip("()").removesuffix("’s").removesuffix("'s")
            if name[:1].isupper():
                actor += sentences.tokens(name)
            elif name not in _JOINING or not actor:
                break
            before -= 1
        found.update(f"{token} {kind}" for token in actor if token not in _NOT_ACTORS)
    return frozenset(found)


def when(text: str, issued: str = "") -> str:
    """The time of the act a sentence reports: "YYYY-MM", "YYYY", or "" when it does not say (``issued``: its
    document's ISO date)."""
    match = _OPENING_MONTH.match(text)
    if match:
        month = words.MONTHS.index(match.group(1).lower()) + 1
        if match.group(2):
            return f"{match.group(2)}-{month:02d}"
        if len(issued) >= 7:
            return f"{int(issued[:4]) - (month > int(issued[5:7]))}-{month:02d}"
        return ""
    match = _OPENING_YEAR.match(text)
    if match:
        return match.group(1)
    if len(issued) >= 7 and facts.DOC_DATED.search(text):
        return issued[:7]
    years = set(_IN_YEAR.findall(text))
    return years.pop() if len(years) == 1 else ""


def together(a: str, b: str) -> bool:
    """Whether two times (``when``) may be one: the same year, and the same month where both name one."""
    return bool(a) and bool(b) and a[:4] == b[:4] and (len(a) == 4 or len(b) == 4 or a == b)
