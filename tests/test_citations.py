"""Tests for the house citation formatter.

Expected strings are written by hand from the manuals' rules (CMOS 18, APA 7, the
IEEE reference guide), not generated from the formatter's own output.
"""

from __future__ import annotations

import pytest

from briefgen.compose.citations import (
    STYLES,
    NoteWriter,
    disambiguate,
    in_text,
    in_text_labels,
    reference,
    sort_key,
)
from briefgen.model import Emph, Inline, Link, Text, plain_text


def date(*parts: int) -> dict:
    return {"date-parts": [list(parts)]}


def person(family: str, given: str) -> dict:
    return {"family": family, "given": given}


ITEMS: dict[str, dict] = {
    "news": {
        "id": "news", "type": "article-newspaper", "author": [person("Smith", "Jane")],
        "title": "Drought Deepens Across the South: Farmers Brace for Losses",
        "container-title": "The Daily Ledger", "issued": date(2024, 3, 3),
        "URL": "https://example.com/news/drought",
    },
    "unsigned": {
        "id": "unsigned", "type": "article-newspaper", "title": "Aquifer Levels Hit Record Low",
        "container-title": "Coastal Times", "issued": date(2024, 4, 5),
        "URL": "https://example.com/aquifer",
    },
    "web": {
        "id": "web", "type": "webpage", "title": "Water Tariffs Explained",
        "container-title": "Water Policy Institute", "URL": "https://example.org/tariffs",
        "accessed": date(2025, 3, 4),
    },
    "blog": {
        "id": "blog", "type": "post-weblog", "author": [person("Lopez", "Maria")],
        "title": "Is Desalination Enough?", "container-title": "The Basin Blog",
        "issued": date(2023, 11, 20), "accessed": date(2025, 3, 4),
        "URL": "https://example.net/basin/desal",
    },
    "report": {
        "id": "report", "type": "report", "title": "State of the Rivers 2024",
        "publisher": "Global Water Council", "publisher-place": "Geneva",
        "issued": date(2024, 6), "URL": "https://example.org/rivers-2024.pdf",
    },
    "journal": {
        "id": "journal", "type": "article-journal",
        "author": [person("Kowalski", "Ana"), person("Reed", "Tom")],
        "title": "Pricing Groundwater: Evidence from Farm Surveys",
        "container-title": "Journal of Water Economics", "volume": "12", "issue": "3",
        "page": "45-67", "issued": date(2022), "DOI": "10.1234/jwe.2022.045",
    },
    "book": {
        "id": "book", "type": "book", "author": [person("Park", "Helen")],
        "title": "Rivers in Crisis: A Global History", "publisher": "Harbor University Press",
        "publisher-place": "Boston", "issued": date(2019),
    },
    "speech": {
        "id": "speech", "type": "speech", "author": [person("Osei", "Daniel")],
        "title": "Remarks on Transboundary Water Cooperation", "event": "Regional Water Summit",
        "event-place": "Nairobi", "issued": date(2024, 9, 12),
        "URL": "https://example.org/speeches/osei",
    },
}

