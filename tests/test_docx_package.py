"""The DOCX writer's own zip is byte for byte the zip the slow path wrote.

The slow path (kept here as the oracle): python-docx saves the package through zipfile,
then every member is written again through zipfile with a fixed date and mode. The fast
path writes each member once and reuses the deflated stream of bytes it saw before.
"""

from __future__ import annotations

import io
import zipfile

import docx
from docx.opc.packuri import PackURI
from docx.oxml.ns import qn
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen import renderers
from briefgen.renderers.docx import package, styleids
from sample_document import sample_document


def normalise_zip(data: bytes) -> bytes:
    """The slow path's second half: rewrite a zip with fixed timestamps and attributes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            member.create_system = 0
            target.writestr(member, source.read(info.filename))
    return out.getvalue()


def _zipped(members: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            z.writestr(name, data)
    return out.getvalue()


def test_zip_members_writes_what_zipfile_writes() -> None:
    members = [("[Content_Types].xml", b"<Types/>"), ("word/empty.xml", b""),
               ("word/fonts/font1.odttf", bytes(range(256)) * 64), ("word/média.xml", "é".encode() * 3000)]
    expected = normalise_zip(_zipped(members))
    assert package.zip_members(members) == expected
    kept = {id(data) for _, data in members}
    assert package.zip_members(members, kept) == expected
    assert package.zip_members(members, kept) == expected  # again, from the deflated streams it kept
    assert zipfile.ZipFile(io.BytesIO(expected)).testzip() is None


def test_saved_brief_is_python_docx_save_normalised() -> None:
    rendered = renderers.get("docx").render(sample_document()).data
    doc = docx.Document(io.BytesIO(rendered))
    buffer = io.BytesIO()
    doc.save(buffer)  # python-docx's own save of the same parts
    assert package.save(doc) == normalise_zip(buffer.getvalue())


def test_documents_opened_from_one_reader_are_independent() -> None:
    reader = package.read(renderers.get("docx").render(sample_document()).data)
    first, second = package.open_document(reader), package.open_document(reader)
    first.add_paragraph("only in the first")
    assert "only in the first" in [p.text for p in first.paragraphs]
    assert "only in the first" not in [p.text for p in second.paragraphs]
    assert package.save(package.open_document(reader)) == package.save(second)


def test_a_warm_brief_leaves_the_styles_unparsed(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from briefgen.model import Footnote, Paragraph, Text
    render = renderers.get("docx").render
    sample = sample_document()
    first = render(sample).data
    parsed: list[str] = []
    original = package.parse_xml
    monkeypatch.setattr(package, "parse_xml", lambda blob: parsed.append(original(blob).tag.split("}")[1]) or original(blob))
    assert render(sample).data == first
    # styles.xml (350 KB), header and footer saved as read, not parsed and serialised again; the settings
    # only for the footnotes, the numbering only for the numbered list that restarts its count
    assert sorted(set(parsed)) == ["numbering", "settings"]
    parsed.clear()
    plain = replace(sample, body=(Paragraph((Text("No note, no list."),)),))
    render(plain)
    assert parsed == []
    with_note = replace(plain, body=(Paragraph((Text("A note"), Footnote("1", (Text("here."),)))),))
    noted = docx.Document(io.BytesIO(render(with_note).data))
    assert parsed == ["settings"]
    assert noted.settings.element.find(qn("w:footnotePr")) is not None  # what the note put in the settings was saved


def test_style_ids_found_at_once_are_python_docx_own() -> None:
    import copy

    from docx.enum.style import WD_STYLE_TYPE
    from docx.styles import BabelFish

    doc = docx.Document(io.BytesIO(renderers.get("docx").render(sample_document()).data))
    first = doc.styles.element.style_lst[0]
    twin = copy.deepcopy(first)
    twin.default, twin.styleId = False, "Twin"
    doc.styles.element.append(twin)  # a second style of the same name: python-docx finds the first
    memo = styleids.style_ids(doc)
    names = {s.name for s in doc.styles} | {BabelFish.ui2internal(s.name) for s in doc.styles}
    assert len(memo) >= len(doc.styles) and ("Heading 1", WD_STYLE_TYPE.PARAGRAPH) in memo
    assert ("Normal", WD_STYLE_TYPE.PARAGRAPH) in memo and memo["Normal", WD_STYLE_TYPE.PARAGRAPH] is None  # the default
    for name in names:
        for kind in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER, WD_STYLE_TYPE.TABLE):
            try:
                expected = doc.styles.get_style_id(name, kind)
            except (KeyError, ValueError):
                assert (name, kind) not in memo
                continue
            assert memo[(name, kind)] == expected, (name, kind)


def test_reread_is_read_of_save() -> None:
    doc = docx.Document(io.BytesIO(renderers.get("docx").render(sample_document()).data))
    via_zip, direct = package.read(package.save(doc)), package.reread(doc)
    assert list(direct.iter_sparts()) == list(via_zip.iter_sparts())
    assert [(u, s.rId, s.reltype, s.target_ref, s.is_external) for u, s in direct.iter_srels()] == \
        [(u, s.rId, s.reltype, s.target_ref, s.is_external) for u, s in via_zip.iter_srels()]
    assert package.save(package.open_document(direct)) == package.save(package.open_document(via_zip))


_ATTRIBUTE_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=20).map(
    lambda s: "".join(c for c in s if c in "\t\n\r" or c >= " "))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_ATTRIBUTE_TEXT, _ATTRIBUTE_TEXT, st.booleans()), max_size=4))
def test_rels_written_as_text_are_python_docx_own(targets: list[tuple[str, str, bool]]) -> None:
    from docx.opc.part import Part
    from docx.opc.rel import Relationships

    rels = Relationships("/word")
    for index, (reltype, target, external) in enumerate(targets):
        part = Part(PackURI(f"/word/x{index}&.xml"), "x", b"")
        rels.add_relationship(reltype, target if external else part, f"rId{index}{target}", is_external=external)
    assert package.rels_xml(rels) == rels.xml  # python-docx: an element per relationship, serialised by lxml
