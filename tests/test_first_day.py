"""A new analyst's first day, end to end through the CLI, on a corpus made here:
init → sources add (HTML, PDF, DOCX, Zotero export) → themes suggest → summarize → curate by
editing the YAML → new → build → edit two sources → summarize → build.

The documents are written by this test (reportlab for the PDF, python-docx for the DOCX);
their text is our own.
"""

from __future__ import annotations

import datetime
import io
import json
from pathlib import Path

import docx
import yaml

from briefgen import pipeline
from briefgen.compose import selection
from briefgen.inputs import spec
from briefgen.inputs.sources import load_sources
from briefgen.inputs.summary import load_summary
from conftest import cli

HTML = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Northern reservoirs at a record low | Valley Courier</title>
<meta name="author" content="Valley Courier Staff Reporter">
<meta property="og:site_name" content="Valley Courier">
<meta property="article:published_time" content="2026-09-02T08:00:00Z">
</head><body><nav><a href="/">Home</a> | <a href="/news">News</a> | Subscribe</nav>
<article><h1>Northern reservoirs at a record low</h1>
<p>Reservoir levels in the northern basin fell to 31 percent of capacity in August.</p>
<p>The regional water board said rainfall was forty percent below average over the winter.</p>
<p>Farmers in the valley asked for emergency allocations of river water.</p>
<p>The board’s rationing plan for farm allocations will be published in October.</p>
</article><footer>© Valley Courier</footer></body></html>
"""
PDF_LINES = [
    "Storage in the northern reservoirs stood at 31 percent of capacity at the end of August.",
    "Groundwater abstraction by farms rose by a fifth during the dry months.",
    "The authority recommends metering every agricultural well by 2027.",
]
DOCX_LINES = [
    "Reservoir levels in the northern basin fell to 31 percent of capacity in August.",
    "Irrigation districts have agreed to cut farm water deliveries by ten percent.",
    "A review of farm water allocations is due in October.",
]
ZOTERO = [
    {"id": "http://zotero.org/users/local/Ab12Cd/items/QW8ER7TY", "type": "report", "citation-key": "basin-atlas-2023",
     "title": "Northern Basin Water Atlas", "publisher": "Regional Water Authority", "issued": {"date-parts": [["2023"]]}},
    {"id": "http://zotero.org/users/local/Ab12Cd/items/ZX9CV8BN", "type": "article-journal",
     "title": "Allocation rules under drought", "container-title": "Journal of Water Policy",
     "author": [{"family": "Okafor", "given": "Ada"}], "issued": {"date-parts": [["2022", "6"]]}},
]
THEMES = """\
# Themes for the minister's questions (written by the analyst on day one).
themes:
  - id: "storage"   # how much water is left
    title: "Reservoir storage"
    terms: ["reservoir", "storage", "capacity"]
    claims:
      # the analyst's own claims, checked by hand
      - id: "storage-low"
        text: "Northern reservoirs were down to 31 percent of capacity in August."
        evidence:
          - source: "{html}"
            quote: "Reservoir levels in the northern basin fell to 31 percent of capacity in August."
          - source: "{docx}"
            quote: "Reservoir levels in the northern basin fell to 31 percent of capacity in August."
      - id: "metering"
        text: "The water authority wants every farm well metered by 2027."
        evidence:
          - source: "{pdf}"
            quote: "The authority recommends metering every agricultural well by 2027."
      - id: "rationing-plan"
        text: "The water board will publish its rationing plan in October."
        evidence:
          - source: "{html}"
            quote: "The board's rationing plan for farm allocations will be published in October."   # straight apostrophe
  - id: "farms"
    title: "Farm water"
    terms: ["farmers", "farm", "allocations", "irrigation", "groundwater"]
