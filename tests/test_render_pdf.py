"""The PDF renderer, read back as a reader would: text, outline, links, notes, fonts, metadata."""

from __future__ import annotations

import hashlib
import io
import os
import random
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pypdf
import pytest

from briefgen import model
from briefgen.model import (
    BulletList,
    Callout,
    Cite,
    Document,
    Entry,
    Figure,
    Footnote,
    Heading,
    Link,
    Marker,
    Meta,
    NoteList,
    Paragraph,
    Style,
    Table,
    TableOfContents,
    Text,
)
from briefgen.renderers import Rendered, get
from briefgen.renderers.pdf import render as pdf
from sample_document import sample_document

needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils missing")
WORDS = ["water", "policy", "tariff", "aquifer", "drought", "supply", "demand", "basin",
         "reform", "price", "subsidy", "network"]


# ---------------------------------------------------------------- helpers


def brief(*blocks: model.Block, style: Style | None = None, **meta: object) -> Document:
    """A small Document with ``blocks`` as its body."""
    return Document(Meta(title="Brief", **meta), tuple(blocks), style or Style())  # type: ignore[arg-type]


def reader(data: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(data))


def page_texts(data: bytes, tmp_path: Path) -> list[str]:
    """The text of each page, as pdftotext reads it."""
    path = tmp_path / "out.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return out.stdout.split("\f")[:-1]


def flat(text: str) -> str:
    return " ".join(text.split())


def in_order(text: str, *parts: str) -> None:
    """Assert that ``parts`` occur in ``text`` in this order."""
    at = 0
    for part in parts:
        found = text.find(part, at)
        assert found >= 0, f"{part!r} not found after position {at}"
        at = found + len(part)


