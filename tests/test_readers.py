"""Readers: text and metadata of TXT, HTML, PDF and DOCX files made here, and one clear message per bad file."""

from __future__ import annotations

import io
import random
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from reportlab.pdfgen import canvas

from briefgen.errors import UserError
from briefgen.inputs import ingest, readers

HTML = """<!DOCTYPE html>
<html lang="en-GB"><head>
<meta charset="windows-1252">
<title>Fallback title | Site</title>
<meta property="og:title" content="Reservoirs at record low">
<meta property="og:site_name" content="The Basin Times">
<meta property="og:url" content="https://example.org/reservoirs">
<meta property="article:published_time" content="2024-08-14T06:00:00Z">
<meta name="author" content="Ana Costa; Lee, Min">
</head><body>
<nav><a href="/">Home</a> Weather Sport</nav>
<header>Subscribe now</header>
<article>
<h1>Reservoirs at record low</h1>
<p>Reservoir levels in the basin fell to 31 per cent,
the lowest since records began.<!-- ad slot --> Farmers expect cuts.</p>
<ul><li>Irrigation quotas will halve</li><li>Cities keep priority</li></ul>
<p>The minister’s plan costs €5 million.</p>
</article>
<aside>Most read: celebrity news</aside>
<script>var tracking = 1;</script>
<footer>© The Basin Times</footer>
</body></html>"""


def _pdf(path: Path, lines: list[str], title: str = "", author: str = "") -> Path:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, invariant=1)
    pdf.setTitle(title)
    pdf.setAuthor(author)
    for i, line in enumerate(lines):
        pdf.drawString(72, 720 - 20 * i, line)
    pdf.showPage()
    pdf.save()
    path.write_bytes(buffer.getvalue())
    return path


def _docx(path: Path) -> Path:
    document = docx.Document()
    document.core_properties.title = "Allocation options"
    document.core_properties.author = "Ana Costa"
    document.core_properties.created = datetime(2024, 5, 2, tzinfo=UTC)
    document.core_properties.language = "en-GB"
    document.add_heading("Allocation options", 1)
    document.add_paragraph("The committee weighed three options for sharing the river.")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Option A keeps the current shares."
    table.rows[0].cells[1].text = "Option B cuts farm allocations."
    document.add_paragraph("A decision is due in March.")
    document.save(path)
    return path


def test_txt_encodings_are_detected(tmp_path: Path) -> None:
    text = "Le ministre a présenté un plan – « très attendu » – pour l’eau."
    for name, data in {"utf8.txt": text.encode("utf-8"), "bom.txt": text.encode("utf-8-sig"),
                       "utf16.txt": text.encode("utf-16"), "cp1252.md": text.encode("cp1252")}.items():
        (tmp_path / name).write_bytes(data)
        assert ingest.read_text(tmp_path / name) == text, name


