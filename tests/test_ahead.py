"""A cold one-spec build renders its formats side by side in forked processes (``renderers.ahead``).

The files must be the bytes an in-process build writes; a failure while rendering is the
same failure, with the same exit code and message, and leaves no file; a rendering process
that dies without an answer only costs time.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from pathlib import Path

import pytest

from briefgen import cli_build, forked
from briefgen.errors import Problem, UserError
from briefgen.renderers import ahead
from briefgen.renderers.docx import render as docx_render
from briefgen.renderers.pdf import lazyre
from briefgen.renderers.pdf import render as pdf_render

SPEC = "briefs/global-ai-organisation.yaml"


def _build(project: Path, out: Path, *formats: str) -> int:
    return cli_build.build([project / SPEC], out, list(formats) or None, 1, False, project)


def _sequential(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ahead, "available", lambda: False)


def _record(monkeypatch: pytest.MonkeyPatch, log: Path, seen: Callable[[], object] = os.getpid) -> None:
    """Note in ``log``, for each format, what ``seen`` says in the process that renders it (default: which process;
    the forked ones inherit the patch)."""
    rendering = ahead._rendering

    def noting(document, name):  # type: ignore[no-untyped-def]
        work = rendering(document, name)

        def noted():  # type: ignore[no-untyped-def]
            with log.open("a") as stream:
                stream.write(f"{name} {seen()}\n")
            return work()
        return noted

    monkeypatch.setattr(ahead, "_rendering", noting)


@pytest.mark.parametrize("annex", ["true", "false"])  # the annex waits for the sentences checked beside composing
def test_side_by_side_writes_the_in_process_bytes(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  annex: str) -> None:
    if not ahead.available():
        pytest.skip("needs os.fork and two CPUs")
    spec = project / SPEC
    spec.write_text(spec.read_text().replace("annex: true", f"annex: {annex}"))
    log = tmp_path / "pids"
    _record(monkeypatch, log)
    assert _build(project, tmp_path / "forked", "docx", "pdf") == 0
    pids = dict(line.split() for line in log.read_text().splitlines())
    assert set(pids) == {"docx", "pdf"} and len(set(pids.values())) == 2 and str(os.getpid()) not in pids.values()
    log.unlink()
    _sequential(monkeypatch)
    assert _build(project, tmp_path / "here", "docx", "pdf") == 0
    assert not log.exists()  # rendered in this process
    names = sorted(p.name for p in (tmp_path / "here").iterdir())
    assert names == ["global-ai-organisation.docx", "global-ai-organisation.pdf"]
    assert sorted(p.name for p in (tmp_path / "forked").iterdir()) == names
    assert all((tmp_path / "forked" / n).read_bytes() == (tmp_path / "here" / n).read_bytes() for n in names)


def test_the_renderers_yield_to_the_build(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The renderer process and its DOCX worker run at ``ahead.NICE`` below the build, which composes what they wait for."""
    if not ahead.available():
        pytest.skip("needs os.fork and two CPUs")
    log = tmp_path / "nice"
    _record(monkeypatch, log, lambda: os.nice(0))
    assert _build(project, tmp_path / "out", "docx", "pdf") == 0
    expected = str(min(19, os.nice(0) + ahead.NICE))
    assert sorted(log.read_text().split("\n")) == ["", f"docx {expected}", f"pdf {expected}"]


def test_warm_steps_compile_the_patterns_a_first_pdf_compiles() -> None:
    """In a fresh interpreter: none compiled after loading the renderer, all after its ``warm_steps``, none left."""
    import subprocess
    import sys

    code = ("from briefgen.renderers import registry; from briefgen.renderers.pdf import lazyre; registry.preload(['pdf']); "
            "n = len(lazyre.pending()); [step() for step in registry.get('pdf').warm_steps()]; print(n, len(lazyre.pending()))")
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert found == [str(len(lazyre.EVERY_BRIEF)), "0"]


def test_the_hint_is_the_look_of_the_document_to_come(project: Path) -> None:
    """The renderer process builds its DOCX base from the hinted style: the composed document's (header text
    included), or the render builds the base again after the model comes, on the build's path."""
    from briefgen import pipeline
    from briefgen.inputs import spec

    proj = pipeline.Project(project)
    corpus = pipeline.load_corpus(proj)
    hinted: list = []
    for path in sorted((project / "briefs").glob("*.yaml")):
        brief = spec.load_spec(path, corpus.summary, corpus.sources)
        hinted.clear()
        pipeline._hint(proj, brief, lambda style, meta: hinted.append((style, meta)))
        document = pipeline.document(proj, corpus, brief)
        (style, meta), = hinted
        assert style == document.style, path.name
        assert (meta.lang, meta.marking) == (document.meta.lang, document.meta.marking)


