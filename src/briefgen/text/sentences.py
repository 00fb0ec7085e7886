"""Sentences: a document's text cut into sentences a reader can use, each a span of its normalised text.

Offsets index ``normalise(text)`` (whitespace folded, NFC: the same text that
``inputs.summary`` searches), so a sentence's text is always a verbatim passage.

1. Blocks: a blank line, a list marker (``•``, ``-``, ``1.``, ``(a)``) or a line
   ending in sentence punctuation ends a block; other line breaks are soft wraps,
   unless the line is short (a heading).
2. Inside a block, sentence boundaries come from sentencex (Wikimedia's rule-based,
   abbreviation-aware segmenter, MIT; chosen over pysbd, which splits "U.S. The" and
   "p. 4" as well but is about 300 times slower and unmaintained since 2021, and over
   NLTK punkt, whose trained model is a data download this tool must not need).
3. Each sentence is then judged (``Sentence.flaw``): page furniture (bylines,
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

SOFT_WRAP_MIN = 50
"""A line this long (or longer) without final punctuation continues on the next line."""
MIN_WORDS, MAX_WORDS = 6, 110
"""A claim candidate has this many words (a joined pair included)."""

_LIST_MARKER = re.compile(r"^(?:[-*•‣◦▪·–—]|#{1,6}|>|\(?\d{1,3}[.)]|\([a-zA-Z]\))\s+")
_LINE_END = re.compile(r"""[.!?:;…]["”’'»)\]]*(?:\[\d+\])*\s*$""")
_LABEL = re.compile(r"[A-Z][\w’'&/ -]{0,40}:\s+(?=[A-Z“\"])")
_LABEL_REACH = 42
"""A ``_LABEL`` match has its colon within this many characters of its start."""
_REFS_AT_END = re.compile(r"""(?:\s*\[\d+(?:[,–-]\d+)*\])+[.!]?["”’)]*$""")
_WORDS = re.compile(r"\w+")
_WORD_BYTES = bytes(97 if chr(c).isalnum() or c == 95 else 32 for c in range(128)) + bytes([32] * 128)
"""Per ASCII byte: ``a`` for a character ``\\w`` matches (letters, digits, ``_``), a space for any other."""
_ENDED = re.compile(r"""[.!]["”’'»)\]]*(?:\[\d+(?:[,–-]\d+)*\])*[.!]?["”’)]*$""")

_CITY = r"[A-Z][\w.'’]*(?:[ -][A-Z][\w.'’]*){0,3}"
_DATELINE = re.compile(
    rf"^(?:(?:{_CITY}),?\s*(?:[A-Z][\w.]*(?: [A-Z][\w.]*)?\s*)?\([^()]{{1,80}}\)\s*(?:[-–—]{{1,2}}\s*)?"  # PARIS, (AFP – 12 Feb)
    rf"|[A-Z][A-Z.'’ -]{{1,30}}(?:,\s*[A-Z][\w.]*(?: [A-Z][\w.]*)?)?\s*[-–—]{{1,2}}\s*"  # WASHINGTON, D.C. –
    rf"|{_CITY},\s*[A-Z][\w.]*(?: [A-Z][\w.]*)?\s*[-–—]{{1,2}}\s*"  # Washington, D.C.—
    rf"|[A-Z][a-z]{{2}}\.? \d{{1,2}} \([A-Z]{{2,}}\)\s*[-–—]{{1,2}}\s*)"  # Jan. 13 (UPI) --
    r"(?=[“\"‘(]?[A-Z0-9])")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
"""A quoted title: its words ("Advanced Computing", "Manufacturing Items") are not the sentence's verb."""
_ENUMERATOR = re.compile(r"\(\d{1,2}\)\s")
_LEADING_REF = re.compile(r"\((?=[^()]{0,60}\d)[^()]{1,60}\)\s+(?=[A-Z])")
"""A parenthesis with a number in it that opens a sentence: the previous sentence's citation, split off from it."""
_FURNITURE_START = re.compile(
    r"(?:By [A-Z][a-z]+ [A-Z]|(?i:written by|reported by|edited by|photo(?:graph)?s? by|images? by|illustration by|credit:|"
    r"source:|(?:updated|published|posted)(?::|\s+(?:on\s+)?(?:\d|[A-Z][a-z]{2,8}\.? \d)|$)|follow us|share this|subscribe|"
    r"sign up|click here|read more|related:|advertisement|jump to|for more information))")
_FURNITURE_MARKS = ("[email", "media contact", "for immediate release", "skip to main content", "all rights reserved", "©",
                    "cookie", "license photo", "getty images", "min read", "comments must be received",
                    "for further information contact")
