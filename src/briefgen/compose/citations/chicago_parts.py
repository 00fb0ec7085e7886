"""CMOS 18 pieces shared by the two Chicago styles (notes-bibliography and author-date).

Choices, with the rules behind them (docs/citations.md lists where citeproc differs):
- Headline-style capitalisation for titles (CMOS 18 chapter 8), with CSL's stop words;
  a descriptive title in square brackets is neither quoted nor re-cased (CMOS 18,
  chapter 8 on descriptive titles). Place of publication is left out (CMOS 18, chapter 13).
- Names in full; notes use "et al." from three authors (13.? ), bibliographies list
  up to six, else the first three and "et al." (CMOS 18, chapter 13). Without an author, a
  newspaper's, magazine's or web site's name stands first in the bibliography and
  short notes (CMOS 18, chapter 14); otherwise the title does.
- Short forms use ``title-short`` when given, else the whole title: picking a
  title's key words (CMOS 18, chapter 13) is an editor's judgement no rule can make.
- Undated periodicals and blog posts print "n.d."; undated web pages their accessed
  date alone (CMOS 18, chapter 14). Page ranges are abbreviated as CMOS's rule for inclusive numbers (chapter 9) gives.
"""

from __future__ import annotations

from briefgen.compose.citations.item import Item, Name
from briefgen.compose.citations.text import (
    Joiner,
    Piece,
    emph,
    headline,
    is_descriptive,
    link,
    long_date,
    plain,
    quoted,
    series,
    unmarked,
)

ITALIC_TITLES = ("book", "report")
ITALIC_CONTAINERS = ("periodical", "blog", "journal")
STANDS_IN = ("periodical", "web")


def person(name: Name, inverted: bool = False) -> str:
    if not name.family:
        return name.literal
    if not name.given:
        return name.family
    return f"{name.family}, {name.given}" if inverted else f"{name.given} {name.family}"


def note_names(names: tuple[Name, ...]) -> str:
    """Jane Smith; Luis Garcia and Mei Wong; Ruth Adams et al."""
    if len(names) >= 3:
        return person(names[0]) + " et al."
    return series([person(n) for n in names], "and")


def bib_names(names: tuple[Name, ...]) -> str:
    """Smith, Jane, and Tom Reed; up to six, else three and "et al."."""
    shown = names[:3] if len(names) > 6 else names
    forms = [person(n, inverted=i == 0) for i, n in enumerate(shown)]
    if len(shown) < len(names):
        return ", ".join(forms) + ", et al."
    if len(forms) == 2:
        return f"{forms[0]}, and {forms[1]}"
    return series(forms, "and")


def short_names(names: tuple[Name, ...]) -> str:
    """Smith; Garcia and Wong; Adams et al."""
    family = [n.family or n.literal for n in names]
    if len(family) >= 3:
        return family[0] + " et al."
    return " and ".join(family)


def standin(item: Item) -> Piece:
    """What stands first when there is no author (bibliography, short notes, labels)."""
    if item.authors or item.layout not in STANDS_IN or not item.container:
        return ()
    return emph(item.container) if item.layout == "periodical" else plain(item.container)


def title(item: Item, short: bool = False, label: bool = False) -> Piece:
    """The title in headline style, italic (books, reports, untitled outlets) or quoted;
    ``short``: ``title-short`` when given; ``label``: the in-text form (Item.label_title)."""
    text = item.label_title if label else item.title_short if short and item.title_short else item.title
    if not text:
        return ()
    if is_descriptive(text):
        return plain(unmarked(text))
    cased = headline(text)
    cased = unmarked(cased)
    italic = item.layout in ITALIC_TITLES or (item.layout == "periodical" and not item.container)
    return emph(cased) if italic else quoted(cased)


def container(item: Item) -> Piece:
    return emph(item.container) if item.layout in ITALIC_CONTAINERS else plain(item.container)


