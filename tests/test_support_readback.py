"""What the support check adds to a brief, read back as a reader would (python-docx, pypdf).

A small traced project: the "Information as of" line under the title, a claim's event
date where the default template shows it, the evidence annex's rows for free-text
sentences (with their supporting passage) and for an accepted paraphrase (with its
reason), and a supplied date in square brackets in the bibliography.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen import pipeline
from readback import docx_body, flat, para_text, pdf_pages

PLANTED = Path(__file__).parent / "data" / "planted"
SUMMARY = """\
themes:
  - id: "harbour"
    title: "The harbour"
    claims:
      - id: "volumes"
        text: "Cargo volumes rose by 12 percent in 2023."
        date: "2023-12"
        evidence:
          - source: "alpha"
            quote: "cargo volumes rose by 12 percent in 2023"
      - id: "crane"
        text: "The new crane, bought from Kestrel Machines, sped up unloading."
        accepted:
          words: ["sped"]
          reason: "Cutting unloading times is speeding unloading up."
        evidence:
          - source: "alpha"
            quote: "Officials said the new crane, bought from Kestrel Machines, cut unloading times."
      - id: "crane-noted"
        text: "Port officials said the larger crane, bought from Kestrel Machines for the eastern container terminal,
          sped up unloading times for bulk grain, timber and steel cargo vessels."
        evidence:
          - source: "alpha"
            quote: "Port officials said the larger crane, bought from Kestrel Machines for the eastern container terminal,
          cut unloading times for bulk grain, timber and steel cargo vessels."
"""
SPEC = """\
title: "Harbour brief"
date: "2024-05-10"
bottom_line: "Local shops stayed open late on Fridays [@beta]."
key_points:
  - "Cargo volumes rose by 12 percent in 2023 [@claim:volumes]."
  - "The mayor, Ana Ruiz, opened the eastern pier in March [@alpha]."
  - "A new crane cut unloading times [@alpha]."
  - "Port officials said the larger crane, bought from Kestrel Machines for the eastern container terminal,
          steadily cut unloading times for bulk grain, timber and steel cargo vessels [@alpha]."
sections:
  - heading: "The harbour"
    themes: ["harbour"]
