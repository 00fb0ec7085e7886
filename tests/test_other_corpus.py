"""A tiny corpus on another subject builds to DOCX and PDF with no code change."""

from __future__ import annotations

from pathlib import Path

from conftest import cli
from readback import docx_body, docx_footnotes, flat, para_text, pdf_pages

DOC_A = """Reservoir levels in the northern basin fell to 31 percent of capacity in August,
the lowest reading since records began, according to the regional water authority.
Farmers have been asked to cut irrigation by a fifth until the autumn rains arrive.
"""
DOC_B = """The city council approved a tiered water tariff on Tuesday. Households using more
than 150 litres per person per day will pay double the base rate from January.
Officials said the tariff would fund leak repairs, which lose a quarter of treated water.
"""
SOURCES = """\
- id: basin-report
  type: report
  title: "Northern Basin Storage Report"
  publisher: "Regional Water Authority"
  issued: "2024-08"
  URL: "https://water.example.org/basin?year=2024&month=8"
  file: basin.txt
- id: tariff-news
  type: article-newspaper
  title: "Council Approves Tiered Water Tariff"
  container-title: "The Valley Courier"
  author:
    - family: Okafor
      given: Ada
  file: tariff.md
"""
SUMMARY = """\
themes:
  - id: scarcity
    title: Water scarcity
    description: How low the water supply is.
    claims:
      - id: storage-low
        text: Reservoir storage in the northern basin reached a record low in August.
        evidence:
          - source: basin-report
            quote: "Reservoir levels in the northern basin fell to 31 percent of capacity in August, the lowest reading since records began"
  - id: pricing
    title: Water pricing
    claims:
      - id: tiered-tariff
        text: A tiered tariff will double the price of heavy household use.
        evidence:
          - source: tariff-news
            quote: "Households using more than 150 litres per person per day will pay double the base rate from January."
      - id: leaks
        text: Tariff revenue is meant to pay for repairing leaks.
        evidence:
          - source: tariff-news
            quote: "the tariff would fund leak repairs"
"""
SPEC = """\
title: "Water: Scarcity and Price"
author: "Water Desk"
date: "2024-09-02"
marking: "TLP:CLEAR"
key_points:
  - "Storage is at a record low [@basin-report]."
sections:
  - heading: "Scarcity"
    themes: [scarcity]
    quotes: true
  - heading: "Pricing"
    text: "Prices are the **main lever** [@tariff-news]."
    themes: [pricing]
annex: true
"""


def write_corpus(root: Path) -> None:
    for folder in ("sources", "summary", "briefs"):
        (root / folder).mkdir()
    (root / "sources" / "basin.txt").write_text(DOC_A)
    (root / "sources" / "tariff.md").write_text(DOC_B)
    (root / "sources" / "sources.yaml").write_text(SOURCES)
    (root / "summary" / "summary.yaml").write_text(SUMMARY)
    (root / "briefs" / "water.yaml").write_text(SPEC)


def test_water_corpus_checks_and_builds_both_formats(tmp_path):
    write_corpus(tmp_path)
    assert cli("check", "--project", str(tmp_path)).exit_code == 0
    result = cli("build", "--project", str(tmp_path), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    docx, pdf = tmp_path / "out" / "water.docx", tmp_path / "out" / "water.pdf"
    text = flat(" ".join(para_text(p) for p in docx_body(docx)))
    for claim in ("record low in August", "double the price of heavy household use", "repairing leaks"):
        assert claim in text
    assert "Prices are the main lever" in text
    notes = list(docx_footnotes(docx).values())
    assert any("Regional Water Authority" in n and "Northern Basin Storage Report" in n for n in notes)
    assert any("Ada Okafor" in n and "The Valley Courier" in n for n in notes)
    pages = flat(" ".join(pdf_pages(pdf)))
    assert "Water: Scarcity and Price" in pages and "record low in August" in pages
    assert "https://water.example.org/basin?year=2024&month=8" in pages


def test_urls_are_live_links_in_both_formats_and_the_marking_is_in_the_metadata(tmp_path):
    import zipfile

    import pypdf

    write_corpus(tmp_path)
    assert cli("build", "--project", str(tmp_path), "--out", str(tmp_path / "out")).exit_code == 0
    url = "https://water.example.org/basin?year=2024&month=8"
    reader = pypdf.PdfReader(str(tmp_path / "out" / "water.pdf"))
    uris = [a.get_object()["/A"].get("/URI") for page in reader.pages for a in page.get("/Annots", []) or []
            if a.get_object().get("/A")]
    assert url in uris
    assert "TLP:CLEAR" in reader.metadata["/Keywords"]
    with zipfile.ZipFile(tmp_path / "out" / "water.docx") as z:
        rels = "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".rels"))
        core = z.read("docProps/core.xml").decode()
    assert 'Target="https://water.example.org/basin?year=2024&amp;month=8" TargetMode="External"' in rels
    assert "TLP:CLEAR" in core
