"""The PDF renderer: the document model drawn with reportlab platypus.

Every text segment goes through ``FontBook.markup``, which escapes it (reportlab
reads Paragraph text as markup and silently mangles ``R&D`` or ``x<y``) and
wraps characters the body font lacks in a fallback font. Footnotes go to the
foot of their marker's page (``notes``, ``page``); inline content is ``inlines``; headings feed the outline and the
table of contents; "Page X of Y" comes from a form XObject. The title block,
tables, panels and figures are drawn by ``pdf_figures``. The same document gives
the same bytes (``invariant=1``).
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Callable
from typing import assert_never

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer
from reportlab.platypus.tableofcontents import TableOfContents as RLTableOfContents

from briefgen.model import (
    Block,
    BulletList,
    Callout,
    Document,
    Figure,
    Heading,
    NoteList,
    Paragraph,
    Quote,
    Table,
    TableOfContents,
    heading_text,
)
from briefgen.renderers import SUFFIXES, Rendered, house
from briefgen.renderers.pdf import accel, lazyre
from briefgen.renderers.pdf.figures import PAD, figure, panel, table, title_block
from briefgen.renderers.pdf.fonts import FontBook, face, text_width
from briefgen.renderers.pdf.inlines import Ctx, Fmt, anchor, dest, inlines  # noqa: F401  (Ctx, Fmt: the render's names)
from briefgen.renderers.pdf.page import BriefCanvas, BriefDoc, Furniture
from briefgen.renderers.pdf.para import Paragraph as RLParagraph

INTRODUCED = (Quote, Table, Figure)
"""Blocks that keep the paragraph before them (which introduces them) on their page."""
SUFFIX = SUFFIXES["pdf"]


# ---------------------------------------------------------------- blocks


def flowables(blocks: tuple[Block, ...], ctx: Ctx) -> list[Flowable]:
    """Return the flowables of ``blocks``; a paragraph that introduces a quote, table or figure keeps with it."""
    out: list[Flowable] = []
    for node, after in zip(blocks, (*blocks[1:], None), strict=True):
        drawn = block(node, ctx)
        if isinstance(node, Paragraph) and isinstance(after, INTRODUCED):
            drawn[-1].keepWithNext = 1
        out += drawn
    return out


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
            # Kept whole (a split quote can leave a stub of its bar at a page foot), and not
            # in a KeepTogether, so the paragraph before it can keep with it.
            return [panel([quote], ctx, bar=house.quote_bar(ctx.document.style), whole=True), Spacer(0, 3 * mm)]
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
    title = heading_text(node.content)
    para.bg_heading = (max(node.level, 1), title, ctx.book.markup(title, ctx.head), name)  # type: ignore[attr-defined]  # read back by BriefDoc
    return [para]


def bullet_list(node: BulletList, ctx: Ctx) -> list[Flowable]:
    """A list: one paragraph per item with a hanging bullet or number."""
    items: list[Flowable] = []
    for number, item in enumerate(node.items, start=1):
        bullet = f"{number}." if node.ordered else "•"
        items.append(RLParagraph(f"<bullet>{bullet}</bullet>{inlines(item, ctx, Fmt(ctx.body))}",
                                 ctx.styles["bullet"]))
    return items + [Spacer(0, 1.5 * mm)]


def callout(node: Callout, ctx: Ctx) -> list[Flowable]:
    """A shaded box with a title and its own blocks (notes inside are scanned in the cell)."""
    outer = ctx.width
    ctx.width = outer - 2 * PAD
    try:
        inner: list[Flowable] = [ctx.text(node.title, "callout_title", ctx.head)]
        inner += flowables(node.content, ctx)
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
    for entry, label in zip(node.entries, labels, strict=True):
        bullet = f"<bullet>{label}</bullet>" if entry.label else ""
        text = inlines(entry.content, ctx, Fmt(ctx.body))
        paras.append(RLParagraph(f'{bullet}<a name="{dest(entry.anchor)}"/>{text}', style))
    return paras


def contents(node: TableOfContents, ctx: Ctx) -> list[Flowable]:
    """A table of contents of headings down to ``depth``, linked, with page numbers."""
    ctx.toc_depth = max(ctx.toc_depth, node.depth)
    title = ctx.document.meta.label("contents")
    toc = RLTableOfContents(levelStyles=[ctx.styles[f"toc{i}"] for i in range(3)],
                            dotsMinLevel=0, rightColumnWidth=12 * mm, tableStyle=[  # type: ignore[arg-type]  # a list works
                                ("FONTNAME", (0, 0), (-1, -1), face(ctx.body)),
                                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                ("RIGHTPADDING", (0, 0), (-1, -1), 0)])
    return [ctx.text(title, "contents", ctx.head), toc, Spacer(0, 4 * mm)]


# ---------------------------------------------------------------- document


def preload() -> None:
    """Register the fonts now (batch workers forked afterwards start with them)."""
    FontBook()


def warm_steps(every: bool = False) -> list[Callable[[], object]]:
    """What a first render would do that no brief's content decides, as steps, for a process with time to spare
    before its brief: compiling the patterns reportlab compiles at their first use (a URL to break, a word to
    hyphenate). The five every brief compiles (``renderers.ahead``, between messages), or ``every`` one
    (``briefgen.farm``, before a batch's first brief: a CJK or rarer pattern later costs nothing either)."""
    return [pattern.compiled for pattern in lazyre.pending(every)]


def render(document: Document) -> Rendered:
    """Render the document to PDF bytes, with warnings and the page count."""
    accel.fresh_widths()
    accel.fresh_numbers()
    style, meta = document.style, document.meta
    width_mm, height_mm = house.page_size_mm(style.page_size)
    pagesize = (width_mm * mm, height_mm * mm)
    top, right, bottom, left = (m * mm for m in style.margins_mm)
    ctx = Ctx(document, FontBook(), pagesize[0] - left - right)
    story = title_block(meta, ctx) + flowables(document.body, ctx)
    furniture = Furniture(ctx.book, pagesize, (top, right, bottom, left), ctx.head, style.muted,
                          meta.marking, style.header_text, style.footer_text, meta.draft,
                          page_of=meta.label("page_of"))
    buffer = io.BytesIO()
    doc = BriefDoc(buffer, note=ctx.notes.__getitem__, rule=colors.HexColor(style.muted),
                   page_begin=furniture.begin, page_end=furniture.end, toc_depth=ctx.toc_depth,
                   pagesize=pagesize, topMargin=top, rightMargin=right, bottomMargin=bottom,
                   leftMargin=left, title=meta.title, author=", ".join(meta.author),
                   subject=meta.subject, keywords=list(meta.keywords), creator="briefgen",
                   producer="briefgen", lang=meta.lang, invariant=1,
                   initialFontName=face(ctx.body))
    maker = functools.partial(BriefCanvas, total_font=(ctx.head, 8.0, style.muted), book=ctx.book,
                              total_after=meta.label("page_of").partition("{pages}")[2])
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
