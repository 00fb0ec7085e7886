"""The house citation formatter: CSL-JSON items to inline nodes, in four styles.

``chicago-notes`` and ``chicago-author-date`` follow CMOS 18, ``apa`` APA 7, ``ieee``
the IEEE reference guide. Items are dicts with CSL-JSON field names; missing fields
are left out, never invented. Output is Text, Emph and Link nodes (Text merged).
Building blocks (dates, names, the punctuation-aware joiner) are in citations_parts.

Choices where the manuals leave room, or where we depart from them:
- Titles keep their given case (APA's sentence case cannot tell proper nouns).
  ``language`` is not shown. Chicago prints given names in full, APA and IEEE
  initials (their rule). Chicago: "et al." from three authors in notes and labels;
  bibliographies list up to six, else three and "et al.".
- No author: a report's publisher stands as author. In reference lists a web
  page's publisher or site stands as author (APA: group author), and in Chicago
  a newspaper, magazine or blog name does (CMOS 14.92). Otherwise the title comes
  first (APA: in the author position). A container equal to the stand-in is not
  repeated, nor an APA publisher equal to the author; Chicago and IEEE repeat a
  report's publisher as their templates do.
- Web items (webpage, post-weblog, unknown types, undated items with a URL) show
  the accessed date: Chicago and APA ("Retrieved … from") only when undated, IEEE
  always. Otherwise an undated item shows "n.d.".
- Italic: newspaper, magazine, blog and journal names, book and report titles (and
  APA web page and speech titles). Website names are roman (CMOS, APA); IEEE quotes
  report titles. A DOI is preferred to the URL, as a https://doi.org/ link.
- Short title: ``title-short``, else the title up to its colon, without a leading
  article, cut to four words and trailing minor words.
- ``disambiguate`` sets ``year-suffix`` ("2024a", "n.d.-a") on copies of colliding
  items, in title order; every function honours it, so references show it too.
- Notes: the first citation of an item is its full note (chicago-notes) or reference
  entry; later ones the short note, the label (author-date styles) or IEEE's
  Author, “Short Title.” "Ibid." (chicago-notes only) when the note cites one source
  and the previous note cited exactly that source alone. Every note ends with a
  period, even after a URL (APA and IEEE entries end without one).
"""

from __future__ import annotations

from briefgen.compose.citations_parts import (
    BOOKISH,
    IEEE_MONTHS,
    Joiner,
    Piece,
    accessed_shown,
    apa_date,
    apa_names,
    authors,
    capitalise,
    chicago_date,
    chicago_names,
    date_parts,
    doi_of,
    emph,
    event_of,
    field,
    ieee_date,
    ieee_names,
    imprint,
    is_web,
    layout,
    letters,
    link_piece,
    long_date,
    page_range,
    plain,
    quoted,
    same,
    short_names,
    short_title,
    sortable,
    standin,
    title_piece,
    year_label,
)
from briefgen.model import Inline, Link, Text, plain_text

STYLES: tuple[str, ...] = ("chicago-notes", "chicago-author-date", "apa", "ieee")


def _check(style: str) -> None:
    """Refuse a style that is not one of STYLES."""
    if style not in STYLES:
        raise ValueError(f"unknown citation style {style!r}; expected one of {', '.join(STYLES)}")


# ---------------------------------------------------------------- Chicago


def _chicago(item: dict, form: str) -> Joiner:
    """A Chicago full note ("note"), bibliography entry ("bib") or author-date entry ("ad")."""
    note, kind, people = form == "note", layout(item), authors(item)
    sep = ", " if note else ". "
    org = () if people else standin(item, "note" if note else "chicago")
    creator = plain(chicago_names(people, bib=not note)) if people else org
    title = title_piece(item, italic=kind in BOOKISH)
    out = Joiner()
    out.add("", creator or title)
    if form == "ad":
        out.add(". ", plain(year_label(item)))
    if creator:
        out.add(sep, title)
    {"periodical": _chicago_serial, "web": _chicago_serial, "journal": _chicago_journal,
     "book": _chicago_book, "report": _chicago_book, "speech": _chicago_speech}[kind](
        item, form, out, org)
    if accessed_shown(item):
        out.add(sep, plain(("accessed " if note else "Accessed ")
                           + long_date(date_parts(item, "accessed"))))
    out.add(sep, link_piece(item))
    return out


