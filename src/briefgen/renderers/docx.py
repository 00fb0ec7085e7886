"""The DOCX renderer: the document model drawn as an editable Word document.

Every look lives in a named style (Title, Heading 1-3, Quote, List Bullet, Caption,
footnote text, Brief Table…), so colleagues restyle the brief in Word or LibreOffice
instead of fighting direct formatting. What python-docx cannot write (footnotes,
links, bookmarks, fields, a stable zip) comes from ``docx_oxml``.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any, assert_never

import docx
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.opc.part import Part
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm
from docx.table import _Cell
from docx.text.font import Font

from briefgen.model import (
    Block, BulletList, Callout, Cite, Document, Emph, Figure, Footnote, Heading, Inline, Link,
    Marker, Meta, NoteList, Paragraph, Quote, Strong, Style, Table, TableOfContents, Text,
    plain_text,
)
from briefgen.renderers import Rendered
from briefgen.renderers import docx_oxml as ox

NAME = "docx"
SUFFIX = ".docx"
HANDLED_BLOCKS = (Heading, Paragraph, BulletList, Quote, Table, Callout, NoteList, TableOfContents, Figure)
HANDLED_INLINES = (Text, Strong, Emph, Link, Cite, Footnote, Marker)

# Logical fonts -> (Latin, East Asian) font names. Cambria and Calibri ship with Word on
# Windows and macOS, and LibreOffice swaps in the metric-compatible Caladea and Carlito, so
# lines and pages break alike; SimSun and Microsoft YaHei are Word's stock Chinese faces.
FONTS = {"serif": ("Cambria", "SimSun"), "sans": ("Calibri", "Microsoft YaHei")}
PAGE_SIZES_MM = {"A4": (210.0, 297.0), "LETTER": (215.9, 279.4)}
# TLP 2.0 label colours, shown on black (FIRST TLP standard).
TLP_COLOURS = {"TLP:RED": "FF2B2B", "TLP:AMBER": "FFC000", "TLP:AMBER+STRICT": "FFC000",
               "TLP:GREEN": "33FF00", "TLP:CLEAR": "FFFFFF", "TLP:WHITE": "FFFFFF"}
RIGHT, CENTER, DOTS = WD_TAB_ALIGNMENT.RIGHT, WD_TAB_ALIGNMENT.CENTER, WD_TAB_LEADER.DOTS
Box = DocxDocument | _Cell
"""Where blocks go: the body, or the cell of a callout box."""


@dataclass
class _Writer:
    """What the walk needs: the Word document, its notes and the model's anchors."""

    doc: DocxDocument
    notes: ox.Footnotes
    headings: tuple[Heading, ...]
    anchors: frozenset[str]
    warnings: list[str] = field(default_factory=list)
    bookmarks: set[str] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class _Fmt:
    """How inline runs are drawn: bold/italic, character style, and the part owning links."""

    part: Part
    bold: bool = False
    italic: bool = False
    style: str = ""
    linked: bool = False
    """Inside a ``w:hyperlink``: nested links and markers become plain runs."""


def render(document: Document) -> Rendered:
    """Return ``document`` as the bytes of a .docx file, identical for identical input."""
    doc = docx.Document()
    ox.drop_thumbnail(doc)
    text_width = _page_setup(doc, document.style)
    _define_styles(doc, document.style, document.meta, text_width)
    _properties(doc, document.meta)
    blocks = tuple(_walk(document.body))
    headings = tuple(b for b in blocks if isinstance(b, Heading))
    entries = (e.anchor for b in blocks if isinstance(b, NoteList) for e in b.entries)
    w = _Writer(doc, ox.Footnotes(doc, "FootnoteText", "FootnoteReference"), headings,
                frozenset((*(h.anchor for h in headings), *entries)))
    if document.style.reference_docx:
        w.warnings.append("style.reference_docx is not supported by the DOCX renderer yet; ignored")
    _page_furniture(w, document.meta, document.style)
    _title_block(w, document.meta, document.style)
    for block in document.body:
        _block(w, doc, block)
    buffer = io.BytesIO()
    doc.save(buffer)
    return Rendered(data=ox.normalise_zip(buffer.getvalue()), warnings=tuple(w.warnings))


def _walk(blocks: tuple[Block, ...]) -> Iterator[Block]:
    """Yield ``blocks`` and, depth first, the blocks inside callouts."""
    for block in blocks:
        yield block
        if isinstance(block, Callout):
            yield from _walk(block.content)


# ---------------------------------------------------------------- blocks


