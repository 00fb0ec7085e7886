"""The boxed and drawn parts of a PDF brief: title block, tables, panels and figures.

``pdf.py`` walks the model and hands these blocks here. Each function takes the
render's context (``pdf.Ctx``) and returns reportlab flowables; text still goes
through ``ctx.para`` / ``ctx.text``, so it is escaped and gets its fallback fonts.
Figures are drawn natively: a coverage matrix (source × theme tiles shaded by count)
and a timeline in balanced bands; any other kind shows its data table.
"""

from __future__ import annotations

from typing import Any, Literal, Protocol

from reportlab.graphics.shapes import Circle, Drawing, Line, String
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import Flowable, HRFlowable, Image, KeepTogether, Spacer
from reportlab.platypus import Table as RLTable

from briefgen.errors import Problem, warning
from briefgen.model import Document, Figure, Inline, Meta, Table, plain_text
from briefgen.renderers import house
from briefgen.renderers.pdf.fonts import FontBook, face
from briefgen.renderers.pdf.para import Paragraph as RLParagraph


class Ctx(Protocol):
    """What this module uses of a render's state (``render.Ctx`` has it); declared here so render can import figures."""

    document: Document
    book: FontBook
    width: float
    styles: dict[str, ParagraphStyle]
    warnings: list[Problem]
    body: str
    head: str
    accent: str

    def para(self, content: tuple[Inline, ...], style: str) -> RLParagraph: ...

    def head_para(self, content: tuple[Inline, ...], style: str) -> RLParagraph: ...

    def text(self, text: str, style: str, family: str | None = None) -> RLParagraph: ...

PAD = house.QUOTE_GAP_MM * mm
"""Inner padding of panels (quotes, callouts): the house's gap from the bar to the text."""
TIMELINE_BAND = 4
"""Most events in one band of a timeline."""


def title_block(meta: Meta, ctx: Ctx) -> list[Flowable]:
    """The title, subtitle, a meta line "Audience · Date · Author" and a rule."""
    flows: list[Flowable] = []
    logo, why = house.logo(ctx.document.style)
    if logo is not None:
        align: dict[str, Literal["LEFT", "CENTER", "RIGHT"]] = {"left": "LEFT", "centre": "CENTER", "right": "RIGHT"}
        flows.append(Image(logo.path, width=logo.width_mm * mm, height=logo.height_mm * mm, hAlign=align[logo.align]))
    elif why:
        ctx.warnings.append(warning("pdf.logo", why))
    flows.append(ctx.text(meta.title, "title", ctx.head))
    if meta.subtitle:
        flows.append(ctx.text(meta.subtitle, "subtitle", ctx.head))
    line = meta.byline()
    if line:
        flows.append(ctx.text(line, "metaline", ctx.head))
    flows.append(HRFlowable(width="100%", thickness=1.2, color=colors.HexColor(ctx.accent),
                            spaceBefore=2 * mm, spaceAfter=5 * mm))
    return flows


# ---------------------------------------------------------------- tables and panels


def widths(relative: tuple[float, ...], columns: int, total: float) -> list[float]:
    """Return column widths in points from relative widths (equal when absent)."""
    if len(relative) != columns or sum(relative) <= 0:
        relative = (1.0,) * columns
    return [total * w / sum(relative) for w in relative]


def table(node: Table, ctx: Ctx) -> list[Flowable]:
    """A data table: caption above, shaded header repeated on each page, wrapping cells."""
    caption: list[Flowable] = [ctx.text(node.caption, "caption", ctx.head)] if node.caption else []
    columns = max([len(node.header)] + [len(row) for row in node.rows])
    if not columns:
        return caption
    head = [ctx.head_para(c, "cell_head") for c in node.header]
    body = [[ctx.para(c, "cell") for c in row] for row in node.rows]
    data = [row + [""] * (columns - len(row)) for row in [head] + body]
    style = ctx.document.style
    # Rows split only between rows (splitInRow=0), the header row repeated on each page.
    grid = RLTable(data, colWidths=widths(node.widths, columns, ctx.width), repeatRows=1,
                   splitInRow=0, hAlign="LEFT", style=[
                       ("FONTNAME", (0, 0), (-1, -1), face(ctx.body)),
                       ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(style.callout_fill)),
                       ("LINEABOVE", (0, 0), (-1, 0), 1, colors.HexColor(style.accent)),
                       ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.HexColor(style.accent)),
                       ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#C8CDD4")),
                       ("LINEBELOW", (0, -1), (-1, -1), 1, colors.HexColor(style.accent)),
                       ("VALIGN", (0, 0), (-1, -1), "TOP"),
                       ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)])
    return caption + [grid, Spacer(0, 3 * mm)]