# (reference entry, short note) per style and item; chicago-notes also has a full note.
GOLDEN: dict[str, dict[str, tuple[str, str]]] = {
    "chicago-notes": {
        "news": ("Smith, Jane. “Drought Deepens Across the South: Farmers Brace for Losses.” "
                 "The Daily Ledger, March 3, 2024. https://example.com/news/drought.",
                 "Smith, “Drought Deepens.”"),
        "unsigned": ("Coastal Times. “Aquifer Levels Hit Record Low.” April 5, 2024. "
                     "https://example.com/aquifer.",
                     "“Aquifer Levels Hit Record.”"),
        "web": ("Water Policy Institute. “Water Tariffs Explained.” Accessed March 4, 2025. "
                "https://example.org/tariffs.",
                "“Water Tariffs Explained.”"),
        "blog": ("Lopez, Maria. “Is Desalination Enough?” The Basin Blog, November 20, 2023. "
                 "https://example.net/basin/desal.",
                 "Lopez, “Is Desalination Enough?”"),
        "report": ("Global Water Council. State of the Rivers 2024. Geneva: Global Water Council, "
                   "2024. https://example.org/rivers-2024.pdf.",
                   "Global Water Council, State of the Rivers."),
        "journal": ("Kowalski, Ana, and Tom Reed. “Pricing Groundwater: Evidence from Farm "
                    "Surveys.” Journal of Water Economics 12, no. 3 (2022): 45–67. "
                    "https://doi.org/10.1234/jwe.2022.045.",
                    "Kowalski and Reed, “Pricing Groundwater.”"),
        "book": ("Park, Helen. Rivers in Crisis: A Global History. Boston: Harbor University "
                 "Press, 2019.",
                 "Park, Rivers in Crisis."),
        "speech": ("Osei, Daniel. “Remarks on Transboundary Water Cooperation.” Speech, Regional "
                   "Water Summit, Nairobi, September 12, 2024. https://example.org/speeches/osei.",
                   "Osei, “Remarks on Transboundary Water.”"),
    },
    "chicago-author-date": {
        "news": ("Smith, Jane. 2024. “Drought Deepens Across the South: Farmers Brace for "
                 "Losses.” The Daily Ledger, March 3, 2024. https://example.com/news/drought.",
                 "Smith 2024."),
        "unsigned": ("Coastal Times. 2024. “Aquifer Levels Hit Record Low.” April 5, 2024. "
                     "https://example.com/aquifer.",
                     "Coastal Times 2024."),
        "web": ("Water Policy Institute. n.d. “Water Tariffs Explained.” Accessed March 4, 2025. "
                "https://example.org/tariffs.",
                "Water Policy Institute n.d."),
        "blog": ("Lopez, Maria. 2023. “Is Desalination Enough?” The Basin Blog, November 20, "
                 "2023. https://example.net/basin/desal.",
                 "Lopez 2023."),
        "report": ("Global Water Council. 2024. State of the Rivers 2024. Geneva: Global Water "
                   "Council. https://example.org/rivers-2024.pdf.",
                   "Global Water Council 2024."),
        "journal": ("Kowalski, Ana, and Tom Reed. 2022. “Pricing Groundwater: Evidence from Farm "
                    "Surveys.” Journal of Water Economics 12, no. 3: 45–67. "
                    "https://doi.org/10.1234/jwe.2022.045.",
                    "Kowalski and Reed 2022."),
        "book": ("Park, Helen. 2019. Rivers in Crisis: A Global History. Boston: Harbor "
                 "University Press.",
                 "Park 2019."),
        "speech": ("Osei, Daniel. 2024. “Remarks on Transboundary Water Cooperation.” Speech, "
                   "Regional Water Summit, Nairobi, September 12, 2024. "
                   "https://example.org/speeches/osei.",
                   "Osei 2024."),
    },
    "apa": {
        "news": ("Smith, J. (2024, March 3). Drought Deepens Across the South: Farmers Brace for "
                 "Losses. The Daily Ledger. https://example.com/news/drought",
                 "Smith, 2024."),
        "unsigned": ("Aquifer Levels Hit Record Low. (2024, April 5). Coastal Times. "
                     "https://example.com/aquifer",
                     "“Aquifer Levels Hit Record,” 2024."),
        "web": ("Water Policy Institute. (n.d.). Water Tariffs Explained. Retrieved March 4, "
                "2025, from https://example.org/tariffs",
                "Water Policy Institute, n.d."),
        "blog": ("Lopez, M. (2023, November 20). Is Desalination Enough? The Basin Blog. "
                 "https://example.net/basin/desal",
                 "Lopez, 2023."),
        "report": ("Global Water Council. (2024). State of the Rivers 2024. "
                   "https://example.org/rivers-2024.pdf",
                   "Global Water Council, 2024."),
        "journal": ("Kowalski, A., & Reed, T. (2022). Pricing Groundwater: Evidence from Farm "
                    "Surveys. Journal of Water Economics, 12(3), 45–67. "
                    "https://doi.org/10.1234/jwe.2022.045",
                    "Kowalski & Reed, 2022."),
        "book": ("Park, H. (2019). Rivers in Crisis: A Global History. Harbor University Press.",
                 "Park, 2019."),
        "speech": ("Osei, D. (2024, September 12). Remarks on Transboundary Water Cooperation "
                   "[Speech]. Regional Water Summit, Nairobi. https://example.org/speeches/osei",
                   "Osei, 2024."),
    },
    "ieee": {
        "news": ("J. Smith, “Drought Deepens Across the South: Farmers Brace for Losses,” The "
                 "Daily Ledger, Mar. 3, 2024. [Online]. Available: "
                 "https://example.com/news/drought",
                 "J. Smith, “Drought Deepens.”"),
        "unsigned": ("“Aquifer Levels Hit Record Low,” Coastal Times, Apr. 5, 2024. [Online]. "
                     "Available: https://example.com/aquifer",
                     "“Aquifer Levels Hit Record.”"),
        "web": ("“Water Tariffs Explained,” Water Policy Institute. Accessed: Mar. 4, 2025. "
                "[Online]. Available: https://example.org/tariffs",
                "“Water Tariffs Explained.”"),
        "blog": ("M. Lopez, “Is Desalination Enough?” The Basin Blog, Nov. 20, 2023. Accessed: "
                 "Mar. 4, 2025. [Online]. Available: https://example.net/basin/desal",
                 "M. Lopez, “Is Desalination Enough?”"),
        "report": ("Global Water Council, “State of the Rivers 2024,” Global Water Council, "
                   "Geneva, June 2024. [Online]. Available: https://example.org/rivers-2024.pdf",
                   "Global Water Council, “State of the Rivers.”"),
        "journal": ("A. Kowalski and T. Reed, “Pricing Groundwater: Evidence from Farm Surveys,” "
                    "Journal of Water Economics, vol. 12, no. 3, pp. 45–67, 2022, "
                    "doi: 10.1234/jwe.2022.045.",
                    "A. Kowalski and T. Reed, “Pricing Groundwater.”"),
        "book": ("H. Park, Rivers in Crisis: A Global History. Boston: Harbor University Press, "
                 "2019.",
                 "H. Park, Rivers in Crisis."),
        "speech": ("D. Osei, “Remarks on Transboundary Water Cooperation,” presented at the "
                   "Regional Water Summit, Nairobi, Sept. 12, 2024. [Online]. Available: "
                   "https://example.org/speeches/osei",
                   "D. Osei, “Remarks on Transboundary Water.”"),
    },
}

