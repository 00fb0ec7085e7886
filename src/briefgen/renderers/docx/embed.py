"""Embed the house faces in the DOCX, so a reader without them sees the same document.

Word and LibreOffice both read fonts embedded in a DOCX (ECMA-376 Part 1 §17.8.3): each
face is a part ``/word/fonts/fontN.odttf`` related from ``fontTable.xml``, where the
font's ``w:embedRegular``/``w:embedBold``/``w:embedItalic``/``w:embedBoldItalic`` names it
with an obfuscation key. Obfuscation (§17.8.1): the key is a GUID; its 32 hex digits
read as 16 bytes, reversed, are XORed over the first 32 bytes of the font file. The key
is derived from the font's own bytes, so the same font gives the same package.
``w:embedTrueTypeFonts`` in the settings tells Word to keep them when it saves.
"""

from __future__ import annotations

import hashlib
import uuid
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.oxml import serialize_part_xml
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

FONTS = Path(__file__).resolve().parents[2] / "fonts"
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
    """Return a GUID derived from the font's bytes, written as Word writes keys."""
    return "{" + str(uuid.UUID(bytes=hashlib.sha256(font).digest()[:16])).upper() + "}"


def embed_families(doc: DocxDocument, families: dict[str, str]) -> None:
    """Embed the four faces of each family, given as Word name → file stem (``NotoSerif``)."""
    table = next(r.target_part for r in doc.part.rels.values() if r.reltype == RT.FONT_TABLE)
    root = parse_xml(table.blob)
    number = 0
    for name, stem in families.items():
        for old in root.findall(qn("w:font")):
            if old.get(qn("w:name")) == name:
                root.remove(old)
        entry = parse_xml(f'<w:font {nsdecls("w", "r")} w:name="{name}">'
                          f'<w:family w:val="{"swiss" if "Sans" in stem else "roman"}"/>'
                          '<w:pitch w:val="variable"/></w:font>')
        for element, face in FACES:
            data = (FONTS / f"{stem}-{face}.ttf").read_bytes()
            number += 1
            key = font_key(data)
            part = Part(PackURI(f"/word/fonts/font{number}.odttf"), OBFUSCATED, obfuscate(data, key),
                        doc.part.package)
            rel_id = table.relate_to(part, RT.FONT)
            entry.append(parse_xml(f'<w:{element} {nsdecls("w", "r")} r:id="{rel_id}" w:fontKey="{key}"/>'))
        root.append(entry)
    table._blob = serialize_part_xml(root)
    settings = doc.settings.element
    if settings.find(qn("w:embedTrueTypeFonts")) is None:
        settings.insert_element_before(parse_xml(f'<w:embedTrueTypeFonts {nsdecls("w")}/>'),
                                       *SETTINGS_AFTER)
