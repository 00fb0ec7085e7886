"""The declarative schemas of the three input files, and the only module that uses pydantic.

Field docstrings double as the reference for users (``briefgen schema`` puts
them into the JSON Schemas). Names are the YAML keys: one word for one thing.
"""

from __future__ import annotations

from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic_core import ErrorDetails

from briefgen.errors import Problem, UserError, did_you_mean
from briefgen.inputs.yamlio import Loaded

MARKINGS = ("TLP:CLEAR", "TLP:GREEN", "TLP:AMBER", "TLP:AMBER+STRICT", "TLP:RED")
PLACEMENTS = ("footnotes", "endnotes", "author-date")
CSL_TYPES = ("article-newspaper", "article-magazine", "webpage", "post-weblog", "report",
             "article-journal", "book", "speech", "article", "chapter", "document", "interview",
             "legislation", "manuscript", "broadcast", "post", "dataset", "thesis", "paper-conference")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=True, frozen=True)


# ---------------------------------------------------------------- sources


class Name(_Strict):
    """A person (family, given) or an organisation (literal)."""

    family: str = ""
    given: str = ""
    literal: str = ""


class DateParts(BaseModel):
    """A CSL-JSON date, as Zotero exports it."""

    model_config = ConfigDict(extra="allow", populate_by_name=True, frozen=True)
    date_parts: list[list[int | str]] = Field(default_factory=list, alias="date-parts")
    raw: str = ""


class SourceEntry(BaseModel):
    """One source: CSL fields plus the document ``file``. Other CSL variables are kept."""

    model_config = ConfigDict(extra="allow", strict=True, populate_by_name=True, frozen=True)
    id: str
    """Citation key, used as ``[@id]``."""
    type: str = "webpage"
    """CSL item type, e.g. article-newspaper, webpage, report."""
    title: str = ""
    container_title: str = Field("", alias="container-title")
    """The newspaper, magazine, journal or website."""
    publisher: str = ""
    author: list[Name] = Field(default_factory=list)
    issued: str | DateParts | None = None
    """Publication date: ISO ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, or CSL date-parts."""
    accessed: str | DateParts | None = None
    URL: str = ""
    language: str = ""
    file: str = ""
    """The document, relative to the metadata file's folder."""
    note: str = ""


# ---------------------------------------------------------------- summary


class Evidence(_Strict):
    """A verbatim passage of a source that supports a claim."""

    source: str
    """The source id."""
    quote: str
    """Verbatim text of the source (whitespace may differ)."""
    start: int | None = None
    """Character offset of the quote in the source's normalised text (written by summarize)."""


class Claim(_Strict):
    """One statement, in the analyst's words, with its evidence."""

    id: str
    text: str
    date: str = ""
    """When the claimed event happened (ISO partial date), for timelines and date filters."""
    status: Literal["curated", "draft", "stale"] = "curated"
    """curated: checked by the analyst; draft: written by summarize; stale: its source changed."""
    pinned: bool = False
    """Summarize never changes a pinned claim."""
    fingerprint: str = ""
    """Set by summarize: a hash of the drafted text, to notice the analyst's edits."""
    evidence: list[Evidence] = Field(min_length=1)


class Theme(_Strict):
    """A theme of the corpus, holding its claims."""

    id: str
    title: str
    description: str = ""
    terms: list[str] = Field(default_factory=list)
    """Seed terms that summarize uses to find the theme's sentences."""
    claims: list[Claim] = Field(default_factory=list)


class SummaryFile(_Strict):
    """A file of the structured summary."""

    themes: list[Theme] = Field(default_factory=list)


# ---------------------------------------------------------------- brief specs


class Citations(_Strict):
    """How the brief cites its sources."""

    style: str = "chicago-notes"
    """chicago-notes (CMOS 18 notes-bibliography), chicago-author-date, apa (APA 7) or ieee: a
    style in the registry (compose/citations/registry.py)."""
    placement: Literal["footnotes", "endnotes", "author-date"] | None = None
    """footnotes, endnotes or author-date (in the text); default: the style's own. Each style
    has only its own: chicago-notes footnotes or endnotes, chicago-author-date and apa
    author-date, ieee [n] in every placement."""


