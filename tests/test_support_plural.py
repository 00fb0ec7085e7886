"""Plural attribution ("analysts say") counts the distinct sources behind what it attributes."""

from __future__ import annotations

from briefgen.support.claims import one_as_many

TARIFF = "Port tariffs rose by a third in the spring."
TARIFF_AGAIN = "By the spring, port tariffs had risen by a third."
STRIKE = "Dock workers went on strike over pay."


def test_two_quotes_of_one_source_are_one_source() -> None:
    assert one_as_many("Analysts say port tariffs rose.", [("alpha", TARIFF), ("alpha", TARIFF_AGAIN)]) == ["Analysts"]
    assert one_as_many("Analysts say port tariffs rose.", [("alpha", TARIFF), ("beta", TARIFF_AGAIN)]) == []


def test_the_sources_counted_are_those_behind_the_attributed_clause() -> None:
    # two sources support the claim, but only one of them says what "analysts" say
    text = "Analysts say port tariffs rose; dock workers went on strike."
    assert one_as_many(text, [("alpha", TARIFF), ("beta", STRIKE)]) == ["Analysts"]
    assert one_as_many(text, [("alpha", TARIFF), ("beta", TARIFF_AGAIN), ("gamma", STRIKE)]) == []


def test_a_source_that_itself_reports_several_voices_is_not_flagged() -> None:
    assert one_as_many("Some experts say tariffs rose.", [("alpha", "Some experts say tariffs rose sharply.")]) == []


def test_a_source_that_reports_is_one_voice_not_many() -> None:
    # "reports" after a singular subject and before what it reports is a verb: one source speaks
    for text in ("GAO reports that port tariffs rose.", "The digest reports that port tariffs rose.",
                 "It reports that port tariffs rose.", "The Harbor Gazette reports Port tariffs rose."):
        assert one_as_many(text, [("alpha", TARIFF)]) == [], text
    # a plural noun stays plural attribution, one source behind it
    for text in ("Reports say port tariffs rose.", "Several reports say port tariffs rose.", "GAO reports show port tariffs rose.",
                 "Recent reports that port tariffs rose were denied.", "Press reports that port tariffs rose spread."):
        assert one_as_many(text, [("alpha", TARIFF)]) == ["reports" if not text.startswith("Reports") else "Reports"], text
