"""LibreOffice Writer as a layout engine: one DOCX in, its PDF out (research/libs.md §6).

Used by the pdfua format (the tagged export) and by the DOCX renderer, which reads the
page of each heading from LibreOffice's layout for its table of contents. Each
conversion runs in a private temporary folder with its own profile
(``-env:UserInstallation``), because two soffice processes sharing a profile fail
silently. soffice exits 0 even when it fails, so success means: the PDF exists and
stderr has no ``Error:`` line.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
from pathlib import Path

from briefgen.errors import UserError

TIMEOUT = 120.0
"""Seconds one conversion may take (about 1.5 s is usual, a cold first start a few more)."""
EXPORT = ('pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"},'
          '"SelectPdfVersion":{"type":"long","value":"2"},'
          '"PDFUACompliance":{"type":"boolean","value":"true"}}')
"""Tagged PDF, PDF/A-2 (SelectPdfVersion 2) and PDF/UA-1, in LibreOffice ≥ 7.4's JSON filter options."""


def soffice_path() -> str | None:
    """Return the LibreOffice command, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(soffice: str, docx: bytes, folder: Path) -> bytes:
    """Convert ``docx`` with LibreOffice inside ``folder``; return the PDF's bytes."""
    brief, out = folder / "brief.docx", folder / "out"
    brief.write_bytes(docx)
    command = [soffice, "--headless", "--norestore",
               f"-env:UserInstallation={(folder / 'profile').as_uri()}",
               "--convert-to", EXPORT, "--outdir", str(out), str(brief)]
    stderr = _run(command)
    pdf = out / "brief.pdf"
    problems = [line.strip() for line in stderr.splitlines() if "Error:" in line]
    if problems or not pdf.is_file():
        detail = problems[0] if problems else (stderr.strip().splitlines() or ["no PDF was written"])[-1]
        raise UserError(f"pdfua: LibreOffice could not convert the brief: {detail}")
    return pdf.read_bytes()


def _run(command: list[str]) -> str:
    """Run soffice in its own process group; return its stderr. A hung run is killed whole."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               stdin=subprocess.DEVNULL, text=True, start_new_session=True)
    try:
        _, stderr = process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):  # soffice starts soffice.bin as a child
            os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise UserError(f"pdfua: LibreOffice did not convert the brief within {TIMEOUT:.0f} s") from None
    return stderr
