"""Every citation style × placement: the DOCX and the PDF carry the same note and reference texts."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefgen import pipeline
from briefgen.compose.citations import PLACEMENTS, STYLES, Item, get
from briefgen.compose.transforms import map_runs
from briefgen.inputs import sources, spec
from briefgen.model import Footnote, NoteList, plain_text
from conftest import ROOT
from readback import docx_body, docx_footnotes, flat, para_text, pdf_body_text

BRIEF = ROOT / "briefs" / "chip-export-limits.yaml"


def notes_of(model) -> list[str]:
    found: list[str] = []

    def collect(run):
        found.extend(flat(plain_text(n.content)) for n in run if isinstance(n, Footnote))
        return run

    for block in model.body:
        map_runs(block, collect)
    return found


VALID = [(name, placement) for name, style in STYLES.items() for placement in style.placements]
INVALID = [(name, placement) for name, style in STYLES.items() for placement in PLACEMENTS
           if placement not in style.placements]


@pytest.mark.parametrize(("style", "placement"), VALID)
def test_docx_and_pdf_carry_the_same_notes(tmp_path, style, placement):
    text = BRIEF.read_text(encoding="utf-8").replace('style: "chicago-notes"', f'style: "{style}"')
    text = text.replace('placement: "footnotes"', f'placement: "{placement}"')
    path = tmp_path / "brief.yaml"
    path.write_text(text, encoding="utf-8")
    project = pipeline.Project(ROOT)
    corpus = pipeline.load_corpus(project)
    built = pipeline.build_one(project, corpus, path, tmp_path / "out")
    model = pipeline.document(project, corpus, spec.load_spec(path, corpus.summary, corpus.sources))
    files = {p.suffix: p for p in built.files}
    docx_text = flat(" ".join(para_text(p) for p in docx_body(files[".docx"])))
    pdf_text = pdf_body_text(files[".pdf"], ["Policy Analysis Unit", "TLP:GREEN"])
    footnotes = notes_of(model)
    if placement == "footnotes" and not STYLES[style].numeric:
        assert footnotes and sorted(docx_footnotes(files[".docx"]).values()) == sorted(footnotes)
        for note in footnotes:
            assert note[:50] in pdf_text, note
    else:
        assert not footnotes and not docx_footnotes(files[".docx"])
    entries = [e for b in model.body if isinstance(b, NoteList) for e in b.entries]
    assert entries
    for entry in entries:
        wanted = flat(f"{entry.label} {plain_text(entry.content)}")
        assert wanted in docx_text, wanted
        assert wanted[:60] in pdf_text, wanted


def test_zotero_csl_json_export_works_as_metadata(tmp_path):
    folder = tmp_path / "sources"
    folder.mkdir()
    shutil.copy(Path(__file__).parent / "data" / "zotero-export.json", folder)
    (folder / "drought.txt").write_text("Reservoirs fell again in March.")
    found = sources.load_sources(folder)
    article = found["http://zotero.org/users/local/kQ3Lm1/items/7XKJ2B9C"]
    assert article.csl["issued"] == {"date-parts": [[2024, 3, 3]]} and article.csl["title-short"] == "Drought Deepens"
    assert article.text == "Reservoirs fell again in March."
    report = found["wri2023"]
    assert report.path is None and report.csl["publisher-place"] == "Washington, DC"
    entry = get("chicago-notes").entry(Item.from_csl(article.csl))
    assert plain_text(entry).startswith("Smith, Jane. “Drought Deepens Across the South.” The Guardian")


@pytest.mark.parametrize(("style", "placement"), INVALID)
def test_a_style_without_the_placement_is_a_positioned_error(tmp_path, style, placement):
    text = BRIEF.read_text(encoding="utf-8").replace('style: "chicago-notes"', f'style: "{style}"')
    text = text.replace('placement: "footnotes"', f'placement: "{placement}"')
    path = tmp_path / "brief.yaml"
    path.write_text(text, encoding="utf-8")
    project = pipeline.Project(ROOT)
    corpus = pipeline.load_corpus(project)
    problems = pipeline.check(project, [path])
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.strip().startswith("placement:"))
    assert [p for p in problems if p.line == line and p.path == "citations.placement"], problems
    message = str(problems[-1])
    assert all(repr(p) in message for p in STYLES[style].placements) and placement in message
    assert corpus
