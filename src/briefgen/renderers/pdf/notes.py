"""Page layout for the PDF renderer: footnotes at the foot of their page, page furniture.

reportlab has no footnotes. A marker in Paragraph markup carries an onDraw tag
(``<onDraw name="fn" label="KEY"/>``); ``FootnoteFrame`` scans each flowable for
those tags before placing or splitting it, and raises the frame's bottom by the
height of the notes that flowable brings. So the note always lands on the page
that holds its marker, also when a paragraph or a table splits across pages.
The doc template draws the collected notes under a short rule at page end, and
the canvas writes "Page X of Y" with a form XObject filled in at save time
(the deferred-showPage recipe would send every link to page 1). ``Furniture``
draws the marking, header, footer and the DRAFT watermark on every page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Literal

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Table,
)

from briefgen.renderers import house
from briefgen.renderers.pdf.fonts import FontBook, draw_text, face
from briefgen.renderers.pdf.fonts import text_width as measure

FN = "fn"
"""The onDraw name that marks a footnote marker in Paragraph markup."""
TOTAL_FORM = "bgPageTotal"
_TAG = f'<onDraw name="{FN}"'
"""How every footnote marker's tag begins in Paragraph markup (see ``marker_tag``)."""


def marker_tag(key: str) -> str:
    """Return the onDraw tag that registers the note ``key`` with the frame."""
    return f'{_TAG} label="{key}"/>'


def note_keys(flowable: Any) -> list[str]:
    """Return the keys of the footnote markers in a flowable, in order, without repeats."""
    keys: list[str] = []
    _collect(flowable, keys)
    return keys


def _collect(item: Any, keys: list[str]) -> None:
    """Walk containers, table cells and paragraph fragments for footnote onDraw tags."""
    if isinstance(item, (str, float, int)):  # the leaves of word lists: most calls, no tags
        return
    if isinstance(item, (list, tuple)):
        for child in item:
            _collect(child, keys)
        return
    if isinstance(item, Paragraph) and isinstance(item.text, str) and _TAG not in item.text:
        return  # its fragments come from this markup, which has no marker (split parts have no text)
    for attr in ("_content", "_flowables", "_cellvalues"):
        _collect(getattr(item, attr, None) or [], keys)
    # Paragraph.frags: plain frags before wrap(); word lists (_HSFrag) after wrap/split.
    _collect(getattr(item, "frags", None) or [], keys)
    cb = getattr(item, "cbDefn", None)
    is_marker = getattr(cb, "kind", None) == "onDraw" and getattr(cb, "name", None) == FN
    if is_marker and cb is not None and cb.label not in keys:
        keys.append(cb.label)


