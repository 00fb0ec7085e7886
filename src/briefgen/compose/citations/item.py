"""The typed CSL item every style formats: a frozen dataclass, built once from CSL-JSON.

Field names follow CSL-JSON (``container-title`` → ``container``, ``publisher-place``
→ ``place``, ``event-title``/``event`` → ``event``); missing fields are "" or (),
never invented. Dates are (year, month, day) prefixes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

LAYOUTS = {"article-newspaper": "periodical", "article-magazine": "periodical",
           "post-weblog": "blog", "article-journal": "journal", "book": "book",
           "report": "report", "speech": "speech", "webpage": "web"}
"""CSL type → the layout family styles format; other types are laid out as web pages."""


@dataclass(frozen=True, slots=True)
class Name:
    """A person (family, given) or an organisation (literal)."""

    family: str = ""
    given: str = ""
    literal: str = ""

    @property
    def is_person(self) -> bool:
        return bool(self.family)


@dataclass(frozen=True, slots=True)
class Item:
    """One CSL item, typed."""

    id: str
    type: str = "webpage"
    title: str = ""
    title_short: str = ""
    container: str = ""
    publisher: str = ""
    place: str = ""
    event: str = ""
    event_place: str = ""
    genre: str = ""
    authors: tuple[Name, ...] = ()
    issued: tuple[int, ...] = ()
    accessed: tuple[int, ...] = ()
    url: str = ""
    doi: str = ""
    volume: str = ""
    issue: str = ""
    page: str = ""
    year_suffix: str = ""
    """"a", "b", … when author-date labels would otherwise collide."""
    supplied: frozenset[str] = frozenset()
    """CSL fields the analyst inferred rather than read in the source (``supplied:``); entries bracket them."""

    @property
    def layout(self) -> str:
        """periodical, blog, journal, book, report, speech or web."""
        return LAYOUTS.get(self.type, "web")

    @property
    def year(self) -> int | None:
        return self.issued[0] if self.issued else None

    @property
    def label_title(self) -> str:
        """The title an in-text citation uses: ``title-short`` only when it begins with the
        title's first word, so a reader finds the entry the label points to (CMOS 18 chapter 13,
        APA 8.14); else the whole title."""
        def first(text: str) -> str:
            words = re.sub(r"<[^>]*>", "", text).casefold().strip("[“‘\"' ").split()
            return words[0] if words else ""
        short = self.title_short
        return short if short and first(short) == first(self.title) else self.title

    def with_suffix(self, suffix: str) -> Item:
        return replace(self, year_suffix=suffix)

    def supplied_text(self, field: str, text: str) -> str:
        """``text`` in square brackets when ``field`` was supplied, not read in the source (CMOS, supplied
        information: "[2025]"); unchanged otherwise, when empty or already bracketed, and "n.d." stays bare."""
        present = bool(self.issued) if field == "issued" else True
        return f"[{text}]" if text and present and field in self.supplied and not text.startswith("[") else text

    def for_entry(self) -> Item:
        """This item as an entry or a note prints it: a supplied title, and its short form, in square brackets."""
        title = self.supplied_text("title", self.title)
        if title == self.title:
            return self
        return replace(self, title=title, title_short=self.supplied_text("title", self.title_short))

    @classmethod
    def from_csl(cls, data: Mapping[str, Any]) -> Item:
        """The item of a CSL-JSON mapping (as sources.yaml or a Zotero export gives it)."""
        def text(key: str) -> str:
            value = data.get(key)
            return "" if value is None else " ".join(str(value).split())

        names = tuple(Name(text_of(a, "family"), text_of(a, "given"), text_of(a, "literal"))
                      for a in data.get("author") or [] if isinstance(a, Mapping))
        return cls(
            id=text("id"), type=text("type") or "webpage", title=text("title"),
            title_short=text("title-short") or text("shortTitle"), container=text("container-title"),
            publisher=text("publisher"), place=text("publisher-place"),
            event=text("event-title") or text("event"), event_place=text("event-place"),
            genre=text("genre"), authors=tuple(n for n in names if n.family or n.literal),
            issued=date_of(data.get("issued")), accessed=date_of(data.get("accessed")),
            url=text("URL"), doi=bare_doi(text("DOI")), volume=text("volume"), issue=text("issue"),
            page=re.sub(r"(?<=\w)\s*-{1,2}\s*(?=\w)", "–", text("page")),
            year_suffix=text("year-suffix"),
            supplied=frozenset(str(f) for f in data.get("supplied") or () if isinstance(f, str)),
        )


def text_of(mapping: Mapping[str, Any], key: str) -> str:
    value = mapping.get(key)
    return "" if value is None else " ".join(str(value).split())


def date_of(value: Any) -> tuple[int, ...]:
    """(year, month, day) prefix of a CSL date, or () when absent or malformed."""
    try:
        parts = tuple(int(p) for p in value["date-parts"][0][:3])
    except (KeyError, IndexError, TypeError, ValueError):
        return ()
    if len(parts) > 1 and not 1 <= parts[1] <= 12:
        return parts[:1]
    return parts


def bare_doi(doi: str) -> str:
    """The DOI as "10.…", without a resolver prefix."""
    return re.sub(r"^(https?://(dx\.)?doi\.org/|doi:\s*)", "", doi, flags=re.I)
