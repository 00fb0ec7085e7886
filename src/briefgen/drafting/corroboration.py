"""Corroboration: whether two sentences of different sources report the same fact. Pure: no files.

Two sentences report the same fact when

- nothing they state disagrees: no quantity, year or person that only one side
  has while the other side has a different one of the same kind ("11 entities" vs
  "28 entities", "2022" vs "2024", "Raimondo said" vs "Estevez said");
- and they share enough content: the cosine of their token sets, each token
  weighted by its inverse document frequency, is at least SAME; or at
  least DATED when they also name the same month ("In October 2022" and "the
  October 7, 2022, controls"; a press release's "today" is its issue date, a month
  without a year is in its document's year), or THEMED when both were filed under
  the same theme. Tokens found in more than COMMON of
  the documents (the corpus's subject) weigh nothing, so "the Bureau of Industry
  and Security said" alone never makes two sentences one fact.

This was measured against the hand-made pairs of examples/export-controls/gold.yaml
(benchmarks/summarize_quality.py) before anything heavier was considered.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

SAME = 0.3
"""Weighted cosine from which two sentences are one fact."""
DATED = 0.15
"""The same, for two sentences that name the same month."""
THEMED = 0.15
"""The same, for two sentences that fit the same theme."""
COMMON = 0.8
"""A token in more than this share of the documents (of five or more) carries no weight."""

_NUMBER_WORDS = {w: i for i, w in enumerate("""zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
    seventeen eighteen nineteen twenty""".split())}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
          r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATE_DAY = re.compile(rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}")
_MONTH_YEAR = re.compile(rf"\b({_MONTH})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+((?:19|20)\d\d))?\b")
_MONTHS = {m: i + 1 for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
_YEAR = re.compile(r"(?<![\w.,-])(?:19|20)\d\d(?![\w-])")
_QUANTITY = re.compile(r"(?<![\w.-])(?:\$|€|£)?\d[\d,]*(?:\.\d+)?(?:\s*(?:%|percent|per cent|million|billion|bn|m)\b)?(?![\w-])")
_WORDS = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)?")
_LIST_NUMBER = re.compile(r"\(\d{1,2}\)")
_PERSON_HINT = re.compile(r"Secretary|President|Minister|Premier|Chancellor|Sen|Rep|Mr|Ms|Dr|Director|Chair|Governor|"
                          r"Ambassador|Commissioner|CEO|Spokes|Advis| said| says| told| stated| added")
_PERSON = re.compile(
    r"\b(?:Secretary|President|Minister|Premier|Chancellor|Senator|Sen\.|Representative|Rep\.|Mr\.|Ms\.|Mrs\.|Dr\.|"
    r"Director|Chair(?:man|woman)?|Governor|Ambassador|Commissioner|CEO|Spokes(?:man|woman|person)|Advis[eo]r)"
    r"\s+(?:(?:of|for|and|the|[A-Z][\w.’'-]*)\s+){0,8}?([A-Z][a-z’'-]{2,})\b(?!\s+[A-Z])"
    r"|\b([A-Z][a-z’'-]+)\s+(?:said|says|told|stated|added)\b")
_DOC_DATED = re.compile(r"\b(?:[Tt]oday|this (?:rule|IFR|action|week)|[Ii]n this (?:rule|interim final rule)|"
                        r"(?:has|have) (?:published|released|issued|announced|added|imposed)|"
                        r"is (?:implementing|amending|adding|publishing|issuing|releasing))\b")


@dataclass(frozen=True, slots=True)
class Facts:
    """What a sentence states that another sentence of the same fact must not contradict."""

    quantities: frozenset[str]
    years: frozenset[str]
    names: frozenset[str]
    """People it names: the surname after a title ("Secretary of Commerce Gina M. Raimondo") or before "said"."""
    months: frozenset[str] = frozenset()
    """The months it names, as YYYY-MM."""


def facts_of(text: str, issued: str = "") -> Facts:
    """Return the quantities, years, names and months of ``text``; ``issued`` (ISO) is its document's date."""
    year = issued[:4]
    months = set()
    for name, stated in _MONTH_YEAR.findall(text):
        if stated or year:
            months.add(f"{stated or year}-{_MONTHS[name[:3].lower()]:02d}")
    doc_dated = bool(year) and bool(_DOC_DATED.search(text))
    if len(issued) >= 7 and doc_dated:
        months.add(issued[:7])
    rest = _LIST_NUMBER.sub(" ", _DATE_DAY.sub(" ", text))
    years = set(_YEAR.findall(rest))
    rest = _YEAR.sub(" ", rest)
    quantities = {_number(q) for q in _QUANTITY.findall(rest)}
    for word in _WORDS.findall(rest):
        value = _word_number(word.lower())
        if value > 1:
            quantities.add(str(value))
    if not years and year and doc_dated:
        years.add(year)
    names = {m.group(1) or m.group(2) for m in _PERSON.finditer(text)} if _PERSON_HINT.search(text) else set()
    return Facts(frozenset(quantities), frozenset(years), frozenset(names), frozenset(months))


