"""Facts: what a sentence states that another sentence of the same fact must share or must not contradict. Pure.

- quantities, normalised: "$5.5 billion", "$5.5bn" and "5,500 million" are one value; "twenty-eight" is 28;
- years, and months as YYYY-MM (a press release's "today" and a rule's "This rule" are its issue date); a month
  without a year ("In September", "the October 7 IFR") is no month, since its year is not stated ("the October 7
  IFR" in a notice of 25 October 2023 is the rule of 2022); measured, reading it in its document's year made an
  export-controls false merge and merged no gold pair;
- people: the surname after a title ("Secretary of Ports Ada Q. Zorn") or before "said";
- entities: the tokens of the proper names and acronyms written mid-sentence, after ``words.canonical``
  ("U.S.", "US" and "United States" are one name).

``conflict`` tells two sentences apart ("11 entities" vs "28 entities", "2022" vs "2024", "Zorn said" vs
"Vidal said", "in Ruritania" vs "in Borduria"); ``Facts.anchor`` tells what specific thing two sentences name in common
(a rare phrase that is one item of a list of each, the lists sharing no other word, is none: ``lists_of``);
``one_phrase`` whether what they share is one phrase of each.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from briefgen.drafting import sentences
from briefgen.text import words
from briefgen.text.stems import data_lines

_NUMBER_WORDS = {w: i for i, w in enumerate("""zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
    seventeen eighteen nineteen twenty""".split())}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
          r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATE_DAY = re.compile(rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}")
_MONTH_YEAR = re.compile(rf"\b({_MONTH})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+((?:19|20)\d\d))?\b")
_MONTHS = {m: i + 1 for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
_YEAR = re.compile(r"(?<![\w.,-])(?:19|20)\d\d(?![\w-])")
_QUANTITY = re.compile(r"(?<![\w.-])(?:\$|€|£)?\d[\d,]*(?:\.\d+)?(?:\s*%|\s*(?:percent|per cent|thousand|million|billion|trillion)\b|"
                       r"(?<=\d)(?:bn|m|k|tn)\b)?(?![\w-])")
_MAGNITUDE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12, "tn": 1e12}
_NUMBER_NAMES = sorted(_NUMBER_WORDS.keys() | _TENS.keys(), key=len, reverse=True)
_NUMBER_WORD = re.compile(r"\b(?=[" + "".join(sorted({w[0] for w in _NUMBER_NAMES})) + r"])(?:" + "|".join(_NUMBER_NAMES)
                          + r")(?:-[a-z]+)?\b", re.IGNORECASE)
"""A number word (the lookahead, their first letters, only spares trying every name at every word: same matches, faster)."""
_CAPITALISED = re.compile(r"(?<![\w’'])[A-Z][\w’'&-]*")
_OPENING = re.compile(r"[.!?:]\s+[\"“‘(\[]*$")
_DIGIT = re.compile(r"\d")
_LIST_NUMBER = re.compile(r"\(\d{1,2}\)")
_PERSON_HINT = re.compile(r"Secretary|President|Minister|Premier|Chancellor|Sen|Rep|Mr|Ms|Dr|Director|Chair|Governor|"
                          r"Ambassador|Commissioner|CEO|Spokes|Advis| said| says| told| stated| added")
_PERSON = re.compile(
    r"\b(?:Secretary|President|Minister|Premier|Chancellor|Senator|Sen\.|Representative|Rep\.|Mr\.|Ms\.|Mrs\.|Dr\.|"
    r"Director|Chair(?:man|woman)?|Governor|Ambassador|Commissioner|CEO|Spokes(?:man|woman|person)|Advis[eo]r)"
    r"\s+(?:(?:of|for|and|the|[A-Z][\w.’'-]*)\s+){0,8}?([A-Z][a-z’'-]{2,})\b(?!\s+[A-Z])"
    r"|\b([A-Z][a-z’'-]+)\s+(?:said|says|told|stated|added)\b")


def _as_written(phrase: str) -> str:
    """A phrase of ``text/data/self_dated.txt`` as a pattern: its opening lower-case letter matching its capital too."""
    head = phrase[0]
    return (f"[{head.upper()}{head}]" if head.islower() else re.escape(head)) + re.escape(phrase[1:])


DOC_DATED = re.compile(r"\b(?:" + "|".join(map(_as_written, data_lines("self_dated.txt")))
                       + r"|(?:has|have) (?:published|released|issued|announced|added|imposed)"
                       r"|is (?:implementing|amending|adding|publishing|issuing|releasing))\b")
"""A sentence about its own document's act ("today", "This rule", "These IFRs revise", "has published"): dated by it. The
document's words ("This rule", "these IFRs") are ``text/data/self_dated.txt``; the verbs of a document's act are here."""


@dataclass(frozen=True, slots=True)
class Facts:
    """What a sentence states that another sentence of the same fact must not contradict."""

    quantities: frozenset[str]
    years: frozenset[str]
    names: frozenset[str]
    """People it names: the surname after a title ("Secretary of Ports Ada Q. Zorn") or before "said"."""
    months: frozenset[str] = frozenset()
    """The months it names, as YYYY-MM."""
    entities: frozenset[str] = frozenset()
    """The tokens of the proper names and acronyms it writes mid-sentence ("U.S." and "United States" alike: ``US``)."""
    phrases: frozenset[tuple[str, str]] = frozenset()
    """Its pairs of adjacent content tokens that few documents use ("job displacement", "military-civil fusion")."""
    text: str = ""
    """The sentence, for a sentence with rare phrases: the items of its lists are read from it when a phrase in common
    is the only thing that could tie it to another (``lists_of``)."""

    def anchor(self, other: Facts) -> str:
        """What specific thing the two sentences name in common: "date" (a month), "number" (a quantity other
        than a count under ten), "name" (a rare proper name), "phrase" (a rare pair of adjacent words), or ""."""
        if len(self.months & other.months) + len(self._amounts(other)) >= 2:
            return "dates"
        if self.months & other.months:
            return "date"
        if self._amounts(other):
            return "number"
        if self.entities & other.entities:
            return "name"
        shared = self.phrases & other.phrases
        if shared and (mine := lists_of(self.text)) and (theirs := lists_of(other.text)):
            # a phrase that is one item of a list of each ties two lists, not one fact
            shared = frozenset(pair for pair in shared if not _one_item(pair, mine, theirs))
        return "phrase" if shared else ""


    def _amounts(self, other: Facts) -> set[str]:
        return {q for q in self.quantities & other.quantities if not (q.isdigit() and int(q) < 10)}

    def amounts(self) -> frozenset[str]:
        """Its quantities other than counts under ten ("28 entities", "$5.5 billion"; not "two rules")."""
        return frozenset(q for q in self.quantities if not (q.isdigit() and int(q) < 10))


def facts_of(text: str, issued: str = "", rare: Callable[[str], bool] | None = None) -> Facts:
    """Return the quantities, years, names, months and entities of ``text``; ``issued`` (ISO) is its document's date.

    ``rare`` tells which entity tokens are specific enough to count (by default all)."""
    year = issued[:4]
    months, years, quantities = set(), set(), set()
    digits = bool(_DIGIT.search(text))
    rest = text
    if digits:  # most sentences have none: no stated year, month of a year or figure to look for
        for name, stated in _MONTH_YEAR.findall(text):
            if stated:
                months.add(f"{stated}-{_MONTHS[name[:3].lower()]:02d}")
        rest = _LIST_NUMBER.sub(" ", _DATE_DAY.sub(" ", text))
        years = set(_YEAR.findall(rest))
        rest = _YEAR.sub(" ", rest)
        quantities = {_number(q) for q in _QUANTITY.findall(rest)}
    doc_dated = bool(year) and bool(DOC_DATED.search(text))
    if len(issued) >= 7 and doc_dated:
        months.add(issued[:7])
    for word in _NUMBER_WORD.findall(rest):
        value = _word_number(word.lower())
        if value > 1:
            quantities.add(str(value))
    if not years and year and doc_dated:
        years.add(year)
    names = {m.group(1) or m.group(2) for m in _PERSON.finditer(text)} if _PERSON_HINT.search(text) else set()
    names = {name for name in names if name.lower() not in sentences.STOPWORDS}
    entities = {token for token in _entities(text) if rare is None or rare(token)}
    return Facts(frozenset(quantities), frozenset(years), frozenset(names), frozenset(months), frozenset(entities))


FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|shall|should|do|does|did)\b", re.IGNORECASE)
"""A form of be/have/do or a modal: where a clause's verb phrase begins."""
_LIST_LEAD = re.compile(r"\b(?:such as|like|including|includes?|included|among them|notably|namely)\s+|:\s+", re.IGNORECASE)
"""What opens an enumeration: "risks such as A, B and C", "risks include A, B", "three risks: A, B, C"."""
_LEADS = ("such as", "like", "includ", "among them", "notably", "namely", ":")
"""The same, as plain text to look for in a lower-case sentence before the pattern is tried."""
_LIST_END = re.compile(r"[;()\[\]“”\"]|[.!?](?:\s|$)")
_ITEM_CUT = re.compile(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+")
ITEM_WORDS = 6
"""The most words of a list item ("the potential loss of technological control"); a longer piece is a clause, which ends
the list."""


@lru_cache(maxsize=1024)
def lists_of(text: str) -> tuple[tuple[tuple[str, ...], ...], ...]:
    """Return the tokens of each item of each enumeration of ``text`` (two items at least), as ``sentences.tokens`` reads
    them: after "such as", "like", "including", "include(s)", "among them", "notably", "namely" or a colon, the pieces
    between commas and "and"/"or", up to the end of the sentence or clause, a bracket, a quotation mark, a verb (``FINITE``:
    "… and the potential loss of control are at the forefront") or a piece of more than ``ITEM_WORDS`` words."""
    lower = text.lower()
    if not any(lead in lower for lead in _LEADS):  # most sentences: no list (a plain search for each lead is faster)
        return ()
    found = []
    for lead in _LIST_LEAD.finditer(text):
        rest = text[lead.end():]
        rest = rest[:min((m.start() for m in (_LIST_END.search(rest), FINITE.search(rest)) if m), default=len(rest))]
        items = []
        for piece in _ITEM_CUT.split(rest.strip()):
            if len(piece.split()) > ITEM_WORDS:
                break
            tokens = tuple(sentences.tokens(piece))
            if tokens:
                items.append(tokens)
        if len(items) >= 2:
            found.append(tuple(items))
    return tuple(found)


def _one_item(pair: tuple[str, str], mine: tuple[tuple[tuple[str, ...], ...], ...],
              theirs: tuple[tuple[tuple[str, ...], ...], ...]) -> bool:
    """Whether ``pair`` is within one item of a list of each sentence, and the two lists have no word in common besides
    that item's ("risks include job displacement, privacy concerns" and "issues such as misinformation, job displacement
    and the loss of control": two lists sharing an item, not one fact; with "… job displacement and privacy concerns" they
    agree beyond it)."""
    for a in mine:
        for b in theirs:
            held_a = [k for k, item in enumerate(a) if pair in pairs(item)]
            held_b = [k for k, item in enumerate(b) if pair in pairs(item)]
            if held_a and held_b:
                rest_a = {t for k, item in enumerate(a) if k not in held_a for t in item}
                rest_b = {t for k, item in enumerate(b) if k not in held_b for t in item}
                if not rest_a & rest_b:
                    return True
    return False


def pairs(tokens: tuple[str, ...]) -> set[tuple[str, str]]:
    """Return the pairs of adjacent content tokens of a sentence."""
    return set(zip(tokens, tokens[1:], strict=False))


PHRASE_SPAN = 3
"""The most adjacent content tokens one phrase spans: a frame of a verb and its object, a modifier between them ("serves as
a crucial platform": serve, crucial, platform; "plays a key role": play, key, role); not two items of a list ("crop
spoilage and noise complaints"). Measured (session 12): 2 leaves the seed's frame tie ("serves as a crucial platform");
4 and more remove more ties of the synthetic corpus (27, 172, 232 of 652 at 4, 5, 6; 7 at 3)."""


def one_phrase(first: tuple[str, ...], second: tuple[str, ...], shared: set[str]) -> bool:
    """Whether the tokens two sentences share (``shared``) lie within one phrase of each, ``PHRASE_SPAN`` adjacent
    content tokens at most: "The expo serves as a platform for growers …" and "The fair serves as a crucial platform for
    Ruritania …" share a frame (serve, platform), one expression, not several things said alike.
    None shared is no phrase."""
    return 0 < len(shared) <= PHRASE_SPAN and all(_within(tokens, shared) for tokens in (first, second))


def _within(tokens: tuple[str, ...], shared: set[str]) -> bool:
    """Whether some span of ``PHRASE_SPAN`` adjacent tokens of ``tokens`` holds every token of ``shared``."""
    return any(tokens[at] in shared and shared <= set(tokens[at:at + PHRASE_SPAN]) for at in range(len(tokens)))


def may_state_figures(text: str, issued: str = "") -> bool:
    """Whether ``text`` could name a month or an amount: it has a digit or a number word, or it is
    dated by its document (``issued``: "today", "has published")."""
    return bool(_DIGIT.search(text) or _NUMBER_WORD.search(text) or len(issued) >= 7 and DOC_DATED.search(text))


def _entities(text: str) -> set[str]:
    """Return the tokens of the capitalised words and acronyms of ``text`` that do not open it or a clause
    after a full stop or colon (after ``words.canonical``: "U.S." and "United States" are "US")."""
    found = set()
    canon = words.canonical(text)
    for match in _CAPITALISED.finditer(canon):
        word, start = match.group(), match.start()
        head = canon[max(0, start - 8):start]
        opening = start <= 8 and not head.strip("\"“‘([ ") or bool(_OPENING.search(head)) and not sentences.initial(canon, start - 2)
        if (word.isupper() and len(word) >= 2) or not opening:
            found.update(sentences.tokens(word))
    return found


def _word_number(word: str) -> int:
    """Return the value of a number word ("eleven", "twenty-eight"), or -1."""
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word]
    tens, _, unit = word.partition("-")
    if tens in _TENS and (not unit or unit in _NUMBER_WORDS and _NUMBER_WORDS[unit] < 10):
        return _TENS[tens] + (_NUMBER_WORDS[unit] if unit else 0)
    return -1


