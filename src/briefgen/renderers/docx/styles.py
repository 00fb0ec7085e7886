"""The DOCX house look: the base document, its page geometry, properties and furniture.

Without a reference document the brief starts from python-docx's template and each
style is (re)defined from the house ``Style``. With ``style.reference_docx`` it starts
from that document instead, the pandoc way: its body, notes, comments and headers are
cleared, and its styles (fonts, colours, spacing of Title, Heading N, Normal…) are kept
untouched. Only the styles the reference lacks are defined here, from the house style but
without fonts, so they inherit the reference's Normal font. The page size and margins,
the brief's language and its header and footer (marking, "Page X of Y") always come from
the brief, so the DOCX and the PDF agree on the page. The named styles themselves are
defined in ``stylesheet.py``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
from docx.document import Document as DocxDocument
from docx.opc.pkgreader import PackageReader
from docx.shared import Mm

from briefgen.errors import Problem, warning
from briefgen.model import Meta, Style
from briefgen.renderers import house
from briefgen.renderers.docx import coreprops as docx_coreprops
from briefgen.renderers.docx import embed as docx_embed
from briefgen.renderers.docx import oxml as ox
from briefgen.renderers.docx import package as docx_package
from briefgen.renderers.docx import parts as docx_parts
from briefgen.renderers.docx import styleids
from briefgen.renderers.docx.stylesheet import define_styles, fonts

FONT_FILES = {"Noto Serif": "NotoSerif", "Noto Sans": "NotoSans"}
"""Word family name -> the stem of its shipped files (briefgen/fonts/STEM-Regular.ttf…)."""
RUN_STYLES = ("footnote text", "footnote reference", "endnote reference", "Hyperlink", "Marking")
"""Styles the walk names by id in raw XML; a reference may give them other ids than ours."""


@dataclass(frozen=True, slots=True)
class House:
    """A Word document ready for the walk: page set up and every named style defined."""

    doc: DocxDocument
    ids: dict[str, str]
    """Style id of each of RUN_STYLES."""
    warnings: tuple[Problem, ...]
    list_number: int
    """The ``w:num`` id of the List Number style, which each numbered list restarts."""
    block_width: int
    """The text width (EMU) python-docx's ``Document.add_table`` reads from the last section, per table."""


def prepare(style: Style, meta: Meta) -> House:
    """Return the base document with the house page geometry, styles, properties and furniture."""
    base, ids, warnings, memo, list_number, block_width = _styled_base(style, meta)
    doc = docx_package.open_document(base)
    styleids.cache_style_ids(doc, memo)
    _properties(doc, meta)
    if meta.draft:  # a draft's header carries its watermark; any other brief's header and footer are the base's
        _furniture(doc, ids["Marking"], meta, style)
    return House(doc, ids, warnings, list_number, block_width)


_Base = tuple[PackageReader, dict[str, str], tuple[Problem, ...], dict[Any, str | None], int, int]
_BASES: dict[tuple[str, bytes, str, str, bool], _Base] = {}
"""Styled base documents, saved and read back as parts (with their run style ids, warnings,
style-id memo, List Number numbering and text width), by what shapes them; one process's, never on disk.
The walk needs no other look into the styles, so a brief never parses them (``package``)."""


def prime(style: Style, meta: Meta) -> None:
    """Build and keep the styled base a brief of this house style, language and marking starts from.

    An empty brief on it is saved too, so the parts every brief keeps as read (fonts, theme)
    are deflated now rather than by the first brief (``package``).
    """
    docx_package.save(prepare(style, meta).doc)


def _styled_base(style: Style, meta: Meta) -> _Base:
    """Return the saved base document with page geometry and styles, its run style ids and warnings.

    Defining the styles is most of a small brief's DOCX time, and the result depends only
    on the house style, the reference's bytes and the brief's language and marking (never
    on its text), so each process does it once per key; every brief builds a
    document of its own from the saved parts. A few keys are kept, so a long ``watch`` stays small.
    """
    reference = b""
    if style.reference_docx:
        try:
            reference = Path(style.reference_docx).read_bytes()
        except OSError:
            reference = b"unreadable"
    shape = Meta("", lang=meta.lang, marking=meta.marking)  # all the styles read of the brief
    page_of = meta.label("page_of")  # and the footer
    key = (repr(style), reference, repr(shape), page_of, meta.draft)
    if key not in _BASES:
        doc, referenced, warnings = _base_document(style.reference_docx)
        docx_parts.drop_template_parts(doc)
        width = page_setup(doc, style)
        define_styles(doc, style, shape, width,
                      frozenset(s.name for s in doc.styles) if referenced else frozenset())
        if not referenced:
            used = {fonts(style.body_font)[0], fonts(style.heading_font)[0]}
            docx_embed.embed_families(doc, {name: FONT_FILES[name] for name in sorted(used)})
        if not meta.draft:
            _furniture(doc, doc.styles["Marking"].style_id, dataclasses.replace(shape, labels=(("page_of", page_of),)), style)
        while len(_BASES) >= 8:
            del _BASES[next(iter(_BASES))]
        _BASES[key] = (docx_package.reread(doc), {name: doc.styles[name].style_id for name in RUN_STYLES},
                       warnings, styleids.style_ids(doc), ox.style_numbering(doc, "List Number"),
                       doc._block_width)
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
    docx_parts.drop_content_parts(doc)


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


def _properties(doc: DocxDocument, meta: Meta) -> None:
    """Fill the core properties; times come from the brief's ISO date, never the clock."""
    authors = "; ".join(meta.author)
    values = {"title": meta.title, "subject": meta.subject, "author": authors, "last_modified_by": authors,
              "keywords": "; ".join(meta.keywords), "language": meta.lang, "category": meta.marking, "comments": "",
              "content_status": "Draft" if meta.draft else ""}
    # The brief's own date; a brief without a full date keeps a fixed one (never the clock).
    day = meta.issued or dt.date(2000, 1, 1)
    package = doc.part.package
    docx_coreprops.write(package._core_properties_part, values, dt.datetime(day.year, day.month, day.day),
                         lambda: doc.core_properties)


def _furniture(doc: DocxDocument, marking_style: str, meta: Meta, style: Style) -> None:
    """Header: house text left, marking right. Footer: "Page X of Y" left, text centred, marking right.

    Made once in the styled base (``_styled_base``): it reads only the house style, the marking and the
    "Page X of Y" label, which are the base's key; a draft's, with its watermark, is made brief by brief."""
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
        header._p.append(docx_parts.watermark("DRAFT", fonts(style.heading_font)[0]))


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
