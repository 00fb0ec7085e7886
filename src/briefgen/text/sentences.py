"""Sentences: a document's text cut into sentences a reader can use, each a span of its normalised text.

Offsets index ``normalise(text)`` (whitespace folded, NFC: the same text that
``inputs.summary`` searches), so a sentence's text is always a verbatim passage.

1. Blocks: a blank line, a list marker (``•``, ``-``, ``1.``, ``(a)``) or a line
   ending in sentence punctuation ends a block (not a middle initial: "… said Ada Q." / "Zorn …", ``flaws.initial``);
   other line breaks are soft wraps, unless the line is short (a heading).
2. Inside a block, sentence boundaries come from sentencex (Wikimedia's rule-based,
   abbreviation-aware segmenter, MIT; chosen over pysbd, which splits "U.S. The" and
   "p. 4" as well but is about 300 times slower and unmaintained since 2021, and over
   NLTK punkt, whose trained model is a data download this tool must not need).
3. Each sentence is then judged (``Sentence.flaw``, from ``text.flaws``): page furniture (bylines,
   captions, release boilerplate, datelines alone), list fragments ("…; and.",
   "(36 months).") and headings are not claims. A leading dateline ("WASHINGTON,
   D.C. – ", "PARIS, (Agency – 12 Feb) ") is cut off the span. A sentence that opens
   with an unresolved pronoun or connective ("They", "His", "To counter that") is
   joined to the sentence before it (one span covering both) or, when there is none
   to join, flagged ``opener``. A quotation in the first person with no attribution of its
   own ("“The threat environment is always changing, and we are updating our policies …”"
   after "“…,” said Under Secretary …") is flagged ``unattributed``: its "we" names no one.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

import sentencex

from briefgen.text.flaws import MAX_WORDS, VERB, count_words, flaw, initial

SOFT_WRAP_MIN = 50
"""A line this long (or longer) without final punctuation continues on the next line."""

_LIST_MARKER = re.compile(r"^(?:[-*•‣◦▪·–—]|#{1,6}|>|\(?\d{1,3}[.)]|\([a-zA-Z]\))\s+")
_LINE_END = re.compile(r"""[.!?:;…]["”’'»)\]]*(?:\[\d+\])*\s*$""")
_LABEL = re.compile(r"[A-Z][\w’'&/ -]{0,40}:\s+(?=[A-Z“\"])")
_LABEL_REACH = 42
"""A ``_LABEL`` match has its colon within this many characters of its start."""
_REFS_AT_END = re.compile(r"""(?:\s*\[\d+(?:[,–-]\d+)*\])+[.!]?["”’)]*$""")
_ENDED = re.compile(r"""[.!]["”’'»)\]]*(?:\[\d+(?:[,–-]\d+)*\])*[.!]?["”’)]*$""")

_CITY = r"[A-Z][\w.'’]*(?:[ -][A-Z][\w.'’]*){0,3}"
_DATELINE = re.compile(
    rf"^(?:(?:{_CITY}),?\s*(?:[A-Z][\w.]*(?: [A-Z][\w.]*)?\s*)?\([^()]{{1,80}}\)\s*(?:[-–—]{{1,2}}\s*)?"  # PARIS, (AFP – 12 Feb)
    rf"|[A-Z][A-Z.'’ -]{{1,30}}(?:,\s*[A-Z][\w.]*(?: [A-Z][\w.]*)?)?\s*[-–—]{{1,2}}\s*"  # WASHINGTON, D.C. –
    rf"|{_CITY},\s*[A-Z][\w.]*(?: [A-Z][\w.]*)?\s*[-–—]{{1,2}}\s*"  # Washington, D.C.—
    rf"|[A-Z][a-z]{{2}}\.? \d{{1,2}} \([A-Z]{{2,}}\)\s*[-–—]{{1,2}}\s*)"  # Jan. 13 (UPI) --
    r"(?=[“\"‘(]?[A-Z0-9])")
_ENUMERATOR = re.compile(r"\(\d{1,2}\)\s")
_LEADING_REF = re.compile(r"\((?=[^()]{0,60}\d)[^()]{1,60}\)\s+(?=[A-Z])")
"""A parenthesis with a number in it that opens a sentence: the previous sentence's citation, split off from it."""


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
    flaw: str = ""
    """Why it is no claim, or '': furniture, fragment, opener, heading, question, length, unattributed (a quotation in
    the first person with no attribution of its own: ``flaws._QUOTED_FIRST_PERSON``)."""
    joined: bool = False
    """It is two or more sentences, the later ones opening with a pronoun or connective."""
    block: int = 0
    """The index of its block (paragraph, list item, heading) in the document."""

    @property
    def claimable(self) -> bool:
        """A statement fit to be a claim: a whole sentence of reasonable length, not a question or heading."""
        return not self.flaw


