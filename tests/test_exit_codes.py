"""Exit codes as documented: 3 when some specs fail and the rest are built; outputs never torn or overwritten."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

import pytest

from briefgen import outputs as writing
from briefgen import renderers
from conftest import cli
from hostile import build, keep_briefs, no_traceback, outputs

ONE = "global-ai-organisation"


def test_one_bad_spec_among_good_ones_is_exit_3_and_the_rest_are_built(project):
    keep_briefs(project, ONE, "minister-cross-theme")
    (project / "briefs" / "bad.yaml").write_text("title: [\n")
    result = build(project, "-f", "docx")
    assert result.exit_code == 3, result.stderr
    assert "bad.yaml:2:1: invalid YAML" in result.stderr
    assert outputs(project / "out") == [f"{ONE}.docx", "minister-cross-theme.docx"]


def test_an_internal_error_in_one_spec_does_not_stop_the_batch(project, monkeypatch):
    keep_briefs(project, ONE, "minister-cross-theme")
    renderer = renderers.get("docx")
    original = renderer.render

    def flaky(model):
        if "Bid" in model.meta.title:
            raise ZeroDivisionError("a bug")
        return original(model)
    monkeypatch.setattr(renderer, "render", flaky)
    result = build(project, "-f", "docx")
    assert result.exit_code == 1, result.stderr
    assert "minister-cross-theme.yaml: internal error: ZeroDivisionError: a bug" in result.stderr
    assert outputs(project / "out") == [f"{ONE}.docx"]


@pytest.mark.parametrize("where, expected", [
    ("file", "--out: expected a folder, found"),
    ("/dev/full", "--out: expected a folder, found a character device"),
    ("/proc/no/such", "cannot write:"),
    ("sources", "--out: expected a path outside the project's input folders"),
    ("briefs/sub", "--out: expected a path outside the project's input folders"),
])
def test_an_unusable_out_is_exit_2_with_a_message(project, where, expected):
    keep_briefs(project, ONE)
    if where == "file":
        out = project / "out.txt"
        out.write_text("x")
    else:
        out = Path(where) if where.startswith("/") else project / where
    result = build(project, out=out)
    assert result.exit_code == 2, result.stderr
    assert expected in result.stderr, result.stderr
    no_traceback(result)


def test_a_full_disk_leaves_the_previous_pair_and_no_lone_docx(project, monkeypatch):
    keep_briefs(project, ONE)
    assert build(project).exit_code == 0
    before = {n: (project / "out" / n).read_bytes() for n in outputs(project / "out")}
    (project / "briefs" / f"{ONE}.yaml").write_text((project / "briefs" / f"{ONE}.yaml").read_text(encoding="utf-8").replace(
        'date: "2026-11-20"', 'date: "2026-11-21"'), encoding="utf-8")
    real, calls = writing._write_temp, []

    def full(path, data):
        calls.append(path)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(path, data)
    monkeypatch.setattr(writing, "_write_temp", full)
    result = build(project)
    assert result.exit_code == 2, result.stderr
    assert "cannot write: the disk is full (nothing was written" in result.stderr
    assert {n: (project / "out" / n).read_bytes() for n in outputs(project / "out")} == before


def test_summarize_never_writes_over_an_input(project):
    before = (project / "sources" / "sources.yaml").read_bytes()
    result = cli("summarize", "--project", str(project), "--out", str(project / "sources" / "sources.yaml"))
    assert result.exit_code == 2, result.stderr
    assert "--out: expected a path outside the project's input folders" in result.stderr
    assert (project / "sources" / "sources.yaml").read_bytes() == before


def test_names_that_lose_letters_get_distinct_outputs(project):
    keep_briefs(project)
    spec = (Path(__file__).resolve().parents[1] / "briefs" / f"{ONE}.yaml")
    long_a, long_b = "x" * 130 + "a", "x" * 130 + "b"
    for name in ("日本", "中国", long_a, long_b):
        shutil.copy(spec, project / "briefs" / f"{name}.yaml")
    result = build(project, "-f", "docx")
    assert result.exit_code == 0, result.stderr
    names = outputs(project / "out")
    assert len(names) == 4 and all(len(n) <= 125 for n in names), names
    assert sum(n.startswith("brief-") for n in names) == 2


def test_specs_whose_names_collide_both_fail_and_nothing_is_overwritten(project):
    keep_briefs(project, ONE)
    spec = project / "briefs" / f"{ONE}.yaml"
    shutil.copy(spec, project / "briefs" / "a b.yaml")
    shutil.copy(spec, project / "briefs" / "a-b.yaml")
    result = build(project, "-f", "docx")
    assert result.exit_code == 3, result.stderr
    assert "a b.yaml: expected an output name of its own, found 'a-b', the output name of" in result.stderr
    assert outputs(project / "out") == [f"{ONE}.docx"]
