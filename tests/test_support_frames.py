"""Words that frame what a source says, resolved without a hand list of sources: a reporting or stance
verb before a that-clause ("Li also noted that …"), and words naming the cited document itself
("the bill", "the December 2024 rule", "the bill's sponsors")."""

from __future__ import annotations

from types import SimpleNamespace

from briefgen.support.match import judge
from briefgen.text import frames
from briefgen.text import words as w

QUOTE = "Port tariffs rose by a third in the spring."


def _missing(claim: str, quotes: list[str] | None = None, origins: list | None = None) -> list[str]:
    return [x.text for x in judge(claim, quotes or [QUOTE], origins=origins or ()).missing]


def test_a_reporting_or_stance_verb_before_what_it_reports_is_a_frame() -> None:
    assert _missing("Ruiz also noted that port tariffs rose by a third in the spring.", ["Ruiz said port tariffs rose by a third in the spring."]) == []
    assert _missing("Ruiz warns that port tariffs rose by a third in the spring.", ["Ruiz: port tariffs rose by a third in the spring."]) == []
    assert _missing("They hold that port tariffs rose by a third in the spring.") == []
    assert _missing("He has also maintained that port tariffs rose by a third in the spring.") == []
    # after an attribution subject a stance verb frames without "that" ("the digest expects …")
    assert _missing("The digest expects port tariffs to rise by a third in the spring.", ["Port tariffs will likely rise by a third in the spring."]) == []


def test_a_verb_that_acts_or_asserts_the_clause_is_no_frame() -> None:
    assert _missing("The harbour board warned shippers about port tariffs in the spring.") == ["harbour", "board", "warned", "shippers"]
    assert _missing("The board admitted that port tariffs rose by a third in the spring.") == ["board", "admitted"]  # factive
    assert _missing("The notes that port tariffs rose by a third came in the spring.") == ["notes", "came"]  # a noun, not a verb
    assert frames.frame_words("Ruiz noted tariffs.") == frozenset()


def _origin(kind: str, issued: str, title: str = "On port tariffs") -> SimpleNamespace:
    return SimpleNamespace(csl={"type": kind, "title": title}, issued=issued, text="")


def test_words_naming_the_cited_document_need_no_quote() -> None:
    bill = _origin("legislation", "2026-03-02", "Port Tariff Transparency Act of 2026")
    assert _missing("The bill would report that port tariffs rose by a third in the spring.", origins=[bill]) == []
    assert _missing("The bill's sponsors hold that port tariffs rose by a third in the spring.", origins=[bill]) == []
    assert _missing("The March 2026 act says port tariffs rose by a third in the spring.", origins=[bill]) == []
    rule = _origin("legislation", "2024-12-05", "Tariff Rule Additions")
    assert _missing("The December 2024 rule says port tariffs rose by a third in the spring.", origins=[rule]) == []


def test_a_document_word_that_fits_no_cited_document_still_needs_a_quote() -> None:
    page = _origin("webpage", "2024-12-05")
    assert _missing("The bill says port tariffs rose by a third in the spring.", origins=[page]) == ["bill"]
    rule = _origin("legislation", "2024-12-05")
    # a date that is not the document's is a date the sentence states, of another document
    assert _missing("The October 2022 rule says port tariffs rose by a third in the spring.", origins=[rule]) == ["October", "2022", "rule"]
    assert _missing("The bill says port tariffs rose by a third in the spring.") == ["bill"]  # no document known


def test_a_document_act_beside_a_document_noun_is_a_frame() -> None:
    """"issued the rule", "the release is dated": what the citation itself shows (data/document_acts.txt); a verb
    with no document beside it acts, and needs support ("China has published a detailed plan")."""
    def framed(text: str) -> list[str]:
        return [token for token, start in w.tokens(text) if start in frames.frame_words(text)]
    assert framed("BIS issued the rule on Friday.") == ["issued"]
    assert framed("The release is dated 7 October.") == ["release", "dated"]
    assert framed("China has published a detailed plan.") == []


def test_a_document_act_frames_the_publication_it_names_and_reaches_past_dates_and_identifiers() -> None:
    """A claim about the cited text's own date line or release ("BIS issued the press release on Friday, 7 October";
    "CRS report R48642, dated 22 August 2025, examines …"): the noun for the form it came out in is framed with the act
    (data/publication_nouns.txt), a noun for its force ("rule") is not, and an identifier or date between the act and
    its document does not part them."""
    def framed(text: str) -> list[str]:
        return [token for token, start in w.tokens(text) if start in frames.frame_words(text)]
    assert framed("BIS issued the press release on Friday.") == ["issued", "press", "release"]
    assert framed("BIS issued the rule on Friday.") == ["issued"]  # a rule's force is what a quote must say
    assert framed("CRS report R48642, dated 22 August 2025, examines port tariffs.") == ["report", "dated", "examines"]
    assert framed("Port officials examined tariffs before the report came out.") == []  # four words apart: no frame
    assert _missing("The port issued the press release on Friday, 7 October.", ["FOR IMMEDIATE RELEASE | Friday, October 7"]) == ["port"]
    assert framed("The bill's title is the Harbour Act.") == ["title"]  # a possessive names the document too
    # the forms a web text comes out in are publication nouns: "the FAQ says," frames like "the release says,"
    assert _missing("Port tariffs, the FAQ says, rose by a third in the spring.") == []


def test_an_ordinal_written_as_a_numeral_supports_its_word() -> None:
    """"2d Session" supports "the second session"; never another ordinal, never a plain number."""
    def missing(claim: str, quote: str) -> list[str]:
        return [x.text for x in judge(claim, [quote]).missing]
    assert missing("It dates from the second session.", "119th CONGRESS 2d Session") == ["dates"]
    assert missing("It dates from the third session.", "119th CONGRESS 2d Session") == ["dates", "third"]
    assert missing("It dates from the second session.", "Session 2") == ["dates", "second"]


def test_a_part_of_the_cited_source_as_the_reporting_subject_is_a_frame() -> None:
    """"The digest's background note says …": the subject names where the content comes from (the source, by a
    possessive), so its nouns need no quote; a judgement in it, or a noun that is not the source's part, still does."""
    assert _missing("The digest's background note says port tariffs rose by a third in the spring.") == []
    assert _missing("The explainer's headline says port tariffs rose by a third in the spring.") == []
    assert _missing("The digest's damning note says port tariffs rose by a third in the spring.") == ["damning", "note"]
    # the source noun is not a possessive: "contrast" is what coverage presents, not a part of it
    assert _missing("Port tariffs rose by a third in the spring, a contrast coverage presents as new.",
                    [QUOTE, "Coverage presents it as new."]) == ["contrast"]
