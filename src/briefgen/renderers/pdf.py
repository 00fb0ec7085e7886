"""The PDF renderer: the document model drawn with reportlab platypus.

Every text segment goes through ``FontBook.markup``, which escapes it (reportlab
reads Paragraph text as markup and silently mangles ``R&D`` or ``x<y``) and
wraps characters the body font lacks in a fallback font. Footnotes go to the
foot of their marker's page (``pdf_notes``); headings feed the outline and the
table of contents; "Page X of Y" comes from a form XObject. The same document
gives the same bytes (``invariant=1``).
"""

from __future__ import annotations

import functools
import io
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import assert_never
from xml.sax.saxutils import quoteattr

from reportlab.graphics.shapes import Circle, Drawing, Line, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import Flowable, HRFlowable, Image, KeepTogether, Spacer
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import Table as RLTable
from reportlab.platypus.tableofcontents import TableOfContents as RLTableOfContents

from briefgen.model import (
    Block, BulletList, Callout, Cite, Document, Emph, Figure, Footnote, Heading, Inline, Link,
    Marker, Meta, NoteList, Paragraph, Quote, Strong, Table, TableOfContents, Text, plain_text,
)
from briefgen.renderers import Rendered
from briefgen.renderers.pdf_fonts import FontBook, face, make_styles, text_width
from briefgen.renderers.pdf_notes import BriefCanvas, BriefDoc, Furniture, marker_tag

NAME = "pdf"
SUFFIX = ".pdf"
HANDLED_BLOCKS: tuple[type, ...] = (
    Heading, Paragraph, BulletList, Quote, Table, Callout, NoteList, TableOfContents, Figure,
)
HANDLED_INLINES: tuple[type, ...] = (Text, Strong, Emph, Link, Cite, Footnote, Marker)
PAGE_SIZES = {"A4": A4, "LETTER": LETTER}
SAFE_DEST = re.compile(r"[A-Za-z][A-Za-z0-9_.:-]*")
CONTENTS = {"en": "Contents", "fr": "Sommaire", "de": "Inhalt", "es": "Índice", "zh": "目录"}
PAD = 3.5 * mm
TIMELINE_BAND = 4


@dataclass(frozen=True)
class Fmt:
    """The inline formatting in force: font family, bold, italic, inside a note."""

    family: str
    bold: bool = False
    italic: bool = False
    in_note: bool = False


@dataclass
class Ctx:
    """The state of one render."""

    document: Document
    book: FontBook
    width: float
    styles: dict[str, ParagraphStyle] = field(init=False)
    notes: dict[str, RLParagraph] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    toc_depth: int = 0

    def __post_init__(self) -> None:
        self.styles = make_styles(self.document.style, self.book)
        self.body = self.book.family(self.document.style.body_font)
        self.head = self.book.family(self.document.style.heading_font)
        self.accent = self.document.style.accent

    def para(self, content: tuple[Inline, ...], style: str, fmt: Fmt | None = None) -> RLParagraph:
        """Return a Paragraph of inline content in the named style."""
        return RLParagraph(inlines(content, self, fmt or Fmt(self.body)), self.styles[style])

    def text(self, text: str, style: str, family: str | None = None) -> RLParagraph:
        """Return a Paragraph of plain text in the named style."""
        return RLParagraph(self.book.markup(text, family or self.body), self.styles[style])


def dest(anchor: str) -> str:
    """Return the PDF destination name of a model anchor (kept when it is a plain name)."""
    if SAFE_DEST.fullmatch(anchor) and not anchor.startswith("bg"):
        return anchor
    return "bg" + anchor.encode().hex()


def anchor(name: str) -> str:
    """Return the model anchor of a destination name (the inverse of ``dest``)."""
    try:
        return bytes.fromhex(name[2:]).decode() if name.startswith("bg") else name
    except ValueError:
        return name


# ---------------------------------------------------------------- inlines


def inlines(content: tuple[Inline, ...], ctx: Ctx, fmt: Fmt) -> str:
    """Return the Paragraph markup of a run of inline content."""
    return "".join(inline(node, ctx, fmt) for node in content)


