"""The PDF's pages: the doc template, the canvas and the furniture every page carries.

``BriefDoc`` has one footnote frame (``notes.FootnoteFrame``), keeps headings with what
follows (``keep.KeepWithNext``), feeds the outline and the table of contents, and draws
each page's notes. The canvas writes "Page X of Y" with a form XObject filled in at save
time (the deferred-showPage recipe would send every link to page 1). ``Furniture`` draws
the marking, header, footer and the DRAFT watermark on every page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, PageTemplate

from briefgen.renderers import house
from briefgen.renderers.pdf.fonts import FontBook, draw_text, face
from briefgen.renderers.pdf.fonts import text_width as measure
from briefgen.renderers.pdf.keep import KeepWithNext
from briefgen.renderers.pdf.notes import FN, FootnoteFrame

TOTAL_FORM = "bgPageTotal"


class BriefCanvas(Canvas):
    """A canvas that fills "of Y" from a form XObject and logs where markers land."""

    def __init__(self, *args: Any, total_font: tuple[str, float, str] = ("", 8, "#000000"),
                 total_after: str = "", book: FontBook | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.total_font = total_font
        self.total_after = total_after
        """Text that follows the page total in the page label ("页" in "共 8 页")."""
        self.book = book
        self.marker_pages: dict[str, int] = {}
        self.setNamedCB(FN, self._marker_drawn)

    def _marker_drawn(self, canv: Canvas, kind: str | None, label: str) -> None:
        """onDraw callback: remember the page a footnote marker was drawn on."""
        self.marker_pages[label] = self.getPageNumber()

    def draw_total(self, x: float, y: float) -> None:
        """Draw the page total (filled in at save time) with its left end at (x, y)."""
        self.saveState()
        self.translate(x, y)
        self.doForm(TOTAL_FORM)
        self.restoreState()

    def save(self) -> None:
        """Define the page-total form, now that the page count is known, and save."""
        name, size, colour = self.total_font
        self.beginForm(TOTAL_FORM, lowerx=0, lowery=-size, upperx=10 * size, uppery=size * 2)  # type: ignore[arg-type]  # floats work
        self.setFont(name, size)
        self.setFillColor(colors.HexColor(colour))
        total = str(self.getPageNumber() - 1) + self.total_after
        if self.book is not None:
            draw_text(self, self.book, 0, 0, total, (name, size))
        else:
            self.setFont(name, size)
            self.drawString(0, 0, total)
        self.endForm()
        super().save()


PageHook = Callable[[BriefCanvas, "BriefDoc"], None]


class BriefDoc(BaseDocTemplate):
    """The brief's doc template: one footnote frame, outline entries and TOC events."""

    def __init__(self, buffer: Any, *, note: Callable[[str], Flowable], rule: colors.Color,
                 page_begin: PageHook, page_end: PageHook, toc_depth: int, **kw: Any) -> None:
        super().__init__(buffer, keepTogetherClass=KeepWithNext, **kw)
        self.rule = rule
        self.toc_depth = toc_depth
        self._page_end_hook = page_end
        self.outline_level = -1
        frame = FootnoteFrame(self.leftMargin, self.bottomMargin, self.width, self.height,
                              id="body", note=note, leftPadding=0, rightPadding=0,
                              topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate("brief", [frame], onPage=page_begin,  # type: ignore[arg-type]  # called with a BriefCanvas
                                            onPageEnd=self._page_end)])  # type: ignore[arg-type]

    def _page_end(self, canv: BriefCanvas, doc: BriefDoc) -> None:
        """Draw the page's notes, then the page furniture."""
        frame = self.pageTemplate.frames[0]
        assert isinstance(frame, FootnoteFrame)
        frame.draw_notes(canv, self.rule)
        self._page_end_hook(canv, doc)

    def beforeDocument(self) -> None:
        """Start every build pass with a fresh outline."""
        self.outline_level = -1

    def afterFlowable(self, flowable: Flowable) -> None:
        """Register headings in the outline and the table of contents."""
        heading = getattr(flowable, "bg_heading", None)
        if heading is None:
            return
        level, title, toc_markup, dest = heading
        # PDF outlines cannot skip levels: clamp to one below the previous entry.
        self.outline_level = max(0, min(level - 1, self.outline_level + 1))
        self.canv.addOutlineEntry(title, dest, level=self.outline_level)
        if level <= self.toc_depth:
            self.notify("TOCEntry", (level - 1, toc_markup, self.page, dest))


@dataclass(frozen=True)
class Furniture:
    """What every page carries: marking, header, footer, page number, watermark."""

    book: FontBook
    page_size: tuple[float, float]
    margins: tuple[float, float, float, float]
    """Top, right, bottom, left, in points."""
    family: str
    muted: str
    marking: str = ""
    header: str = ""
    footer: str = ""
    draft: bool = False
    page_of: str = "Page {page} of {pages}"
    """The localised page label; the canvas draws what follows ``{pages}`` with the total."""
    size: float = 8.0

    def begin(self, canv: BriefCanvas, doc: BriefDoc) -> None:
        """Under the page's content: the DRAFT watermark."""
        if not self.draft:
            return
        width, height = self.page_size
        canv.saveState()
        canv.setFillColor(colors.HexColor("#9AA3AE"), alpha=0.18)
        canv.translate(width / 2, height / 2)
        canv.rotate(45)
        canv.setFont(face(self.family, bold=True), 110)
        canv.drawCentredString(0, -38, "DRAFT")
        canv.restoreState()

    def end(self, canv: BriefCanvas, doc: BriefDoc) -> None:
        """Over the page's content: header, footer and the marking, top and bottom."""
        width, height = self.page_size
        top, right, bottom, left = self.margins
        y_head, y_foot = height - top / 2 - self.size / 3, bottom / 2 - self.size / 3
        canv.saveState()
        canv.setFillColor(colors.HexColor(self.muted))
        font = (self.family, self.size)
        if self.header:
            draw_text(canv, self.book, left, y_head, self.header, font)
        if self.footer:
            draw_text(canv, self.book, (left + width - right) / 2, y_foot, self.footer, font,
                      "centre")
        label = self.page_of.split("{pages}")[0].format(page=canv.getPageNumber())
        canv.draw_total(left + draw_text(canv, self.book, left, y_foot, label, font), y_foot)
        canv.restoreState()
        for y in (y_head, y_foot):
            self.draw_marking(canv, width - right, y)

    def draw_marking(self, canv: Canvas, x_right: float, y: float) -> None:
        """Draw the marking in capitals, in its TLP colour on a black box, ending at x_right."""
        if not self.marking:
            return
        text = house.marking_label(self.marking)
        text_colour, background = house.marking_colours(text) or ("#FFFFFF", house.TLP_BACKGROUND)
        size = house.MARKING_SIZE
        font = (face(self.family, bold=True), size)
        text_width = measure(self.book, text, font)
        pad = 1.2 * mm
        y -= (size - self.size) / 2  # centred on the line of the smaller header and footer text
        canv.saveState()
        canv.setFillColor(colors.HexColor(background))
        canv.rect(x_right - text_width - 2 * pad, y - size * 0.3, text_width + 2 * pad,
                  size * 1.2, stroke=0, fill=1)
        canv.setFillColor(colors.HexColor(text_colour))
        draw_text(canv, self.book, x_right - pad, y, text, font, "right")
        canv.restoreState()
