"""The DOCX renderer: the document model drawn as an editable Word document.

Every look lives in a named style (Title, Heading 1-3, Quote, List Bullet, Caption,
footnote text, Brief Table…), so colleagues restyle the brief in Word or LibreOffice
instead of fighting direct formatting; ``stylesheet`` defines them on the base document
``styles`` prepares, or takes them from ``style.reference_docx``. Inline content is drawn
by ``inlines``; what python-docx cannot write (footnotes, links, bookmarks, fields) comes
from ``oxml`` and ``parts``, and the byte-stable zip from ``package``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any, assert_never

from docx.shared import Inches
from docx.table import Table as DocxTable

from briefgen.errors import warning
from briefgen.model import (
    Block,
    BulletList,
    Callout,
    Document,
    Figure,
    Heading,
    Inline,
    Meta,
    NoteList,
    Paragraph,
    Quote,
    Style,
    Table,
    TableOfContents,
    Text,
    heading_text,
)
from briefgen.renderers import SUFFIXES, Rendered
from briefgen.renderers.docx import embed as docx_embed
from briefgen.renderers.docx import figures as docx_figures
from briefgen.renderers.docx import front
from briefgen.renderers.docx import oxml as ox
from briefgen.renderers.docx import package as docx_package
from briefgen.renderers.docx import pages as docx_pages
from briefgen.renderers.docx import styles as docx_styles
from briefgen.renderers.docx import stylesheet as docx_stylesheet
from briefgen.renderers.docx import xmltext as xt
from briefgen.renderers.docx.footnotes import Footnotes
from briefgen.renderers.docx.front import Box
from briefgen.renderers.docx.inlines import Fmt, Writer, inline_xml

INTRODUCED = (Quote, Table, Figure)
"""Blocks that keep the paragraph before them (which introduces them) on their page."""
SUFFIX = SUFFIXES["docx"]



def prepare(style: Style, meta: Meta) -> None:
    """Make the styled base document of a brief of this look now (``renderers.ahead``: before its model is ready)."""
    docx_styles.prime(style, meta)


def render(document: Document) -> Rendered:
    """Return ``document`` as the bytes of a .docx file, identical for identical input.

    With a table of contents and LibreOffice installed, the brief is drawn twice: the
    second time with each heading's page as LibreOffice lays out the first (``docx_pages``).
    Without LibreOffice the contents list linked headings without page numbers.
    """
    if not any(isinstance(b, TableOfContents) for b in _walk(document.body)):
        return _render(document, None)
    headings = [h for h in _walk(document.body) if isinstance(h, Heading)]
    first = _render(document, dict.fromkeys((h.anchor for h in headings), 0))
    found = docx_pages.heading_pages(first.data, [heading_text(h.content) for h in headings])
    if found is None:
        return _render(document, None)
    return _render(document, dict(zip((h.anchor for h in headings), found, strict=True)))


def _render(document: Document, pages: dict[str, int] | None) -> Rendered:
    """Draw ``document``; ``pages`` gives the contents' page numbers (None: no numbers)."""
    house = docx_styles.prepare(document.style, document.meta)
    doc, ids = house.doc, house.ids
    blocks = tuple(_walk(document.body))
    headings = tuple(b for b in blocks if isinstance(b, Heading))
    entries = (e.anchor for b in blocks if isinstance(b, NoteList) for e in b.entries)
    figures = (b.anchor for b in blocks if isinstance(b, Figure) and b.anchor)
    w = Writer(doc, Footnotes(doc, ids["footnote text"], ids["footnote reference"]), headings,
                frozenset((*(h.anchor for h in headings), *entries, *figures)), ids, list(house.warnings),
                meta=document.meta, accent=document.style.accent, style=document.style, pages=pages,
                list_number=house.list_number, block_width=house.block_width, end=doc.element.body.find(ox.qn("w:sectPr")))
    front.title_block(w, document.meta, document.style)
    _blocks(w, doc, document.body)
    if not document.style.reference_docx:  # Chinese, Japanese, Korean: the PDF's CJK glyphs, as a subset
        docx_embed.embed_cjk(doc, "".join(docx_embed.strings(document)))
    return Rendered(data=docx_package.save(doc), warnings=tuple(w.warnings))