def _chicago_serial(item: dict, form: str, out: Joiner, org: Piece) -> None:
    """Newspaper, magazine, blog and web page: container, publisher, date."""
    sep = ", " if form == "note" else ". "
    container, publisher = field(item, "container-title"), field(item, "publisher")
    periodical = layout(item) == "periodical"
    shown = bool(container) and not same(container, org)
    if shown:
        out.add(sep, emph(container) if periodical else plain(container))
    if not periodical and publisher.casefold() != container.casefold() and not same(publisher, org):
        out.add(", ", plain(publisher))
    out.add(", " if shown and periodical else sep, plain(chicago_date(item, form)))


def _chicago_journal(item: dict, form: str, out: Joiner, org: Piece) -> None:
    """Journal 12, no. 3 (2022): 45–67; author-date drops the parenthesised year."""
    volume, issue = field(item, "volume"), field(item, "issue")
    numbers = ", ".join(filter(None, [volume, f"no. {issue}" if issue else ""]))
    container = field(item, "container-title")
    out.add(", " if form == "note" else ". ",
            emph(container) + plain((" " if container else "") + numbers))
    if form != "ad":
        out.add(" ", plain(f"({year_label(item)})"))
    out.add(": ", plain(page_range(item)))


def _chicago_book(item: dict, form: str, out: Joiner, org: Piece) -> None:
    """Books and reports: (Place: Publisher, Year) in notes, else after a period."""
    facts = imprint(item)
    if form != "ad":
        facts = ", ".join(filter(None, [facts, year_label(item)]))
    if form == "note":
        out.add(" ", plain(f"({facts})"))
    else:
        out.add(". ", plain(facts))


def _chicago_speech(item: dict, form: str, out: Joiner, org: Piece) -> None:
    """Speeches: (speech, Event, Place, Date) in notes, "Speech, Event, …" elsewhere."""
    event = event_of(item)
    bits = [field(item, "genre") or "speech", event, field(item, "event-place"),
            chicago_date(item, form)]
    text = ", ".join(b for b in bits if b)
    if form == "note":
        out.add(" ", plain(f"({text})"))
    else:
        out.add(". ", plain(capitalise(text)))


# ---------------------------------------------------------------- APA 7


def _apa(item: dict) -> Joiner:
    """An APA 7 reference entry; a title with no author takes the author position."""
    people = authors(item)
    org = () if people else standin(item, "apa")
    title = _apa_title(item)
    out = Joiner()
    out.add("", plain(apa_names(people)) if people else org or title)
    out.add(". ", plain(f"({apa_date(item)})"))
    if people or org:
        out.add(". ", title)
    out.add(". ", _apa_source(item, org))
    link = link_piece(item)
    if link and accessed_shown(item):
        accessed = long_date(date_parts(item, "accessed"))
        link = plain(f"Retrieved {accessed}, from ") + link
    out.add(". ", link)
    out.stop = "" if link else "."
    return out


def _apa_title(item: dict) -> Piece:
    """Italic for stand-alone works (book, report, web page, speech), else roman."""
    kind, title = layout(item), field(item, "title")
    piece = emph(title) if kind in ("book", "report", "web", "speech") else plain(title)
    if kind == "speech" and piece:
        piece += plain(f" [{capitalise(field(item, 'genre') or 'speech')}]")
    return piece


