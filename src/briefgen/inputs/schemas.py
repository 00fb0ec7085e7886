"""The declarative schemas of the input files, and the only module that declares pydantic models.

Every field has a docstring. ``validation.describe`` makes them the field
descriptions (as pydantic's ``use_attribute_docstrings`` would, but only when asked:
reading the source costs a cold ``build``), for the JSON Schema (``briefgen schema``),
the README's reference tables and the comments of ``briefgen new``
(``inputs/reference.py``): one declaration per key. Names are the YAML keys: one
word for one thing.

The house style is declared once, as ``model.Style``; ``HouseStyle`` is derived from it.

Models are built on first use (``defer_build``): a nested model (``Claim``, ``Section``…)
then gets no validator of its own, only its place in the file model that holds it.

A valid file is checked without pydantic (``checked``, reading ``plan``, which
``python -m briefgen.inputs.plangen`` writes from these models: **run it after changing
a model**; tests/test_checked.py fails until you do). The loaders hand on ``records``.
"""

from __future__ import annotations

from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from briefgen.inputs.validation import derive_model, json_schema, validate
from briefgen.model import FigureKind, Style

__all__ = ["validate", "json_schema", "Spec", "SummaryFile", "SourceEntry", "HouseStyle"]

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


# ---------------------------------------------------------------- brief specs


CitationStyle = Literal["chicago-notes", "chicago-author-date", "apa", "ieee"]
Placement = Literal["footnotes", "endnotes", "author-date"]
STYLES: tuple[str, ...] = get_args(CitationStyle)
PLACEMENTS: tuple[str, ...] = get_args(Placement)


class Citations(_Strict):
    """How the brief cites its sources."""

    style: str = "chicago-notes"
    """The citation style: `chicago-notes` (CMOS 18 notes-bibliography), `chicago-author-date`, `apa` (APA 7), `ieee`, or another registered one."""
    placement: Placement | None = None
    """Where citations go: `footnotes`, `endnotes` or `author-date` (in the text); default: the style's own, and each style has only its own."""


class Section(_Strict):
    """A section of the brief: the analyst's text, then the claims it selects."""

    heading: str
    """The section heading."""
    text: str = ""
    """Your own Markdown, shown before the claims; may cite `[@source-id]`."""
    themes: list[str] = Field(default_factory=_empty)
    """Theme ids whose claims the section shows, in summary order."""
    claims: list[str] = Field(default_factory=_empty)
    """Claim ids to show, in this order (after the themes' claims)."""
    limit: int | None = Field(None, ge=1)
    """At most this many claims."""
    quotes: bool = False
    """Show each claim's first evidence quote as a block quote."""
    drafts: bool = False
    """Also show claims that `briefgen summarize` drafted and nobody has curated yet (`status: draft`)."""
    min_sources: int = Field(1, ge=1)
    """Only claims supported by at least this many sources (corroboration)."""
    include_sources: list[str] = Field(default_factory=_empty)
    """Only evidence from these source ids."""
    exclude_sources: list[str] = Field(default_factory=_empty)
    """Never evidence from these source ids."""
    since: str = ""
    """Only claims dated on or after this ISO date (a claim's `date`, else its sources' dates)."""
    until: str = ""
    """Only claims dated on or before this ISO date."""


class Option(_Strict):
    """A course of action the analytic template weighs: what it is, what it brings, what it costs, what could go wrong."""

    title: str = Field(min_length=1)
    """The option in a few words, as its heading ("Seek observer status")."""
    text: str = ""
    """What the option involves (Markdown; may cite `[@source-id]`)."""
    benefits: str = Field(min_length=1)
    """What the option gains (Markdown)."""
    costs: str = Field(min_length=1)
    """What it takes: money, people, political capital, time (Markdown)."""
    risks: str = Field(min_length=1)
    """What could go wrong, and how likely (Markdown)."""


