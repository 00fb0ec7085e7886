"""Chicago author-date (CMOS 18): "(Smith 2024, 3)" in the text and a reference list.

The reference list shows the year once, after the author; the date after the
outlet gives only what the year does not (month and day). A source with no author
is cited by what stands first in its entry (CMOS 18, chapter 13, author-date): the outlet or site, else
the title (``title-short`` when the title starts with it).
"""

from __future__ import annotations

from briefgen.compose.citations import chicago_parts as cmos
from briefgen.compose.citations.chicago_notes import LOCATORS
from briefgen.compose.citations.item import Item
from briefgen.compose.citations.protocol import IN_TEXT
from briefgen.compose.citations.sorting import printed_order
from briefgen.compose.citations.text import Joiner, Piece, plain


class ChicagoAuthorDate:
    name = "chicago-author-date"
    manual = "The Chicago Manual of Style, 18th edition (author-date)"
    numeric = False
    placements: tuple[str, ...] = (IN_TEXT,)
    ibid = False
    alphabetical_groups = False
    references_label = "references"
    group: tuple[str, str, str] = ("(", "; ", ")")

    def entry(self, item: Item) -> Piece:
        return cmos.full(item.for_entry(), "ad").end(".")

    def first_note(self, item: Item) -> Piece:
        return self.label(self.author(item), self.date(item), "")

    def subsequent_note(self, item: Item) -> Piece:
        return self.first_note(item)

    def author(self, item: Item) -> Piece:
        if item.authors:
            return plain(cmos.short_names(item.authors))
        return cmos.standin(item) or cmos.title(item, label=True)

    def date(self, item: Item) -> str:
        return cmos.year(item)

    def label(self, author: Piece, date: str, locator: str) -> Piece:
        out = Joiner().add("", author)
        out.add(", " if date.startswith("n.d.") else " ", date)
        return out.add(", ", locator).end()

    def locator(self, label: str, value: str) -> str:
        return f"{LOCATORS.get(label, label)} {value}".strip()

    def sort_key(self, item: Item) -> tuple:
        return printed_order(self.entry(item))


STYLE = ChicagoAuthorDate()
