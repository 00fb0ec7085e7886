"""Curation is never lost: comments, key order and quoting survive summarize; rejected drafts stay
rejected; stale means stale (per evidence item); the "what changed" report and `briefgen diff`."""

from __future__ import annotations

import difflib
from pathlib import Path

from briefgen import pipeline
from briefgen.compose import selection
from briefgen.inputs import spec, yamlio
from briefgen.inputs.sources import load_sources
from briefgen.inputs.summary import load_summary
from conftest import cli

DOCS = {
    "north.txt": "Rainfall in the northern basin was forty percent below average this winter. "
                 "Reservoir storage in the northern basin fell to 31 percent of capacity in August. "
                 "The water board will review farm allocations in October. "
                 "Farmers in the valley will get smaller farm allocations this year.",
    "south.txt": "Reservoir storage in the southern basin fell to 45 percent of capacity in August. "
                 "Officials said rainfall in the northern basin was forty percent below average this winter. "
                 "Farmers asked for emergency allocations of river water. "
                 "Farm groups want the allocation rules for farmers changed before spring.",
}
SUMMARY = '''\
# The analyst's summary. This header stays.
themes:
  - id: "storage"   # the theme the minister asked about
    title: "Reservoir storage"
    terms: ["reservoir", "storage", "capacity", "rainfall", "allocations"]
    claims:
      # two sources say it; the analyst's favourite claim
      - id: "rain-low"
        text: 'Winter rainfall in the north was well below average.'
        evidence:
          - source: "north"
            quote: "Rainfall in the northern basin was forty percent below average this winter."
          - source: "south"
            quote: "rainfall in the northern basin was forty percent below average this winter."
      - id: "north-storage"
        text: "Northern storage fell to 31 percent in August."   # keep this wording
        evidence:
          - source: "north"
            quote: "Reservoir storage in the northern basin fell to 31 percent of capacity in August."
  - id: "farms"
    title: "Farm allocations"
    terms: ["farmers", "farm", "allocations", "water board"]
'''


def _project(tmp_path: Path) -> pipeline.Project:
    for folder in ("sources", "summary", "briefs"):
        (tmp_path / folder).mkdir()
    entries = "".join(f'- id: "{Path(n).stem}"\n  type: "report"\n  title: "{Path(n).stem}"\n  file: "{n}"\n' for n in DOCS)
    (tmp_path / "sources" / "sources.yaml").write_text(entries, encoding="utf-8")
    for name, text in DOCS.items():
        (tmp_path / "sources" / name).write_text(text, encoding="utf-8")
    (tmp_path / "summary" / "summary.yaml").write_text(SUMMARY, encoding="utf-8")
    return pipeline.Project(tmp_path)


def _claims(project: pipeline.Project) -> dict:
    return {c["id"]: c for t in yamlio.load(project.summary_dir / "summary.yaml").data["themes"] for c in t["claims"]}


def _edit_source(project: pipeline.Project, name: str, old: str, new: str) -> None:
    path = project.sources_dir / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_summarize_keeps_every_comment_key_order_and_quote_style(tmp_path: Path) -> None:
    project = _project(tmp_path)
    pipeline.summarize(project)
    after = (project.summary_dir / "summary.yaml").read_text(encoding="utf-8")
    removed = [line for line in difflib.ndiff(SUMMARY.splitlines(), after.splitlines()) if line.startswith("- ")]
    assert removed == [], "summarize must only add lines to a curated file"
    added = [line[2:] for line in difflib.ndiff(SUMMARY.splitlines(), after.splitlines()) if line.startswith("+ ")]
    assert added and all(line.strip() == "" or '"' in line or line.strip().endswith(":") or line.strip().startswith("- ")
                         or line.strip().split(": ")[1][:1] in '"0123456789' for line in added), added  # new strings double-quoted