def _apa_source(item: dict, org: Piece) -> Piece:
    """The container, publisher or event, whichever the type calls for."""
    kind, container = layout(item), field(item, "container-title")
    if kind == "periodical":
        return emph(container)
    if kind == "journal":
        piece = emph(", ".join(filter(None, [container, field(item, "volume")])))
        piece += plain(f"({field(item, 'issue')})" if field(item, "issue") else "")
        return piece + plain(", " + page_range(item) if page_range(item) else "")
    if kind in BOOKISH:
        return () if same(field(item, "publisher"), org) else plain(field(item, "publisher"))
    if kind == "speech":
        event = event_of(item)
        return plain(", ".join(filter(None, [event, field(item, "event-place")])))
    return () if same(container, org) else plain(container)


# ---------------------------------------------------------------- IEEE


def _ieee(item: dict) -> Joiner:
    """An IEEE reference entry, without its "[n]" label."""
    kind, people = layout(item), authors(item)
    out = Joiner()
    out.add("", plain(ieee_names(people)) if people else standin(item, "note"))
    out.add(", ", title_piece(item, italic=kind == "book"))
    if kind == "book":
        out.add(". ", plain(", ".join(filter(None, [imprint(item), ieee_date(item)]))))
    for piece in _ieee_details(item):
        out.add(", ", piece)
    if is_web(item) and date_parts(item, "accessed"):
        out.add(". ", plain("Accessed: " + long_date(date_parts(item, "accessed"), IEEE_MONTHS)))
    if doi_of(item):
        doi = doi_of(item)
        out.add(", ", plain("doi: ") + (Link(f"https://doi.org/{doi}", (Text(doi),)),))
    elif link_piece(item):
        out.add(". ", plain("[Online]. Available: ") + link_piece(item))
        out.stop = ""
    return out


def _ieee_details(item: dict) -> list[Piece]:
    """The comma-separated details after the title, by type."""
    kind, container, date = layout(item), field(item, "container-title"), ieee_date(item)
    if kind == "journal":
        volume, issue, pages = field(item, "volume"), field(item, "issue"), page_range(item)
        return [emph(container), plain(f"vol. {volume}" if volume else ""),
                plain(f"no. {issue}" if issue else ""), plain(f"pp. {pages}" if pages else ""),
                plain(date)]
    if kind == "report":
        return [plain(field(item, "publisher")), plain(field(item, "publisher-place")), plain(date)]
    if kind == "speech":
        event = event_of(item)
        the = "" if event.casefold().startswith("the ") else "the "
        return [plain(f"presented at {the}{event}" if event else ""),
                plain(field(item, "event-place")), plain(date)]
    if kind == "book":
        return []
    return [emph(container) if kind == "periodical" else plain(container), plain(date)]


# ---------------------------------------------------------------- short forms and labels


def _label_base(item: dict, style: str) -> str:
    """Who, for a label: family names, the stand-in organisation, or the short title."""
    people = authors(item)
    if people:
        return short_names(people, "&" if style == "apa" else "and")
    org = standin(item, "apa" if style == "apa" else "chicago")
    if org:
        return plain_text(org)
    title = short_title(item)
    return f"“{title}”" if title and layout(item) not in BOOKISH else title


def _label(item: dict, style: str) -> str:
    """"Smith 2024" (Chicago), "Smith, 2024" (APA), "" (IEEE)."""
    if style == "ieee":
        return ""
    base, year = _label_base(item, style), year_label(item)
    if style != "apa":
        return f"{base} {year}"
    return f"{base[:-1]},” {year}" if base.endswith("”") else f"{base}, {year}"


def _short(item: dict, style: str) -> Piece:
    """A later citation: short note (Chicago notes, IEEE) or the in-text label."""
    if style in ("apa", "chicago-author-date"):
        return plain(_label(item, style))
    people, kind = authors(item), layout(item)
    if people:
        who = ieee_names(people) if style == "ieee" else short_names(people, "and")
    else:
        who = plain_text(standin(item, "note"))
    italic = kind == "book" or (kind == "report" and style != "ieee")
    out = Joiner()
    out.add("", plain(who))
    out.add(", ", emph(short_title(item)) if italic else quoted(short_title(item)))
    return tuple(out.nodes)