_FURNITURE_MARK = re.compile("|".join(map(re.escape, _FURNITURE_MARKS)))
"""Any of the marks, in lower-case text: one search instead of one ``in`` per mark."""
_FURNITURE_LATE = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b|\b\d{1,2}:\d{2}\s*[AP]M\b|/(?:AP|AFP|Reuters|UPI|EPA|Xinhua|Bloomberg)\.?$")
_FRAGMENT_END = re.compile(r"""(?:[;,]\s*(?:and|or)\.?|[;,]|\b(?:that|include|includes|including|are|is|follows|following|as)\s*:)["”’]?$""")
_PAREN_END = re.compile(r"\([^()]{1,40}\)[.!]?[\"”’]?$")
"""A list item ending in a parenthesis, like "Obligations for high-risk systems (36 months).", is a fragment unless it has a verb."""
_VERB = re.compile(r"\b(?:is|are|was|were|be|been|being|has|have|had|do|does|did|will|would|shall|should|can|could|"
                   r"may|might|must|said|says|\w{3,}ed|\w{3,}ing)\b", re.IGNORECASE)
_DOCUMENT = r"(?:rule|interim final rule|final rule|IFR|report|document|notice|bill|regulation|fact sheet|study|paper|article|release)"
"""What "This …" at the start of a sentence may name without an antecedent: the document itself ("This rule is effective …")."""
_SELF_REFERENCE = re.compile(rf"^This (?={_DOCUMENT}\b)")
CONNECTIVES = ("However", "Moreover", "Furthermore", "Additionally", "Meanwhile", "Also", "But", "And", "Yet", "Still",
               "Nevertheless", "Indeed", "Notably", "In addition", "Similarly", "Finally", "Lastly", "Overall", "In contrast")
"""Connectives that may open a sentence: a claim's text drops them ("However, the rule …" → "The rule …",
``drafting.claim_text``), and before a pronoun or demonstrative they open a sentence that refers back (``_OPENER``)."""
_OPENER = re.compile(
    r"^[“\"‘]?(?:(?:" + "|".join(CONNECTIVES) + r"),?\s+)?(?i:He|She|They|Them|His|Her|Hers|Its|Their|Theirs|Him|"
    r"(?:This|That|These|Those|Such|Both|Neither|Either|The latter|The former|The two|The same)\b(?! (?:year|week|month)\b)"
    r"(?<!This)(?<!this)|This(?! (?:" + _DOCUMENT + r"|year|week|month)\b)|"
    r"It(?! (?:is|was|has been|will be|would be) \w+(?: \w+)? (?:to|that)\b)|"
    r"\w+ of (?:these|those|them)\b|Of (?:these|those|them)\b|"
    r"To (?:counter|address|do|achieve|that|this) (?:that|this|so|it|them)\b|In (?:response|turn|return)\b|"
    r"As a (?:result|consequence)\b|Despite (?:this|that|these|it)\b|For (?:this|that) reason\b|Because of (?:this|that)\b|"
    r"Instead\b|Then\b|Thus\b|Therefore\b|Hence\b|Otherwise\b)(?=[\s,’'])")

_QUOTED_FIRST_PERSON = re.compile(r"^[“\"](?=.*\b(?:I|I’m|I'm|we|We|we’re|we're|our|Our|us|my|My|me)\b)")
"""A quotation speaking in the first person ("“The threat environment is always changing, and we are updating our
policies …”"): without an attribution of its own, its "we" is a speaker some other sentence names (most often the one
before: "“…,” said Under Secretary …"), so it is no claim alone; it is not joined to that sentence either (a quotation
of several sentences is compared sentence by sentence, and a joined passage of a claim is not: measured, joining lost
an export-controls pair)."""
_ATTRIBUTION = re.compile(r"[,!?]?[”\"]\s*(?:\w+\s+){0,2}(?:said|says|told|stated|added|noted|explained|according to)\b|"
                          r"\b(?:said|says|told|stated|added|noted|explained)\s*[,.]?\s*[“\"]|\baccording to\b")