def page_range(pages: str) -> str:
    """CMOS inclusive numbers (chapter 9): 45–67, 100–104, 101–8, 321–28, 1496–504 → 1496–1504."""
    if "–" not in pages:
        return pages
    first, _, last = pages.partition("–")
    if not (first.isdigit() and last.isdigit()) or len(last) != len(first) or int(first) < 100:
        return pages
    if int(first) % 100 == 0:
        return pages
    keep = 1 if int(first) % 100 < 10 else 2
    while keep < len(last) and first[:-keep] != last[:-keep]:
        keep += 1
    if len(first) == 4 and keep >= 3:
        return pages
    return f"{first}–{last[-keep:]}"


def year(item: Item) -> str:
    if item.issued:
        return f"{item.issued[0]}{item.year_suffix}"
    return "n.d." + (f"-{item.year_suffix}" if item.year_suffix else "")


def full(item: Item, form: str) -> Joiner:
    """A full note ("note"), bibliography entry ("bib") or author-date entry ("ad")."""
    note = form == "note"
    sep = ", " if note else ". "
    first = plain(note_names(item.authors) if note else bib_names(item.authors)) if item.authors else ()
    if not first and not note:
        first = standin(item)
    shown_container = bool(item.container) and not (first and not item.authors and item.layout in STANDS_IN)
    out = Joiner().add("", first or title(item))
    if form == "ad":
        out.add(". ", item.supplied_text("issued", year(item)))
    if first:
        out.add(sep, title(item))
    layout = item.layout
    if layout == "journal":
        _journal(item, form, out)
    elif layout in ("book", "report"):
        _book(item, form, out)
    else:
        _serial(item, form, out, shown_container)
    out.add(sep, link(f"https://doi.org/{item.doi}" if item.doi else item.url))
    return out


def _date(item: Item, form: str) -> str:
    """The issued date: in full, or without the year in author-date (it is already shown)."""
    if form != "ad":
        return long_date(item.issued)
    if len(item.issued) < 2:
        return ""
    return long_date(item.issued)[:-len(f", {item.issued[0]}")] if len(item.issued) > 2 \
        else long_date(item.issued).split()[0]


def _serial(item: Item, form: str, out: Joiner, shown_container: bool) -> None:
    """Newspapers, magazines, blogs, web pages, speeches and other types."""
    note = form == "note"
    sep = ", " if note else ". "
    bits = [container(item) if shown_container else ()]
    if item.layout == "speech":
        bits += [plain(item.genre.capitalize() if item.genre and not note else item.genre),
                 plain(item.event), plain(item.event_place)]
    date = _date(item, form)
    if not date and not item.issued and form != "ad" and item.layout in ("periodical", "blog") \
            and (item.accessed or shown_container):
        date = "n.d."
    bits.append(plain(item.supplied_text("issued", date)))
    group = Joiner()
    for bit in bits:
        group.add(", ", bit)
    out.add(sep, group.end())
    if item.accessed and not item.issued:
        out.add(sep, ("accessed " if note else "Accessed ") + long_date(item.accessed))


def _journal(item: Item, form: str, out: Joiner) -> None:
    """Journal 12, no. 3 (2022): 45–67; author-date: Journal 12 (3): 45–67."""
    numbers = item.volume
    if item.issue:
        numbers += f" ({item.issue})" if form == "ad" else f", no. {item.issue}"
    group = Joiner().add("", emph(item.container)).add(" ", numbers)
    if form != "ad":
        group.add(" ", f"({item.supplied_text('issued', year(item))})")
    pages = page_range(item.page)
    if pages:
        group.add(": ", pages)
    out.add(", " if form == "note" else ". ", group.end())


def _book(item: Item, form: str, out: Joiner) -> None:
    """Books and reports: (Publisher, Year) in notes, Publisher, Year. elsewhere."""
    facts = ", ".join(filter(None, [item.publisher, item.supplied_text("issued", year(item)) if form != "ad" else ""]))
    if form == "note":
        out.add(" ", f"({facts})" if facts else "")
    else:
        out.add(". ", facts)