def _block(w: _Writer, box: Box, block: Block) -> None:
    """Draw one block at the end of ``box``."""
    match block:
        case Heading():
            _heading(w, box, block)
        case Paragraph():
            _paragraph(w, box, block.content, "Normal")
        case BulletList():
            _list(w, box, block)
        case Quote():
            _paragraph(w, box, block.content, "Quote")
        case Table():
            _table(w, box, block)
        case Callout():
            _callout(w, box, block)
        case NoteList():
            _note_list(w, box, block)
        case TableOfContents():
            _contents(w, box, block)
        case Figure():
            _figure(w, box, block)
        case _:
            assert_never(block)


def _paragraph(w: _Writer, box: Box, content: tuple[Inline, ...], style: str) -> BaseOxmlElement:
    """Add a paragraph of ``style`` holding ``content``; return its ``w:p``."""
    p = box.add_paragraph(style=style)._p
    _inlines(w, p, content, _Fmt(w.doc.part))
    return p


def _anchored(w: _Writer, box: Box, style: str, anchor: str, lead: str,
              content: tuple[Inline, ...]) -> None:
    """Add a paragraph bookmarked as ``anchor``: ``lead`` and a tab (if any), then ``content``."""
    p = box.add_paragraph(style=style)._p
    end = None
    if anchor in w.bookmarks:
        w.warnings.append(f"duplicate anchor {anchor!r}: only the first is a link target")
    else:
        w.bookmarks.add(anchor)
        end = ox.bookmark(p, len(w.bookmarks), anchor)
    if lead:
        p.append(ox.run(ox.text(lead), ox.el("w:tab")))
    _inlines(w, p, content, _Fmt(w.doc.part))
    if end is not None:
        p.append(end)


def _heading(w: _Writer, box: Box, heading: Heading) -> None:
    """Add a "Heading N" paragraph (N ≤ 3) bookmarked with the heading's anchor."""
    level = min(max(heading.level, 1), 3)
    if level != heading.level:
        w.warnings.append(f"heading level {heading.level} drawn as Heading {level}")
    _anchored(w, box, f"Heading {level}", heading.anchor, "", heading.content)


def _list(w: _Writer, box: Box, items: BulletList) -> None:
    """Add one List Bullet / List Number paragraph per item; each numbered list starts at 1."""
    style = "List Number" if items.ordered else "List Bullet"
    num_id = ox.restart_numbering(w.doc, style) if items.ordered else None
    for item in items.items:
        p = _paragraph(w, box, item, style)
        if num_id is not None:
            num_pr = p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = 0
            num_pr.get_or_add_numId().val = num_id


def _table(w: _Writer, box: Box, table: Table) -> None:
    """Add the caption (Caption style) and a Brief Table whose header row repeats on each page."""
    rows = (table.header, *table.rows)
    columns = max(len(row) for row in rows)
    if not columns:
        w.warnings.append(f"table {table.caption!r} has no columns; left out")
        return
    if table.caption:
        _plain(box.add_paragraph(style="Caption")._p, table.caption)
    grid = box.add_table(len(rows), columns)
    grid.style = w.doc.styles["Brief Table"]
    grid.rows[0]._tr.get_or_add_trPr().append(ox.el("w:tblHeader"))
    for row, cells in zip(grid.rows, rows):
        for cell, content in zip(row.cells, cells):
            paragraph = cell.paragraphs[0]
            paragraph.style = "Table Text"
            _inlines(w, paragraph._p, content, _Fmt(w.doc.part))
    if table.widths and len(table.widths) == columns and sum(table.widths) > 0:
        _column_widths(grid, table.widths)
    box.add_paragraph(style="After Table")


def _column_widths(grid: Any, weights: tuple[float, ...]) -> None:
    """Share the table's width among its columns in proportion to ``weights``."""
    total = sum(cell.width for cell in grid.rows[0].cells)
    for column, weight in zip(grid.columns, weights):
        column.width = width = int(total * weight / sum(weights))
        for cell in column.cells:
            cell.width = width


def _figure(w: _Writer, box: Box, figure: Figure) -> None:
    """Draw a figure as its caption and data table: DOCX has no native chart here."""
    _table(w, box, replace(figure.data, caption=figure.caption))


def _callout(w: _Writer, box: Box, callout: Callout) -> None:
    """Add a one-cell Key Points Box table: a title, then the callout's blocks."""
    grid = box.add_table(1, 1)
    grid.style = w.doc.styles["Key Points Box"]
    cell = grid.cell(0, 0)
    cell.paragraphs[0].style = "Key Points Title"
    title = cell.paragraphs[0]._p
    _plain(title, callout.title)
    for block in callout.content:
        _block(w, cell, block)
    if not callout.title and len(cell._tc) > 2:
        cell._tc.remove(title)
    if cell._tc[-1].tag.endswith("}tbl"):
        cell.add_paragraph()  # a cell must end with a paragraph
    box.add_paragraph(style="After Table")


