"""Building blocks of the citation formatter: fields, dates, names, titles, joining.

Internal to ``briefgen.compose.citations``, which holds the styles and the public API.
"""

from __future__ import annotations

import re
from string import ascii_lowercase

from briefgen.model import Emph, Inline, Link, Text, plain_text

Piece = tuple[Inline, ...]
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
IEEE_MONTHS = ("Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.",
               "Oct.", "Nov.", "Dec.")
LAYOUTS = {"article-newspaper": "periodical", "article-magazine": "periodical",
           "post-weblog": "periodical", "article-journal": "journal", "book": "book",
           "report": "report", "speech": "speech"}
BOOKISH = ("book", "report")
STANDIN = {"note": ("report",), "chicago": ("report", "web", "periodical"),
           "apa": ("report", "web")}
MINOR = frozenset("a an the and or nor but of in on at to for by with from into across "
                  "over under about as vs.".split())
ARTICLES = ("a", "an", "the")


# ---------------------------------------------------------------- small pieces


def field(item: dict, key: str) -> str:
    """The field as stripped text, or "" when missing."""
    value = item.get(key)
    return "" if value is None else str(value).strip()


def layout(item: dict) -> str:
    """The layout family of the item's type; unknown types are laid out as web pages."""
    return LAYOUTS.get(item.get("type", ""), "web")


def plain(text: str) -> Piece:
    """A Text piece, or () for empty text."""
    return (Text(text),) if text else ()


def emph(text: str) -> Piece:
    """An italic piece, or () for empty text."""
    return (Emph((Text(text),)),) if text else ()


def quoted(text: str) -> Piece:
    """A title in curly quotes; quotes inside it become single quotes."""
    return (Text("“" + text.replace("“", "‘").replace("”", "’") + "”"),) if text else ()


def same(text: str, piece: Piece) -> bool:
    """Whether ``piece`` reads ``text`` (case-insensitive)."""
    return bool(piece) and plain_text(piece).casefold() == text.casefold()


def capitalise(text: str) -> str:
    """The text with its first letter upper-cased."""
    return text[:1].upper() + text[1:]


def series(parts: list[str], conj: str, comma_two: bool = False) -> str:
    """a; a and b (or a, and b); a, b, and c."""
    if len(parts) < 2:
        return "".join(parts)
    if len(parts) == 2 and not comma_two:
        return f"{parts[0]} {conj} {parts[1]}"
    return ", ".join(parts[:-1]) + f", {conj} {parts[-1]}"


# ---------------------------------------------------------------- dates


def date_parts(item: dict, key: str) -> list[int]:
    """The [year, month, day] prefix of a CSL date field, or [] when absent or malformed."""
    try:
        parts = [int(p) for p in item[key]["date-parts"][0][:3]]
    except (KeyError, IndexError, TypeError, ValueError):
        return []
    if len(parts) > 1 and not 1 <= parts[1] <= 12:
        parts = parts[:1]
    return parts


def long_date(parts: list[int], months: tuple[str, ...] = MONTHS) -> str:
    """March 3, 2024; June 2024; 2024; or "" for no date."""
    if not parts:
        return ""
    if len(parts) == 1:
        return str(parts[0])
    month = months[parts[1] - 1]
    return f"{month} {parts[2]}, {parts[0]}" if len(parts) > 2 else f"{month} {parts[0]}"


def year_label(item: dict) -> str:
    """The year with any year-suffix, or "n.d." ("n.d.-a" when suffixed)."""
    parts, suffix = date_parts(item, "issued"), field(item, "year-suffix")
    if parts:
        return f"{parts[0]}{suffix}"
    return "n.d." + (f"-{suffix}" if suffix else "")


def chicago_date(item: dict, form: str) -> str:
    """The full date; in author-date only when finer than the year already shown."""
    parts = date_parts(item, "issued")
    if form == "ad":
        return long_date(parts) if len(parts) > 1 else ""
    return long_date(parts) or ("" if accessed_shown(item) else "n.d.")


def apa_date(item: dict) -> str:
    """(2024, March 3) for dated periodicals, web pages and speeches; else the year."""
    parts, year = date_parts(item, "issued"), year_label(item)
    if len(parts) < 2 or layout(item) in ("journal", "book", "report"):
        return year
    day = f" {parts[2]}" if len(parts) > 2 else ""
    return f"{year}, {MONTHS[parts[1] - 1]}{day}"


def ieee_date(item: dict) -> str:
    """Mar. 3, 2024; "" when an accessed date stands in; else n.d."""
    date = long_date(date_parts(item, "issued"), IEEE_MONTHS)
    return date or ("" if is_web(item) and date_parts(item, "accessed") else "n.d.")


def is_web(item: dict) -> bool:
    """Web items: web pages, blog posts, unknown types, and undated items with a URL."""
    return (layout(item) == "web" or item.get("type") == "post-weblog"
            or bool(field(item, "URL") and not date_parts(item, "issued")))


def accessed_shown(item: dict) -> bool:
    """Chicago and APA show the accessed date for undated web items only."""
    return is_web(item) and not date_parts(item, "issued") and bool(date_parts(item, "accessed"))


# ---------------------------------------------------------------- names


def authors(item: dict) -> list[dict]:
    """The usable author names (family or literal)."""
    return [a for a in item.get("author") or []
            if isinstance(a, dict) and (field(a, "family") or field(a, "literal"))]


def initials(given: str) -> str:
    """Mary Ann -> M. A.; Jean-Paul -> J.-P."""
    return " ".join("-".join(p[0] + "." for p in w.split("-") if p) for w in given.split())