"""


def _pdf(path: Path, lines: list[str]) -> None:
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, title="Drought situation report", author="Regional Water Authority")
    document.build([Paragraph(line, getSampleStyleSheet()["BodyText"]) for line in lines])  # stamps today as creation date
    path.write_bytes(buffer.getvalue())


def _docx(path: Path) -> None:
    document = docx.Document()
    document.core_properties.author = "Staff"
    document.core_properties.created = datetime.datetime(2021, 1, 2)
    document.core_properties.modified = datetime.datetime(2021, 1, 3)
    for line in DOCX_LINES:
        document.add_paragraph(line)
    document.save(path)


def _ok(*args: str):
    result = cli(*args)
    assert result.exit_code == 0, (args, result.output, result.stderr)
    return result


def _docx_text(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(path).paragraphs)


def _claims(root: Path) -> dict:
    data = yaml.safe_load((root / "summary" / "summary.yaml").read_text(encoding="utf-8"))
    return {c["id"]: c for t in data["themes"] for c in t.get("claims", [])}


def test_a_new_analysts_first_day(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    root, inbox = tmp_path / "drought", tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "courier.html").write_text(HTML, encoding="utf-8")
    _pdf(inbox / "situation-report.pdf", PDF_LINES)
    _docx(inbox / "board memo.docx")
    (inbox / "zotero.json").write_text(json.dumps(ZOTERO, indent=2), encoding="utf-8")
    p = ("--project", str(root))

    _ok("init", str(root))
    assert "briefgen sources add" in _ok("check", *p).output
    added = _ok("sources", "add", *(str(inbox / n) for n in ("courier.html", "situation-report.pdf", "board memo.docx", "zotero.json")), *p)
    assert "cite http://zotero.org/users/local/Ab12Cd/items/ZX9CV8BN as [@okafor-2022-allocation]" in added.output

    # the metadata invents no dates and no persons
    sources = load_sources(root / "sources")
    by_file = {s.path.name: s for s in sources.values() if s.path}
    html, pdf, memo = by_file["courier.html"], by_file["situation-report.pdf"], by_file["board-memo.docx"]
    assert html.issued == "2026-09-02" and html.csl["author"] == [{"literal": "Valley Courier Staff Reporter"}]
    assert "issued" not in pdf.csl and "issued" not in memo.csl  # creation and save dates are not publication dates
    assert pdf.csl["author"] == [{"literal": "Regional Water Authority"}] and memo.csl["author"] == [{"literal": "Staff"}]
    assert "author" in pdf.csl["supplied"] and "title" in memo.csl["supplied"]
    assert not any("family" in name for s in (html, pdf, memo) for name in s.csl.get("author", []))
    assert "basin-atlas-2023" in sources and sources["http://zotero.org/users/local/Ab12Cd/items/ZX9CV8BN"].id == "okafor-2022-allocation"

    assert "no themes yet" in _ok("themes", *p).output
    assert _ok("themes", "suggest", *p).output.count("\n") >= 2

    # the analyst writes themes and two claims by hand, then drafts the rest
    summary_path = root / "summary" / "summary.yaml"
    summary_path.write_text(THEMES.format(html=html.id, pdf=pdf.id, docx=memo.id), encoding="utf-8")
    first = _ok("summarize", *p)
    assert "claims added" in first.output
    drafts = [c for c in _claims(root).values() if c.get("status") == "draft"]
    assert drafts, first.output

    # curate by editing the YAML: a comment, a rejected draft
    rejected = drafts[0]
    text = summary_path.read_text(encoding="utf-8")
    anchor = f'- id: "{rejected["id"]}"\n'
    assert anchor in text
    text = text.replace(anchor, f'- id: "{rejected["id"]}"   # off topic: rejected on day one\n', 1)
    start = text.index(f'"{rejected["id"]}"')
    text = text[:start] + text[start:].replace('status: "draft"', 'status: "rejected"', 1)
    summary_path.write_text(text, encoding="utf-8")
    assert "every quote" in _ok("check", *p).output  # the straight apostrophe matches the page's curly one

    _ok("new", "minister", "--author", "Drought Analysis Cell", *p)
    spec_path = root / "briefs" / "minister.yaml"
    spec_text = spec_path.read_text(encoding="utf-8")
    assert "drafts: true" in spec_text and "only drafted claims" in spec_text  # farms has only drafts
    spec_path.write_text(spec_text.replace('bottom_line: ""', 'bottom_line: "Storage is low [@basin-atlas-2023]."'), encoding="utf-8")

    out = tmp_path / "out"
    built = _ok("build", "--out", str(out), *p)
    body = _docx_text(out / "minister.docx")
    for claim_id in ("storage-low", "metering", "rationing-plan"):
        assert _claims(root)[claim_id]["text"] in body
    assert rejected["text"] not in body
    header = docx.Document(out / "minister.docx").sections[0].header.paragraphs[0].text
    assert "Drought Analysis Cell" in header and "Policy Analysis Unit" not in header  # the page header is the spec's author
    _assert_no_silent_empty_section(root, spec_path, built.stderr)

    # the sources change: one of storage-low's two quotes, and metering's only quote
    (root / "sources" / "courier.html").write_text(HTML.replace("fell to 31 percent", "dropped to 31 percent"), encoding="utf-8")
    _pdf(root / "sources" / "situation-report.pdf", PDF_LINES[:2] + ["The authority will consult on well metering next year."])
    second = _ok("summarize", *p)
    assert "storage-low evidence 1" in second.output and "claims stale (1)" in second.output
    assert f"{html.id}: its text changed" in second.output and f"{pdf.id}: its text changed" in second.output

    claims = _claims(root)
    assert claims["metering"]["status"] == "stale"
    assert claims["storage-low"].get("status", "curated") == "curated"
    assert [e.get("stale", False) for e in claims["storage-low"]["evidence"]] == [True, False]
    assert claims[rejected["id"]]["status"] == "rejected"
    assert sum(c["evidence"][0]["quote"] == rejected["evidence"][0]["quote"] for c in claims.values()) == 1
    kept = summary_path.read_text(encoding="utf-8")
    for comment in ("# Themes for the minister's questions", "# how much water is left", "# the analyst's own claims",
                    "# off topic: rejected on day one", "# straight apostrophe"):
        assert comment in kept, comment

    rebuilt = cli("build", "--out", str(out), *p)
    assert rebuilt.exit_code == 0, rebuilt.stderr
    body = _docx_text(out / "minister.docx")
    assert claims["storage-low"]["text"] in body  # partly stale: prints with the evidence that holds
    assert claims["metering"]["text"] not in body  # stale: not printed, and reported at the spec's line
    assert "minister.yaml:" in rebuilt.stderr and "'metering' is stale" in rebuilt.stderr
    assert "'storage-low' is partly stale" in rebuilt.stderr
    _assert_no_silent_empty_section(root, spec_path, rebuilt.stderr)
    assert cli("build", "--strict", "--out", str(out), *p).exit_code == 2


def _assert_no_silent_empty_section(root: Path, spec_path: Path, stderr: str) -> None:
    project = pipeline.Project(root)
    corpus = pipeline.load_corpus(project)
    brief = spec.load_spec(spec_path, corpus.summary, corpus.sources)
    for section, chosen in zip(brief.spec.sections, selection.select_all(brief.spec, corpus.summary, corpus.sources), strict=True):
        if not chosen:
            assert f"section {section.heading!r} prints no claims" in stderr, section.heading
    assert load_summary(project.summary_dir, corpus.sources).themes
