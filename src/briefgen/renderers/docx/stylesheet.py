"""The DOCX house styles: every named style the walk uses, defined from the house ``Style``.

Title, Heading 1-3, Quote, List Bullet/Number, Caption, footnote text, the TOC levels,
Header/Footer, the Marking label and the Brief Table / Key Points Box table styles. With a
reference document (``styles.py``), the styles it has are kept as they are.
"""

from __future__ import annotations

import re
from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_LINE_SPACING, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.shared import Length, Mm, Pt, RGBColor
from docx.styles import BabelFish
from docx.styles.style import StyleFactory

from briefgen.model import Meta, Style
from briefgen.renderers import house
from briefgen.renderers.docx import oxml as ox
from briefgen.renderers.docx import parts as docx_parts

# Logical fonts -> (Latin, East Asian) font names: the house faces the PDF draws with,
# Noto Serif and Noto Sans, embedded in the package (``docx_embed``) so that Word and
# LibreOffice show them on machines that lack them; Chinese, Japanese and Korean in the PDF's
# CJK face, embedded as a subset when the brief has such characters (``docx_embed.embed_cjk``).
FONTS = {"serif": ("Noto Serif", "Briefgen CJK"), "sans": ("Noto Sans", "Briefgen CJK")}
FONT_FILES = {"Noto Serif": "NotoSerif", "Noto Sans": "NotoSans"}
"""Word family name -> the stem of its shipped files (briefgen/fonts/STEM-Regular.ttf…)."""
RIGHT, CENTER, DOTS = WD_TAB_ALIGNMENT.RIGHT, WD_TAB_ALIGNMENT.CENTER, WD_TAB_LEADER.DOTS
P, C, T = WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER, WD_STYLE_TYPE.TABLE
# Word's own names (latent in python-docx's template): created as built-ins, not custom styles.
WORD_BUILT_INS = frozenset(("footnote text", "footnote reference", "endnote reference", "Hyperlink",
                            "toc 1", "toc 2", "toc 3"))


def fonts(logical: str) -> tuple[str, str]:
    """Return the (Latin, East Asian) font names of a logical font."""
    if logical not in FONTS:
        raise ValueError(f"unknown font {logical!r}: expected one of {sorted(FONTS)}")
    return FONTS[logical]


EAST_ASIAN = ("zh", "ja", "ko")


def languages(lang: str) -> tuple[str, str]:
    """Return the (Latin-script, East Asian) languages of text in a brief in ``lang``.

    A Chinese brief's Latin words are English, not Chinese: tagged ``zh-CN`` they are
    broken anywhere by LibreOffice ("export co|ntrols"). Word writes the same pair.
    """
    if lang.split("-")[0].lower() in EAST_ASIAN:
        return "en-GB", lang
    return lang, "zh-CN"


def define_styles(doc: DocxDocument, style: Style, meta: Meta, width: int,
                  kept: frozenset[str] = frozenset()) -> None:
    """Define every named style the walk uses, from the house ``style``.

    Styles named in ``kept`` (a reference document's) stay as they are; when any are
    kept, the missing styles get no fonts, so they inherit the reference's. The brief's
    language is set either way.
    """
    body, head = fonts(style.body_font), fonts(style.heading_font)
    named = Named(doc)
    for name, kind, base, spec in _style_specs(style, head, width):
        if name not in kept:
            look(define(named, name, kind, base), **({k: v for k, v in spec.items() if k != "font"}
                                                     if kept else spec))
    defaults = doc.styles.element.xpath("w:docDefaults/w:rPrDefault/w:rPr")
    for rpr in (*defaults[:1], named["Normal"].element.get_or_add_rPr()):
        if not kept:
            ox.set_fonts(rpr, *body)
        ox.set_lang(rpr, *languages(meta.lang))
    _frame_styles(named, style, meta, head, kept)
    for name, ordered in (("List Bullet", False), ("List Number", True)):
        docx_parts.ensure_numbering(doc, named[name].element, ordered)
    for level in (1, 2, 3):  # a kept TOC style still needs its page-number tab
        toc = named[f"toc {level}"].paragraph_format
        if not len(toc.tab_stops):
            toc.tab_stops.add_tab_stop(width, RIGHT, DOTS)


