"""Theme fit rules (drafting/themefit.py), each on a small corpus of its own: no seed or example data."""

from __future__ import annotations

from briefgen.drafting import themefit
from briefgen.drafting.corpus import Corpus
from briefgen.drafting.themefit import Topic


def _filed(docs: dict[str, str], topics: list[Topic]) -> dict[str, str]:
    """Return each claimable sentence's text → the id of the topic it is filed under ("" when it fits none)."""
    corpus = Corpus()
    for source, text in docs.items():
        corpus.add(source, text)
    best, unfit = themefit.fit(corpus, topics)
    out = {}
    for i in best.keys() | unfit.keys():
        doc, start, end = corpus.spans[i]
        out[corpus.texts[doc][start:end]] = topics[best[i][0]].id if i in best else ""
    return out


FORUM = Topic("forum", "The World Water Forum", "The World Water Forum in Dakar as a meeting place for water ministers.")
PRICES = Topic("prices", "Water prices", "What households and farms pay for water, and tariff reforms.")


def test_a_theme_names_its_acronym() -> None:
    assert FORUM.acronyms() == {"wwf"}
    assert Topic("x", "Rules of the Bureau of Industry and Security").acronyms() == {"bis"}
    assert Topic("x", "US water limits", "The Nile treaty").acronyms() == set()  # fewer than three capitalised words
    docs = {"a.txt": "The WWF drew delegates from forty countries on Monday.\n\n"
                     "Tariff reforms raised what households pay for water by a tenth.\n\n"
                     "Farms pay less for water than households under the old tariff.\n"}
    filed = _filed(docs, [FORUM, PRICES])
    assert filed["The WWF drew delegates from forty countries on Monday."] == "forum"


def test_a_sentence_that_fits_two_themes_about_equally_is_filed_under_neither_and_names_both() -> None:
    from briefgen.drafting import drafting

    docs = {"memo.txt": "Reservoir storage and tariff revenue both fell sharply in the dry summer months.\n\n"
                        "Reservoir storage in the northern basin fell to a record low in August.\n\n"
                        "Tariff revenue in the city rose by a tenth over the last year.\n"}
    corpus = Corpus()
    for source, text in docs.items():
        corpus.add(source, text)
    topics = [Topic("stocks", "Water stocks", terms=("reservoir",)), Topic("pricing", "Prices", terms=("tariff",))]
    drafts = drafting.draft(corpus, topics, per_theme=4)
    both = [d for d in drafts if d.text.startswith("Reservoir storage and tariff")]
    assert [(d.theme, sorted(d.fits)) for d in both] == [("", ["pricing", "stocks"])]
    assert all(d.fits == () for d in drafts if d.theme)


AGENCY = Topic("agency", "The proposed water agency", "The proposal to create a regional water agency: its stated aims.")


def test_a_list_item_that_fits_no_theme_alone_is_read_with_the_heading_of_its_list() -> None:
    docs = {"a.txt": ("Key aims of the proposed agency\n\n"
                      "  • Fair access to water for every town of the basin.\n"
                      "  • Tariff reforms that lower what households pay for water.\n\n"
                      "Tariff reforms raised what households pay for water by a tenth last year.\n"),
            "b.txt": "The forum drew ministers from forty countries to talk about water.\n\n"
                     "Ministers said the proposed agency would publish its aims in the spring.\n"}
    filed = _filed(docs, [FORUM, PRICES, AGENCY])
    assert filed["Fair access to water for every town of the basin."] == "agency", \
        "alone it fits no theme clearly (water is every theme's word); its list's heading names the agency"
    assert filed["Tariff reforms that lower what households pay for water."] == "prices", \
        "an item that fits a theme clearly alone keeps it, whatever its list's heading says"
    plain = _filed({"a.txt": docs["a.txt"].replace("Key aims of the proposed agency\n\n", "")} | {"b.txt": docs["b.txt"]},
                   [FORUM, PRICES, AGENCY])
    assert plain["Fair access to water for every town of the basin."] == "", "with no heading it fits no theme"
