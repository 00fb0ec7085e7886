"""Words that frame rather than state, and hyphenated compounds: refinements the support check reads.

A leaf module beside ``words`` (standard library only); the lists are data in ``data/``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from briefgen.text import thesaurus
from briefgen.text import words as w

_DETERMINERS = frozenset(["the", "this", "these", "that", "those", "such", "its", "their"])
_COMPOUND = re.compile(r"(?<![\w-])([^\W\d_]+)-([^\W\d_]+)(?![\w-])")


_BETWEEN = frozenset(["also", "further", "again", "has", "have", "had"])
"""Words that may stand between a subject and its reporting verb ("Li also noted that", "GAO has held that");
any other word there is taken for the subject, and needs support of its own ("repeatedly")."""
_PRONOUNS = frozenset(["he", "she", "they", "it", "we", "who", "which"])


@lru_cache(maxsize=1)
def _frame_lists() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    subjects = set(w.word_list("attribution_subjects")) | {p for p in w.phrase_list("plural_attribution") if " " not in p}
    return (frozenset(w.stem(x) for x in w.word_list("shell_nouns")), frozenset(w.stem(x) for x in w.word_list("reporting_verbs")),
            frozenset(subjects))


@lru_cache(maxsize=1)
def _stance() -> frozenset[str]:
    return frozenset(w.stem(x) for x in w.word_list("stance_verbs"))


@lru_cache(maxsize=4096)
def frame_words(text: str) -> frozenset[int]:
    """Return the offsets (in ``words.canonical(text)``) of words that frame rather than state.

    A shell noun after a determiner ("the measures") points back to what is already said;
    a reporting verb right after an attribution subject ("coverage presents") names the source;
    so does a document noun after a determiner and before a reporting verb that introduces
    what is reported ("the bill states that", "this rule notes:"): both words name the cited
    document, not what it says. Followed by its object, the verb acts ("the rule adds 28
    entities") and needs support like any other word. A hedge that marks what follows as a
    part or an example ("among other things", "for example", "partly": ``data/hedges.txt``)
    only weakens the sentence and needs no support either. Nor does the number of a
    caption label ("Table 1", "Figure 2": ``data/caption_labels.txt``): it names a part of
    the document, it states no fact.
    """
    shells, verbs, subjects = _frame_lists()
    speech = verbs | _stance()
    documents = document_nouns()
    found = w.tokens(text)
    framed = set()
    for (before, _), (token, start) in pairwise(found):
        key, prev = w.stem(token), before.lower()
        if (key in shells and prev in _DETERMINERS) or (key in speech and prev in subjects):
            framed.add(start)
    low = [token.lower() for token, _ in found]
    for hedge in _hedges():  # "among other things", "partly": they only weaken what follows
        for i in range(len(low) - len(hedge) + 1):
            if tuple(low[i:i + len(hedge)]) == hedge:
                framed |= {start for _, start in found[i:i + len(hedge)]}
    labels = _caption_labels()
    framed |= {start for (label, _), (number, start) in pairwise(found) if label.lower() in labels and number.isdigit()}
    canon = w.canonical(text)
    framed |= _said_that(found, canon, speech)
    framed |= _source_subjects(found, canon, speech)
    framed |= _document_acts(found)
    for (first, _), (noun, at), (verb, start) in zip(found, found[1:], found[2:], strict=False):
        if first.lower() in _DETERMINERS and noun.lower() in documents and w.stem(verb) in verbs \
                and _introduces_report(canon, start + len(verb)):
            framed |= {at, start}
    return frozenset(framed)


ACT_REACH = 3
"""A document act is framed when a document noun is at most this many words before or after it ("the release is dated",
"BIS issued the press release", "the report, dated 22 August, examines …")."""


def _document_acts(found: list[tuple[str, int]]) -> set[int]:
    """Offsets of the words that say what a document, or whoever issued it, does as a document (``data/document_acts.txt``:
    "issued", "dated", "lists") next to a noun for a document (``document_nouns``): they say when and in what
    form the cited text came out, what the citation itself shows; "China has published a detailed plan" names no
    document, and its verb needs support like any other. A noun for the form the text came out in beside the act
    (``data/publication_nouns.txt``: "issued the press release") only names the cited text and is framed with it; a
    noun for its force ("issued the rule") is not. Numbers, dates and single letters between them do not count
    toward ``ACT_REACH`` (``_filler``)."""
    acts, documents, forms = _acts(), document_nouns(), _publications()
    kept = [(_bare(token), start) for token, start in found if not _filler(token)]
    framed = set()
    for i, (low, start) in enumerate(kept):
        if low not in acts:
            continue
        near = [x for x in kept[max(0, i - ACT_REACH): i] + kept[i + 1: i + 1 + ACT_REACH] if x[0] in documents]
        if near:
            framed |= {start} | {at for noun, at in near if noun in forms}
    return framed


def _filler(token: str) -> bool:
    """True for a token that does not part a document act from its document: a number, a date word, a single letter
    (an identifier or date in apposition: "CRS report R48642, dated 22 August 2025, examines")."""
    return token[0].isdigit() or len(token) == 1 or w.date_word(token)


def _said_that(found: list[tuple[str, int]], canon: str, speech: frozenset[str]) -> set[int]:
    """Offsets of reporting and stance verbs between a subject and what they report ("Li also noted that …",
    "the White House warns that …", "the bill's sponsors hold that …"): the verb names the speech act of
    the source the sentence cites; the reported clause is what needs support."""
    framed = set()
    stop = w.stopwords()
    for i, (token, start) in enumerate(found):
        if i == 0 or w.stem(token) not in speech or not _introduces_report(canon, start + len(token)):
            continue
        j = i - 1
        while j > 0 and found[j][0].lower() in _BETWEEN:
            j -= 1
        subject = found[j][0].lower()
        if subject in _PRONOUNS or (subject not in stop and subject not in _BETWEEN and w.number_key(found[j][0]) is None):
            framed.add(start)
    return framed


_LINKS = frozenset(["and", "or", "but", "that", "which", "who", "as"])
"""Words that join clauses or phrases: a run holding one is not a single subject phrase."""
SUBJECT_REACH = 5
"""The most words a reporting verb's subject phrase may have for ``_source_subjects`` to read it ("the digest's background note")."""


def _source_subjects(found: list[tuple[str, int]], canon: str, speech: frozenset[str]) -> set[int]:
    """Offsets of the lower-case words of a reporting verb's subject when that subject names the cited source
    ("The explainer's headline says …", "the digest's background note says …"): a noun for a source or document
    (``data/attribution_subjects.txt``, ``data/document_nouns.txt``) in the words right before the verb, back to
    the clause's start; the whole phrase names where the sentence's content comes from, what the citation shows.
    Capitalised words (names) and numbers keep their own checks."""
    sources = _frame_lists()[2] | document_nouns()
    framed: set[int] = set()
    for i, (token, _) in enumerate(found):
        if i == 0 or w.stem(token) not in speech:
            continue
        j = i - 1
        while j > 0 and found[j][0].lower() in _BETWEEN:
            j -= 1
        k = j
        while k > 0 and j - k + 1 < SUBJECT_REACH and not _boundary(canon[found[k - 1][1] + len(found[k - 1][0]): found[k][1]]):
            k -= 1
        if k > 0 and not _boundary(canon[found[k - 1][1] + len(found[k - 1][0]): found[k][1]]):
            continue  # no clause start within reach: not a subject phrase
        owners = [m for m in range(k, j) if _possessive(found[m][0]) and _bare(found[m][0]) in sources]
        if owners and not any(t.lower() in _LINKS for t, _ in found[k: j + 1]):
            first = owners[0] - 1 if owners[0] > k and found[owners[0] - 1][0].lower() in _DETERMINERS else owners[0]
            owned = [t for t, _ in found[owners[0] + 1: j + 1] if t[:1].islower()]
            if not any("a" in thesaurus.parts(t) for t in owned):  # "the report's damning conclusion": a judgement
                framed |= {start for t, start in found[first: j + 1] if t[:1].islower() or t.lower() in _DETERMINERS}
    return framed


def _boundary(between: str) -> bool:
    return any(c in between for c in ",;:()\"“”")


def _possessive(token: str) -> bool:
    return token.lower().replace("’", "'").endswith("'s")


def _bare(token: str) -> str:
    """A token lower-cased, without a possessive ("explainer's" → "explainer")."""
    low = token.lower().replace("’", "'")
    return low[:-2] if low.endswith("'s") else low


def _introduces_report(text: str, end: int) -> bool:
    """True when the verb ending at ``end`` reports ("states that", "notes:", "adds, "), not acts ("adds 28 entities")."""
    rest = text[end:].lstrip()
    return rest[:1] in (":", ",", "“", '"', "‘", "'") or rest[:5].lower() in ("that ", "that,")


@lru_cache(maxsize=1)
def _hedges() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(phrase.split()) for phrase in w.phrase_list("hedges"))