def _word_number(word: str) -> int:
    """Return the value of a number word ("eleven", "twenty-eight"), or -1."""
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word]
    tens, _, unit = word.partition("-")
    if tens in _TENS and (not unit or unit in _NUMBER_WORDS and _NUMBER_WORDS[unit] < 10):
        return _TENS[tens] + (_NUMBER_WORDS[unit] if unit else 0)
    return -1


def _number(text: str) -> str:
    digits = re.sub(r"[^\d.]", "", text).rstrip(".")
    unit = "%" if "%" in text or "per" in text else ""
    return digits.rstrip("0").rstrip(".") + unit if "." in digits else digits + unit


def conflict(a: Facts, b: Facts) -> bool:
    """Whether ``a`` and ``b`` disagree on a quantity, a year or a person."""
    for mine, theirs in ((a.quantities, b.quantities), (a.years, b.years)):
        if mine and theirs and not (mine & theirs):
            return True
        if mine and theirs and mine - theirs and theirs - mine and len(mine & theirs) < min(len(mine), len(theirs)):
            return True
    return bool(a.names - b.names) and bool(b.names - a.names)


class Weights:
    """Token weights: inverse document frequency, nothing for the corpus's common tokens."""

    def __init__(self, doc_tokens: Counter[str], documents: int) -> None:
        self.documents = max(documents, 1)
        limit = COMMON * self.documents if self.documents >= 5 else self.documents
        self.idf = {t: (math.log((self.documents + 1) / d) if d <= limit else 0.0) for t, d in doc_tokens.items()}

    def weight(self, tokens: frozenset[str]) -> float:
        return sum(self.idf.get(t, 0.0) for t in tokens)

    def overlap(self, a: frozenset[str], b: frozenset[str], weight_a: float | None = None, weight_b: float | None = None) -> float:
        """The weighted cosine of ``a`` and ``b`` as sets: shared weight over the geometric mean of their weights."""
        shared = self.weight(a & b)
        if not shared:
            return 0.0
        weight_a = self.weight(a) if weight_a is None else weight_a
        weight_b = self.weight(b) if weight_b is None else weight_b
        return shared / math.sqrt(weight_a * weight_b)

    def keys(self, tokens: frozenset[str], count: int = 4) -> list[str]:
        """Return the ``count`` heaviest tokens: any sentence of the same fact shares at least one, in practice."""
        return sorted((t for t in tokens if self.idf.get(t, 0.0) > 0), key=lambda t: (-self.idf[t], t))[:count]


def same_fact(a: frozenset[str], b: frozenset[str], facts_a: Facts | Callable[[], Facts], facts_b: Facts | Callable[[], Facts],
              weights: Weights, weight_a: float | None = None, weight_b: float | None = None, same: float = 0.0) -> float:
    """Return how strongly two sentences report one fact (their overlap), or 0.0 when they do not.

    The facts may be given as functions, called only when the overlap makes them matter. ``same``
    overrides SAME (lower for two sentences already filed under one theme).
    """
    return judge(weights.overlap(a, b, weight_a, weight_b), facts_a, facts_b, same)


def judge(score: float, facts_a: Facts | Callable[[], Facts], facts_b: Facts | Callable[[], Facts], same: float = 0.0) -> float:
    """Return ``score`` (two sentences' weighted cosine) if it makes them one fact, else 0.0."""
    same = same or SAME
    if score < min(DATED, same):
        return 0.0
    facts_a = facts_a() if callable(facts_a) else facts_a
    facts_b = facts_b() if callable(facts_b) else facts_b
    if conflict(facts_a, facts_b):
        return 0.0
    return score if score >= (min(DATED, same) if facts_a.months & facts_b.months else same) else 0.0
