"""A sentence that drops its sources' hedge ("could", "plans", "aims") states as done what they only expect."""

from __future__ import annotations

from briefgen.support.match import dropped, judge


def test_a_dropped_hedge_is_reported_and_a_kept_one_is_not() -> None:
    quote = "The US government has been considering additional restrictions on China's access to US cloud services."
    assert judge("Washington has imposed new limits on China's access to US cloud services.", [quote]).dropped == "considering"
    assert judge("Washington has been considering new limits on China's access to US cloud services.", [quote]).dropped == ""
    assert dropped("AI has become an exclusive game.", ["AI could become an exclusive game."]) == "could"
    assert dropped("AI could become an exclusive game.", ["AI could become an exclusive game."]) == ""


def test_the_hedge_must_govern_what_the_sentence_says() -> None:
    # "may" governs "still expand", which the sentence does not state
    quote = "The new crane cut unloading times, officials said, though the port may still expand."
    assert dropped("The new crane cut unloading times.", [quote]) == ""
    assert dropped("The port has expanded.", [quote]) == "may"
    # one supporting passage that states it plainly is enough
    assert dropped("AI has become an exclusive game.", ["AI could become an exclusive game.", "AI has become an exclusive game."]) == ""
    assert dropped("Funding rose.", []) == ""


def test_a_hedge_in_a_parenthesis_glosses_a_term_and_governs_nothing() -> None:
    quote = "The board revised the export system for dual-use goods (items that may have military uses)."
    assert dropped("The board revised the export system for dual-use goods.", [quote]) == ""
    assert dropped("The board revised the export system for dual-use goods.", ["The board may revise the export system."]) == "may"


def test_an_attempt_is_tentative_and_reported_speech_keeps_an_attributing_hedge() -> None:
    assert dropped("The board blocked the merger.", ["The board tried to block the merger."]) == "tried"
    assert dropped("The board tries to block the merger.", ["The board seeks to block the merger."]) == ""
    quote = "Two carmakers claim to have reached level 4 autonomy."
    assert dropped("Two carmakers say they have reached level 4 autonomy.", [quote]) == ""
    assert dropped("Two carmakers have reached level 4 autonomy.", [quote]) == "claim"


def test_a_purpose_infinitive_keeps_the_intent_and_a_tentative_noun_governs_only_its_phrase() -> None:
    quote = "The minister set up a new agency aimed at fostering port cooperation."
    assert dropped("The minister set up a new agency to foster port cooperation.", [quote]) == ""
    assert dropped("The minister's new agency fosters port cooperation.", [quote]) == "aimed"
    noun = "The minister's proposal criticizes existing port rules."
    assert dropped("The minister criticizes existing port rules.", [noun]) == ""  # the proposal exists and criticizes
    assert dropped("The port rules were changed.", ["The proposal to change the port rules was tabled."]) == "proposal"
