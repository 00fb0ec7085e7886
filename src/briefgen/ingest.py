"""Ingest: the text of each source document, normalised, with a content hash.

Plain text and Markdown are read here; other formats are added by the readers
registered in READERS.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from pathlib import Path
from typing import Callable

from briefgen.errors import Problem, UserError, display

MAX_BYTES = 20_000_000


def _read_plain(data: bytes, path: Path) -> str:
    for encoding in ("utf-8-sig", "utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig",):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UserError([Problem(display(path), 0, 0, "", f"expected UTF-8 text, found byte 0x{data[exc.start]:02x} at offset {exc.start}", "save the file as UTF-8")]) from None


READERS: dict[str, Callable[[bytes, Path], str]] = {".txt": _read_plain, ".md": _read_plain}
_UNICODE_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)
"""UTF-16 and UTF-32 text has NUL bytes yet is not binary (UTF-32-LE starts like UTF-16-LE)."""


def read_text(path: Path) -> str:
    """Return the text of the document at ``path``, or raise UserError naming it."""
    name = display(path)
    suffix = path.suffix.lower()
    if suffix not in READERS:
        raise UserError([Problem(name, 0, 0, "", f"expected one of {', '.join(sorted(READERS))}, found a {suffix or 'suffix-less'} file")])
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise UserError([Problem(name, 0, 0, "", f"expected a document under {MAX_BYTES // 1_000_000} MB, found {size:,} bytes")])
        data = path.read_bytes()
    except OSError as exc:
        raise UserError([Problem(name, 0, 0, "", f"cannot read the document: {exc.strerror}")]) from None
    if not data.strip():
        raise UserError([Problem(name, 0, 0, "", "expected text, found an empty file")])
    if b"\x00" in data[:4096] and suffix in (".txt", ".md") and not data.startswith(_UNICODE_BOMS):
        raise UserError([Problem(name, 0, 0, "", "expected text, found binary data")])
    return unicodedata.normalize("NFC", READERS[suffix](data, path))


def normalise(text: str) -> str:
    """Return ``text`` with runs of whitespace folded to one space, NFC, stripped."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def content_hash(text: str) -> str:
    """Return the sha256 of the normalised text (stable across whitespace edits)."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


def _register_readers() -> None:
    """Add the readers of briefgen.readers (encoding detection, HTML, PDF, DOCX) to READERS."""
    from briefgen import readers

    READERS.update(readers.READERS)


_register_readers()
