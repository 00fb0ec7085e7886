"""Layout checks on every example brief, read back as a reader (or Word) would.

* Every DOCX passes an OOXML validator (openxml-audit: schema + semantic rules) with 0 errors.
* No page holds only furniture (header, marking, footer, "Page X of Y"): in the PDF, and in
  the DOCX as LibreOffice lays it out.
* No table row is split across pages: every cell's text is found whole in one column of one
  page, under a repeated header row. Read with pypdf's positioned text, in both formats.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pypdf
import pytest
from openxml_audit import OpenXmlValidator

from briefgen import pipeline, renderers
from briefgen.inputs import spec
from briefgen.model import Callout, Document, Table, plain_text
from conftest import ROOT

SPECS = sorted((ROOT / "briefs").glob("*.yaml"))
NAMES = [p.stem for p in SPECS]


@dataclass
class Built:
    document: Document
    docx: Path
    pdf: Path


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Built]:
    folder = tmp_path_factory.mktemp("out")
    project = pipeline.Project(ROOT)
    corpus = pipeline.load_corpus(project)
    out = {}
    for path in SPECS:
        model = pipeline.document(project, corpus, spec.load_spec(path, corpus.summary, corpus.sources))
        for name in ("docx", "pdf"):
            (folder / f"{path.stem}.{name}").write_bytes(renderers.get(name).render(model).data)
        out[path.stem] = Built(model, folder / f"{path.stem}.docx", folder / f"{path.stem}.pdf")
    return out


@pytest.fixture(scope="module")
def libreoffice(built, tmp_path_factory) -> Path:
    """Every example DOCX as LibreOffice lays it out (PDF), in one call."""
    if shutil.which("soffice") is None:
        pytest.skip("soffice is not installed")
    folder, profile = tmp_path_factory.mktemp("lo"), tmp_path_factory.mktemp("profile")
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to",
                    "pdf", "--outdir", str(folder), *(str(b.docx) for b in built.values())],
                   capture_output=True, text=True, timeout=600)
    return folder


# ---------------------------------------------------------------- reading pages back


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def furniture_only(page: str, document: Document) -> bool:
    """True when nothing but the running header, marking, footer and page label is on the page."""
    style, meta = document.style, document.meta
    for item in (style.header_text, style.footer_text, meta.marking, "DRAFT" if meta.draft else ""):
        if item:
            page = page.replace(item, " ")
    page = re.sub(r"Page \d+ of \d+", " ", page)
    return not page.strip()


def fragments(page: pypdf.PageObject) -> list[tuple[float, float, str]]:
    """Return the page's text pieces as (x, y, text), y upwards."""
    found: list[tuple[float, float, str]] = []

    def visit(text, cm, tm, _font, _size):
        if text.strip() and text.strip() != "DRAFT":  # the watermark lies across the columns
            found.append((tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5], text))

    page.extract_text(visitor_text=visit)
    return found


def columns(pieces: list[tuple[float, float, str]], header: list[str]) -> list[str]:
    """Return the text of each column under every copy of ``header`` on a page (empty if none)."""
    heads = [(x, y) for x, y, t in pieces if t.strip() == header[0]]
    streams = [""] * len(header)
    for x0, y0 in heads:
        row = [x0] + [next((x for x, y, t in pieces if t.strip() == h and abs(y - y0) < 3), None)
                      for h in header[1:]]
        if None in row:
            continue
        edges = [*(x - 2 for x in row), float("inf")]
        for i in range(len(header)):
            cell = [(y, x, t) for x, y, t in pieces if edges[i] <= x < edges[i + 1] and y < y0 - 1]
            lines: list[list[tuple[float, float, str]]] = []
            for y, x, t in sorted(cell, key=lambda p: (-p[0], p[1])):
                if lines and abs(lines[-1][0][0] - y) < 5:  # superscripts join their line
                    lines[-1].append((y, x, t))
                else:
                    lines.append([(y, x, t)])
            streams[i] += "".join(t for line in lines for _, _, t in sorted(line, key=lambda p: p[1]))
    return [squash(s) for s in streams]


def tables(document: Document) -> list[Table]:
    out: list[Table] = []
    for block in document.body:
        if isinstance(block, Table):
            out.append(block)
        elif isinstance(block, Callout):
            out += [b for b in block.content if isinstance(b, Table)]
    return out


