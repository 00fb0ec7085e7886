"""The DOCX renderer, read back as a reader would: text, styles, notes, links, fields, properties."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from lxml import etree

from briefgen import model
from briefgen.model import (
    BulletList,
    Callout,
    Cite,
    Document,
    Emph,
    Entry,
    Footnote,
    Heading,
    Link,
    Marker,
    Meta,
    NoteList,
    Paragraph,
    Strong,
    Style,
    Text,
)
from briefgen.renderers.docx import render as docx_renderer
from sample_document import sample_document

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
W = "{" + NS["w"] + "}"
R_ID = "{" + NS["r"] + "}id"


# ---------------------------------------------------------------- helpers


def render(document: Document) -> bytes:
    return docx_renderer.render(document).data


def brief(*blocks: model.Block, **meta: object) -> Document:
    """A small Document with ``blocks`` as its body."""
    return Document(Meta(title="Brief", **meta), tuple(blocks))  # type: ignore[arg-type]


def part(data: bytes, name: str) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(name))


def relationships(data: bytes, name: str) -> dict[str, str]:
    """Relationship id -> target of the part ``name`` (e.g. ``word/document.xml``)."""
    folder, file = name.rsplit("/", 1)
    rels = part(data, f"{folder}/_rels/{file}.rels")
    return {rel.get("Id"): rel.get("Target") for rel in rels.iterfind("rel:Relationship", NS)}


def text_of(element: etree._Element) -> str:
    return "".join(t.text or "" for t in element.iter(W + "t"))


def footnotes(data: bytes) -> dict[str, str]:
    """Footnote id -> its text (without the leading number), for real notes only."""
    notes = part(data, "word/footnotes.xml")
    return {n.get(W + "id"): text_of(n).strip() for n in notes.iterfind("w:footnote", NS)
            if int(n.get(W + "id")) > 0}


def bookmarks(root: etree._Element) -> set[str]:
    return {b.get(W + "name") for b in root.iter(W + "bookmarkStart")}


def reading_order(data: bytes) -> list[tuple[str, str]]:
    """(style name, text) of each body paragraph, and ("table", cell texts) of each table."""
    items = []
    for item in docx.Document(io.BytesIO(data)).iter_inner_content():
        if isinstance(item, docx.table.Table):
            items.append(("table", " | ".join(c.text for row in item.rows for c in row.cells)))
        else:
            items.append((item.style.name, item.text))
    return items


def is_subsequence(wanted: list, items: list) -> bool:
    rest = iter(items)
    return all(any(w == item for item in rest) for w in wanted)


@pytest.fixture(scope="module")
def sample() -> bytes:
    return render(sample_document())


# ---------------------------------------------------------------- text and styles


def test_title_headings_paragraphs_lists_quote_and_tables_read_back_in_order(sample):
    para = "Plain text, bold, italic, a link and paragraph {}.3"
    wanted = [
        ("Title", "Water Allocation in the Basin"),
        ("Subtitle", "Options for the inter-ministerial committee"),
        ("Brief Meta", "Minister · 3 March 2025 · Policy Unit"),
        ("table", "Key points\nReservoir levels fell by a third \nR&D <spending> rose “sharply” & fast"),
        ("TOC Heading", "Contents"),
        ("Heading 1", "Background"),
        ("Normal", para.format(0)), ("Normal", para.format(1)), ("Normal", para.format(2)),
        ("Quote", "“Water is the new oil,” said the minister."),
        ("Heading 2", "Data 数据"),
        ("Caption", "Table 1. Claims per source"),
        ("table", "Source | Claims | Daily News | 3 | Gazette | 1"),
        ("Caption", "Figure 1. Sources by theme"),
        ("table", "Source | Drought | Daily News | 2"),
        ("List Number", "First"), ("List Number", "Second"),
        ("Heading 1", "Notes"),
        ("Note Entry", "3.\tGazette, “Dams,” 2023, https://example.org/dams."),
    ]
    items = reading_order(sample)
    assert is_subsequence(wanted, items), items


def test_bullets_use_list_bullet_and_bold_italic_are_run_formatting():
    data = render(brief(
        BulletList(((Text("one"),), (Text("two"),))),
        Paragraph((Strong((Text("b"), Emph((Text("bi"),)))), Emph((Text("i"),)), Text("plain"))),
    ))
    document = docx.Document(io.BytesIO(data))
    assert [(p.style.name, p.text) for p in document.paragraphs[-3:-1]] == [
        ("List Bullet", "one"), ("List Bullet", "two")]
    runs = [(r.text, bool(r.bold), bool(r.italic)) for r in document.paragraphs[-1].runs]
    assert runs == [("b", True, False), ("bi", True, True), ("i", False, True), ("plain", False, False)]


def test_each_numbered_list_restarts_at_one():
    data = render(brief(*(BulletList(((Text(f"{n}"),),), ordered=True) for n in "ab")))
    num_ids = [n.get(W + "val") for n in part(data, "word/document.xml").iter(W + "numId")]
    assert len(num_ids) == 2 and num_ids[0] != num_ids[1]
    numbering = part(data, "word/numbering.xml")
    for num_id in num_ids:
        num = numbering.find(f"w:num[@w:numId='{num_id}']", NS)
        assert num.find("w:lvlOverride/w:startOverride", NS).get(W + "val") == "1"


def test_markup_lookalikes_come_back_literally():
    lines = ("R&D <spending> “sharply” & fast", "**not bold** {{ x }} <b>", "a\tb")
    data = render(brief(*(Paragraph((Text(line),)) for line in lines)))
    paragraphs = docx.Document(io.BytesIO(data)).paragraphs
    assert [p.text for p in paragraphs[-3:]] == list(lines)
    assert not any(r.bold for p in paragraphs[-3:] for r in p.runs)


def test_cjk_text_survives_with_east_asian_font_and_language(sample):
    assert ("Heading 2", "Data 数据") in reading_order(sample)
    styles = part(sample, "word/styles.xml")
    normal = styles.find("w:style[@w:styleId='Normal']/w:rPr", NS)
    assert normal.find("w:rFonts", NS).get(W + "eastAsia")
    assert normal.find("w:lang", NS).get(W + "val") == "en-GB"
    assert normal.find("w:lang", NS).get(W + "eastAsia") == "zh-CN"


def test_named_styles_exist_and_carry_the_house_look(sample):
    document = docx.Document(io.BytesIO(sample))
    names = {s.name for s in document.styles}
    assert {"Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "Quote", "List Bullet",
            "List Number", "Brief Meta", "Caption", "footnote text", "footnote reference",
            "Hyperlink", "Brief Table", "Key Points Box", "Note Entry", "Marking"} <= names
    accent = docx.shared.RGBColor.from_string(Style().accent[1:])
    assert document.styles["Heading 1"].font.color.rgb == accent
    assert document.styles["Normal"].font.size.pt == Style().body_size
    assert document.tables[1].style.name == "Brief Table"
    header_row = part(sample, "word/document.xml").findall(".//w:tbl", NS)[1].find("w:tr", NS)
    assert header_row.find("w:trPr/w:tblHeader", NS) is not None


def test_callout_is_a_shaded_box_holding_its_title_and_blocks():
    style = Style(callout_fill="#FFF4E0")
    data = render(replace(brief(Callout("Bottom line", (Paragraph((Text("Act now."),)),))), style=style))
    table = docx.Document(io.BytesIO(data)).tables[0]
    assert table.style.name == "Key Points Box"
    assert [(p.style.name, p.text) for p in table.cell(0, 0).paragraphs] == [
        ("Key Points Title", "Bottom line"), ("Normal", "Act now.")]
    fill = table.style.element.find("w:tcPr/w:shd", NS).get(W + "fill")
    assert fill == "FFF4E0"


# ---------------------------------------------------------------- notes, links, anchors


def test_footnotes_are_real_notes_with_the_footnote_contents(sample):
    notes = footnotes(sample)
    assert list(notes.values()) == ["A. Author, “Title,” Daily News, 2024.", "Ibid."]
    references = [r.get(W + "id") for r in part(sample, "word/document.xml").iter(W + "footnoteReference")]
    assert references == list(notes)
    settings = part(sample, "word/settings.xml")
    assert settings.find("w:footnotePr", NS) is not None


def test_links_inside_footnotes_are_related_on_the_footnotes_part():
    note = Footnote("1", (Text("See "), Link("https://example.org/n?a=1&b=2", (Text("here"),)), Text(".")))
    data = render(brief(Paragraph((Text("Claim"), note))))
    assert list(footnotes(data).values()) == ["See here."]
    links = list(part(data, "word/footnotes.xml").iter(W + "hyperlink"))
    targets = relationships(data, "word/footnotes.xml")
    assert [targets[link.get(R_ID)] for link in links] == ["https://example.org/n?a=1&b=2"]


def test_footnote_labels_that_are_not_the_running_number_become_custom_marks():
    data = render(brief(Paragraph((Text("x"), Footnote("*", (Text("star"),))))))
    reference = next(part(data, "word/document.xml").iter(W + "footnoteReference"))
    assert reference.get(W + "customMarkFollows") == "1"
    assert list(footnotes(data).values()) == ["* star"]


def test_external_links_point_at_their_url(sample):
    body = part(sample, "word/document.xml")
    targets = relationships(sample, "word/document.xml")
    urls = {targets[h.get(R_ID)] for h in body.iter(W + "hyperlink") if h.get(R_ID)}
    assert urls == {"https://example.org/report?a=1&b=2", "https://example.org/dams"}


def test_internal_links_markers_and_toc_entries_land_on_bookmarks(sample):
    body = part(sample, "word/document.xml")
    anchors = [h.get(W + "anchor") for h in body.iter(W + "hyperlink") if h.get(W + "anchor")]
    assert set(anchors) == {"sec-background", "sec-data", "sec-notes", "note-3"}
    assert set(anchors) <= bookmarks(body)
    markers = [h for h in body.iter(W + "hyperlink") if h.get(W + "anchor") == "note-3"]
    assert [text_of(m) for m in markers] == ["3", "3", "3"]
    assert all(m.find(".//w:rStyle", NS).get(W + "val") == "EndnoteReference" for m in markers)


def test_long_or_odd_anchors_become_safe_bookmarks_consistently():
    anchor = "sec-a-very-long-heading-anchor-that-word-would-truncate-x"
    data = render(brief(Paragraph((Link("#" + anchor, (Text("go"),)),)),
                        Heading(1, (Text("Far"),), anchor)))
    body = part(data, "word/document.xml")
    target = next(h.get(W + "anchor") for h in body.iter(W + "hyperlink"))
    assert len(target) <= 40 and target in bookmarks(body)


def test_toc_has_a_pageref_per_heading_and_contents_is_not_an_outline_heading(sample):
    document = docx.Document(io.BytesIO(sample))
    toc = [p for p in document.paragraphs if p.style.name.startswith("toc ")]
    assert [(p.style.name, p.text.split("\t")[0]) for p in toc] == [
        ("toc 1", "Background"), ("toc 2", "Data 数据"), ("toc 1", "Notes")]
    instructions = [t.text.strip() for p in toc for t in p._p.iter(W + "instrText")]
    assert instructions == [f"PAGEREF {a} \\h" for a in ("sec-background", "sec-data", "sec-notes")]
    body = part(sample, "word/document.xml")
    assert not any("TOC \\" in (t.text or "") for t in body.iter(W + "instrText"))
    contents = next(p for p in document.paragraphs if p.text == "Contents")
    assert not contents.style.name.startswith("Heading")


def test_note_entries_are_bookmarked_with_hanging_indent(sample):
    body = part(sample, "word/document.xml")
    assert {"note-3", "sec-background", "sec-data", "sec-notes"} <= bookmarks(body)
    entry = docx.Document(io.BytesIO(sample)).styles["Note Entry"].paragraph_format
    assert entry.first_line_indent < 0 < entry.left_indent


# ---------------------------------------------------------------- build errors


def test_dangling_marker_is_a_build_error():
    with pytest.raises(ValueError, match="dangling marker.*note-9"):
        render(brief(Paragraph((Text("x"), Marker("9", "note-9", True)))))


def test_unresolved_citation_is_a_build_error():
    with pytest.raises(ValueError, match="unresolved citation"):
        render(brief(Paragraph((Text("x"), Cite(("smith2020",))))))


def test_link_to_an_unknown_anchor_is_a_warning():
    result = docx_renderer.render(brief(Paragraph((Link("#nowhere", (Text("x"),)),))))
    assert [(w.code, w.severity, w.message) for w in result.warnings] == [("docx.link", "warning", "link to unknown anchor '#nowhere'")]
    assert result.pages is None


def test_unusable_logo_and_reference_docx_are_warnings_not_failures():
    style = Style(logo="/nonexistent/logo.png", reference_docx="house.docx")
    result = docx_renderer.render(replace(brief(Paragraph((Text("x"),))), style=style))
    assert [w.code for w in result.warnings] == ["docx.reference", "docx.logo"]
    assert [w.message.split()[0] for w in result.warnings] == ["style.reference_docx", "logo"]
    assert docx.Document(io.BytesIO(result.data)).paragraphs[-1].text == "x"


def test_marker_to_an_entry_inside_a_callout_resolves():
    notes = NoteList((Entry("n1", "1.", (Text("note"),)),))
    data = render(brief(Paragraph((Marker("1", "n1", True),)), Callout("Sources", (notes,))))
    assert "n1" in bookmarks(part(data, "word/document.xml"))


# ---------------------------------------------------------------- a reference document

REFERENCE_COLOUR, REFERENCE_FONT = "C01080", "Georgia"


def reference_docx(path: Path, *, only: tuple[str, ...] = ()) -> str:
    """Write a reference .docx whose Heading 1 is Georgia, 20 pt, magenta, with content to shed.

    ``only`` keeps just those styles (by Word name) and drops the numbering part, like a
    reference saved from a blank Word document.
    """
    ref = docx.Document()
    if only:
        for element in ref.styles.element.findall("w:style", NS):
            if element.find("w:name", NS).get(W + "val") not in only:
                ref.styles.element.remove(element)
        for rel_id, rel in list(ref.part.rels.items()):
            if rel.reltype.endswith("/numbering"):
                del ref.part.rels[rel_id]
    heading = ref.styles["Heading 1"]
    fonts = heading.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.attrib.clear()  # no theme fonts: the named font is the one shown
    heading.font.name, heading.font.size = REFERENCE_FONT, docx.shared.Pt(20)
    heading.font.color.rgb = docx.shared.RGBColor.from_string(REFERENCE_COLOUR)
    paragraph = ref.add_paragraph("Reference text that must not survive")
    ref.add_comment(paragraph.runs, text="A reviewer's private remark", author="Reviewer")
    ref.sections[0].header.paragraphs[0].text = "Reference header"
    ref.save(path)
    return str(path)


def test_reference_docx_styles_are_kept_and_used(tmp_path):
    document = sample_document(Style(reference_docx=reference_docx(tmp_path / "house.docx")))
    result = docx_renderer.render(document)
    assert result.warnings == ()
    heading = part(result.data, "word/styles.xml").find("w:style[@w:styleId='Heading1']", NS)
    assert heading.find("w:rPr/w:color", NS).get(W + "val") == REFERENCE_COLOUR
    assert heading.find("w:rPr/w:rFonts", NS).get(W + "ascii") == REFERENCE_FONT
    assert heading.find("w:rPr/w:sz", NS).get(W + "val") == "40"
    items = reading_order(result.data)
    assert ("Heading 1", "Background") in items and ("Title", "Water Allocation in the Basin") in items
    assert next(iter(footnotes(result.data).values())) == "A. Author, “Title,” Daily News, 2024."
    assert render(document) == result.data, "a reference document keeps renders byte-identical"


def test_reference_docx_content_comments_and_header_are_not_carried_over(tmp_path):
    document = sample_document(Style(reference_docx=reference_docx(tmp_path / "house.docx")))
    data = render(document)
    package = zipfile.ZipFile(io.BytesIO(data))
    assert not [name for name in package.namelist() if "comments" in name]
    everything = b"".join(package.read(name) for name in package.namelist())
    for leftover in (b"must not survive", b"private remark", b"Reference header"):
        assert leftover not in everything
    section = docx.Document(io.BytesIO(data)).sections[0]
    assert section.header.paragraphs[0].text.endswith("TLP:GREEN")
    assert "Page 1 of 1" in section.footer.paragraphs[0].text


def test_styles_a_reference_lacks_are_defined_and_lists_still_number(tmp_path):
    path = reference_docx(tmp_path / "bare.docx", only=("Normal", "heading 1", "Default Paragraph Font"))
    data = render(sample_document(Style(reference_docx=path)))
    styles = docx.Document(io.BytesIO(data)).styles
    assert {"Title", "Heading 2", "Quote", "List Number", "Brief Table", "Marking", "toc 1"} <= {
        s.name for s in styles}
    assert styles["Heading 1"].font.color.rgb == docx.shared.RGBColor.from_string(REFERENCE_COLOUR)
    assert styles["Heading 2"].font.name is None, "missing styles inherit the reference's fonts"
    assert styles["Heading 2"].element.find("w:pPr/w:outlineLvl", NS).get(W + "val") == "1"
    body, numbering = part(data, "word/document.xml"), part(data, "word/numbering.xml")
    numbered = [p for p in body.iter(W + "p") if text_of(p) in ("First", "Second")]
    num_id = numbered[0].find("w:pPr/w:numPr/w:numId", NS).get(W + "val")
    abstract = numbering.find(f"w:num[@w:numId='{num_id}']/w:abstractNumId", NS).get(W + "val")
    level = numbering.find(f"w:abstractNum[@w:abstractNumId='{abstract}']/w:lvl", NS)
    assert level.find("w:numFmt", NS).get(W + "val") == "decimal"
    assert styles["toc 1"].paragraph_format.tab_stops[0].leader is not None


def test_only_the_docx_renderer_modules_import_python_docx():
    package = Path(docx_renderer.__file__).parent
    src = package.parents[1]
    importers = {p.relative_to(src).as_posix() for p in src.rglob("*.py")
                 if re.search(r"^\s*(from|import) docx\b", p.read_text(), re.MULTILINE)}
    # inputs/readers.py reads .docx sources; every writer of DOCX lives in renderers/docx/.
    assert importers and all(name.startswith("renderers/docx/") or name == "inputs/readers.py"
                             for name in importers), importers


# ---------------------------------------------------------------- page, furniture, metadata


def test_header_and_footer_carry_marking_and_page_x_of_y(sample):
    section = docx.Document(io.BytesIO(sample)).sections[0]
    header = section.header.paragraphs[0]
    footer = section.footer.paragraphs[0]
    assert header.text.endswith("TLP:GREEN") and footer.text.endswith("TLP:GREEN")
    assert "Page 1 of 1" in footer.text  # the cached field results
    instructions = [t.text.strip() for t in footer._p.iter(W + "instrText")]
    assert instructions == ["PAGE", "NUMPAGES"]
    marking = docx.Document(io.BytesIO(sample)).styles["Marking"]
    assert marking.font.color.rgb == docx.shared.RGBColor.from_string("33FF00")
    assert marking.element.find("w:rPr/w:shd", NS).get(W + "fill") == "000000"


def test_house_header_and_footer_text_and_draft_watermark():
    style = Style(header_text="Policy Unit", footer_text="Not for publication")
    data = render(replace(brief(Paragraph((Text("x"),)), marking="TLP:RED", draft=True), style=style))
    section = docx.Document(io.BytesIO(data)).sections[0]
    assert section.header.paragraphs[0].text.startswith("Policy Unit")
    # The same footer as the PDF's: page label left, house text centred, marking right.
    assert section.footer.paragraphs[0].text.split("\t") == ["Page 1 of 1", "Not for publication", "TLP:RED"]
    paths = part(data, "word/header1.xml").iter("{urn:schemas-microsoft-com:vml}textpath")
    assert [p.get("string") for p in paths if p.get("string")] == ["DRAFT"]


def test_no_marking_means_no_marking_anywhere():
    data = render(brief(Paragraph((Text("x"),))))
    section = docx.Document(io.BytesIO(data)).sections[0]
    assert "TLP" not in section.header.paragraphs[0].text + section.footer.paragraphs[0].text


def test_core_properties():
    meta = Meta(title="Water & Power", author=("A. One", "B. Two"), subject="Water policy",
                keywords=("water", "drought"), date="3 March 2025", issued=dt.date(2025, 3, 3),
                marking="TLP:AMBER")
    data = render(Document(meta, (Paragraph((Text("x"),)),)))
    props = docx.Document(io.BytesIO(data)).core_properties
    assert (props.title, props.author, props.subject, props.keywords) == (
        "Water & Power", "A. One; B. Two", "Water policy", "water; drought")
    assert (props.category, props.comments, props.revision) == ("TLP:AMBER", "", 1)
    assert props.created.date().isoformat() == "2025-03-03" == props.modified.date().isoformat()
    assert props.last_modified_by == "A. One; B. Two" and props.language == "en-GB"
    assert "docProps/thumbnail.jpeg" not in zipfile.ZipFile(io.BytesIO(data)).namelist()


@pytest.mark.parametrize(("size", "mm"), [("A4", (210.0, 297.0)), ("Letter", (215.9, 279.4))])
def test_page_size_and_margins(size, mm):
    document = replace(brief(Paragraph((Text("x"),))), style=Style(page_size=size))
    section = docx.Document(io.BytesIO(render(document))).sections[0]
    assert (section.page_width.mm, section.page_height.mm) == pytest.approx(mm, abs=0.1)
    margins = (section.top_margin, section.right_margin, section.bottom_margin, section.left_margin)
    assert [m.mm for m in margins] == pytest.approx(Style().margins_mm, abs=0.1)


def test_unknown_page_size_is_an_error():
    with pytest.raises(ValueError, match="page size"):
        render(replace(brief(), style=Style(page_size="A5")))


# ---------------------------------------------------------------- determinism and coverage


def test_renders_are_byte_identical(sample):
    assert render(sample_document()) == sample
    infos = zipfile.ZipFile(io.BytesIO(sample)).infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert {info.date_time for info in infos} == {(1980, 1, 1, 0, 0, 0)}


def test_renders_are_byte_identical_across_hash_seeds(sample):
    code = ("import hashlib, sys; sys.path.insert(0, sys.argv[1]);"
            "from sample_document import sample_document;"
            "from briefgen.renderers.docx.render import render;"
            "print(hashlib.sha256(render(sample_document()).data).hexdigest())")
    tests = str(Path(__file__).parent)
    digests = {subprocess.run([sys.executable, "-c", code, tests], capture_output=True, text=True,
                              check=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout.strip()
               for seed in ("1", "2")}
    assert digests == {hashlib.sha256(sample).hexdigest()}


# ---------------------------------------------------------------- a real client


def test_libreoffice_renders_notes_and_toc_page_numbers(tmp_path, sample):
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    source = tmp_path / "brief.docx"
    source.write_bytes(render(sample_document(paragraphs=34)))
    result = subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file:///tmp/lo-test-{os.getpid()}",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=False, capture_output=True, text=True, timeout=180)
    pdf = tmp_path / "brief.pdf"
    assert pdf.exists() and "Error:" not in result.stderr, result.stderr
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "A. Author, “Title,” Daily News, 2024." in text
    assert re.search(r"Background\s*\.{5,}\s*1\b", text)
    assert re.search(r"Notes\s*\.{5,}\s*2\b", text), "the notes start on page 2"
    assert "Page 2 of 2" in text and text.count("TLP:GREEN") >= 4