_WARMED = """
import sys
from pathlib import Path
from briefgen import cli_build
from briefgen.renderers import ahead
ahead.select.select = lambda *args: ([], [], [])  # nothing here yet: every warm step is done first
rendering = ahead._warm
def noted(*args):
    rendering(*args)
    Path(sys.argv[3]).write_text("warmed")
ahead._warm = noted
sys.exit(cli_build.build([Path(sys.argv[1])], Path(sys.argv[2]), ["docx", "pdf"], 1, False, Path(sys.argv[1]).parents[1]))
"""


def test_a_warmed_renderer_process_writes_the_bytes_of_a_fresh_one(project: Path, tmp_path: Path) -> None:
    """In a fresh process, as a cold build runs: every warm step done first, then the brief (same files as in-process)."""
    import subprocess
    import sys

    if not ahead.available():
        pytest.skip("needs os.fork and two CPUs")
    mark = tmp_path / "warmed"
    subprocess.run([sys.executable, "-c", _WARMED, str(project / SPEC), str(tmp_path / "warm"), str(mark)], check=True)
    assert mark.read_text() == "warmed"
    env = {**os.environ, "BRIEFGEN_DEBUG": "1"}  # one process, no renderer process
    subprocess.run([sys.executable, "-m", "briefgen", "build", "-p", str(project), "-o", str(tmp_path / "here"), "-f", "docx",
                    "-f", "pdf", str(project / SPEC)], check=True, env=env, capture_output=True)
    names = sorted(p.name for p in (tmp_path / "here").iterdir())
    assert names == ["global-ai-organisation.docx", "global-ai-organisation.pdf"]
    assert all((tmp_path / "warm" / n).read_bytes() == (tmp_path / "here" / n).read_bytes() for n in names)


def test_the_spec_formats_when_none_are_given(project: Path, tmp_path: Path) -> None:
    assert _build(project, tmp_path / "out") == 0
    assert sorted(p.suffix for p in (tmp_path / "out").iterdir()) == [".docx", ".pdf"]


def _failing(error: Exception):  # type: ignore[no-untyped-def]
    def render(document):  # type: ignore[no-untyped-def]
        raise error
    return render


@pytest.mark.parametrize("error, code", [
    (UserError([Problem("logo.png", 0, 0, "style.logo", "expected a picture, found text")]), 2),
    (RuntimeError("boom"), 1),
    (type("Unpicklable", (Exception,), {"__reduce__": lambda self: (lambda: None, ())})("odd"), 1),
])
def test_a_failing_format_is_the_same_failure_and_writes_nothing(
        project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        error: Exception, code: int) -> None:
    monkeypatch.setattr(pdf_render, "render", _failing(error))
    messages = []
    for name, sequential in (("forked", False), ("here", True)):
        if sequential:
            _sequential(monkeypatch)
        (tmp_path / name).mkdir()
        assert _build(project, tmp_path / name, "docx", "pdf") == code
        assert list((tmp_path / name).iterdir()) == []  # no DOCX without its PDF
        messages.append(capsys.readouterr().err)
    assert messages[0] == messages[1]
    assert ("expected a picture" if code == 2 else type(error).__name__) in messages[0]