annex: true
"""
SHOPS = "Local shops stayed open late on Fridays."


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("traced")
    (root / "sources").mkdir()
    for name in ("alpha.txt", "beta.txt"):
        (root / "sources" / name).write_bytes((PLANTED / "sources" / name).read_bytes())
    sources = (PLANTED / "sources" / "sources.yaml").read_text(encoding="utf-8")
    sources = sources[:sources.index('- id: "gamma"')].replace('  accessed: "2024-05-01"\n', '  accessed: "2024-05-01"\n  supplied: ["issued"]\n')
    (root / "sources" / "sources.yaml").write_text(sources, encoding="utf-8")
    (root / "summary").mkdir()
    (root / "summary" / "summary.yaml").write_text(SUMMARY, encoding="utf-8")
    (root / "briefs").mkdir()
    (root / "briefs" / "harbour.yaml").write_text(SPEC, encoding="utf-8")
    project = pipeline.Project(root)
    assert [p for p in pipeline.check(project) if p.code.startswith(("support", "sources"))] == []
    corpus = pipeline.load_corpus(project)
    files = pipeline.build_one(project, corpus, root / "briefs" / "harbour.yaml", root / "out").files
    return {p.suffix: p for p in files}


def _docx(built: dict[str, Path]) -> list[str]:
    return [t for t in (flat(para_text(p)) for p in docx_body(built[".docx"])) if t]


def _pdf(built: dict[str, Path]) -> str:
    return flat(" ".join(pdf_pages(built[".pdf"])))


def test_information_as_of_sits_under_the_title(built: dict[str, Path]) -> None:
    paragraphs = _docx(built)
    as_of = next(i for i, t in enumerate(paragraphs) if t.startswith("Information as of"))
    assert paragraphs[as_of] == "Information as of April 2024"  # beta (2024-04) is the newest source cited
    assert paragraphs.index("Harbour brief") < as_of < paragraphs.index("Bottom line")
    text = _pdf(built)
    assert text.index("Harbour brief") < text.index("Information as of April 2024") < text.index("Bottom line")


def test_a_claims_event_date_leads_it_in_the_body(built: dict[str, Path]) -> None:
    assert any(t.startswith("December 2023. Cargo volumes rose by 12 percent in 2023") for t in _docx(built))
    assert "December 2023. Cargo volumes rose by 12 percent in 2023" in _pdf(built)


def test_the_annex_has_a_row_for_each_cited_free_text_sentence_with_its_passage(built: dict[str, Path]) -> None:
    paragraphs = _docx(built)
    annex = paragraphs[paragraphs.index("Annex: evidence"):]
    row = annex.index(f"4. {SHOPS}")  # the bottom line's sentence (rows 1-3 are the claims), its citation removed
    assert annex[row + 1:row + 3] == [f"“{SHOPS}”", "Town Bulletin, [2024]"]  # beta's passage that supports it
    mayor = "The mayor, Ana Ruiz, opened the eastern pier in March."
    row = annex.index(f"6. {mayor}")  # a key point
    assert annex[row + 1:row + 3] == [f"“{mayor}”", "Harbour Authority, 2024"]
    text = _pdf(built)
    tail = text[text.index("Annex: evidence"):]
    assert f"4. {SHOPS} “{SHOPS}” Town Bulletin, [2024]" in tail
    assert f"6. {mayor} “{mayor}” Harbour Authority, 2024" in tail


def test_the_annex_shows_a_recorded_acceptance_with_its_reason(built: dict[str, Path]) -> None:
    shown = "Accepted paraphrase (sped): Cutting unloading times is speeding unloading up."
    paragraphs = _docx(built)
    annex = " ".join(paragraphs[paragraphs.index("Annex: evidence"):])
    assert shown in annex
    text = _pdf(built)
    assert shown in text[text.index("Annex: evidence"):]


def test_the_annex_shows_the_words_the_check_took_for_a_paraphrase(built: dict[str, Path]) -> None:
    # notes (support/score.py): one changed word in a long sentence, claim and free text; never a warning
    crane = "Port officials said the larger crane, bought from Kestrel Machines for the eastern container terminal,"
    cargo = "unloading times for bulk grain, timber and steel cargo vessels."
    claim = f"3. {crane} sped up {cargo} Paraphrase, not confirmed by the quotes: sped."
    own = f"8. {crane} steadily cut {cargo} Paraphrase, not confirmed by the quotes: steadily."
    paragraphs = _docx(built)
    annex = paragraphs[paragraphs.index("Annex: evidence"):]
    assert claim in annex and own in annex, annex
    text = _pdf(built)
    tail = text[text.index("Annex: evidence"):]
    assert claim in tail and own in tail
    assert "Paraphrase, not confirmed" not in " ".join(annex[:annex.index(claim)])  # the faithful rows say nothing


def test_a_supplied_date_is_bracketed_in_the_bibliography(built: dict[str, Path]) -> None:
    entry = "Town Bulletin. “Town Notes.” [April 2024]. https://example.org/town-notes."
    paragraphs = _docx(built)
    assert entry in paragraphs[paragraphs.index("Bibliography"):]
    text = _pdf(built)
    assert entry in text[text.index("Bibliography"):text.index("Annex: evidence")]
    assert "Harbour Report. Harbour Authority, 2024." in text  # alpha's date was read, not supplied


def test_notes_fail_no_strict_check_or_build(built: dict[str, Path]) -> None:
    from conftest import cli
    root = built[".pdf"].parent.parent
    result = cli("check", "--strict", "--project", str(root))
    assert result.exit_code == 0, result.stderr
    assert "(2 note(s): paraphrases not confirmed by the quotes; --explain shows them)" in result.stdout
    assert cli("build", "--strict", "-f", "pdf", "--project", str(root), "--out", str(root / "strict")).exit_code == 0
