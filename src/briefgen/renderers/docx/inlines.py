"""The DOCX walk's state and its inline content: runs, links, footnotes and markers.

Split from ``render.py`` (the blocks). Text becomes literal runs (``oxml.text_run``),
links ``w:hyperlink`` elements (external through a relationship of the part that holds
them, internal to a bookmark), footnotes real Word footnotes whose own links live.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import assert_never

from docx.document import Document as DocxDocument
from docx.opc.part import Part

from briefgen.errors import Problem, warning
from briefgen.model import Cite, Emph, Footnote, Heading, Inline, Link, Marker, Meta, Strong, Style, Text
from briefgen.renderers.docx import oxml as ox
from briefgen.renderers.docx.footnotes import Footnotes


@dataclass
class Writer:
    """What the walk needs: the Word document, its notes and the model's anchors."""

    doc: DocxDocument
    notes: Footnotes
    headings: tuple[Heading, ...]
    anchors: frozenset[str]
    ids: dict[str, str]
    """Style ids of the character styles named in runs (docx_styles.RUN_STYLES)."""
    warnings: list[Problem] = field(default_factory=list)
    bookmarks: set[str] = field(default_factory=set)
    meta: Meta = field(default_factory=lambda: Meta(""))
    accent: str = "#1F3A5F"
    """The house accent colour (figures)."""
    style: Style = field(default_factory=Style)
    """The house style (drawn figures)."""
    pages: dict[str, int] | None = None
    """Page of each heading anchor for the contents, or None to print no page numbers."""
    list_number: int = 0
    """The List Number style's ``w:num`` id, which each numbered list restarts."""


@dataclass(frozen=True, slots=True)
class Fmt:
    """How inline runs are drawn: bold/italic, character style, and the part owning links."""

    part: Part
    bold: bool = False
    italic: bool = False
    style: str = ""
    linked: bool = False
    """Inside a ``w:hyperlink``: nested links and markers become plain runs."""


def inlines(w: Writer, parent: ox.Xml, content: tuple[Inline, ...], fmt: Fmt) -> None:
    """Append ``content`` to ``parent`` (a ``w:p`` or ``w:hyperlink``)."""
    for node in content:
        _inline(w, parent, node, fmt)


def _inline(w: Writer, parent: ox.Xml, node: Inline, fmt: Fmt) -> None:
    """Append one inline node to ``parent``."""
    match node:
        case Text():
            parent.append(ox.text_run(node.text, fmt.style, fmt.bold, fmt.italic))
        case Strong():
            inlines(w, parent, node.content, replace(fmt, bold=True))
        case Emph():
            inlines(w, parent, node.content, replace(fmt, italic=True))
        case Link():
            _link(w, parent, node, fmt)
        case Cite():
            keys = "; ".join("@" + key for key in node.keys)
            raise ValueError(f"unresolved citation [{keys}]: transforms must resolve every Cite")
        case Footnote():
            _footnote(w, parent, node, fmt)
        case Marker():
            _marker(w, parent, node, fmt)
        case _:
            assert_never(node)


def _link(w: Writer, parent: ox.Xml, link: Link, fmt: Fmt) -> None:
    """Append a hyperlink: external via a relationship of ``fmt.part``, internal to a bookmark."""
    if fmt.linked or not link.url:
        inlines(w, parent, link.content, fmt)
        return
    if link.url.startswith("#") and link.url[1:] not in w.anchors:
        w.warnings.append(warning("docx.link", f"link to unknown anchor {link.url!r}"))
    element = ox.hyperlink(fmt.part, link.url)
    inlines(w, element, link.content, replace(fmt, style=w.ids["Hyperlink"], linked=True))
    parent.append(element)


def _footnote(w: Writer, parent: ox.Xml, note: Footnote, fmt: Fmt) -> None:
    """Append a reference to a real footnote holding the note's content (its links live)."""
    if fmt.part is not w.doc.part:
        raise ValueError(f"footnote {note.label!r} inside a footnote")
    reference, paragraph = w.notes.add(note.label)
    inlines(w, paragraph, note.content, Fmt(w.notes.part))
    parent.append(reference)


def _marker(w: Writer, parent: ox.Xml, marker: Marker, fmt: Fmt) -> None:
    """Append a marker linked to its entry; a marker without a target is a build error."""
    if marker.anchor not in w.anchors:
        raise ValueError(f"dangling marker {marker.label!r}: no heading or entry has "
                         f"anchor {marker.anchor!r}")
    style = w.ids["endnote reference"] if marker.superscript else ""
    r = ox.run(ox.text(marker.label), style=style)
    if fmt.linked:
        parent.append(r)
        return
    link = ox.hyperlink(fmt.part, "#" + marker.anchor)
    link.append(r)
    parent.append(link)
