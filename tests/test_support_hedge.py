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
