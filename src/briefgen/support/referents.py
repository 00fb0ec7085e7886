"""Names a passage refers to without writing them: a pronoun's referent, a list item's lead-in.

A passage cut from its document can leave its subject behind: "He believes that …" follows
"Jane Doe has voiced concerns …" in the same paragraph, and a list item "Worked with six other
agencies" hangs from the lead-in line "The department:". A sentence that names that subject
("Doe believes that …") says no more than the passage in its place. So a word the sentence
writes capitalised, that no passage has, is present for a passage when

- the passage refers back (a personal pronoun, "he", "its", "their" …, or a demonstrative
  before a noun, "this perspective") and the passage's own paragraph, before it, writes that
  word capitalised (or a place the synonym table makes the same actor: "Beijing" for "China");
  a passage speaking in the first person ("we", "our", "I") is quoted speech, whose speaker the
  paragraph may also name after it ("…,” said Secretary Doe."); or
- the passage opens its line and that line is an item under a lead-in line ending with a colon
  (consecutive list items or lines without a full stop, at most ``LEAD_IN_LINES`` up), and the
  lead-in writes it.

Only capitalised words (names) are resolved, never ordinary words, and only from the passage's
own document, found by its words in order; a passage the document does not contain (or a
sentence without a cited document) gains nothing. What the check still cannot see: a pronoun
resolved to the wrong one of two names in the paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from briefgen.errors import UserError
from briefgen.text import words as w

FIRST_PERSON = frozenset("i me my mine we us our ours".split())
PRONOUNS = frozenset("he she it they him her them his hers its their theirs".split()) | FIRST_PERSON
DEMONSTRATIVES = frozenset("this these those".split())
LEAD_IN_LINES = 8
"""How many item lines up a lead-in line ending with a colon may stand."""

_WORD = re.compile(r"\w[\w’'-]*")
_ITEM = re.compile(r"[•*-]\s|\d{1,2}[.)]\s")


def present(missing: tuple[w.Word, ...], passages: Sequence[str], origins: Sequence[Any]) -> tuple[w.Word, ...]:
    """Return ``missing`` without the capitalised words a passage refers to in its document (see the module doc).

    ``origins[i]`` is passage i's source (with ``text``) or None; the passages are the supporting ones.
    """
    if not any(x.text[:1].isupper() for x in missing):
        return missing
    named: set[str] = set()
    for text, origin in zip(passages, origins, strict=False):
        if origin is not None:
            named |= _referents(text, _document(origin))
    groups = {g for key in named for g in w.synonyms(key)}  # "Beijing" for "China" (data/places.txt)
    return tuple(x for x in missing
                 if not (x.text[:1].isupper() and (x.key in named or not w.synonyms(x.key).isdisjoint(groups))))


@lru_cache(maxsize=1024)
def _referents(passage: str, document: str) -> frozenset[str]:
    """Return the keys of the capitalised words that ``passage`` refers to where ``document`` writes it."""
    tokens = _WORD.findall(passage)
    if not tokens or not document:
        return frozenset()
    match = re.search(r"\W+".join(re.escape(t) for t in tokens), document)
    if match is None:
        return frozenset()
    line_start = document.rfind("\n", 0, match.start()) + 1
    context = ""
    if _refers_back(tokens):
        context = document[line_start:match.start()]
    if any(t in FIRST_PERSON for t in _pronouns(tokens)):  # quoted speech: "…,” said Secretary Doe.
        line_end = document.find("\n", match.end())
        context += " " + document[match.end():line_end if line_end >= 0 else len(document)]
    if not document[line_start:match.start()].strip(" \t•-*0123456789.)"):
        context += "\n" + _lead_in(document, line_start)
    return frozenset(x.key for x in w.words(context) if x.text[:1].isupper()) if context.strip() else frozenset()


def _refers_back(tokens: list[str]) -> bool:
    """True when a pronoun stands in ``tokens``, or a demonstrative before another word."""
    low = _pronouns(tokens)
    return any(t in PRONOUNS or (t in DEMONSTRATIVES and i + 1 < len(low) and low[i + 1] not in DEMONSTRATIVES)
               for i, t in enumerate(low))


def _pronouns(tokens: list[str]) -> list[str]:
    """Return ``tokens`` lower-cased, with an acronym left as written ("US" is not "us")."""
    return [t if t.isupper() and t != "I" else t.lower().replace("’", "'") for t in tokens]


def _lead_in(document: str, line_start: int) -> str:
    """Return the lead-in line (ending with a colon) above the item lines that end just before ``line_start``, or ""."""
    lines = document[:line_start].rstrip("\n").split("\n")
    for line in reversed(lines[-LEAD_IN_LINES:]):
        text = line.strip()
        if not text:
            return ""
        if text.endswith(":"):
            return text
        if text.endswith((".", "?", "!")) and not _ITEM.match(text):
            return ""
    return ""


def _document(origin: Any) -> str:
    try:
        return str(origin.text)
    except (UserError, OSError):
        return ""