CHICAGO_FULL_NOTES = {
    "news": "Jane Smith, “Drought Deepens Across the South: Farmers Brace for Losses,” The Daily "
            "Ledger, March 3, 2024, https://example.com/news/drought.",
    "unsigned": "“Aquifer Levels Hit Record Low,” Coastal Times, April 5, 2024, "
                "https://example.com/aquifer.",
    "web": "“Water Tariffs Explained,” Water Policy Institute, accessed March 4, 2025, "
           "https://example.org/tariffs.",
    "blog": "Maria Lopez, “Is Desalination Enough?” The Basin Blog, November 20, 2023, "
            "https://example.net/basin/desal.",
    "report": "Global Water Council, State of the Rivers 2024 (Geneva: Global Water Council, "
              "2024), https://example.org/rivers-2024.pdf.",
    "journal": "Ana Kowalski and Tom Reed, “Pricing Groundwater: Evidence from Farm Surveys,” "
               "Journal of Water Economics 12, no. 3 (2022): 45–67, "
               "https://doi.org/10.1234/jwe.2022.045.",
    "book": "Helen Park, Rivers in Crisis: A Global History (Boston: Harbor University Press, "
            "2019).",
    "speech": "Daniel Osei, “Remarks on Transboundary Water Cooperation” (speech, Regional Water "
              "Summit, Nairobi, September 12, 2024), https://example.org/speeches/osei.",
}

CASES = [(style, key) for style in STYLES for key in ITEMS]
OTHER = {"id": "other", "type": "book", "author": [person("Adler", "Ruth")],
         "title": "Canals", "issued": date(2001)}


def text(nodes: tuple[Inline, ...]) -> str:
    return plain_text(nodes)


def notes(style: str, *cited: list[dict]) -> list[str]:
    writer = NoteWriter(style)
    return [text(writer.note(items)) for items in cited]


def walk(nodes: tuple[Inline, ...]):
    for node in nodes:
        yield node
        if isinstance(node, (Emph, Link)):
            yield from walk(node.content)


def texts_outside_links(nodes: tuple[Inline, ...]):
    for node in nodes:
        if isinstance(node, Text):
            yield node.text
        elif isinstance(node, Emph):
            yield from texts_outside_links(node.content)


# ---------------------------------------------------------------- golden entries and notes


@pytest.mark.parametrize(("style", "key"), CASES)
def test_reference_golden(style: str, key: str) -> None:
    assert text(reference(ITEMS[key], style)) == GOLDEN[style][key][0]


