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

Drawing, ``TTFont.splitString`` turns each piece of text into the codes of the font's
subsets, a Python loop over its characters; ``split_string`` does it in C when every
character has its code already (the common case after a brief's first lines). And every
coordinate, colour and size drawn goes through ``fp_str`` (C, but a ``sprintf`` per number):
``fp_str`` here remembers its text for the arguments met before in the same render.

The stand-ins compute the same values, and ``install`` puts them in the reportlab modules
that call them (``platypus.paragraph``, ``pdfbase.pdfdoc``, ``pdfbase.ttfonts.TTFont``). They are exact:
``same_frag`` compares the same attributes in the same order with the same ``!=``,
identity first as CPython's ``PyObject_RichCompareBool`` does, and a missing attribute
equals only a missing one (reading a plain fragment's ``__dict__`` directly); ``ascent_descent`` does the same arithmetic;
tests/test_pdf_accel.py compares each with reportlab's own.
"""

from __future__ import annotations

import re
from codecs import charmap_build, charmap_encode
from itertools import islice
from typing import Any

from reportlab.lib import rl_accel
from reportlab.pdfbase import pdfdoc, pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas, pathobject, textobject
from reportlab.platypus import flowables, paragraph, tables

_COMPARED = ("fontName", "fontSize", "textColor", "rise", "us_lines", "link", "backColor", "nobr")
"""The attributes ``_rl_accel.sameFrag`` compares, in its order (reportlab 4.x)."""
_MISSING = object()


def same_frag(f: Any, g: Any) -> bool:
    """``_rl_accel.sameFrag``: True if fragments ``f`` and ``g`` draw alike (then a word can join)."""
    if _PLAIN.get(type(f)) is True and _PLAIN.get(type(g)) is True:  # the attributes are the instances' own
        d, e = f.__dict__, g.__dict__
        if "cbDefn" in d or "cbDefn" in e or "lineBreak" in d or "lineBreak" in e:
            return False
        for name in _COMPARED:
            a = d.get(name, _MISSING)
            b = e.get(name, _MISSING)
            if a is b:
                continue
            if a is _MISSING or b is _MISSING or a != b:
                return False
        return True
    if type(f) not in _PLAIN or type(g) not in _PLAIN:
        _PLAIN[type(f)], _PLAIN[type(g)] = _plain(type(f)), _plain(type(g))
        return same_frag(f, g)
    return _same_frag(f, g)


def _same_frag(f: Any, g: Any) -> bool:
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


_PLAIN: dict[type, bool] = {}
"""A fragment class → whether its instances' attributes are plainly those in their ``__dict__``."""


def _plain(cls: type) -> bool:
    """True if ``getattr(x, name, default)`` is ``x.__dict__.get(name, default)`` for an instance ``x`` of
    ``cls`` and every name ``same_frag`` reads: attribute lookup is ``object``'s own, instances have a
    ``__dict__``, and no class in the chain defines one of the names (as a value, a property or a slot)
    nor ``__getattr__``. reportlab's fragments (``ABag``s, plain attribute bags) are."""
    if getattr(cls, "__getattribute__", None) is not object.__getattribute__:
        return False
    if not any(type(vars(c).get("__dict__")).__name__ == "getset_descriptor" for c in cls.__mro__):
        return False
    names = {"cbDefn", "lineBreak", *_COMPARED, "__getattr__", "__slots__"}
    return not any(names & vars(c).keys() for c in cls.__mro__)


_ASCENT_DESCENT: dict[str, tuple[Any, float, float]] = {}
"""Font name → (the font registered under it, ascent, descent), in the font's units."""


def ascent_descent(fontName: str, fontSize: float | None = None) -> tuple[float, float]:  # noqa: N803 (reportlab's name)
    """``pdfmetrics.getAscentDescent``, remembering each font's ascent and descent (checked against the font
    registered under the name now, so a font registered in its place is read afresh)."""
    known = _ASCENT_DESCENT.get(fontName)
    if known is None or pdfmetrics._fonts.get(fontName) is not known[0]:  # type: ignore[attr-defined]
        font: Any = pdfmetrics.getFont(fontName)
        try:
            ascent, descent = font.ascent, font.descent
        except Exception:  # as reportlab's bare except
            ascent, descent = font.face.ascent, font.face.descent
        known = _ASCENT_DESCENT[fontName] = (font, ascent, descent)
    if fontSize:
        norm = fontSize / 1000.
        return known[1] * norm, known[2] * norm
    return known[1], known[2]


_WIDTHS: dict[tuple[str, float, str], dict[str, float]] = {}
"""(font name, size, encoding) → text → width, for the fonts registered now (``fresh_widths``)."""
_MEASURED_WITH: dict[str, Any] = {}
"""The fonts registered (``pdfmetrics._fonts``, name → font) when the widths in ``_WIDTHS`` were measured."""
WIDTHS_KEPT = 20_000
"""At most this many widths are kept (about 5 MB); past it, the memo starts afresh at the next render."""


def string_width(text: str, fontName: str, fontSize: float, encoding: str = "utf8") -> float:  # noqa: N803 (reportlab's names)
    """``pdfmetrics.stringWidth``, remembered: a brief measures its space character some 4,000
    times and its common words dozens of times each, and the next brief in the same faces
    measures many of the same words (a fifth to nearly all of them in the example briefs)."""
    known = _WIDTHS.get((fontName, fontSize, encoding))
    if known is None:
        known = _WIDTHS[(fontName, fontSize, encoding)] = {}
    width = known.get(text)
    if width is None:
        width = known[text] = pdfmetrics.stringWidth(text, fontName, fontSize, encoding)
    return width


def widths_in(fontName: str, fontSize: float) -> dict[str, float]:  # noqa: N803 (reportlab's names)
    """The memo's widths of texts in one font and size (utf8), text → width, for ``lines.get_frag_words``,
    which reads a fragment's words from it at once (the dict ``string_width`` fills: never replaced until
    ``fresh_widths`` empties the memo)."""
    known = _WIDTHS.get((fontName, fontSize, "utf8"))
    if known is None:
        known = _WIDTHS[(fontName, fontSize, "utf8")] = {}
    return known


def fresh_widths() -> None:
    """At the start of each render: forget the widths measured so far if a font was registered
    or replaced since (a width is the font's under its name, so no font registered meanwhile
    under a known name is ever served another's), or if the memo has grown past ``WIDTHS_KEPT``."""
    fonts: dict[str, Any] = pdfmetrics._fonts  # type: ignore[attr-defined]
    if (sum(map(len, _WIDTHS.values())) > WIDTHS_KEPT or len(fonts) != len(_MEASURED_WITH)
            or any(_MEASURED_WITH.get(name) is not font for name, font in fonts.items())):
        _WIDTHS.clear()
        _MEASURED_WITH.clear()
        _MEASURED_WITH.update(fonts)


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


_fp_str = rl_accel.fp_str
_NUMBERS: dict[Any, str] = {}
"""The numbers ``fp_str`` wrote in this render (``fresh_numbers`` empties it at each), by its arguments."""


def fp_str(*args: Any) -> str:
    """``fp_str``, remembered for one render: about 640 calls a fixture brief, three in five for numbers
    written before in the same brief (colours, font sizes, leading, margins). Arguments equal by ``==``
    (``0.0`` and ``-0.0``, ``1`` and ``1.0``) are the same numbers to ``fp_str``, which writes each as a double."""
    try:
        text = _NUMBERS.get(args)
    except TypeError:  # a list among them
        return _fp_str(*args)
    if text is None:
        text = _NUMBERS[args] = _fp_str(*args)
    return text


def fresh_numbers() -> None:
    """At the start of each render: a brief's numbers are not served to the next brief."""
    _NUMBERS.clear()


_split = TTFont.splitString
_UNSET = "\ufffe"
"""The character standing for a code no character has yet (a noncharacter; a text that holds it goes to reportlab's)."""


def split_string(self: TTFont, text: Any, doc: Any, encoding: str = "utf-8") -> list[tuple[int, bytes]]:
    """``TTFont.splitString``: ``text`` as (subset, codes) chunks, each character given the code it has in the
    document's subsets of this font (a new character gets the next free code). When every character already has
    a code in subset 0, as most of a brief's text does once its first lines are drawn, that is one chunk of
    those codes, encoded in C through a charmap of subset 0's codes (``_codes``); anything else (a new character,
    a code past 255, a character the font lacks, U+00A0, which has no code of its own as reportlab draws it as a
    space, empty text) goes to reportlab's own, which assigns the codes."""
    state: Any = self.state.get(doc)
    if state is not None and type(text) is str and text and _UNSET not in text:
        codes = state.__dict__.get("_bg_codes")
        if codes is None or codes[0] != len(state.assignments):
            codes = _codes(state, codes)
        try:
            return [(0, charmap_encode(text, "strict", codes[2])[0])]
        except UnicodeEncodeError:  # a character without a code yet, or with a code of another subset
            pass
    return _split(self, text, doc, encoding)


def _codes(state: Any, codes: tuple[int, list[str], Any] | None) -> tuple[int, list[str], Any]:
    """The charmap of a font state's subset 0: (the number of codes assigned when it was made, the character of
    each code 0-255, the encoding map). Codes are only ever added (``assignments`` grows), so it is brought up
    to date from the codes assigned since."""
    assignments = state.assignments
    table = codes[1] if codes is not None else [_UNSET] * 256
    for char, code in islice(assignments.items(), codes[0] if codes is not None else 0, None):
        if code < 256:
            table[code] = chr(char)
    made = state._bg_codes = (len(assignments), table, charmap_build("".join(table)))
    return made


def install() -> None:
    """Use the stand-ins in reportlab's modules (idempotent)."""
    paragraph.sameFrag = same_frag  # type: ignore[attr-defined]
    paragraph.getAscentDescent = ascent_descent  # type: ignore[attr-defined]
    paragraph.stringWidth = string_width  # type: ignore[attr-defined]
    pdfdoc.pdfdocEnc = pdfdoc_enc
    pdfdoc.PDFName = pdf_name
    TTFont.splitString = split_string  # type: ignore[method-assign]
    for module in (canvas, textobject, pathobject, pdfdoc, ttfonts, tables, flowables):
        module.fp_str = fp_str  # type: ignore[attr-defined]
