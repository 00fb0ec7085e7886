"""Drawn figures in the DOCX: the same drawing as in the PDF, as a picture with its data as alt text.

The timeline is laid out by the PDF renderer's own code (``pdf.figures.timeline_bands``)
at the DOCX text width, in the house fonts and accent, and painted to PNG
(``pdf.raster``); each band is one inline picture, kept with the next, and carries the
figure's data (date and event of every row) as its alternative text, which Word and
LibreOffice read aloud and a tagged PDF keeps. reportlab loads only when a brief has
such a figure.
"""

from __future__ import annotations

import io
from typing import Any

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Emu, RGBColor

from briefgen.model import Figure, Style, plain_text
from briefgen.renderers import house
from briefgen.renderers.docx import oxml as ox

EMU_PER_POINT = 12700
MM_PER_POINT = 25.4 / 72


def text_width(style: Style) -> float:
    """The width between the margins, in points (the PDF's frame width)."""
    width, _ = house.page_size_mm(style.page_size)
    _, right, _, left = style.margins_mm
    return (width - right - left) / MM_PER_POINT


def alt_text(figure: Figure) -> str:
    """The figure's data as one line of text per row: "July 2025: the event"."""
    rows = [": ".join(plain_text(cell) for cell in row) for row in figure.data.rows]
    return "\n".join([figure.caption, *rows])


def timeline(box: Any, figure: Figure, style: Style) -> None:
    """Add the timeline's bands as pictures drawn by the PDF's timeline code."""
    from briefgen.renderers.pdf import fonts, raster
    from briefgen.renderers.pdf.figures import Pen, timeline_bands

    book = fonts.FontBook()
    size = fonts.make_styles(style, book)["cell"].fontSize
    pen = Pen(book, book.family(style.body_font), book.family(style.heading_font), style.accent, size)
    bands = timeline_bands(figure.data, pen, text_width(style))
    for n, band in enumerate(bands, start=1):
        paragraph = box.add_paragraph(style="Normal")
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run()
        run.add_picture(io.BytesIO(raster.png(band)), width=Emu(round(band.width * EMU_PER_POINT)))
        ox.flush_pictures(run._r)
        for doc_pr in run._r.iter(qn("wp:docPr")):
            doc_pr.set("descr", alt_text(figure))
            doc_pr.set("name", f"{figure.anchor or 'figure'} band {n}")
        if n < len(bands):
            ox.put(paragraph._p.get_or_add_pPr(), ox.el("w:keepNext"))


def coverage(grid: Any, figure: Figure, accent: str) -> None:
    """Give the coverage table the PDF's look: tiles in the heat-map colours (``house.heat_colour``)
    parted by white gaps, theme names centred over their tiles, every cell centred vertically, and
    only the rule under the header row: no header band and no top or bottom rule, which the house
    table style draws for data tables."""
    gap = round(house.COVERAGE_GAP_PT * 8)
    borders = "".join(ox.border(side, "FFFFFF", gap, 0) if side.startswith("inside") else f'<w:{side} w:val="nil"/>'
                      for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    tbl_pr = grid._tbl.tblPr
    for old in tbl_pr.findall(qn("w:tblBorders")):
        tbl_pr.remove(old)
    tbl_pr.insert_element_before(ox.parse_xml(f'<w:tblBorders {ox.nsdecls("w")}>{borders}</w:tblBorders>'),
                                 "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption",
                                 "w:tblDescription", "w:tblPrChange")
    made = ox.cells(grid)
    for row_cells in made:
        for cell in row_cells:
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    for cell in made[0]:
        ox.put_cell_shading(cell._tc, "FFFFFF")
    for cell in made[0][1:]:
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    for r, shares in enumerate(house.tile_shares(figure.data), start=1):
        for c, share in enumerate(shares, start=1):
            cell = made[r][c]
            ox.put_cell_shading(cell._tc, house.heat_colour(share, accent).lstrip("#"))
            paragraph = cell.paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if share > house.HEAT_DARK:
                for run in paragraph.runs:
                    run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