class Section(_Strict):
    """A section of the brief: the analyst's text, then the claims it selects."""

    heading: str
    text: str = ""
    """The analyst's own Markdown, shown before the claims; may cite ``[@source-id]``."""
    themes: list[str] = Field(default_factory=list)
    """Theme ids whose claims the section shows, in summary order."""
    claims: list[str] = Field(default_factory=list)
    """Claim ids to show, in this order (after the themes' claims)."""
    limit: int | None = Field(None, ge=1)
    """At most this many claims."""
    quotes: bool = False
    """Show each claim's first evidence quote as a block quote."""
    drafts: bool = False
    """Also show claims that summarize drafted and nobody has curated yet."""
    min_sources: int = Field(1, ge=1)
    """Only claims supported by at least this many sources (corroboration)."""
    include_sources: list[str] = Field(default_factory=list)
    """Only evidence from these sources."""
    exclude_sources: list[str] = Field(default_factory=list)
    """Never evidence from these sources."""
    since: str = ""
    """Only claims dated on or after this ISO date."""
    until: str = ""
    """Only claims dated on or before this ISO date."""


Format = Literal["docx", "pdf", "pdfua"]
DEFAULT_FORMATS: tuple[Format, ...] = ("docx", "pdf")


class Spec(_Strict):
    """A brief spec: one per audience and question."""

    title: str
    subtitle: str = ""
    author: str | list[str] = Field(default_factory=list)
    date: str = ""
    """ISO date shown on the brief; defaults to SOURCE_DATE_EPOCH's date, else left out."""
    lang: str = "en-GB"
    audience: str = ""
    marking: Literal["TLP:CLEAR", "TLP:GREEN", "TLP:AMBER", "TLP:AMBER+STRICT", "TLP:RED"] | None = None
    """The TLP 2.0 marking, shown on every page and in the metadata."""
    marking_in_filename: bool = False
    draft: bool = False
    """Add a DRAFT watermark."""
    keywords: list[str] = Field(default_factory=list)
    formats: list[Format] = Field(default_factory=lambda: list(DEFAULT_FORMATS), min_length=1)
    """docx, pdf, and pdfua: a tagged PDF/A-2b + PDF/UA-1 made from the DOCX by LibreOffice."""
    citations: Citations = Field(default_factory=Citations)
    style: str = "default"
    """A house style: templates/styles/<style>.yaml."""
    page_size: Literal["A4", "Letter"] | None = None
    """Overrides the house style's page size."""
    max_pages: int | None = Field(None, ge=1)
    """Warn (fail with --strict) when a file is longer."""
    toc: bool = False
    annex: bool = False
    """Add the evidence annex: each cited claim with its verbatim quotes."""
    figures: list[Literal["coverage", "timeline"]] = Field(default_factory=list)
    template: str = "brief.md.j2"
    bottom_line: str = ""
    """Markdown: the one-paragraph answer up front."""
    key_points: list[str] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    recommendations: list[str] = Field(default_factory=list)


class HouseStyle(_Strict):
    """A house style: templates/styles/<name>.yaml. Every key is optional."""

    page_size: Literal["A4", "Letter"] = "A4"
    margins_mm: list[float | int] = Field(default_factory=lambda: [22.0, 20.0, 22.0, 20.0], min_length=4, max_length=4)
    """Top, right, bottom, left, in millimetres."""
    body_font: Literal["serif", "sans"] = "serif"
    heading_font: Literal["serif", "sans"] = "sans"
    body_size: float | int = Field(10.5, ge=6, le=16)
    heading_sizes: list[float | int] = Field(default_factory=lambda: [14.0, 12.0, 11.0], min_length=3, max_length=3)
    title_size: float | int = Field(22, ge=10, le=40)
    accent: str = Field("#1F3A5F", pattern=r"^#[0-9A-Fa-f]{6}$")
    muted: str = Field("#5A6270", pattern=r"^#[0-9A-Fa-f]{6}$")
    callout_fill: str = Field("#EEF2F7", pattern=r"^#[0-9A-Fa-f]{6}$")
    header_text: str = ""
    footer_text: str = ""
    logo: str = ""
    """A PNG file, relative to the style file."""
    reference_docx: str = ""
    """A .docx whose styles the DOCX uses, relative to the style file."""


