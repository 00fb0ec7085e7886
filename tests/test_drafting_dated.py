"""A sentence about its own document ("This rule", "These IFRs", "today") is dated by it; the document's words are data
(text/data/self_dated.txt), not code (drafting/facts.DOC_DATED)."""

from __future__ import annotations

import inspect
import re

from briefgen.drafting import events, facts
from briefgen.text.stems import data_lines


def test_every_phrase_of_the_list_dates_its_sentence_as_written_and_capitalised() -> None:
    phrases = data_lines("self_dated.txt")
    assert "this IFR" in phrases and "these interim final rules" in phrases
    for phrase in phrases:
        for written in (phrase, phrase[:1].upper() + phrase[1:]):
            assert facts.facts_of(f"{written} adds entities to the list.", "2023-10-17").months == {"2023-10"}, written


def test_phrases_match_as_whole_words_and_as_written() -> None:
    assert facts.DOC_DATED.search("In this interim final rule, BIS revises the list."), "inside a longer phrase"
    assert not facts.DOC_DATED.search("This weekly report lists entities."), "a whole word only"
    assert not facts.DOC_DATED.search("this ifr adds entities."), "an acronym in capitals only"
    assert not facts.facts_of("These rules add entities to the list.").months, "no issue date, no month"
    assert events.when("These IFRs revise the list.", "2023-10-25") == "2023-10"


def test_no_document_word_is_written_in_the_code() -> None:
    """The Federal Register's words ("IFR", "interim final rule") live in the data list only."""
    source = _code(facts)
    assert "interim final" not in source and "ifr" not in source


def test_the_document_as_subject_of_its_act_is_read_from_the_data_list() -> None:
    """``events._DOCUMENTS`` ("These IFRs revise …") is text/data/document_subjects.txt, not code."""
    assert events._DOCUMENTS == {"rule", "rules", "ifr", "ifrs", "regulation", "regulations", "action", "actions"}
    assert events.signatures("These IFRs revise the Commerce Control List.", ("ifr", "revise")) == {f"{events.ITSELF} act"}
    assert "ifr" not in _code(events), "no document noun written in the code"


def _code(module: object) -> str:
    """A module's source without its docstrings and comments, lower-case."""
    return re.sub(r'"""(?:.|\n)*?"""|#[^\n]*', "", inspect.getsource(module)).lower()  # type: ignore[arg-type]
