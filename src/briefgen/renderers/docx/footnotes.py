"""Real footnotes for the DOCX renderer: the ``word/footnotes.xml`` part, made on first use.

python-docx 1.2 writes no footnotes; see research/libs.md §1 and probes/p1_docx.py.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls

from briefgen.renderers.docx.oxml import Xml, el, run, text

# CT_Settings successors of w:footnotePr, so it is inserted where Word expects it.
SETTINGS_AFTER_FOOTNOTEPR = (
    "w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema",
    "w:themeFontLang", "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions", "w:readModeInkLockDown",
    "w:smartTagType", "sl:schemaLibrary", "w:shapeDefaults", "w:doNotEmbedSmartTags",
    "w:decimalSymbol", "w:listSeparator",
)

FOOTNOTES_XML = (
    f'<w:footnotes {nsdecls("w", "r")}>'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    "</w:footnotes>"
)


class Footnotes:
    """The document's ``word/footnotes.xml`` part, created on first use.

    Links inside a note relate to :attr:`part`, so their relationships land in
    ``word/_rels/footnotes.xml.rels`` where Word and LibreOffice look for them.
    """

    def __init__(self, doc: DocxDocument, text_style: str, mark_style: str) -> None:
        self._doc, self._text_style, self._mark_style = doc, text_style, mark_style
        self._part: XmlPart | None = None
        self.count = 0

    @property
    def part(self) -> XmlPart:
        """The footnotes part, related to the main document part."""
        if self._part is None:
            body = self._doc.part
            self._part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES,
                                 parse_xml(FOOTNOTES_XML), body.package)
            body.relate_to(self._part, RT.FOOTNOTES)
            settings = self._doc.settings.element
            note_pr = parse_xml(f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/>'
                                '<w:footnote w:id="0"/></w:footnotePr>')
            settings.insert_element_before(note_pr, *SETTINGS_AFTER_FOOTNOTEPR)
        return self._part

    def add(self, label: str) -> tuple[Xml, Xml]:
        """Add a note; return its reference run (for the body) and its paragraph (to fill).

        Word numbers notes itself; a ``label`` other than the running number becomes
        a custom mark.
        """
        self.count += 1
        custom = label != str(self.count)
        ref = el("w:footnoteReference", id=self.count, **({"customMarkFollows": 1} if custom else {}))
        note = el("w:footnote", id=self.count)
        p: Xml = OxmlElement("w:p")
        p.get_or_add_pPr().style = self._text_style
        p.append(run(text(label) if custom else OxmlElement("w:footnoteRef"), style=self._mark_style))
        p.append(run(text(" ")))
        note.append(p)
        self.part.element.append(note)
        return run(ref, *([text(label)] if custom else []), style=self._mark_style), p