def _number(text: str) -> str:
    """Return a quantity's value as one form: "$5.5 billion", "$5.5bn" and "5,500 million" → "5500000000"; "12 percent" → "12%"."""
    match = re.match(r"\D*([\d,]*\d(?:\.\d+)?)\s*([a-z]*)", text)
    if not match:
        return text
    value = float(match.group(1).replace(",", "")) * _MAGNITUDE.get(match.group(2), 1.0)
    unit = "%" if "%" in text or "per" in text else ""
    return f"{value:.6g}".replace("e+", "e") if value >= 1e6 else f"{value:g}" + unit


def conflict(a: Facts, b: Facts) -> bool:
    """Whether ``a`` and ``b`` disagree on a quantity, a year, a person, or a name: each names one rare proper name
    the other does not ("11 entities in Ruritania" against "11 entities in Borduria"; with more names on either side
    than that one, "the Department of Commerce's BIS" against "BIS", nothing is swapped)."""
    for mine, theirs in ((a.quantities, b.quantities), (a.years, b.years)):
        if mine and theirs and not (mine & theirs):
            return True
        if mine and theirs and mine - theirs and theirs - mine and len(mine & theirs) < min(len(mine), len(theirs)):
            return True
    if len(a.entities - b.entities) == 1 == len(b.entities - a.entities):
        return True
    return bool(a.names - b.names) and bool(b.names - a.names)
