"""Speech: who a sentence reports as saying something, and what. Pure: no files.

Two outlets report one speech in their own words ("Zorn emphasized the need for a framework that balances trade
with security" and "He stressed the importance of finding a balance between fostering trade and ensuring
safety"): they share too few words to pass corroboration's bars, but they name the same speaker saying it, at one
event, and what each says has words in common. A statement's *speakers* are the names written just before a word of
speech or thought (``text/data/speech_words.txt`` and ``stance_verbs.txt``, in any inflected form: "Zorn emphasized",
"Chancellor Ada Zorn warned", "Vidal has also expressed", "Ada Zorn’s call"), auxiliaries and adverbs skipped, or,
after what was said, just after a finite word of speech or "according to" ("“…,” said Secretary of Ports Ada Zorn", "…,
according to Zorn"); of the name, the words after its last title or body are kept (``text/data/titles.txt``: "Chancellor"),
initials dropped, and the last two of them compared ("Acme chief Ada Zorn" is "ada zorn"). A personal pronoun there ("he
stressed", "his remarks") or a person's title after "the" ("the premier stressed", "according to the prime minister") is
``PRONOUN``: it stands for the one person its document names as a speaker, if it names one (``Corpus.voices``). An
office or body is no person: "the committee said" names no speaker (``text/data/bodies.txt``), neither a title nor
a body is part of a name ("Ports Ministry spokesperson Ada Zorn" is "ada zorn"), and a name with no person's title is
a body's after a determiner ("The Harbour Times emphasizes"), in capitals only ("PAB warned") or as a place ("Moscow"). Two speakers are one person when their
names share a word ("zorn" and "ada zorn"). What a statement *says* is its lower-case content words other than words of
speech, each with the forms it may be of (``thesaurus.lemmas``: "balances" and "balance" are one word, "securing" and
"security" are not).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable
from functools import cache

from briefgen.drafting import sentences
from briefgen.text import phrases, thesaurus, words

Said = tuple[tuple[str, frozenset[str]], ...]
"""What a statement says: (token, forms) of each of its words (``said``)."""
Voice = tuple[frozenset[str], Said]
"""A statement's speakers and what it says."""

PRONOUN = "@"
"""The speaker of "he said", "his remarks": whoever the document names as its one speaker."""

WORDS = 2
"""Words two reports of one speech must say in common (``Corpus.spoke``)."""
SHARE = 0.5
"""Each of them in at most this share of the documents, plus one (in a corpus of five, three)."""

_WORD = re.compile(r"[\w’'.-]+[,;:]?")
_SKIP = frozenset("has have had is was were are will would also recently repeatedly further again then".split())
"""Words that may stand between a speaker and the word of speech ("Vidal has also expressed"), besides adverbs in -ly."""
_PRONOUNS = frozenset("he she his her".split())
_SAID = frozenset(("said", "says", "say", "according to"))
"""Words of speech that are stop words: not in a sentence's tokens, so looked for in its words."""
_CONNECTORS = frozenset("of for and".split())
"""Lower-case words inside a title written after a word of speech ("said Under Secretary of Commerce for Industry …")."""
_INITIAL = re.compile(r"[A-Z]\.")
_DETERMINERS = frozenset("the this that these those a an its their our".split())
"""Words before a capitalised run that make it a thing's name, not a person's ("the Harbour Times said")."""


@cache
def _speech() -> frozenset[str]:
    """The words of speech and thought, as listed (base forms)."""
    return frozenset(words.word_list("speech_words")) | frozenset(words.word_list("stance_verbs"))


@cache
def _tokens() -> frozenset[str]:
    """The tokens (``sentences.tokens``) of every inflected form of a word of speech: a sentence with none reports none."""
    forms = {form for word in _speech() for form in (word, word + "s", word + "es", word + "d", word + "ed", word + "ing",
                                                        word[:-1] + "ing", word[:-1] + "ied", word[:-1] + "ies")}
    return frozenset(token for form in forms for token in sentences.tokens(form))


@cache
def _titles() -> frozenset[str]:
    """Titles of persons (``text/data/titles.txt``: "minister", "premier")."""
    return frozenset(words.word_list("titles"))