def panel(flowables: list[Flowable], ctx: Ctx, bar: str, fill: str | None = None,
          whole: bool = False) -> RLTable:
    """A one-cell box with a coloured bar on its left (the house's quote bar); it may split across pages unless ``whole``."""
    commands: list[Any] = [("FONTNAME", (0, 0), (-1, -1), face(ctx.body)),
                ("LINEBEFORE", (0, 0), (0, -1), house.QUOTE_BAR_PT, colors.HexColor(bar)),
                ("LEFTPADDING", (0, 0), (-1, -1), PAD), ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
                ("TOPPADDING", (0, 0), (-1, -1), PAD * 0.7),
                ("BOTTOMPADDING", (0, 0), (-1, -1), PAD * (0.5 if fill else 0.1))]
    if fill:
        commands.append(("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(fill)))
    return RLTable([[flowables]], colWidths=[ctx.width], splitInRow=0 if whole else 1, style=commands)


# ---------------------------------------------------------------- figures


def figure(node: Figure, ctx: Ctx) -> list[Flowable]:
    """A figure drawn natively under its numbered caption (the link target of ``node.anchor``).

    Captions go above, for figures and tables alike, under the sentence that refers to the
    figure (``node.lead``); unknown kinds show their data table.
    """
    if node.kind == "coverage":
        drawn: list[Flowable] = [coverage(node.data, ctx)]
    elif node.kind == "timeline":
        drawn = timeline(node.data, ctx)
    else:
        ctx.warnings.append(warning("pdf.figure", f"figure kind {node.kind!r} is not drawn; showing its data"))
        drawn = table(node.data, ctx)[:-1]
    target = f'<a name="{node.anchor}"/>' if node.anchor else ""
    caption = [RLParagraph(target + ctx.book.markup(node.caption, ctx.head), ctx.styles["caption"])]
    lead = [ctx.para(node.lead, "body")] if node.lead else []  # "Figure 1 counts…": on the figure's page
    return [KeepTogether(lead + caption + drawn), Spacer(0, 4 * mm)]


def coverage(data: Table, ctx: Ctx) -> RLTable:
    """A source × theme matrix: each count a tile shaded from white to the accent colour."""
    head = [ctx.head_para(c, "tile_head" if i else "cell_head")
            for i, c in enumerate(data.header)]
    commands: list[Any]
    rows, commands = [head], [("FONTNAME", (0, 0), (-1, -1), face(ctx.body)),
                              ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                              ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.HexColor(ctx.accent)),
                              ("GRID", (0, 1), (-1, -1), house.COVERAGE_GAP_PT, colors.white)]
    for r, (row, shares) in enumerate(zip(data.rows, house.tile_shares(data), strict=True), start=1):
        rows.append([ctx.para(row[0], "cell")])
        for c, (cell, share) in enumerate(zip(row[1:], shares, strict=True), start=1):
            rows[-1].append(ctx.para(cell, "tile_dark" if share > house.HEAT_DARK else "tile"))
            commands.append(("BACKGROUND", (c, r), (c, r), colors.HexColor(house.heat_colour(share, ctx.accent))))
    columns = max(len(row) for row in rows)
    first = ctx.width * (0.3 if columns > 1 else 1.0)
    tile = min((ctx.width - first) / max(columns - 1, 1), 32 * mm)
    col_widths = [first] + [tile] * (columns - 1)
    return RLTable([row + [""] * (columns - len(row)) for row in rows], colWidths=col_widths,
                   style=commands, hAlign="LEFT")


def timeline(data: Table, ctx: Ctx) -> list[Flowable]:
    """A horizontal timeline in balanced bands of up to four events: dates above, events below."""
    return list(timeline_bands(data, Pen(ctx.book, ctx.body, ctx.head, ctx.accent, ctx.styles["cell"].fontSize), ctx.width))


class Pen:
    """What a drawn figure writes with: the font book, families, accent colour and text size."""

    def __init__(self, book: FontBook, body: str, head: str, accent: str, size: float) -> None:
        self.book, self.body, self.head, self.accent, self.size = book, body, head, accent, size


def timeline_bands(data: Table, pen: Pen, width: float) -> list[Drawing]:
    """The timeline's bands as drawings ``width`` wide: the PDF places them, the DOCX shows them as images."""
    rows = [(plain_text(r[0]), plain_text(r[1]) if len(r) > 1 else "") for r in data.rows]
    count = -(-len(rows) // TIMELINE_BAND)  # bands needed
    slots = -(-len(rows) // max(count, 1)) or 1  # events per band, balanced
    bands = [rows[i:i + slots] for i in range(0, len(rows), slots)]
    return [timeline_band(band, slots, pen, width) for band in bands or [[]]]


def timeline_band(rows: list[tuple[str, str]], slots: int, pen: Pen, width: float) -> Drawing:
    """One band of the timeline: a line with a dot, a date and a wrapped event per slot."""
    size, slot, book = pen.size, width / slots, pen.book
    events = [simpleSplit(e, book.single_font(e, pen.body), size, slot - 8) for _, e in rows]
    events = [lines[:7] + (["…"] if len(lines) > 7 else []) for lines in events]
    height = 32 + max((len(e) for e in events), default=1) * size * 1.2
    line_y, accent = height - 18, colors.HexColor(pen.accent)
    drawing = Drawing(width, height, initialFontName=face(pen.body), initialFontSize=size)
    drawing.add(Line(0, line_y, slot * max(len(rows), 1), line_y, strokeColor=accent,
                     strokeWidth=1.2))
    for i, ((date, _), lines) in enumerate(zip(rows, events, strict=True)):
        x = slot * (i + 0.5)
        drawing.add(Circle(x, line_y, 3.2, fillColor=accent, strokeColor=colors.white))
        drawing.add(String(x, line_y + 7, date, textAnchor="middle", fontSize=size,
                           fontName=book.single_font(date, pen.head, bold=True),
                           fillColor=accent))
        for n, text in enumerate(lines, start=1):
            drawing.add(String(x, line_y - 6 - n * size * 1.2, text, textAnchor="middle",
                               fontName=book.single_font(text, pen.body), fontSize=size))
    return drawing