@pytest.mark.parametrize(("style", "key"), CASES)
def test_first_then_short_note_golden(style: str, key: str) -> None:
    first, later = notes(style, [ITEMS[key]], [OTHER], [ITEMS[key]])[::2]
    if style == "chicago-notes":
        assert first == CHICAGO_FULL_NOTES[key]
    else:  # the style's reference entry, ending with a period
        entry = GOLDEN[style][key][0]
        assert first == (entry if entry.endswith(".") else entry + ".")
    assert later == GOLDEN[style][key][1]


# ---------------------------------------------------------------- punctuation and quotes


def test_commas_and_periods_go_inside_curly_quotes() -> None:
    assert "Losses,” The Daily Ledger" in text(NoteWriter("chicago-notes").note([ITEMS["news"]]))
    assert "Losses.” The Daily Ledger" in text(reference(ITEMS["news"], "chicago-notes"))
    for style, key in CASES:
        for out in (reference(ITEMS[key], style), NoteWriter(style).note([ITEMS[key]])):
            assert "”," not in text(out) and "”." not in text(out)
            assert '"' not in text(out)


def test_question_mark_title_swallows_comma_and_period() -> None:
    full, short = notes("chicago-notes", [ITEMS["blog"]], [OTHER], [ITEMS["blog"]])[::2]
    assert "Enough?” The Basin Blog" in full and "?,”" not in full
    assert short.endswith("Enough?”")


def test_quotes_inside_a_quoted_title_become_single() -> None:
    item = {**ITEMS["news"], "title": "The “Blue Gold” Rush"}
    assert text(reference(item, "chicago-notes")).startswith("Smith, Jane. “The ‘Blue Gold’ Rush.”")


def test_semicolons_stay_outside_quotes() -> None:
    _, both = notes("chicago-notes", [ITEMS["news"]], [ITEMS["news"], ITEMS["book"]])
    assert both.startswith("Smith, “Drought Deepens”; Helen Park, Rivers in Crisis")


def test_text_is_literal_never_markup() -> None:
    item = {**ITEMS["book"], "title": "R&D <Spending> on *Desalination*"}
    out = reference(item, "apa")
    assert Emph((Text("R&D <Spending> on *Desalination*"),)) in out


# ---------------------------------------------------------------- missing author and date


UNSIGNED_JOURNAL = {"id": "anon", "type": "article-journal", "title": "Soil Salinity Trends",
                    "container-title": "Arid Lands Review", "volume": "8", "issued": date(2021)}


@pytest.mark.parametrize(("style", "expected"), [
    ("chicago-notes", "“Soil Salinity Trends.” Arid Lands Review 8 (2021)."),
    ("chicago-author-date", "“Soil Salinity Trends.” 2021. Arid Lands Review 8."),
    ("apa", "Soil Salinity Trends. (2021). Arid Lands Review, 8."),
    ("ieee", "“Soil Salinity Trends,” Arid Lands Review, vol. 8, 2021."),
])
def test_missing_author_puts_title_first(style: str, expected: str) -> None:
    assert text(reference(UNSIGNED_JOURNAL, style)) == expected


def test_missing_author_labels_use_short_title() -> None:
    assert in_text_labels([UNSIGNED_JOURNAL], "chicago-author-date") == {
        "anon": "“Soil Salinity Trends” 2021"}
    assert in_text_labels([UNSIGNED_JOURNAL], "apa") == {"anon": "“Soil Salinity Trends,” 2021"}


def test_missing_author_organisation_stands_in_without_repeating_container() -> None:
    assert text(reference(ITEMS["report"], "apa")).startswith("Global Water Council. (2024).")
    assert CHICAGO_FULL_NOTES["report"].startswith("Global Water Council, State")
    for style in STYLES:
        for out in (reference(ITEMS["unsigned"], style), reference(ITEMS["web"], style)):
            assert text(out).count("Coastal Times") + text(out).count("Water Policy") == 1
            assert not text(out).startswith((",", ".", " "))


def test_literal_author_is_printed_as_given() -> None:
    item = {**ITEMS["news"], "author": [{"literal": "Ministry of Water Resources"}]}
    assert text(reference(item, "chicago-notes")).startswith("Ministry of Water Resources. “")
    assert text(reference(item, "apa")).startswith("Ministry of Water Resources. (2024, March 3).")
    assert text(reference(item, "ieee")).startswith("Ministry of Water Resources, “")


