"""Supplied metadata (``supplied: [issued, title]``) prints in square brackets in every style's entries.

CMOS prints information the cataloguer supplied, rather than read in the work, in
square brackets ("[2025]"). Pandoc's citeproc knows no such field, so this is a
documented departure from it (docs/citations.md); in-text labels are unchanged.
"""

from __future__ import annotations

import re

import pytest

from briefgen.compose.citations import Item, get
from briefgen.model import Marker, Text, plain_text

STYLES = ("chicago-notes", "chicago-author-date", "apa", "ieee")
REPORT = {"id": "r", "type": "report", "title": "Quay plan", "publisher": "Port Board",
          "issued": {"date-parts": [[2024, 5]]}}


def entry(style: str, csl: dict) -> str:
    piece = get(style).entry(Item.from_csl(csl))
    return plain_text(tuple(Text(n.label) if isinstance(n, Marker) else n for n in piece))


@pytest.mark.parametrize("style", STYLES)
def test_a_supplied_date_is_bracketed_in_the_entry(style: str) -> None:
    plain, supplied = entry(style, REPORT), entry(style, {**REPORT, "supplied": ["issued"]})
    assert "2024" in plain and not re.search(r"\[[^\]]*2024", plain)
    assert re.search(r"\[[^\]]*2024\]", supplied), supplied  # "[2024]", "[May 2024]", "[2024, May]"
    assert supplied.replace("[", "").replace("]", "") == plain


@pytest.mark.parametrize("style", STYLES)
def test_a_supplied_title_is_bracketed_once(style: str) -> None:
    assert "[Quay plan]" in entry(style, {**REPORT, "supplied": ["title"]})
    bracketed = entry(style, {**REPORT, "title": "[Quay plan]", "supplied": ["title"]})
    assert "[Quay plan]" in bracketed and "[[" not in bracketed


@pytest.mark.parametrize("style", ("chicago-author-date", "apa"))
def test_in_text_labels_keep_the_plain_year(style: str) -> None:
    assert get(style).date(Item.from_csl({**REPORT, "supplied": ["issued"]})) == "2024"


def test_a_supplied_title_stays_bracketed_in_later_notes() -> None:
    """The first note read "[Quay plan]" and the later ones “Quay Plan”, as if two works."""
    style = get("chicago-notes")
    item = Item.from_csl({**REPORT, "supplied": ["title"]})
    later = plain_text(style.subsequent_note(item))
    assert "[Quay plan]" in later and "Quay Plan" not in later
    short = Item.from_csl({**REPORT, "title-short": "Quay", "supplied": ["title"]})
    assert "[Quay]" in plain_text(style.subsequent_note(short))
    read = plain_text(style.subsequent_note(Item.from_csl(REPORT)))  # read, not supplied: as before
    assert "Quay Plan" in read and "[" not in read
