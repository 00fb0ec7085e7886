"""The DOCX house look: the base document, page geometry and every named style the walk uses.

Without a reference document the brief starts from python-docx's template and each
style is (re)defined from the house ``Style``. With ``style.reference_docx`` it starts
from that document instead, the pandoc way: its body, notes, comments and headers are
cleared, and its styles (fonts, colours, spacing of Title, Heading N, Normal…) are kept
untouched. Only the styles the reference lacks are defined here, from the house style but
without fonts, so they inherit the reference's Normal font. The page size and margins,
the brief's language and its header and footer (marking, "Page X of Y") always come from
the brief, so the DOCX and the PDF agree on the page.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import docx
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_LINE_SPACING, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.opc.pkgreader import PackageReader
from docx.shared import Length, Mm, Pt, RGBColor

from briefgen.errors import Problem, warning
from briefgen.model import Meta, Style
from briefgen.renderers import house
from briefgen.renderers.docx import embed as docx_embed
from briefgen.renderers.docx import oxml as ox
from briefgen.renderers.docx import package as docx_package

# Logical fonts -> (Latin, East Asian) font names: the house faces the PDF draws with,
# Noto Serif and Noto Sans, embedded in the package (``docx_embed``) so that Word and
# LibreOffice show them on machines that lack them; Chinese in the Noto CJK faces of the
# same family, or the reader's own CJK font.
FONTS = {"serif": ("Noto Serif", "Noto Serif CJK SC"), "sans": ("Noto Sans", "Noto Sans CJK SC")}
FONT_FILES = {"Noto Serif": "NotoSerif", "Noto Sans": "NotoSans"}
"""Word family name -> the stem of its shipped files (briefgen/fonts/STEM-Regular.ttf…)."""
RIGHT, CENTER, DOTS = WD_TAB_ALIGNMENT.RIGHT, WD_TAB_ALIGNMENT.CENTER, WD_TAB_LEADER.DOTS
P, C, T = WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER, WD_STYLE_TYPE.TABLE
# Word's own names (latent in python-docx's template): created as built-ins, not custom styles.
WORD_BUILT_INS = frozenset(("footnote text", "footnote reference", "endnote reference", "Hyperlink",
                            "toc 1", "toc 2", "toc 3"))
RUN_STYLES = ("footnote text", "footnote reference", "endnote reference", "Hyperlink", "Marking")
"""Styles the walk names by id in raw XML; a reference may give them other ids than ours."""


@dataclass(frozen=True, slots=True)
class House:
    """A Word document ready for the walk: page set up and every named style defined."""

    doc: DocxDocument
    ids: dict[str, str]
    """Style id of each of RUN_STYLES."""
    warnings: tuple[Problem, ...]


def prepare(style: Style, meta: Meta) -> House:
    """Return the base document with the house page geometry, styles, properties and furniture."""
    base, ids, warnings, memo = _styled_base(style, meta)
    doc = docx_package.open_document(base)
    docx_package.cache_style_ids(doc, memo)
    _properties(doc, meta)
    _furniture(doc, ids["Marking"], meta, style)
    return House(doc, ids, warnings)


_Base = tuple[PackageReader, dict[str, str], tuple[Problem, ...], dict[Any, str | None]]
_BASES: dict[tuple[str, bytes, str], _Base] = {}
"""Styled base documents, saved and read back as parts (with their run style ids, warnings
and style-id memo), by what shapes them; one process's, never on disk."""


