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


def test_strings_are_every_string_of_the_model() -> None:
    """``embed.strings`` (which decides whether a brief embeds the CJK face) finds each string of the
    model once, as a plain walk over every dataclass field and tuple finds them."""
    import dataclasses

    from briefgen.renderers.docx import embed

    def walk(node: object) -> list[str]:
        if isinstance(node, str):
            return [node]
        if isinstance(node, tuple):
            return [s for item in node for s in walk(item)]
        if dataclasses.is_dataclass(node) and not isinstance(node, type):
            return [s for f in dataclasses.fields(node) for s in walk(getattr(node, f.name))]
        return []

    document = sample_document()
    assert sorted(embed.strings(document)) == sorted(walk(document))
    assert len(walk(document)) > 50


def _old_table(box: object, rows: list[list[str]], columns: int, weights: tuple[float, ...], style: str) -> None:
    """The Brief Table as the walk made it before ``xmltext.table``: python-docx's calls (the oracle)."""
    grid = box.add_table(len(rows), columns)  # type: ignore[attr-defined]
    grid.style = style
    for row in grid.rows:
        row._tr.get_or_add_trPr().append(ox.el("w:cantSplit"))
    grid.rows[0]._tr.get_or_add_trPr().append(ox.el("w:tblHeader"))
    made = ox.cells(grid)
    for row_cells, contents in zip(made, rows, strict=True):
        for cell, content in zip(row_cells, contents, strict=False):
            p = cell.paragraphs[0]._p
            p.append(ox.new_p("TableText")[0])
            p.append(ox.text_run(content))
    if weights:
        total = sum(cell.width for cell in made[0])
        for index, (column, weight) in enumerate(zip(grid.columns, weights, strict=False)):
            column.width = width = int(total * weight / sum(weights))
            for row_cells in made:
                row_cells[index].width = width


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(TEXT, max_size=4), min_size=1, max_size=4), st.integers(1, 4),
       st.integers(100_000, 8_000_000), st.booleans(), st.booleans(),
       st.lists(st.floats(0.5, 5.0), min_size=4, max_size=4))
def test_a_table_written_as_text_is_the_table_python_docx_makes(rows: list[list[str]], columns: int, width: int,
                                                               weighted: bool, in_cell: bool,
                                                               weights: list[float]) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Emu

    rows = [row[:columns] for row in rows]
    chosen = tuple(weights[:columns]) if weighted else ()
    texts = [[xt.paragraph("TableText")[0] + xt.text_run(content) + "</w:p>" for content in row] for row in rows]
    outputs = []
    for old in (True, False):
        doc = docx.Document()
        box = doc.add_table(1, 1).cell(0, 0) if in_cell else doc
        if in_cell:
            box.width = Emu(width)
        if old:
            _old_table(box, rows, columns, chosen, "Light Grid")
        else:
            style_id = doc.part.get_style_id("Light Grid", WD_STYLE_TYPE.TABLE)
            tbl = xt.parse(xt.table(texts, columns, box.width if in_cell else doc._block_width, chosen, style_id))
            if in_cell:
                box._element._insert_tbl(tbl)
                box.add_paragraph()
            else:
                doc.element.body._insert_tbl(tbl)
        outputs.append(serialize_part_xml(doc.element))
    assert outputs[0] == outputs[1]