def inline(node: Inline, ctx: Ctx, fmt: Fmt) -> str:
    """Return the Paragraph markup of one inline node."""
    match node:
        case Text():
            return ctx.book.markup(node.text, fmt.family, fmt.bold, fmt.italic)
        case Strong():
            return f"<b>{inlines(node.content, ctx, replace(fmt, bold=True))}</b>"
        case Emph():
            return f"<i>{inlines(node.content, ctx, replace(fmt, italic=True))}</i>"
        case Link():
            return link(target(node.url), inlines(node.content, ctx, fmt), ctx)
        case Cite():
            raise ValueError(f"unresolved citation {'; '.join(node.keys)}: "
                             "run the citation transforms before rendering")
        case Footnote():
            return footnote(node, ctx, fmt)
        case Marker():
            text = link(target("#" + node.anchor), ctx.book.markup(node.label, fmt.family), ctx)
            return f"<super>{text}</super>" if node.superscript else text
        case _:
            assert_never(node)


def target(url: str) -> str:
    """Return the link target of a model URL: a destination for ``#anchor``, else the URL."""
    return "#" + dest(url[1:]) if url.startswith("#") else url


def link(href: str, markup: str, ctx: Ctx) -> str:
    """Wrap markup in a link to ``href`` (a URL or ``#destination``)."""
    return f'<a href={quoteattr(href)} color="{ctx.accent}">{markup}</a>'


def footnote(node: Footnote, ctx: Ctx, fmt: Fmt) -> str:
    """Register a note for the foot of the page and return its marker."""
    if fmt.in_note:  # a note inside a note: keep its text in brackets
        return " (" + inlines(node.content, ctx, fmt) + ")"
    key = str(len(ctx.notes) + 1)
    label = ctx.book.markup(node.label, ctx.body)
    text = inlines(node.content, ctx, Fmt(ctx.body, in_note=True))
    ctx.notes[key] = RLParagraph(f'<bullet>{label}</bullet><a name="bgfn{key}"/>{text}',
                                 ctx.styles["note"])
    mark = link(f"#bgfn{key}", ctx.book.markup(node.label, fmt.family), ctx)
    return f"{marker_tag(key)}<super>{mark}</super>"


# ---------------------------------------------------------------- blocks


def block(node: Block, ctx: Ctx) -> list[Flowable]:
    """Return the flowables of one block."""
    match node:
        case Heading():
            return heading(node, ctx)
        case Paragraph():
            return [ctx.para(node.content, "body")]
        case BulletList():
            return bullet_list(node, ctx)
        case Quote():
            quote = ctx.para(node.content, "quote", Fmt(ctx.body, italic=True))
            return [panel([quote], ctx, bar=ctx.document.style.muted), Spacer(0, 3 * mm)]
        case Table():
            return table(node, ctx)
        case Callout():
            return callout(node, ctx)
        case NoteList():
            return note_list(node, ctx)
        case TableOfContents():
            return contents(node, ctx)
        case Figure():
            return figure(node, ctx)
        case _:
            assert_never(node)


def heading(node: Heading, ctx: Ctx) -> list[Flowable]:
    """A heading: a named destination, an outline entry and a TOC entry (via afterFlowable)."""
    level = min(max(node.level, 1), 3)
    name = dest(node.anchor)
    text = inlines(node.content, ctx, Fmt(ctx.head, bold=True))
    para = RLParagraph(f'<a name="{name}"/>{text}', ctx.styles[f"h{level}"])
    title = heading_title(node.content)
    para.bg_heading = (max(node.level, 1), title, ctx.book.markup(title, ctx.head), name)
    return [para]


def heading_title(content: tuple[Inline, ...]) -> str:
    """Return a heading's text for the outline and TOC, without note markers."""
    kept = tuple(n for n in content if not isinstance(n, (Footnote, Marker, Cite)))
    return plain_text(kept).strip()


def bullet_list(node: BulletList, ctx: Ctx) -> list[Flowable]:
    """A list: one paragraph per item with a hanging bullet or number."""
    items: list[Flowable] = []
    for number, item in enumerate(node.items, start=1):
        bullet = f"{number}." if node.ordered else "•"
        items.append(RLParagraph(f"<bullet>{bullet}</bullet>{inlines(item, ctx, Fmt(ctx.body))}",
                                 ctx.styles["bullet"]))
    return items + [Spacer(0, 1.5 * mm)]