def _walk(blocks: tuple[Block, ...]) -> Iterator[Block]:
    """Yield ``blocks`` and, depth first, the blocks inside callouts."""
    for block in blocks:
        yield block
        if isinstance(block, Callout):
            yield from _walk(block.content)


# ---------------------------------------------------------------- blocks


def _blocks(w: Writer, box: Box, blocks: tuple[Block, ...]) -> None:
    """Draw ``blocks`` in order; a paragraph that introduces a quote, table or figure keeps with it."""
    for block, after in zip(blocks, (*blocks[1:], None), strict=True):
        _block(w, box, block)
        if isinstance(block, Paragraph) and isinstance(after, INTRODUCED):
            ox.put(box.paragraphs[-1]._p.get_or_add_pPr(), ox.el("w:keepNext"))


def _block(w: Writer, box: Box, block: Block) -> None:
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
            front.contents(w, box, block)
        case Figure():
            _figure(w, box, block)
        case _:
            assert_never(block)


def _add_p(w: Writer, box: Box, style: str, content: str) -> ox.Xml:
    """``xmltext.add_p``: in the body, before its section properties, as python-docx puts it."""
    if box is not w.doc or w.end is None:
        return xt.add_p(box, style, content)
    p = xt.new_p(xt.style_id(w.doc.part, style), content)
    w.end.addprevious(p)
    return p


def _width(w: Writer, box: Box) -> int:
    """The width python-docx gives a new table in ``box``: the text's in the body, else the cell's (or an inch)."""
    if box is w.doc:
        return w.block_width
    return box.width if box.width is not None else Inches(1)  # type: ignore[union-attr]


def _table_style(w: Writer, name: str) -> str | None:
    """The id ``Table.style = name`` sets (None: the default table style, no ``w:tblStyle``)."""
    from docx.enum.style import WD_STYLE_TYPE
    found: str | None = w.doc.part.get_style_id(name, WD_STYLE_TYPE.TABLE)
    return found


def _add_table(w: Writer, box: Box, xml: str) -> Any:
    """Insert the table written as ``xml`` where ``box.add_table`` puts one: before the body's section
    properties, or at the end of a cell and then an empty paragraph after it."""
    tbl = xt.parse(xml)
    if box is not w.doc:
        cell: Any = box._element
        cell._insert_tbl(tbl)
        box.add_paragraph()
        return DocxTable(tbl, box)
    if w.end is None:
        w.doc._body._element._insert_tbl(tbl)
    else:
        w.end.addprevious(tbl)
    return DocxTable(tbl, w.doc._body)


def _paragraph(w: Writer, box: Box, content: tuple[Inline, ...], style: str) -> ox.Xml:
    """Add a paragraph of ``style`` holding ``content``; return its ``w:p``."""
    return _add_p(w, box, style, inline_xml(w, content, Fmt(w.doc.part)))


def _anchored(w: Writer, box: Box, style: str, anchor: str, lead: str,
              content: tuple[Inline, ...]) -> None:
    """Add a paragraph bookmarked as ``anchor``: ``lead`` and a tab (if any), then ``content``."""
    start = end = ""
    if anchor in w.bookmarks:
        w.warnings.append(warning("docx.anchor", f"duplicate anchor {anchor!r}: only the first is a link target"))
    else:  # what ``oxml.bookmark`` puts after the paragraph's properties and at its end
        w.bookmarks.add(anchor)
        start = f'<w:bookmarkStart w:id="{len(w.bookmarks)}" w:name="{xt.attribute(ox.bookmark_name(anchor))}"/>'
        end = f'<w:bookmarkEnd w:id="{len(w.bookmarks)}"/>'
    if lead:
        start += xt.run(xt.preserved(lead) + "<w:tab/>")
    _add_p(w, box, style, start + inline_xml(w, content, Fmt(w.doc.part)) + end)


def _heading(w: Writer, box: Box, heading: Heading) -> None:
    """Add a "Heading N" paragraph (N ≤ 3) bookmarked with the heading's anchor."""
    level = min(max(heading.level, 1), 3)
    if level != heading.level:
        w.warnings.append(warning("docx.heading", f"heading level {heading.level} drawn as Heading {level}"))
    _anchored(w, box, f"Heading {level}", heading.anchor, "", heading.content)


