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

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Emu

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
        for doc_pr in run._r.iter(qn("wp:docPr")):
            doc_pr.set("descr", alt_text(figure))
            doc_pr.set("name", f"{figure.anchor or 'figure'} band {n}")
        if n < len(bands):
            ox.put(paragraph._p.get_or_add_pPr(), ox.el("w:keepNext"))
