"""The accessible, archival PDF: the DOCX brief exported by LibreOffice as PDF/A-2b + PDF/UA-1.

reportlab cannot tag a PDF, so this format takes the other road measured in
research/libs.md §6: render the brief with the DOCX renderer, then let LibreOffice
Writer's tagged export turn it into a PDF whose structure tree (headings, lists,
tables, links, footnotes, named styles) screen readers follow, with the PDF/A-2b
and PDF/UA-1 identification in its XMP metadata.

Each conversion runs in a private temporary folder with its own LibreOffice profile
(``-env:UserInstallation``), because two soffice processes sharing a profile fail
silently. This is the one renderer that touches the file system, and only that
folder, which it removes. soffice exits 0 even when it fails, so success means: the
PDF exists and stderr has no ``Error:`` line.

Not byte-deterministic: LibreOffice 7.4 stamps the current time as the creation date
(Info and XMP) and derives the document /ID and checksum from it. It ignores
``SOURCE_DATE_EPOCH`` (measured: two runs with it set still differ in exactly those
fields). Everything else, the page content included, is the same from run to run.
"""

from __future__ import annotations

import re

from briefgen.errors import UserError
from briefgen.model import Document
from briefgen.renderers import SUFFIXES, Rendered
from briefgen.renderers.docx import render as docx_renderer
from briefgen.renderers.libreoffice import convert, soffice_path

__all__ = ["convert", "docx_pages", "page_count", "render", "soffice_path"]

SUFFIX = SUFFIXES["pdfua"]
MISSING = ("pdfua: needs LibreOffice (soffice), which is not installed; "
           "install libreoffice-writer-nogui, or drop pdfua from formats")
_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")


def docx_pages(docx: bytes) -> int | None:
    """Return how many pages LibreOffice lays ``docx`` out on, or None without LibreOffice.

    With ``uno`` at hand, one LibreOffice serves every count of this process (about 1 s
    each once started: ``renderers.office``); else each count starts one (3–5 s).
    """
    from briefgen.renderers import office
    pdf = office.to_pdf(docx)
    return page_count(pdf) if pdf is not None else None


def render(document: Document) -> Rendered:
    """Return the brief as a tagged PDF/A-2b + PDF/UA-1 made by LibreOffice from its DOCX."""
    from briefgen.renderers import office
    if soffice_path() is None:
        raise UserError(MISSING)
    source = docx_renderer.render(document)
    data = office.to_pdf(source.data)
    if data is None:
        raise UserError(MISSING)
    return Rendered(data=data, warnings=source.warnings, pages=page_count(data))


def page_count(pdf: bytes) -> int | None:
    """Return the number of page objects in ``pdf``, or None if they are not visible (object streams)."""
    return len(_PAGE.findall(pdf)) or None