class FootnoteFrame(Frame):
    """A frame that keeps room at its bottom for the notes of the flowables it holds."""

    GAP = 5 * mm
    """Room between the body text and the rule above the notes."""

    def __init__(self, *args: Any, note: Callable[[str], Flowable], **kwargs: Any) -> None:
        self.note = note
        self.notes: list[str] = []
        self._note_heights: dict[str, float] = {}
        super().__init__(*args, **kwargs)

    def _reset(self) -> None:
        """Start a page: recompute the geometry (Frame._reset keeps a raised bottom)."""
        self._geom()
        super()._reset()  # type: ignore[misc]  # a private method of reportlab's Frame
        self.notes = []

    def _note_height(self, key: str) -> float:
        """Return the height of one note at this frame's width (cached)."""
        if key not in self._note_heights:
            self._note_heights[key] = self.note(key).wrap(self._aW, 10_000)[1]
        return self._note_heights[key]

    def reserve(self, keys: Iterable[str]) -> float:
        """Return the extra height the notes ``keys`` need below the ones already placed."""
        new = [k for k in keys if k not in self.notes]
        if not new:
            return 0.0
        return sum(self._note_height(k) for k in new) + (0.0 if self.notes else self.GAP)

    def add(self, flowable: Flowable, canv: Canvas, trySplit: int = 0) -> Literal[0, 1]:
        """Place a flowable if it fits together with its notes."""
        keys = note_keys(flowable)
        extra = self.reserve(keys)
        if not extra:
            return Frame.add(self, flowable, canv, trySplit)
        saved = self._y1p
        self._y1p = saved + extra
        placed = Frame.add(self, flowable, canv, trySplit)
        if placed:
            self.notes.extend(k for k in keys if k not in self.notes)
        else:
            self._y1p = saved
        return placed

    def split(self, flowable: Flowable, canv: Canvas) -> list[Flowable]:
        """Split so that the first part and its notes fit on this page."""
        saved, extra = self._y1p, 0.0
        try:
            for _ in range(8):
                self._y1p = saved + extra
                parts = Frame.split(self, flowable, canv)
                if not parts:
                    return parts
                need = self.reserve(note_keys(parts[0]))
                if need <= extra + 0.01:
                    return parts
                extra = need
            return []
        finally:
            self._y1p = saved

    def draw_notes(self, canv: Canvas, rule: colors.Color) -> None:
        """Draw this page's notes at the bottom of the frame, under a short rule."""
        if not self.notes:
            return
        x = self._x1 + self._leftPadding
        y = self._y1 + self._bottomPadding + sum(self._note_height(k) for k in self.notes)
        canv.saveState()
        canv.setStrokeColor(rule)
        canv.setLineWidth(0.5)
        canv.line(x, y + 2 * mm, x + 40 * mm, y + 2 * mm)
        canv.restoreState()
        for key in self.notes:
            y -= self._note_height(key)
            note = self.note(key)
            note.wrap(self._aW, 10_000)
            note.drawOn(canv, x, y)


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


class KeepWithNext(KeepTogether):
    """Keep a heading with the start of what follows, not with all of it.

    reportlab's keepWithNext moves a heading and the whole next paragraph to a new
    page, leaving a gap. Here a following paragraph or table (which can split) only
    needs its first ~3 lines on the page; anything else must fit whole.
    """

    LEAD = 42.0

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        """Measure as KeepTogether, but count at most LEAD points of a splittable last block."""
        width, height = super().wrap(aW, aH)
        last = self._content[-1] if self._content else None
        splits = isinstance(last, Paragraph) or (
            isinstance(last, Table) and (len(last._cellvalues) > 1 or last.splitInRow))
        if splits and last is not None:
            # super().wrap just wrapped a paragraph at this width: its height stands (no second breakLines)
            again = not (isinstance(last, Paragraph) and getattr(last, "width", None) == aW)
            self._H -= max((last.wrap(aW, aH)[1] if again else last.height) - self._lead(last), 0.0)
        return width, height

    def _lead(self, last: Flowable) -> float:
        """The height of ``last`` that must come along: LEAD, or a table's header and first row.

        Rows never split (``splitInRow=0``), so a caption kept with only LEAD points of a
        table whose first rows are taller is left alone at the foot of the page.
        """
        if not isinstance(last, Table) or last.splitInRow or not getattr(last, "_rowHeights", None):
            return self.LEAD
        head = last.repeatRows if isinstance(last.repeatRows, int) else len(last.repeatRows)
        return max(self.LEAD, sum(last._rowHeights[:head + 1]))

    def split(self, aW: float, aH: float) -> list[Flowable]:
        """Keep together only if the lead *and the notes it brings* fit above the notes frame.

        The frame raises its bottom for a flowable's notes only once it places it, so a
        heading measured against the bare frame could fit while its next paragraph, with
        its notes, could not: the heading was left alone at the foot of the page.
        """
        frame = getattr(self, "_frame", None)
        if isinstance(frame, FootnoteFrame):
            aH -= frame.reserve(self._lead_notes(aW))
        return list(super().split(aW, aH))

    def _lead_notes(self, aW: float) -> list[str]:
        """Return the note keys of what must stay together: all but the last block, and the last one's lead."""
        *first, last = self._content
        keys = note_keys(first)
        if isinstance(last, Paragraph):
            parts = last.split(aW, self.LEAD)  # wrapped at aW by wrap(): the lines that come first
            keys += note_keys(parts[0] if parts else last)
        else:
            keys += note_keys(last)
        return list(dict.fromkeys(keys))


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