def widths(relative: tuple[float, ...], columns: int, total: float) -> list[float]:
    """Return column widths in points from relative widths (equal when absent)."""
    if len(relative) != columns or sum(relative) <= 0:
        relative = (1.0,) * columns
    return [total * w / sum(relative) for w in relative]


def table(node: Table, ctx: Ctx) -> list[Flowable]:
    """A data table: caption above, shaded header repeated on each page, wrapping cells."""
    caption = [ctx.text(node.caption, "caption", ctx.head)] if node.caption else []
    columns = max([len(node.header)] + [len(row) for row in node.rows])
    if not columns:
        return caption
    head = [ctx.para(c, "cell_head", Fmt(ctx.head, bold=True)) for c in node.header]
    body = [[ctx.para(c, "cell") for c in row] for row in node.rows]
    data = [row + [""] * (columns - len(row)) for row in [head] + body]
    style = ctx.document.style
    grid = RLTable(data, colWidths=widths(node.widths, columns, ctx.width), repeatRows=1,
                   splitInRow=1, hAlign="LEFT", style=[
                       ("FONTNAME", (0, 0), (-1, -1), face(ctx.body)),
                       ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(style.callout_fill)),
                       ("LINEABOVE", (0, 0), (-1, 0), 1, colors.HexColor(style.accent)),
                       ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.HexColor(style.accent)),
                       ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#C8CDD4")),
                       ("LINEBELOW", (0, -1), (-1, -1), 1, colors.HexColor(style.accent)),
                       ("VALIGN", (0, 0), (-1, -1), "TOP"),
                       ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)])
    return caption + [grid, Spacer(0, 3 * mm)]