def test_html_keeps_the_article_and_drops_the_page_furniture(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(HTML.encode("cp1252"))
    text = ingest.read_text(path)
    assert text.split("\n\n") == [
        "Reservoirs at record low",
        "Reservoir levels in the basin fell to 31 per cent, the lowest since records began. Farmers expect cuts.",
        "Irrigation quotas will halve", "Cities keep priority",
        "The minister’s plan costs €5 million.",
    ]
    for furniture in ("Home", "Subscribe", "celebrity", "tracking", "©", "ad slot"):
        assert furniture not in text


def test_html_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(HTML.encode("cp1252"))
    assert readers.metadata(path) == {
        "title": "Reservoirs at record low", "container-title": "The Basin Times", "URL": "https://example.org/reservoirs",
        "language": "en-GB", "issued": {"date-parts": [[2024, 8, 14]]},
        "author": [{"family": "Costa", "given": "Ana"}, {"family": "Lee", "given": "Min"}],
    }


def test_html_title_falls_back_to_the_title_element(tmp_path: Path) -> None:
    path = tmp_path / "plain.htm"
    path.write_text("<html><head><title> Drought  plan </title></head><body><p>Short text here.</p></body></html>", encoding="utf-8")
    assert readers.metadata(path) == {"title": "Drought plan"}
    assert ingest.read_text(path) == "Short text here."


def test_pdf_text_and_metadata(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "report.pdf", ["Reservoir levels fell by a third in the dry season.",
                                          "The ministry proposed new rationing rules for farms."],
                title="Water report", author="Jane Smith")
    text = ingest.read_text(path)
    assert "Reservoir levels fell by a third in the dry season." in text
    assert "The ministry proposed new rationing rules for farms." in text
    found = readers.metadata(path)
    assert found["title"] == "Water report"
    assert found["author"] == [{"family": "Smith", "given": "Jane"}]


def test_docx_text_in_document_order_and_core_properties(tmp_path: Path) -> None:
    path = _docx(tmp_path / "options.docx")
    assert ingest.read_text(path).split("\n\n") == [
        "Allocation options", "The committee weighed three options for sharing the river.",
        "Option A keeps the current shares.", "Option B cuts farm allocations.", "A decision is due in March.",
    ]
    # the file's creation date (2024-05-02) dates a save, not the publication: never issued
    assert readers.metadata(path) == {"title": "Allocation options", "author": [{"family": "Costa", "given": "Ana"}],
                                      "language": "en-GB"}


def test_a_docx_from_the_default_template_states_no_author_or_date(tmp_path: Path) -> None:
    path = tmp_path / "bare.docx"
    document = docx.Document()
    document.add_paragraph("Only text here.")
    document.save(path)
    assert readers.metadata(path) == {}


def test_plain_text_states_no_metadata(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("Title line\n\nBody.", encoding="utf-8")
    assert readers.metadata(path) == {}


def test_the_metadata_file_wins_and_the_document_fills_gaps() -> None:
    declared = {"id": "basin-times", "type": "article-newspaper", "title": "Reservoirs hit record low", "URL": ""}
    found = {"title": "Reservoirs at record low", "URL": "https://example.org/r", "author": [{"family": "Costa", "given": "Ana"}]}
    assert readers.merge(declared, found) == {
        "id": "basin-times", "type": "article-newspaper", "title": "Reservoirs hit record low",
        "URL": "https://example.org/r", "author": [{"family": "Costa", "given": "Ana"}],
    }


def _undecodable() -> bytes:
    rng = random.Random(3)
    return bytes(rng.randrange(128, 256) for _ in range(600))


BAD = {
    "binary.txt": (lambda p: p.write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00" * 50), "expected text, found binary data"),
    "empty.txt": (lambda p: p.write_bytes(b" \n\n"), "expected text, found an empty file"),
    "garbled.txt": (lambda p: p.write_bytes(_undecodable()), "expected text in a known encoding, found undecodable bytes"),
    "huge.txt": (lambda p: p.open("wb").truncate(ingest.MAX_BYTES + 1), "expected a document of at most 20,000,000 bytes"),
    "slides.key": (lambda p: p.write_bytes(b"keynote"), "expected one of .docx, .htm, .html, .md, .pdf, .txt, found a .key file"),
    "fake.pdf": (lambda p: p.write_bytes(b"this is not a PDF at all"), "expected a PDF document, found a damaged or non-PDF file"),
    "scan.pdf": (lambda p: _pdf(p, []), "expected a PDF with a text layer, found no text"),
    "fake.docx": (lambda p: p.write_bytes(b"PK\x03\x04 not really a zip"), "expected a DOCX document (a Word zip package)"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_each_bad_document_gets_one_message_naming_it(tmp_path: Path, name: str) -> None:
    make, expected = BAD[name]
    path = tmp_path / name
    make(path)
    with pytest.raises(UserError) as caught:
        ingest.read_text(path)
    assert len(caught.value.problems) == 1
    message = str(caught.value.problems[0])
    assert message.startswith(f"{path}: expected"), message
    assert expected in message