def test_a_renderer_that_dies_costs_only_time(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parent, render = os.getpid(), docx_render.render

    def dying(document):  # type: ignore[no-untyped-def]
        if os.getpid() != parent:
            os._exit(9)
        return render(document)

    monkeypatch.setattr(docx_render, "render", dying)
    assert _build(project, tmp_path / "out", "pdf", "docx") == 0
    _sequential(monkeypatch)
    assert _build(project, tmp_path / "here", "pdf", "docx") == 0
    names = sorted(p.name for p in (tmp_path / "here").iterdir())
    assert all((tmp_path / "out" / n).read_bytes() == (tmp_path / "here" / n).read_bytes() for n in names)


def test_an_input_error_ends_the_process_unused(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[ahead.Ahead] = []
    start = ahead.Ahead.start.__func__  # type: ignore[attr-defined]
    monkeypatch.setattr(ahead.Ahead, "start", classmethod(lambda cls, f: started.append(start(cls, f)) or started[-1]))
    spec = project / SPEC
    spec.write_text(spec.read_text().replace("title:", "titel:", 1))
    assert _build(project, tmp_path / "out", "docx", "pdf") == 2
    if ahead.available():
        assert started and started[0] is not None and started[0].pid == 0  # killed and collected
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


def test_errors_pickle_with_their_problems() -> None:
    error = UserError([Problem("a.yaml", 3, 4, "title", "expected text, found a list", "write one line")])
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is UserError and again.problems == error.problems and str(again) == str(error)


def test_unavailable_without_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(os, "fork")
    assert ahead.Ahead.start(["docx", "pdf"]) is None


# ------------------------------------------------------------------ forked: work beside this process

def _boom() -> int:
    raise UserError([Problem("a.yaml", 1, 2, "title", "expected text, found nothing")])


def test_forked_gives_the_value_or_the_exception() -> None:
    if not forked.available():
        pytest.skip("needs os.fork and two CPUs")
    work = forked.Forked.start(lambda: os.getpid())
    assert work is not None and work.result() not in (0, os.getpid())
    failing = forked.Forked.start(_boom)
    assert failing is not None
    with pytest.raises(UserError) as caught:
        failing.result()
    assert caught.value.problems == [Problem("a.yaml", 1, 2, "title", "expected text, found nothing")]
    odd = forked.Forked.start(lambda: (_ for _ in ()).throw(type("Odd", (Exception,), {"__reduce__": lambda s: (lambda: 0, ())})("x")))
    assert odd is not None
    with pytest.raises(Exception, match="^x$") as strange:
        odd.result()
    assert type(strange.value).__name__ == "Odd"


def test_forked_work_is_done_here_when_the_process_dies() -> None:
    if not forked.available():
        pytest.skip("needs os.fork and two CPUs")
    parent = os.getpid()
    work = forked.Forked.start(lambda: os._exit(3) if os.getpid() != parent else "done here")
    assert work is not None and work.result() == "done here"
    slow = forked.Forked.start(lambda: __import__("time").sleep(60))
    assert slow is not None
    slow.cancel()
    assert slow.pid == 0


def test_support_errors_come_first_when_composing_fails_too(project: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """The brief's sentences are checked beside composing: a failed check still wins over a compose error."""
    from briefgen.support import stage
    check = stage.check_brief

    def failing_check(*args):  # type: ignore[no-untyped-def]
        report = check(*args)
        report.problems.append(Problem("spec.yaml", 3, 1, "sections.0.text", "expected support, found none"))
        return report

    def failing_compose(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise UserError("template.md.j2: expected a template, found a broken one")

    from briefgen.compose import compose
    real_compose = compose.compose
    monkeypatch.setattr(stage, "check_brief", failing_check)
    messages = []
    for name in ("forked", "here"):
        if name == "here":
            _sequential(monkeypatch)
        assert _build(project, tmp_path / name, "docx", "pdf") == 2
        messages.append(capsys.readouterr().err)
        monkeypatch.setattr(compose, "compose", failing_compose)
        assert _build(project, tmp_path / name, "docx", "pdf") == 2
        messages.append(capsys.readouterr().err)
        monkeypatch.setattr(compose, "compose", real_compose)
        monkeypatch.setattr(pdf_render, "render", _failing(RuntimeError("pdf broken")))  # rendered while the check runs
        assert _build(project, tmp_path / name, "docx", "pdf") == 2
        messages.append(capsys.readouterr().err)
        monkeypatch.undo()
        monkeypatch.setattr(stage, "check_brief", failing_check)
    assert all("expected support, found none" in m for m in messages)
    assert not any("broken" in m for m in messages)
    assert messages[:3] == messages[3:]
    assert list((tmp_path / "forked").iterdir()) == [] == list((tmp_path / "here").iterdir())


def test_a_checking_process_that_dies_costs_only_time(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The corpus and the brief's sentences are checked in a forked process: if it dies unanswered, both are checked here."""
    from briefgen.support import stage
    parent, check = os.getpid(), stage.check_corpus

    def dying(*args):  # type: ignore[no-untyped-def]
        if os.getpid() != parent:
            os._exit(9)
        return check(*args)

    monkeypatch.setattr(stage, "check_corpus", dying)
    assert _build(project, tmp_path / "out", "docx", "pdf") == 0
    _sequential(monkeypatch)
    assert _build(project, tmp_path / "here", "docx", "pdf") == 0
    names = sorted(p.name for p in (tmp_path / "here").iterdir())
    assert names and all((tmp_path / "out" / n).read_bytes() == (tmp_path / "here" / n).read_bytes() for n in names)


def test_a_failed_corpus_check_is_raised_first(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    from briefgen.support import stage

    def failing(*args):  # type: ignore[no-untyped-def]
        raise UserError([Problem("summary.yaml", 2, 1, "themes", "expected a corpus check, found none")])

    monkeypatch.setattr(stage, "check_corpus", failing)
    monkeypatch.setattr(stage, "check_brief", lambda *args: _boom())  # never reached in-process
    messages = []
    for name in ("forked", "here"):
        if name == "here":
            _sequential(monkeypatch)
        assert _build(project, tmp_path / name, "docx", "pdf") == 2
        messages.append(capsys.readouterr().err)
    assert "expected a corpus check, found none" in messages[0] and messages[0] == messages[1]
    assert list((tmp_path / "forked").iterdir()) == [] == list((tmp_path / "here").iterdir())


HINTED = """
import sys
from pathlib import Path
from briefgen import cli_build, pipeline
hint = pipeline._hint
def noted(*args):
    print("jinja2" in sys.modules, "markdown_it" in sys.modules)
    return hint(*args)
pipeline._hint = noted
cli_build.build([Path(sys.argv[1])], Path(sys.argv[2]), ["docx", "pdf"], 1, False, Path(sys.argv[1]).parents[1])
"""


def test_the_hint_goes_out_before_the_composing_libraries_load(project: Path, tmp_path: Path) -> None:
    """In a fresh process, as a cold build runs: the renderers learn the look of the brief before Jinja and markdown-it load."""
    import subprocess
    import sys

    if not ahead.available():
        pytest.skip("needs os.fork and two CPUs")
    done = subprocess.run([sys.executable, "-c", HINTED, str(project / SPEC), str(tmp_path / "out")], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.splitlines()[0] == "False False", done.stderr


SHARED = """
import sys
from pathlib import Path
from briefgen import cli_build
from briefgen.renderers import ahead
shared, ahead.SHARED = ahead.SHARED, ()
assert not set(shared) & set(sys.modules), "imported before the build"
cli_build.build([Path(sys.argv[1])], Path(sys.argv[2]), ["docx", "pdf"], 1, False, Path(sys.argv[1]).parents[1])
print("missing:", *(name for name in shared if name not in sys.modules))
"""


@pytest.mark.parametrize("spec", [SPEC, "briefs/chip-export-limits.yaml"])
def test_the_modules_imported_before_the_fork_are_the_builds_own(project: Path, tmp_path: Path, spec: str) -> None:
    """``ahead.SHARED`` is imported by the build's process before it forks the renderers: only modules that process
    imports anyway, without it, while it builds one brief (else the build's own path pays for the renderers' imports)."""
    import subprocess
    import sys

    if not ahead.available():
        pytest.skip("needs os.fork and two CPUs")
    done = subprocess.run([sys.executable, "-c", SHARED, str(project / spec), str(tmp_path / "out")], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.splitlines()[-1] == "missing:", (done.stdout, done.stderr)


# ------------------------------------------------------------------ pydantic's plugin loader, stood in for

PLUGINS = """
import os, sys
{setup}
from briefgen.inputs import schemas, validation
from pydantic.plugin._loader import get_plugins
schemas.Spec.model_rebuild(force=True)
print(type(sys.modules["pydantic.plugin._loader"]).__name__, list(get_plugins()) == [], "importlib.metadata" in sys.modules)
"""


def _plugins(setup: str = "", env: dict[str, str] | None = None) -> list[str]:
    import subprocess
    import sys
    environ = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"} | (env or {})
    return subprocess.run([sys.executable, "-c", PLUGINS.format(setup=setup)], capture_output=True, text=True,
                          check=True, env=environ).stdout.split()


def test_pydantic_plugin_scan_is_skipped_as_its_own_setting_skips_it() -> None:
    """The stand-in answers what pydantic's loader answers under PYDANTIC_DISABLE_PLUGINS=__all__, without importlib.metadata."""
    assert _plugins() == ["_NoPlugins", "True", "False"]
    real = "import pydantic.plugin._loader"  # loaded first: the stand-in is not installed
    assert _plugins(real) == ["module", "True", "True"]
    assert _plugins(env={"PYDANTIC_DISABLE_PLUGINS": "some-plugin"}) == ["module", "True", "True"]  # the user's setting: pydantic's loader


def test_the_stand_in_hands_other_names_to_pydantic() -> None:
    out = _plugins("import briefgen.inputs.validation\nfrom pydantic.plugin._loader import PYDANTIC_ENTRY_POINT_GROUP as G\nprint(G)")
    assert out[0] == "pydantic" and out[1] == "module"
