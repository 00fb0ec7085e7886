"""Our OOXML extension layer: what python-docx 1.2 cannot write by itself.

Hyperlinks, bookmarks, complex fields, schema-ordered property
elements and list numbering (real footnotes are in ``footnotes.py``); the parts a reference document must shed and the
watermark are in ``parts.py``, the byte-stable zip in ``package.py``. What the brief
looks like lives in ``stylesheet.py``, the walk over the model in ``render.py`` and
``inlines.py``. See research/libs.md §1 and probes/p1_docx.py.
"""

from __future__ import annotations

import functools
import hashlib
import re
from typing import Any

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.font import Font

from briefgen.model import printable_text

Xml = Any
"""A python-docx oxml element. Its children (``pPr``, ``get_or_add_rPr()``) come from a metaclass that no
type checker sees, and lxml calls return plain ``_Element``s: so it is typed as Any, here only."""

# Child order of w:pPr and w:rPr (ECMA-376 Part 1, CT_PPrBase / CT_RPr); Word rejects other orders.
PPR_ORDER = (
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd"
    " tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi"
    " adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc"
    " textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange"
).split()
RPR_ORDER = (
    "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof"
    " snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd"
    " fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath"
).split()
_BOOKMARK = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,39}")


_MADE: dict[tuple[object, ...], Xml] = {}
"""Elements made once the python-docx way, by what made them, handed out as copies.

python-docx places each new child by scanning for its successors' tags (a styled
paragraph or a bold run takes about 0.2 ms); a copy of the same element, which lxml
makes in C, is the same XML. The keys are the values the element was made from (a
style id, a tag), so the memo holds a few dozen small elements for the life of a process.
"""


def made(key: tuple[object, ...], make: Any) -> Xml:
    """Return a copy of the element ``make()`` returns, made once per ``key``."""
    element = _MADE.get(key)
    if element is None:
        element = _MADE[key] = make()
    return element.__copy__()  # lxml: the whole subtree, with the parser's element classes


def new_p(style_id: str | None) -> Xml:
    """Return the ``w:p`` python-docx's ``add_paragraph(style=…)`` makes for a style with id ``style_id``
    (None, the default paragraph style: an empty ``w:pPr``)."""
    def make() -> Xml:
        p: Xml = OxmlElement("w:p")
        p.style = style_id
        return p
    return made(("p", style_id), make)


def add_p(box: Any, style: str) -> Xml:
    """``box.add_paragraph(style=style)._p`` (``box``: the document or a table cell), from a copy."""
    from docx.enum.style import WD_STYLE_TYPE

    container: Xml = box._body._element if isinstance(box, DocxDocument) else box._element  # the body python-docx keeps
    p = new_p(box.part.get_style_id(style, WD_STYLE_TYPE.PARAGRAPH))
    container._insert_p(p)
    return p


def style_p(p: Xml, part: Part, style: str) -> None:
    """``Paragraph(p).style = style``: an empty ``p`` (a new table cell's) gets a copy of the styled ``w:pPr``."""
    from docx.enum.style import WD_STYLE_TYPE

    style_id = part.get_style_id(style, WD_STYLE_TYPE.PARAGRAPH)  # type: ignore[attr-defined]
    if len(p):
        p.style = style_id
    else:
        p.append(new_p(style_id)[0])


def el(tag: str, **attrs: object) -> Xml:
    """Return a new element ``tag`` whose ``w:`` attributes are ``attrs``."""
    node = made(("el", tag), lambda: OxmlElement(tag))
    for name, value in attrs.items():
        node.set(qn(f"w:{name}"), str(value))
    return node


