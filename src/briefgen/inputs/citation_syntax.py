"""Pandoc's citation grammar: the one parser for citations, used by ``check`` and rendering.

Forms (https://pandoc.org/MANUAL.html#citation-syntax):

- ``[@a]``, ``[@a; @b]``: a bracketed citation of one or more items;
- ``[see @a, p. 3; also @b, chap. 2]``: a prefix before the key, a locator and a
  suffix after it; a bare number (``[@a, 33]``) is a page;
- ``[-@a]``: the author suppressed (the text already names them);
- ``@a`` and ``@a [p. 3]``: in-text (the author is part of the sentence).

Keys begin with a letter, digit or ``_`` and may contain internal punctuation
``:.#$%&-+?<>~/`` (so ``claim:storage-low`` is one key), or are braced: ``@{a b}``.

What is a citation: an ``@`` at the start of a word (after a space, ``[``, ``;``,
``-`` or the start of the text) that a key follows. ``name@example.org``, a lone
``@`` and ``\\@`` are text. A bracket that holds such an ``@`` must parse as a whole,
or ``scan`` reports a CitationSyntaxError at its offset: nothing that looks like a
citation is ever printed literally.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from briefgen.inputs.citation_locators import locator_of

CLAIM_PREFIX = "claim:"
"""A key ``claim:ID`` cites a claim of the summary rather than a source."""

_KEY = r"\w+(?:[:.#$%&\-+?<>~/]\w+)*"
"""A key: word characters, and single punctuation marks each followed by one: the keys of Pandoc's form of the
pattern (a word character or a mark with a word character ahead, repeated), without its alternation tried at every
character (tests/test_citation_key_pattern.py)."""
_KEY_RE = re.compile(_KEY)
_BRACED_RE = re.compile(r"\{([^{}]+)\}")
_SPECIAL_RE = re.compile(r"[\\`\[@]")
"""The characters the scanner acts on: escapes, code spans, brackets and '@'."""
_BRACKET_RE = re.compile(r"[\\\[\]]")
"""What ``_closing`` counts or skips; any other character leaves its depth as it is."""
_BLANK_LINE_RE = re.compile(r"\n[ \t]*\n")
_OPENS_RE = re.compile(r"\[\s*-?@")
_TRAILING_RE = re.compile(r"[ \t]?\[")
"""Patterns matched at an offset of the text (never on a copy of its rest)."""
_STARTS = " \t\n[;(-"
"""Characters after which an ``@`` starts a citation (besides the start of the text)."""


@dataclass(frozen=True, slots=True)
class Cited:
    """One cited item of a citation: a key with what surrounds it."""

    key: str
    prefix: str = ""
    """Text before the key (``see``)."""
    locator: str = ""
    """The locator's value (``33–35``), with an en dash in ranges."""
    label: str = ""
    """The CSL locator label (``page``, ``paragraph``, ``section``, ``chapter``, …); "" without a locator."""
    suffix: str = ""
    """Text after the locator (``emphasis added``)."""
    suppress_author: bool = False
    """``[-@a]``: print the year (or number) only."""

    @property
    def is_claim(self) -> bool:
        return self.key.startswith(CLAIM_PREFIX)


@dataclass(frozen=True, slots=True)
class Citation:
    """A citation as written: its items, where it sits in the text, and its form."""

    items: tuple[Cited, ...]
    start: int
    end: int
    """Offsets of the citation in the text it was found in (end exclusive)."""
    in_text: bool = False
    """``@a`` or ``@a [p. 3]``: the author is part of the sentence."""

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(item.key for item in self.items)


class CitationSyntaxError(ValueError):
    """Something that looks like a citation and does not parse."""

    def __init__(self, offset: int, message: str, hint: str = "") -> None:
        self.offset, self.message, self.hint = offset, message, hint
        super().__init__(f"offset {offset}: {message}")


def _starts(ch: str) -> bool:
    """Whether a key may begin after ``ch``: any whitespace (Markdown strips a paragraph's, "\\x1e" too), or ``[;(-``."""
    return ch in _STARTS or ch.isspace()


def starts_citation(text: str, pos: int) -> bool:
    """Whether the ``@`` at ``pos`` begins a citation key (not an e-mail address or a lone @)."""
    if text[pos:pos + 1] != "@" or (pos and not _starts(text[pos - 1])):
        return False
    if pos >= 2 and text[pos - 1] == "-" and not _starts(text[pos - 2]):
        return False  # "well-@known": a hyphen inside a word
    nxt = text[pos + 1:pos + 2]
    return bool(nxt) and (nxt == "{" or bool(_KEY_RE.match(nxt)))


def _keys_between(text: str, start: int, end: int) -> list[int]:
    """The offsets in ``text[start:end]`` where a citation key begins (``starts_citation``: only at an ``@``)."""
    found, at = [], text.find("@", start, end)
    while at >= 0:
        if starts_citation(text, at):
            found.append(at)
        at = text.find("@", at + 1, end)
    return found


def _key_at(text: str, pos: int) -> tuple[str, int]:
    """The key after the ``@`` at ``pos``, and the offset after it; ("", pos) when none."""
    braced = _BRACED_RE.match(text, pos + 1)
    if braced:
        return braced.group(1).strip(), braced.end()
    match = _KEY_RE.match(text, pos + 1)
    return (match.group(0), match.end()) if match else ("", pos + 1)


