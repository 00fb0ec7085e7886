"""Chicago notes and bibliography (CMOS 18): footnotes or endnotes, a bibliography.

The first note of a source is its full note, later ones the short form (author,
short title): CMOS 18 13.37 prefers the short form to "Ibid.", so ``ibid`` is off.
"""

from __future__ import annotations

from briefgen.compose.citations import chicago_parts as cmos
from briefgen.compose.citations.item import Item
from briefgen.compose.citations.protocol import ENDNOTES, FOOTNOTES
from briefgen.compose.citations.sorting import printed_order
from briefgen.compose.citations.text import Joiner, Piece, plain

LOCATORS = {"page": "", "paragraph": "para.", "section": "sec.", "chapter": "chap.", "figure": "fig.",
            "note": "n.", "line": "line", "part": "pt.", "volume": "vol.", "number": "no.",
            "column": "col.", "table": "table", "appendix": "app."}


class ChicagoNotes:
    name = "chicago-notes"
    manual = "The Chicago Manual of Style, 18th edition (notes and bibliography)"
    numeric = False
    placements: tuple[str, ...] = (FOOTNOTES, ENDNOTES)
    ibid = False
    alphabetical_groups = False
    references_label = "bibliography"
    group: tuple[str, str, str] = ("(", "; ", ")")

    def entry(self, item: Item) -> Piece:
        return cmos.full(item.for_entry(), "bib").end(".")

    def first_note(self, item: Item) -> Piece:
        return cmos.full(item.for_entry(), "note").end()

    def subsequent_note(self, item: Item) -> Piece:
        who = cmos.short_names(item.authors) if item.authors else ""
        first = plain(who) if who else cmos.standin(item)
        return Joiner().add("", first).add(", ", cmos.title(item.for_entry(), short=True)).end()

    def author(self, item: Item) -> Piece:
        return plain(cmos.short_names(item.authors)) if item.authors else cmos.standin(item) \
            or cmos.title(item, label=True)

    def date(self, item: Item) -> str:
        return cmos.year(item)

    def label(self, author: Piece, date: str, locator: str) -> Piece:
        out = Joiner().add("", author).add(" ", date)
        return out.add(", ", locator).end()

    def locator(self, label: str, value: str) -> str:
        term = LOCATORS.get(label, label)
        return f"{term} {value}".strip()

    def sort_key(self, item: Item) -> tuple:
        return printed_order(self.entry(item))


STYLE = ChicagoNotes()