class Confidence(_Strict):
    """How far the brief's judgement can be relied on, and why."""

    level: Literal["high", "moderate", "low"]
    """`high`, `moderate` or `low`: the analyst's confidence in the bottom line."""
    basis: str = ""
    """Why: how many sources, how independent and reliable, where they disagree, what would change the judgement (Markdown)."""


Format = Literal["docx", "pdf", "pdfua"]
DEFAULT_FORMATS: tuple[Format, ...] = ("docx", "pdf")


class Spec(_Strict):
    """A brief spec: one per audience and question."""

    title: str
    """The brief's title."""
    subtitle: str = ""
    """Shown under the title; also the PDF and DOCX subject."""
    author: str | list[str] = Field(default_factory=_empty)
    """Author(s), shown in the title block and the metadata."""
    date: str = ""
    """ISO date (`"2026-11-20"`, quoted), shown as "20 November 2026"; defaults to SOURCE_DATE_EPOCH's date, else left out."""
    lang: str = "en-GB"
    """Language tag of the documents; `en-US` also writes dates as "November 20, 2026"."""
    audience: str = ""
    """Who the brief is for; shown in the title block."""
    marking: Literal["TLP:CLEAR", "TLP:GREEN", "TLP:AMBER", "TLP:AMBER+STRICT", "TLP:RED"] | None = None
    """The TLP 2.0 marking, shown in its colours in the header and footer of every page, and stored in the metadata."""
    marking_in_filename: bool = False
    """Add the marking to the file names (`brief.tlp-amber.pdf`)."""
    draft: bool = False
    """Add a DRAFT watermark to every page."""
    keywords: list[str] = Field(default_factory=_empty)
    """Document keywords; when empty, the titles of the themes used."""
    formats: list[Format] = Field(default_factory=lambda: list(DEFAULT_FORMATS), min_length=1)
    """The files to write; `pdfua` is a tagged PDF/A-2b + PDF/UA-1 made from the DOCX by LibreOffice, if installed."""
    citations: Citations = Field(default_factory=Citations)
    """How the brief cites its sources: `style` and `placement`."""
    style: str = "default"
    """A house style: `templates/styles/<style>.yaml`."""
    page_size: Literal["A4", "Letter"] | None = None
    """Overrides the house style's page size."""
    max_pages: int | None = Field(None, ge=1)
    """Warn when a file is longer; `briefgen build --strict` fails instead."""
    toc: bool = False
    """Add a table of contents with page numbers."""
    annex: bool = False
    """Add the evidence annex: each cited claim with its verbatim quotes."""
    figures: list[FigureKind] = Field(default_factory=_empty)
    """Charts to add: `coverage` shows which sources support each theme, `timeline` the dated claims."""
    template: str = "brief.md.j2"
    """The Jinja2 template that words and orders the brief."""
    bottom_line: str = ""
    """The one-paragraph answer up front, in a box (Markdown)."""
    key_points: list[str] = Field(default_factory=_empty)
    """The key points box: one Markdown bullet per item."""
    sections: list[Section] = Field(default_factory=_empty)
    """The body: one entry per section (see the section keys)."""
    recommendations: list[str] = Field(default_factory=_empty)
    """A numbered list of recommendations (Markdown)."""
    issue: str = ""
    """The question the brief answers, in a sentence or two (Markdown); the analytic template opens with it."""
    implications: list[str] = Field(default_factory=_empty)
    """What the situation means for the reader: one Markdown bullet per item (analytic template)."""
    options: list[Option] = Field(default_factory=_empty)
    """The courses of action, each with its benefits, costs and risks (analytic template; at least two)."""
    confidence: Confidence | None = None
    """The confidence statement: a level and its basis (analytic template)."""


# ---------------------------------------------------------------- house styles

HouseStyle: type[BaseModel] = derive_model(Style, "HouseStyle", _Strict, "A house style: templates/styles/<name>.yaml. Every key is optional.")
"""A house style file: every field of `model.Style` but its name (derived, so declared once)."""

