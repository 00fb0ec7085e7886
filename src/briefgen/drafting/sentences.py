"""Sentences: a document's text cut into sentences, each a span of its normalised text.

Offsets index ``ingest.normalise(text)``, the text that ``summary.verify`` searches,
so a sentence's text is always a verbatim passage of its source.

Rules (regex-based, no model):
- a blank line, a list marker (``•``, ``-``, ``1.``, ``(a)``) or a line ending in
  sentence punctuation ends a block; other line breaks are soft wraps, unless the
  line is short (a heading);
- inside a block, ``.``, ``!`` or ``?`` (with closing quotes and reference markers
  like ``[2]``) followed by a space and a capital, digit or quote ends a sentence,
  except after an abbreviation (``Mr.``, ``e.g.``), an initial (``J.``) or a dotted
  acronym (``U.S.``);
- a short ``Label:`` opening a list item and trailing reference markers are left
  out of the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefgen.inputs import ingest

ABBREVIATIONS = frozenset("""mr mrs ms dr prof sr jr st mt gen col lt sgt capt gov sen rep pres rev hon
    inc ltd co corp plc llc bros dept univ assn est approx vs etc al cf ca fig figs no nos vol vols pp ed eds
    jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e a.m p.m""".split())
SOFT_WRAP_MIN = 50
"""A line this long (or longer) without final punctuation continues on the next line."""
MIN_WORDS, MAX_WORDS = 6, 80
"""A claim candidate has this many words."""

_LIST_MARKER = re.compile(r"^(?:[-*•‣◦▪·–—]|#{1,6}|>|\(?\d{1,3}[.)]|\([a-zA-Z]\))\s+")
_LINE_END = re.compile(r"""[.!?:;…]["”’'»)\]]*(?:\[\d+\])*\s*$""")
_BOUNDARY = re.compile(r"""[.!?…]+["”’'»)\]]*(?:\[\d+(?:[,–-]\d+)*\])*(?=\s+["“‘'«(\[]?[A-Z0-9\u00C0-\u024F])""")
_WORD_BEFORE = re.compile(r"(\S+)$")
_DOTTED = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]?$")
_LABEL = re.compile(r"[A-Z][\w’'&/ -]{0,40}:\s+(?=[A-Z“\"])")
_REFS_AT_END = re.compile(r"""(?:\s*\[\d+(?:[,–-]\d+)*\])+[.!]?["”’)]*$""")
_WORDS = re.compile(r"\w+")
_ENDED = re.compile(r"""[.!]["”’'»)\]]*(?:\[\d+(?:[,–-]\d+)*\])*[.!]?["”’)]*$""")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A span of the normalised text: ``text == normalised[start:end]``."""

    start: int
    end: int
    text: str
    listed: bool = False
    """It opens a list item."""
    ended: bool = False
    """It ends with ``.`` or ``!`` (before any reference markers were cut off)."""

    @property
    def claimable(self) -> bool:
        """A statement fit to be a claim: a whole sentence of reasonable length, not a question or heading."""
        words = len(_WORDS.findall(self.text))
        if not MIN_WORDS <= words <= MAX_WORDS or self.text.endswith("?") or not any(c.islower() for c in self.text):
            return False
        return self.listed or self.ended


def blocks(text: str) -> list[tuple[str, bool]]:
    """Return the blocks of ``text`` (paragraphs, list items, headings): (text, is a list item)."""
    found: list[tuple[str, bool]] = []
    lines: list[str] = []
    listed = False

    def close() -> None:
        if lines:
            found.append((" ".join(lines), listed))
            lines.clear()

    for raw in text.splitlines():
        line = raw.strip()
        marker = _LIST_MARKER.match(line)
        if not line or marker or (lines and (_LINE_END.search(lines[-1]) or len(lines[-1]) < SOFT_WRAP_MIN)):
            close()
            listed = bool(marker) and not line.startswith(("#", ">"))
        if line:
            lines.append(line)
    close()
    return found


def split(text: str) -> tuple[str, list[Sentence]]:
    """Return the normalised ``text`` and its sentences, in order."""
    normalised = ingest.normalise(text)
    sentences: list[Sentence] = []
    cursor = 0
    for block, listed in blocks(text):
        block = ingest.normalise(block)
        at = normalised.find(block, cursor)
        if at < 0:  # cannot happen for text normalise() leaves alone; skip rather than misplace
            continue
        cursor = at + len(block)
        marker = _LIST_MARKER.match(block)
        offset = marker.end() if marker else 0
        for index, (start, end) in enumerate(_sentence_spans(block[offset:])):
            span = _trim(block, offset + start, offset + end, first=index == 0 and listed)
            if span:
                ended = bool(_ENDED.search(block, offset + start, offset + end))
                sentences.append(Sentence(at + span[0], at + span[1], block[span[0]:span[1]], listed and index == 0, ended))
    return normalised, sentences


def _sentence_spans(block: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _BOUNDARY.finditer(block):
        if match.group().startswith(".") and _abbreviated(block[start:match.start()]):
            continue
        spans.append((start, match.end()))
        start = match.end()
        while start < len(block) and block[start] == " ":
            start += 1
    if start < len(block):
        spans.append((start, len(block)))
    return spans


def _abbreviated(before: str) -> bool:
    """Whether the period after ``before`` belongs to an abbreviation, initial or dotted acronym."""
    word = _WORD_BEFORE.search(before)
    if not word:
        return False
    token = word.group(1).lstrip("(\"“‘'")
    return (token.lower() in ABBREVIATIONS or (len(token) == 1 and token.isupper())
            or bool(_DOTTED.match(token)))


def _trim(block: str, start: int, end: int, first: bool) -> tuple[int, int] | None:
    """Return the span without a list item's ``Label:`` and trailing reference markers."""
    if first:
        label = _LABEL.match(block, start, end)
        if label and len(label.group().split()) <= 5:
            start = label.end()
    refs = _REFS_AT_END.search(block, start, end)
    if refs and refs.start() > start:
        end = refs.start()
    while end > start and block[end - 1] == " ":
        end -= 1
    return (start, end) if end > start else None


# ---------------------------------------------------------------- tokens for scoring

STOPWORDS = frozenset("""a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each either few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just may me might more most
    much must my myself no nor not now of off on once only or other our ours ourselves out over own same shall she
    should so some such than that the their theirs them themselves then there these they this those through to too
    under until up upon us very was we were what when where which while who whom whose why will with within without
    would yet you your yours yourself yourselves said says say one two new like""".split())
STEM_LENGTH = 6
"""Tokens are cut to this many characters: a crude, language-light stemmer that folds
organisation/organization, regulate/regulation and export/exports together."""

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|\w+")
_stems: dict[str, str] = {}


def tokens(text: str) -> list[str]:
    """Return the content tokens of ``text``: stemmed, lower-case, stop words and 1-letter words left out.

    An acronym in capitals (``US``, ``AI``, ``U.S.``) is kept even when its lower-case
    form is a stop word.
    """
    found = []
    for word in _TOKEN.findall(text):
        stem = _stems.get(word)
        if stem is None:
            stem = _stem(word)
            if len(_stems) < 1_000_000:  # a memo of the words seen, bounded
                _stems[word] = stem
        if stem:
            found.append(stem)
    return found


def _stem(word: str) -> str:
    acronym = word.isupper() and len(word.replace(".", "")) >= 2
    word = word.replace(".", "").lower()
    if not acronym and (len(word) < 2 or word in STOPWORDS or word.isdigit() and len(word) < 4):
        return ""
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        word = word[:-1]
    return word[:STEM_LENGTH]