def normalise(text: str) -> str:
    """Return ``text`` with runs of whitespace folded to one space, NFC, stripped (as ``inputs.ingest.normalise``)."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


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
        if not line or marker or (lines and (_LINE_END.search(lines[-1]) and not _wrapped_name(lines[-1], line)
                                             or len(lines[-1]) < SOFT_WRAP_MIN)):
            close()
            listed = bool(marker) and not line.startswith(("#", ">"))
        if line:
            lines.append(line)
    close()
    return found


def split(text: str) -> tuple[str, list[Sentence]]:
    """Return the normalised ``text`` and its sentences in order, each judged, openers joined where possible."""
    text = unicodedata.normalize("NFC", text)
    normalised = " ".join(text.split())  # = normalise(text): str.split and the regex \s agree on Unicode whitespace
    found: list[Sentence] = []
    cursor = 0
    for number, (block, listed) in enumerate(blocks(text)):
        block = " ".join(block.split())
        at = normalised.find(block, cursor)
        if at < 0:  # cannot happen for text normalise() leaves alone; skip rather than misplace
            continue
        cursor = at + len(block)
        marker = _LIST_MARKER.match(block)
        offset = marker.end() if marker else 0
        for index, (start, end) in enumerate(_spans(block, offset)):
            span = _trim(block, start, end, first=index == 0, listed=listed)
            if span:
                last = max(block.rfind(".", start, end), block.rfind("!", start, end))  # the match can start at the last . or !
                ended = last >= 0 and bool(_ENDED.search(block, last, end))
                item = listed and index == 0 or bool(_ENUMERATOR.match(block, span[0]))  # "(2) “Title of a rule” (AC/S IFR)."
                sentence = block[span[0]:span[1]]
                found.append(Sentence(at + span[0], at + span[1], sentence, item, ended, flaw(sentence, item, ended), block=number))
    return normalised, _join(normalised, found)


def pieces(text: str) -> list[str]:
    """Return the sentences of ``text`` as the segmenter finds them, none joined or judged (the parts of a joined sentence)."""
    return [text[start:end] for start, end in _spans(text, 0)]


def ends(text: str) -> frozenset[int]:
    """The offsets of ``text`` just past each sentence the segmenter finds (its mark and closing quotes, before the
    space): where an abbreviation-aware reader ends a sentence ("Dr. Zorn", "Jan. 5", "p. 4" and "et al. found" end none)."""
    return frozenset(end for _, end in _spans(text, 0))


def _wrapped_name(line: str, following: str) -> bool:
    """Whether ``line`` ends in a middle initial whose surname opens the ``following`` line ("… said Ada Q." / "Zorn …")."""
    return line.endswith(".") and initial(f"{line} {following}", len(line) - 1)


def _spans(block: str, offset: int) -> list[tuple[int, int]]:
    """Return the (start, end) of each sentence of ``block[offset:]``, in ``block``'s offsets."""
    spans, cursor = [], offset
    for piece in sentencex.segment("en", block[offset:]):
        piece = piece.strip()
        if not piece:
            continue
        at = block.find(piece, cursor)
        if at < 0:
            continue
        spans.append((at, at + len(piece)))
        cursor = at + len(piece)
    return spans


def _trim(block: str, start: int, end: int, first: bool, listed: bool = False) -> tuple[int, int] | None:
    """Return the span without a dateline or a leading citation ("(87 FR 62186, October 13, 2022) BIS …"),
    a list item's ``Label:`` (or a paragraph's short verbless one: "Effective date: ") and trailing reference markers."""
    dateline = _dateline(block, start, end)
    if dateline and dateline.end() < end:
        start = dateline.end()
    if first:
        label = _label(block, start, end)
        if label and (len(label.group().split()) <= 5 if listed else
                      len(label.group().split()) <= 3 and not VERB.search(label.group())):
            start = label.end()
    refs = _REFS_AT_END.search(block, start, end) if block.find("]", start, end) >= 0 else None
    if refs and refs.start() > start:
        end = refs.start()
    while end > start and block[end - 1] == " ":
        end -= 1
    return (start, end) if end > start else None


def _dateline(block: str, start: int, end: int) -> re.Match[str] | None:
    """``_DATELINE.match(block, start, end) or _LEADING_REF.match(block, start, end)``, asked only of a span that could
    match: each dateline form has a bracket or a dash in it, and a leading citation opens with a bracket (most
    sentences have neither, and the patterns would try every city-like opening)."""
    find = block.find
    if find("(", start, end) < 0 and find("-", start, end) < 0 and find("–", start, end) < 0 and find("—", start, end) < 0:
        return None
    return _DATELINE.match(block, start, end) or _LEADING_REF.match(block, start, end)


def _label(block: str, start: int, end: int) -> re.Match[str] | None:
    """``_LABEL.match(block, start, end)``, asked only where a colon is near enough to end a label."""
    return _LABEL.match(block, start, end) if block.find(":", start, min(end, start + _LABEL_REACH)) >= 0 else None


def _join(normalised: str, found: list[Sentence]) -> list[Sentence]:
    """Join each opener to the claimable sentence just before it in its paragraph, or leave it flagged."""
    out: list[Sentence] = []
    for s in found:
        prev = out[-1] if out else None
        if s.flaw == "opener" and prev and not prev.flaw and prev.block == s.block:
            text = normalised[prev.start:s.end]
            if count_words(text) <= MAX_WORDS:
                out[-1] = replace(prev, end=s.end, text=text, ended=s.ended, joined=True)
                continue
        out.append(s)
    return out
