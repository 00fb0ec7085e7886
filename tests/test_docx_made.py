"""The DOCX walk's copied elements are the XML python-docx's own calls make.

``oxml.made`` hands out copies of paragraphs, runs and plain elements made once the
python-docx way; each helper here is compared with the python-docx calls it replaces,
in a document with the house styles (ids differ from names) and in a table cell.
"""

from __future__ import annotations

import docx
import pytest
from docx.oxml import OxmlElement
from docx.text.font import Font
from lxml import etree

from briefgen.renderers.docx import oxml as ox
from briefgen.renderers.docx import styles as docx_styles
from sample_document import sample_document

STYLES = ["Normal", "Heading 1", "Caption", "After Table", "Quote", "List Bullet", "Title", "Table Text"]


def _xml(element: object) -> bytes:
    return etree.tostring(element)


@pytest.fixture()
def houses() -> list:
    """A styled house document (the walk's) and python-docx's plain one, two of each: ours and theirs."""
    sample = sample_document()
    made = [docx_styles.prepare(sample.style, sample.meta).doc for _ in range(2)]
    return [made, [docx.Document(), docx.Document()]]


def test_add_p_is_add_paragraph_with_a_style(houses: list) -> None:
    for ours, theirs in houses:
        for style in STYLES:
            if style not in [s.name for s in theirs.styles]:  # python-docx's plain template lacks the house styles
                continue
            assert _xml(ox.add_p(ours, style)) == _xml(theirs.add_paragraph(style=style)._p), style
        ours_cell, theirs_cell = ours.add_table(1, 1).cell(0, 0), theirs.add_table(1, 1).cell(0, 0)
        ox.style_p(ours_cell.paragraphs[0]._p, ours.part, "Normal")
        theirs_cell.paragraphs[0].style = "Normal"
        ox.add_p(ours_cell, "Normal")
        theirs_cell.add_paragraph(style="Normal")
        assert _xml(ours.element.body) == _xml(theirs.element.body)


def test_style_p_on_a_paragraph_with_content_takes_python_docx_s_way() -> None:
    ours, theirs = docx.Document(), docx.Document()
    for d in (ours, theirs):
        d.add_paragraph("text").paragraph_format.keep_with_next = True
    ox.style_p(ours.paragraphs[0]._p, ours.part, "Heading 1")
    theirs.paragraphs[0].style = "Heading 1"
    assert _xml(ours.element.body) == _xml(theirs.element.body)
    assert b"w:pStyle" in _xml(ours.element.body) and b"w:keepNext" in _xml(ours.element.body)


@pytest.mark.parametrize("value", ["word", " lead", "trail ", "two words", "", "tab\there", "line\nbreak", "a\x01b"])
def test_text_run_is_python_docx_s_run(value: str) -> None:
    for style in ("", "Hyperlink1", "EndnoteReference"):
        for bold in (False, True):
            for italic in (False, True):
                r = OxmlElement("w:r")
                if style:
                    r.get_or_add_rPr().style = style
                font = Font(r)
                if bold:
                    font.bold = True
                if italic:
                    font.italic = True
                clean = ox.clean_text(value)
                if "\t" in clean or "\n" in clean:
                    r.text = clean
                elif clean:
                    r.add_t(clean)
                ours = ox.text_run(value, style, bold, italic)
                assert _xml(ours) == _xml(r), (value, style, bold, italic)
                assert _xml(ox.text_run(value, style, bold, italic)) == _xml(r)  # a second copy, equally fresh


def test_run_text_and_el_are_new_elements_each_time() -> None:
    first = ox.run(ox.text(" x "), style="S1")
    second = ox.run(ox.text("y"), style="S1")
    assert first is not second and first[0] is not second[0]
    expected = OxmlElement("w:r")
    expected.get_or_add_rPr().style = "S1"
    t = OxmlElement("w:t")
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    t.text = "y"
    expected.append(t)
    assert _xml(second) == _xml(expected)
    a, b = ox.el("w:tab"), ox.el("w:fldChar", fldCharType="begin")
    assert _xml(ox.el("w:tab")) == _xml(a) and a is not ox.el("w:tab")
    assert b"fldCharType=\"begin\"" in _xml(b) and b"fldCharType" not in _xml(ox.el("w:fldChar"))
