"""Keep-with-next for the PDF: a heading or caption stays with the start of what follows.

reportlab's own keepWithNext keeps the whole next block; ``KeepWithNext`` (the doc
template's ``keepTogetherClass``) keeps only its lead, and counts the footnotes that lead
brings, which the footnote frame adds only once it places it.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table

from briefgen.renderers.pdf.notes import FootnoteFrame, note_keys, unmarked


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
        if isinstance(last, Paragraph) and not unmarked(last):
            parts = last.split(aW, self.LEAD)  # wrapped at aW by wrap(): the lines that come first
            keys += note_keys(parts[0] if parts else last)
        else:
            keys += note_keys(last)
        return list(dict.fromkeys(keys))