def _list(w: Writer, box: Box, items: BulletList) -> None:
    """Add one List Bullet / List Number paragraph per item; each numbered list starts at 1."""
    style = "List Number" if items.ordered else "List Bullet"
    num_id = ox.restart_numbering(w.doc, w.list_number) if items.ordered else None
    for item in items.items:
        p = _paragraph(w, box, item, style)
        if num_id is not None:
            num_pr = p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = 0
            num_pr.get_or_add_numId().val = num_id


def _table(w: Writer, box: Box, table: Table) -> Any:
    """Add the caption (Caption style) and a Brief Table whose header row repeats on each page.

    Return the Word table (None when the table has no columns).
    """
    rows = (table.header, *table.rows)
    columns = max(len(row) for row in rows)
    if not columns:
        w.warnings.append(warning("docx.table", f"table {table.caption!r} has no columns; left out"))
        return None
    if table.caption:
        _add_p(w, box, "Caption", xt.plain(table.caption))
    text_style = xt.style_id(w.doc.part, "Table Text")
    cells = [[xt.paragraph(text_style)[0] + inline_xml(w, content, Fmt(w.doc.part)) + "</w:p>" for content in row]
             for row in rows]
    weights = table.widths if table.widths and len(table.widths) == columns and sum(table.widths) > 0 else ()
    grid = _add_table(w, box, xt.table(cells, columns, _width(w, box), weights, _table_style(w, "Brief Table")))
    if not w.style.reference_docx:  # header cells in the heading face, as the PDF sets them
        head = docx_stylesheet.fonts(w.style.heading_font)
        for run in (r for cell in ox.cells(grid)[0] for p in cell.paragraphs for r in p.runs):
            ox.set_fonts(run._r.get_or_add_rPr(), *head)
    _add_p(w, box, "After Table", "")
    return grid


def _figure(w: Writer, box: Box, figure: Figure) -> None:
    """Draw a figure under its numbered caption (bookmarked as its anchor).

    The coverage matrix is a table whose tiles take the PDF's heat-map colours
    (``house.heat_colour``), so it is the same figure and stays readable data; the
    timeline is the PDF's drawing as pictures (``docx/figures.py``); other kinds show
    their data table.
    """
    if figure.lead:  # the sentence that refers to the figure, kept on its page
        ox.put(_paragraph(w, box, figure.lead, "Normal").get_or_add_pPr(), ox.el("w:keepNext"))
    if figure.anchor:
        _anchored(w, box, "Caption", figure.anchor, "", (Text(figure.caption),))
    elif figure.caption:
        _add_p(w, box, "Caption", xt.plain(figure.caption))
    if figure.kind == "timeline":  # the PDF's drawing, as pictures with the data as alt text
        docx_figures.timeline(box, figure, w.style)
        _add_p(w, box, "After Table", "")
        return
    grid = _table(w, box, replace(figure.data, caption=""))
    if grid is not None:  # a figure stays on one page, as in the PDF: each row keeps with the next
        for row_cells in ox.cells(grid)[:-1]:
            for cell in row_cells:
                for paragraph in cell.paragraphs:
                    ox.put(paragraph._p.get_or_add_pPr(), ox.el("w:keepNext"))
    if figure.kind == "coverage" and grid is not None:
        docx_figures.coverage(grid, figure, w.accent)


def _callout(w: Writer, box: Box, callout: Callout) -> None:
    """Add a one-cell Key Points Box table: a title, then the callout's blocks."""
    grid = _add_table(w, box, xt.table([[]], 1, _width(w, box), (), _table_style(w, "Key Points Box"), whole_rows=False))
    cell = grid.cell(0, 0)
    title = cell.paragraphs[0]._p
    ox.style_p(title, w.doc.part, "Key Points Title")
    ox.plain(title, callout.title)
    _blocks(w, cell, callout.content)
    if not callout.title and len(cell._tc) > 2:
        cell._tc.remove(title)
    if cell._tc[-1].tag.endswith("}tbl"):
        cell.add_paragraph()  # a cell must end with a paragraph
    _add_p(w, box, "After Table", "")


def _note_list(w: Writer, box: Box, notes: NoteList) -> None:
    """Add each entry as a hanging-indent Note Entry paragraph bookmarked with its anchor."""
    for entry in notes.entries:
        _anchored(w, box, "Note Entry", entry.anchor, entry.label, entry.content)
