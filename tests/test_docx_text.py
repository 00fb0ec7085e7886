"""The DOCX walk's XML text parses into the tree python-docx's element calls make (``renderers/docx/xmltext``).

Each piece is put in a paragraph of a real document both ways, the text way and the element
way (``oxml``'s functions, which make elements the python-docx way), and the document part
is serialised: the bytes must be the same.
"""

from __future__ import annotations

import docx
from docx.opc.oxml import serialize_part_xml
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen import renderers
from briefgen.renderers.docx import oxml as ox
from briefgen.renderers.docx import xmltext as xt
from sample_document import sample_document

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
"""Any text, control characters, markup and spaces included (both ways clean it alike)."""
STYLE = st.sampled_from(["", "Hyperlink", "R&D <x>", "FootnoteReference"])


_DOC = docx.Document()


def _both(text: str, *made: ox.Xml) -> tuple[bytes, bytes]:
    """The document part with a paragraph holding ``text`` parsed, and with one holding the elements ``made``."""
    body = _DOC.element.body
    body.append(xt.parse("<w:p>" + text + "</w:p>"))
    parsed = serialize_part_xml(_DOC.element)
    body.remove(body[-1])
    p = ox.OxmlElement("w:p")
    p.extend(made)
    body.append(p)
    built = serialize_part_xml(_DOC.element)
    body.remove(p)
    return parsed, built


@settings(max_examples=300, deadline=None)
@given(TEXT, STYLE, st.booleans(), st.booleans())
def test_a_text_run_is_the_run_oxml_makes(value: str, style: str, bold: bool, italic: bool) -> None:
    written, made = _both(xt.text_run(value, style, bold, italic), ox.text_run(value, style, bold, italic))
    assert written == made


@settings(max_examples=200, deadline=None)
@given(TEXT, STYLE)
def test_a_literal_run_is_the_run_oxml_makes(value: str, style: str) -> None:
    written, made = _both(xt.run(xt.preserved(value), style=style) + xt.plain(value),
                          ox.run(ox.text(value), style=style), *([ox.run(ox.text(value))] if value else []))
    assert written == made  # an empty value too: <w:t xml:space="preserve"></w:t>


@settings(max_examples=100, deadline=None)
@given(TEXT)
def test_links_and_paragraphs_are_what_oxml_makes(anchor: str) -> None:
    written, made = _both(xt.hyperlink(_DOC.part, "#" + anchor) + "</w:hyperlink>", ox.hyperlink(_DOC.part, "#" + anchor))
    assert written == made
    for style_id in (None, "Heading1", "a&b"):
        start, end = xt.paragraph(style_id)
        assert xt.markup(xt.parse(start + end)) == xt.markup(ox.new_p(style_id))


def test_a_rendered_brief_declares_its_namespaces_once() -> None:
    import io
    import zipfile

    data = renderers.get("docx").render(sample_document()).data
    body = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert body.count("xmlns:w=") == 1 and body.count("xmlns:r=") == 1  # on the root only
    assert "briefgen-empty" not in body