UNDATED_BOOK = {key: value for key, value in ITEMS["book"].items() if key != "issued"}


@pytest.mark.parametrize(("style", "expected"), [
    ("chicago-notes", "Park, Helen. Rivers in Crisis: A Global History. Boston: Harbor "
                      "University Press, n.d."),
    ("chicago-author-date", "Park, Helen. n.d. Rivers in Crisis: A Global History. Boston: "
                            "Harbor University Press."),
    ("apa", "Park, H. (n.d.). Rivers in Crisis: A Global History. Harbor University Press."),
    ("ieee", "H. Park, Rivers in Crisis: A Global History. Boston: Harbor University Press, n.d."),
])
def test_missing_date_gives_nd(style: str, expected: str) -> None:
    assert text(reference(UNDATED_BOOK, style)) == expected


def test_missing_date_in_notes_and_labels() -> None:
    assert notes("chicago-notes", [UNDATED_BOOK]) == [
        "Helen Park, Rivers in Crisis: A Global History (Boston: Harbor University Press, n.d.)."]
    assert in_text_labels([UNDATED_BOOK], "chicago-author-date") == {"book": "Park n.d."}
    assert in_text_labels([UNDATED_BOOK], "apa") == {"book": "Park, n.d."}
    undated_print = {k: v for k, v in ITEMS["unsigned"].items() if k not in ("issued", "URL")}
    assert notes("chicago-notes", [undated_print]) == [
        "“Aquifer Levels Hit Record Low,” Coastal Times, n.d."]
    assert text(reference(undated_print, "chicago-notes")) == \
        "Coastal Times. “Aquifer Levels Hit Record Low.” n.d."


# ---------------------------------------------------------------- accessed dates


UNDATED_NEWS = {key: value for key, value in ITEMS["news"].items() if key != "issued"}
UNDATED_NEWS["accessed"] = date(2025, 3, 4)


@pytest.mark.parametrize(("style", "expected"), [
    ("chicago-notes", "Jane Smith, “Drought Deepens Across the South: Farmers Brace for Losses,” "
                      "The Daily Ledger, accessed March 4, 2025, https://example.com/news/drought."),
    ("apa", "Smith, J. (n.d.). Drought Deepens Across the South: Farmers Brace for Losses. The "
            "Daily Ledger. Retrieved March 4, 2025, from https://example.com/news/drought."),
    ("ieee", "J. Smith, “Drought Deepens Across the South: Farmers Brace for Losses,” The Daily "
             "Ledger. Accessed: Mar. 4, 2025. [Online]. Available: https://example.com/news/drought."),
])
def test_undated_item_with_url_gets_accessed_date(style: str, expected: str) -> None:
    assert notes(style, [UNDATED_NEWS]) == [expected]


def test_dated_items_get_no_accessed_date_in_chicago_and_apa() -> None:
    dated = {**ITEMS["news"], "accessed": date(2025, 3, 4)}
    for style in ("chicago-notes", "chicago-author-date", "apa"):
        assert "ccessed" not in text(reference(dated, style))
        assert "Retrieved" not in text(reference(dated, style))
    assert "Accessed: Mar. 4, 2025" in text(reference(ITEMS["blog"], "ieee"))
    assert "ccessed" not in text(reference(ITEMS["blog"], "chicago-notes"))


def test_unknown_type_is_laid_out_like_a_webpage() -> None:
    for style in STYLES:
        assert reference({**ITEMS["web"], "type": "interview"}, style) == \
            reference(ITEMS["web"], style)


# ---------------------------------------------------------------- notes: short forms and Ibid.


def test_full_then_short_note() -> None:
    assert notes("chicago-notes", [ITEMS["book"]], [ITEMS["news"]], [ITEMS["book"]]) == [
        CHICAGO_FULL_NOTES["book"], CHICAGO_FULL_NOTES["news"], "Park, Rivers in Crisis."]


def test_ibid_rules() -> None:
    news, book = ITEMS["news"], ITEMS["book"]
    assert notes("chicago-notes", [news], [news], [news, book], [book], [book], [news]) == [
        CHICAGO_FULL_NOTES["news"],
        "Ibid.",                                     # same single source as the note before
        "Smith, “Drought Deepens”; " + CHICAGO_FULL_NOTES["book"],
        "Park, Rivers in Crisis.",                   # the note before held two sources
        "Ibid.",
        "Smith, “Drought Deepens.”",                 # a different source
    ]


