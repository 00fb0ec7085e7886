"""The support check on a brief written by someone else (the benchmark fixture, benchmarks/fixture/).

Its own prose has a Markdown table, a table caption and sentences left uncited. Each warning
it gets was judged as an editor would: a capitalised word that opens a table cell ("| Low |")
is no proper name, a caption's label number ("Table 1.") is no fact, a section of the analyst's
own prose alone is no empty section; an uncited number or name in a sentence, and a relative
time word a year after its source, are real. Each warning points at its word.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from briefgen.support import position
from briefgen.text import frames
from briefgen.text import words as w
from conftest import cli

ROOT = Path(__file__).parent.parent


def test_the_fixture_brief_gets_only_the_warnings_an_editor_would_give(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "fixture" / "make_project.py"), str(tmp_path), "1"], check=True)
    result = cli("check", "--project", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    found = sorted(line.split(": ", 1)[1].replace(f"{tmp_path}/", "").split(" (cite")[0].split(" (say")[0]
                   for line in result.stderr.splitlines() if line.startswith("warning:"))
    lines = (tmp_path / "briefs" / "brief-001.yaml").read_text(encoding="utf-8").splitlines()
    assert found == sorted([
        'briefs/brief-001.yaml:26:548: sections.1.text: "nine" is stated without a citation',  # after nine in the evening
        'briefs/brief-001.yaml:30:427: sections.1.text: "English" is stated without a citation',
        'briefs/brief-001.yaml:37:49: sections.1.text: "5" is stated without a citation',  # | 5–10 years |: an estimate, no source
        'briefs/brief-001.yaml:38:53: sections.1.text: "1" is stated without a citation',  # | 1–2 years |
        'briefs/brief-001.yaml:49:568: sections.2.text: "three" is stated without a citation',  # for the first three years
        'briefs/brief-001.yaml:19:142: sections.0.text: "recent" means the source\'s date (2024-10-02), 317 days before the brief\'s (2025-08-15)',
        'briefs/brief-001.yaml:30:229: sections.1.text: "now" means the source\'s date (2024-09-05), 344 days before the brief\'s (2025-08-15)',
    ])
    for entry in found:  # each points at its word, as a whole word ("now", not "know")
        line, col = (int(x) for x in entry.split(":")[1:3])
        word = entry.split('"')[1]
        assert lines[line - 1][col - 1:col - 1 + len(word)] == word, entry


def test_a_word_that_opens_a_table_cell_is_no_proper_name() -> None:
    kinds = {x.text: x.kind for x in w.words("Measure | Relative cost | Low | Ruritania and Borduria")}
    assert kinds["Relative"] == kinds["Low"] == "word" and kinds["Borduria"] == "name"


def test_a_caption_label_number_is_no_fact() -> None:
    text = "Table 1. Selected measures; see Figure 2 and table 3, with 40 entries."
    framed = frames.frame_words(text)
    numbers = [x for x in w.words(text) if x.kind == "number"]
    assert [x.text for x in numbers if x.start in framed] == ["1", "2", "3"]
    assert [x.text for x in numbers if x.start not in framed] == ["40"]


def test_a_word_is_found_in_its_own_sentence_of_a_block_scalar(tmp_path: Path) -> None:
    from briefgen.inputs import yamlio

    path = tmp_path / "s.yaml"
    path.write_text("sections:\n  - heading: H\n    text: |\n      We know the plan.\n\n      Alerts now go out. Then now again.\n"
                    "    claims: [now]\n", encoding="utf-8")
    loaded = yamlio.load(path)
    assert position.locate(loaded, ("sections", 0, "text"), "now") == (6, 14)  # not "know" on line 4
    assert position.locate(loaded, ("sections", 0, "text"), "now", "Then now again.") == (6, 31)  # in its own sentence
    assert position.locate(loaded, ("sections", 0, "text"), "claims") == (3, 11)  # not past the value: where it starts
