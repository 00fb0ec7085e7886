"""The PDF's font subsetting (``subset.make_subset``) gives exactly the bytes reportlab's ``makeSubset`` gives."""

from __future__ import annotations

import random

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFontFile

from briefgen.renderers.pdf import lines, para, subset
from briefgen.renderers.pdf.fontfiles import shipped_cjk
from briefgen.renderers.pdf.fonts import FontBook

pytestmark = pytest.mark.skipif(not lines.ACTIVE, reason="another reportlab version: reportlab's own subsets")


def _faces() -> list[object]:
    FontBook()  # registers the house faces and the fallbacks
    shipped_cjk()
    faces = {id(font.face): font.face for font in list(pdfmetrics._fonts.values())  # type: ignore[attr-defined]
             if isinstance(font, TTFont)}
    return list(faces.values())


def test_installed() -> None:
    assert para.Paragraph is not None  # importing the renderer installs it
    assert TTFontFile.makeSubset is subset.make_subset


def test_every_font_and_many_subsets_give_reportlabs_bytes() -> None:
    rng = random.Random(13)
    faces = _faces()
    assert len(faces) >= 4
    for face in faces:
        codes = sorted(face.charToGlyph)  # type: ignore[attr-defined]
        # composite glyphs (accented letters are often made of a base and a mark) and plain ones
        composite = [c for c in codes if subset._parts(face, face.get_table_pos("glyf")[0], face.charToGlyph[c])]  # type: ignore[attr-defined]
        cases = [[], [0x20], [0x41, 0x42, 0x20, 0x10FFFF], codes[:1] * 3, composite[:40]]
        for _ in range(12):
            size = rng.choice([1, 5, 60, 128, 255])
            cases.append(rng.sample(codes, min(size, len(codes))) + rng.sample(composite, min(3, len(composite))))
        for case in cases:
            assert subset.make_subset(face, case) == subset._make_subset(face, case), (face.name, case[:8])  # type: ignore[attr-defined]


def test_a_broken_font_raises_reportlabs_error() -> None:
    face = _faces()[0]
    data = face._ttf_data  # type: ignore[attr-defined]
    start = face.get_table_pos("glyf")[0]  # type: ignore[attr-defined]
    try:
        face._ttf_data = data[:start + 2]  # type: ignore[attr-defined]  # the glyphs cut off
        face.__dict__.pop(subset._PARTS, None)
        with pytest.raises(Exception) as ours:
            subset.make_subset(face, list(range(0x41, 0x5B)))
        with pytest.raises(Exception) as theirs:
            subset._make_subset(face, list(range(0x41, 0x5B)))
        assert (type(ours.value), str(ours.value)) == (type(theirs.value), str(theirs.value))
    finally:
        face._ttf_data = data  # type: ignore[attr-defined]
        face.__dict__.pop(subset._PARTS, None)