"""An attribution of the quotation's own: "…,” said the minister." / "…,” the minister said." / "He said: “…"."""


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
    the first person with no attribution of its own: ``_QUOTED_FIRST_PERSON``)."""
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
        if not line or marker or (lines and (_LINE_END.search(lines[-1]) or len(lines[-1]) < SOFT_WRAP_MIN)):
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
                found.append(Sentence(at + span[0], at + span[1], sentence, item, ended, _flaw(sentence, item, ended), block=number))
    return normalised, _join(normalised, found)


def pieces(text: str) -> list[str]:
    """Return the sentences of ``text`` as the segmenter finds them, none joined or judged (the parts of a joined sentence)."""
    return [text[start:end] for start, end in _spans(text, 0)]


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
                      len(label.group().split()) <= 3 and not _VERB.search(label.group())):
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


def _flaw(text: str, listed: bool, ended: bool) -> str:
    """Return why a sentence (``text``; ``listed``: it opens a list item; ``ended``: with . or !) cannot stand as a claim, or ''."""
    words = count_words(text)
    if _furniture(text):
        return "furniture"
    if _fragment_end(text[-40:]) or (listed or words < 12) and _noun_phrase(text) and not _VERB.search(_QUOTED.sub("", text)):
        return "fragment"
    if words < 12 and not _VERB.search(text):
        if _title_case(text):
            return "heading"  # "Bureau of Industry and Security, Department of Commerce."
        if ";" in text:
            return "fragment"  # "Interim final rule; request for comments."
    if text.endswith("?"):
        return "question"
    lead_in = text.endswith(":") and words >= 12  # "BIS revised two rules released on October 17, 2023:"
    if not (listed or ended or lead_in) or text == text.upper() or text[:1].islower():  # all capitals: no lower-case letter
        return "heading" if not text[:1].islower() else "fragment"
    if not MIN_WORDS <= words <= MAX_WORDS:
        return "length"
    if _OPENER.match(text):
        return "opener"
    if _QUOTED_FIRST_PERSON.match(text) and not _ATTRIBUTION.search(text):
        return "unattributed"
    return ""


def count_words(text: str) -> int:
    """``len(_WORDS.findall(text))``, the runs of word characters, counted without making them strings when ``text`` is
    ASCII (where ``\\w`` is ``[A-Za-z0-9_]``): each run is one ``a`` after a space once every character is mapped."""
    if not text.isascii():
        return len(_WORDS.findall(text))
    mapped = text.encode("ascii").translate(_WORD_BYTES)
    return mapped.count(b" a") + mapped.startswith(b"a")


def _fragment_end(tail: str) -> bool:
    """``_FRAGMENT_END.search(tail)``, asked only of a tail whose end could match (most sentences end "….")."""
    body = tail[:-1] if tail.endswith(('"', "”", "’")) else tail
    return body.endswith((";", ",", ":", "and", "or", "and.", "or.", "\n")) and bool(_FRAGMENT_END.search(tail))


def _noun_phrase(text: str) -> bool:
    """Whether a short verbless ``text`` reads as a noun phrase ("Obligations for high-risk systems (36 months).",
    "Limits on talent exchange between countries."), not an imperative ("Introduce tradable permits.")."""
    first = text.split(" ", 1)[0].strip("“\"‘")
    return bool(_PAREN_END.search(text)) or (len(first) > 3 and first.endswith("s") and not first.endswith("ss"))


def _title_case(text: str) -> bool:
    """Whether every word of ``text`` longer than three letters is capitalised, as in a title or an agency line."""
    long = [w for w in _WORDS.findall(text) if len(w) > 3]
    return bool(long) and all(w[0].isupper() for w in long)


def _furniture(text: str) -> bool:
    """Whether ``text`` is page furniture: a byline, a caption, a release header, a contact line."""
    if _FURNITURE_START.match(text):
        return True
    if _FURNITURE_MARK.search(text.lower()):
        return True
    return ("@" in text or ":" in text or "/" in text) and bool(_FURNITURE_LATE.search(text))


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


def clean_claim(text: str) -> str:
    """Return ``text`` without unmatched quotation marks, and "This rule …" (the document itself) as "The rule …",
    which the claim's citation then names (a claim's text; never apply to a verbatim quote)."""
    text = _SELF_REFERENCE.sub("The ", text)
    drop: set[int] = set()
    opened: list[int] = []
    for i, c in enumerate(text):
        if c == "“":
            opened.append(i)
        elif c == "”":
            if opened:
                opened.pop()
            else:
                drop.add(i)
    drop.update(opened)
    straight = [i for i, c in enumerate(text) if c == '"']
    if len(straight) % 2:
        drop.add(straight[0] if straight[0] == 0 or len(straight) == 1 and straight[0] < len(text) // 2 else straight[-1])
    if not drop:
        return text
    kept = "".join(c for i, c in enumerate(text) if i not in drop)
    return re.sub(r"\s{2,}", " ", kept).strip()
