"""The DOCX package on the way in and out: opening the styled base, saving a byte-stable zip.

python-docx reads and writes packages through ``zipfile``. Left to itself, every brief
would inflate the styled base again, and deflate every part twice: once in python-docx's
save, once more when the zip is rewritten with fixed timestamps. Here a base becomes
a ``PackageReader`` once per process (its parts are immutable bytes; ``reread`` takes them
from the document as a save would write them, never zipped) and each brief's
package is built from it; each brief is written once, straight into a zip with fixed
timestamps, and a part kept as it was read (the embedded fonts, the theme, the styles
unless something parsed them) reuses the deflated stream this process made of those exact
bytes before. Deflate is deterministic, so
the file is the one python-docx's save, rewritten by ``zipfile`` with fixed timestamps,
would be (tests/test_docx_package.py).
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections import OrderedDict
from collections.abc import Collection, Iterable
from typing import Any

from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import NAMESPACE as NS
from docx.opc.oxml import serialize_part_xml
from docx.opc.package import Unmarshaller
from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI, PackURI
from docx.opc.part import Part, PartFactory, XmlPart
from docx.opc.parts.coreprops import CorePropertiesPart
from docx.opc.pkgreader import PackageReader, _ContentTypeMap
from docx.opc.pkgwriter import _ContentTypesItem
from docx.oxml import parse_xml
from docx.package import Package
from docx.parts.hdrftr import FooterPart, HeaderPart
from docx.parts.numbering import NumberingPart
from docx.parts.settings import SettingsPart
from docx.parts.styles import StylesPart
from docx.settings import Settings

DOS_DATE = (0 << 9) | (1 << 5) | 1
"""1 January 1980 in MS-DOS date format; the time is 00:00:00 (0)."""
ATTRIBUTES = 0o644 << 16
"""Unix permissions rw-r--r--, as every member's external attributes."""
VERSION = 20
"""The zip version (2.0, deflate) needed to extract, and made by."""
CACHE_FROM = 2048
"""Parts kept as read at least this long keep their deflated stream for the next brief."""
CACHED_PARTS = 32
_CONTENT_TYPES: dict[tuple[tuple[str, str], ...], bytes] = {}
"""``[Content_Types].xml`` by the names and content types of a package's parts, in order; this process's."""
_DEFLATED: OrderedDict[bytes, tuple[int, bytes]] = OrderedDict()
"""Deflated stream and CRC-32 by the exact bytes of a part; this process's, least recently used first."""


def read(data: bytes) -> PackageReader:
    """Return the parts and relationships of a saved package, ready for :func:`open_document`."""
    reader: PackageReader = PackageReader.from_file(io.BytesIO(data))
    return reader


class _Unparsed:
    """A part of a brief's package parsed only if something looks into it; unparsed, it is saved as the
    bytes it was read from, which serialising the parsed part would give again."""

    _parsed: Any = None
    _blob: Any
    written = False
    """Its bytes were written for this brief (``coreprops``): saved as they are, never kept for the next brief."""

    def __init__(self, partname: PackURI, content_type: str, blob: bytes, package: Package) -> None:
        Part.__init__(self, partname, content_type, blob, package)  # type: ignore[arg-type]

    @property
    def unparsed(self) -> bool:
        """True while the part is the bytes it was read from (or was written as)."""
        return self._parsed is None

    @property
    def _element(self) -> Any:
        if self._parsed is None:
            self._parsed = parse_xml(self._blob or b"")
        return self._parsed

    @_element.setter
    def _element(self, element: Any) -> None:
        self._parsed = element

    @property
    def blob(self) -> bytes:
        return self._blob if self._parsed is None else serialize_part_xml(self._parsed)


class _ReadStyles(_Unparsed, StylesPart):
    """A brief's styles part: the walk names styles through a memo of their ids (``styleids.cache_style_ids``),
    so it seldom needs the 350 KB styles.xml that python-docx's template brings."""


