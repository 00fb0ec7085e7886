"""The one small protocol every citation style implements.

A style is an object, not a name compared in many places: transforms, the template
and ``check`` ask it what they need. Adding a style is one module and one line in
``registry.py``.
"""

from __future__ import annotations

from typing import Protocol

from briefgen.compose.citations.item import Item
from briefgen.compose.citations.text import Piece

FOOTNOTES, ENDNOTES, IN_TEXT = "footnotes", "endnotes", "author-date"
PLACEMENTS = (FOOTNOTES, ENDNOTES, IN_TEXT)
"""Where citations go: notes at the foot of the page, a Notes section, or in the text."""


class CitationStyle(Protocol):
    """What a citation style decides. Pieces are inline nodes (Text, Emph, Link)."""

    name: str
    """The spec's ``citations.style`` value."""
    manual: str
    """The edition of the manual it follows, for messages and docs."""
    numeric: bool
    """True: ``[n]`` in the text in every placement, references numbered in citation order."""
    placements: tuple[str, ...]
    """The placements it supports; the first is its default."""
    ibid: bool
    """True: a note citing the same single source as the note before says "Ibid."."""
    references_label: str
    """The label (templates/locales/labels.yaml) heading the reference list: "bibliography", "references"."""
    alphabetical_groups: bool
    """True: several citations in one group are put in reference-list order (APA 8.12)."""
    group: tuple[str, str, str]
    """Open, separator, close of a group of in-text citations: ("(", "; ", ")")."""

    def entry(self, item: Item) -> Piece:
        """The item's reference-list entry, with its final punctuation (IEEE: without "[n]")."""
        ...

    def first_note(self, item: Item) -> Piece:
        """A note's full form, without the note's final full stop."""
        ...

    def subsequent_note(self, item: Item) -> Piece:
        """A later note's short form, without the final full stop."""
        ...

    def author(self, item: Item) -> Piece:
        """Who an in-text citation names: family names, the stand-in, or the title."""
        ...

    def date(self, item: Item) -> str:
        """The in-text date: "2024", "2024a", "n.d." ("" for numeric styles)."""
        ...

    def label(self, author: Piece, date: str, locator: str) -> Piece:
        """One in-text citation from its parts: "Smith 2024, 3", "Smith, 2024, p. 3"."""
        ...

    def locator(self, label: str, value: str) -> str:
        """A locator as the style prints it: "3", "p. 3", "para. 2", "chap. 4"."""
        ...

    def sort_key(self, item: Item) -> tuple:
        """The order of the reference list (numeric styles: ignored, citation order rules)."""
        ...
