"""Ingest: the text of each source document, normalised, with a content hash.

The readers for each format (plain text, Markdown, HTML, PDF, DOCX) live in
briefgen.inputs.readers; this module applies the checks every document gets (size,
emptiness, binary data) and the normalisation quotes are verified against.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from pathlib import Path

from briefgen.errors import Problem, UserError, display
from briefgen.inputs import limits, paths

MAX_BYTES = limits.DOCUMENT_BYTES
"""Kept for callers that read it; the limit itself is declared in ``limits``."""


_UNICODE_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)
"""UTF-16 and UTF-32 text has NUL bytes yet is not binary (UTF-32-LE starts like UTF-16-LE)."""


def read_text(path: Path) -> str:
    """Return the text of the document at ``path``, or raise UserError naming it."""
    from briefgen.inputs.readers import (
        READERS,  # HTML, PDF and DOCX libraries load only when needed
    )

    name = display(path)
    suffix = path.suffix.lower()
    if suffix not in READERS:
        raise UserError([Problem(name, 0, 0, "", f"expected one of {', '.join(sorted(READERS))}, found a {suffix or 'suffix-less'} file")])
    data = paths.read_bytes(path, limits.DOCUMENT_BYTES, "document")
    if not data.strip():
        raise UserError([Problem(name, 0, 0, "", "expected text, found an empty file")])
    if b"\x00" in data[:4096] and suffix in (".txt", ".md") and not data.startswith(_UNICODE_BOMS):
        raise UserError([Problem(name, 0, 0, "", "expected text, found binary data")])
    text = READERS[suffix](data, path)
    if len(text) > limits.TEXT_CHARS:
        raise UserError([Problem(name, 0, 0, "", f"expected at most {limits.TEXT_CHARS:,} characters of text, found {len(text):,}")])
    return unicodedata.normalize("NFC", text)


def normalise(text: str) -> str:
    """Return ``text`` with runs of whitespace folded to one space, NFC, stripped."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def content_hash(text: str) -> str:
    """Return the sha256 of the normalised text (stable across whitespace edits)."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()
