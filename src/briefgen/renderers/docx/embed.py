"""Embed the house faces in the DOCX, so a reader without them sees the same document.

Word and LibreOffice both read fonts embedded in a DOCX (ECMA-376 Part 1 §17.8.3): each
face is a part ``/word/fonts/fontN.odttf`` related from ``fontTable.xml``, where the
font's ``w:embedRegular``/``w:embedBold``/``w:embedItalic``/``w:embedBoldItalic`` names it
with an obfuscation key. Obfuscation (§17.8.1): the key is a GUID; its 32 hex digits
read as 16 bytes, reversed, are XORed over the first 32 bytes of the font file. The key
is derived from the font's own bytes, so the same font gives the same package.
``w:embedTrueTypeFonts`` in the settings tells Word to keep them when it saves.

Chinese, Japanese and Korean text is set in the CJK face the PDF uses (``Briefgen CJK``,
1.7 MB whole): a brief that holds such characters embeds a subset of it with just those
characters (fontTools; about 9 KB for a page of Chinese), so the DOCX shows the PDF's
glyphs anywhere and stays small. A brief without them embeds nothing more.
"""

from __future__ import annotations

import dataclasses
import hashlib
import operator
import re
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.oxml import serialize_part_xml
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

FONTS = Path(__file__).resolve().parents[2] / "fonts"
CJK_FILE = FONTS / "briefgen-cjk.ttf"
CJK_NAME = "Briefgen CJK"
"""The Word name of the shipped CJK face (its own name table's family name)."""
CJK_FROM = 0x2E80
"""The first code point of the CJK blocks (radicals, kana, hanzi, CJK punctuation, full-width forms)."""
_FROM_CJK = re.compile(f"[{chr(CJK_FROM)}-{chr(0x10FFFF)}]")
"""A character at or above CJK_FROM: found in C, where ``max`` of a brief's text compares it character by character."""
OBFUSCATED = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
FACES = (("embedRegular", "Regular"), ("embedBold", "Bold"), ("embedItalic", "Italic"),
         ("embedBoldItalic", "BoldItalic"))
# CT_Settings successors of w:embedTrueTypeFonts that python-docx's template may hold.
SETTINGS_AFTER = ("w:embedSystemFonts", "w:saveSubsetFonts", "w:saveFormsData", "w:mirrorMargins",
                  "w:hideSpellingErrors", "w:hideGrammaticalErrors", "w:proofState",
                  "w:attachedTemplate", "w:linkStyles", "w:documentProtection", "w:defaultTabStop",
                  "w:characterSpacingControl", "w:savePreviewPicture", "w:compat", "w:rsids")


def obfuscate(font: bytes, key: str) -> bytes:
    """Return ``font`` obfuscated with the GUID ``key`` (``{XXXXXXXX-…}``), per §17.8.1."""
    guid = bytes.fromhex(key.strip("{}").replace("-", ""))[::-1]
    head = bytes(b ^ guid[i % 16] for i, b in enumerate(font[:32]))
    return head + font[32:]


def font_key(font: bytes) -> str:
    """Return a GUID derived from the font's bytes, written as Word writes keys.

    The text ``str(uuid.UUID(bytes=…)).upper()`` gives (tests/test_cold_start.py compares them), without
    importing ``uuid``, which imports ``platform`` and probes the system at import (a cold DOCX's worker pays it)."""
    digits = hashlib.sha256(font).digest()[:16].hex().upper()
    return "{" + "-".join((digits[:8], digits[8:12], digits[12:16], digits[16:20], digits[20:])) + "}"


def embed_families(doc: DocxDocument, families: dict[str, str]) -> None:
    """Embed the four faces of each family, given as Word name → file stem (``NotoSerif``)."""
    faces = {name: [(element, (FONTS / f"{stem}-{face}.ttf").read_bytes()) for element, face in FACES]
             for name, stem in families.items()}
    _embed(doc, {name: ("swiss" if "Sans" in stem else "roman", faces[name]) for name, stem in families.items()})