def test_ibid_never_for_a_note_with_several_sources() -> None:
    news, book = ITEMS["news"], ITEMS["book"]
    assert notes("chicago-notes", [news, book], [news, book])[1] == \
        "Smith, “Drought Deepens”; Park, Rivers in Crisis."
    assert notes("chicago-notes", [news], [news, book])[1].startswith("Smith, “Drought Deepens”;")


@pytest.mark.parametrize(("style", "later"), [
    ("chicago-author-date", "Smith 2024."), ("apa", "Smith, 2024."),
    ("ieee", "J. Smith, “Drought Deepens.”"),
])
def test_no_ibid_outside_chicago_notes(style: str, later: str) -> None:
    assert notes(style, [ITEMS["news"]], [ITEMS["news"]])[1] == later


def test_one_note_keeps_order_separated_by_semicolons() -> None:
    first = notes("chicago-notes", [ITEMS["book"], ITEMS["news"], ITEMS["unsigned"]])[0]
    assert first == (CHICAGO_FULL_NOTES["book"][:-1] + "; " + CHICAGO_FULL_NOTES["news"][:-1]
                     + "; " + CHICAGO_FULL_NOTES["unsigned"])
    assert notes("apa", [ITEMS["book"], ITEMS["news"]], [ITEMS["news"], ITEMS["book"]])[1] == \
        "Smith, 2024; Park, 2019."


# ---------------------------------------------------------------- labels and ordering


def test_year_suffix_disambiguation() -> None:
    markets = {**ITEMS["news"], "id": "markets", "title": "Water Markets Reopen"}
    canals = {**ITEMS["news"], "id": "canals", "title": "Canal Repairs Stall"}
    older = {**ITEMS["news"], "id": "older", "issued": date(2023, 5, 1)}
    items = [markets, canals, older]
    assert in_text_labels(items, "chicago-author-date") == {
        "markets": "Smith 2024b", "canals": "Smith 2024a", "older": "Smith 2023"}
    assert in_text_labels(items, "chicago-notes")["canals"] == "Smith 2024a"
    assert in_text_labels(items, "apa") == {
        "markets": "Smith, 2024b", "canals": "Smith, 2024a", "older": "Smith, 2023"}
    suffixed = disambiguate(items, "apa")
    assert text(reference(suffixed[1], "apa")).startswith("Smith, J. (2024a, March 3). Canal")
    assert text(reference(disambiguate(items, "chicago-author-date")[0],
                          "chicago-author-date")).startswith("Smith, Jane. 2024b. “Water Markets")
    assert "year-suffix" not in markets  # the caller's items are not changed


def test_undated_collisions_get_nd_suffixes() -> None:
    one = {"id": "one", "type": "webpage", "title": "Alpha", "container-title": "Basin Agency"}
    two = {"id": "two", "type": "webpage", "title": "Beta", "container-title": "Basin Agency"}
    assert in_text_labels([two, one], "apa") == {"one": "Basin Agency, n.d.-a",
                                                 "two": "Basin Agency, n.d.-b"}


def test_ieee_labels_are_empty_and_in_text_brackets() -> None:
    assert in_text_labels(list(ITEMS.values()), "ieee") == {key: "" for key in ITEMS}
    assert in_text("ieee") == ("[", "], [", "]")
    for style in ("chicago-notes", "chicago-author-date", "apa"):
        assert in_text(style) == ("(", "; ", ")")


@pytest.mark.parametrize(("style", "order"), [
    ("chicago-notes", ["unsigned", "report", "journal", "blog", "speech", "book", "news", "web"]),
    ("apa", ["unsigned", "report", "journal", "blog", "speech", "book", "news", "web"]),
])
def test_sort_key_orders_by_author_or_title(style: str, order: list[str]) -> None:
    keys = sorted(ITEMS, key=lambda key: sort_key(ITEMS[key], style))
    assert keys == order


def test_sort_key_then_year_then_title() -> None:
    early = {**ITEMS["book"], "id": "e", "issued": date(2010), "title": "Zebra Mussels"}
    late_b = {**ITEMS["book"], "id": "b", "title": "Basins"}
    late_a = {**ITEMS["book"], "id": "a", "title": "The Aral Sea"}
    ordered = sorted([late_b, early, late_a], key=lambda i: sort_key(i, "chicago-notes"))
    assert [i["id"] for i in ordered] == ["e", "a", "b"]


