"""The planted-defects project: exactly one finding, at file:line:col, for each defect kind.

tests/data/planted holds a tiny corpus; each claim plants one defect (or none).
Removing a check makes its row go missing, so each check here can fail.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefgen import pipeline
from conftest import cli

PLANTED = Path(__file__).parent / "data" / "planted"
SUMMARY = "summary/summary.yaml"
SOURCES = "sources/sources.yaml"
BRIEF = "briefs/planted.yaml"

EXPECTED = {
    (SUMMARY, 11, 38, "error", "support.number", 'claim wrong-number: "15" is not in any of its quotes'),
    (SUMMARY, 16, 52, "error", "support.date", 'claim wrong-date: "2022" is not in any of its quotes'),
    (SUMMARY, 21, 66, "error", "support.name", 'claim wrong-name: "Governor" is not in any of its quotes'),
    (SUMMARY, 21, 75, "error", "support.name", 'claim wrong-name: "Baker" is not in any of its quotes'),
    (SUMMARY, 26, 30, "warning", "support.word", 'claim overreach: "transformed" is not in any of its quotes'),
    (SUMMARY, 36, 21, "warning", "support.padding", "claim padded: quote 2 (beta) is padding: it adds no support the other quotes lack"),
    (SUMMARY, 38, 16, "warning", "support.plural", 'claim one-as-many: "Analysts" presents one source as many'),
    (SUMMARY, 53, 11, "warning", "support.accepted", "claim accepted-unexplained: an acceptance without a reason"),
    (SUMMARY, 72, 20, "warning", "support.accepted", 'claim accepted-stray: accepted word "soared" is not in the claim'),
    (SOURCES, 17, 3, "warning", "sources.gap", "source gamma: no outlet, URL, accessed"),
    (SOURCES, 17, 3, "warning", "sources.name", 'source gamma: its name "Kestrel Machines" reads as "Kestrel Machines", a subject of the claims'),
    (BRIEF, 3, 80, "warning", "support.word", 'bottom_line: "doubled" is not in any passage it cites'),
    (BRIEF, 3, 108, "warning", "support.plural", 'bottom_line: "Experts" presents one source as many'),
    (BRIEF, 5, 43, "error", "support.date", 'key_points.0: "May" is not in any passage it cites'),
    (BRIEF, 6, 6, "warning", "support.uncited", 'key_points.1: "Ana" is stated without a citation'),
    # two cited list items are two sentences: the second is judged against its own source only
    (BRIEF, 11, 67, "warning", "support.word", 'sections.0.text: "Harbour" is not in any passage it cites'),
    (SUMMARY, 58, 16, "warning", "support.plural", 'claim plural-one-clause: "Analysts" presents one source as many'),
    (SUMMARY, 65, 28, "warning", "support.time", 'claim stale-now: "now" means the source\'s date (2024-04), 133 days before the brief\'s (2024-09-10)'),
    # the quote plans it, the claim says it is done ("hedge-kept", which keeps "plans", gets nothing)
    (SUMMARY, 78, 15, "warning", "support.hedge", 'claim hedge-dropped: its quotes say "plans", the claim states it as done'),
    (BRIEF, 3, 162, "warning", "support.time", 'bottom_line: "now" means the source\'s date (2024-04), 133 days before the brief\'s (2024-09-10)'),
}


@pytest.fixture
def planted(tmp_path: Path) -> Path:
    shutil.copytree(PLANTED, tmp_path / "planted")
    return tmp_path / "planted"


def _found(root: Path) -> set[tuple]:
    problems = pipeline.check(pipeline.Project(root))
    return {(str(Path(p.file).relative_to(root)), p.line, p.col, p.severity, p.code, p.message) for p in problems}


def test_each_planted_defect_is_found_exactly_where_it_is(planted: Path) -> None:
    assert _found(planted) == EXPECTED


def test_check_fails_on_errors_and_strict_fails_on_warnings(planted: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(planted)
    result = cli("check")
    assert result.exit_code == 2
    assert 'summary/summary.yaml:11:38: claim wrong-number: "15" is not in any of its quotes' in result.stderr
    assert "closest passage: “cargo volumes rose by 12 percent in 2023”" in result.stderr
    text = (planted / SUMMARY).read_text()
    for claim in ("wrong-number", "wrong-date", "wrong-name"):  # leave only warnings
        text = text.replace(f'id: "{claim}"', f'id: "{claim}"\n        status: "stale"')
    (planted / SUMMARY).write_text(text)
    brief = (planted / BRIEF).read_text().replace(" in May [@alpha]", " [@alpha]")
    (planted / BRIEF).write_text(brief)
    relaxed = cli("check")
    assert relaxed.exit_code == 0, relaxed.stderr
    assert "warning: " in relaxed.stderr and "presents one source as many" in relaxed.stderr
    assert cli("check", "--strict").exit_code == 2


NOTES = {  # a one-word paraphrase in a long sentence: the score takes it for a paraphrase (support/score.py)
    (SUMMARY, 88, 119, "note", "support.paraphrase",
     'claim paraphrase-noted: "sped" is not in any of its quotes: taken for a paraphrase, not confirmed by the quotes'),
    (BRIEF, 3, 299, "note", "support.paraphrase",
     'bottom_line: "sped" is not in any passage it cites: taken for a paraphrase, not confirmed by the passages'),
}


def test_a_paraphrase_the_score_does_not_confirm_is_a_note_shown_on_request(planted: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    notes: list = []
    pipeline.check(pipeline.Project(planted), None, notes)
    assert {(str(Path(p.file).relative_to(planted)), p.line, p.col, p.severity, p.code, p.message) for p in notes} == NOTES
    monkeypatch.chdir(planted)
    assert "[support.paraphrase]" not in cli("check").stderr
    explained = cli("check", "--explain").stderr
    assert 'note: summary/summary.yaml:88:119: claim paraphrase-noted: "sped"' in explained, explained
    assert "note: briefs/planted.yaml:3:299:" in explained
    text = (planted / SUMMARY).read_text()
    for claim in ("wrong-number", "wrong-date", "wrong-name"):  # leave only warnings and notes
        text = text.replace(f'id: "{claim}"', f'id: "{claim}"\n        status: "stale"')
    (planted / SUMMARY).write_text(text)
    (planted / BRIEF).write_text((planted / BRIEF).read_text().replace(" in May [@alpha]", " [@alpha]"))
    assert "(2 note(s): paraphrases not confirmed by the quotes; --explain shows them)" in cli("check").stdout


def test_padding_counts_toward_no_corroboration(planted: Path) -> None:
    from briefgen.compose import compose
    from briefgen.inputs import spec
    project = pipeline.Project(planted)
    corpus = pipeline.load_corpus(project)
    checked = pipeline.support.check_corpus(corpus.summary, corpus.sources)
    brief = spec.load_spec(planted / "briefs" / "planted.yaml", corpus.summary, corpus.sources)
    section = brief.spec.sections[0].model_copy(update={"min_sources": 2})
    assert [s.claim.id for s in compose.select(section, corpus.summary, corpus.sources)] == ["padded", "plural-one-clause"]
    assert [s.claim.id for s in compose.select(section, corpus.summary, corpus.sources, frozenset(checked.padding))] == [
        "plural-one-clause"]


def test_build_fails_on_a_support_error(planted: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(planted)
    result = cli("build", "-f", "pdf")
    assert result.exit_code == 2
    assert 'claim wrong-name: "Baker" is not in any of its quotes' in result.stderr
    assert not (planted / "out" / "planted.pdf").exists()


def test_a_stale_time_word_hint_says_when_as_a_sentence_would(planted: Path) -> None:
    found = [p for p in pipeline.check(pipeline.Project(planted)) if p.code == "support.time"]
    assert found and all('e.g. "in April 2024"' in p.hint for p in found), [p.hint for p in found]
