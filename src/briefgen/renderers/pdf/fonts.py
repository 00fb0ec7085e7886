"""Fonts and paragraph styles for the PDF renderer.

reportlab has no font fallback: a character missing from the current font is
drawn as an empty box. So every text segment is split into runs, each drawn in
the first font of a chain that has the character:

* the body or heading family: the house faces shipped in ``briefgen/fonts``,
  Noto Serif and Noto Sans (Latin subsets, OFL; the DOCX names and embeds the same
  files, so both formats use one typeface family), then the other one;
* DejaVu Serif and DejaVu Sans (Debian's fonts-dejavu, in every base image), else the
  Vera faces reportlab ships, for the scripts the subsets leave out;
* ``briefgen-cjk.ttf``, a 1.7 MB glyf subset of WenQuanYi Micro Hei shipped in
  ``briefgen/fonts`` (GB 2312 + Big5 level 1 hanzi, kana, CJK punctuation);
* a full system CJK font, registered only if a character needs it.

The shipped subset comes before any system font so that the same brief gives
the same bytes on every machine; system fonts only fill its gaps. A character
that no font covers is reported in ``FontBook.missing`` and becomes a warning.
All fonts are TrueType and embedded (subset) by reportlab; their files and registration
are in ``fontfiles.py``.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from briefgen.errors import Problem, warning
from briefgen.model import Style, printable_text
from briefgen.renderers.pdf.fontfiles import (
    FAMILY_NAMES,
    SHIPPED_CJK,
    covered,
    face,
    fallbacks,
    register,
    shipped_cjk,
    system_cjk,
)

__all__ = ["SHIPPED_CJK", "FontBook", "draw_text", "escape", "face", "fallbacks", "make_styles", "quoteattr", "text_width"]

def escape(text: str) -> str:
    """Return ``text`` with ``&``, ``<`` and ``>`` as entities, as ``xml.sax.saxutils.escape`` does.

    Here rather than imported: ``xml.sax.saxutils`` imports urllib, http and ssl, a tenth of a
    cold build's imports, for two string replacements (tests/test_cold_start.py compares them).
    """
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def quoteattr(text: str) -> str:
    """Return ``text`` escaped and quoted as an XML attribute value, as ``xml.sax.saxutils.quoteattr`` does."""
    text = escape(text).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in text:
        return f'"{text}"'
    if "'" not in text:
        return f"'{text}'"
    return '"' + text.replace('"', "&quot;") + '"'


def _neutral(char: str) -> bool:
    """True for spaces and invisible format characters: they join any run."""
    return char.isspace() or unicodedata.category(char) in ("Cf", "Zs")


@dataclass
class FontBook:
    """The font chains of one render, and the characters no font could draw."""

    missing: dict[str, None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.base = register()

    def family(self, logical: str) -> str:
        """Return the registered family for a style's "serif" or "sans"."""
        return FAMILY_NAMES.get(logical, FAMILY_NAMES["serif"])

    def font_for(self, char: str, family: str) -> str:
        """Return the family of the first font in ``family``'s chain that has ``char``."""
        code = ord(char)
        for name in (family,) + tuple(n for n in self.base if n != family):
            if code in covered(name):
                return name
        for name in fallbacks() + shipped_cjk() + (system_cjk() if code > 0x2E7F else ()):
            if code in covered(name):
                return name
        self.missing[char] = None
        return family

    def runs(self, text: str, family: str) -> Iterator[tuple[str, str]]:
        """Split ``text`` into (family, text) runs, each drawable in that family."""
        text = clean(text)
        if ((text.isascii() and text.isprintable() and _covers_ascii(family))  # U+0020-U+007E only, all in the font
                or covered(family).issuperset(map(ord, text))):  # the usual case: one run, no per-character walk
            if text:
                yield family, text
            return
        current, chunk = family, ""
        for char in text:
            name = current if _neutral(char) else self.font_for(char, family)
            if name != current and chunk:
                yield current, chunk
                chunk = ""
            current, chunk = name, chunk + char
        if chunk:
            yield current, chunk

    def markup(self, text: str, family: str, bold: bool = False, italic: bool = False) -> str:
        """Return ``text`` escaped for Paragraph markup, with <font> tags for fallback runs."""
        parts = []
        for name, run in self.runs(text, family):
            if name == family:
                parts.append(escape(run))
            else:
                parts.append(f'<font name="{face(name, bold, italic)}">{escape(run)}</font>')
        return "".join(parts)

    def single_font(self, text: str, family: str, bold: bool = False) -> str:
        """Return one face that draws all of ``text`` (for graphics strings)."""
        names = {name for name, _ in self.runs(text, family)} - {family}
        return face(min(names) if names else family, bold)

    def warnings(self) -> tuple[Problem, ...]:
        """Return one warning per character that no font covers."""
        return tuple(warning("pdf.font", f"no font has U+{ord(c):04X} {c!r} "
                             f"({unicodedata.name(c, 'unnamed')}); it is drawn as an empty box")
                     for c in self.missing)


def clean(text: str) -> str:
    """Drop control characters (the model's one cleaner); tabs and line breaks become spaces."""
    if text.isprintable():  # no control character, tab or line break: nothing to do
        return text
    return printable_text(text).translate(_SPACES)