def _frame_styles(named: Named, style: Style, meta: Meta, head: tuple[str, str],
                  kept: frozenset[str]) -> None:
    """Add rules, shading and frames: quote bar, title-block rule, marking label, table styles."""
    accent, fill = style.accent.lstrip("#").upper(), style.callout_fill.lstrip("#").upper()
    # Word draws a left border its space plus its width left of the indent: the bar lands on the margin.
    bar, gap = house.quote_bar(style).lstrip("#").upper(), round(house.QUOTE_GAP_MM * 72 / 25.4 - house.QUOTE_BAR_PT)
    for name, side, size, space, colour in (("Quote", "left", round(house.QUOTE_BAR_PT * 8), gap, bar),
                                            ("Brief Meta", "bottom", 8, 6, accent)):
        if name not in kept:
            ox.paragraph_borders(named[name].element.get_or_add_pPr(),
                                 ox.border(side, colour, size, space))
    colours = house.marking_colours(meta.marking)
    if "Marking" not in kept:
        marking = define(named, "Marking", C, "")
        look(marking, font=None if kept else head, size=house.MARKING_SIZE, bold=True,
             colour=colours[0] if colours else accent)
        marking.font.all_caps = True
        if colours:
            ox.put(marking.element.get_or_add_rPr(), ox.shading(colours[1].lstrip("#")))
    rules = ox.border("top", accent, 8, 0) + ox.border("bottom", accent, 8, 0)
    if "Brief Table" not in kept:
        table_style(define(named, "Brief Table", T, "").element,
                    table_frame(rules + ox.border("insideH", "BFC5CE", 4, 0), 40, 100),
                    f'<w:rPr><w:b/><w:bCs/></w:rPr><w:tcPr><w:tcBorders>{ox.border("bottom", accent, 8, 0)}'
                    f'</w:tcBorders><w:shd w:val="clear" w:color="auto" w:fill="{fill}"/></w:tcPr>')
    if "Key Points Box" not in kept:
        table_style(define(named, "Key Points Box", T, "").element,
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
        # The bar at the margin and the text QUOTE_GAP_MM right of it, as in the PDF (house.QUOTE_*).
        ("Quote", P, "Normal", dict(italic=True, colour=house.quote_bar(s), before=4, after=10, whole=True,
                                    left=house.QUOTE_GAP_MM, right=house.QUOTE_GAP_MM)),
        ("List Bullet", P, "Normal", dict(after=3)),
        ("List Number", P, "Normal", dict(after=3)),
        ("Caption", P, "Normal", dict(heading, size=size - 1, before=8, after=4)),
        ("Table Text", P, "Normal", dict(size=size - 1, after=0, line=1.0)),
        ("Key Points Title", P, "Normal", dict(heading, size=size + 1, before=2, after=4)),
        ("After Table", P, "Normal", dict(size=4, after=6, line=1.0)),
        ("Note Entry", P, "Normal", dict(size=size - 1, after=4, left=8, hanging=8)),
        ("footnote text", P, "Normal", dict(size=size - 2, after=2, line=1.0)),
        ("Hyperlink", C, "", dict(colour=accent, underline=house.LINK_UNDERLINE)),
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


class Named:
    """A document's styles by name, as ``doc.styles[name]`` finds them, looked up in a dict.

    python-docx scans (or runs an XPath over) every style of its 160-style template for each
    lookup; defining the house styles looks up about a hundred times.
    """

    def __init__(self, doc: DocxDocument) -> None:
        self.styles = doc.styles
        self.elements: dict[str, Any] = {}
        for element in self.styles.element.style_lst:
            self.elements.setdefault(element.name_val, element)  # the first of a name, as python-docx finds it

    def __contains__(self, name: str) -> bool:
        return BabelFish.ui2internal(name) in self.elements

    def __getitem__(self, name: str) -> Any:
        element = self.elements.get(BabelFish.ui2internal(name))
        return self.styles[name] if element is None else StyleFactory(element)

    def add(self, name: str, kind: WD_STYLE_TYPE, builtin: bool) -> Any:
        """Add a style, as ``doc.styles.add_style`` does (``name`` is new)."""
        internal = BabelFish.ui2internal(name)
        element = self.styles.element.add_style_of_type(internal, kind, builtin)
        self.elements[internal] = element
        return StyleFactory(element)


def define(named: Named, name: str, kind: WD_STYLE_TYPE, base: str) -> Any:
    """Return style ``name`` cleared of the template's formatting, creating it if missing."""
    if name in named:
        style = named[name]
        for pr in style.element.findall(ox.qn("w:rPr")):
            style.element.remove(pr)
        clear_paragraph_properties(style.element.pPr)
    else:
        style = named.add(name, kind, builtin=name in WORD_BUILT_INS)
        style.element.styleId = re.sub(r"\W", "", name.title())
        heading = re.fullmatch(r"Heading (\d)", name)
        if heading:  # Word and LibreOffice take the outline level from the style
            ox.put(style.element.get_or_add_pPr(), ox.el("w:outlineLvl", val=int(heading[1]) - 1))
    if base:
        style.base_style = named[base]
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