# ---------------------------------------------------------------- nodes


def test_urls_and_dois_are_live_links() -> None:
    out = reference(ITEMS["news"], "chicago-notes")
    assert Link("https://example.com/news/drought", (Text("https://example.com/news/drought"),)) \
        in out
    doi = "https://doi.org/10.1234/jwe.2022.045"
    assert Link(doi, (Text(doi),)) in reference(ITEMS["journal"], "apa")
    assert Link(doi, (Text("10.1234/jwe.2022.045"),)) in reference(ITEMS["journal"], "ieee")
    for style, key in CASES:
        assert not any("://" in t for t in texts_outside_links(reference(ITEMS[key], style)))


def test_containers_and_book_titles_are_italic() -> None:
    assert Emph((Text("The Daily Ledger"),)) in reference(ITEMS["news"], "chicago-notes")
    assert Emph((Text("Rivers in Crisis: A Global History"),)) in reference(ITEMS["book"], "ieee")
    assert Emph((Text("State of the Rivers 2024"),)) in reference(ITEMS["report"], "apa")
    assert Emph((Text("Journal of Water Economics, 12"),)) in reference(ITEMS["journal"], "apa")
    signed_web = {**ITEMS["web"], "author": [person("Chen", "Li")]}
    assert not any(isinstance(n, Emph) for n in reference(signed_web, "chicago-notes"))


def test_adjacent_text_nodes_are_merged() -> None:
    for style, key in CASES:
        for out in (reference(ITEMS[key], style), NoteWriter(style).note([ITEMS[key]])):
            pairs = zip(out, out[1:], strict=False)
            assert not any(isinstance(a, Text) and isinstance(b, Text) for a, b in pairs)
            assert all(n.text for n in out if isinstance(n, Text))


# ---------------------------------------------------------------- known citeproc-py bugs


def test_no_edition_no_doubled_punctuation() -> None:
    for style, key in CASES:
        for out in (reference(ITEMS[key], style), NoteWriter(style).note([ITEMS[key]])):
            assert "Edition" not in text(out)
            for bad in ("..", ",,", ", ,", " .", " ,", "  "):
                assert bad not in text(out)


def test_chicago_keeps_given_names_in_full() -> None:
    assert "J. Smith" not in text(reference(ITEMS["news"], "chicago-notes"))
    assert CHICAGO_FULL_NOTES["news"].startswith("Jane Smith")
    assert text(reference(ITEMS["news"], "chicago-author-date")).startswith("Smith, Jane.")


def test_initials_in_apa_and_ieee() -> None:
    item = {**ITEMS["news"], "author": [person("Dubois", "Jean-Paul"), person("Ng", "Mary Ann")]}
    assert text(reference(item, "apa")).startswith("Dubois, J.-P., & Ng, M. A. (2024")
    assert text(reference(item, "ieee")).startswith("J.-P. Dubois and M. A. Ng, “")


def test_many_authors() -> None:
    three = {**ITEMS["news"], "author": [person("Smith", "Jane"), person("Reed", "Tom"),
                                         person("Chen", "Li")]}
    assert notes("chicago-notes", [three])[0].startswith("Jane Smith et al., “Drought")
    assert text(reference(three, "chicago-notes")).startswith(
        "Smith, Jane, Tom Reed, and Li Chen. “Drought")
    assert in_text_labels([three], "apa") == {"news": "Smith et al., 2024"}
    seven = {**three, "author": three["author"] + [person(f"Author{n}", "Kim") for n in range(4)]}
    assert text(reference(seven, "chicago-notes")).startswith(
        "Smith, Jane, Tom Reed, Li Chen, et al. “Drought")
    assert text(reference(seven, "ieee")).startswith("J. Smith et al., “Drought")


def test_short_title_rules() -> None:
    item = {**ITEMS["book"], "title": "The Future of Rivers"}
    assert notes("chicago-notes", [item], [OTHER], [item])[2] == "Park, Future of Rivers."
    item = {**ITEMS["book"], "title-short": "Crisis"}
    assert notes("chicago-notes", [item], [OTHER], [item])[2] == "Park, Crisis."


def test_unknown_style_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown citation style"):
        reference(ITEMS["news"], "mla")
    with pytest.raises(ValueError):
        NoteWriter("harvard")