def person(author: dict, form: str) -> str:
    """One name as "full", "inverted", "family", "apa" or "ieee"; literal names as given."""
    family, given = field(author, "family"), field(author, "given")
    if field(author, "literal") or not family:
        return field(author, "literal")
    if not given or form == "family":
        return family
    return {"full": f"{given} {family}", "inverted": f"{family}, {given}",
            "apa": f"{family}, {initials(given)}", "ieee": f"{initials(given)} {family}"}[form]


def chicago_names(names: list[dict], bib: bool) -> str:
    """Chicago: Jane Smith (notes); Smith, Jane, and Tom Reed (bibliography)."""
    if not bib and len(names) >= 3:
        return person(names[0], "full") + " et al."
    shown = names[:3] if bib and len(names) > 6 else names
    forms = [person(a, "inverted" if bib and i == 0 else "full") for i, a in enumerate(shown)]
    if len(shown) < len(names):
        return ", ".join(forms) + ", et al."
    return series(forms, "and", comma_two=bib)


def apa_names(names: list[dict]) -> str:
    """APA: Smith, J., & Reed, T.; over 20 authors: 19, an ellipsis, the last."""
    forms = [person(a, "apa") for a in names]
    if len(forms) > 20:
        return ", ".join(forms[:19]) + ", . . . " + forms[-1]
    return series(forms, "&", comma_two=True)


def ieee_names(names: list[dict]) -> str:
    """IEEE: J. Smith and T. Reed; over six authors: the first and et al."""
    if len(names) > 6:
        return person(names[0], "ieee") + " et al."
    return series([person(a, "ieee") for a in names], "and")


def short_names(names: list[dict], conj: str) -> str:
    """Family names for labels and short notes: "A", "A and B", "A et al."."""
    if len(names) >= 3:
        return person(names[0], "family") + " et al."
    return f" {conj} ".join(person(a, "family") for a in names)


def standin(item: dict, context: str) -> Piece:
    """What stands in the author position when there is no author, or ()."""
    family = layout(item)
    if family not in STANDIN[context]:
        return ()
    if family == "periodical":
        return emph(field(item, "container-title"))
    site = field(item, "container-title") if family == "web" else ""
    return plain(field(item, "publisher") or site)


# ---------------------------------------------------------------- titles and links


def title_piece(item: dict, italic: bool) -> Piece:
    """The title, italic or in quotes."""
    return (emph if italic else quoted)(field(item, "title"))


def short_title(item: dict) -> str:
    """CMOS short title: up to the colon, no leading article, at most four words."""
    if field(item, "title-short"):
        return field(item, "title-short")
    words = field(item, "title").split(":")[0].split()
    if len(words) > 1 and words[0].casefold() in ARTICLES:
        words = words[1:]
    if len(words) > 4:
        words = words[:4]
        while len(words) > 1 and words[-1].casefold().strip(",;") in MINOR:
            words.pop()
    return " ".join(words).rstrip(",;")


def page_range(item: dict) -> str:
    """The page range with an en dash: 45–67."""
    return re.sub(r"(?<=\w)\s*-{1,2}\s*(?=\w)", "–", field(item, "page"))


def doi_of(item: dict) -> str:
    """The bare DOI ("10.…"), without any resolver prefix."""
    return re.sub(r"^(https?://(dx\.)?doi\.org/|doi:\s*)", "", field(item, "DOI"), flags=re.I)


def link_piece(item: dict) -> Piece:
    """The DOI as a doi.org link, else the URL, as a live link."""
    url = f"https://doi.org/{doi_of(item)}" if doi_of(item) else field(item, "URL")
    return (Link(url, (Text(url),)),) if url else ()


def imprint(item: dict) -> str:
    """Place: Publisher, or whichever of the two is given."""
    return ": ".join(filter(None, [field(item, "publisher-place"), field(item, "publisher")]))


def event_of(item: dict) -> str:
    """The event's name (CSL 1.0.2 ``event-title``, or the older ``event``)."""
    return field(item, "event-title") or field(item, "event")


def sortable(text: str) -> str:
    """Case-folded, without quotes or a leading article, for sorting."""
    words = text.strip("“”‘’\"' ").casefold().split()
    if len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    return " ".join(words)


def letters(n: int) -> str:
    """Year suffix number ``n``: a … z, then aa … ."""
    return ascii_lowercase[n % 26] * (n // 26 + 1)


# ---------------------------------------------------------------- assembly


class Joiner:
    """Joins pieces with separators, keeping American punctuation around quotes."""

    def __init__(self) -> None:
        self.nodes: list[Inline] = []
        self.stop = "."

    def add(self, sep: str, piece: Piece) -> None:
        """Append ``piece`` after ``sep``; an empty piece adds nothing."""
        if not piece:
            return
        if self.nodes and sep:
            self._separate(sep)
        self.nodes.extend(piece)

    def _separate(self, sep: str) -> None:
        last = self.nodes[-1]
        tail = plain_text((last,)).rstrip("”’")[-1:]
        if tail and ((sep[0] == "." and tail in ".?!") or (sep[0] == "," and tail in "?!")):
            sep = sep[1:]
        if sep[:1] in (",", ".") and isinstance(last, Text) and last.text.endswith("”"):
            self.nodes[-1] = Text(last.text[:-1] + sep[0] + "”")
            sep = sep[1:]
        if sep:
            self.nodes.append(Text(sep))

    def end(self, stop: str) -> Piece:
        """The nodes ending with ``stop`` (unless already so punctuated), Text merged."""
        if stop and self.nodes:
            self._separate(stop)
        merged: list[Inline] = []
        for node in self.nodes:
            if isinstance(node, Text) and merged and isinstance(merged[-1], Text):
                merged[-1] = Text(merged[-1].text + node.text)
            elif not (isinstance(node, Text) and not node.text):
                merged.append(node)
        return tuple(merged)
