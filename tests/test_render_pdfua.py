"""The accessible/archival PDF (LibreOffice's tagged export of the DOCX), read back as a reader would."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest

from briefgen.errors import UserError
from briefgen.renderers import Rendered, get, pdfua
from sample_document import sample_document

needs_soffice = pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")),
                                   reason="LibreOffice (soffice) is not installed")
needs_tools = pytest.mark.skipif(not (shutil.which("pdfinfo") and shutil.which("qpdf")),
                                 reason="poppler-utils or qpdf missing")


@pytest.fixture(scope="module")
def rendered() -> Rendered:
    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        pytest.skip("LibreOffice (soffice) is not installed")
    return pdfua.render(sample_document(paragraphs=34))


@pytest.fixture(scope="module")
def pdf_file(rendered: Rendered, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdfua") / "brief.ua.pdf"
    path.write_bytes(rendered.data)
    return path


def tool(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def test_module_is_the_registered_pdfua_renderer() -> None:
    assert get("pdfua") is pdfua
    assert pdfua.SUFFIX == ".ua.pdf"


@needs_soffice
@needs_tools
def test_pdf_is_tagged_with_its_title_language_and_pages(rendered: Rendered, pdf_file: Path) -> None:
    info = dict(line.split(":", 1) for line in tool("pdfinfo", str(pdf_file)).splitlines() if ":" in line)
    assert info["Tagged"].strip() == "yes"
    assert info["PDF version"].strip() in ("1.6", "1.7")
    assert info["Title"].strip() == "Water Allocation in the Basin"
    assert rendered.pages == int(info["Pages"]) == 2
    catalog = pypdf.PdfReader(io.BytesIO(rendered.data)).trailer["/Root"]
    assert catalog["/Lang"] == "en-GB"
    assert bool(catalog["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in catalog


def structure_types(node: object, found: list[str]) -> list[str]:
    """The /S type of every structure element under ``node``, depth first."""
    node = node.get_object()  # type: ignore[attr-defined]
    if isinstance(node, pypdf.generic.ArrayObject):
        for child in node:
            structure_types(child, found)
    elif isinstance(node, pypdf.generic.DictionaryObject):
        if "/S" in node:
            found.append(str(node["/S"]))
        if "/K" in node:
            structure_types(node["/K"], found)
    return found


@needs_soffice
def test_structure_tree_holds_headings_tables_lists_notes_and_links(rendered: Rendered) -> None:
    root = pypdf.PdfReader(io.BytesIO(rendered.data)).trailer["/Root"]["/StructTreeRoot"]
    types = structure_types(root["/K"], [])
    assert types[0] == "/Document"
    assert (types.count("/H1"), types.count("/H2")) == (2, 1)  # Background, Notes; Data
    assert {"/Table", "/TH", "/L", "/LI", "/Note", "/Link"} <= set(types)


@needs_soffice
def test_xmp_metadata_claims_pdfa_2b_and_pdfua_1(rendered: Rendered) -> None:
    xmp = pypdf.PdfReader(io.BytesIO(rendered.data)).trailer["/Root"]["/Metadata"].get_data().decode()
    assert "<pdfaid:part>2</pdfaid:part>" in xmp and "<pdfaid:conformance>B</pdfaid:conformance>" in xmp
    assert "<pdfuaid:part>1</pdfuaid:part>" in xmp


@needs_soffice
@needs_tools
def test_text_holds_the_title_footnotes_and_page_furniture(pdf_file: Path) -> None:
    text = tool("pdftotext", "-layout", str(pdf_file), "-")
    assert "Water Allocation in the Basin" in text
    assert "A. Author, “Title,” Daily News, 2024." in text
    assert "Page 2 of 2" in text and "TLP:GREEN" in text


@needs_soffice
@needs_tools
def test_qpdf_finds_no_errors_and_every_font_is_embedded(pdf_file: Path) -> None:
    assert subprocess.run(["qpdf", "--check", str(pdf_file)], capture_output=True,
                          check=False).returncode == 0
    fonts = tool("pdffonts", str(pdf_file)).splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts


def test_missing_libreoffice_is_a_user_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(UserError) as error:
        pdfua.render(sample_document())
    assert str(error.value) == ("pdfua: needs LibreOffice (soffice), which is not installed; "
                                "install libreoffice-writer-nogui, or drop pdfua from formats")
    assert error.value.exit_code == 2


@needs_soffice
def test_a_conversion_libreoffice_cannot_load_is_a_user_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def truncated(document: object) -> Rendered:
        return Rendered(b"PK\x03\x04 not really a zip")

    monkeypatch.setattr(pdfua.docx_renderer, "render", truncated)
    with pytest.raises(UserError, match=r"^pdfua: LibreOffice could not convert the brief: .*Error:"):
        pdfua.render(sample_document())


def test_page_count_reads_page_objects_not_the_page_tree() -> None:
    pdf = b"<</Type /Pages /Count 2>> <</Type/Page/Parent 1 0 R>> <</Type /Page >>"
    assert pdfua.page_count(pdf) == 2
    assert pdfua.page_count(b"%PDF-1.7 compressed objects only") is None