def _closing(text: str, pos: int) -> int:
    """The offset of the ``]`` closing the ``[`` at ``pos`` (nesting and escapes respected), or -1."""
    depth, i, end = 0, pos, len(text)
    while i < end:
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        depth += (ch == "[") - (ch == "]")
        if depth == 0:
            return i
        special = _BRACKET_RE.search(text, i + 1)  # the characters between leave the depth, not 0, as it is
        if special is None:
            return -1
        i = special.start()
    return -1


def _paragraph_end(text: str, pos: int) -> int:
    """The offset of the blank line ending the paragraph at ``pos`` (a bracket never spans one)."""
    match = _BLANK_LINE_RE.search(text, pos)
    return match.start() if match else len(text)


def _item(text: str, start: int, end: int) -> Cited:
    """One ``;``-separated part of a bracketed citation: prefix, key, locator, suffix."""
    part = text[start:end]
    ats = _keys_between(text, start, end)
    if not ats:
        raise CitationSyntaxError(start + len(part) - len(part.lstrip()), f"expected '@key' in each part of a citation, found {part.strip()!r}",
                                  "separate citations with ';', and write \\@ for a literal @")
    if len(ats) > 1:
        raise CitationSyntaxError(ats[1], "expected one key per part of a citation, found two",
                                  "separate citations with ';': [@a; @b]")
    at = ats[0]
    key, after = _key_at(text, at)
    prefix = text[start:at]
    suppress = prefix.rstrip().endswith("-") and prefix.rstrip() == prefix
    if suppress:
        prefix = prefix[:-1]
    locator, label, suffix = locator_of(text[after:end])
    return Cited(key, " ".join(prefix.split()), locator, label, " ".join(suffix.split()), suppress)


def bracketed(text: str, pos: int) -> Citation | None:
    """The bracketed citation opening at ``pos``, None if the bracket holds no citation.

    Raises CitationSyntaxError if it holds one that does not parse.
    """
    if text[pos:pos + 1] != "[":
        return None
    starts = _OPENS_RE.match(text, pos) is not None  # "[@…" or "[-@…": meant as a citation
    limit = _paragraph_end(text, pos)
    close = _closing(text[:limit], pos)
    if close < 0:  # an unclosed "[" is text (Pandoc), unless an '@' follows in its paragraph
        if starts or _keys_between(text, pos + 1, limit):
            raise CitationSyntaxError(pos, "expected ']' to close the citation, found the end of the paragraph")
        return None
    if "[" in text[pos + 1:close]:
        if starts:
            raise CitationSyntaxError(pos, "expected no brackets inside a citation")
        return None  # "[see [@a]]": the inner bracket is the citation
    if not _keys_between(text, pos + 1, close):
        if starts:
            raise CitationSyntaxError(pos + 1, "expected a citation key after '@'",
                                      "keys start with a letter, digit or _; write \\@ for a literal @")
        return None
    if text[close + 1:close + 2] in ("(", "["):
        return None  # a Markdown link whose text mentions @someone
    cuts = [pos] + [i for i in range(pos + 1, close) if text[i] == ";"] + [close] if ";" in text[pos + 1:close] else [pos, close]
    items = tuple(_item(text, a + 1, b) for a, b in pairwise(cuts))
    return Citation(items, pos, close + 1)


def in_text(text: str, pos: int) -> Citation | None:
    """The in-text citation ``@a`` or ``@a [p. 3]`` at ``pos``, or None."""
    if not starts_citation(text, pos):
        return None
    key, end = _key_at(text, pos)
    locator = label = suffix = ""
    trailing = _TRAILING_RE.match(text, end)
    if trailing:
        close = _closing(text, trailing.end() - 1)
        inner = text[trailing.end():close] if close > 0 else ""
        if close > 0 and not _keys_between(inner, 0, len(inner)) \
                and text[close + 1:close + 2] != "(":
            locator, label, suffix = locator_of(("," if inner.strip()[:1].isdigit() else "") + inner)
            end = close + 1
    return Citation((Cited(key, "", locator, label, " ".join(suffix.split())),), pos, end, in_text=True)


def scan(text: str) -> list[Citation]:
    """Every citation in ``text``, in order; raises CitationSyntaxError at the first malformed one.

    Backslash escapes (``\\@``, ``\\[``) and code spans are skipped.
    """
    found, errors = _scan(text)
    if errors:
        raise errors[0]
    return found


def check(text: str) -> tuple[list[Citation], list[CitationSyntaxError]]:
    """Every citation in ``text``, and every malformed one (for reporting them all at once)."""
    return _scan(text)


def _scan(text: str) -> tuple[list[Citation], list[CitationSyntaxError]]:
    if "@" not in text:  # every citation, and every malformed one, has an '@': most sentences have none
        return [], []
    found: list[Citation] = []
    errors: list[CitationSyntaxError] = []
    i = 0
    while i < len(text):
        special = _SPECIAL_RE.search(text, i)  # any other character starts nothing: skip to the next one
        if special is None:
            break
        i = special.start()
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "`":
            run = re.match(r"`+", text[i:]).group(0)  # type: ignore[union-attr]
            close = text.find(run, i + len(run))
            i = close + len(run) if close > 0 else i + len(run)
            continue
        try:
            citation = bracketed(text, i) if ch == "[" else in_text(text, i) if ch == "@" else None
        except CitationSyntaxError as exc:
            errors.append(exc)
            close = _closing(text, i)
            i = close + 1 if close > i else i + 1
            continue
        if citation is not None:
            found.append(citation)
            i = citation.end
        else:
            i += 1
    return found, errors


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of ``offset`` in ``text``."""
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def render_key(key: str) -> str:
    """``@key`` as it would be written (braced when it needs to be)."""
    return f"@{key}" if _KEY_RE.fullmatch(key) else f"@{{{key}}}"
