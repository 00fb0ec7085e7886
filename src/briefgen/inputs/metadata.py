"""Drafting a source's metadata entry from what its file states, and marking what was inferred.

Read (kept as fact): an HTML page's own title, site name, canonical URL, language,
published date and byline (its meta tags and <time>); a PDF's or DOCX's title and
language from its properties.

Inferred (listed under ``supplied:`` so the sources list prints it in square brackets
until the analyst confirms it): the CSL ``type`` guessed from the file's format; a title
and a date taken from the head of the text, past any web-page furniture (``masthead``); an author from a PDF's or DOCX's properties
(they name who made the file, not necessarily who wrote the text).

Never used: a file's creation or modification date (it dates a save, not the text),
and a byline that is not a person's name becomes a literal name, never a person
(``names``). Pure apart from reading the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefgen.inputs import masthead, zotero

TYPES = {".html": "webpage", ".htm": "webpage", ".pdf": "report", ".docx": "document", ".txt": "document", ".md": "document"}
"""The CSL type guessed from a document's format (always listed as supplied)."""

ORDER = ("id", "type", "title", "container-title", "author", "issued", "URL", "language", "file", "supplied")
WORTH_STATING = ("title", "author", "issued", "URL", "container-title")
"""Fields a reference needs; those the file does not state are named in the entry's comment."""


@dataclass
class Drafted:
    """A drafted CSL entry and what the file did not state."""

    entry: dict[str, Any]
    missing: list[str] = field(default_factory=list)

    def comment(self, name: str) -> str:
        """One comment line for the entry: where it came from and what to check."""
        text = f"# drafted by `briefgen sources add` from {name}"
        if self.entry.get("supplied"):
            text += f"; inferred, please check: {', '.join(self.entry['supplied'])}"
        if self.missing:
            text += f"; not stated in the file: {', '.join(self.missing)}"
        return text


def draft(path: Path, text: str, file_name: str, used: set[str]) -> Drafted:
    """Return the drafted entry of the document at ``path`` (with ``text``), to be saved as ``file_name``."""
    from briefgen.inputs import readers
    found = readers.metadata(path)
    suffix = path.suffix.lower()
    supplied = ["type"]
    entry: dict[str, Any] = {"type": TYPES.get(suffix, "document")}
    for key in ("title", "container-title", "author", "issued", "URL", "language"):
        if found.get(key):
            entry[key] = _iso(found[key]) if key == "issued" else found[key]
    site = str(entry.get("container-title", ""))
    for sep in (" | ", " - ", " – ", " — "):
        if site and str(entry.get("title", "")).endswith(sep + site):
            entry["title"] = str(entry["title"])[: -len(sep + site)]
    if suffix in (".pdf", ".docx") and entry.get("author"):
        supplied.append("author")
    if not entry.get("title"):
        headline = masthead.title(text)  # a headline is kept whole; a first line of prose is cut short
        first = headline or next((line.strip() for line in text.splitlines() if line.strip()), "")
        if first:
            entry["title"] = first if headline else _opening(first)
            supplied.append("title")
    if not entry.get("issued") and (stated := masthead.date(text)):
        entry["issued"] = stated
        supplied.append("issued")
    entry["file"] = file_name
    named = "" if entry.get("author") else _named(Path(file_name).stem)
    entry["id"] = unique(named or zotero.readable_key(found | {"title": entry.get("title", ""), "issued": entry.get("issued", "")}), used)
    entry["supplied"] = supplied
    ordered = {key: entry[key] for key in ORDER if key in entry}
    return Drafted(ordered, [k for k in WORTH_STATING if k not in entry])


def _opening(line: str, most: int = 150) -> str:
    """A title for a text with no headline, from its first line of prose: the line when it is at most ``most``
    characters long, else its first sentence when that fits, else the line cut at a word before ``most`` with an
    ellipsis. (A paragraph cut mid-sentence reads as a broken title in the sources list.)"""
    if len(line) <= most:
        return line
    from briefgen.text import sentences  # the abbreviation-aware segmenter: "U.S. officials" is no sentence end
    first = next(iter(sentences.pieces(line)), "")
    if 0 < len(first) <= most and len(first.split()) >= 3:
        return first
    return line[: most - 3].rsplit(" ", 1)[0] + "…"


_UNNAMED = frozenset("download downloads document documents doc file files article articles page index untitled new copy scan print "
                     "report text source item export output release press note notes memo draft final version attachment".split())
"""File-name words that name no document: ``download (3).pdf``, ``article.html``, ``untitled.txt``."""


def _named(stem: str) -> str:
    """The file name as a citation key, or "" when it names no document.

    With no author to key by, the analyst’s own file name (``port-2021-05-03``) is a better
    key than a year and a word picked from a title the tool inferred (``2022-commerce``).
    """
    key = zotero.slug(stem)
    words = [w for w in key.split("-") if re.search("[a-z]", w) and w not in _UNNAMED]
    return key if words and len(key) <= 40 else ""


def _iso(date: dict[str, Any]) -> str:
    parts = (date.get("date-parts") or [[]])[0]
    return "-".join(f"{int(p):02d}" for p in parts)


def unique(key: str, used: set[str]) -> str:
    candidate, n = key, 1
    while candidate in used:
        n += 1
        candidate = f"{key}-{n}"
    used.add(candidate)
    return candidate
