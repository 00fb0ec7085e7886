"""IEEE (IEEE Reference Guide, 2023): "[n]" in the text in every placement, and a
reference list numbered in order of first citation.

Titles print as given (the guide keeps the source's capitalisation). Months are
abbreviated as the guide's table gives them and days take two digits, as the
official CSL style prints them. Web pages and blog posts give "Accessed:" with their
access date and "[Online]. Available:" with their URL; other online items
"Available:". Several citations in one place are numbered in ascending order, and
runs of three or more collapse: [1]–[3].
"""

from __future__ import annotations

from briefgen.compose.citations.item import Item, Name
from briefgen.compose.citations.protocol import ENDNOTES, FOOTNOTES, IN_TEXT
from briefgen.compose.citations.text import Joiner, Piece, emph, initials, link, long_date, plain, quoted, series, text_of, unmarked

MONTHS = ("Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.", "Nov.", "Dec.")
LOCATORS = {"page": "p.", "paragraph": "para.", "section": "Sec.", "chapter": "Ch.", "figure": "Fig.",
            "note": "n.", "line": "l.", "part": "Pt.", "volume": "Vol.", "number": "No.",
            "column": "col.", "table": "Table", "appendix": "App."}
WEB = ("web", "blog")
WEB_TYPES = ("webpage", "post-weblog")


def person(name: Name) -> str:
    if not name.family:
        return name.literal
    return f"{initials(name.given)} {name.family}" if name.given else name.family


def names(authors: tuple[Name, ...]) -> str:
    """J. Smith and T. Reed; A, B, and C; over six authors: the first and "et al."."""
    if len(authors) > 6:
        return person(authors[0]) + " et al."
    return series([person(a) for a in authors], "and")


def date(parts: tuple[int, ...]) -> str:
    return long_date(parts, MONTHS, pad=True)


class Ieee:
    name = "ieee"
    manual = "IEEE Reference Guide (2023)"
    numeric = True
    placements: tuple[str, ...] = (IN_TEXT, FOOTNOTES, ENDNOTES)
    ibid = False
    alphabetical_groups = False
    references_label = "references"
    group: tuple[str, str, str] = ("[", "], [", "]")

    def entry(self, item: Item) -> Piece:
        item = item.for_entry()
        issued = item.supplied_text("issued", date(item.issued))
        layout, out = item.layout, Joiner()
        if layout == "web" and item.type not in WEB_TYPES:
            layout = "other"  # the guide's web form is for web pages and posts only
        out.add("", names(item.authors))
        text = unmarked(item.title)
        title = emph(text) if layout == "book" else quoted(text)
        out.add(", ", title)
        if layout == "book":
            imprint = ": ".join(filter(None, [item.place, item.publisher]))
            out.add(". ", ", ".join(filter(None, [imprint, issued])))
        elif layout == "journal":
            for bit in (emph(item.container), plain(f"vol. {item.volume}" if item.volume else ""),
                        plain(f"no. {item.issue}" if item.issue else ""),
                        plain(f"pp. {item.page}" if item.page else ""), plain(issued)):
                out.add(", ", bit)
        elif layout == "speech":
            event = f"presented at the {item.event}" if item.event else ""
            details = ", ".join(filter(None, [event, item.event_place, issued]))
            out.add(", ", details)
        elif layout in WEB:
            out.add(", ", emph(item.container) if layout == "blog" else plain(item.container))
        else:
            details = ", ".join(filter(None, [item.container if layout != "report" else item.publisher,
                                              issued]))
            if layout in ("periodical", "report") or item.container:
                out.add(", ", details)
            else:
                out.add(". ", details)
        accessed = bool(item.accessed) and (layout in WEB or not item.issued)
        if accessed:
            out.add(". ", "Accessed: " + date(item.accessed))
        if item.doi:
            out.add(", " if layout == "journal" else ". ", plain("doi: " + item.doi))
            return out.end(".")
        if item.url:
            online = "[Online]. Available: " if accessed or layout in WEB else "Available: "
            out.add(". ", plain(online) + link(item.url))
            return out.end()
        return out.end(".")

    def first_note(self, item: Item) -> Piece:
        return ()

    def subsequent_note(self, item: Item) -> Piece:
        return ()

    def author(self, item: Item) -> Piece:
        family = [a.family or a.literal for a in item.authors]
        if not family:
            return quoted(unmarked(item.label_title))
        return plain(family[0] + " et al." if len(family) >= 3 else " and ".join(family))

    def date(self, item: Item) -> str:
        return ""

    def label(self, author: Piece, date: str, locator: str) -> Piece:
        """"1, p. 3": the number (passed as ``author``) and the locator."""
        return plain(", ".join(filter(None, [text_of(author), date, locator])))

    def locator(self, label: str, value: str) -> str:
        term = LOCATORS.get(label, label)
        if label == "page" and ("–" in value or "," in value):
            term = "pp."
        return f"{term} {value}".strip()

    def sort_key(self, item: Item) -> tuple:
        return ()


STYLE = Ieee()
