"""One LibreOffice per process for every DOCX → PDF conversion of a batch.

Starting LibreOffice is most of a conversion's cost (about 5 s and 200 MB each time
with ``soffice --convert-to``), so a process that needs LibreOffice more than once
starts it once: ``office_bridge.py``, run by the system Python that has LibreOffice's
``uno`` module (Debian: python3-uno), keeps ``soffice`` listening on a private pipe and
converts on request. The bridge ends with this process (it reads our pipe to EOF), and
a forked batch worker starts its own rather than share its parent's pipes.

``session()`` is None when LibreOffice or ``uno`` is missing; callers then fall back to
one ``soffice --convert-to`` per file.
"""

from __future__ import annotations

import atexit
import json
import os
import select
import shutil
import subprocess
import tempfile
from pathlib import Path

from briefgen.errors import UserError
from briefgen.renderers.libreoffice import EXPORT_OPTIONS, convert, soffice_path

BRIDGE = Path(__file__).with_name("office_bridge.py")
PYTHONS = ("/usr/lib/libreoffice/program/python", "/usr/bin/python3")
"""Interpreters that may have ``uno``: LibreOffice's own, else the system's."""
TIMEOUT = 120.0
"""Seconds one conversion (or LibreOffice's start) may take."""


class Office:
    """A running bridge to one LibreOffice; ``convert`` turns DOCX bytes into PDF bytes."""

    def __init__(self, soffice: str, python: str) -> None:
        self.owner = os.getpid()
        self.folder = Path(tempfile.mkdtemp(prefix="briefgen-office-"))
        self.requests = 0
        self.process = subprocess.Popen([python, str(BRIDGE), soffice, str(self.folder)],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, text=True, start_new_session=True)
        self.ready = False

    def wait_ready(self) -> None:
        """Wait until LibreOffice has started (it starts while briefgen goes on); UserError if it did not."""
        if self.ready:
            return
        answer = self._answer()
        if answer != "ready":
            self.close()
            raise UserError(f"LibreOffice did not start: {answer or 'no answer'}")
        self.ready = True

    def convert(self, docx: bytes, filter_name: str = "writer_pdf_Export",
                options: dict[str, object] | None = None) -> bytes:
        """Return the PDF that LibreOffice exports from ``docx`` with ``filter_name`` and ``options``."""
        self.requests += 1
        source, target = self.folder / f"{self.requests}.docx", self.folder / f"{self.requests}.pdf"
        source.write_bytes(docx)
        try:
            request = json.dumps({"filter": filter_name, "data": options or {}})
            assert self.process.stdin is not None
            self.process.stdin.write(f"{source}\t{target}\t{request}\n")
            self.process.stdin.flush()
            answer = self._answer()
            if answer != "ok" or not target.is_file():
                raise UserError(f"pdfua: LibreOffice could not convert the brief: {answer or 'no answer'}")
            return target.read_bytes()
        finally:
            source.unlink(missing_ok=True)
            target.unlink(missing_ok=True)

    def _answer(self) -> str:
        """Read one line from the bridge, or give up (and stop it) after TIMEOUT."""
        assert self.process.stdout is not None
        ready, _, _ = select.select([self.process.stdout], [], [], TIMEOUT)
        if not ready:
            self.close()
            return f"no answer within {TIMEOUT:.0f} s"
        return self.process.stdout.readline().strip()

    def alive(self) -> bool:
        return self.process.poll() is None

    def close(self) -> None:
        """Stop the bridge (and so LibreOffice); remove the working folder."""
        if self.owner != os.getpid():
            return  # a forked child: the parent's bridge is not ours to stop
        if self.process.stdin:
            try:
                self.process.stdin.close()
            except OSError:
                pass
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, 9)
            self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


_SESSION: Office | None = None
_PYTHON: dict[str, str | None] = {}


def uno_python() -> str | None:
    """Return an interpreter that can ``import uno``, or None (looked up once per process)."""
    if "python" not in _PYTHON:
        _PYTHON["python"] = next((p for p in PYTHONS if Path(p).exists() and subprocess.run(
            [p, "-c", "import uno"], capture_output=True).returncode == 0), None)
    return _PYTHON["python"]


def start() -> None:
    """Start this process's LibreOffice in the background, for conversions to come; never waits.

    Starting takes about 3 s, so a build that will need LibreOffice (a page budget, a DOCX with
    contents, the pdfua format) starts it first and composes and renders meanwhile.
    """
    global _SESSION
    if _SESSION is not None and _SESSION.owner == os.getpid() and _SESSION.alive():
        return
    soffice, python = soffice_path(), uno_python()
    if soffice is not None and python is not None and not _PYTHON.get("failed"):
        _SESSION = Office(soffice, python)


def session() -> Office | None:
    """Return this process's LibreOffice, started on first use; None without LibreOffice or uno."""
    global _SESSION
    start()
    if _SESSION is None or _SESSION.owner != os.getpid() or not _SESSION.alive():
        return None
    try:
        _SESSION.wait_ready()
    except UserError:  # the bridge would not start: convert the old way from now on
        _PYTHON["failed"] = uno_python()
        _SESSION = None
        return None
    return _SESSION


def to_pdf(docx: bytes) -> bytes | None:
    """Return the PDF that LibreOffice lays ``docx`` out as (tagged, PDF/A-2b, PDF/UA-1), or None without it.

    Through this process's LibreOffice when ``uno`` is at hand, else one ``soffice --convert-to``.
    The one way in for the page budget, the DOCX contents' page numbers and the pdfua format,
    so a batch that needs all three still starts LibreOffice once.
    """
    running = session()
    if running is not None:
        return running.convert(docx, "writer_pdf_Export", EXPORT_OPTIONS)
    soffice = soffice_path()
    if soffice is None:
        return None
    with tempfile.TemporaryDirectory(prefix="briefgen-convert-") as temp:
        return convert(soffice, docx, Path(temp))


@atexit.register
def stop() -> None:
    """Stop this process's LibreOffice, if it has one (at exit; a forked process calls it itself)."""
    global _SESSION
    if _SESSION is not None and _SESSION.owner == os.getpid():
        _SESSION.close()
        _SESSION = None
