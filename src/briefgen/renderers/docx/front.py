"""The front of a DOCX brief: the title block and the table of contents.

Split from ``render.py`` (moves only).
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm
from docx.table import _Cell

from briefgen.errors import warning
from briefgen.model import Meta, Style, TableOfContents, heading_text
from briefgen.renderers import house
from briefgen.renderers.docx import oxml as ox
from briefgen.renderers.docx.inlines import Writer

Box = DocxDocument | _Cell
"""Where blocks go: the body, or the cell of a callout box."""


def title_block(w: Writer, meta: Meta, style: Style) -> None:
    """Add the logo, title, subtitle and the "audience · date · author" line."""
    logo, why = house.logo(style)
    if logo is not None:
        try:
            w.doc.add_picture(logo.path, width=Mm(logo.width_mm), height=Mm(logo.height_mm))
            ox.flush_pictures(w.doc.paragraphs[-1]._p)
            w.doc.paragraphs[-1].alignment = {"right": WD_ALIGN_PARAGRAPH.RIGHT, "centre": WD_ALIGN_PARAGRAPH.CENTER}.get(
                logo.align, WD_ALIGN_PARAGRAPH.LEFT)
        except Exception as error:  # noqa: BLE001 - any unreadable image is only a warning
            w.warnings.append(warning("docx.logo", f"logo {style.logo} left out: {error}"))
    elif why:
        w.warnings.append(warning("docx.logo", why))
    ox.plain(ox.add_p(w.doc, "Title"), meta.title)
    if meta.subtitle:
        ox.plain(ox.add_p(w.doc, "Subtitle"), meta.subtitle)
    ox.plain(ox.add_p(w.doc, "Brief Meta"), meta.byline())


def contents(w: Writer, box: Box, toc: TableOfContents) -> None:
    """Add a static table of contents: linked entries, with dot leaders and page numbers if known.

    It is deliberately not wrapped in a TOC field: LibreOffice would show "?" for its
    page numbers (research/libs.md §1). Each number is a PAGEREF field whose result is
    the page LibreOffice laid the heading on, not marked dirty, so Word opens the brief
    without asking to update fields, and recomputes them on print or F9.
    """
    entries = [h for h in w.headings if h.level <= toc.depth]
    if not entries:
        w.warnings.append(warning("docx.toc", "table of contents has no headings; left out"))
        return
    ox.plain(ox.add_p(box, "TOC Heading"), w.meta.label("contents"))
    for heading in entries:
        link = ox.hyperlink(w.doc.part, "#" + heading.anchor)
        link.append(ox.run(ox.text(heading_text(heading.content))))
        if w.pages is not None and heading.anchor in w.pages:
            page_ref = f"PAGEREF {ox.bookmark_name(heading.anchor)} \\h"
            link.append(ox.run(ox.el("w:tab")))
            link.extend(ox.field(page_ref, str(w.pages[heading.anchor])))
        ox.add_p(box, f"toc {min(max(heading.level, 1), 3)}").append(link)