def test_the_analysts_edit_comment_and_rejection_survive_reruns(tmp_path: Path) -> None:
    project = _project(tmp_path)
    pipeline.summarize(project)
    path = project.summary_dir / "summary.yaml"
    drafts = [c for c in _claims(project).values() if c.get("status") == "draft"]
    assert len(drafts) >= 2
    rejected, kept = drafts[0], drafts[1]
    text = path.read_text(encoding="utf-8")
    text = text.replace(f'id: "{rejected["id"]}"\n', f'id: "{rejected["id"]}"  # not about storage\n', 1)
    text = text.replace('status: "draft"', 'status: "rejected"', 1)  # the first draft
    text = text.replace(f'"{kept["text"]}"', '"The analyst\'s own wording."', 1)
    path.write_text(text, encoding="utf-8")
    edited = path.read_text(encoding="utf-8")
    report = pipeline.summarize(project)
    assert report.added == 0 and report.paths == []
    assert path.read_text(encoding="utf-8") == edited  # nothing to change: the file is not touched
    claims = _claims(project)
    assert claims[rejected["id"]]["status"] == "rejected"
    assert claims[kept["id"]]["text"] == "The analyst's own wording."
    assert "# not about storage" in path.read_text(encoding="utf-8")
    assert sum(c["evidence"][0]["quote"] == rejected["evidence"][0]["quote"] for c in claims.values()) == 1


def test_a_claim_is_stale_only_when_no_evidence_holds(tmp_path: Path) -> None:
    project = _project(tmp_path)
    pipeline.summarize(project)
    _edit_source(project, "south.txt", "forty percent below", "far below")
    report = pipeline.summarize(project)
    claims = _claims(project)
    assert claims["rain-low"].get("status", "curated") == "curated"
    assert [e.get("stale", False) for e in claims["rain-low"]["evidence"]] == [False, True]
    assert report.stale == 0
    text = report.what_changed.render()
    assert "evidence changed" in text and "rain-low evidence 2: south" in text
    assert "summary.yaml:" in text and "south: its text changed" in text
    _edit_source(project, "north.txt", "forty percent below", "far below")
    report = pipeline.summarize(project)
    claims = _claims(project)
    assert claims["rain-low"]["status"] == "stale" and report.stale == 1
    assert "claims stale (1)" in report.what_changed.render()
    assert "# two sources say it" in (project.summary_dir / "summary.yaml").read_text(encoding="utf-8")
    _edit_source(project, "south.txt", "far below", "forty percent below")
    pipeline.summarize(project)
    claims = _claims(project)
    assert "status" not in claims["rain-low"]  # back to curated, as the analyst wrote it
    assert [e.get("stale", False) for e in claims["rain-low"]["evidence"]] == [True, False]


def test_partly_stale_claims_print_and_spec_uses_are_warned_at_the_spec_line(tmp_path: Path) -> None:
    project = _project(tmp_path)
    pipeline.summarize(project)
    _edit_source(project, "south.txt", "forty percent below", "far below")
    _edit_source(project, "north.txt", "fell to 31 percent", "dropped to 31 percent")
    pipeline.summarize(project)
    brief_path = project.briefs_dir / "b.yaml"
    brief_path.write_text('title: "B"\nsections:\n  - heading: "Storage"\n    themes: [storage]\n'
                          '  - heading: "Named"\n    claims: [north-storage]\n', encoding="utf-8")
    sources = load_sources(project.sources_dir)
    summary = load_summary(project.summary_dir, sources)
    brief = spec.load_spec(brief_path, summary, sources)
    chosen = selection.select_all(brief.spec, summary, sources)
    assert [s.claim.id for s in chosen[0]] == ["rain-low"] and [e.source for e in chosen[0][0].evidence] == ["north"]
    found = selection.warnings(brief, summary, sources)
    assert all(p.severity == "warning" for p in found)
    where = {(p.code, p.line) for p in found}
    assert ("brief.stale-claim", 4) in where  # themes: [storage], partly stale rain-low and stale north-storage
    assert ("brief.empty-section", 5) in where and ("brief.claim-not-printed", 6) in where
    result = cli("check", "--project", str(project.root))
    assert result.exit_code == 0 and "b.yaml:4:" in result.stderr and "partly stale" in result.stderr
    strict = cli("check", "--strict", "--project", str(project.root))
    assert strict.exit_code == 2 and "b.yaml:5:" in strict.stderr


