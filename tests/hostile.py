"""Makers of hostile files for the battery: a PDF with no /Info, a zip bomb, FIFOs, and the secret watch."""

from __future__ import annotations

import io
import os
import sys
import zipfile
from pathlib import Path

from conftest import cli


def pdf_without_info(text: str = "Reservoir levels fell to a record low in August") -> bytes:
    """Return a valid one-page PDF with a text layer and no /Info dictionary (qpdf --check passes)."""
    stream = f"BT /F1 12 Tf 72 712 Td ({text}) Tj ET".encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.writelines(b"%010d 00000 n \n" % o for o in offsets)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def zip_bomb(unpacked: int) -> bytes:
    """Return a DOCX-shaped zip whose document.xml unpacks to ``unpacked`` bytes (it compresses ~1000:1)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        with archive.open("word/document.xml", "w", force_zip64=True) as entry:
            block = b" " * (1 << 20)
            for _ in range(unpacked // len(block)):
                entry.write(block)
    return out.getvalue()


def add_source(project: Path, name: str, data: bytes | None, source_id: str | None = None) -> str:
    """Put a document into sources/ (data None: leave whatever is there) and declare it; return its id."""
    path = project / "sources" / name
    if data is not None:
        path.write_bytes(data)
    source_id = source_id or Path(name).stem.replace("_", "-").lower()
    with (project / "sources" / "sources.yaml").open("a", encoding="utf-8") as meta:
        meta.write(f'- id: "{source_id}"\n  type: "report"\n  title: "Added {source_id}"\n  file: "{name}"\n')
    return source_id


def keep_briefs(project: Path, *names: str) -> list[str]:
    """Delete every spec in briefs/ but ``names`` (builds are slow on a shared machine); return the names kept."""
    for path in (project / "briefs").glob("*.yaml"):
        if path.stem not in names:
            path.unlink()
    return sorted(names)


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def build(project: Path, *specs: str, out: Path | None = None, jobs: int = 1):
    args = ["build", *specs, "--project", str(project), "--out", str(out or project / "out")]
    return cli(*args, *(["--jobs", str(jobs)] if jobs > 1 else []))


def no_traceback(result) -> None:
    assert "Traceback" not in result.output + result.stderr, result.stderr
    assert "internal error" not in result.stderr, result.stderr


def outputs(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


class OpenWatch:
    """Records every file opened in this process whose path contains a watched name (``sys.addaudithook``)."""

    def __init__(self) -> None:
        self.watched: set[str] = set()
        self.opened: list[str] = []
        sys.addaudithook(self._hook)

    def _hook(self, event: str, args: tuple) -> None:
        if event == "open" and self.watched and isinstance(args[0], (str, bytes, os.PathLike)):
            name = os.fsdecode(args[0])
            if any(w in name or w in os.path.realpath(name) for w in self.watched):
                self.opened.append(name)


WATCH = OpenWatch()