def _styled_base(style: Style, meta: Meta) -> _Base:
    """Return the saved base document with page geometry and styles, its run style ids and warnings.

    Defining the styles is most of a small brief's DOCX time, and the result depends only
    on the house style, the reference's bytes and the brief's language, marking and draft
    flag (never on its text), so each process does it once per key; every brief builds a
    document of its own from the saved parts. A few keys are kept, so a long ``watch`` stays small.
    """
    reference = b""
    if style.reference_docx:
        try:
            reference = Path(style.reference_docx).read_bytes()
        except OSError:
            reference = b"unreadable"
    shape = replace(meta, title="", subtitle="", author=(), date="", audience="", subject="", keywords=())
    key = (repr(style), reference, repr(shape))
    if key not in _BASES:
        doc, referenced, warnings = _base_document(style.reference_docx)
        ox.drop_template_parts(doc)
        width = page_setup(doc, style)
        define_styles(doc, style, shape, width,
                      frozenset(s.name for s in doc.styles) if referenced else frozenset())
        if not referenced:
            used = {fonts(style.body_font)[0], fonts(style.heading_font)[0]}
            docx_embed.embed_families(doc, {name: FONT_FILES[name] for name in sorted(used)})
        while len(_BASES) >= 8:
            del _BASES[next(iter(_BASES))]
        _BASES[key] = (docx_package.read(docx_package.save(doc)), {name: doc.styles[name].style_id for name in RUN_STYLES},
                       warnings, {})
    return _BASES[key]


def _base_document(reference: str) -> tuple[DocxDocument, bool, tuple[Problem, ...]]:
    """Open the reference document cleared of its content, or else python-docx's template.

    Return the document, whether it is the reference, and the warnings.
    """
    if not reference:
        return docx.Document(), False, ()
    try:
        doc = docx.Document(reference)
    except Exception as error:  # noqa: BLE001 - any unreadable file falls back to the house styles
        found = warning("docx.reference", f"style.reference_docx {reference!r} is not a readable .docx "
                        f"({str(error) or type(error).__name__}); the house styles are used instead")
        return docx.Document(), False, (found,)
    _clear(doc)
    return doc, True, ()


def _clear(doc: DocxDocument) -> None:
    """Empty the reference: body, notes, comments, pictures and headers/footers go; styles stay."""
    body = doc.element.body
    for child in list(body):
        if child.tag != ox.qn("w:sectPr"):
            body.remove(child)
    section = doc.sections[0]
    for furniture in (section.header, section.footer, section.first_page_header,
                      section.first_page_footer, section.even_page_header, section.even_page_footer):
        furniture.is_linked_to_previous = True
    section.different_first_page_header_footer = False
    doc.settings.odd_and_even_pages_header_footer = False
    ox.drop_content_parts(doc)


def page_setup(doc: DocxDocument, style: Style) -> int:
    """Set page size and margins (top, right, bottom, left); return the text width in EMU."""
    size = house.page_size_mm(style.page_size)
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(size[0]), Mm(size[1])
    top, right, bottom, left = (Mm(v) for v in style.margins_mm)
    section.top_margin, section.right_margin, section.bottom_margin, section.left_margin = (
        top, right, bottom, left)
    section.header_distance = section.footer_distance = Mm(min(10.0, style.margins_mm[0] / 2))
    return Mm(size[0]) - left - right


def fonts(logical: str) -> tuple[str, str]:
    """Return the (Latin, East Asian) font names of a logical font."""
    if logical not in FONTS:
        raise ValueError(f"unknown font {logical!r}: expected one of {sorted(FONTS)}")
    return FONTS[logical]


def _properties(doc: DocxDocument, meta: Meta) -> None:
    """Fill the core properties; times come from the brief's ISO date, never the clock."""
    props, authors = doc.core_properties, "; ".join(meta.author)
    props.title, props.subject, props.author, props.last_modified_by = (
        meta.title, meta.subject, authors, authors)
    props.keywords, props.language, props.category = "; ".join(meta.keywords), meta.lang, meta.marking
    props.comments, props.revision = "", 1
    props.content_status = "Draft" if meta.draft else ""
    # The brief's own date; a brief without a full date keeps a fixed one (never the clock).
    day = meta.issued or dt.date(2000, 1, 1)
    props.created = props.modified = dt.datetime(day.year, day.month, day.day)


