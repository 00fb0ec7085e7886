"""A paragraph's content written as XML text and parsed once, instead of made element by element.

python-docx makes each element through its proxies, and the walk's ``oxml.made`` copies
(a new lxml document per copy, then a move into the brief's); a fixture brief's hundred
runs cost most of its DOCX walk that way. Here the walk writes a paragraph's runs, links
and bookmarks as text and parses the paragraph once. Every opening tag is taken from an
element made the python-docx way (``oxml.made``'s prototypes, serialised once), and text
is escaped so that the parser gives back exactly the characters written: the tree parsed
is the tree the element calls made, so the part serialises to the same bytes
(tests/test_docx_text.py compares both ways on generated content).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.oxml import serialize_part_xml
from docx.opc.part import Part
from docx.oxml.ns import nsdecls
from docx.oxml.parser import parse_xml
from docx.shared import Emu, Twips

from briefgen.renderers.docx import oxml as ox

NSDECLS = nsdecls("w", "r")
"""The prefixes the walk's text uses, declared on the parsed root; inserted into the brief's
document, the root's declarations go (its own root declares the same), so none is written."""
_ATTRIBUTE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                            "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})
"""What the parser would otherwise read differently (entities, line ends, whitespace in attributes)."""
_EMPTY = "briefgen-empty"
"""Marks a text that must be set empty after parsing (an attribute no OOXML element has)."""
_DECLARATION = re.compile(r' xmlns:\w+="[^"]*"')
_TAGS: dict[tuple[object, ...], tuple[str, str]] = {}


def text(value: str) -> str:
    """``value`` as element content (``str.replace`` searches in C; ``str.translate`` looks up every character)."""
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return value.replace("\r", "&#13;") if "\r" in value else value


def attribute(value: object) -> str:
    """``value`` as an attribute's quoted content."""
    return str(value).translate(_ATTRIBUTE)


def markup(element: ox.Xml) -> str:
    """The XML text of ``element`` (made on its own), without its root's namespace declarations."""
    xml = serialize_part_xml(element).decode()
    xml = xml[xml.index("\n") + 1:]  # after the XML declaration
    head = xml.index(">")
    return _DECLARATION.sub("", xml[:head]) + xml[head:]


def tags(key: tuple[object, ...], make: Callable[[], ox.Xml]) -> tuple[str, str]:
    """The text before and after the content of the element ``make()`` returns, made once per ``key``."""
    found = _TAGS.get(key)
    if found is None:
        xml = markup(make())
        name = xml[1:re.search(r"[\s/>]", xml).end() - 1]  # type: ignore[union-attr]
        end = f"</{name}>"
        found = _TAGS[key] = (xml[:-2] + ">", end) if xml.endswith("/>") else (xml[:-len(end)], end)
    return found


def paragraph(style_id: str | None) -> tuple[str, str]:
    """The text around a paragraph's content, as ``oxml.new_p(style_id)`` makes it."""
    return tags(("p", style_id), lambda: ox.new_p(style_id))


def run(content: str, style: str = "", bold: bool = False, italic: bool = False) -> str:
    """A ``w:r`` holding ``content`` (runs' children as text), as ``oxml.run``/``text_run`` start it."""
    start, end = tags(("r", style, bold, italic), lambda: ox.made(("r", style, bold, italic),
                                                                   lambda: ox._run(style, bold, italic)))
    return start + content + end


def preserved(value: str) -> str:
    """A ``w:t`` holding ``value`` literally, as ``oxml.text`` makes it."""
    value = ox.clean_text(value)
    if not value:  # lxml writes an empty text as <w:t …></w:t>, which no parsed text gives back
        return f'<w:t xml:space="preserve" {_EMPTY}=""/>'
    return '<w:t xml:space="preserve">' + text(value) + "</w:t>"


def plain(value: str) -> str:
    """What ``oxml.plain`` appends for ``value``: one literal run, if it is not empty."""
    return run(preserved(value)) if value else ""


def text_run(value: str, style: str = "", bold: bool = False, italic: bool = False) -> str:
    """What ``oxml.text_run`` makes, as text."""
    value = ox.clean_text(value)
    if "\t" in value or "\n" in value or "\r" in value:  # python-docx's w:tab / w:br, the rare way
        return markup(ox.text_run(value, style, bold, italic))
    if not value:
        return run("", style, bold, italic)
    if len(value.strip()) < len(value):
        return run('<w:t xml:space="preserve">' + text(value) + "</w:t>", style, bold, italic)
    return run("<w:t>" + text(value) + "</w:t>", style, bold, italic)