@lru_cache(maxsize=1)
def _caption_labels() -> frozenset[str]:
    return frozenset(w.word_list("caption_labels"))


@lru_cache(maxsize=1)
def _acts() -> frozenset[str]:
    return frozenset(w.word_list("document_acts"))


@lru_cache(maxsize=1)
def document_nouns() -> frozenset[str]:
    """Every noun for a document (``data/document_nouns.txt`` and ``data/publication_nouns.txt``), lower-case."""
    return frozenset(w.word_list("document_nouns")) | _publications()


@lru_cache(maxsize=1)
def _publications() -> frozenset[str]:
    return frozenset(w.word_list("publication_nouns"))


def speech(key: str) -> bool:
    """True for the stem of a reporting or stance verb (``data/reporting_verbs.txt``, ``data/stance_verbs.txt``)."""
    return key in _frame_lists()[1] or key in _stance()


def reporting(key: str) -> bool:
    """True for the stem of a reporting verb (``data/reporting_verbs.txt``: "notes", "describes")."""
    return key in _frame_lists()[1]


def document_noun(token: str) -> bool:
    """True for a noun naming a document (``data/document_nouns.txt``: "report", "bill")."""
    return token.lower() in document_nouns()


def title_stems() -> frozenset[str]:
    """Return the stems of the titles of persons and names of bodies written before names (``data/titles.txt``,
    ``data/bodies.txt``): neither is a person's or body's own name."""
    return _titles()


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    return frozenset(w.stem(x) for x in w.word_list("titles") + w.word_list("bodies"))


@lru_cache(maxsize=4096)
def compounds(text: str) -> tuple[tuple[int, int, str], ...]:
    """Return (start, end, key) of each hyphenated compound in ``w.canonical(text)``, keyed closed up ("click-through" → "clickthrough")."""
    return tuple((m.start(), m.end(), w.stem(m.group(1) + m.group(2))) for m in _COMPOUND.finditer(w.canonical(text)))


_ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
             "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth").split()
_NUMERAL_ORDINAL = re.compile(r"(?<![\w.])([1-9]|1[0-9]|20)(?:st|nd|rd|th|d)\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def ordinals(text: str) -> frozenset[str]:
    """Return the stems of the ordinal words ``text`` writes as numerals up to the twentieth ("2d Session", "3rd"):
    a passage's "2d" supports a sentence's "second"."""
    return frozenset(w.stem(_ORDINALS[int(m.group(1)) - 1]) for m in _NUMERAL_ORDINAL.finditer(w.canonical(text)))
