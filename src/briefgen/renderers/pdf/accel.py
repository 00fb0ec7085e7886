"""Faster stand-ins for reportlab helpers called once per word or once per PDF object.

``Paragraph.breakLines`` asks, for every word of a paragraph with more than one fragment
(any paragraph with a link, a citation marker or bold text), whether the word's fragment
looks like the previous one (``rl_accel.sameFrag``) and what its font's ascent and
descent are (``pdfmetrics.getAscentDescent``). Both are slow for a reason outside their
work: ``sameFrag`` (C) looks up attributes our fragments do not have (``cbDefn``,
``backColor``, ``nobr``), and each miss builds an ``AttributeError`` (about 10 µs a call);
``getAscentDescent`` reads ``font.ascent``, which a TrueType font does not have, and takes
the same exception path. In a fixture brief they were a fifth of the PDF's time.

Writing the file, ``pdfdoc.format`` encodes every piece of every object with
``pdfdocEnc`` (a Python-level codec, ``extpdfdoc``), and every dictionary key goes through
``PDFName``: a fifth of the save. ``pdfdoc_enc`` encodes ASCII text directly (the codec maps
each ASCII character to its own byte, except 0x18-0x1F, which it refuses: those still go
through it), and ``pdf_name`` remembers the names it made.

The stand-ins compute the same values, and ``install`` puts them in the reportlab modules
that call them (``platypus.paragraph``, ``pdfbase.pdfdoc``). They are exact:
``same_frag`` compares the same attributes in the same order with the same ``!=``,
identity first as CPython's ``PyObject_RichCompareBool`` does, and a missing attribute
equals only a missing one; ``ascent_descent`` does the same arithmetic;
tests/test_pdf_accel.py compares each with reportlab's own.
"""

from __future__ import annotations

import re
from typing import Any

from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.platypus import paragraph

_COMPARED = ("fontName", "fontSize", "textColor", "rise", "us_lines", "link", "backColor", "nobr")
"""The attributes ``_rl_accel.sameFrag`` compares, in its order (reportlab 4.x)."""
_MISSING = object()


def same_frag(f: Any, g: Any) -> bool:
    """``_rl_accel.sameFrag``: True if fragments ``f`` and ``g`` draw alike (then a word can join)."""
    if (hasattr(f, "cbDefn") or hasattr(g, "cbDefn")
            or hasattr(f, "lineBreak") or hasattr(g, "lineBreak")):
        return False
    for name in _COMPARED:
        a = getattr(f, name, _MISSING)
        b = getattr(g, name, _MISSING)
        if a is b:
            continue
        if a is _MISSING or b is _MISSING or a != b:
            return False
    return True


_ASCENT_DESCENT: dict[int, tuple[Any, float, float]] = {}
"""id(font) → (font, ascent, descent), in the font's units; the font is kept so its id stays its own."""


def ascent_descent(fontName: str, fontSize: float | None = None) -> tuple[float, float]:  # noqa: N803 (reportlab's name)
    """``pdfmetrics.getAscentDescent``, remembering each font's ascent and descent."""
    font: Any = pdfmetrics.getFont(fontName)
    known = _ASCENT_DESCENT.get(id(font))
    if known is None or known[0] is not font:
        try:
            ascent, descent = font.ascent, font.descent
        except Exception:  # as reportlab's bare except
            ascent, descent = font.face.ascent, font.face.descent
        known = _ASCENT_DESCENT[id(font)] = (font, ascent, descent)
    if fontSize:
        norm = fontSize / 1000.
        return known[1] * norm, known[2] * norm
    return known[1], known[2]


_WIDTHS: dict[tuple[str, str, float, str], float] = {}
"""(text, font name, size, encoding) → width, for one render (``fresh_widths`` empties it)."""


def string_width(text: str, fontName: str, fontSize: float, encoding: str = "utf8") -> float:  # noqa: N803 (reportlab's names)
    """``pdfmetrics.stringWidth``, remembered within one render: a brief measures its space
    character some 4,000 times and its common words dozens of times each."""
    key = (text, fontName, fontSize, encoding)
    width = _WIDTHS.get(key)
    if width is None:
        width = _WIDTHS[key] = pdfmetrics.stringWidth(text, fontName, fontSize, encoding)
    return width


def fresh_widths() -> None:
    """Forget the widths measured so far (at the start of each render, so that the memo
    stays small and no font registered meanwhile under a known name could be served)."""
    _WIDTHS.clear()


_REFUSED = re.compile(b"[\x18-\x1f]")
"""ASCII bytes that ``extpdfdoc`` does not map to themselves (it refuses them)."""
_encode = pdfdoc.pdfdocEnc
_name = pdfdoc.PDFName


def pdfdoc_enc(x: Any) -> Any:
    """``pdfdoc.pdfdocEnc``: text as PDFDocEncoding bytes; bytes as they are."""
    if isinstance(x, str) and x.isascii():
        data = x.encode("ascii")
        if _REFUSED.search(data) is None:
            return data
    return _encode(x)


_NAMES: dict[str, str] = {}
"""PDFName's results for the names seen (dictionary keys, font and resource names)."""


def pdf_name(data: Any, lo: Any = chr(0x21), hi: Any = chr(0x7E)) -> str:
    """``pdfdoc.PDFName``: ``/data`` with the characters a name may not hold as #hex."""
    if lo != chr(0x21) or hi != chr(0x7E) or not isinstance(data, str):
        return _name(data, lo, hi)
    name = _NAMES.get(data)
    if name is None:
        name = _name(data)
        if len(_NAMES) < 4096:
            _NAMES[data] = name
    return name


def install() -> None:
    """Use the stand-ins in reportlab's modules (idempotent)."""
    paragraph.sameFrag = same_frag  # type: ignore[attr-defined]
    paragraph.getAscentDescent = ascent_descent  # type: ignore[attr-defined]
    paragraph.stringWidth = string_width  # type: ignore[attr-defined]
    pdfdoc.pdfdocEnc = pdfdoc_enc
    pdfdoc.PDFName = pdf_name
