"""Building blocks shared by the styles: pieces of inline nodes, titles and their case, joining.

Titles may protect words from case changes with CSL's markup, as Zotero and every
CSL processor read it: ``<span class="nocase">Lake Tana</span>``. Nothing else in a
title is markup: ``<b>`` or ``*x*`` print as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from briefgen.model import Emph, Inline, Link, Text, plain_text

Piece = tuple[Inline, ...]
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")

NOCASE_OPEN, NOCASE_CLOSE = '<span class="nocase">', "</span>"
_NOCASE = re.compile(re.escape(NOCASE_OPEN) + "(.*?)" + re.escape(NOCASE_CLOSE), re.S)
STOP_WORDS = frozenset("a about an and as at but by down for from in into nor of on onto or "
                       "over so the till to up v. via with yet".split())
"""Words headline style keeps lower case (CSL's list, as citeproc applies it)."""
_WORD = re.compile(r"[^\s\-–—/]+|[\s\-–—/]+")


# ---------------------------------------------------------------- pieces


def plain(text: str) -> Piece:
    return (Text(text),) if text else ()


def emph(piece: Piece | str) -> Piece:
    """The piece (or text) in italics; () when empty."""
    content = plain(piece) if isinstance(piece, str) else piece
    return (Emph(content),) if content else ()


def quoted(piece: Piece | str) -> Piece:
    """The piece in curly double quotes; quotes inside it become single."""
    content = plain(piece) if isinstance(piece, str) else piece
    if not content:
        return ()
    swapped = tuple(Text(n.text.replace("“", "‘").replace("”", "’")) if isinstance(n, Text) else n
                    for n in content)
    return (Text("“"),) + swapped + (Text("”"),)


def text_of(piece: Piece) -> str:
    return plain_text(piece)


def link(url: str, shown: str = "") -> Piece:
    return (Link(url, (Text(shown or url),)),) if url else ()


def series(parts: list[str], conj: str, serial: bool = True) -> str:
    """a; a and b; a, b, and c (``serial``: the comma before the conjunction from three on)."""
    if len(parts) < 2:
        return "".join(parts)
    if len(parts) == 2:
        return f"{parts[0]} {conj} {parts[1]}"
    return ", ".join(parts[:-1]) + ("," if serial else "") + f" {conj} {parts[-1]}"


def long_date(parts: tuple[int, ...], months: tuple[str, ...] = MONTHS, pad: bool = False) -> str:
    """March 3, 2024; June 2024; 2024; "" (``pad``: March 03, 2024)."""
    if not parts:
        return ""
    if len(parts) == 1:
        return str(parts[0])
    month = months[parts[1] - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{month} {parts[2]:02d}, {parts[0]}" if pad else f"{month} {parts[2]}, {parts[0]}"


def initials(given: str) -> str:
    """Mary Ann -> M. A.; Jean-Paul -> J.-P."""
    return " ".join("-".join(p[0] + "." for p in w.split("-") if p) for w in given.split())


def letters(n: int) -> str:
    """Year suffix number ``n``: a … z, then aa …."""
    return "abcdefghijklmnopqrstuvwxyz"[n % 26] * (n // 26 + 1)


# ---------------------------------------------------------------- titles and case


def segments(title: str) -> list[tuple[str, bool]]:
    """The title as (text, protected) runs; protected runs are never re-cased."""
    out: list[tuple[str, bool]] = []
    pos = 0
    for match in _NOCASE.finditer(title):
        if match.start() > pos:
            out.append((title[pos:match.start()], False))
        out.append((match.group(1), True))
        pos = match.end()
    if pos < len(title):
        out.append((title[pos:], False))
    return out


def unmarked(title: str) -> str:
    """The title without its nocase markup."""
    return "".join(text for text, _ in segments(title))


def _recase(title: str, word_case: Callable[[str, bool, bool, str], str]) -> str:
    """Apply ``word_case(word, first, last, after_colon)`` to every unprotected word."""
    tokens: list[tuple[str, bool]] = []
    for text, protected in segments(title):
        tokens += [(t, protected) for t in _WORD.findall(text)]
    words = {i for i, (t, _) in enumerate(tokens) if t[0] not in " \t\n-–—/"}
    out: list[str] = []
    after_colon, seen = False, False
    for i, (token, protected) in enumerate(tokens):
        if i not in words:
            out.append(token)
            continue
        first, last = not seen, i == max(words)
        start = first or after_colon
        joined = i > 0 and (i - 1) in words  # "China</span>’s": the rest of a protected word
        out.append(token if protected or joined else word_case(token, start, last, tokens[i - 1][0] if i else ""))
        seen = True
        after_colon = token.rstrip("”’\"')]").endswith((":", "?", "!", "—"))
    return "".join(out)


@lru_cache(maxsize=4096)
def headline(title: str) -> str:
    """Headline-style capitalisation (CMOS 18 chapter 8, as CSL's title case applies it).

    Lower-case words are capitalised except stop words inside the title; words with
    a capital (AI, iPhone, McNeil) and protected spans stay as they are.
    """
    def word_case(word: str, start: bool, last: bool, before: str) -> str:
        core = word.lstrip("“‘\"'([")
        lead = word[:len(word) - len(core)]
        if not core or core != core.lower() or not core[0].isalpha():
            return word
        if core.lower() in STOP_WORDS and not start:
            return word
        if len(core.rstrip(".,;:?!’”")) < 2 and before in ("-",):
            return word
        return lead + core[0].upper() + core[1:]
    return _recase(title, word_case)


@lru_cache(maxsize=4096)
def sentence(title: str) -> str:
    """Sentence-style capitalisation (APA 7 6.17): capitals only for the first word,
    the first word after a colon, and words that carry capitals beyond their first
    letter (AI, iPhone) or are protected (``<span class="nocase">China</span>``)."""
    def word_case(word: str, start: bool, last: bool, before: str) -> str:
        core = word.lstrip("“‘\"'([")
        lead = word[:len(word) - len(core)]
        if not core or not core[0].isalpha():
            return word
        if start:
            return lead + core[0].upper() + core[1:]
        if core[0].isupper() and core[1:] == core[1:].lower():
            return lead + core.lower()
        return word
    return _recase(title, word_case)


def is_descriptive(title: str) -> bool:
    """A descriptive title in square brackets (CMOS 18 chapter 8, APA 9.20: untitled works)."""
    bare = unmarked(title)
    return bare.startswith("[") and bare.endswith("]")


# ---------------------------------------------------------------- joining


class Joiner:
    """Joins pieces with separators, keeping American punctuation around quotes.

    A comma or full stop after a closing quote moves inside it; after a ? or ! it
    is dropped; a full stop after an abbreviation's full stop is dropped.
    """

    def __init__(self) -> None:
        self.nodes: list[Inline] = []
        self._tail = ""
        """The last few characters of the text so far."""

    def add(self, sep: str, piece: Piece | str) -> Joiner:
        """Append ``piece`` after ``sep``; an empty piece adds nothing."""
        piece = plain(piece) if isinstance(piece, str) else piece
        if not piece:
            return self
        if self.nodes and sep:
            self._separate(sep)
        self.nodes.extend(piece)
        self._tail = (self._tail + plain_text(piece))[-4:]
        return self

    def _separate(self, sep: str) -> None:
        last = self.nodes[-1]
        tail = self._tail.rstrip("”’")[-1:]
        if tail and ((sep[0] == "." and tail in ".?!") or (sep[0] == "," and tail in "?!")):
            sep = sep[1:]
        if sep[:1] in (",", ".") and isinstance(last, Text) and last.text.endswith("”"):
            self.nodes[-1] = Text(last.text[:-1] + sep[0] + "”")
            self._tail = self._tail[:-1] + sep[0] + "”"
            sep = sep[1:]
        if sep:
            self.nodes.append(Text(sep))
            self._tail = (self._tail + sep)[-4:]

    def end(self, stop: str = "") -> Piece:
        """The nodes ending with ``stop`` (unless already so punctuated), Text merged."""
        if stop and self.nodes:
            self._separate(stop)
        return merge(self.nodes)

    def __bool__(self) -> bool:
        return bool(self.nodes)


def merge(nodes: list[Inline] | Piece) -> Piece:
    """Adjacent Text nodes merged, empty ones dropped."""
    out: list[Inline] = []
    for node in nodes:
        if isinstance(node, Text):
            if not node.text:
                continue
            if out and isinstance(out[-1], Text):
                out[-1] = Text(out[-1].text + node.text)
                continue
        out.append(node)
    return tuple(out)
