"""Footnotes for the PDF renderer: each note at the foot of the page that holds its marker.

reportlab has no footnotes. A marker in Paragraph markup carries an onDraw tag
(``<onDraw name="fn" label="KEY"/>``); ``FootnoteFrame`` scans each flowable for
those tags before placing or splitting it, and raises the frame's bottom by the
height of the notes that flowable brings. So the note always lands on the page
that holds its marker, also when a paragraph or a table splits across pages.
The doc template (``page.BriefDoc``) draws the collected notes under a short rule at page
end; headings keep with what follows (``keep.KeepWithNext``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Literal

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, Paragraph

FN = "fn"
"""The onDraw name that marks a footnote marker in Paragraph markup."""
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


def unmarked(paragraph: Paragraph) -> bool:
    """True if the paragraph's markup has no footnote marker, or it is a split part of one whose markup had none
    (a split part has no markup of its own: ``para.Paragraph.split`` marks it)."""
    text: object = paragraph.text  # None in a split part
    if isinstance(text, str):
        return _TAG not in text
    return bool(getattr(paragraph, "bg_unmarked", False))


def _collect(item: Any, keys: list[str]) -> None:
    """Walk containers, table cells and paragraph fragments for footnote onDraw tags."""
    if isinstance(item, (str, float, int)):  # the leaves of word lists: most calls, no tags
        return
    if isinstance(item, (list, tuple)):
        for child in item:
            _collect(child, keys)
        return
    if isinstance(item, Paragraph) and unmarked(item):
        return  # its fragments come from markup without a marker: no walk over every word
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