def split_cells(pdf: Path, document: Document) -> list[str]:
    """Return the body cells of ``document``'s tables that no single page of ``pdf`` holds whole."""
    pages = [fragments(p) for p in pypdf.PdfReader(str(pdf)).pages]
    broken = []
    for table in tables(document):
        header = [plain_text(c).strip() for c in table.header]
        per_page = [columns(p, header) for p in pages]
        for n, row in enumerate(table.rows, start=1):
            for i, cell in enumerate(row):
                text = squash(plain_text(cell))
                if text and not any(text in page[i] for page in per_page):
                    broken.append(f"{table.caption or header}: row {n}, column {i + 1}: {plain_text(cell)[:60]!r}")
    return broken


# ---------------------------------------------------------------- the checks


@pytest.mark.parametrize("name", NAMES)
def test_every_docx_is_schema_clean(built, name):
    result = OpenXmlValidator().validate(str(built[name].docx))
    assert result.error_count == 0, "\n".join(str(e) for e in result.errors)


@pytest.mark.parametrize("name", NAMES)
def test_no_pdf_page_holds_only_furniture(built, name):
    pages = [p.extract_text() or "" for p in pypdf.PdfReader(str(built[name].pdf)).pages]
    empty = [i for i, page in enumerate(pages, 1) if furniture_only(page, built[name].document)]
    assert not empty, f"{name}.pdf: pages {empty} hold only furniture"


@pytest.mark.parametrize("name", NAMES)
def test_no_docx_page_holds_only_furniture(built, libreoffice, name):
    pages = [p.extract_text() or "" for p in pypdf.PdfReader(str(libreoffice / f"{name}.pdf")).pages]
    empty = [i for i, page in enumerate(pages, 1) if furniture_only(page, built[name].document)]
    assert not empty, f"{name}.docx (LibreOffice): pages {empty} hold only furniture"


@pytest.mark.parametrize("name", NAMES)
def test_no_pdf_table_row_splits_across_pages(built, name):
    assert not split_cells(built[name].pdf, built[name].document)


@pytest.mark.parametrize("name", NAMES)
def test_no_docx_table_row_splits_across_pages(built, libreoffice, name):
    assert not split_cells(libreoffice / f"{name}.pdf", built[name].document)


# ---------------------------------------------------------------- keep with next


def sized_lines(page: pypdf.PageObject) -> list[tuple[float, float, str]]:
    """Return the page's text pieces as (y, font size, text), y upwards."""
    found: list[tuple[float, float, str]] = []

    def visit(text, cm, tm, _font, size):
        if text.strip():
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append((y, size * abs(tm[3] or 1) * abs(cm[3] or 1), text))

    page.extract_text(visitor_text=visit)
    return found


def stranded_headings(pdf: Path, bottom_margin: float, body_size: float) -> list[str]:
    """Return each heading (from the outline) and each "Table N." / "Figure N." caption with no
    body text under it on its page.

    Below it there may be only footnotes (smaller than body text) and the furniture in the
    bottom margin: then the reader finds the heading or caption at the foot of one page and
    what it announces on the next.
    """
    reader = pypdf.PdfReader(str(pdf))
    entries: list = []
    stack = list(reader.outline)
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack[0:0] = item
        else:
            entries.append((item.title, reader.get_destination_page_number(item)))
    pages = [sized_lines(page) for page in reader.pages]
    found = [(index, title, [y for y, size, text in pages[index]
                             if size > body_size + 0.2 and squash(text) and squash(text) in squash(title)])
             for title, index in entries]
    found += [(index, text.strip(), [y]) for index, pieces in enumerate(pages) for y, size, text in pieces
              if re.match(r"(Table|Figure) \d+\. ", text.strip())]
    stranded = []
    for index, title, own in found:
        if not own:
            continue
        y_head = min(own)
        below = [t for y, size, t in pages[index] if bottom_margin < y < y_head - 2 and size >= body_size * 0.8]
        if not below:
            stranded.append(f"page {index + 1}: {title!r}")
    return stranded


@pytest.mark.parametrize("name", NAMES)
def test_no_pdf_heading_is_the_last_line_above_the_notes(built, name):
    style = built[name].document.style
    assert not stranded_headings(built[name].pdf, style.margins_mm[2] * 72 / 25.4, style.body_size)


@pytest.mark.parametrize("name", NAMES)
def test_no_docx_heading_is_the_last_line_above_the_notes(built, libreoffice, name):
    style = built[name].document.style
    assert not stranded_headings(libreoffice / f"{name}.pdf", style.margins_mm[2] * 72 / 25.4, style.body_size)