def _note_list(w: _Writer, box: Box, notes: NoteList) -> None:
    """Add each entry as a hanging-indent Note Entry paragraph bookmarked with its anchor."""
    for entry in notes.entries:
        _anchored(w, box, "Note Entry", entry.anchor, entry.label, entry.content)


def _contents(w: _Writer, box: Box, toc: TableOfContents) -> None:
    """Add a static table of contents: linked entries with dot leaders and PAGEREF page numbers.

    It is deliberately not wrapped in a TOC field: LibreOffice then computes the page
    numbers (research/libs.md §1), and Word recomputes them on print or F9.
    """
    entries = [h for h in w.headings if h.level <= toc.depth]
    if not entries:
        w.warnings.append("table of contents has no headings; left out")
        return
    _plain(box.add_paragraph(style="TOC Heading")._p, "Contents")
    for heading in entries:
        link = ox.hyperlink(w.doc.part, "#" + heading.anchor)
        link.append(ox.run(ox.text(_outline_text(heading.content)), ox.el("w:tab")))
        page_ref = f"PAGEREF {ox.bookmark_name(heading.anchor)} \\h"
        link.extend(ox.field(page_ref, "?", dirty=True))
        box.add_paragraph(style=f"toc {min(max(heading.level, 1), 3)}")._p.append(link)


def _outline_text(content: tuple[Inline, ...]) -> str:
    """Return a heading's text without its note and citation markers."""
    return plain_text(tuple(n for n in content if not isinstance(n, (Footnote, Marker))))


def _plain(p: BaseOxmlElement, value: str) -> None:
    """Append ``value`` to paragraph ``p`` as one literal run, if it is not empty."""
    if value:
        p.append(ox.run(ox.text(value)))


# ---------------------------------------------------------------- inlines


def _inlines(w: _Writer, parent: BaseOxmlElement, content: tuple[Inline, ...], fmt: _Fmt) -> None:
    """Append ``content`` to ``parent`` (a ``w:p`` or ``w:hyperlink``)."""
    for node in content:
        _inline(w, parent, node, fmt)


def _inline(w: _Writer, parent: BaseOxmlElement, node: Inline, fmt: _Fmt) -> None:
    """Append one inline node to ``parent``."""
    match node:
        case Text():
            parent.append(_text_run(node.text, fmt))
        case Strong():
            _inlines(w, parent, node.content, replace(fmt, bold=True))
        case Emph():
            _inlines(w, parent, node.content, replace(fmt, italic=True))
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


def _text_run(value: str, fmt: _Fmt) -> BaseOxmlElement:
    """Return a run showing ``value`` literally (tabs and newlines become w:tab / w:br)."""
    r = ox.run(style=fmt.style)
    font = Font(r)
    if fmt.bold:
        font.bold = True
    if fmt.italic:
        font.italic = True
    r.text = ox.clean_text(value)
    return r


def _link(w: _Writer, parent: BaseOxmlElement, link: Link, fmt: _Fmt) -> None:
    """Append a hyperlink: external via a relationship of ``fmt.part``, internal to a bookmark."""
    if fmt.linked or not link.url:
        _inlines(w, parent, link.content, fmt)
        return
    if link.url.startswith("#") and link.url[1:] not in w.anchors:
        w.warnings.append(f"link to unknown anchor {link.url!r}")
    element = ox.hyperlink(fmt.part, link.url)
    _inlines(w, element, link.content, replace(fmt, style="Hyperlink", linked=True))
    parent.append(element)


def _footnote(w: _Writer, parent: BaseOxmlElement, note: Footnote, fmt: _Fmt) -> None:
    """Append a reference to a real footnote holding the note's content (its links live)."""
    if fmt.part is not w.doc.part:
        raise ValueError(f"footnote {note.label!r} inside a footnote")
    reference, paragraph = w.notes.add(note.label)
    _inlines(w, paragraph, note.content, _Fmt(w.notes.part))
    parent.append(reference)


