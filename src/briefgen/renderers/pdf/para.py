"""reportlab's Paragraph, without breaking its lines again at the width it last broke them at.

platypus measures many paragraphs several times at one width: a table sizes its cells
(``_calc_height``) and measures them again to draw them (``_drawCell``); panels, quotes
and the key-points box are tables. ``Paragraph.wrap`` depends only on the width, the
style and the fragments, and leaves its result on the paragraph (``blPara``, ``width``,
``height``), so when a paragraph is asked again for the width of its last wrap and that
result is still in place, it stands. Splitting a paragraph changes its fragments, so after
``split`` it breaks its lines again, as do the new paragraphs a split makes.
In a fixture brief, 93 of 156 wraps were such repeats.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import paragraph as _rl_paragraph

from briefgen.renderers.pdf import accel, lines, parsing, subset, writing
from briefgen.renderers.pdf.notes import unmarked

_paragraph: Any = _rl_paragraph  # reportlab's helpers, which its type stubs do not declare
accel.install()  # faster, exact stand-ins for two per-word helpers of line breaking
writing.install()  # and for formatting the file's objects
subset.install()  # and for subsetting its fonts


class Paragraph(RLParagraph):
    """A reportlab Paragraph that remembers its last line breaking."""

    _last: tuple[float, Any, float, float] | None = None
    """(available width, blPara, width, height) of the last wrap, or None."""

    breakLines = lines.break_lines  # reportlab's, with less work a word (``lines``)

    def _setup(self, text: Any, style: Any, bulletText: Any, frags: Any, cleaner: Any) -> None:  # noqa: N803 (reportlab's names)
        """reportlab's, with the markup read by ``parsing.parse`` where it can (the same fragments)."""
        if frags is None and cleaner is _paragraph.cleanBlockQuotedText:
            parsed = parsing.parse(text, style, self.caseSensitive)
            if parsed is not None:
                text, style, frags, bullet = parsed
                _paragraph.textTransformFrags(frags, style)
                if bullet:
                    bulletText = bullet  # noqa: N806
        super()._setup(text, style, bulletText, frags, cleaner)  # type: ignore[misc]  # reportlab's, undeclared in its stubs

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (reportlab's names)
        last = self._last
        if (last is not None and last[0] == availWidth and getattr(self, "blPara", None) is last[1]
                and getattr(self, "width", None) == last[2] and getattr(self, "height", None) == last[3]):
            return last[2], last[3]
        width, height = super().wrap(availWidth, availHeight)
        self._last = (availWidth, getattr(self, "blPara", None), width, height)
        return width, height

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803 (reportlab's names)
        self._last = None  # reportlab's split rewrites the fragments the last wrap broke
        parts = super().split(availWidth, availHeight)
        if unmarked(self):  # so are its parts: the footnote scan need not walk their words
            for part in parts:
                part.bg_unmarked = True  # type: ignore[attr-defined]  # read by notes.unmarked
        return parts
