"""The PDF's stand-ins for reportlab's per-word helpers give exactly what reportlab's give."""

from __future__ import annotations

import itertools

from _rl_accel import sameFrag  # reportlab's own C function, which the stand-in replaces
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.platypus import paragraph

from briefgen.renderers.pdf import accel
from briefgen.renderers.pdf.fonts import FontBook
from briefgen.renderers.pdf.notes import marker_tag

MARKUP = [
    "plain words here",
    'a <a href="#x" color="#123456">link</a> and <a href="https://example.org">another</a> one',
    "<b>bold</b> <i>italic</i> <b><i>both</i></b> <u>under</u> <strike>struck</strike>",
    '<font color="red">red</font> <font color="#FF0000">also red</font> <font size="8">small</font>',
    f'text{marker_tag("3")}<super>3</super> more <a name="anchor"/>after',
    '<span backColor="yellow">marked</span> <nobr>no break here</nobr> x<sub>2</sub>',
    '<font name="BG-Sans">sans</font> <font name="BG-Serif-Bold">serif bold</font><br/>next line',
]


def _frags() -> list[object]:
    FontBook()  # registers the house fonts the markup names
    style = getSampleStyleSheet()["BodyText"]
    frags: list[object] = []
    for text in MARKUP:
        para = paragraph.Paragraph(text, style)
        frags += para.frags
        para.wrap(120, 1000)  # broken into lines: word fragments and their clones
        frags += [w for line in para.blPara.lines for w in getattr(line, "words", [])]
    return frags


def test_same_frag_agrees_with_reportlab_on_every_pair() -> None:
    frags = _frags()
    pairs = list(itertools.product(frags, repeat=2))
    assert len(pairs) > 1000
    verdicts = [(sameFrag(f, g), accel.same_frag(f, g)) for f, g in pairs]
    assert [v for v in verdicts if bool(v[0]) != v[1]] == []
    assert {v[1] for v in verdicts} == {True, False}  # both answers occur


def test_ascent_descent_and_widths_agree_with_reportlab() -> None:
    FontBook()
    for name in ("BG-Serif", "BG-Sans-Bold", "Helvetica", "Times-Italic"):
        for size in (None, 0, 7.8, 10.5, 9.450000000000001):
            assert accel.ascent_descent(name, size) == pdfmetrics.getAscentDescent(name, size)
        for text in ("", " ", "the", "Water-scarce basins’ demand", "Ünïcödé"):
            assert accel.string_width(text, name, 10.5) == pdfmetrics.stringWidth(text, name, 10.5)
            assert accel.string_width(text, name, 10.5) == pdfmetrics.stringWidth(text, name, 10.5)


def _outcome(function: object, value: object) -> object:
    try:
        return function(value)  # type: ignore[operator]
    except UnicodeError as exc:
        return type(exc)


def test_pdf_writing_helpers_agree_with_reportlab() -> None:
    texts = [chr(i) for i in range(0x2100)] + ["", "/Type /Annot", "BG-Serif-Bold", "a b%c(d)", "x\x18y",
                                               "Café", "€ 5", "Größe", "名字", "\x7f\x80", "tab\there\n"]
    for text in texts:
        assert _outcome(accel.pdfdoc_enc, text) == _outcome(accel._encode, text), repr(text)
        assert accel.pdf_name(text) == accel._name(text) == accel.pdf_name(text), repr(text)
    for data in (b"", b"%PDF-1.4", bytes(range(256))):
        assert accel.pdfdoc_enc(data) is data
    assert accel.pdf_name("a b", chr(0x20), chr(0x7e)) == accel._name("a b", chr(0x20), chr(0x7e))


def test_installed_in_reportlabs_modules() -> None:
    import briefgen.renderers.pdf.para  # noqa: F401  (installs them)

    assert paragraph.sameFrag is accel.same_frag
    assert paragraph.getAscentDescent is accel.ascent_descent
    assert paragraph.stringWidth is accel.string_width
    assert pdfdoc.pdfdocEnc is accel.pdfdoc_enc and pdfdoc.PDFName is accel.pdf_name
    assert accel._encode is not accel.pdfdoc_enc and accel._name is not accel.pdf_name  # the originals, kept
