"""A passage's pronoun or list item resolves to a name its own document writes just before it (support/referents.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from briefgen.support.match import judge
from briefgen.text import words as w


@dataclass
class Doc:
    """Stands in for inputs.sources.Source: what the check reads (``csl``, ``text``)."""

    text: str = ""
    csl: dict[str, Any] = field(default_factory=dict)


ARTICLE = Doc("Ana Ruiz has voiced concerns about unregulated markets. He believes that rules could curb the risks.\n"
              "Tariffs rose sharply in the spring.\n"
              "The Ministry reported:\nPublished the 2022 rules before the comment period ended\n"
              "Worked with 6 other agencies to enforce the rules\n"
              "Ana Ruiz spoke later. Exports fell in May.\n")


def _missing(claim: str, quote: str, doc: Doc | None = ARTICLE) -> list[str]:
    return [x.text for x in judge(claim, [quote], origins=[doc]).missing]


def test_a_pronoun_stands_for_the_name_its_paragraph_writes_before_it() -> None:
    quote = "He believes that rules could curb the risks."
    assert _missing("Ruiz believes that rules could curb the risks.", quote) == []
    assert _missing("Ruiz believes that rules could curb the risks.", quote, None) == ["Ruiz"]  # no document, no referent
    assert _missing("Ruiz believes that rules could curb the risks.", quote, Doc(quote)) == ["Ruiz"]  # nothing before it


def test_a_list_item_takes_its_subject_from_the_lead_in_line() -> None:
    assert _missing("The Ministry worked with 6 other agencies to enforce the rules.",
                    "Worked with 6 other agencies to enforce the rules") == []
    assert _missing("The Ministry worked with 9 other agencies to enforce the rules.",
                    "Worked with 6 other agencies to enforce the rules") == ["9"]  # numbers are never resolved


def test_only_names_from_the_passages_own_paragraph_are_resolved() -> None:
    # no pronoun in the quote: the name before it in the paragraph is not its subject
    assert _missing("Ruiz says exports fell in May.", "Exports fell in May.") == ["Ruiz"]
    # the paragraph before holds the name, this one does not
    assert _missing("Ruiz says tariffs rose sharply in the spring.", "Tariffs rose sharply in the spring.") == ["Ruiz"]
    # an ordinary word around the quote is not borrowed
    assert _missing("He believes that unregulated rules could curb the risks.",
                    "He believes that rules could curb the risks.") == ["unregulated"]


def test_a_passage_says_the_words_its_synonym_phrases_are_written_with() -> None:
    assert w.stem("call") in w.phrase_parts("Ruiz issued a call for cooperation.")
    assert _missing("The call was welcomed.", "Ruiz issued a call for cooperation, which was welcomed.", None) == []


def test_a_referent_may_be_named_as_the_synonym_table_names_it() -> None:
    doc = Doc("China pressed ahead with the plan. Its influence grew across the region.\n")
    assert _missing("Beijing's influence grew across the region.", "Its influence grew across the region.", doc) == []
    assert _missing("Moscow's influence grew across the region.", "Its influence grew across the region.", doc) == ["Moscow"]


def test_quoted_speech_in_the_first_person_names_its_speaker_after_it_too() -> None:
    doc = Doc("“We will keep working to protect our markets,” said Minister Ana Ruiz.\n"
              "The US will keep working to protect markets, said Ana Ruiz.\n")
    assert _missing("Ruiz says they will keep working to protect the markets.", "We will keep working to protect our markets", doc) == []
    # "US" is a name, not the pronoun "us": no speech, so the name after the passage is not its speaker
    assert _missing("Ruiz says the US will keep working to protect markets.", "The US will keep working to protect markets", doc) == ["Ruiz"]
