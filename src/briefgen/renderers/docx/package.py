"""The DOCX package on the way in and out: opening the styled base, saving a byte-stable zip.

python-docx reads and writes packages through ``zipfile``. Left to itself, every brief
would inflate the styled base again, and deflate every part twice: once in python-docx's
save, once more when the zip is rewritten with fixed timestamps. Here a base is read into
a ``PackageReader`` once per process (its parts are immutable bytes) and each brief's
package is built from it; each brief is written once, straight into a zip with fixed
timestamps, and a part whose exact bytes this process deflated before (the embedded fonts,
the theme, usually the styles) reuses that deflated stream. Deflate is deterministic, so
the file is the one python-docx's save, rewritten by ``zipfile`` with fixed timestamps,
would be (tests/test_docx_package.py).
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections import OrderedDict
from collections.abc import Iterable
from typing import Any

from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.package import Unmarshaller
from docx.opc.packuri import PackURI
from docx.opc.part import PartFactory
from docx.opc.pkgreader import PackageReader
from docx.opc.pkgwriter import PackageWriter
from docx.package import Package

DOS_DATE = (0 << 9) | (1 << 5) | 1
"""1 January 1980 in MS-DOS date format; the time is 00:00:00 (0)."""
ATTRIBUTES = 0o644 << 16
"""Unix permissions rw-r--r--, as every member's external attributes."""
VERSION = 20
"""The zip version (2.0, deflate) needed to extract, and made by."""
CACHE_FROM = 2048
"""Parts at least this long keep their deflated stream for the next brief."""
CACHED_PARTS = 48
_DEFLATED: OrderedDict[bytes, tuple[int, bytes]] = OrderedDict()
"""Deflated stream and CRC-32 by the exact bytes of a part; this process's, least recently used first."""


def read(data: bytes) -> PackageReader:
    """Return the parts and relationships of a saved package, ready for :func:`open_document`."""
    reader: PackageReader = PackageReader.from_file(io.BytesIO(data))
    return reader


def open_document(reader: PackageReader) -> DocxDocument:
    """Return a new Word document made from ``reader``'s parts (what ``docx.Document(file)`` returns)."""
    package = Package()
    Unmarshaller.unmarshal(reader, package, PartFactory)
    part = package.main_document_part
    if part.content_type != CT.WML_DOCUMENT_MAIN:
        raise ValueError(f"not a Word document: the main part is {part.content_type}")
    document: DocxDocument = part.document
    return document


class _Members:
    """Collects what python-docx's package writer would put in the zip, in its order."""

    def __init__(self) -> None:
        self.items: list[tuple[str, bytes]] = []

    def write(self, uri: PackURI, blob: bytes) -> None:
        self.items.append((uri.membername, blob))


def save(doc: DocxDocument) -> bytes:
    """Return ``doc`` as the bytes of a .docx with fixed timestamps, members in python-docx's order."""
    package = doc.part.package
    parts = package.parts
    for part in parts:
        part.before_marshal()
    members = _Members()
    PackageWriter._write_content_types_stream(members, parts)
    PackageWriter._write_pkg_rels(members, package.rels)
    PackageWriter._write_parts(members, parts)  # type: ignore[arg-type]
    return zip_members(members.items)


def zip_members(members: Iterable[tuple[str, bytes]]) -> bytes:
    """Return a zip of ``(name, data)`` members, deflated, dated 1980-01-01, mode 0644.

    Byte for byte what ``zipfile.ZipFile.writestr`` writes for members of a ``ZipInfo`` with
    those dates and modes
    (no zip64: a brief's parts are far below 2 GiB).
    """
    body, directory, count = bytearray(), bytearray(), 0
    for name, data in members:
        if len(data) * 1.05 > zipfile.ZIP64_LIMIT or len(body) > zipfile.ZIP64_LIMIT:
            raise ValueError(f"{name}: too large for a DOCX part")
        crc, packed = _deflate(data)
        try:
            encoded, flags = name.encode("ascii"), 0
        except UnicodeEncodeError:
            encoded, flags = name.encode("utf-8"), 0x800
        sizes = (crc, len(packed), len(data), len(encoded))
        directory += struct.pack("<4s4B4HL2L5H2L", b"PK\001\002", VERSION, 0, VERSION, 0, flags,
                                 zipfile.ZIP_DEFLATED, 0, DOS_DATE, *sizes, 0, 0, 0, 0, ATTRIBUTES, len(body))
        directory += encoded
        body += struct.pack("<4s2B4HL2L2H", b"PK\003\004", VERSION, 0, flags, zipfile.ZIP_DEFLATED, 0,
                            DOS_DATE, *sizes, 0)
        body += encoded
        body += packed
        count += 1
    end = struct.pack("<4s4H2LH", b"PK\005\006", 0, 0, count, count, len(directory), len(body), 0)
    return bytes(body + directory + end)


def _deflate(data: bytes) -> tuple[int, bytes]:
    """Return the CRC-32 and raw deflate stream of ``data``, as zipfile makes them."""
    found = _DEFLATED.get(data)
    if found is not None:
        _DEFLATED.move_to_end(data)
        return found
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    made = (zlib.crc32(data), compressor.compress(data) + compressor.flush())
    if len(data) >= CACHE_FROM:
        _DEFLATED[data] = made
        while len(_DEFLATED) > CACHED_PARTS:
            _DEFLATED.popitem(last=False)
    return made


def cache_style_ids(doc: DocxDocument, memo: dict[Any, str | None]) -> None:
    """Remember each style name's id in ``memo``: python-docx scans every style per paragraph.

    Only for a document whose styles are all defined (the walk adds none); documents
    opened from the same styled base may share one ``memo``.
    """
    part = doc.part
    lookup = part.get_style_id

    def get_style_id(style: Any, kind: Any) -> str | None:
        key = (style if isinstance(style, str) or style is None else ("id", style.style_id), kind)
        if key not in memo:
            memo[key] = lookup(style, kind)
        return memo[key]

    part.get_style_id = get_style_id  # type: ignore[method-assign]
