"""APA 7: "(Smith, 2024, p. 3)" in the text and a reference list. No notes: APA has
no reference-entry footnotes, so footnotes and endnotes are not offered (APA 7, chapter 8: author-date only).

- Titles of works in sentence case (6.17), periodical names as given; stand-alone
  works (books, reports, web pages, speeches) italic, articles roman (9.19).
- In the text, a work without author is cited by its title in title case, quoted
  for articles and italic for stand-alone works (8.14); groups in one
  parenthesis are in alphabetical order (8.12).
- When the author is also the publisher or site, the publisher is left out (9.29).
- An undated web source gives its retrieval date (9.16).
"""

from __future__ import annotations

from briefgen.compose.citations.item import Item, Name
from briefgen.compose.citations.protocol import IN_TEXT
from briefgen.compose.citations.sorting import printed_order
from briefgen.compose.citations.text import (
    MONTHS,
    Joiner,
    Piece,
    emph,
    headline,
    initials,
    is_descriptive,
    link,
    long_date,
    plain,
    quoted,
    sentence,
    series,
    unmarked,
)

STAND_ALONE = ("book", "report", "web", "speech")
DATED_BY_DAY = ("periodical", "blog", "web", "speech")
LOCATORS = {"page": "p.", "paragraph": "para.", "section": "Section", "chapter": "Chapter",
            "figure": "Figure", "note": "n.", "line": "line", "part": "Part", "volume": "Vol.",
            "number": "No.", "column": "col.", "table": "Table", "appendix": "Appendix"}
DESCRIPTORS = {"interview": "Interview"}


def person(name: Name) -> str:
    if not name.family:
        return name.literal
    return f"{name.family}, {initials(name.given)}" if name.given else name.family


def names(authors: tuple[Name, ...]) -> str:
    """Smith, J., & Reed, T.; over 20: nineteen, an ellipsis, the last (9.8)."""
    forms = [person(a) for a in authors]
    if len(forms) > 20:
        return ", ".join(forms[:19]) + ", . . . " + forms[-1]
    if len(forms) == 2:
        return f"{forms[0]}, & {forms[1]}"
    return series(forms, "&")


def stand_alone(item: Item) -> bool:
    return item.layout in STAND_ALONE or (item.layout == "periodical" and not item.container)


def year(item: Item) -> str:
    if item.issued:
        return f"{item.issued[0]}{item.year_suffix}"
    return "n.d." + (f"-{item.year_suffix}" if item.year_suffix else "")


def entry_date(item: Item) -> str:
    """(2024, March 3) for dated periodicals, web pages and speeches; else the year."""
    if len(item.issued) < 2 or item.layout not in DATED_BY_DAY:
        return year(item)
    day = f" {item.issued[2]}" if len(item.issued) > 2 else ""
    return f"{year(item)}, {MONTHS[item.issued[1] - 1]}{day}"


def title(item: Item) -> Piece:
    text = item.title if is_descriptive(item.title) else sentence(item.title)
    piece = plain(unmarked(text))
    descriptor = item.genre.capitalize() if item.genre else DESCRIPTORS.get(item.type, "")
    styled = emph(piece) if stand_alone(item) and not is_descriptive(item.title) else piece
    return styled + (plain(f" [{descriptor}]") if descriptor and piece else ())


def source(item: Item) -> Piece:
    """The container, publisher or event, whichever the type calls for."""
    author = " ".join(a.literal for a in item.authors if not a.family).casefold()
    if item.layout == "journal":
        piece = emph(", ".join(filter(None, [item.container, item.volume])))
        piece += plain(f"({item.issue})" if item.issue else "")
        return piece + plain(f", {item.page}" if item.page else "")
    if item.layout in ("periodical", "blog"):
        return emph(item.container)
    if item.layout in ("book", "report"):
        return () if item.publisher.casefold() == author else plain(item.publisher)
    if item.layout == "speech":
        return plain(", ".join(filter(None, [item.event, item.event_place])))
    return () if item.container.casefold() == author else plain(item.container)


class Apa:
    name = "apa"
    manual = "Publication Manual of the American Psychological Association, 7th edition"
    numeric = False
    placements: tuple[str, ...] = (IN_TEXT,)
    ibid = False
    alphabetical_groups = True
    references_label = "references"
    group: tuple[str, str, str] = ("(", "; ", ")")

    def entry(self, item: Item) -> Piece:
        item = item.for_entry()
        out = Joiner()
        out.add("", names(item.authors) if item.authors else title(item))
        out.add(". ", f"({item.supplied_text('issued', entry_date(item))})")
        if item.authors:
            out.add(". ", title(item))
        out.add(". ", source(item))
        url = f"https://doi.org/{item.doi}" if item.doi else item.url
        if url and item.accessed and not item.issued:
            out.add(". ", plain(f"Retrieved {long_date(item.accessed)}, from ") + link(url))
        else:
            out.add(". ", link(url))
        return out.end("" if url else ".")

    def first_note(self, item: Item) -> Piece:
        return self.label(self.author(item), self.date(item), "")

    def subsequent_note(self, item: Item) -> Piece:
        return self.first_note(item)

    def author(self, item: Item) -> Piece:
        if item.authors:
            family = [a.family or a.literal for a in item.authors]
            return plain(family[0] + " et al." if len(family) >= 3 else " & ".join(family))
        text = item.label_title
        cased = plain(unmarked(text if is_descriptive(text) else headline(text)))
        if is_descriptive(text):
            return cased
        return emph(cased) if stand_alone(item) else quoted(cased)

    def date(self, item: Item) -> str:
        return year(item)

    def label(self, author: Piece, date: str, locator: str) -> Piece:
        return Joiner().add("", author).add(", ", date).add(", ", locator).end()

    def locator(self, label: str, value: str) -> str:
        term = LOCATORS.get(label, label)
        if label == "page" and ("–" in value or "," in value):
            term = "pp."
        if label == "paragraph" and ("–" in value or "," in value):
            term = "paras."
        return f"{term} {value}".strip()

    def sort_key(self, item: Item) -> tuple:
        return printed_order(self.entry(item))


STYLE = Apa()