def put(parent: Xml, child: Xml) -> Xml:
    """Replace ``child``'s namesake in a ``w:pPr``/``w:rPr`` ``parent``, keeping schema order.

    What python-docx's ``insert_element_before(child, *later)`` does (``child`` goes before the first
    child, in document order, of the earliest of the later tags present; else at the end), found in one
    pass over the children instead of one search of them per later tag."""
    name = child.tag.rsplit("}", 1)[1]
    for old in parent.findall(child.tag):
        parent.remove(old)
    later = _later(parent.tag == qn("w:pPr"), name)
    successor, best = None, len(later)
    for node in parent:
        rank = later.get(node.tag)
        if rank is not None and rank < best:
            successor, best = node, rank
    if successor is not None:
        successor.addprevious(child)
    else:
        parent.append(child)
    return child


@functools.cache
def _later(paragraph: bool, name: str) -> dict[Any, int]:
    """The qualified tags after ``name`` in ``PPR_ORDER`` (or ``RPR_ORDER``), each with its place among them."""
    order = PPR_ORDER if paragraph else RPR_ORDER
    later = order[order.index(name) + 1:]
    return {qn(f"w:{n}"): i for i, n in reversed(list(enumerate(later)))}


def set_fonts(rpr: Xml, latin: str, east_asian: str) -> None:
    """Name concrete fonts for every script on ``rpr``, dropping theme-font references."""
    put(rpr, el("w:rFonts", ascii=latin, hAnsi=latin, eastAsia=east_asian, cs=latin))


def set_lang(rpr: Xml, lang: str, east_asian: str = "zh-CN") -> None:
    """Set the proofing language, and the language of East Asian text, on ``rpr``."""
    put(rpr, el("w:lang", val=lang, eastAsia=east_asian))


def shading(fill: str) -> Xml:
    """Return a solid ``w:shd`` of colour ``fill`` (``RRGGBB``)."""
    return el("w:shd", val="clear", color="auto", fill=fill)


def border(side: str, colour: str, eighths: int, space: int = 4) -> str:
    """Return the XML of one single-line border of ``eighths`` of a point."""
    return f'<w:{side} w:val="single" w:sz="{eighths}" w:space="{space}" w:color="{colour}"/>'


def paragraph_borders(ppr: Xml, *borders: str) -> None:
    """Give a paragraph (style) the ``borders`` made by :func:`border`."""
    put(ppr, parse_xml(f'<w:pBdr {nsdecls("w")}>{"".join(borders)}</w:pBdr>'))


def clean_text(text: str) -> str:
    """Drop the control characters XML 1.0 cannot hold (the model's one cleaner)."""
    return printable_text(text)


def bookmark_name(anchor: str) -> str:
    """Return a Word-safe bookmark name for ``anchor`` (a letter first, 40 characters at most)."""
    if _BOOKMARK.fullmatch(anchor):
        return anchor
    return "bm_" + hashlib.sha1(anchor.encode()).hexdigest()[:16]


def bookmark(p: Xml, bookmark_id: int, anchor: str) -> Xml:
    """Open a bookmark on ``anchor`` at the start of paragraph ``p``; return its end marker."""
    start = el("w:bookmarkStart", id=bookmark_id, name=bookmark_name(anchor))
    p.insert(1 if p.pPr is not None else 0, start)
    return el("w:bookmarkEnd", id=bookmark_id)


def hyperlink(part: Part, url: str) -> Xml:
    """Return an empty ``w:hyperlink``: to bookmark ``#anchor``, or external via ``part``'s rels."""
    link = OxmlElement("w:hyperlink")
    if url.startswith("#"):
        link.set(qn("w:anchor"), bookmark_name(url[1:]))
    else:
        link.set(qn("r:id"), part.relate_to(url, RT.HYPERLINK, is_external=True))
    link.set(qn("w:history"), "1")
    return link


def run(*children: Xml, style: str = "") -> Xml:
    """Return a ``w:r`` holding ``children``, with character style id ``style`` if given."""
    r: Xml = made(("r", style, False, False), lambda: _run(style, False, False))
    r.extend(children)
    return r


