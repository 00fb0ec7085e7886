"""text/words.py: tokens, stems, kinds and synonyms, as the support check relies on them."""

from __future__ import annotations

from briefgen.support.match import judge
from briefgen.text import words as w


def kinds(text: str) -> dict[str, str]:
    return {x.text: x.kind for x in w.words(text)}


def test_inflections_share_a_stem() -> None:
    for group in (["restrictions", "restricted", "restrict", "restricting"], ["organisation", "organization"],
                  ["democratise", "democratize", "democratising"], ["said", "says", "say"], ["chips", "chip"]):
        assert len({w.stem(x) for x in group}) == 1, group


def test_numbers_dates_names_and_words_are_told_apart() -> None:
    found = kinds("In March 2023 the Harbour Board of Kestrel said eight cranes cost 1,000 euros; the CEO agreed.")
    assert found["March"] == "date" and found["2023"] == "date"
    assert found["eight"] == "number" and found["1,000"] == "number"
    assert found["Harbour"] == "name" and found["Kestrel"] == "name"
    assert found["cranes"] == "word" and found["CEO"] == "word"  # a common acronym is no name
    assert "the" not in found and "In" not in found  # function words are not content


def test_number_words_match_digits_and_synonym_phrases_match_acronyms() -> None:
    assert judge("An eight-minute speech.", ["an 8-minute speech"]).missing == ()
    assert judge("The United States acted.", ["The US acted."]).missing == ()
    assert [x.text for x in judge("Nine cranes.", ["eight cranes"]).missing] == ["Nine"]


def test_synonym_groups_come_from_the_data_file() -> None:
    assert judge("Exports were curbed.", ["Exports were restricted."]).missing == ()
    assert [x.text for x in judge("Exports were banned.", ["Exports were restricted."]).missing] == ["banned"]