def hyperlink(part: Part, url: str) -> str:
    """The opening of the ``w:hyperlink`` ``oxml.hyperlink`` makes (relating an external ``url`` to ``part`` now)."""
    if url.startswith("#"):
        return f'<w:hyperlink w:anchor="{attribute(ox.bookmark_name(url[1:]))}" w:history="1">'
    return f'<w:hyperlink r:id="{attribute(part.relate_to(url, RT.HYPERLINK, is_external=True))}" w:history="1">'


def style_id(part: Part, style: str) -> str | None:
    """The id of paragraph style ``style`` (None: the default style), as ``add_paragraph(style=…)`` finds it."""
    from docx.enum.style import WD_STYLE_TYPE

    found: str | None = part.get_style_id(style, WD_STYLE_TYPE.PARAGRAPH)  # type: ignore[attr-defined]
    return found


def new_p(style_id: str | None, content: str) -> ox.Xml:
    """A ``w:p`` of style ``style_id`` (``oxml.new_p``'s) holding ``content``."""
    start, end = paragraph(style_id)
    return parse(start + content + end)


def add_p(box: Any, style: str, content: str = "") -> ox.Xml:
    """``oxml.add_p(box, style)`` holding ``content``: a paragraph appended to the body or a table cell."""
    container: ox.Xml = box._body._element if isinstance(box, DocxDocument) else box._element
    p = new_p(style_id(box.part, style), content)
    container._insert_p(p)
    return p


def table(cells: list[list[str]], columns: int, width: int, weights: tuple[float, ...], style_id: str | None,
          whole_rows: bool = True) -> str:
    """A ``w:tbl`` as text: ``CT_Tbl.new_tbl(len(cells), columns, width)``'s table (python-docx writes it
    as text too) with table style ``style_id``; if ``whole_rows``, rows that break only between rows
    and a header row that repeats (``w:cantSplit``, ``w:tblHeader``); ``cells``' paragraphs in the first
    cells of each row (the others keep the new table's empty ``w:p``); and ``oxml.column_widths(…, weights)``
    if weights are given."""
    twips = [Emu(width // columns).twips] * columns
    if weights:
        total = sum(Twips(twips[0]) for _ in range(columns))  # the first row's cells' widths, read back
        twips = [Emu(int(total * weight / sum(weights))).twips for weight in weights]
    head = f'<w:tblStyle w:val="{attribute(style_id)}"/>' if style_id is not None else ""
    xml = [f'<w:tbl><w:tblPr>{head}<w:tblW w:type="auto" w:w="0"/><w:tblLook w:firstColumn="1" w:firstRow="1"'
           ' w:lastColumn="0" w:lastRow="0" w:noHBand="0" w:noVBand="1" w:val="04A0"/></w:tblPr><w:tblGrid>',
           *(f'<w:gridCol w:w="{t}"/>' for t in twips), "</w:tblGrid>"]
    for index, row in enumerate(cells):
        xml.append("<w:tr>" if not whole_rows else "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
                   if index == 0 else "<w:tr><w:trPr><w:cantSplit/></w:trPr>")
        for column, t in enumerate(twips):
            content = row[column] if column < len(row) else "<w:p/>"
            xml.append(f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{t}"/></w:tcPr>{content}</w:tc>')
        xml.append("</w:tr>")
    xml.append("</w:tbl>")
    return "".join(xml)


def parse(xml: str) -> ox.Xml:
    """Parse ``xml`` (one element, written with the prefixes of :data:`NSDECLS`) into an oxml element."""
    name = re.match(r"<[\w:]+", xml).end()  # type: ignore[union-attr]
    element = parse_xml(xml[:name] + " " + NSDECLS + xml[name:])
    if _EMPTY in xml:
        for node in element.iter():
            if node.get(_EMPTY) is not None:
                del node.attrib[_EMPTY]
                node.text = ""
    return element


def extend(parent: ox.Xml, content: str) -> None:
    """Append the elements written in ``content`` to ``parent``."""
    if content:
        parent.extend(list(parse("<w:p>" + content + "</w:p>")))
