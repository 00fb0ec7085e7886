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


def test_same_frag_reads_class_attributes_as_reportlab_does() -> None:
    """The fast path reads an instance's ``__dict__``; a fragment class that defines one of the compared
    names itself (a default at class level) takes the general path and still agrees."""
    from reportlab.platypus.paraparser import ParaFrag

    class Linked(ParaFrag):
        link = ("#x",)

    class Callback(ParaFrag):
        cbDefn = None

    assert accel._plain(ParaFrag) and not accel._plain(Linked) and not accel._plain(Callback)
    base = {"fontName": "Helvetica", "fontSize": 10, "textColor": None, "rise": 0, "us_lines": [], "text": "a"}
    frags = [ParaFrag(**base), ParaFrag(**base, link=("#x",)), Linked(**base), Callback(**base), ParaFrag(**base, nobr=1)]
    # The general path reads attributes as getattr does. (reportlab's C sameFrag errs here: after a
    # missing attribute of the first fragment it misses the second's class-level one, so it is not
    # the oracle for such classes; reportlab's own fragments define none, as _plain checks.)
    verdicts = [(accel._same_frag(f, g), accel.same_frag(f, g)) for f, g in itertools.product(frags, repeat=2)]
    assert [v for v in verdicts if v[0] != v[1]] == []
    assert verdicts[1 * 5 + 2] == (True, True)  # a link of its own equals a class-level one
    plain = [f for f in frags if type(f) is ParaFrag]
    assert [(f, g) for f, g in itertools.product(plain, repeat=2) if bool(sameFrag(f, g)) != accel.same_frag(f, g)] == []


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


def test_split_string_agrees_with_reportlab_and_assigns_the_same_codes() -> None:
    """Two documents draw the same texts, one through reportlab's splitString, one through the
    stand-in: each text's chunks, and the codes and subsets each document's font state ends with, are equal."""
    import random

    from reportlab.pdfbase.ttfonts import TTFont

    FontBook()
    font = pdfmetrics.getFont("BG-Serif")
    assert isinstance(font, TTFont)
    ours, theirs = object.__new__(type("Doc", (), {})), object.__new__(type("Doc", (), {}))
    rng = random.Random(5)
    alphabet = [chr(c) for c in range(0x20, 0x250)] + ["\xa0", "\u2019", "\u2014", "名", "\U0001f600", "\n", "\ufffe"]
    texts = ["", "the", "the the", "a\xa0b", "ab", "\ufffe", "the\ufffe", *("".join(rng.choices(alphabet, k=rng.randint(0, 12)))
                                                  for _ in range(3000))]
    texts[1:1] = ["the", "t\ufffe", "\ufffe", "e\ufffeh"]  # a state with unset codes, and a text with their stand-in
    fast = 0
    for text in texts:
        state = font.state.get(ours)
        fast += state is not None and bool(text) and "\xa0" not in text and all(
            ord(c) in state.assignments and state.assignments[ord(c)] < 256 for c in text)
        assert accel.split_string(font, text, ours) == accel._split(font, text, theirs), repr(text)
    assert fast > 100  # the fast path was taken, and not for every text
    a, b = font.state[ours], font.state[theirs]
    assert (a.assignments, a.subsets, a.nextCode) == (b.assignments, b.subsets, b.nextCode)
    assert len(a.subsets) > 1  # codes past 255 occurred


def test_installed_in_reportlabs_modules() -> None:
    import briefgen.renderers.pdf.para  # noqa: F401  (installs them)

    assert paragraph.sameFrag is accel.same_frag
    assert paragraph.getAscentDescent is accel.ascent_descent
    assert paragraph.stringWidth is accel.string_width
    assert pdfdoc.pdfdocEnc is accel.pdfdoc_enc and pdfdoc.PDFName is accel.pdf_name
    from reportlab.pdfbase.ttfonts import TTFont
    assert TTFont.splitString is accel.split_string and accel._split is not accel.split_string
    assert accel._encode is not accel.pdfdoc_enc and accel._name is not accel.pdf_name  # the originals, kept
    from reportlab.pdfgen import canvas, textobject
    assert canvas.fp_str is accel.fp_str and textobject.fp_str is accel.fp_str and pdfdoc.fp_str is accel.fp_str
    assert accel._fp_str is not accel.fp_str


def test_fp_str_agrees_with_reportlab_and_forgets_between_renders() -> None:
    from reportlab.lib.rl_accel import fp_str

    numbers = [0, 0.0, -0.0, 1, 1.0, True, -1, 2**60, float(2**60), 0.1, 1 / 3, -2.5, 1e-9, -1e-9, 1e20, 612.0, 72.5]
    accel.fresh_numbers()
    for args in [*((n,) for n in numbers), *itertools.permutations(numbers[:8], 3), ([1.5, 2],), ((0.25, -0.0),)]:
        assert accel.fp_str(*args) == fp_str(*args), args  # first written, then remembered
        assert accel.fp_str(*args) == fp_str(*args), args
    assert accel._NUMBERS
    accel.fresh_numbers()
    assert not accel._NUMBERS


def test_widths_are_kept_across_renders_until_a_font_changes() -> None:
    from reportlab.pdfbase.ttfonts import TTFont

    book = FontBook()
    accel.fresh_widths()
    serif = pdfmetrics.getFont("BG-Serif")
    wide = accel.string_width("Water", "BG-Serif", 10)
    accel.fresh_widths()  # the next render, same fonts: kept
    assert "Water" in accel._WIDTHS[("BG-Serif", 10, "utf8")]
    assert accel.widths_in("BG-Serif", 10) is accel._WIDTHS[("BG-Serif", 10, "utf8")]
    sans = pdfmetrics.getFont("BG-Sans")
    assert isinstance(sans, TTFont)
    assert accel.ascent_descent("BG-Serif", 10) == pdfmetrics.getAscentDescent("BG-Serif", 10)
    pdfmetrics._fonts["BG-Serif"] = sans  # type: ignore[attr-defined]  # another face under a known name
    try:
        pdfmetrics._fonts["BG-Serif"] = pdfmetrics.getFont("Helvetica")  # type: ignore[attr-defined]
        assert accel.ascent_descent("BG-Serif", 10) == pdfmetrics.getAscentDescent("Helvetica", 10) != (10.69, -2.93)
        pdfmetrics._fonts["BG-Serif"] = sans  # type: ignore[attr-defined]
        accel.fresh_widths()
        assert accel._WIDTHS == {}
        assert accel.string_width("Water", "BG-Serif", 10) == pdfmetrics.stringWidth("Water", "BG-Sans", 10) != wide
    finally:
        pdfmetrics._fonts["BG-Serif"] = serif  # type: ignore[attr-defined]
        accel.fresh_widths()
    assert accel._WIDTHS == {} and book is not None
    for i in range(accel.WIDTHS_KEPT):
        accel.widths_in("BG-Serif", 10)[str(i)] = 1.0
    accel.fresh_widths()  # at the bound: kept
    assert len(accel._WIDTHS[("BG-Serif", 10, "utf8")]) == accel.WIDTHS_KEPT
    accel.widths_in("BG-Sans", 10)["x"] = 1.0  # counted over every font
    accel.fresh_widths()  # grown past the bound: started afresh
    assert accel._WIDTHS == {}