class _ReadHeader(_Unparsed, HeaderPart):
    """A brief's header, made in the styled base (``styles._furniture``): nothing of the brief changes it."""


class _ReadFooter(_Unparsed, FooterPart):
    """A brief's footer, made in the styled base like its header."""


class _ReadSettings(_Unparsed, SettingsPart):
    """A brief's settings: parsed only for footnotes or an embedded CJK face."""

    @property
    def settings(self) -> Settings:  # SettingsPart's, from the element parsed now (it keeps its own reference)
        return Settings(self._element)


class _ReadNumbering(_Unparsed, NumberingPart):
    """A brief's numbering: parsed only when a numbered list restarts its count."""


class _ReadCore(_Unparsed, CorePropertiesPart):
    """A brief's core properties: written as text from the base's (``coreprops``), else parsed and set."""


_UNPARSED: dict[str, type[Part]] = {CT.WML_STYLES: _ReadStyles, CT.WML_HEADER: _ReadHeader, CT.WML_FOOTER: _ReadFooter,
                                    CT.WML_SETTINGS: _ReadSettings, CT.WML_NUMBERING: _ReadNumbering,
                                    CT.OPC_CORE_PROPERTIES: _ReadCore}


def _part(partname: PackURI, content_type: str, reltype: str, blob: bytes, package: Package) -> Part:
    if content_type in _UNPARSED:
        return _UNPARSED[content_type](partname, content_type, blob, package)
    part: Part = PartFactory(partname, content_type, reltype, blob, package)  # type: ignore[assignment]  # __new__ returns a Part
    return part


def open_document(reader: PackageReader) -> DocxDocument:
    """Return a new Word document made from ``reader``'s parts (what ``docx.Document(file)`` returns)."""
    package = Package()
    Unmarshaller.unmarshal(reader, package, _part)
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
    items, kept = _members(doc)
    return zip_members(items, kept)


def reread(doc: DocxDocument) -> PackageReader:
    """Return what ``read(save(doc))`` returns, without zipping and unzipping the parts."""
    reader = _MemberReader(dict(_members(doc)[0]))
    content_types = _ContentTypeMap.from_xml(reader.content_types_xml)
    package_rels = PackageReader._srels_for(reader, PACKAGE_URI)
    parts = PackageReader._load_serialized_parts(reader, package_rels, content_types)
    return PackageReader(content_types, package_rels, parts)


def _members(doc: DocxDocument) -> tuple[list[tuple[str, bytes]], set[int]]:
    """Return the zip members python-docx's save writes, in its order, and the ids of the blobs kept as read."""
    package = doc.part.package
    parts = package.parts
    for part in parts:
        part.before_marshal()
    members = _Members()
    names = tuple((str(part.partname), part.content_type) for part in parts)
    types = _CONTENT_TYPES.get(names)  # a function of the parts' names and types alone (``_ContentTypesItem``)
    if types is None:
        types = _CONTENT_TYPES[names] = _ContentTypesItem.from_parts(parts).blob
        while len(_CONTENT_TYPES) > CACHED_PARTS:
            del _CONTENT_TYPES[next(iter(_CONTENT_TYPES))]
    members.write(CONTENT_TYPES_URI, types)
    members.write(PACKAGE_URI.rels_uri, rels_xml(package.rels))  # PackageWriter's _write_pkg_rels
    for part in parts:  # and its _write_parts
        members.write(part.partname, part.blob)
        if len(part.rels):
            members.write(part.partname.rels_uri, rels_xml(part.rels))
    # Parts kept as read (fonts, theme, unparsed styles, header, footer) are the same in brief after brief.
    kept = {id(p._blob) for p in parts
            if not isinstance(p, XmlPart) or (isinstance(p, _Unparsed) and p._parsed is None and not p.written)}
    return members.items, kept


_RELS_HEAD = ("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
              f'<Relationships xmlns="{NS.OPC_RELATIONSHIPS}"')