M = TypeVar("M", bound=BaseModel)


def validate(model: type[M], loaded: Loaded, data: Any = None, prefix: tuple = ()) -> M:
    """Return ``model`` built from ``loaded`` (or ``data`` at ``prefix``), or raise every problem at once."""
    try:
        return model.model_validate(loaded.data if data is None else data)
    except ValidationError as exc:
        problems = [_problem(loaded, prefix + tuple(e["loc"]), e, model) for e in exc.errors()]
        raise UserError(sorted(_dedupe(problems), key=lambda p: (p.line, p.col))) from None


def json_schema(model: type[BaseModel]) -> dict[str, Any]:
    """Return the JSON Schema of ``model``, with field docstrings as descriptions."""
    return model.model_json_schema(by_alias=True)


_TYPES = {str: "a string", bool: "true or false", int: "a whole number", float: "a number",
          list: "a list", dict: "a mapping", type(None): "nothing (null)"}


def _found(value: Any) -> str:
    kind = _TYPES.get(type(value), type(value).__name__)
    return kind if isinstance(value, (list, dict)) or value is None else f"{kind} {value!r}"


def _problem(loaded: Loaded, loc: tuple, error: ErrorDetails, model: type[BaseModel]) -> Problem:
    """Translate one pydantic error into our message shape."""
    kind, value = error["type"], error.get("input")
    path = tuple(p for p in loc if not (isinstance(p, str) and ("[" in p or p in ("str", "list[str]", "DateParts"))))
    if kind == "extra_forbidden":
        known = _known_keys(model, path[:-1])
        return loaded.problem(path, f"unknown key {path[-1]!r}", did_you_mean(str(path[-1]), known)
                              or "known keys: " + ", ".join(known), key=True)
    if kind == "missing":
        return loaded.problem(path[:-1], f"expected the key {path[-1]!r}, found nothing", "add it")
    if kind in ("literal_error", "enum"):
        choices = error.get("ctx", {}).get("expected", "")
        options = [c.strip(" '") for c in str(choices).replace(" or ", ",").split(",")]
        return loaded.problem(path, f"expected one of {choices}, found {_found(value)}",
                              did_you_mean(str(value), options))
    expected = {"string_type": "a string", "bool_type": "true or false", "int_type": "a whole number",
                "list_type": "a list", "model_type": "a mapping", "dict_type": "a mapping",
                "model_attributes_type": "a mapping"}.get(kind)
    if expected:
        hint = "put it in quotes" if expected == "a string" and isinstance(value, (int, float, bool)) else ""
        return loaded.problem(path, f"expected {expected}, found {_found(value)}", hint)
    bounds = {"greater_than_equal": "ge", "less_than_equal": "le", "too_short": "min_length"}
    if kind in bounds:
        ctx = error.get("ctx", {})
        limit = {"greater_than_equal": f"a number of at least {ctx.get('ge')}",
                 "less_than_equal": f"a number of at most {ctx.get('le')}",
                 "too_short": f"at least {ctx.get('min_length')} item(s)"}[kind]
        return loaded.problem(path, f"expected {limit}, found {_found(value)}")
    return loaded.problem(path, f"{error['msg'][0].lower()}{error['msg'][1:]}, found {_found(value)}")


def _known_keys(model: type[BaseModel], path: tuple) -> list[str]:
    """Return the keys the model accepts at ``path`` (for "did you mean")."""
    current: Any = model
    for part in path:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part) if hasattr(current, "model_fields") else None
        if field is None:
            return []
        current = _inner_model(field.annotation)
    if not hasattr(current, "model_fields"):
        return []
    return [f.alias or n for n, f in current.model_fields.items()]


def _inner_model(annotation: Any) -> Any:
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None


def _dedupe(problems: list[Problem]) -> list[Problem]:
    unique: dict[str, Problem] = {}
    for problem in problems:
        unique.setdefault(str(problem), problem)
    return list(unique.values())