def _marker(w: _Writer, parent: BaseOxmlElement, marker: Marker, fmt: _Fmt) -> None:
    """Append a marker linked to its entry; a marker without a target is a build error."""
    if marker.anchor not in w.anchors:
        raise ValueError(f"dangling marker {marker.label!r}: no heading or entry has "
                         f"anchor {marker.anchor!r}")
    r = ox.run(ox.text(marker.label), style="EndnoteReference" if marker.superscript else "")
    if fmt.linked:
        parent.append(r)
        return
    link = ox.hyperlink(fmt.part, "#" + marker.anchor)
    link.append(r)
    parent.append(link)


# ---------------------------------------------------------------- page, title block, furniture


def _page_setup(doc: DocxDocument, style: Style) -> int:
    """Set page size and margins (top, right, bottom, left); return the text width in EMU."""
    size = PAGE_SIZES_MM.get(style.page_size.upper())
    if size is None:
        raise ValueError(f"unknown page size {style.page_size!r}: expected A4 or Letter")
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(size[0]), Mm(size[1])
    top, right, bottom, left = (Mm(v) for v in style.margins_mm)
    section.top_margin, section.right_margin, section.bottom_margin, section.left_margin = (
        top, right, bottom, left)
    section.header_distance = section.footer_distance = Mm(min(10.0, style.margins_mm[0] / 2))
    return Mm(size[0]) - left - right


def _properties(doc: DocxDocument, meta: Meta) -> None:
    """Fill the core properties; times come from the brief's ISO date, never the clock."""
    props, authors = doc.core_properties, "; ".join(meta.author)
    props.title, props.subject, props.author, props.last_modified_by = (
        meta.title, meta.subject, authors, authors)
    props.keywords, props.language, props.category = "; ".join(meta.keywords), meta.lang, meta.marking
    props.comments, props.revision = "", 1
    props.content_status = "Draft" if meta.draft else ""
    when = dt.datetime(2000, 1, 1)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta.date):
        try:
            when = dt.datetime.fromisoformat(meta.date)
        except ValueError:
            pass
    props.created = props.modified = when


def _title_block(w: _Writer, meta: Meta, style: Style) -> None:
    """Add the logo, title, subtitle and the "audience · date · author" line."""
    if style.logo:
        try:
            w.doc.add_picture(style.logo, height=Mm(14))
        except Exception as error:  # noqa: BLE001 - any unreadable image is only a warning
            w.warnings.append(f"logo {style.logo!r} left out: {error}")
    _plain(w.doc.add_paragraph(style="Title")._p, meta.title)
    if meta.subtitle:
        _plain(w.doc.add_paragraph(style="Subtitle")._p, meta.subtitle)
    line = " · ".join(part for part in (meta.audience, meta.date, ", ".join(meta.author)) if part)
    _plain(w.doc.add_paragraph(style="Brief Meta")._p, line)


def _marking_run(marking: str) -> BaseOxmlElement:
    """Return the marking as a run of the Marking character style, in capitals."""
    return ox.run(ox.text(marking.upper()), style="Marking")


def _page_furniture(w: _Writer, meta: Meta, style: Style) -> None:
    """Header: house text left, marking right. Footer: text, "Page X of Y", marking."""
    section = w.doc.sections[0]
    header = section.header.paragraphs[0]._p
    _plain(header, style.header_text)
    footer = section.footer.paragraphs[0]._p
    _plain(footer, style.footer_text)
    footer.append(ox.run(ox.el("w:tab"), ox.text("Page ")))
    footer.extend(ox.field("PAGE", "1"))
    footer.append(ox.run(ox.text(" of ")))
    footer.extend(ox.field("NUMPAGES", "1"))
    if meta.marking:
        header.extend((ox.run(ox.el("w:tab"), ox.el("w:tab")), _marking_run(meta.marking)))
        footer.extend((ox.run(ox.el("w:tab")), _marking_run(meta.marking)))
    if meta.draft:
        header.append(ox.watermark("DRAFT", FONTS[style.heading_font][0]))


# ---------------------------------------------------------------- styles


def _define_styles(doc: DocxDocument, style: Style, meta: Meta, width: int) -> None:
    """Define every named style the walk uses, from the house ``style``."""
    body, head = _fonts(style.body_font), _fonts(style.heading_font)
    for name, kind, base, look in _style_specs(style, head, width):
        ox.look(ox.style(doc, name, kind, base), **look)
    defaults = doc.styles.element.find(ox.qn("w:docDefaults")).find(ox.qn("w:rPrDefault"))[0]
    for rpr in (defaults, doc.styles["Normal"].element.get_or_add_rPr()):
        ox.set_fonts(rpr, *body)
        ox.set_lang(rpr, meta.lang)
    _frame_styles(doc, style, meta, head)


