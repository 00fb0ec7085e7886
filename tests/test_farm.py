"""A batch with ``--jobs 2`` composes here and renders in forked processes (``briefgen.farm``).

The files must be the bytes an in-process batch writes; a failure while rendering is the
same failure, with the same exit code and message, for that spec alone; a render process
that dies only costs time; progress is reported in spec order.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefgen import batch, cli_build, farm, forked, pipeline
from briefgen.errors import Problem, UserError
from briefgen.renderers.pdf import render as pdf_render

SPECS = ["global-ai-organisation", "musk-china-ai", "open-source-sharing"]  # none needs LibreOffice
needs_fork = pytest.mark.skipif(not forked.available(), reason="needs os.fork and two CPUs")


def _build(project: Path, out: Path, jobs: int, names: list[str] = SPECS) -> int:
    return cli_build.build([project / "briefs" / f"{n}.yaml" for n in names], out, ["docx", "pdf"], jobs, False, project)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _record_pids(monkeypatch: pytest.MonkeyPatch, log: Path) -> None:
    """Note in ``log`` which process renders each brief (the forked ones inherit the patch)."""
    rendering = farm._rendering

    def noting(name, document):  # type: ignore[no-untyped-def]
        with log.open("a") as stream:
            stream.write(f"{os.getpid()} {os.nice(0)}\n")
        return rendering(name, document)

    monkeypatch.setattr(farm, "_rendering", noting)


@needs_fork
def test_rendered_elsewhere_the_bytes_are_the_in_process_ones(project: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "pids"
    _record_pids(monkeypatch, log)
    assert _build(project, tmp_path / "farm", 2) == 0
    noted = {tuple(line.split()) for line in log.read_text().splitlines()}
    pids = {pid for pid, _ in noted}
    assert len(pids) == 2 and str(os.getpid()) not in pids  # two render processes, neither this one
    assert all(int(nice) == os.nice(0) + farm.NICE for _, nice in noted)  # composing, which feeds them, goes first
    log.unlink()
    assert _build(project, tmp_path / "here", 1) == 0
    assert not log.exists()
    here = _files(tmp_path / "here")
    assert len(here) == 2 * len(SPECS) and _files(tmp_path / "farm") == here


def _failing_for(title_word: str, error: Exception):  # type: ignore[no-untyped-def]
    render = pdf_render.render

    def failing(document):  # type: ignore[no-untyped-def]
        if title_word in document.meta.title:
            raise error
        return render(document)
    return failing


@needs_fork
@pytest.mark.parametrize("error, code", [
    (UserError([Problem("logo.png", 0, 0, "style.logo", "expected a picture, found text")]), 3),
    (RuntimeError("boom"), 1),
    (type("Unpicklable", (Exception,), {"__reduce__": lambda self: (lambda: None, ())})("odd"), 1),
])
def test_a_failing_format_fails_its_spec_alone_as_in_process(
        project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        error: Exception, code: int) -> None:
    model = pipeline.compose_one(pipeline.Project(project), pipeline.load_corpus(pipeline.Project(project)),
                                 project / "briefs" / f"{SPECS[1]}.yaml").model
    assert model is not None
    monkeypatch.setattr(pdf_render, "render", _failing_for(model.meta.title, error))
    messages = []
    for jobs in (2, 1):
        assert _build(project, tmp_path / str(jobs), jobs) == code
        files = sorted(p.name for p in (tmp_path / str(jobs)).iterdir())
        assert files == sorted(f"{n}{s}" for n in (SPECS[0], SPECS[2]) for s in (".docx", ".pdf"))  # no DOCX without its PDF
        messages.append(capsys.readouterr().err)
    assert messages[0] == messages[1]
    assert ("expected a picture" if isinstance(error, UserError) else type(error).__name__) in messages[0]


@needs_fork
def test_a_render_process_that_dies_costs_only_time(project: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    parent, rendering = os.getpid(), farm._rendering

    def dying(name, document):  # type: ignore[no-untyped-def]
        if os.getpid() != parent:
            os._exit(9)
        return rendering(name, document)

    monkeypatch.setattr(farm, "_rendering", dying)
    assert _build(project, tmp_path / "farm", 2) == 0
    monkeypatch.setattr(farm, "_rendering", rendering)
    assert _build(project, tmp_path / "here", 1) == 0
    assert _files(tmp_path / "farm") == _files(tmp_path / "here")


@needs_fork
def test_an_input_error_fails_its_spec_alone_and_progress_keeps_spec_order(project: Path, tmp_path: Path) -> None:
    broken = project / "briefs" / "broken.yaml"
    broken.write_text("title: [\n")
    specs = [project / "briefs" / f"{n}.yaml" for n in SPECS]
    specs.insert(1, broken)
    started = farm.Farm.start(["docx", "pdf"], 2)
    assert started is not None
    seen: list[Path] = []
    outcomes = batch.build_many(pipeline.Project(project), specs, tmp_path, ["docx", "pdf"], False, 2,
                                lambda o: seen.append(o.spec), farm=started)
    assert seen == specs and [o.spec for o in outcomes] == specs
    assert "invalid YAML" in outcomes[1].error and outcomes[1].exit_code == 2
    assert all(not o.error for i, o in enumerate(outcomes) if i != 1)
    assert batch.exit_code(outcomes) == 3 and len(list(tmp_path.glob("*.pdf"))) == len(SPECS)
    assert started.pids == {}  # the render processes are collected


@needs_fork
def test_a_page_budget_batch_is_laid_out_in_both_render_processes(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """Specs with a page budget: each render process starts its own LibreOffice and counts the pages of
    the briefs it renders, so two are laid out at once (they were all rendered and counted here, one by one)."""
    from briefgen import renderers
    from briefgen.renderers import pdfua
    log = tmp_path / "pids"
    _record_pids(monkeypatch, log)

    def noted(what: str, answer: object):  # type: ignore[no-untyped-def]
        def note(*args: object) -> object:
            with log.open("a") as stream:
                stream.write(f"{os.getpid()} {what}\n")
            return answer
        return note

    monkeypatch.setattr(renderers, "start_office", noted("office", None))  # no LibreOffice needed here
    monkeypatch.setattr(pdfua, "docx_pages", noted("count", 3))  # over minister-cross-theme's budget of 2
    names = ["ai-organisation-options", "minister-cross-theme", "musk-china-ai"]  # max_pages 4, 2, none
    assert _build(project, tmp_path / "farm", 2, names) == 0
    warned = capsys.readouterr().err
    assert "expected at most 2 pages, found docx (as LibreOffice lays it out) has 3 pages" in warned
    noted_lines = [line.split() for line in log.read_text().splitlines()]
    counted = [pid for pid, what in noted_lines if what == "count"]
    rendering = {pid for pid, what in noted_lines if what not in ("count", "office")}
    assert len(counted) == 2 and len(set(counted)) == 2 and set(counted) <= rendering  # one brief in each
    assert str(os.getpid()) not in {pid for pid, _ in noted_lines}  # neither counted, started nor rendered here
    assert {pid for pid, what in noted_lines if what == "office"} == set(counted)
    log.unlink()
    assert _build(project, tmp_path / "here", 1, names) == 0
    assert capsys.readouterr().err == warned
    assert {tuple(line.split()) for line in log.read_text().splitlines() if "count" in line} == {(str(os.getpid()), "count")}
    assert _files(tmp_path / "farm") == _files(tmp_path / "here")


def test_no_farm_for_one_job_or_one_spec(project: Path) -> None:
    assert cli_build._farm([project / "briefs" / f"{SPECS[0]}.yaml"], None, 2, project) is None
    assert cli_build._farm(None, None, 1, project) is None
    assert cli_build._farm(None, ["pdfua"], 2, project) is None  # LibreOffice lives in the composing process


@needs_fork
def test_a_farm_that_rendered_nothing_closes_twice_without_error() -> None:
    """A farm that took no brief (a batch whose every spec needed LibreOffice rendered them all
    here, once): the batch and then the build closed the farm, and the second close met the
    reply pipes already closed: "internal error: OSError: Bad file descriptor", exit 1."""
    started = farm.Farm.start(["docx", "pdf"], 2)
    assert started is not None
    started.close()
    started.close()
    assert all(fd == -1 for fd in started.requests + started.replies)
