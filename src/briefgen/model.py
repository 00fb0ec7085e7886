"""The document model: one closed, typed, format-neutral tree.

Compose builds it, transforms resolve its citations, and every renderer draws
it. Nothing here knows about files, YAML or any output library: this module
imports only the standard library and its leaf sibling ``style`` (the house style,
``Style``, re-exported here).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal, get_args

from briefgen.style import Style

# ---------------------------------------------------------------- inline nodes


@dataclass(frozen=True, slots=True)
class Text:
    """Plain text, shown literally by every renderer (never parsed as markup)."""

    text: str


@dataclass(frozen=True, slots=True)
class Strong:
    """Bold text."""

    content: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Emph:
    """Italic text."""

    content: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Link:
    """A hyperlink. ``url`` is external (``https://…``) or internal (``#anchor``)."""

    url: str
    content: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Cite:
    """An unresolved citation of one or more sources, as written (``[@a; @b]``).

    Transforms replace every Cite by a Footnote or a Marker before rendering.
    """

    keys: tuple[str, ...]
    cited: tuple[object, ...] = field(default=(), compare=False)
    """The parsed items (``inputs.citation_syntax.Cited``: prefix, locator, suffix), one per key."""
    in_text: bool = False
    """Written ``@key``: the author is part of the sentence."""


@dataclass(frozen=True, slots=True)
class Footnote:
    """A note shown at the foot of the page that holds its marker."""

    label: str
    """The marker, e.g. ``"3"``."""
    content: tuple[Inline, ...]
    """The note's text."""


@dataclass(frozen=True, slots=True)
class Marker:
    """A citation marker linking to an anchored Entry (endnote or reference)."""

    label: str
    """What the reader sees: ``"3"``, ``"[3]"`` or ``"(Reuters 2023)"``."""
    anchor: str
    """The anchor of the Entry it points to."""
    superscript: bool
    """True for note numbers, False for in-text citations."""


Inline = Text | Strong | Emph | Link | Cite | Footnote | Marker
INLINE_TYPES: tuple[type, ...] = (Text, Strong, Emph, Link, Cite, Footnote, Marker)

# ---------------------------------------------------------------- block nodes


@dataclass(frozen=True, slots=True)
class Heading:
    """A section heading; level 1 is the top level inside the body."""

    level: int
    content: tuple[Inline, ...]
    anchor: str
    """A unique bookmark name, used by the outline, the TOC and links."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of body text."""

    content: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class BulletList:
    """A list whose items are runs of inline content."""

    items: tuple[tuple[Inline, ...], ...]
    ordered: bool = False


@dataclass(frozen=True, slots=True)
class Quote:
    """A block quotation."""

    content: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Table:
    """A table with one header row; each cell is a run of inline content."""

    header: tuple[tuple[Inline, ...], ...]
    rows: tuple[tuple[tuple[Inline, ...], ...], ...]
    caption: str = ""
    widths: tuple[float, ...] = ()
    """Relative column widths (any scale); empty means equal widths."""


@dataclass(frozen=True, slots=True)
class Callout:
    """A boxed panel, such as the key points up front."""

    title: str
    content: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Entry:
    """One anchored entry of a NoteList: an endnote or a reference."""

    anchor: str
    label: str
    """Shown before the text (``"3."``, ``"[3]"``); empty for author-date lists."""
    content: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class NoteList:
    """Endnotes or a reference list / bibliography: anchored entries in order."""

    entries: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class TableOfContents:
    """A table of contents of the headings up to ``depth``, with page numbers."""

    depth: int = 2


@dataclass(frozen=True, slots=True)
class Figure:
    """A chart drawn natively; ``kind`` names one of the FIGURE_KINDS."""

    kind: str
    caption: str
    """Numbered by transforms (``Figure 2. …``, in the brief's language); shown above the figure."""
    data: Table
    """The figure's data; formats that cannot draw the chart show this table."""
    anchor: str = ""
    """A link target (``fig-2``), so that text can refer to the figure."""
    lead: tuple[Inline, ...] = ()
    """The sentence that refers the reader to the figure ("Figure 1 counts…"), printed just
    before its caption and kept on the same page."""
    sources: tuple[str, ...] = ()
    """The source ids the data's rows are about, in order (coverage): transforms label each
    row as the brief's citations name that source, so the reader finds it in the references."""


FigureKind = Literal["coverage", "timeline"]
"""The figures a brief can draw: the one declaration (specs' ``figures:`` are checked against it)."""
FIGURE_KINDS: tuple[str, ...] = get_args(FigureKind)

Block = Heading | Paragraph | BulletList | Quote | Table | Callout | NoteList | TableOfContents | Figure
BLOCK_TYPES: tuple[type, ...] = (
    Heading, Paragraph, BulletList, Quote, Table, Callout, NoteList, TableOfContents, Figure,
)

# ---------------------------------------------------------------- document


@dataclass(frozen=True, slots=True)
class Meta:
    """Everything about the brief that is not its body."""

    title: str
    subtitle: str = ""
    author: tuple[str, ...] = ()
    date: str = ""
    """Shown as written; ISO dates are formatted per language by compose."""
    issued: dt.date | None = None
    """The brief's date as a calendar day (document properties), when it is a full date."""
    lang: str = "en-GB"
    audience: str = ""
    marking: str = ""
    """A TLP 2.0 marking such as ``TLP:GREEN``, or empty."""
    subject: str = ""
    keywords: tuple[str, ...] = ()
    draft: bool = False
    """Draw a DRAFT watermark."""
    labels: tuple[tuple[str, str], ...] = ()
    """Every fixed word the renderers print, in the brief's language (compose fills it in)."""

    def label(self, key: str, **fill: object) -> str:
        """Return the label ``key`` in the brief's language, its ``{fields}`` filled in."""
        text = dict(self.labels).get(key) or FURNITURE[key]
        return text.format(**fill) if fill else text

    def byline(self) -> str:
        """The title block's line under the subtitle: audience · date · authors."""
        return " · ".join(p for p in (self.audience, self.date, ", ".join(self.author)) if p)


FURNITURE = {"contents": "Contents", "page_of": "Page {page} of {pages}", "figure": "Figure {n}",
             "table": "Table {n}"}
"""English labels for a document built by hand, without compose's localised labels."""


@dataclass(frozen=True, slots=True)
class Document:
    """A whole brief: metadata, house style and body."""

    meta: Meta
    body: tuple[Block, ...]
    style: Style = field(default_factory=Style)


def plain_text(content: tuple[Inline, ...]) -> str:
    """Return the text a reader sees in ``content``, without formatting."""
    parts: list[str] = []
    for node in content:
        if isinstance(node, Text):
            parts.append(node.text)
        elif isinstance(node, (Strong, Emph, Link)):
            parts.append(plain_text(node.content))
        elif isinstance(node, (Footnote, Marker)):
            parts.append(node.label)
        elif isinstance(node, Cite):
            parts.append("[" + "; ".join("@" + k for k in node.keys) + "]")
    return "".join(parts)


_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def printable_text(text: str) -> str:
    """Return ``text`` without the control characters no document format can hold.

    The one cleaner: transforms apply it to every string of the document, and the
    renderers to whatever they are handed directly. Tabs and line breaks stay.
    """
    if text.isprintable():  # no character the pattern removes is printable: most text, checked without the pattern
        return text
    return _UNPRINTABLE.sub("", text)


def heading_text(content: tuple[Inline, ...]) -> str:
    """Return a heading's text for outlines and contents: no note or citation markers."""
    return plain_text(tuple(n for n in content if not isinstance(n, (Footnote, Marker, Cite)))).strip()