def panel(flowables: list[Flowable], ctx: Ctx, bar: str, fill: str | None = None) -> RLTable:
    """A one-cell box with a coloured bar on its left; it may split across pages."""
    commands = [("FONTNAME", (0, 0), (-1, -1), face(ctx.body)),
                ("LINEBEFORE", (0, 0), (0, -1), 2.5, colors.HexColor(bar)),
                ("LEFTPADDING", (0, 0), (-1, -1), PAD), ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
                ("TOPPADDING", (0, 0), (-1, -1), PAD * 0.7),
                ("BOTTOMPADDING", (0, 0), (-1, -1), PAD * (0.5 if fill else 0.1))]
    if fill:
        commands.append(("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(fill)))
    return RLTable([[flowables]], colWidths=[ctx.width], splitInRow=1, style=commands)


def callout(node: Callout, ctx: Ctx) -> list[Flowable]:
    """A shaded box with a title and its own blocks (notes inside are scanned in the cell)."""
    outer = ctx.width
    ctx.width = outer - 2 * PAD
    try:
        inner = [ctx.text(node.title, "callout_title", ctx.head)]
        inner += [f for child in node.content for f in block(child, ctx)]
    finally:
        ctx.width = outer
    style = ctx.document.style
    return [panel(inner, ctx, bar=style.accent, fill=style.callout_fill), Spacer(0, 4 * mm)]


def note_list(node: NoteList, ctx: Ctx) -> list[Flowable]:
    """Endnotes or references: anchored entries with their label hanging in the margin."""
    size = ctx.styles["entry"].fontSize
    labels = [ctx.book.markup(e.label, ctx.body) for e in node.entries]
    indent = max((text_width(ctx.book, e.label, (ctx.body, size)) for e in node.entries),
                 default=0.0)
    hang = indent + 2 * mm if indent else 6 * mm
    style = ParagraphStyle("entry-list", parent=ctx.styles["entry"], leftIndent=hang,
                           firstLineIndent=0 if indent else -hang)
    paras: list[Flowable] = []
    for entry, label in zip(node.entries, labels):
        bullet = f"<bullet>{label}</bullet>" if entry.label else ""
        text = inlines(entry.content, ctx, Fmt(ctx.body))
        paras.append(RLParagraph(f'{bullet}<a name="{dest(entry.anchor)}"/>{text}', style))
    return paras


def contents(node: TableOfContents, ctx: Ctx) -> list[Flowable]:
    """A table of contents of headings down to ``depth``, linked, with page numbers."""
    ctx.toc_depth = max(ctx.toc_depth, node.depth)
    title = CONTENTS.get(ctx.document.meta.lang[:2].lower(), CONTENTS["en"])
    toc = RLTableOfContents(levelStyles=[ctx.styles[f"toc{i}"] for i in range(3)],
                            dotsMinLevel=0, rightColumnWidth=12 * mm, tableStyle=[
                                ("FONTNAME", (0, 0), (-1, -1), face(ctx.body)),
                                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                ("RIGHTPADDING", (0, 0), (-1, -1), 0)])
    return [ctx.text(title, "contents", ctx.head), toc, Spacer(0, 4 * mm)]


# ---------------------------------------------------------------- figures


def figure(node: Figure, ctx: Ctx) -> list[Flowable]:
    """A figure drawn natively, its caption below; unknown kinds show their data table."""
    if node.kind == "coverage":
        drawn: list[Flowable] = [coverage(node.data, ctx)]
    elif node.kind == "timeline":
        drawn = timeline(node.data, ctx)
    else:
        ctx.warnings.append(f"pdf: figure kind {node.kind!r} is not drawn; showing its data")
        drawn = table(node.data, ctx)[:-1]
    caption = [ctx.text(node.caption, "figcaption", ctx.head)] if node.caption else []
    return [KeepTogether(drawn + caption)]


def number(cell: tuple[Inline, ...]) -> float:
    """Return the number written in a cell, or 0."""
    try:
        return float(plain_text(cell).strip().replace(",", ""))
    except ValueError:
        return 0.0


def coverage(data: Table, ctx: Ctx) -> RLTable:
    """A source × theme matrix: each count a tile shaded from white to the accent colour."""
    top = max((number(c) for row in data.rows for c in row[1:]), default=0.0) or 1.0
    head = [ctx.para(c, "tile_head" if i else "cell_head", Fmt(ctx.head, bold=True))
            for i, c in enumerate(data.header)]
    rows, commands = [head], [("FONTNAME", (0, 0), (-1, -1), face(ctx.body)),
                              ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                              ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.HexColor(ctx.accent)),
                              ("GRID", (0, 1), (-1, -1), 1.5, colors.white)]
    for r, row in enumerate(data.rows, start=1):
        rows.append([ctx.para(row[0], "cell")])
        for c, cell in enumerate(row[1:], start=1):
            share = number(cell) / top
            rows[-1].append(ctx.para(cell, "tile_dark" if share > 0.55 else "tile"))
            commands.append(("BACKGROUND", (c, r), (c, r), colors.linearlyInterpolatedColor(
                colors.HexColor("#F2F4F7"), colors.HexColor(ctx.accent), 0, 1, share)))
    columns = max(len(row) for row in rows)
    first = ctx.width * (0.3 if columns > 1 else 1.0)
    tile = min((ctx.width - first) / max(columns - 1, 1), 32 * mm)
    col_widths = [first] + [tile] * (columns - 1)
    return RLTable([row + [""] * (columns - len(row)) for row in rows], colWidths=col_widths,
                   style=commands, hAlign="LEFT")


def timeline(data: Table, ctx: Ctx) -> list[Flowable]:
    """A horizontal timeline in balanced bands of up to four events: dates above, events below."""
    rows = [(plain_text(r[0]), plain_text(r[1]) if len(r) > 1 else "") for r in data.rows]
    count = -(-len(rows) // TIMELINE_BAND)  # bands needed
    slots = -(-len(rows) // max(count, 1)) or 1  # events per band, balanced
    bands = [rows[i:i + slots] for i in range(0, len(rows), slots)]
    return [timeline_band(band, slots, ctx) for band in bands or [[]]]


def timeline_band(rows: list[tuple[str, str]], slots: int, ctx: Ctx) -> Drawing:
    """One band of the timeline: a line with a dot, a date and a wrapped event per slot."""
    size, slot = ctx.styles["cell"].fontSize, ctx.width / slots
    events = [simpleSplit(e, ctx.book.single_font(e, ctx.body), size, slot - 8) for _, e in rows]
    events = [lines[:7] + (["…"] if len(lines) > 7 else []) for lines in events]
    height = 32 + max((len(e) for e in events), default=1) * size * 1.2
    line_y, accent = height - 18, colors.HexColor(ctx.accent)
    drawing = Drawing(ctx.width, height, initialFontName=face(ctx.body), initialFontSize=size)
    drawing.add(Line(0, line_y, slot * max(len(rows), 1), line_y, strokeColor=accent,
                     strokeWidth=1.2))
    for i, ((date, _), lines) in enumerate(zip(rows, events)):
        x = slot * (i + 0.5)
        drawing.add(Circle(x, line_y, 3.2, fillColor=accent, strokeColor=colors.white))
        drawing.add(String(x, line_y + 7, date, textAnchor="middle", fontSize=size,
                           fontName=ctx.book.single_font(date, ctx.head, bold=True),
                           fillColor=accent))
        for n, text in enumerate(lines, start=1):
            drawing.add(String(x, line_y - 6 - n * size * 1.2, text, textAnchor="middle",
                               fontName=ctx.book.single_font(text, ctx.body), fontSize=size))
    return drawing


# ---------------------------------------------------------------- document


def title_block(meta: Meta, ctx: Ctx) -> list[Flowable]:
    """The title, subtitle, a meta line "Audience · Date · Author" and a rule."""
    flows: list[Flowable] = []
    logo = ctx.document.style.logo
    if logo and Path(logo).is_file():
        image = Image(logo)
        image.drawWidth, image.drawHeight = image.imageWidth * 14 * mm / image.imageHeight, 14 * mm
        image.hAlign = "RIGHT"
        flows.append(image)
    elif logo:
        ctx.warnings.append(f"pdf: logo {logo} not found; the title block has none")
    flows.append(ctx.text(meta.title, "title", ctx.head))
    if meta.subtitle:
        flows.append(ctx.text(meta.subtitle, "subtitle", ctx.head))
    line = " · ".join(p for p in (meta.audience, meta.date, ", ".join(meta.author)) if p)
    if line:
        flows.append(ctx.text(line, "metaline", ctx.head))
    flows.append(HRFlowable(width="100%", thickness=1.2, color=colors.HexColor(ctx.accent),
                            spaceBefore=2 * mm, spaceAfter=5 * mm))
    return flows


def render(document: Document) -> Rendered:
    """Render the document to PDF bytes, with warnings and the page count."""
    style, meta = document.style, document.meta
    pagesize = PAGE_SIZES.get(style.page_size.upper(), A4)
    top, right, bottom, left = (m * mm for m in style.margins_mm)
    ctx = Ctx(document, FontBook(), pagesize[0] - left - right)
    story = title_block(meta, ctx) + [f for node in document.body for f in block(node, ctx)]
    furniture = Furniture(ctx.book, pagesize, (top, right, bottom, left), ctx.head, style.muted,
                          meta.marking, style.header_text, style.footer_text, meta.draft)
    buffer = io.BytesIO()
    doc = BriefDoc(buffer, note=ctx.notes.__getitem__, rule=colors.HexColor(style.muted),
                   page_begin=furniture.begin, page_end=furniture.end, toc_depth=ctx.toc_depth,
                   pagesize=pagesize, topMargin=top, rightMargin=right, bottomMargin=bottom,
                   leftMargin=left, title=meta.title, author=", ".join(meta.author),
                   subject=meta.subject, keywords=list(meta.keywords), creator="briefgen",
                   producer="briefgen", lang=meta.lang, invariant=1,
                   initialFontName=face(ctx.body))
    maker = functools.partial(BriefCanvas, total_font=(ctx.head, 8.0, style.muted))
    try:
        doc.multiBuild(story, canvasmaker=maker)
    except ValueError as error:  # reportlab resolves destinations at save time
        found = re.search(r"undefined destination target for '(.*)'", str(error))
        if found is None:
            raise
        raise ValueError(f"pdf: a link or marker points to anchor {anchor(found[1])!r}, "
                         "which no Heading or Entry defines") from error
    warnings = tuple(ctx.warnings) + ctx.book.warnings()
    return Rendered(buffer.getvalue(), warnings, doc.page)