def test_diff_reports_without_writing(tmp_path: Path) -> None:
    project = _project(tmp_path)
    pipeline.summarize(project)
    _edit_source(project, "north.txt", "forty percent below", "far below")
    before = {p: p.read_bytes() for p in project.summary_dir.iterdir()}
    result = cli("diff", "--project", str(project.root))
    assert result.exit_code == 0, result.stderr
    assert "rain-low evidence 1: north" in result.output and "north: its text changed" in result.output
    assert {p: p.read_bytes() for p in project.summary_dir.iterdir()} == before


# ---------------------------------------------------------------- selection


def _corpus(tmp_path: Path, curate_farms: bool):
    project = _project(tmp_path)
    pipeline.summarize(project)
    if curate_farms:
        path = project.summary_dir / "summary.yaml"
        text = path.read_text(encoding="utf-8")
        farms = text.index('id: "farms"')  # curate the farms theme's first draft
        path.write_text(text[:farms] + text[farms:].replace('status: "draft"', 'status: "curated"', 1), encoding="utf-8")
    sources = load_sources(project.sources_dir)
    return project, sources, load_summary(project.summary_dir, sources)


def _brief(project: pipeline.Project, summary, sources, body: str):
    path = project.briefs_dir / "b.yaml"
    path.write_text('title: "B"\nfigures: [coverage]\nsections:\n' + body, encoding="utf-8")
    return spec.load_spec(path, summary, sources)


def test_limit_takes_curated_claims_first_round_robin_across_themes(tmp_path: Path) -> None:
    project, sources, summary = _corpus(tmp_path, curate_farms=True)
    brief = _brief(project, summary, sources, '  - heading: "All"\n    themes: [storage, farms]\n    limit: 3\n    drafts: true\n')
    [chosen] = selection.select_all(brief.spec, summary, sources)
    farms = [c.id for c in summary.theme("farms").claims]
    assert [s.claim.id for s in chosen] == ["rain-low", "north-storage", farms[0]]  # farms' curated claim, not a 3rd storage one
    brief = _brief(project, summary, sources, '  - heading: "All"\n    themes: [farms]\n    limit: 2\n    drafts: true\n')
    [chosen] = selection.select_all(brief.spec, summary, sources)
    assert chosen[0].claim.status == "curated" and chosen[1].claim.status == "draft"


def test_a_claim_prints_once_per_brief_and_coverage_keeps_every_selected_theme(tmp_path: Path) -> None:
    project, sources, summary = _corpus(tmp_path, curate_farms=False)
    body = ('  - heading: "First"\n    themes: [storage]\n'
            '  - heading: "Again"\n    themes: [storage]\n'
            '  - heading: "Farms"\n    themes: [farms]\n')
    brief = _brief(project, summary, sources, body)
    first, again, farms = selection.select_all(brief.spec, summary, sources)
    assert [s.claim.id for s in first] == ["rain-low", "north-storage"] and again == [] and farms == []
    codes = {(p.code, p.path) for p in selection.warnings(brief, summary, sources)}
    assert ("brief.empty-section", "sections.1.heading") in codes and ("brief.empty-section", "sections.2.heading") in codes
    found = [p for p in selection.warnings(brief, summary, sources) if p.path == "sections.2.heading"][0]
    assert "only drafts" in found.message
    from briefgen.compose import compose
    from briefgen.inputs.housestyle import load_style
    from briefgen.model import Figure, plain_text
    draft = compose.compose(brief, summary, sources, project.templates_dir, load_style("default", project.templates_dir))
    [figure] = [b for b in draft.blocks if isinstance(b, Figure)]
    assert [plain_text(cell) for cell in figure.data.header] == ["Source", "Reservoir storage", "Farm allocations"]


def test_a_section_of_own_text_that_selects_nothing_is_not_reported_empty(tmp_path: Path) -> None:
    """A narrative section (heading + the analyst's text, no themes or claims) prints as written."""
    project, sources, summary = _corpus(tmp_path, curate_farms=False)
    body = ('  - heading: "Background"\n    text: "Storage fell this year [@north]."\n'
            '  - heading: "Blank"\n'
            '  - heading: "Farms"\n    text: "Our reading."\n    themes: [farms]\n')
    brief = _brief(project, summary, sources, body)
    empty = {p.path for p in selection.warnings(brief, summary, sources) if p.code == "brief.empty-section"}
    assert empty == {"sections.1.heading", "sections.2.heading"}  # a heading alone, and themes holding only drafts
