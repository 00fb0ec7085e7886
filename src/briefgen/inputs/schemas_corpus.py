"""The schemas of the corpus files: sources (CSL metadata) and the structured summary.

Split from ``schemas.py`` (moves only), which re-exports every model here and declares the
brief spec and house style: see its docstring (field docstrings, deferred builds, ``plangen``).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


def _empty() -> list[Any]:
    """A new empty list: the default of list fields (pydantic reads ``list``'s signature from text, ~1 ms a field)."""
    return []


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=True, frozen=True, defer_build=True)


# ---------------------------------------------------------------- sources


class Name(_Strict):
    """A person (family, given) or an organisation (literal)."""

    family: str = ""
    """The family name (surname)."""
    given: str = ""
    """The given names or initials."""
    literal: str = ""
    """An organisation, or a name that must not be split."""


class DateParts(BaseModel):
    """A CSL-JSON date, as Zotero exports it."""

    model_config = ConfigDict(extra="allow", populate_by_name=True, frozen=True, defer_build=True)
    date_parts: list[list[int | str]] = Field(default_factory=_empty, alias="date-parts")
    """`[[year, month, day]]`; month and day may be left out."""
    raw: str = ""
    """The date as written, when it is not in parts."""


class SourceEntry(BaseModel):
    """One source: CSL fields plus the document `file`. Other CSL variables are kept."""

    model_config = ConfigDict(extra="allow", strict=True, populate_by_name=True, frozen=True, defer_build=True)
    id: str
    """Citation key, used as `[@id]`."""
    type: str = "webpage"
    """CSL item type, e.g. article-newspaper, webpage, report."""
    title: str = ""
    """The title of the article, page or report; taken from the file when left out."""
    container_title: str = Field("", alias="container-title")
    """The newspaper, magazine, journal or website."""
    publisher: str = ""
    """The organisation that published it."""
    author: list[Name] = Field(default_factory=_empty)
    """The authors, as CSL names; taken from the file when left out."""
    issued: str | DateParts | None = None
    """Publication date: ISO `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or CSL date-parts."""
    accessed: str | DateParts | None = None
    """When the URL was read, in the same forms as `issued`."""
    URL: str = ""
    """Where the source is online."""
    language: str = ""
    """The source's language tag, e.g. `en` or `zh`."""
    supplied: list[str] = Field(default_factory=_empty)
    """CSL fields the analyst inferred rather than read in the source; printed in square brackets ("[2025]")."""
    unknown: list[str] = Field(default_factory=_empty)
    """CSL fields the source honestly does not state (URL, container-title, publisher, issued, accessed, author)."""
    reliability: Literal["A", "B", "C", "D", "E", "F"] | None = None
    """Source reliability, Admiralty (NATO AJP-2.1) scale: A completely reliable … E unreliable, F cannot be judged."""
    file: str = ""
    """The document, relative to the metadata file's folder."""
    note: str = ""
    """Free text, for the analyst; never printed."""


# ---------------------------------------------------------------- summary


class Evidence(_Strict):
    """A verbatim passage of a source that supports a claim."""

    source: str
    """The source id."""
    quote: str
    """Verbatim text of the source (whitespace may differ)."""
    start: int | None = None
    """Character offset of the quote in the source's normalised text (written by summarize)."""
    stale: bool = False
    """Set by summarize when the quote is no longer in its source (or the source is gone); cleared when it is again."""


class Accepted(_Strict):
    """A deliberate paraphrase: claim words no quote has, accepted by the analyst, and why."""

    words: list[str] = Field(min_length=1)
    """The claim's words (as written) that the support check should let pass."""
    reason: str = ""
    """Why the paraphrase is faithful; shown in the evidence annex."""


class Claim(_Strict):
    """One statement, in the analyst's words, with its evidence."""

    id: str
    """The claim id, unique in the summary; specs select claims by it."""
    text: str
    """The claim in the analyst's words, shown literally."""
    date: str = ""
    """When the claimed event happened (ISO partial date), for timelines and date filters."""
    status: Literal["curated", "draft", "stale", "rejected"] = "curated"
    """`curated`: checked by the analyst; `draft`: written by summarize; `stale`: no evidence holds any more;
    `rejected`: the analyst turned the draft down (never printed, never drafted again)."""
    pinned: bool = False
    """Summarize never changes a pinned claim."""
    fingerprint: str = ""
    """Set by summarize: a hash of the drafted text, to notice the analyst's edits."""
    accepted: Accepted | None = None
    """A recorded paraphrase acceptance: words the support check lets pass, with the reason."""
    evidence: list[Evidence] = Field(min_length=1)
    """The verbatim quotes that support the claim; at least one."""


class Theme(_Strict):
    """A theme of the corpus, holding its claims."""

    id: str
    """The theme id, unique in the summary; spec sections select themes by it."""
    title: str
    """The theme's name, used as a section heading by `briefgen new`."""
    description: str = ""
    """What the theme covers; summarize scores sentences against it."""
    terms: list[str] = Field(default_factory=_empty)
    """Seed terms that summarize uses to find the theme's sentences."""
    claims: list[Claim] = Field(default_factory=_empty)
    """The theme's claims, in the order briefs show them."""


class SummaryFile(_Strict):
    """A file of the structured summary."""

    themes: list[Theme] = Field(default_factory=_empty)
    """The themes in this file; theme ids are unique across the summary."""