def _full(item: dict, style: str, note: bool) -> Joiner:
    """A first citation (``note``) or reference entry, before its final punctuation."""
    if style == "ieee":
        return _ieee(item)
    if style == "apa":
        return _apa(item)
    return _chicago(item, "ad" if style == "chicago-author-date" else "note" if note else "bib")


# ---------------------------------------------------------------- public API


def reference(item: dict, style: str) -> tuple[Inline, ...]:
    """The item's entry in the bibliography / reference list (IEEE without its "[n]")."""
    _check(style)
    out = _full(item, style, note=False)
    return out.end(out.stop)


def sort_key(item: dict, style: str) -> tuple:
    """Order for the bibliography: author (or stand-in, or title), then year, then title.

    IEEE lists references in citation order; the caller handles that.
    """
    _check(style)
    people = authors(item)
    who = "  ".join(f"{field(a, 'family') or field(a, 'literal')} {field(a, 'given')}"
                    for a in people) if people else _label_base(item, style)
    parts = date_parts(item, "issued")
    return (sortable(who), parts[0] if parts else 0, sortable(field(item, "title")))


def disambiguate(items: list[dict], style: str) -> list[dict]:
    """Copies of ``items``, with ``year-suffix`` set where labels would collide.

    Colliding items get "a", "b", … in bibliography order (by title). Pass the
    copies to ``reference`` so the reference list shows "2024a" too.
    """
    _check(style)
    groups: dict[str, list[dict]] = {}
    for item in items:
        bare = {k: v for k, v in item.items() if k != "year-suffix"}
        groups.setdefault(_label(bare, style), []).append(bare)
    suffixes: dict[str, str] = {}
    for label, group in groups.items():
        ids = sorted({field(i, "id"): i for i in group}.values(), key=lambda i: sort_key(i, style))
        if label and len(ids) > 1:
            suffixes.update((field(i, "id"), letters(n)) for n, i in enumerate(ids))
    return [{**i, "year-suffix": suffixes[field(i, "id")]} if field(i, "id") in suffixes
            else {k: v for k, v in i.items() if k != "year-suffix"} for i in items]


def in_text_labels(items: list[dict], style: str) -> dict[str, str]:
    """The in-text label of each item id, without brackets; "" for IEEE.

    Chicago notes uses the Chicago author-date form.
    """
    label_style = "chicago-author-date" if style == "chicago-notes" else style
    return {field(i, "id"): _label(i, label_style) for i in disambiguate(items, style)}


def in_text(style: str) -> tuple[str, str, str]:
    """(open, separator, close) for grouping in-text labels."""
    _check(style)
    return ("[", "], [", "]") if style == "ieee" else ("(", "; ", ")")


class NoteWriter:
    """Writes the text of successive notes in document order.

    Tracks first and later citations of each item and, for chicago-notes, Ibid.
    """

    def __init__(self, style: str) -> None:
        _check(style)
        self.style = style
        self._seen: set[str] = set()
        self._previous: tuple[str, ...] = ()

    def note(self, items: list[dict]) -> tuple[Inline, ...]:
        """Text of one note citing ``items`` in order, separated by "; ", ending with a period."""
        ids = tuple(field(i, "id") for i in items)
        out = Joiner()
        if self.style == "chicago-notes" and len(ids) == 1 and ids == self._previous:
            out.add("", plain("Ibid."))
        else:
            for item, key in zip(items, ids, strict=True):
                later = key in self._seen
                out.add("; ", _short(item, self.style) if later
                        else tuple(_full(item, self.style, note=True).nodes))
                self._seen.add(key)
        self._previous = ids
        return out.end(".")