@functools.cache
def _covers_ascii(family: str) -> bool:
    """True if the font ``family`` has every printable ASCII character (U+0020-U+007E)."""
    return covered(family).issuperset(range(0x20, 0x7F))


_SPACES = str.maketrans("\t\n\r", "   ")


def _face_runs(book: FontBook, text: str, font: str) -> list[tuple[str, str]]:
    """Split ``text`` into (face, run) pairs for the face ``font`` and its fallbacks."""
    bold = font.endswith("-Bold")
    return [(face(name, bold), run) for name, run in book.runs(text, font.removesuffix("-Bold"))]


def text_width(book: FontBook, text: str, font: tuple[str, float]) -> float:
    """Return the width of ``text`` drawn with ``draw_text``."""
    return sum(pdfmetrics.stringWidth(run, name, font[1])
               for name, run in _face_runs(book, text, font[0]))


def draw_text(canv: Canvas, book: FontBook, x: float, y: float, text: str,
              font: tuple[str, float], align: str = "left") -> float:
    """Draw ``text`` at (x, y) with font fallback (``font`` is a face and a size)."""
    width = text_width(book, text, font)
    x -= {"left": 0.0, "right": width, "centre": width / 2}[align]
    for name, run in _face_runs(book, text, font[0]):
        canv.setFont(name, font[1])
        canv.drawString(x, y, run)
        x += pdfmetrics.stringWidth(run, name, font[1])
    return width


def make_styles(style: Style, book: FontBook) -> dict[str, ParagraphStyle]:
    """Return the named paragraph styles of the brief, from the house style."""
    body, head = book.family(style.body_font), book.family(style.heading_font)
    size, accent, muted = style.body_size, colors.HexColor(style.accent), colors.HexColor(style.muted)
    base = ParagraphStyle("body", fontName=body, fontSize=size, leading=size * 1.4,
                          alignment=TA_LEFT, spaceAfter=size * 0.6, bulletFontName=body,
                          bulletFontSize=size, textColor=colors.HexColor("#1A1A1A"),
                          allowWidows=0, allowOrphans=0,  # no lone first or last line at a page edge
                          uriWasteReduce=0.3)  # a URL that does not fit may break after a slash (reportlab's rule)

    def derive(name: str, parent: ParagraphStyle = base, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=parent, **kw)

    s = {"body": base}
    for level, hsize in enumerate(style.heading_sizes, start=1):
        s[f"h{level}"] = derive(f"h{level}", fontName=face(head, bold=True), fontSize=hsize,
                                leading=hsize * 1.25, textColor=accent, keepWithNext=1,
                                spaceBefore=hsize * (1.0 if level == 1 else 0.7),
                                spaceAfter=hsize * 0.35)
    s["title"] = derive("title", s["h1"], fontSize=style.title_size, spaceBefore=0,
                        leading=style.title_size * 1.15, spaceAfter=style.title_size * 0.3)
    s["subtitle"] = derive("subtitle", fontName=head, fontSize=size * 1.3, leading=size * 1.7,
                           textColor=muted, spaceAfter=size * 0.3)
    s["metaline"] = derive("metaline", fontName=head, fontSize=size * 0.85, textColor=muted)
    s["quote"] = derive("quote", fontName=face(body, italic=True), textColor=muted)
    s["bullet"] = derive("bullet", leftIndent=6 * mm, bulletIndent=1.5 * mm, spaceAfter=size * 0.25)
    s["cell"] = derive("cell", fontSize=size * 0.88, leading=size * 1.15, spaceAfter=0)
    s["cell_head"] = derive("cell_head", s["cell"], fontName=face(head, bold=True))
    s["tile"] = derive("tile", s["cell"], alignment=1)
    s["tile_dark"] = derive("tile_dark", s["tile"], textColor=colors.white)
    s["tile_head"] = derive("tile_head", s["cell_head"], alignment=1)
    s["caption"] = derive("caption", fontName=face(head, bold=True), fontSize=size * 0.82,
                          leading=size * 1.1, textColor=muted, spaceBefore=size * 0.4,
                          spaceAfter=size * 0.4, keepWithNext=1)
    s["figcaption"] = derive("figcaption", s["caption"], keepWithNext=0, spaceAfter=size)
    s["note"] = derive("note", fontSize=7.8, leading=9.6, leftIndent=5 * mm, spaceAfter=0,
                       bulletFontSize=7.8, embeddedHyphenation=2)
    s["entry"] = derive("entry", fontSize=size * 0.9, leading=size * 1.25, embeddedHyphenation=2)
    s["callout_title"] = derive("callout_title", s["h3"], fontSize=size * 1.1, spaceBefore=0,
                                keepWithNext=0)
    s["contents"] = derive("contents", s["callout_title"], spaceBefore=size * 0.5)
    for level in range(3):
        s[f"toc{level}"] = derive(f"toc{level}", fontName=head, textColor=muted if level else base.textColor,
                                  fontSize=size * (0.92 if level else 1.0), spaceAfter=1,
                                  leftIndent=(6 * level) * mm, leading=size * 1.35)
    return s