def embed_cjk(doc: DocxDocument, text: str) -> bool:
    """Embed the CJK face, subset to the CJK characters of ``text``; False when there are none."""
    if not _FROM_CJK.search(text) or not CJK_FILE.exists():  # no character at or above CJK_FROM
        return False
    # Every character, not only the ideographs: Word and LibreOffice set the punctuation around
    # Chinese (“”, ·, ：) in the East Asian font too; the subset keeps those the face has.
    wanted = "".join(sorted(set(text) - {"\n", "\t"}))
    _embed(doc, {CJK_NAME: ("auto", [("embedRegular", subset(CJK_FILE, wanted))])}, prefix="cjk")
    return True


def strings(node: object) -> list[str]:
    """Every string in a model node (a Document, a block, a run…), to find the characters it prints.

    In no particular order (their characters are what counts): a dataclass's fields are read
    at once by an ``attrgetter`` made once per class.
    """
    found: list[str] = []
    stack = [node]
    pop, push, keep = stack.pop, stack.extend, found.append
    while stack:
        node = pop()
        fields = _FIELDS.get(type(node), _UNSEEN)
        if fields is _UNSEEN:
            fields = _FIELDS[type(node)] = _fields(type(node))
        if fields is None:
            continue
        if fields is str:
            keep(node)  # type: ignore[arg-type]
        elif fields is tuple:
            push(node)  # type: ignore[arg-type]
        else:
            push(fields(node))  # type: ignore[operator]
    return found


_UNSEEN = object()
_FIELDS: dict[type, object] = {}
"""A model class → how to read what it holds: ``str``, ``tuple``, a getter of its dataclass fields, or None."""


def _fields(kind: type) -> object:
    if issubclass(kind, str):
        return str
    if issubclass(kind, tuple):
        return tuple
    if isinstance(kind, type) and dataclasses.is_dataclass(kind) and not issubclass(kind, type):
        names = [f.name for f in dataclasses.fields(kind)]
        if len(names) == 1:
            return lambda node, name=names[0]: (getattr(node, name),)
        return operator.attrgetter(*names) if names else None
    return None


def subset(path: Path, characters: str) -> bytes:
    """Return the TrueType font at ``path`` cut down to ``characters`` (the same bytes for the same input)."""
    import io

    from fontTools import subset as cut
    from fontTools.ttLib import TTFont

    options = cut.Options()
    options.recalc_timestamp = False  # keep the file's own date: builds are reproducible
    options.name_IDs = ["*"]
    options.notdef_outline = True
    font = TTFont(str(path), recalcTimestamp=False)
    subsetter = cut.Subsetter(options)
    subsetter.populate(text=characters)
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _embed(doc: DocxDocument, fonts: dict[str, tuple[str, list[tuple[str, bytes]]]], prefix: str = "") -> None:
    """Embed each font, Word name → (family class, [(w:embedX element, font bytes)])."""
    table = next(r.target_part for r in doc.part.rels.values() if r.reltype == RT.FONT_TABLE)
    root = parse_xml(table.blob)
    number = 0
    for name, (family, faces) in fonts.items():
        for old in root.findall(qn("w:font")):
            if old.get(qn("w:name")) == name:
                root.remove(old)
        entry = parse_xml(f'<w:font {nsdecls("w", "r")} w:name="{name}">'
                          f'<w:family w:val="{family}"/><w:pitch w:val="variable"/></w:font>')
        for element, data in faces:
            number += 1
            key = font_key(data)
            part = Part(PackURI(f"/word/fonts/font{prefix}{number}.odttf"), OBFUSCATED, obfuscate(data, key),
                        doc.part.package)
            rel_id = table.relate_to(part, RT.FONT)
            entry.append(parse_xml(f'<w:{element} {nsdecls("w", "r")} r:id="{rel_id}" w:fontKey="{key}"/>'))
        root.append(entry)
    table._blob = serialize_part_xml(root)
    settings = doc.settings.element
    if settings.find(qn("w:embedTrueTypeFonts")) is None:
        settings.insert_element_before(parse_xml(f'<w:embedTrueTypeFonts {nsdecls("w")}/>'),
                                       *SETTINGS_AFTER)