def _frame_styles(doc: DocxDocument, style: Style, meta: Meta, head: tuple[str, str]) -> None:
    """Add rules, shading and frames: quote bar, title-block rule, marking label, table styles."""
    accent, fill = style.accent.lstrip("#").upper(), style.callout_fill.lstrip("#").upper()
    ox.paragraph_borders(doc.styles["Quote"].element.get_or_add_pPr(), ox.border("left", accent, 18, 10))
    ox.paragraph_borders(doc.styles["Brief Meta"].element.get_or_add_pPr(),
                         ox.border("bottom", accent, 8, 6))
    colour = TLP_COLOURS.get(meta.marking.upper())
    marking = ox.style(doc, "Marking", C, "")
    ox.look(marking, font=head, size=12, bold=True, colour=colour or accent)
    marking.font.all_caps = True
    if colour:
        ox.put(marking.element.get_or_add_rPr(), ox.shading("000000"))
    rules = ox.border("top", accent, 8, 0) + ox.border("bottom", accent, 8, 0)
    ox.table_style(ox.style(doc, "Brief Table", T, "").element,
                   ox.table_frame(rules + ox.border("insideH", "BFC5CE", 4, 0), 40, 100),
                   f'<w:rPr><w:b/><w:bCs/></w:rPr><w:tcPr><w:tcBorders>{ox.border("bottom", accent, 8, 0)}'
                   f'</w:tcBorders><w:shd w:val="clear" w:color="auto" w:fill="{fill}"/></w:tcPr>')
    ox.table_style(ox.style(doc, "Key Points Box", T, "").element,
                   ox.table_frame(ox.border("left", accent, 24, 0), 120, 160)
                   + f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{fill}"/></w:tcPr>')


def _fonts(logical: str) -> tuple[str, str]:
    """Return the (Latin, East Asian) font names of a logical font."""
    if logical not in FONTS:
        raise ValueError(f"unknown font {logical!r}: expected one of {sorted(FONTS)}")
    return FONTS[logical]


P, C, T = WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER, WD_STYLE_TYPE.TABLE


def _style_specs(s: Style, head: tuple[str, str], width: int) -> list[tuple[str, Any, str, dict]]:
    """Return (name, type, base, look) for each style, sizes in points, colours ``#rrggbb``."""
    accent, muted, size = s.accent, s.muted, s.body_size
    heading = dict(font=head, colour=accent, bold=True, keep=True, line=1.0)
    specs = [
        ("Normal", P, "", dict(size=size, after=6, line=1.15)),
        ("Title", P, "Normal", dict(heading, size=s.title_size, after=4)),
        ("Subtitle", P, "Normal", dict(font=head, size=round(s.title_size * 0.6), colour=muted, after=4)),
        ("Brief Meta", P, "Normal", dict(font=head, size=size - 1, colour=muted, after=18)),
        ("TOC Heading", P, "Normal", dict(heading, size=s.heading_sizes[0], before=6, after=6)),
        ("Quote", P, "Normal", dict(italic=True, left=8, right=8, before=4, after=10)),
        ("List Bullet", P, "Normal", dict(after=3)),
        ("List Number", P, "Normal", dict(after=3)),
        ("Caption", P, "Normal", dict(heading, size=size - 1, before=8, after=4)),
        ("Table Text", P, "Normal", dict(size=size - 1, after=0, line=1.0)),
        ("Key Points Title", P, "Normal", dict(heading, size=size + 1, before=2, after=4)),
        ("After Table", P, "Normal", dict(size=4, after=6, line=1.0)),
        ("Note Entry", P, "Normal", dict(size=size - 1, after=4, left=8, hanging=8)),
        ("footnote text", P, "Normal", dict(size=size - 2, after=2, line=1.0)),
        ("Hyperlink", C, "", dict(colour=accent, underline=True)),
        ("footnote reference", C, "", dict(superscript=True)),
        ("endnote reference", C, "", dict(superscript=True)),
    ]
    before = (16, 12, 10)
    for level, pt in enumerate(s.heading_sizes, start=1):
        specs.append((f"Heading {level}", P, "Normal",
                      dict(heading, size=pt, before=before[level - 1], after=4)))
        specs.append((f"toc {level}", P, "Normal", dict(after=2, left=5 * (level - 1),
                                                         tabs=((width, RIGHT, DOTS),))))
    for name in ("Header", "Footer"):
        specs.append((name, P, "Normal", dict(font=head, size=8.5, colour=muted, after=0, line=1.0,
                                             tabs=((width // 2, CENTER, None), (width, RIGHT, None)))))
    return specs
