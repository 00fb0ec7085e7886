"""A middle initial is no sentence end ("Secretary of Ports Ada Q. Zorn said …"), wherever text is cut into sentences:
the segmenter's blocks (a line wrapped after the initial), a passage's statements (``Corpus.statements``) and a brief's
free text (``freetext.sentences``). The traps: a letter that names one of a series ("Annex A. The rule", "Plan B.
Then", "Vitamin D. It", "Annex A. Scope"), "U.S. The", and a list item "A. Scope". Names are made up."""

from __future__ import annotations

import pytest

from briefgen.drafting import facts, speech
from briefgen.drafting.corpus import Corpus
from briefgen.support import freetext
from briefgen.text import words
from briefgen.text.flaws import initial
from briefgen.text.sentences import split
from briefgen.text.stems import word_list


def _dots(text: str) -> list[str]:
    """The words before each full stop of ``text`` that ``initial`` reads as a middle initial."""
    return [text[:i + 1].rsplit(" ", 2)[-2] + " " + text[i - 1:i + 1] for i, c in enumerate(text) if c == "." and initial(text, i)]


@pytest.mark.parametrize(("text", "found"), [
    ("Secretary of Ports Ada Q. Zorn said so.", ["Ada Q."]),
    ("The ambassador, Jean-Luc P. O’Neill, agreed.", ["Jean-Luc P."]),
    ("Former governor Bo H. W. Vidal said so.", ["Bo H.", "H. W."]),
    ("Ada Q. McAllister spoke.", ["Ada Q."]),
    ("The terms are set out in Annex A. The rule applies at once.", []),
    ("The port has a Plan B. Then it has none.", []),
    ("Talks were held in the U.S. The delegation left.", []),
    ("The diet lacks Vitamin D. It is common.", []),
    ("The terms are set out in Annex A. Scope and duration follow.", []),
    ("A. Scope of the rule", []),
    ("The board met Ada Q. However, it decided nothing.", []),
    ("Ada Q. BIS staff agreed.", []),
])
def test_a_middle_initial_is_read_from_its_names(text: str, found: list[str]) -> None:
    assert _dots(text) == found


def test_the_lettered_nouns_are_lower_case_words() -> None:
    words = word_list("lettered")
    assert {"annex", "plan", "vitamin"} <= set(words)
    assert all(word.isalpha() and word.islower() for word in words)
    assert len(words) == len(set(words)), "each noun once"


_QUOTED = ("“The new rules will shorten queues at the terminals. These rules keep our focus on safety,” said Secretary of "
           "Ports Ada Q. Zorn. “We will keep working to protect the harbour while minimizing any unintended impact on trade.”")


def test_a_statement_ends_after_the_surname_not_at_the_initial() -> None:
    corpus = Corpus()
    corpus.add("release", _QUOTED)
    statements = [statement for i in range(len(corpus.spans)) for statement in corpus.statements(i)]
    assert statements[1] == "These rules keep our focus on safety,” said Secretary of Ports Ada Q. Zorn."
    assert "Zorn." not in statements
    assert speech.speakers(statements[1]) == {"ada zorn"}, "the speaker, not 'ports ada'"


def test_a_passage_still_ends_at_a_lettered_noun() -> None:
    corpus = Corpus()
    corpus.add("rule", "“The port will reopen to grain ships. Its terms are set out in Annex A. Scope and duration follow "
                       "in the next part,” the notice said.")
    assert corpus.statements(0) == ["“The port will reopen to grain ships.", "Its terms are set out in Annex A.",
                                    "Scope and duration follow in the next part,” the notice said."]


def test_a_line_wrapped_after_an_initial_goes_on() -> None:
    _, found = split("The harbour will reopen to grain ships next week, said Secretary of Ports Ada Q.\n"
                     "Zorn, after the new cranes were tested.\nThe list is in Annex A.\nThe rule applies to every berth "
                     "in the port at once.\n")
    assert [s.text for s in found] == [
        "The harbour will reopen to grain ships next week, said Secretary of Ports Ada Q. Zorn, after the new cranes were tested.",
        "The list is in Annex A.", "The rule applies to every berth in the port at once."]


def test_free_text_keeps_a_name_whole() -> None:
    found = [s for _, s in freetext.sentences("Secretary Ada Q. Zorn said the port would reopen. The rule is in "
                                              "Annex A. The list follows in Plan B. Then the berths open.")]
    assert found == ["Secretary Ada Q. Zorn said the port would reopen.", "The rule is in Annex A.",
                     "The list follows in Plan B.", "Then the berths open."]


def test_a_surname_after_an_initial_is_a_name_not_a_sentence_opener() -> None:
    """A capitalised word opening a sentence may be any word; after an initial it is a name (the support check's word
    kinds, the drafting's entities that tell two facts apart)."""
    kinds = [x.kind for x in words.words("The rule was signed by Ada Q. Zorn. Zorn said it would hold.") if x.text == "Zorn"]
    assert kinds == ["name", "word"], "the second opens a sentence"
    assert {x.kind for x in words.words("The list is in Annex A. Scope follows.") if x.text == "Scope"} == {"word"}
    assert "zorn" in facts._entities("The rule was signed by Ada Q. Zorn of the harbour board.")
    assert "scope" not in facts._entities("The list is in Annex A. Scope follows.")