def _run(style: str, bold: bool, italic: bool) -> Xml:
    """An empty ``w:r`` of character style id ``style``, bold and italic as asked, the python-docx way."""
    r: Xml = OxmlElement("w:r")
    if style:
        r.get_or_add_rPr().style = style
    font = Font(r)
    if bold:
        font.bold = True
    if italic:
        font.italic = True
    return r


def field(instruction: str, result: str, dirty: bool = False) -> list[Xml]:
    """Return the runs of a complex field (begin, instruction, separate, result, end)."""
    begin = el("w:fldChar", fldCharType="begin", **({"dirty": "true"} if dirty else {}))
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    return [run(begin), run(instr), run(el("w:fldChar", fldCharType="separate")), run(text(result)),
            run(el("w:fldChar", fldCharType="end"))]


def text(value: str) -> Xml:
    """Return a ``w:t`` holding ``value`` literally, spaces preserved."""
    t = made(("t", True), _preserving_t)
    t.text = clean_text(value)
    return t


def _preserving_t() -> Xml:
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    return t


def text_run(value: str, style: str = "", bold: bool = False, italic: bool = False) -> Xml:
    """Return a run showing ``value`` literally (tabs and newlines become w:tab / w:br)."""
    r = made(("r", style, bold, italic), lambda: _run(style, bold, italic))
    value = clean_text(value)
    if "\t" in value or "\n" in value or "\r" in value:
        r.text = value
    elif value:  # what ``r.text = value`` makes, without its per-character walk: ``r.add_t(value)``
        t = made(("t", False), lambda: OxmlElement("w:t"))
        t.text = value
        if len(value.strip()) < len(value):
            t.set(qn("xml:space"), "preserve")
        r.append(t)
    return r


def plain(p: Xml, value: str) -> None:
    """Append ``value`` to paragraph ``p`` as one literal run, if it is not empty."""
    if value:
        p.append(run(text(value)))


def flush_pictures(element: Xml) -> None:
    """Give every inline picture in ``element`` zero wrap distances (``wp:inline/@distT…distR``).

    python-docx writes none, and LibreOffice then keeps 0.32 cm clear on each side, which
    shifts a picture as wide as the text 3 mm right, past the margin.
    """
    for inline in element.iter(qn("wp:inline")):
        for side in ("distT", "distB", "distL", "distR"):
            inline.set(side, "0")


def cells(grid: Any) -> list[list[Any]]:
    """The cells of a table made by ``add_table`` (none merged or spanning columns), row by row: python-docx's
    ``row.cells``, ``column.cells`` and ``table.cell`` without their search of every cell's properties for spans
    and merges (``table.cell`` makes the whole table's matrix for each cell asked)."""
    from docx.table import _Cell
    return [[_Cell(tc, grid) for tc in tr.tc_lst] for tr in grid._tbl.tr_lst]


def style_numbering(doc: DocxDocument, style_name: str) -> int:
    """Return the ``w:num`` id that list style ``style_name`` numbers its paragraphs with."""
    return int(doc.styles[style_name].element.pPr.numPr.numId.val)


def restart_numbering(doc: DocxDocument, style_num: int) -> int:
    """Return a new ``w:num`` id that restarts numbering ``style_num`` (a list style's) at 1."""
    numbering = doc.part.numbering_part.element
    num = numbering.add_num(numbering.num_having_numId(style_num).abstractNumId.val)
    num.add_lvlOverride(ilvl=0).add_startOverride(1)
    return int(num.numId)


def put_cell_shading(tc: Xml, fill: str) -> None:
    """Give a table cell a solid fill ``RRGGBB`` (``w:tcPr/w:shd``, after any width and borders)."""
    tc_pr = tc.get_or_add_tcPr()
    for old in tc_pr.findall(qn("w:shd")):
        tc_pr.remove(old)
    tc_pr.insert_element_before(shading(fill), "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText",
                                "w:vAlign", "w:hideMark", "w:headers", "w:cellIns", "w:cellDel",
                                "w:cellMerge", "w:tcPrChange")
