"""Inline content in the PDF: the render's state and the Paragraph markup of every inline node.

Every text segment goes through ``FontBook.markup``, which escapes it (reportlab reads
Paragraph text as markup and silently mangles ``R&D`` or ``x<y``) and wraps characters the
body font lacks in a fallback font. A footnote registers its note with the render and
leaves a marker the footnote frame finds (``notes.marker_tag``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import assert_never
from xml.sax.saxutils import quoteattr

from reportlab.lib.styles import ParagraphStyle

from briefgen.errors import Problem
from briefgen.model import Cite, Document, Emph, Footnote, Inline, Link, Marker, Strong, Text
from briefgen.renderers import house
from briefgen.renderers.pdf.fonts import FontBook, make_styles
from briefgen.renderers.pdf.notes import marker_tag
from briefgen.renderers.pdf.para import Paragraph as RLParagraph

SAFE_DEST = re.compile(r"[A-Za-z][A-Za-z0-9_.:-]*")


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
    warnings: list[Problem] = field(default_factory=list)
    toc_depth: int = 0

    def __post_init__(self) -> None:
        self.styles = make_styles(self.document.style, self.book)
        self.body = self.book.family(self.document.style.body_font)
        self.head = self.book.family(self.document.style.heading_font)
        self.accent = self.document.style.accent

    def para(self, content: tuple[Inline, ...], style: str, fmt: Fmt | None = None) -> RLParagraph:
        """Return a Paragraph of inline content in the named style."""
        return RLParagraph(inlines(content, self, fmt or Fmt(self.body)), self.styles[style])

    def head_para(self, content: tuple[Inline, ...], style: str) -> RLParagraph:
        """Return a Paragraph of inline content in the heading font, bold (table headers)."""
        return self.para(content, style, Fmt(self.head, bold=True))

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
            text = link(target("#" + node.anchor), ctx.book.markup(node.label, fmt.family), ctx, marker=True)
            return f"<super>{text}</super>" if node.superscript else text
        case _:
            assert_never(node)


def target(url: str) -> str:
    """Return the link target of a model URL: a destination for ``#anchor``, else the URL."""
    return "#" + dest(url[1:]) if url.startswith("#") else url


def link(href: str, markup: str, ctx: Ctx, marker: bool = False) -> str:
    """Wrap markup in a link to ``href`` (a URL or ``#destination``): accent-coloured, or the text's
    colour for a citation marker (``house.LINK_UNDERLINE`` says why)."""
    colour = "" if marker else f' color="{ctx.accent}"'
    underline = ' underline="1"' if house.LINK_UNDERLINE and not marker else ""
    return f'<a href={quoteattr(href)}{colour}{underline}>{markup}</a>'


def footnote(node: Footnote, ctx: Ctx, fmt: Fmt) -> str:
    """Register a note for the foot of the page and return its marker."""
    if fmt.in_note:  # a note inside a note: keep its text in brackets
        return " (" + inlines(node.content, ctx, fmt) + ")"
    key = str(len(ctx.notes) + 1)
    label = ctx.book.markup(node.label, ctx.body)
    text = inlines(node.content, ctx, Fmt(ctx.body, in_note=True))
    ctx.notes[key] = RLParagraph(f'<bullet>{label}</bullet><a name="bgfn{key}"/>{text}',
                                 ctx.styles["note"])
    mark = link(f"#bgfn{key}", ctx.book.markup(node.label, fmt.family), ctx, marker=True)
    return f"{marker_tag(key)}<super>{mark}</super>"