def _furniture(doc: DocxDocument, marking_style: str, meta: Meta, style: Style) -> None:
    """Header: house text left, marking right. Footer: "Page X of Y" left, text centred, marking right."""
    section = doc.sections[0]
    header, footer = section.header.paragraphs[0], section.footer.paragraphs[0]
    header.style, footer.style = "Header", "Footer"
    ox.plain(header._p, style.header_text)
    footer._p.extend(_page_label(meta))
    footer._p.append(ox.run(ox.el("w:tab")))
    footer._p.append(ox.run(ox.text(style.footer_text)))
    if meta.marking:
        label = house.marking_label(meta.marking)
        header._p.extend((ox.run(ox.el("w:tab"), ox.el("w:tab")),
                          ox.run(ox.text(label), style=marking_style)))
        footer._p.extend((ox.run(ox.el("w:tab")), ox.run(ox.text(label), style=marking_style)))
    if meta.draft:
        header._p.append(ox.watermark("DRAFT", fonts(style.heading_font)[0]))


def _page_label(meta: Meta) -> list[Any]:
    """Return the runs of the localised "Page X of Y", with PAGE and NUMPAGES fields."""
    runs: list[Any] = []
    for part in re.split(r"(\{page\}|\{pages\})", meta.label("page_of")):
        if part == "{page}":
            runs += ox.field("PAGE", "1")
        elif part == "{pages}":
            runs += ox.field("NUMPAGES", "1")
        elif part:
            runs.append(ox.run(ox.text(part)))
    return runs


# ---------------------------------------------------------------- the house styles


def define_styles(doc: DocxDocument, style: Style, meta: Meta, width: int,
                  kept: frozenset[str] = frozenset()) -> None:
    """Define every named style the walk uses, from the house ``style``.

    Styles named in ``kept`` (a reference document's) stay as they are; when any are
    kept, the missing styles get no fonts, so they inherit the reference's. The brief's
    language is set either way.
    """
    body, head = fonts(style.body_font), fonts(style.heading_font)
    for name, kind, base, spec in _style_specs(style, head, width):
        if name not in kept:
            look(define(doc, name, kind, base), **({k: v for k, v in spec.items() if k != "font"}
                                                   if kept else spec))
    defaults = doc.styles.element.xpath("w:docDefaults/w:rPrDefault/w:rPr")
    for rpr in (*defaults[:1], doc.styles["Normal"].element.get_or_add_rPr()):
        if not kept:
            ox.set_fonts(rpr, *body)
        ox.set_lang(rpr, meta.lang)
    _frame_styles(doc, style, meta, head, kept)
    for name, ordered in (("List Bullet", False), ("List Number", True)):
        ox.ensure_numbering(doc, doc.styles[name].element, ordered)
    for level in (1, 2, 3):  # a kept TOC style still needs its page-number tab
        toc = doc.styles[f"toc {level}"].paragraph_format
        if not len(toc.tab_stops):
            toc.tab_stops.add_tab_stop(width, RIGHT, DOTS)


