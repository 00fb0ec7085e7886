"""Package parts the house look adds or sheds: list numbering, a reference document's
content parts, python-docx's stale template parts, and the DRAFT watermark.

Split from ``oxml.py`` (the element helpers), which this builds on.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from briefgen.renderers.docx.oxml import Xml

NUMBERING_XML = (
    '<w:abstractNum {ns} w:abstractNumId="{id}"><w:multiLevelType w:val="singleLevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{format}"/><w:lvlText w:val="{text}"/>'
    '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl>'
    "</w:abstractNum>"
)


def ensure_numbering(doc: DocxDocument, style: Xml, ordered: bool) -> None:
    """Give list paragraph ``style`` a bullet or "1." numbering unless it has one already."""
    ppr = style.get_or_add_pPr()
    if ppr.numPr is not None and ppr.numPr.numId is not None:
        return
    if not any(rel.reltype == RT.NUMBERING for rel in doc.part.rels.values()):
        part = XmlPart(PackURI("/word/numbering.xml"), CT.WML_NUMBERING,
                       parse_xml(f'<w:numbering {nsdecls("w")}/>'), doc.part.package)
        doc.part.relate_to(part, RT.NUMBERING)
    numbering = doc.part.numbering_part.element
    ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    abstract = NUMBERING_XML.format(ns=nsdecls("w"), id=max(ids, default=-1) + 1,
                                    format="decimal" if ordered else "bullet",
                                    text="%1." if ordered else "\u2022")
    numbering.insert_element_before(parse_xml(abstract), "w:num", "w:numIdMacAtCleanup")
    num = numbering.add_num(max(ids, default=-1) + 1)
    ppr.get_or_add_numPr().get_or_add_numId().val = num.numId


KEPT_RELATIONSHIPS = ("styles", "stylesWithEffects", "settings", "webSettings", "fontTable", "theme",
                      "numbering", "customXml", "glossaryDocument", "header", "footer")
"""Relationships of a reference document's main part that hold its look, not its content."""


def drop_content_parts(doc: DocxDocument) -> None:
    """Drop what a cleared reference's body no longer uses: notes, comments, pictures, links.

    Its settings lose their footnote and endnote properties, which named the dropped notes.
    """
    xml = doc.part.element.xml
    for rel_id, rel in list(doc.part.rels.items()):
        kind = rel.reltype.rsplit("/", 1)[-1]
        if kind not in KEPT_RELATIONSHIPS and f'"{rel_id}"' not in xml:
            del doc.part.rels[rel_id]
    for name in ("w:footnotePr", "w:endnotePr"):
        for node in doc.settings.element.findall(qn(name)):
            doc.settings.element.remove(node)


WATERMARK_XML = """<w:r {ns} xmlns:v="urn:schemas-microsoft-com:vml"
 xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w10="urn:schemas-microsoft-com:office:word">
<w:rPr><w:noProof/></w:rPr><w:pict>
<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800"
 path="m@7,l@8,m@5,21600l@6,21600e"><v:formulas><v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/>
<v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/><v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/>
<v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/><v:f eqn="if @0 @4 21600"/><v:f eqn="mid @5 @6"/>
<v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/><v:f eqn="sum @6 0 @5"/></v:formulas>
<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800"
 o:connectangles="270,180,90,0"/><v:textpath on="t" fitshape="t"/>
<v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/></v:handles>
<o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>
<v:shape id="PowerPlusWaterMarkObject1" o:spid="_x0000_s2049" type="#_x0000_t136" o:allowincell="f"
 style="position:absolute;margin-left:0;margin-top:0;width:412pt;height:137pt;rotation:315;z-index:-251657216;mso-position-horizontal:center;mso-position-horizontal-relative:margin;mso-position-vertical:center;mso-position-vertical-relative:margin"
 fillcolor="#c0c0c0" stroked="f"><v:fill opacity=".5"/>
<v:textpath style="font-family:&quot;{font}&quot;;font-size:1pt" string="{word}"/>
<w10:wrap anchorx="margin" anchory="margin"/></v:shape></w:pict></w:r>"""


def watermark(word: str, font: str) -> Xml:
    """Return a header run drawing ``word`` diagonally behind the page, as Word's watermark does."""
    xml = WATERMARK_XML.replace("{ns}", nsdecls("w")).replace("{font}", font)
    return parse_xml(xml.replace("{word}", word))


# Parts of python-docx's template that describe some other document: its thumbnail, a
# stylesWithEffects.xml that no longer matches our styles.xml (validators flag it as content
# Word may repair), and an empty bibliography store. Dropping the relationship drops the part
# and, when the package is saved, its content type.
STALE_RELATIONSHIPS = (
    RT.THUMBNAIL,
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
    RT.CUSTOM_XML,
)


def drop_template_parts(doc: DocxDocument) -> None:
    """Remove the template parts that would contradict the brief (see STALE_RELATIONSHIPS)."""
    for rels in (doc.part.package.rels, doc.part.rels):
        for rel_id, rel in list(rels.items()):
            if rel.reltype in STALE_RELATIONSHIPS:
                del rels[rel_id]