def outline(r: pypdf.PdfReader) -> list[tuple[str, int, int]]:
    """(title, level, page number) of every outline entry, depth first."""
    entries: list[tuple[str, int, int]] = []

    def walk(items: list, level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                entries.append((item.title, level, r.get_destination_page_number(item) + 1))

    walk(r.outline, 0)
    return entries


def annotations(r: pypdf.PdfReader) -> list[tuple[int, dict]]:
    """(page number, annotation) for every link annotation."""
    found = []
    for number, page in enumerate(r.pages, start=1):
        for annot in page.get("/Annots", []) or []:
            found.append((number, annot.get_object()))
    return found


def dest_page(r: pypdf.PdfReader, annot: dict) -> int:
    return r.get_page_number(annot["/Dest"][0].get_object()) + 1


def long_document(seed: int = 7, paragraphs: int = 40) -> tuple[Document, int]:
    """A long brief: 1-3 notes per paragraph at random places, a callout and a table with notes.

    Each marker follows a token ``C007Q`` in the text; its note starts with ``N007Q``.
    """
    rnd = random.Random(seed)
    count = 0

    def note() -> tuple[model.Inline, ...]:
        nonlocal count
        count += 1
        words = " ".join(rnd.choice(WORDS) for _ in range(rnd.choice([3, 8, 25, 60])))
        return (Text(f"C{count:03d}Q"), Footnote(str(count), (Text(f"N{count:03d}Q {words}."),)))

    body: list[model.Block] = [Heading(1, (Text("Analysis"),), "analysis"), TableOfContents(2)]
    for p in range(paragraphs):
        if p % 8 == 0:
            body.append(Heading(2, (Text(f"Part {p // 8 + 1}"),), f"part-{p // 8 + 1}"))
        content: list[model.Inline] = [Text(" ".join(rnd.choice(WORDS) for _ in range(rnd.randint(20, 260))) + " ")]
        for _ in range(rnd.randint(1, 3)):
            at = rnd.randint(0, len(content))
            content[at:at] = [*note(), Text(" ")]
        if p == 12:
            items = ((*note(), Text(" first point")), (Text("second "), *note()))
            body.append(Callout("Key points", (BulletList(items),)))
        if p == 20:
            rows = tuple(((Text(f"S{i}"),), (Text("claim "), *note())) for i in range(3))
            body.append(Table(((Text("Source"),), (Text("Claim"),)), rows, caption="Table 1. Notes"))
        body.append(Paragraph((*content, Text(" See "), Marker("[1]", "ref-1", False), Text("."))))
    body.append(Heading(1, (Text("References"),), "refs"))
    ref = (Text("REFONE World Bank, "), Link("https://example.org/wb?a=1&b=2", (Text("report"),)))
    body.append(NoteList((Entry("ref-1", "[1]", ref),)))
    meta = Meta(title="Long brief", author=("A. Analyst",), marking="TLP:AMBER+STRICT")
    style = Style(header_text="Policy Unit", footer_text="Not for citation")
    return Document(meta, tuple(body), style), count


@pytest.fixture(scope="module")
def sample() -> Rendered:
    return pdf.render(sample_document())


@pytest.fixture(scope="module")
def long() -> tuple[Rendered, int]:
    document, count = long_document()
    return pdf.render(document), count


# ---------------------------------------------------------------- protocol and coverage


def test_module_is_the_registered_pdf_renderer() -> None:
    assert get("pdf") is pdf
    assert pdf.SUFFIX == ".pdf"


def test_only_the_pdf_modules_import_reportlab() -> None:
    src = Path(pdf.__file__).parents[2]
    importers = {p.relative_to(src).as_posix() for p in src.rglob("*.py")
                 if re.search(r"^\s*(from|import) reportlab", p.read_text(), re.MULTILINE)}
    assert importers and all(name.startswith("renderers/pdf/") for name in importers), importers


# ---------------------------------------------------------------- text and structure


@needs_poppler
def test_text_comes_out_in_reading_order(sample: Rendered, tmp_path: Path) -> None:
    text = flat("\n".join(page_texts(sample.data, tmp_path)))
    in_order(text, "Water Allocation in the Basin", "Options for the inter-ministerial committee",
             "Minister · 3 March 2025 · Policy Unit", "Key points", "Reservoir levels fell by a third",
             "R&D <spending> rose “sharply” & fast", "Contents", "Background", "Data 数据", "Notes",
             "Background", "Plain text, bold, italic, a link and paragraph 0.",
             "paragraph 2.", "“Water is the new oil,” said the minister.", "Data 数据",
             "Table 1. Claims per source", "Source", "Claims", "Daily News", "3", "Gazette", "1",
             "Figure 1. Sources by theme", "Drought",
             "1. First", "2. Second", "Notes", "3. Gazette, “Dams,” 2023, https://example.org/dams.",
             "A. Author, “Title,” Daily News, 2024.", "Ibid.")


def test_outline_matches_the_headings(sample: Rendered) -> None:
    assert [(t, lvl) for t, lvl, _ in outline(reader(sample.data))] == [
        ("Background", 0), ("Data 数据", 1), ("Notes", 0)]


def test_outline_never_skips_a_level() -> None:
    document = brief(Heading(1, (Text("One"),), "one"), Heading(3, (Text("Three"),), "three"),
                     Heading(2, (Text("Two"),), "two"))
    assert [(t, lvl) for t, lvl, _ in outline(reader(pdf.render(document).data))] == [
        ("One", 0), ("Three", 1), ("Two", 1)]


@needs_poppler
def test_toc_lists_headings_with_their_pages_and_links(long: tuple[Rendered, int], tmp_path: Path) -> None:
    rendered, _ = long
    r = reader(rendered.data)
    entries = outline(r)
    toc = flat(page_texts(rendered.data, tmp_path)[0])
    for title, _, page in entries:
        assert re.search(rf"{title}[ .]*{page}\b", toc), (title, page, toc)
    toc_links = {dest_page(r, a) for n, a in annotations(r) if n == 1 and "/Dest" in a}
    assert {page for _, _, page in entries} <= toc_links
    assert len({page for _, _, page in entries}) > 4


def test_pages_is_the_page_count(long: tuple[Rendered, int]) -> None:
    rendered, _ = long
    assert rendered.pages == len(reader(rendered.data).pages) > 5


# ---------------------------------------------------------------- links


def test_external_links_are_uri_annotations(sample: Rendered) -> None:
    uris = {a["/A"]["/URI"] for _, a in annotations(reader(sample.data)) if "/A" in a}
    assert uris == {"https://example.org/report?a=1&b=2", "https://example.org/dams"}


@needs_poppler
def test_markers_link_to_the_page_of_their_entry(long: tuple[Rendered, int], tmp_path: Path) -> None:
    rendered, _ = long
    r = reader(rendered.data)
    entry_page = next(i for i, t in enumerate(page_texts(rendered.data, tmp_path), 1) if "REFONE" in t)
    assert entry_page == len(r.pages)
    to_entry = [(n, a) for n, a in annotations(r) if "/Dest" in a and dest_page(r, a) == entry_page]
    assert len({n for n, _ in to_entry}) > 5  # "[1]" markers on many pages all reach the entry
    assert all(a["/Subtype"] == "/Link" for _, a in to_entry)


def test_a_note_can_hold_a_live_link() -> None:
    note = Footnote("1", (Text("See "), Link("https://example.org/n?x=1&y=2", (Text("the note"),))))
    r = reader(pdf.render(brief(Paragraph((Text("Claim"), note)))).data)
    assert {a["/A"]["/URI"] for _, a in annotations(r) if "/A" in a} == {"https://example.org/n?x=1&y=2"}


def test_a_dangling_marker_is_an_error_naming_its_anchor() -> None:
    with pytest.raises(ValueError, match="nowhere"):
        pdf.render(brief(Paragraph((Text("x"), Marker("1", "nowhere", True)))))
    with pytest.raises(ValueError, match="no such place"):
        pdf.render(brief(Paragraph((Link("#no such place", (Text("x"),)),))))


def test_an_internal_link_reaches_its_heading() -> None:
    document = brief(Paragraph((Link("#later", (Text("see below"),)),)),
                     *[Paragraph((Text("filler " * 200),)) for _ in range(4)],
                     Heading(1, (Text("Later"),), "later"))
    r = reader(pdf.render(document).data)
    (page, annot), = [(n, a) for n, a in annotations(r) if "/Dest" in a]
    assert (page, dest_page(r, annot)) == (1, outline(r)[0][2])
    assert outline(r)[0][2] > 1


def test_an_unresolved_citation_is_an_error() -> None:
    with pytest.raises(ValueError, match="unresolved citation"):
        pdf.render(brief(Paragraph((Text("x"), Cite(("smith2020",))))))


# ---------------------------------------------------------------- footnotes


@needs_poppler
def test_every_note_is_on_the_page_of_its_marker_exactly_once(long: tuple[Rendered, int], tmp_path: Path) -> None:
    rendered, count = long
    pages = page_texts(rendered.data, tmp_path)
    assert count > 60
    for n in range(1, count + 1):
        marker = [i for i, text in enumerate(pages) if f"C{n:03d}Q" in text]
        note = [i for i, text in enumerate(pages) for _ in range(text.count(f"N{n:03d}Q"))]
        assert len(marker) == 1 and note == marker, (n, marker, note)


@needs_poppler
def test_notes_hold_across_many_random_layouts(tmp_path: Path) -> None:
    for seed in range(6):
        document, count = long_document(seed=100 + seed, paragraphs=14)
        pages = page_texts(pdf.render(document).data, tmp_path)
        for n in range(1, count + 1):
            marker = [i for i, t in enumerate(pages) if f"C{n:03d}Q" in t]
            note = [i for i, t in enumerate(pages) for _ in range(t.count(f"N{n:03d}Q"))]
            assert len(marker) == 1 and note == marker, (seed, n, marker, note)


def test_note_markers_are_superscript_links_to_their_note() -> None:
    r = reader(pdf.render(brief(Paragraph((Text("Claim"), Footnote("7", (Text("Source."),))),))).data)
    (page, annot), = [(n, a) for n, a in annotations(r) if "/Dest" in a]
    assert (page, dest_page(r, annot)) == (1, 1)
    text = r.pages[0].extract_text()
    assert "Claim7" in text.replace(" ", "") and "7 Source." in " ".join(text.split())


# ---------------------------------------------------------------- escaping and scripts

LITERALS = ("R&D <spending> “sharply” & fast", "**not bold**", "{{ x }}", "<b>", "AT&T", "x<y and y>z",
            "&amp; stays", "</para>")


@needs_poppler
def test_text_is_shown_literally(tmp_path: Path) -> None:
    document = brief(Heading(1, (Text("Q&A <now>"),), "qa"), *[Paragraph((Text(s),)) for s in LITERALS],
                     Table(((Text("a<b"),),), (((Text("c&d"),),),)))
    rendered = pdf.render(document)
    text = "\n".join(page_texts(rendered.data, tmp_path))
    for literal in LITERALS + ("Q&A <now>", "a<b", "c&d"):
        assert literal in text
    assert outline(reader(rendered.data))[0][0] == "Q&A <now>"


def test_cjk_text_is_extractable_and_drawn_in_the_cjk_font() -> None:
    rendered = pdf.render(brief(Paragraph((Text("The 世界人工智能大会 (WAIC) said 数据 matters."),))))
    drawn: list[tuple[str, str]] = []
    page = reader(rendered.data).pages[0]
    page.extract_text(visitor_text=lambda text, cm, tm, font, size: drawn.append((text, str((font or {}).get("/BaseFont")))))
    cjk = [(t, f) for t, f in drawn if re.search(r"[\u4e00-\u9fff]", t)]
    assert "".join("".join(t for t, _ in cjk).split()) == "世界人工智能大会数据"
    assert all("BriefgenCJK" in f for _, f in cjk)  # the shipped subset, on every machine
    assert all("Noto" in f for t, f in drawn if t.strip() and not re.search(r"[\u4e00-\u9fff]", t))
    assert rendered.warnings == ()


@pytest.mark.skipif(not Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc").exists(),
                    reason="no system CJK font")
def test_a_rare_hanzi_falls_back_to_a_system_cjk_font() -> None:
    rendered = pdf.render(brief(Paragraph((Text("常用 丂 字"),))))
    drawn: list[tuple[str, str]] = []
    reader(rendered.data).pages[0].extract_text(
        visitor_text=lambda text, cm, tm, font, size: drawn.append((text, str((font or {}).get("/BaseFont")))))
    assert rendered.warnings == ()
    assert any("丂" in t and "WenQuanYi" in f for t, f in drawn)
    assert any("常用" in t and "BriefgenCJK" in f for t, f in drawn)


def test_a_character_no_font_has_is_a_warning_naming_it() -> None:
    rendered = pdf.render(brief(Paragraph((Text("Linear B 𐀀 here"),))))
    assert len(rendered.warnings) == 1
    found = rendered.warnings[0]
    assert found.code == "pdf.font" and found.severity == "warning"
    assert "U+10000" in found.message and "𐀀" in found.message and not found.message.startswith("pdf:")


# ---------------------------------------------------------------- fonts, validity


def test_the_cjk_font_ships_with_its_licence() -> None:
    from briefgen.renderers.pdf import fonts as pdf_fonts

    assert pdf_fonts.SHIPPED_CJK.stat().st_size < 3_000_000
    assert "Apache License" in (pdf_fonts.SHIPPED_CJK.parent / "LICENSE-briefgen-cjk.txt").read_text()


def embedded_fonts(data: bytes, tmp_path: Path) -> list[tuple[str, str]]:
    path = tmp_path / "fonts.pdf"
    path.write_bytes(data)
    lines = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    return [(line.split()[0], line.split()[-5]) for line in lines]


@needs_poppler
@pytest.mark.parametrize("variant", ["serif", "sans-draft-letter"])
def test_every_font_is_embedded(variant: str, tmp_path: Path) -> None:
    style = Style() if variant == "serif" else Style(body_font="sans", page_size="Letter", header_text="H")
    timeline = Figure("timeline", "Events", Table(((Text("Date"),), (Text("Event"),)),
                                                  (((Text("2024"),), (Text("A 数据 event"),)),)))
    document = replace(sample_document(style), body=sample_document().body + (timeline,))
    document = replace(document, meta=replace(document.meta, draft=variant != "serif"))
    fonts = embedded_fonts(pdf.render(document).data, tmp_path)
    assert fonts and all(emb == "yes" for _, emb in fonts), fonts
    assert any("BriefgenCJK" in name for name, _ in fonts)
    assert not any("Helvetica" in name or "Times" in name for name, _ in fonts)


@pytest.mark.skipif(not shutil.which("qpdf"), reason="qpdf missing")
def test_qpdf_finds_no_errors(long: tuple[Rendered, int], tmp_path: Path) -> None:
    path = tmp_path / "long.pdf"
    path.write_bytes(long[0].data)
    assert subprocess.run(["qpdf", "--check", str(path)], capture_output=True, check=False).returncode == 0


# ---------------------------------------------------------------- page furniture, metadata


@needs_poppler
def test_every_page_carries_marking_header_footer_and_page_x_of_y(long: tuple[Rendered, int], tmp_path: Path) -> None:
    rendered, _ = long
    pages = page_texts(rendered.data, tmp_path)
    total = len(pages)
    for number, text in enumerate(pages, start=1):
        assert text.count("TLP:AMBER+STRICT") == 2
        assert f"Page {number} of {total}" in text
        assert "Policy Unit" in text and "Not for citation" in text


def test_marking_is_drawn_in_its_tlp_colour_on_black() -> None:
    content = reader(pdf.render(brief(Paragraph((Text("x"),)), marking="tlp:red")).data).pages[0].get_contents().get_data()
    assert b"TLP:RED" in content
    assert b"1 .168627 .168627 rg" in content  # #FF2B2B
    assert b"0 0 0 rg" in content


@needs_poppler
def test_draft_adds_a_watermark(tmp_path: Path) -> None:
    draft = page_texts(pdf.render(brief(Paragraph((Text("x"),)), draft=True)).data, tmp_path)[0]
    final = page_texts(pdf.render(brief(Paragraph((Text("x"),)))).data, tmp_path)[0]
    assert "DRAFT" in "".join(draft.split()) and "DRAFT" not in "".join(final.split())


def test_metadata_is_set(sample: Rendered) -> None:
    r = reader(sample.data)
    meta = r.metadata
    assert (meta.title, meta.author, meta.subject) == ("Water Allocation in the Basin", "Policy Unit", "Water policy")
    assert "water" in meta["/Keywords"] and "drought" in meta["/Keywords"]
    assert meta["/Creator"] == "briefgen"
    assert r.trailer["/Root"]["/Lang"] == "en-GB"


@pytest.mark.parametrize(("size", "box"), [("A4", (595.3, 841.9)), ("Letter", (612.0, 792.0))])
def test_page_size_follows_the_style(size: str, box: tuple[float, float]) -> None:
    page = reader(pdf.render(brief(Paragraph((Text("x"),)), style=Style(page_size=size))).data).pages[0]
    assert (round(float(page.mediabox.width), 1), round(float(page.mediabox.height), 1)) == box


@needs_poppler
def test_figures_are_drawn_with_their_data(tmp_path: Path) -> None:
    events = tuple(((Text(f"20{10 + i}"),), (Text(f"Event number {i} happened"),)) for i in range(6))
    timeline = Figure("timeline", "Figure 2. Events", Table(((Text("Date"),), (Text("Event"),)), events))
    text = flat(page_texts(pdf.render(brief(timeline)).data, tmp_path)[0])
    in_order(text, "Figure 2. Events", "2010", "2011", "2012", "2013", "2014", "2015")  # caption above
    assert all(f"Event number {i} happened" in text for i in range(6))
    coverage = Figure("coverage", "Figure 3. Coverage", Table(
        ((Text("Source"),), (Text("Drought"),), (Text("Tariffs"),)),
        (((Text("Gazette"),), (Text("4"),), (Text("0"),)), ((Text("Daily News"),), (Text("1"),), (Text("2"),)))))
    text = flat(page_texts(pdf.render(brief(coverage)).data, tmp_path)[0])
    in_order(text, "Figure 3. Coverage", "Source", "Drought", "Tariffs", "Gazette", "4", "0", "Daily News", "1", "2")


# ---------------------------------------------------------------- determinism


def test_output_is_byte_identical_across_renders() -> None:
    assert pdf.render(sample_document()).data == pdf.render(sample_document()).data


def test_output_is_byte_identical_across_processes() -> None:
    code = ("import hashlib, sys; sys.path.insert(0, sys.argv[1]);"
            "from sample_document import sample_document; from briefgen.renderers.pdf import render as pdf;"
            "print(hashlib.sha256(pdf.render(sample_document()).data).hexdigest())")
    here = str(Path(__file__).parent)
    digests = {subprocess.run([sys.executable, "-c", code, here], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout.strip() for seed in ("1", "2")}
    assert digests == {hashlib.sha256(pdf.render(sample_document()).data).hexdigest()}


@needs_poppler
def test_a_url_that_does_not_fit_breaks_after_a_slash(tmp_path: Path) -> None:
    """A long URL near a line's end moves its tail at a slash, as far as one fits (reportlab's uriWasteReduce), not mid-word."""
    url = "https://example.gov/press-release/agency-implements-new-controls-on-advanced-computing-and-manufacturing-items"
    lead = "The agency announced the rules in a press release at"
    data = pdf.render(brief(Paragraph((Text(f"{lead} {url} for all readers."),)))).data
    lines = [line.strip() for line in page_texts(data, tmp_path)[0].splitlines()]
    start = next(i for i, line in enumerate(lines) if "https://" in line)
    assert lines[start].endswith("https://example.gov/press-release/"), lines[start:start + 2]
    assert lines[start + 1].startswith("agency-implements-new-controls"), lines[start:start + 2]



def test_a_reference_url_is_never_cut_inside_a_name(tmp_path: Path) -> None:
    """A URL in a reference that fits at no slash on its line goes to the next line, whole or
    broken after a slash. It was cut at a letter ("… April 4, 2024. h" / "ttps://www.bis.gov/…")
    in two of the export-controls bibliography's six entries."""
    from conftest import ROOT, cli
    result = cli("build", "--project", str(ROOT / "examples" / "export-controls"), "--out", str(tmp_path), "--format", "pdf")
    assert result.exit_code == 0, result.output
    pages = page_texts((tmp_path / "export-controls.pdf").read_bytes(), tmp_path)
    ends = [line.strip().split()[-1] for page in pages for line in page.splitlines() if line.strip()]
    inside = [end for end in ends if re.fullmatch(r"h(t(t(ps?:?)?)?)?", end)
              or ("://" in end and not end.endswith(("/", ".", ";", ",")))]
    assert not inside, inside
    assert "https://www.bis.gov/press-release/" in ends