def _frame_styles(doc: DocxDocument, style: Style, meta: Meta, head: tuple[str, str],
                  kept: frozenset[str]) -> None:
    """Add rules, shading and frames: quote bar, title-block rule, marking label, table styles."""
    accent, fill = style.accent.lstrip("#").upper(), style.callout_fill.lstrip("#").upper()
    for name, side, size, space in (("Quote", "left", 18, 10), ("Brief Meta", "bottom", 8, 6)):
        if name not in kept:
            ox.paragraph_borders(doc.styles[name].element.get_or_add_pPr(),
                                 ox.border(side, accent, size, space))
    colours = house.marking_colours(meta.marking)
    if "Marking" not in kept:
        marking = define(doc, "Marking", C, "")
        look(marking, font=None if kept else head, size=house.MARKING_SIZE, bold=True,
             colour=colours[0] if colours else accent)
        marking.font.all_caps = True
        if colours:
            ox.put(marking.element.get_or_add_rPr(), ox.shading(colours[1].lstrip("#")))
    rules = ox.border("top", accent, 8, 0) + ox.border("bottom", accent, 8, 0)
    if "Brief Table" not in kept:
        table_style(define(doc, "Brief Table", T, "").element,
                    table_frame(rules + ox.border("insideH", "BFC5CE", 4, 0), 40, 100),
                    f'<w:rPr><w:b/><w:bCs/></w:rPr><w:tcPr><w:tcBorders>{ox.border("bottom", accent, 8, 0)}'
                    f'</w:tcBorders><w:shd w:val="clear" w:color="auto" w:fill="{fill}"/></w:tcPr>')
    if "Key Points Box" not in kept:
        table_style(define(doc, "Key Points Box", T, "").element,
                    table_frame(ox.border("left", accent, 24, 0), 120, 160)
                    + f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{fill}"/></w:tcPr>')


def _style_specs(s: Style, head: tuple[str, str], width: int) -> list[tuple[str, Any, str, dict]]:
    """Return (name, type, base, look) for each style, sizes in points, colours ``#rrggbb``."""
    accent, muted, size = s.accent, s.muted, s.body_size
    heading = dict(font=head, colour=accent, bold=True, keep=True, line=1.0)
    specs: list[tuple[str, Any, str, dict]] = [
        # The PDF's leading (1.4 × the body size), at least, so both formats set as many lines a page.
        ("Normal", P, "", dict(size=size, after=6, line=Pt(size * 1.4), widows=True)),
        ("Title", P, "Normal", dict(heading, size=s.title_size, after=4)),
        ("Subtitle", P, "Normal", dict(font=head, size=round(s.title_size * 0.6), colour=muted, after=4)),
        ("Brief Meta", P, "Normal", dict(font=head, size=size - 1, colour=muted, after=18)),
        ("TOC Heading", P, "Normal", dict(heading, size=s.heading_sizes[0], before=6, after=6)),
        ("Quote", P, "Normal", dict(italic=True, left=8, right=8, before=4, after=10, whole=True)),
        ("List Bullet", P, "Normal", dict(after=3)),
        ("List Number", P, "Normal", dict(after=3)),
        ("Caption", P, "Normal", dict(heading, size=size - 1, before=8, after=4)),
        ("Table Text", P, "Normal", dict(size=size - 1, after=0, line=1.0)),
        ("Key Points Title", P, "Normal", dict(heading, size=size + 1, before=2, after=4)),
        ("After Table", P, "Normal", dict(size=4, after=6, line=1.0)),
        ("Note Entry", P, "Normal", dict(size=size - 1, after=4, left=8, hanging=8)),
        ("footnote text", P, "Normal", dict(size=size - 2, after=2, line=1.0)),
        ("Hyperlink", C, "", dict(colour=accent, underline=True)),
        ("footnote reference", C, "", dict(superscript=True)),
        ("endnote reference", C, "", dict(superscript=True)),
    ]
    before = (16, 12, 10)
    for level, pt in enumerate(s.heading_sizes, start=1):
        specs.append((f"Heading {level}", P, "Normal",
                      dict(heading, size=pt, before=before[level - 1], after=4)))
        specs.append((f"toc {level}", P, "Normal", dict(after=2, left=5 * (level - 1),
                                                         tabs=((width, RIGHT, DOTS),))))
    for name in ("Header", "Footer"):
        specs.append((name, P, "Normal", dict(font=head, size=8.5, colour=muted, after=0, line=1.0,
                                             tabs=((width // 2, CENTER, None), (width, RIGHT, None)))))
    return specs


# ---------------------------------------------------------------- style plumbing


def define(doc: DocxDocument, name: str, kind: WD_STYLE_TYPE, base: str) -> Any:
    """Return style ``name`` cleared of the template's formatting, creating it if missing."""
    styles = doc.styles
    if name in styles:
        style = styles[name]
        for pr in style.element.findall(ox.qn("w:rPr")):
            style.element.remove(pr)
        clear_paragraph_properties(style.element.pPr)
    else:
        style = styles.add_style(name, kind, builtin=name in WORD_BUILT_INS)
        style.element.styleId = re.sub(r"\W", "", name.title())
        heading = re.fullmatch(r"Heading (\d)", name)
        if heading:  # Word and LibreOffice take the outline level from the style
            ox.put(style.element.get_or_add_pPr(), ox.el("w:outlineLvl", val=int(heading[1]) - 1))
    if base:
        style.base_style = styles[base]
    style.hidden, style.quick_style = False, True
    return style


def clear_paragraph_properties(ppr: Any) -> None:
    """Drop a template style's paragraph look; keep its outline level and list numbering."""
    for child in list(ppr if ppr is not None else ()):
        keep = child.tag == ox.qn("w:outlineLvl") or (
            child.tag == ox.qn("w:numPr") and child.find(ox.qn("w:numId")) is not None)
        if not keep:
            ppr.remove(child)


def look(style: Any, *, font: tuple[str, str] | None = None, size: float | None = None,
         colour: str = "", bold: bool | None = None, italic: bool | None = None,
         underline: bool | None = None, superscript: bool | None = None, **paragraph: Any) -> None:
    """Give ``style`` its character look, then its paragraph look (spacing in points, indents in mm)."""
    if font:
        ox.set_fonts(style.element.get_or_add_rPr(), *font)
    chars = style.font
    chars.size = Pt(size) if size else None
    chars.bold, chars.italic, chars.underline, chars.superscript = bold, italic, underline, superscript
    if colour:
        chars.color.rgb = RGBColor.from_string(colour.lstrip("#").upper())
    if paragraph:
        paragraph_look(style.paragraph_format, **paragraph)


def paragraph_look(fmt: Any, before: float = 0, after: float = 0, line: float | Length | None = None,
                   keep: bool | None = None, align: Any = None, left: float = 0, right: float = 0,
                   hanging: float = 0, tabs: tuple = (), widows: bool | None = None,
                   whole: bool | None = None) -> None:
    """Set spacing (pt), keep-with-next, widow/orphan control, keep-lines-together,
    alignment, indents (mm) and (EMU, align, leader) tabs."""
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(before), Pt(after), line
    if isinstance(line, Length):  # a leading in points is a minimum, so superscripts never clip
        fmt.line_spacing_rule = WD_LINE_SPACING.AT_LEAST
    fmt.keep_with_next, fmt.alignment = keep, align
    fmt.widow_control, fmt.keep_together = widows, whole
    fmt.left_indent = Mm(left) if left else None
    fmt.right_indent = Mm(right) if right else None
    fmt.first_line_indent = Mm(-hanging) if hanging else None
    for position, alignment, leader in tabs:
        fmt.tab_stops.add_tab_stop(position, alignment, leader or WD_TAB_LEADER.SPACES)


def table_frame(borders: str, vertical: int, horizontal: int) -> str:
    """Return a style's ``w:tblPr``: ``borders`` and cell margins (twips)."""
    margins = "".join(f'<w:{side} w:w="{vertical if side in ("top", "bottom") else horizontal}" '
                      'w:type="dxa"/>' for side in ("top", "left", "bottom", "right"))
    indent = f'<w:tblInd w:w="{horizontal}" w:type="dxa"/>'  # align the text, not the frame, with the margin
    return (f"<w:tblPr>{indent}<w:tblBorders>{borders}</w:tblBorders>"
            f"<w:tblCellMar>{margins}</w:tblCellMar></w:tblPr>")


def table_style(style: Any, frame: str, first_row: str = "") -> None:
    """Give a table ``style`` element its ``frame`` (tblPr/tcPr XML) and header-row formatting."""
    header = (f'<w:tblStylePr w:type="firstRow">{first_row}</w:tblStylePr>' if first_row else "")
    for child in ox.parse_xml(f'<w:style {ox.nsdecls("w")}>{frame}{header}</w:style>'):
        style.append(child)
