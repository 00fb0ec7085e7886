"""The DOCX walk's state and its inline content: runs, links, footnotes and markers.

Split from ``render.py`` (the blocks). Inline content is written as XML text (``xmltext``) that a
paragraph parses once: text becomes literal runs (as ``oxml.text_run`` makes them),
links ``w:hyperlink`` elements (external through a relationship of the part that holds
them, internal to a bookmark), footnotes real Word footnotes whose own links live.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, assert_never

from docx.document import Document as DocxDocument
from docx.opc.part import Part

from briefgen.errors import Problem, warning
from briefgen.model import Cite, Emph, Footnote, Heading, Inline, Link, Marker, Meta, Strong, Style, Text
from briefgen.renderers.docx import oxml as ox
from briefgen.renderers.docx import xmltext as xt
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
    block_width: int = 0
    """The text width (EMU): a table's in the body."""
    end: Any = None
    """The body's first ``w:sectPr``, before which its paragraphs and tables go (python-docx looks for it each time)."""


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
    """Append ``content`` to ``parent`` (a ``w:p``)."""
    xt.extend(parent, inline_xml(w, content, fmt))


def inline_xml(w: Writer, content: tuple[Inline, ...], fmt: Fmt) -> str:
    """``content`` as the XML text of runs and links (``xmltext``), in order."""
    return "".join([_inline(w, node, fmt) for node in content])


def _inline(w: Writer, node: Inline, fmt: Fmt) -> str:
    """One inline node as XML text."""
    match node:
        case Text():
            return xt.text_run(node.text, fmt.style, fmt.bold, fmt.italic)
        case Strong():
            return inline_xml(w, node.content, replace(fmt, bold=True))
        case Emph():
            return inline_xml(w, node.content, replace(fmt, italic=True))
        case Link():
            return _link(w, node, fmt)
        case Cite():
            keys = "; ".join("@" + key for key in node.keys)
            raise ValueError(f"unresolved citation [{keys}]: transforms must resolve every Cite")
        case Footnote():
            return _footnote(w, node, fmt)
        case Marker():
            return _marker(w, node, fmt)
        case _:
            assert_never(node)


def _link(w: Writer, link: Link, fmt: Fmt) -> str:
    """A hyperlink: external via a relationship of ``fmt.part``, internal to a bookmark."""
    if fmt.linked or not link.url:
        return inline_xml(w, link.content, fmt)
    if link.url.startswith("#") and link.url[1:] not in w.anchors:
        w.warnings.append(warning("docx.link", f"link to unknown anchor {link.url!r}"))
    start = xt.hyperlink(fmt.part, link.url)
    return start + inline_xml(w, link.content, replace(fmt, style=w.ids["Hyperlink"], linked=True)) + "</w:hyperlink>"


def _footnote(w: Writer, note: Footnote, fmt: Fmt) -> str:
    """A reference to a real footnote holding the note's content (its links live)."""
    if fmt.part is not w.doc.part:
        raise ValueError(f"footnote {note.label!r} inside a footnote")
    reference, paragraph = w.notes.add(note.label)
    inlines(w, paragraph, note.content, Fmt(w.notes.part))
    return xt.markup(reference)


def _marker(w: Writer, marker: Marker, fmt: Fmt) -> str:
    """A marker linked to its entry; a marker without a target is a build error."""
    if marker.anchor not in w.anchors:
        raise ValueError(f"dangling marker {marker.label!r}: no heading or entry has "
                         f"anchor {marker.anchor!r}")
    style = w.ids["endnote reference"] if marker.superscript else ""
    r = xt.run(xt.preserved(marker.label), style=style)
    if fmt.linked:
        return r
    return xt.hyperlink(fmt.part, "#" + marker.anchor) + r + "</w:hyperlink>"
