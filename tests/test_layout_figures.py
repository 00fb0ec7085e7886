"""Figures that inform, the same in both formats, read back as a reader would.

* The coverage figure names each source as the brief's citations name it (the short note
  form, or the in-text label), so the reader finds the row's source in the notes.
* The text refers to every figure ("Figure 1 counts…"), as a link to it, in both formats.
* The DOCX timeline is the PDF's drawing, as a picture carrying its data as alt text.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pypdf
import pytest
import yaml

from briefgen import pipeline, renderers
from briefgen.inputs import spec
from briefgen.model import Document, Figure, Footnote, Heading, Meta, Paragraph, Table, Text, plain_text
from briefgen.renderers.docx import figures as docx_figures
from briefgen.renderers.pdf import fonts, raster
from briefgen.renderers.pdf.figures import Pen, timeline_bands
from conftest import ROOT

GLOBAL = "global-ai-organisation.yaml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def model(project: Path, name: str = GLOBAL, **changes: object) -> Document:
    path = project / "briefs" / name
    if changes:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data.update(changes)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    corpus = pipeline.load_corpus(pipeline.Project(project))
    return pipeline.document(pipeline.Project(project), corpus, spec.load_spec(path, corpus.summary, corpus.sources))


def coverage(document: Document) -> Figure:
    return next(b for b in document.body if isinstance(b, Figure) and b.kind == "coverage")


def notes(document: Document) -> list[str]:
    found = []
    for block in document.body:
        for node in getattr(block, "content", ()):
            if isinstance(node, Footnote):
                found.append(plain_text(node.content))
    return found


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def test_coverage_rows_name_each_source_by_its_short_note_form_found_in_one_bibliography_entry(project):
    document = model(project, citations={"style": "chicago-notes"})
    labels = [plain_text(row[0]) for row in coverage(document).data.rows]
    bibliography = next(b for b in reversed(document.body) if type(b).__name__ == "NoteList")
    entries = [words(plain_text(e.content)) for e in bibliography.entries]
    for label in labels:  # "Short Title": the reader finds the one entry it abbreviates
        assert sum(words(label) <= entry for entry in entries) == 1, (label, entries)
    printed = re.sub(r"[.,]", "", "\n".join(notes(document)))  # the short form the notes print, up to the full stop
    assert any(re.sub(r"[.,]", "", label) in printed for label in labels)


def test_coverage_rows_name_each_source_as_the_in_text_citations_do():
    document = model(ROOT)  # APA, author-date
    labels = [plain_text(row[0]) for row in coverage(document).data.rows]
    text = "\n".join(plain_text(b.content) for b in document.body if isinstance(b, Paragraph))
    assert labels and all(label in text for label in labels), (labels, text[:300])


def test_coverage_rows_of_a_numeric_style_carry_the_reference_number(project):
    document = model(project, citations={"style": "ieee"})
    labels = [plain_text(row[0]) for row in coverage(document).data.rows]
    references = next(b for b in reversed(document.body) if type(b).__name__ == "NoteList")
    numbered = {e.label.strip("[]. ") for e in references.entries}
    assert labels and all(re.match(r"\[(\d+)\] \S", label) and label[1:label.index("]")] in numbered for label in labels), labels


@pytest.fixture(scope="module")
def global_files() -> dict[str, bytes]:
    document = model(ROOT)
    return {name: renderers.get(name).render(document).data for name in ("pdf", "docx")}


def test_the_pdf_text_refers_to_the_figure_with_a_link(global_files):
    reader = pypdf.PdfReader(io.BytesIO(global_files["pdf"]))
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))
    assert "Figure 1 counts, for each cited source" in text
    page = next(p for p in reader.pages if "Figure 1 counts" in (p.extract_text() or ""))
    links = [a.get_object() for a in page.get("/Annots", [])]
    internal = [a for a in links if a.get("/Subtype") == "/Link" and "/URI" not in str(a.get("/A", ""))]
    assert internal, "the reference to Figure 1 is not a link"


def test_the_docx_text_refers_to_the_figure_with_a_link_to_its_caption(global_files):
    body = docx.Document(io.BytesIO(global_files["docx"])).element.body
    links = [h for h in body.iter(f"{W}hyperlink") if "Figure 1" in "".join(t.text or "" for t in h.iter(f"{W}t"))]
    assert links, "no link reads 'Figure 1'"
    anchor = links[0].get(f"{W}anchor")
    bookmarks = {b.get(f"{W}name") for b in body.iter(f"{W}bookmarkStart")}
    assert anchor in bookmarks


ROWS = (("March 2023", "The ministry opened a consultation."), ("July 2023", "Storage fell to 31 percent."),
        ("January 2024", "The board adopted emergency allocations."), ("May 2024", "Rainfall returned."),
        ("October 2024", "The authority published its review."))


def timeline_document() -> Document:
    data = Table(((Text("Date"),), (Text("Event"),)), tuple(((Text(d),), (Text(e),)) for d, e in ROWS))
    figure = Figure("timeline", "Figure 1. Timeline of events", data, anchor="fig-1")
    return Document(Meta("Timeline"), (Heading(1, (Text("Events"),), "sec-events"), figure))


def test_the_docx_timeline_is_the_pdf_drawing_as_a_picture_with_its_data_as_alt_text():
    document = timeline_document()
    data = renderers.get("docx").render(document).data
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        media = [z.read(n) for n in sorted(z.namelist()) if n.startswith("word/media/")]
        xml = z.read("word/document.xml").decode()
    book = fonts.FontBook()
    pen = Pen(book, book.family("serif"), book.family("sans"), document.style.accent,
              fonts.make_styles(document.style, book)["cell"].fontSize)
    drawn = [raster.png(b) for b in timeline_bands(document.body[1].data, pen, docx_figures.text_width(document.style))]
    assert media == drawn  # the very drawing the PDF places, painted
    assert "<w:tbl>" not in xml  # the data is not shown as a table
    alts = re.findall(r'<wp:docPr [^>]*descr="([^"]*)"', xml)
    assert len(alts) == len(drawn)
    for date, event in ROWS:
        assert f"{date}: {event}" in alts[0]
    pdf = pypdf.PdfReader(io.BytesIO(renderers.get("pdf").render(document).data)).pages[0].extract_text()
    assert all(date in pdf for date, _ in ROWS)


def test_the_docx_timeline_sits_between_the_margins_as_in_the_pdf():
    """Inline pictures keep no wrap distance: LibreOffice's default 0.32 cm had pushed a
    picture as wide as the text 3 mm right, past the right margin."""
    xml = renderers.get("docx").render(timeline_document()).data
    with zipfile.ZipFile(io.BytesIO(xml)) as z:
        inlines = re.findall(r"<wp:inline\b[^>]*>", z.read("word/document.xml").decode())
    assert inlines
    for inline in inlines:
        assert all(f'{side}="0"' in inline for side in ("distT", "distB", "distL", "distR")), inline


def test_the_timeline_picture_is_the_same_bytes_every_time():
    document = timeline_document()
    assert renderers.get("docx").render(document).data == renderers.get("docx").render(document).data


def test_coverage_rows_of_the_second_corpus_tell_its_same_publisher_sources_apart(tmp_path):
    """Three BIS press releases were three rows all reading "…Bureau of Industry and Security"."""
    import shutil
    shutil.copytree(ROOT / "examples" / "export-controls", tmp_path, dirs_exist_ok=True)
    name = next((tmp_path / "briefs").glob("*.yaml")).name
    document = model(tmp_path, name, figures=["coverage"])
    labels = [plain_text(row[0]) for row in coverage(document).data.rows]
    assert len(labels) >= 3 and len(set(labels)) == len(labels), labels
    assert not [label for label in labels if "Bureau of Industry and Security" in label]  # short titles, as the notes give them


def test_an_analyst_refers_to_a_figure_by_its_kind_and_gets_its_number(project):
    data = yaml.safe_load((project / "briefs" / GLOBAL).read_text(encoding="utf-8"))
    data["sections"][0]["text"] = "As [](#figure:coverage) shows, and [the chart](#figure:coverage) too; [](#figure:timeline) is absent."
    document = model(project, **{"sections": data["sections"]})
    from briefgen.model import Link
    paragraph = next(b for b in document.body if isinstance(b, Paragraph) and "As " in plain_text(b.content))
    links = [(n.url, plain_text(n.content)) for n in paragraph.content if isinstance(n, Link)]
    assert links == [("#fig-1", "Figure 1"), ("#fig-1", "the chart")]  # no timeline here: no dangling link


def test_the_docx_coverage_table_has_the_pdf_look_no_header_band_and_no_outer_rules(global_files):
    document = docx.Document(io.BytesIO(global_files["docx"]))
    grid = next(t for t in document.tables if "Source" in t.rows[0].cells[0].text and len(t.columns) > 2)
    fills = {c._tc.find(f"{W}tcPr/{W}shd").get(f"{W}fill") for c in grid.rows[0].cells}
    assert fills == {"FFFFFF"}, "the header row is banded in the DOCX, not in the PDF"
    borders = grid._tbl.tblPr.find(f"{W}tblBorders")
    assert {borders.find(f"{W}{side}").get(f"{W}val") for side in ("top", "bottom")} == {"nil"}
    assert {c.vertical_alignment for row in grid.rows for c in row.cells} == {docx.enum.table.WD_CELL_VERTICAL_ALIGNMENT.CENTER}
