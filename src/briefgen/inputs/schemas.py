"""The declarative schemas of the input files; with ``schemas_corpus`` (sources, summary), the only modules that declare pydantic models.

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

from typing import Literal, get_args

from pydantic import BaseModel, Field

from briefgen.inputs.schemas_corpus import (  # the sources' and summary's models, declared there
    Accepted,
    Claim,
    DateParts,
    Evidence,
    Name,
    SourceEntry,
    SummaryFile,
    Theme,
    _empty,
    _Strict,
)
from briefgen.inputs.validation import derive_model, json_schema, validate
from briefgen.model import FigureKind, Style

__all__ = ["validate", "json_schema", "Spec", "SummaryFile", "SourceEntry", "HouseStyle", "Accepted", "Claim", "DateParts",
           "Evidence", "Name", "Theme"]

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

