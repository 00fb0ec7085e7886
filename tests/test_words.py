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


def test_phrases_match_inflected_and_are_reported_as_written() -> None:
    assert judge("All countries are taking part.", ["All countries participate."]).missing == ()
    assert judge("Firms took part.", ["Firms participated."]).missing == ()
    missing = judge("He called for oversight.", ["He stressed oversight."]).missing
    assert [x.text for x in missing] == ["called for"]  # the words the sentence wrote, not the group's "propose"


def test_hyphenated_compounds_match_closed_up() -> None:
    assert judge("Peace-keeping forces left.", ["peacekeeping forces left"]).missing == ()
    assert judge("Peacekeeping forces left.", ["peace-keeping forces left"]).missing == ()
    assert judge("A humanoid start-up.", ["a humanoid startup"]).missing == ()  # a hyphenated synonym item is a phrase
    assert [x.text for x in judge("Peace-keeping forces left.", ["forces left"]).missing] == ["Peace", "keeping"]


def test_frames_need_no_support_but_what_they_frame_does() -> None:
    assert judge("Coverage presents the measures as a divide.", ["the divide"]).missing == ()
    assert [x.text for x in judge("Coverage presents tariffs as a divide.", ["the divide"]).missing] == ["tariffs"]
    assert [x.text for x in judge("Ministers present the plan.", ["the plan"]).missing] == ["Ministers", "present"]
    assert [x.text for x in judge("Later the development of robots slowed.", ["Later robots slowed."]).missing] == [
        "development"]  # a noun that carries content after "the" is no shell noun


def test_a_name_in_full_is_supported_by_one_part_alone_never_by_a_title() -> None:
    assert judge("Critics say Ana Ruiz resigned.", ["Critics say Ruiz resigned."]).missing == ()
    assert [x.text for x in judge("Later President Ruiz resigned.", ["Later the President resigned."]).missing] == ["Ruiz"]
    assert [x.text for x in judge("Later Ana Ruiz resigned.", ["Later Ana Ortiz resigned."]).missing] == ["Ruiz"]
    assert [x.text for x in judge("Later US President Ruiz resigned.", ["Later the US said so."]).missing] == [
        "President", "Ruiz", "resigned"]  # a place or a title never stands for the name beside it
    assert [x.text for x in judge("Later Brazilian Premier Ana Ruiz spoke.", ["Later Ruiz spoke."]).missing] == [
        "Brazilian", "Premier"]


def test_places_stand_for_their_governments_and_derivations_share_stems() -> None:
    assert judge("Later China signalled intent.", ["Later Beijing signalled intent."]).missing == ()
    assert judge("Its diplomacy.", ["its diplomatic"]).missing == ()
    assert len({w.stem(x) for x in ("note", "notes", "noted", "noting")}) == 1
    assert w.stem("boxes") == "box"


def test_quantifiers_that_widen_a_claim_need_support() -> None:
    assert [x.text for x in judge("Every export was banned.", ["Exports were banned."]).missing] == ["Every"]
    assert judge("All exports were banned.", ["all exports were banned"]).missing == ()


def test_a_hyphenated_number_word_is_one_number() -> None:
    from briefgen.support.match import judge
    from briefgen.text.words import words

    assert [(x.text, x.key) for x in words("for twenty-eight entities") if x.kind == "number"] == [("twenty-eight", "28")]
    assert [x.key for x in words("Twenty-One firms and twenty more") if x.kind == "number"] == ["21", "20"]
    assert [x.text for x in judge("The rule covers 28 entities.", ["The rule covers twenty-eight entities."]).missing] == []
    assert [x.text for x in judge("The rule covers 20 entities.", ["The rule covers twenty-eight entities."]).missing] == ["20"]
