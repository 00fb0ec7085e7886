"""`briefgen summarize`'s speed work, pinned without timings (issue #12's speed goal): the cycle collector's state, and
the exact shortcuts of sentence splitting, tokens and the corpus's inner sentence ends, each against the plain code it replaces."""

from __future__ import annotations

import gc
import random
import re
import shutil
from pathlib import Path

import pytest

from briefgen import pipeline
from briefgen.drafting import corpus, drafting
from briefgen.drafting import sentences as tokens
from briefgen.text import sentences as text_sentences

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def seed(tmp_path: Path) -> pipeline.Project:
    for folder in ("sources", "summary"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return pipeline.Project(tmp_path)


@pytest.mark.parametrize("enabled", [True, False])
def test_summarize_drafts_with_the_cycle_collector_off_and_puts_it_back_as_it_was(
        seed: pipeline.Project, monkeypatch: pytest.MonkeyPatch, enabled: bool) -> None:
    seen: list[bool] = []
    draft = drafting.draft

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return draft(*args, **kwargs)

    monkeypatch.setattr(drafting, "draft", spy)
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        pipeline.summarize(seed)
        after = gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()
    assert seen == [False]
    assert after is enabled


def test_summarize_puts_the_cycle_collector_back_when_it_fails(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "sources.yaml").write_text("- [not a source\n", encoding="utf-8")
    assert gc.isenabled()
    with pytest.raises(Exception):  # noqa: B017 - whichever error: the collector must be back on
        pipeline.summarize(pipeline.Project(tmp_path))
    assert gc.isenabled()


# ---------------------------------------------------------------- exact shortcuts: the same answers as the plain code

_DATED = ["WASHINGTON", "WASHINGTON, D.C.", "Washington, D.C.", "PARIS,", "PARIS", "(AFP", "(Agency / Wire", "– 12th Feb, 2025)",
          "Jan. 13", "(UPI)", "--", "-", "–", "—", "—", "(87 FR 62186, October 13, 2022)", "(a)", "(", ")", "Effective date:",
          "Key objectives:", "Note:", "K" + "y" * 39 + ":", "K" + "y" * 40 + ":", "K" + "y" * 41 + ":", "BIS", "The", "rule",
          "said", "high-risk", "2025", "x" * 30, ":", " ", "  ", "“", "U.S."]


def _blocks(seed: int, count: int = 20000) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(_DATED) for _ in range(rng.randint(1, 9))) for _ in range(count)]


def test_the_dateline_shortcut_answers_as_the_patterns() -> None:
    matched = 0
    for block in _blocks(11):
        for start, end in ((0, len(block)), (min(3, len(block)), len(block)), (0, len(block) // 2)):
            plain = text_sentences._DATELINE.match(block, start, end) or text_sentences._LEADING_REF.match(block, start, end)
            found = text_sentences._dateline(block, start, end)
            assert (found and found.span()) == (plain and plain.span()), (block, start, end)
            matched += plain is not None
    assert matched > 1000  # the patterns are asked, and match


def test_the_label_shortcut_answers_as_the_pattern() -> None:
    matched = 0
    for block in _blocks(12):
        for start in (0, min(4, len(block))):
            for end in (len(block), len(block) // 2):
                plain = text_sentences._LABEL.match(block, start, end)
                found = text_sentences._label(block, start, end)
                assert (found and found.span()) == (plain and plain.span()), (block, start, end)
                matched += plain is not None
    assert matched > 500


def test_the_tokens_words_answer_as_their_pattern_at_every_full_stop() -> None:
    rng = random.Random(13)
    pieces = ["U.S.", "U.S", "A.B", "x.Y.Z.", ".", "..", "A", "b", "Z.", "rule", " ", "_", "9", "é", "-"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 8))) for _ in range(30000)]
    for text in texts:
        assert tokens.words_of(text) == tokens._TOKEN.findall(text), repr(text)
    assert sum(bool(tokens._ACRONYM.search(t)) for t in texts) > 3000


def test_the_inner_sentence_end_pattern_answers_as_the_look_behind_first_one() -> None:
    plain = re.compile(r"(?<=[a-z]{2}[.!?])[\"”’')\]]*\s+[\"“‘(]?[A-Z]")
    rng = random.Random(14)
    pieces = ["ab", "a", "U.S", "é", "Z", "x", ".", "!", "?", "”", "’", "'", ")", "]", '"', " ", "  ", "\t", "“", "‘", "(", "A", "The",
              "rule", "9", "ab.", "xy!", "qr?", "S.", " A", " “A", ".” T", "”) (B"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(30000)]
    for text in texts:
        assert bool(corpus._INNER.search(text)) == bool(plain.search(text)), repr(text)
    assert sum(bool(plain.search(t)) for t in texts) > 1000
