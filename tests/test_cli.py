"""The CLI in-process: listings, scaffolding, schemas, watch, batch builds, determinism."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from briefgen import pipeline
from briefgen.inputs import spec, summary
from briefgen.watch import watch
from conftest import ROOT, cli


def test_help_lists_the_commands():
    result = cli("--help")
    for command in ("build", "check", "themes", "sources", "new", "schema", "watch", "summarize"):
        assert command in result.output


def test_help_does_not_import_the_renderers():
    code = "import sys; from briefgen.cli import app; print(any(m.startswith(('docx', 'reportlab', 'pydantic', 'jinja2')) for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"


def test_themes_lists_counts(project):
    result = cli("themes", "--project", str(project))
    corpus = pipeline.load_corpus(pipeline.Project(project))
    first = corpus.summary.themes[0]
    assert result.exit_code == 0
    line = next(row for row in result.output.splitlines() if row.startswith(first.id + "\t"))
    assert line.split("\t")[2] == str(len(first.claims))


def test_sources_lists_every_source(project):
    result = cli("sources", "--project", str(project))
    corpus = pipeline.load_corpus(pipeline.Project(project))
    assert result.exit_code == 0
    assert [row.split("\t")[0] for row in result.output.splitlines()[1:]] == list(corpus.sources)


def test_new_writes_a_valid_spec_with_the_themes(project):
    result = cli("new", "water-brief", "--theme", "chip-export-limits", "--project", str(project))
    assert result.exit_code == 0, result.output
    path = project / "briefs" / "water-brief.yaml"
    corpus = pipeline.load_corpus(pipeline.Project(project))
    brief = spec.load_spec(path, corpus.summary, corpus.sources)
    assert brief.spec.sections[0].themes == ["chip-export-limits"]
    assert path.read_text().startswith("# yaml-language-server: $schema=../schemas/spec.schema.json")
    again = cli("new", "water-brief", "--project", str(project))
    assert again.exit_code == 2 and "found an existing file" in again.stderr


def test_new_rejects_an_unknown_theme(project):
    result = cli("new", "x", "--theme", "chip-export-limit", "--project", str(project))
    assert result.exit_code == 2 and "did you mean 'chip-export-limits'?" in result.stderr


def test_schema_documents_every_spec_key(tmp_path):
    assert cli("schema", "--out", str(tmp_path)).exit_code == 0
    schema = json.loads((tmp_path / "spec.schema.json").read_text())
    assert {"title", "sections", "citations", "marking", "key_points"} <= set(schema["properties"])
    assert "TLP:AMBER+STRICT" in json.dumps(schema["properties"]["marking"])
    assert json.loads((tmp_path / "summary.schema.json").read_text())["properties"]["themes"]
    undocumented = []
    for path in sorted(tmp_path.glob("*.schema.json")):
        document = json.loads(path.read_text())
        models = [document.get("items", document), *document.get("$defs", {}).values()]
        for model in models:
            undocumented += [f"{path.name}: {model.get('title')}.{key}" for key, prop in model.get("properties", {}).items()
                             if len(prop.get("description", "").strip()) < 10]
    assert not undocumented, "add a docstring under each of these fields: " + ", ".join(undocumented)


def test_committed_schemas_are_current(tmp_path):
    cli("schema", "--out", str(tmp_path))
    for path in tmp_path.iterdir():
        assert (ROOT / "schemas" / path.name).read_text() == path.read_text(), f"run `briefgen schema` ({path.name})"


def test_watch_rebuilds_after_a_change_and_survives_an_error(project):
    calls: list[list[Path]] = []
    stop = threading.Event()
    thread = threading.Thread(target=watch, args=(pipeline.Project(project), calls.append),
                              kwargs={"interval": 0.05, "settle": 0.05, "stop": stop.is_set})
    thread.start()
    target = project / "briefs" / "minister-cross-theme.yaml"
    try:
        # Edit again each second until a rebuild comes (60 s at most: a bound, not a timing asserted):
        # an edit made before the watcher's first look at the files is, rightly, no change to it.
        deadline, edits = time.monotonic() + 60, 0
        while not calls and time.monotonic() < deadline:
            edits += 1
            target.write_text(target.read_text() + f"\n# edit {edits}\n")
            until = time.monotonic() + 1
            while not calls and time.monotonic() < until:
                time.sleep(0.05)
    finally:
        stop.set()
        thread.join()
    assert calls and calls[0] == [target]


def test_batch_build_reports_which_spec_failed_and_builds_the_rest(project):
    (project / "briefs" / "broken.yaml").write_text("title: [\n")
    result = cli("build", "--project", str(project), "--out", str(project / "out"), "--jobs", "2", "-f", "pdf")
    assert result.exit_code == 3  # some specs failed, the rest were built
    assert "failed: " in result.stdout and "broken.yaml" in result.stdout.splitlines()[-1]
    built = sorted(p.name for p in (project / "out").iterdir())
    assert built == sorted(p.stem + ".pdf" for p in (project / "briefs").glob("*.yaml") if p.stem != "broken")


def _build_in_subprocess(project: Path, out: Path, seed: str) -> dict[str, str]:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    subprocess.run([sys.executable, "-m", "briefgen", "build", "--project", str(project), "--out", str(out)],
                   check=True, env=env, capture_output=True)
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out.iterdir())}


def test_two_builds_in_different_processes_are_byte_identical(project, tmp_path):
    first = _build_in_subprocess(project, tmp_path / "a", "1")
    second = _build_in_subprocess(project, tmp_path / "b", "2")
    assert first == second and len(first) >= 8


def test_marking_in_file_name(project):
    path = project / "briefs" / "minister-cross-theme.yaml"
    path.write_text(path.read_text() + "marking_in_filename: true\n")
    result = cli("build", str(path), "--project", str(project), "--out", str(project / "out"), "-f", "pdf")
    assert result.exit_code == 0, result.output
    assert [p.name for p in (project / "out").iterdir()] == ["minister-cross-theme.tlp-amber.pdf"]


def test_concurrent_builds_never_leave_a_torn_file(project):
    out = project / "out"
    spec_path = project / "briefs" / "minister-cross-theme.yaml"
    runs = [subprocess.Popen([sys.executable, "-m", "briefgen", "build", str(spec_path), "--project", str(project),
                              "--out", str(out), "-f", "pdf"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for _ in range(3)]
    assert all(r.wait() == 0 for r in runs)
    data = (out / "minister-cross-theme.pdf").read_bytes()
    assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    assert sorted(p.name for p in out.iterdir()) == ["minister-cross-theme.pdf"], "no temporary files left"


def test_check_passes_on_the_examples():
    result = cli("check", "--project", str(ROOT))
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize("name", ["../../etc/passwd", "a/b", ".hidden", "x" * 300])
def test_output_names_stay_inside_out(name):
    safe = spec.safe_name(Path(name).stem if "/" not in name else name)
    assert "/" not in safe and not safe.startswith(".") and len(safe) <= 120


def test_verify_finds_every_quote(project):
    corpus = pipeline.load_corpus(pipeline.Project(project))
    assert summary.verify(corpus.summary, corpus.sources) == []


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    blocks = readme.split("## Quickstart")[1].split("```sh\n")[1:3]
    install, test = (b.split("\n```")[0].strip() for b in blocks)
    assert "briefgen build" in install and "pytest" in test
    assert test in (ROOT / ".ci" / "run").read_text().splitlines()


def test_page_budget_warns_and_strict_fails_without_writing(project):
    path = project / "briefs" / "minister-cross-theme.yaml"
    path.write_text(path.read_text().replace("max_pages: 2", "max_pages: 1"))
    args = ("build", str(path), "--project", str(project), "--out", str(project / "out"))
    warned = cli(*args)
    assert warned.exit_code == 0
    assert "minister-cross-theme.yaml:13:12: max_pages: expected at most 1 pages, found pdf has 2 pages" in warned.stderr
    for f in (project / "out").iterdir():
        f.unlink()
    failed = cli(*args, "--strict")
    assert failed.exit_code == 2 and "expected at most 1 pages" in failed.stderr
    assert not any((project / "out").iterdir())