# ---------------------------------------------------------------- the DOCX table of contents

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def contents_entries(docx_path: Path) -> list[tuple[str, str | None]]:
    """Return (heading text, printed page number or None) for each contents entry of a DOCX."""
    import docx

    entries = []
    for p in docx.Document(str(docx_path)).paragraphs:
        if not re.fullmatch(r"toc \d", p.style.name.lower()):  # the entries, not "TOC Heading"
            continue
        texts, in_result, number = [], False, None
        for node in p._p.iter(f"{W}t", f"{W}fldChar", f"{W}instrText"):
            if node.tag == f"{W}fldChar":
                in_result = node.get(f"{W}fldCharType") == "separate"
                assert node.get(f"{W}dirty") is None, "a dirty field makes Word ask to update"
            elif node.tag == f"{W}t":
                if in_result:
                    number = (number or "") + (node.text or "")
                else:
                    texts.append(node.text or "")
        entries.append(("".join(texts), number))
    return entries


def test_docx_contents_show_the_pages_libreoffice_lays_headings_on(built, libreoffice):
    with_toc = [n for n, b in built.items() if contents_entries(b.docx)]
    assert with_toc, "no example has a table of contents"
    for name in with_toc:
        reader = pypdf.PdfReader(str(libreoffice / f"{name}.pdf"))
        outline = {str(o.title).strip(): reader.get_destination_page_number(o) + 1
                   for o in reader.outline if not isinstance(o, list)}
        for title, number in contents_entries(built[name].docx):
            assert number is not None and number != "?", f"{name}: {title!r} has no page number"
            assert int(number) == outline[title.strip()], f"{name}: {title!r}"


def test_docx_contents_without_libreoffice_are_links_without_numbers(built, monkeypatch, tmp_path):
    from briefgen.renderers import office

    monkeypatch.setattr(office, "to_pdf", lambda docx: None)  # what it returns without LibreOffice
    name = next(n for n, b in built.items() if contents_entries(b.docx))
    path = tmp_path / "no-lo.docx"
    path.write_bytes(renderers.get("docx").render(built[name].document).data)
    entries = contents_entries(path)
    assert entries and all(number is None for _, number in entries)
    with zipfile.ZipFile(path) as package:
        assert "PAGEREF" not in package.read("word/document.xml").decode()


# ---------------------------------------------------------------- one typeface family


def pdf_fonts(path: Path) -> set[str]:
    """Return the base names of the fonts a PDF's pages use, without subset prefixes."""
    names = set()
    for page in pypdf.PdfReader(str(path)).pages:
        for font in (page.get("/Resources") or {}).get("/Font", {}).values():
            names.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return names


def test_pdf_is_set_in_the_house_faces(built):
    for name, b in built.items():
        latin = {f for f in pdf_fonts(b.pdf) if "CJK" not in f}
        assert latin and all(f.startswith(("NotoSerif", "NotoSans")) for f in latin), (name, latin)


def test_docx_names_and_embeds_the_house_faces(built):
    from briefgen.renderers.docx import embed

    with zipfile.ZipFile(built[NAMES[0]].docx) as package:
        table = package.read("word/fontTable.xml").decode()
        rels = package.read("word/_rels/fontTable.xml.rels").decode()
        for family, stem in (("Noto Serif", "NotoSerif"), ("Noto Sans", "NotoSans")):
            entry = re.search(rf'<w:font w:name="{family}">(.*?)</w:font>', table, re.S)
            assert entry, f"{family} is not in the font table"
            for face, rel_id, key in re.findall(r'<w:embed(\w+) r:id="(\w+)" w:fontKey="([^"]+)"', entry[1]):
                target = re.search(rf'Id="{rel_id}"[^>]*Target="([^"]+)"', rels)[1]
                font = embed.obfuscate(package.read("word/" + target), key)  # XOR undoes itself
                assert font == (embed.FONTS / f"{stem}-{face}.ttf").read_bytes()
    assert "w:embedTrueTypeFonts" in zipfile.ZipFile(built[NAMES[0]].docx).read("word/settings.xml").decode()


def test_libreoffice_draws_the_docx_in_the_embedded_house_faces(built, libreoffice):
    for name in NAMES:
        cjk_or_symbols = re.compile(r"CJK|WenQuanYi|Droid|Ming|Hei|OpenSymbol")  # the reader's fallbacks
        latin = {f for f in pdf_fonts(libreoffice / f"{name}.pdf") if not cjk_or_symbols.search(f)}
        assert latin and all(f.startswith(("NotoSerif", "NotoSans")) for f in latin), (name, latin)