@cache
def _offices() -> frozenset[str]:
    """Titles of persons and names of bodies (``text/data/bodies.txt``: "committee", "ministry"): neither is part of a
    person's own name."""
    return _titles() | frozenset(words.word_list("bodies"))


def may_report(text: str, bag: tuple[str, ...]) -> bool:
    """Whether a sentence (its text and tokens) could report speech: a cheap test before ``speakers``."""
    return not _tokens().isdisjoint(bag) or any(word in text for word in _SAID)


def spoken(word: str) -> bool:
    """Whether ``word`` (as written) is a form of a word of speech or thought ("emphasized", "warning", "remarks")."""
    return not _speech().isdisjoint(thesaurus.lemmas(word))


def speakers(text: str) -> frozenset[str]:
    """The speakers a statement reports (names as "ada zorn", or ``PRONOUN``): see the module's docstring."""
    found: set[str] = set()
    tokens = _WORD.findall(text)
    for at, raw in enumerate(tokens):
        word = raw.rstrip(",;:.")
        if word == "according" and tokens[at + 1:at + 2] == ["to"]:
            found.update(_after(tokens, at + 1))
            continue
        if not word[:1].islower() or not spoken(word):
            continue
        before = at - 1
        while before >= 0 and (tokens[before].lower() in _SKIP or tokens[before].endswith("ly") and tokens[before][:1].islower()):
            before -= 1
        if before < 0 or tokens[before].endswith((",", ";", ":")):
            if before >= 0 and word.endswith(("d", "s")):  # “…,” said Ada Zorn: a finite verb after what was said
                found.update(_after(tokens, at))
            continue
        name: list[str] = []
        while before >= 0 and not tokens[before].endswith((",", ";", ":")):
            part = tokens[before].removesuffix("’s").removesuffix("'s")
            if not part[:1].isupper() or part.lower() in sentences.STOPWORDS:
                break
            name.insert(0, part)
            before -= 1
        if not name:
            if before >= 0 and (tokens[before].lower() in _PRONOUNS or _the_title(tokens, before)):
                found.add(PRONOUN)
            continue
        found.update(_name(name, tokens[before] if before >= 0 else ""))
    return frozenset(found)


def _after(tokens: list[str], at: int) -> frozenset[str]:
    """The speaker named just after ``tokens[at]`` ("said Under Secretary of Ports Ada Zorn", "according to
    Zorn"): the last run of capitalised words before the clause ends, or ``PRONOUN`` for a title after "the" ("according
    to the minister"), which stands for the one person the document names as a speaker."""
    if _the_title(tokens, at + 2):
        return frozenset((PRONOUN,))
    name: list[str] = []
    for raw in tokens[at + 1:]:
        part = raw.rstrip(",;:")
        if part[:1].isupper():
            name.append(part.removesuffix(".") if not _INITIAL.fullmatch(part) else part)
            if raw.endswith((",", ";", ":")) or raw.endswith(".") and not _INITIAL.fullmatch(part):
                break
        elif name and part in _CONNECTORS:
            name = []
        else:
            break
    return _name(name)


def _the_title(tokens: list[str], at: int) -> bool:
    """Whether ``tokens[at]`` is a person's title after "the" ("the minister", "the premier's remarks"); a body after
    "the" ("the committee", ``text/data/bodies.txt``) is no person."""
    if at >= len(tokens) or tokens[at].rstrip(",;:.").removesuffix("’s").removesuffix("'s").lower() not in _titles():
        return False
    while at >= 1 and tokens[at - 1].lower() in _titles():  # "the prime minister", "the deputy secretary"
        at -= 1
    return at >= 1 and tokens[at - 1].lower() == "the"


def _name(parts: list[str], before: str = "") -> frozenset[str]:
    """A speaker's name as compared ("ada zorn"): its words after the last title or body ("Ports Secretary Zorn" is
    "zorn"), initials left out ("Ada Q. Zorn" is "ada zorn"), the last two kept; none when none is left, or when,
    with no person's title in it, the name is a body's: after a determiner (``before``: "the Harbour Times", "this
    Final Rule"), in capitals only (an acronym: "GAO"), or a place (``text/data/places.txt``: "Beijing views")."""
    lowered = [part.lower() for part in parts]
    titled = max((k + 1 for k, part in enumerate(lowered) if part in _offices()), default=0)
    kept = [(part, raw) for part, raw in zip(lowered[titled:], parts[titled:], strict=True) if not _INITIAL.fullmatch(raw)]
    if not kept:
        return frozenset()
    name = " ".join(part for part, _ in kept[-2:])
    if _titles().isdisjoint(lowered) and (before.lower() in _DETERMINERS or all(raw.isupper() for _, raw in kept)
                                          or name in _places()):
        return frozenset()
    return frozenset((name,))


