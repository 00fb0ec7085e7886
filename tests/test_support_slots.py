"""A word a thesaurus relates to the passage word in its place is a paraphrase (support/slots.py, text/moby.py)."""

from __future__ import annotations

from briefgen.support import slots
from briefgen.support.match import judge, reportable
from briefgen.text import moby
from briefgen.text import words as w


def _reported(claim: str, quote: str) -> list[str]:
    return [x.text for x in reportable(judge(claim, [quote]).missing)]


def test_a_thesaurus_paraphrase_in_its_place_is_supported() -> None:
    # WordNet does not link these, and the word vectors put them below their bar; the Moby thesaurus lists them
    quote = "These updates will restrict China's ability to both purchase and manufacture certain advanced chips."
    assert _reported("The updates will restrict China's capacity to buy and make certain advanced chips.", quote) == []
    assert _reported("The proposal is likely to sharpen the debate over AI.", "The proposal is likely to intensify the debate over AI.") == []
    assert _reported("The comment period ended on 1 March.", "The comment period closed on 1 March.") == []


def test_an_opposite_or_an_unrelated_word_is_still_reported() -> None:
    assert _reported("The comment period began on 1 March.", "The comment period closed on 1 March.") == ["began"]
    assert _reported("The proposal is likely to settle the debate over AI.", "The proposal is likely to intensify the debate over AI.") == ["settle"]


def test_a_related_word_elsewhere_in_the_passage_does_not_stand_in() -> None:
    """The thesaurus lists "release" for "replace": a passage's "released" two words away from the place of the
    sentence's "replace" says nothing about it."""
    assert moby.related("replace", ["released"]) == "released"
    quote = "The rules released in October 2023 reinforce the October 2022 controls."
    assert _reported("The October 2023 rules replace the October 2022 controls.", quote) == ["replace"]


def test_the_slot_is_the_passage_between_the_copies_of_the_words_kept_beside_it() -> None:
    found = [x for x in w.words("Congress has reshaped the export control system.")]
    passage = [x for x in w.words("Since 2018, Congress has revised, through legislation, the export control system.")]
    reshaped = next(x for x in found if x.text == "reshaped")
    assert [x.text for x in slots.slot(found, reshaped, passage)] == ["Congress", "revised", "legislation", "export"]
    assert slots.slot(found, reshaped, []) == []


def test_literal_absolute_adverb_and_light_words_are_never_excused_by_the_thesaurus() -> None:
    assert moby.related("bars", ["restricts"]) == "restricts"  # the thesaurus is broad: "bar" is absolute.txt's
    assert _reported("The rule bans exports of advanced chips.", "The rule restricts exports of advanced chips.") == ["bans"]
    assert _reported("The rule bars exports of advanced chips.", "The rule restricts exports of advanced chips.") == ["bars"]
    assert not any(slots.broad(x) for x in w.words("bans explicitly all would put"))
    assert slots.broad(w.words("capacity")[0])


def test_the_thesaurus_is_symmetric_and_needs_no_data_until_asked() -> None:
    assert moby.related("ability", ["capacity"]) == "capacity" and moby.related("capacity", ["ability"]) == "ability"
    assert moby.related("zzzz", ["capacity"]) == "" and moby.related("capacity", []) == ""
