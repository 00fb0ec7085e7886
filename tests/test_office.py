"""One LibreOffice serves every page count of a process, and counts as ``soffice --convert-to`` does."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_BREAK

from briefgen import pipeline, renderers
from briefgen.pipeline import Project
from briefgen.renderers import office, pdfua
from briefgen.watch import affected


def _pages(n: int) -> bytes:
    document = docx.Document()
    for i in range(n):
        paragraph = document.add_paragraph(f"page {i + 1}")
        if i < n - 1:
            paragraph.add_run().add_break(WD_BREAK.PAGE)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.skipif(office.session() is None, reason="needs LibreOffice and its uno module")
def test_one_libreoffice_counts_many_documents_alike(tmp_path: Path) -> None:
    running = office.session()
    assert running is not None
    before = running.requests  # earlier tests of this process may have used it
    assert renderers.pages("docx", _pages(3)) == 3
    assert renderers.pages("docx", _pages(2)) == 2
    assert office.session() is running and running.alive() and running.requests == before + 2
    soffice = shutil.which("soffice")
    assert soffice is not None
    assert pdfua.page_count(pdfua.convert(soffice, _pages(3), tmp_path)) == 3  # the one-off way agrees


@pytest.mark.skipif(office.session() is None, reason="needs LibreOffice and its uno module")
def test_the_contents_page_numbers_and_pdfua_use_the_same_libreoffice() -> None:
    """They each started their own soffice (3–5 s a brief); now they ask the process's one."""
    from sample_document import sample_document

    running = office.session()
    assert running is not None
    before = running.requests
    document = sample_document()  # has a table of contents
    renderers.get("docx").render(document)
    renderers.get("pdfua").render(document)
    assert office.session() is running and running.requests == before + 3  # contents twice (docx, pdfua's docx), pdfua once


def test_watch_rebuilds_only_the_edited_specs(tmp_path: Path) -> None:
    project = Project(tmp_path)
    specs = [project.briefs_dir / "a.yaml", project.briefs_dir / "b.yaml"]
    assert affected(project, specs, [specs[1]]) == [specs[1]]
    assert affected(project, specs, [project.summary_dir / "summary.yaml"]) == specs
    assert affected(project, specs, [specs[0], project.sources_dir / "x.yaml"]) == specs
    assert affected(project, specs, []) == specs


@pytest.mark.parametrize(("name", "formats", "starts"), [
    ("minister-cross-theme.yaml", ["docx", "pdf"], True),   # max_pages: LibreOffice will count the DOCX pages
    ("minister-cross-theme.yaml", ["pdf"], False),          # no DOCX to count
    ("musk-china-ai.yaml", ["docx", "pdf"], False),         # no page budget, no contents
    ("musk-china-ai.yaml", ["pdfua"], True),
])
def test_a_build_that_will_need_libreoffice_starts_it_first(project, monkeypatch, tmp_path, name, formats, starts):
    """LibreOffice takes seconds to start: it starts before the brief is composed, not when the DOCX is done."""
    started: list[bool] = []
    monkeypatch.setattr(office, "start", lambda: started.append(True))
    monkeypatch.setattr(office, "to_pdf", lambda docx: None)  # the conversions themselves are not under test
    monkeypatch.setattr(pdfua, "render", lambda document: renderers.Rendered(b"%PDF-1.7"))
    root = Project(project)
    corpus = pipeline.load_corpus(root)
    pipeline.build_one(root, corpus, project / "briefs" / name, tmp_path / "out", formats)
    assert started == ([True] if starts else [])



def _running(folder: str) -> list[int]:
    """The live processes whose command line names ``folder`` (the bridge, oosplash, soffice.bin)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and folder.encode() in (entry / "cmdline").read_bytes() \
                    and "zombie" not in (entry / "status").read_text():
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def _gone(folder: str, folder_too: bool) -> bool:
    """Wait (60 s at most: a bound, not a timing asserted) until nothing naming ``folder`` runs."""
    import time

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (_running(folder) or (folder_too and Path(folder).exists())):
        time.sleep(0.2)
    return not _running(folder) and not (folder_too and Path(folder).exists())


@pytest.mark.skipif(office.session() is None or not Path("/proc/self/cmdline").exists(),
                    reason="needs LibreOffice, its uno module and Linux's /proc")
@pytest.mark.parametrize("victim", ["briefgen", "bridge"])
def test_a_killed_process_leaves_no_libreoffice_running(victim: str) -> None:
    """SIGKILL lets nobody clean up. Killed briefgen: the bridge sees stdin close, ends LibreOffice
    and removes its folder. Killed bridge: LibreOffice dies with it (PR_SET_PDEATHSIG)."""
    import os
    import signal
    import subprocess
    import sys

    child = subprocess.Popen([sys.executable, "-c", (
        "import time\n"
        "from briefgen.renderers import office\n"
        "running = office.session()\n"
        "print(running.folder, running.process.pid, flush=True)\n"
        "time.sleep(600)\n")], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    folder, bridge = child.stdout.readline().split()
    try:
        assert Path(folder).is_dir() and len(_running(folder)) >= 2  # the bridge and LibreOffice
        os.kill(child.pid if victim == "briefgen" else int(bridge), signal.SIGKILL)
        assert _gone(folder, folder_too=victim == "briefgen")
    finally:
        child.kill()
        child.wait()
        for pid in _running(folder):
            os.kill(pid, signal.SIGKILL)
        import shutil
        shutil.rmtree(folder, ignore_errors=True)  # a killed bridge leaves it (briefgen, killed too here, would remove it)