_ATTRIBUTE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})
"""An attribute value's characters as libxml2 escapes them when it serialises."""


def rels_xml(rels: Any) -> bytes:
    """The ``.rels`` part python-docx's ``rels.xml`` writes (an element parsed per relationship, then
    serialised), written as the text that serialisation gives (tests/test_docx_package.py)."""
    items = []
    for rel in rels.values():
        mode = ' TargetMode="External"' if rel.is_external else ""
        items.append(f'<Relationship Id="{rel.rId.translate(_ATTRIBUTE)}" Type="{rel.reltype.translate(_ATTRIBUTE)}"'
                     f' Target="{rel.target_ref.translate(_ATTRIBUTE)}"{mode}/>')
    tail = ">" + "".join(items) + "</Relationships>" if items else "/>"
    return (_RELS_HEAD + tail).encode()


class _MemberReader:
    """Zip members by name, read as python-docx's zip reader reads them."""

    def __init__(self, members: dict[str, bytes]) -> None:
        self.members = members

    def blob_for(self, uri: PackURI) -> bytes:
        return self.members[uri.membername]

    @property
    def content_types_xml(self) -> bytes:
        return self.blob_for(CONTENT_TYPES_URI)

    def rels_xml_for(self, source_uri: PackURI) -> bytes | None:
        return self.members.get(source_uri.rels_uri.membername)


def zip_members(members: Iterable[tuple[str, bytes]], kept: Collection[int] = ()) -> bytes:
    """Return a zip of ``(name, data)`` members, deflated, dated 1980-01-01, mode 0644.

    Byte for byte what ``zipfile.ZipFile.writestr`` writes for members of a ``ZipInfo`` with
    those dates and modes (no zip64: a brief's parts are far below 2 GiB). The deflated
    streams of members whose data object's id is in ``kept`` are kept for later saves.
    """
    body: list[bytes] = []  # joined once at the end: a brief's streams are ~0.4 MB, mostly the fonts'
    directory: list[bytes] = []
    offset = count = 0
    for name, data in members:
        if len(data) * 1.05 > zipfile.ZIP64_LIMIT or offset > zipfile.ZIP64_LIMIT:
            raise ValueError(f"{name}: too large for a DOCX part")
        crc, packed = _deflate(data, id(data) in kept)
        try:
            encoded, flags = name.encode("ascii"), 0
        except UnicodeEncodeError:
            encoded, flags = name.encode("utf-8"), 0x800
        sizes = (crc, len(packed), len(data), len(encoded))
        directory += (struct.pack("<4s4B4HL2L5H2L", b"PK\001\002", VERSION, 0, VERSION, 0, flags,
                                  zipfile.ZIP_DEFLATED, 0, DOS_DATE, *sizes, 0, 0, 0, 0, ATTRIBUTES, offset), encoded)
        header = struct.pack("<4s2B4HL2L2H", b"PK\003\004", VERSION, 0, flags, zipfile.ZIP_DEFLATED, 0,
                             DOS_DATE, *sizes, 0)
        body += (header, encoded, packed)
        offset += len(header) + len(encoded) + len(packed)
        count += 1
    size = sum(map(len, directory))
    end = struct.pack("<4s4H2LH", b"PK\005\006", 0, 0, count, count, size, offset, 0)
    return b"".join((*body, *directory, end))


def _deflate(data: bytes, keep: bool) -> tuple[int, bytes]:
    """Return the CRC-32 and raw deflate stream of ``data``, as zipfile makes them; ``keep`` them if asked."""
    found = _DEFLATED.get(data)
    if found is not None:
        _DEFLATED.move_to_end(data)
        return found
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    made = (zlib.crc32(data), compressor.compress(data) + compressor.flush())
    if keep and len(data) >= CACHE_FROM:
        _DEFLATED[data] = made
        while len(_DEFLATED) > CACHED_PARTS:
            _DEFLATED.popitem(last=False)
    return made