@cache
def _places() -> frozenset[str]:
    """The names of places (``text/data/places.txt``), lower-case: a place speaking is its government, no person."""
    return frozenset(item.lower() for group in phrases.groups("places.txt") for item in group)


def said(text: str) -> Said:
    """What a statement says: (token, forms) of each of its lower-case content words other than words of speech."""
    found = []
    for word in sentences.words_of(text):
        if word[:1].islower() and word not in sentences.STOPWORDS and not spoken(word):
            token = sentences.tokens(word)
            if token:
                found.append((token[0], thesaurus.lemmas(word)))
    return tuple(found)


def voices(statements: list[str], speaker: Callable[[], frozenset[str]]) -> tuple[Voice, ...]:
    """Per statement that reports speech: its speakers, ``PRONOUN`` read as ``speaker()`` (the one person the
    document names as a speaker, if it names one), and what it says."""
    found = []
    for statement in statements:
        names = speakers(statement)
        if PRONOUN in names:
            names = (names - {PRONOUN}) | speaker()
        if names:
            found.append((names, said(statement)))
    return tuple(found)



def listed(lead: str, item: str, speaker: Callable[[], frozenset[str]]) -> tuple[Voice, ...]:
    """The voice of a list item that names no speaker of its own: the speakers of the line ending in a colon that
    introduces its list ("Zorn warned of three risks:"), or that line's subject when it is the one person the document
    names as a speaker (``speaker()``: "Premier Zorn identified three bottlenecks:"), with what the item says."""
    names = speakers(lead)
    if PRONOUN in names:
        names = (names - {PRONOUN}) | speaker()
    if not names:
        opening = _name(list(itertools.takewhile(lambda part: part[:1].isupper(), (t.rstrip(",;:") for t in _WORD.findall(lead)))))
        names = speaker() if opening and same(opening, speaker()) else frozenset()
    return ((names, said(item)),) if names else ()

def one_speaker(passages: Iterable[list[str]]) -> frozenset[str]:
    """The names of the one person the statements of a document's passages name as a speaker, or none (no one, or two
    people: "he" is then not known)."""
    names = {name for statements in passages for statement in statements for name in speakers(statement) if name != PRONOUN}
    return frozenset(names) if names and set.intersection(*(set(name.split()) for name in names)) else frozenset()


def spoke(mine: tuple[Voice, ...], theirs: tuple[Voice, ...], doc_tokens: Counter[str], documents: int) -> bool:
    """Whether two passages' statements report one speech (their documents issued in one month, which the caller
    checks): a statement of each with a speaker in common saying ``WORDS`` words of the same forms, each found in at
    most ``SHARE`` of the documents plus one (words most documents use make a subject, not a statement)."""
    limit = SHARE * (documents + 1)
    for names, says in mine:
        for others, other_says in theirs:
            if same(names, others):
                shared = {a for a, b in common(says, other_says) if max(doc_tokens.get(a, 0), doc_tokens.get(b, 0)) <= limit}
                if len(shared) >= WORDS:
                    return True
    return False


def same(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two statements' speakers (resolved: no ``PRONOUN``) name one person: names that share a word."""
    return any(not set(x.split()).isdisjoint(y.split()) for x in a for y in b)


def keys(voices: tuple[Voice, ...], month: str) -> frozenset[str]:
    """Keys of the speeches a passage reports ("a word of the speaker's name, YYYY-MM"): an index of candidates for ``spoke``."""
    return frozenset(f"{word} {month}" for names, _ in voices for name in names for word in name.split())


def common(a: Said, b: Said) -> set[tuple[str, str]]:
    """The words ``a`` and ``b`` say in common (``said``): (token in ``a``, token in ``b``) of each two of the same forms
    ("balances" and "balance"; "needed" and "need", whose tokens differ)."""
    return {(token, other) for token, forms in a for other, others in b if not forms.isdisjoint(others)}
