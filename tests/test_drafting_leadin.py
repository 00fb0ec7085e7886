"""A list item that is no sentence on its own is drafted with its list's lead-in (drafting.drafting._lead_ins)."""

from __future__ import annotations

from briefgen.drafting import drafting
from briefgen.drafting.corpus import Corpus
from briefgen.drafting.themefit import Topic

TEXT = """The water agency met in Lagos to review the dry season.

The minister identified several obstacles to clean water in northern towns:
  • Insufficient supply of chlorine tablets due to import delays.
  • Households in northern towns can wait a month for a new water pump.

The agency will publish its own plan for northern towns in May.
"""


def _drafts(text: str) -> list[drafting.Draft]:
    corpus = Corpus()
    corpus.add("a.txt", text)
    corpus.add("b.txt", "Rainfall in the south was normal for the season according to the weather service.\n")
    topics = [Topic("water", "Clean water in northern towns", "Chlorine tablets, water pumps and clean water in northern towns.")]
    return drafting.draft(corpus, topics, per_theme=6)


def test_a_verbless_list_item_is_quoted_and_written_with_its_lead_in() -> None:
    drafts = _drafts(TEXT)
    item = next(d for d in drafts if "chlorine tablets" in d.text)
    assert [p.quote for p in item.evidence] == ["Insufficient supply of chlorine tablets due to import delays.",
                                                "The minister identified several obstacles to clean water in northern towns:"]
    assert item.text == ("The minister identified several obstacles to clean water in northern towns: "
                         "Insufficient supply of chlorine tablets due to import delays.")
    assert TEXT.replace("\n  ", " ").find(item.evidence[1].quote) >= 0  # verbatim


def test_an_item_that_is_a_sentence_of_its_own_or_follows_no_lead_in_stands_alone() -> None:
    drafts = _drafts(TEXT)
    pump = next(d for d in drafts if "water pump" in d.text)
    assert pump.text == "Households in northern towns can wait a month for a new water pump."
    assert len(pump.evidence) == 1
    plain = _drafts(TEXT.replace("in northern towns:\n", "in northern towns.\n"))
    item = next(d for d in plain if "chlorine tablets" in d.text)
    assert item.text == "Insufficient supply of chlorine tablets due to import delays." and len(item.evidence) == 1
