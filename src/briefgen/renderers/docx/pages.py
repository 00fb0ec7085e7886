"""The page of each heading as LibreOffice lays the DOCX out, for the table of contents.

LibreOffice does not fill a TOC field, and a PAGEREF inside one shows "?" (research/libs.md
§1). So the renderer draws the brief once, LibreOffice lays it out as PDF, and the PDF's
outline (one entry per Heading-styled paragraph, in order) gives each heading's page; the
brief is then drawn again with those numbers as the fields' results, not marked dirty, so
Word shows them without asking to update. The numbers do not move the headings: the
first drawing already holds a same-width placeholder in each field.
"""

from __future__ import annotations

import io
import re
from typing import Any

from briefgen.errors import UserError


def heading_pages(docx: bytes, titles: list[str]) -> list[int] | None:
    """Return the page of each heading titled ``titles`` (in order), or None without LibreOffice."""
    from briefgen.renderers import office
    try:
        pdf = office.to_pdf(docx)
    except UserError:
        return None
    return match(outline(pdf), titles) if pdf is not None else None


def outline(pdf: bytes) -> list[tuple[str, int]]:
    """Return the PDF's outline entries as (title, 1-based page), depth first."""
    from pypdf import PdfReader  # only here: the one use of pypdf by a renderer

    reader = PdfReader(io.BytesIO(pdf))
    found: list[tuple[str, int]] = []

    def walk(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                page = reader.get_destination_page_number(item)
                if page is not None:
                    found.append((str(item.title), page + 1))

    walk(reader.outline)
    return found


def match(entries: list[tuple[str, int]], titles: list[str]) -> list[int] | None:
    """Pair each title with the next outline entry of the same text; None if one is missing."""
    pages, at = [], 0
    for title in titles:
        wanted = _fold(title)
        while at < len(entries) and _fold(entries[at][0]) != wanted:
            at += 1
        if at == len(entries):
            return None
        pages.append(entries[at][1])
        at += 1
    return pages


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()
