"""`briefgen summarize`'s speed work, pinned without timings (issue #12's speed goal): the cycle collector's state."""

from __future__ import annotations

import gc
import shutil
from pathlib import Path

import pytest

from briefgen import pipeline
from briefgen.drafting import drafting

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

