"""WordNet relations in the support check (text/thesaurus.py, data/wordnet.txt): what they excuse, and what never."""

from __future__ import annotations

from pathlib import Path

import briefgen.text.thesaurus as thesaurus
from briefgen.support import match
from briefgen.support.match import judge

DATA = Path(thesaurus.__file__).parent / "data" / "wordnet.txt"


def _missing(claim: str, quote: str) -> list[str]:
    return [x.text for x in judge(claim, [quote]).missing]


def test_a_related_word_of_the_quote_supports_a_claim_word() -> None:
    assert thesaurus.related("spread", ["diffusion"])  # one derivational link: diffusion ~ diffuse = spread
    assert thesaurus.related("regard", ["see"])  # a shared sense
    assert thesaurus.related("widens", ["expands"])  # inflected forms find their lemmas
    assert _missing("The rule encourages the spread of US technology.", "The rule encourages the diffusion of U.S. technology.") == []


def test_broader_words_quantifiers_modality_and_light_verbs_are_never_excused() -> None:
    assert not thesaurus.related("bans", ["restricts"])  # a ban is a kind of restriction: hypernyms are not followed
    assert not thesaurus.related("all", ["whole"])  # data/literal.txt
    assert not thesaurus.related("expected", ["would"])
    assert not thesaurus.related("expects", ["anticipate"]) and thesaurus.related("anticipate", ["await"])  # inflections too
    assert not thesaurus.related("take", ["bring", "accept", "occupy"])  # data/general.txt: light verbs reach nearly anything
    assert _missing("The rule bans exports of chips.", "The rule restricts exports of chips.") == ["bans"]
    assert _missing("The rule covers all chips.", "The rule covers whole classes of chips.") == ["all"]


def test_names_numbers_and_dates_are_never_excused() -> None:
    assert _missing("In 2024 the rule restricted Ruritania.", "In 2023 the rule restricted exports.") == ["2024", "Ruritania"]


def test_the_data_is_sorted_for_bisection_and_carries_the_wordnet_licence() -> None:
    lines = DATA.read_text(encoding="utf-8").splitlines()
    notice = [line for line in lines if line.startswith("#")]
    assert lines[:len(notice)] == notice and lines[len(notice):] == sorted(lines[len(notice):])  # "#" sorts before any key
    assert "WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved." in DATA.read_text(encoding="utf-8")
    assert len(lines) > 15_000


def test_a_connective_lends_no_word_to_relate() -> None:
    # "In addition," is read as "also": its "addition" must not support "adds" (WordNet derives one from the other)
    assert _missing("The rule adds 28 entities.", "In addition, this rule expands controls for twenty-eight entities.") == ["adds"]


def test_pertainyms_and_one_word_definitions_relate_words() -> None:
    # pertainym: "national" is "of or relating to … a nation or country"
    assert thesaurus.related("countries", ["national"])
    # a sense WordNet defines by one word alone: "talk" (n) is "discussion; …", "close" (v) is "finish or terminate (…)"
    assert thesaurus.related("talks", ["discussions"])  # every lemma "talks" may be: the noun "talks" and the plural of "talk"
    assert thesaurus.related("closed", ["ended"])
    assert _missing("The controls came out of talks with partners.", "The controls are the product of discussions with partners.") == ["came"]
    assert not thesaurus.related("bans", ["restricts"])  # still no hypernyms


def test_a_literal_word_is_supported_by_a_true_synonym_of_the_same_degree_only() -> None:
    from briefgen.support.match import judge

    quote = "The agency is primarily responsible for licensing exports."
    assert [x.text for x in judge("The agency is mainly responsible for licensing exports.", [quote]).missing] == []
    assert [x.text for x in judge("The agency is solely responsible for licensing exports.", [quote]).missing] == ["solely"]
    assert [x.text for x in judge("The agency is fully responsible for licensing exports.", [quote]).missing] == ["fully"]


def test_a_closed_compound_is_supported_by_its_parts() -> None:
    from briefgen.support.match import judge

    quote = "Controls on semiconductor manufacturing equipment are critical."
    assert [x.text for x in judge("Controls on chipmaking equipment are critical.", [quote]).missing] == []  # chip + a light verb
    assert [x.text for x in judge("Controls on chipmaking equipment are critical.", ["Controls on drug manufacturing equipment are critical."]).missing] == ["chipmaking"]
    assert [x.text for x in judge("Shipbuilders set controls.", ["Ship builders set controls."]).missing] == []


def test_a_verb_with_its_particle_is_asked_about_as_the_phrasal_verb(monkeypatch) -> None:
    from briefgen.support import slots
    from briefgen.support.match import judge

    monkeypatch.setattr(slots, "broad", lambda word: False)  # WordNet alone (the Moby thesaurus lists "leave" for "exclude")
    quote = "The agreements often excluded smaller ports."
    assert [x.text for x in judge("The agreements often left smaller ports out.", [quote]).missing] == []  # leave_out: exclude
    assert [x.text for x in judge("The agreements often left smaller ports.", [quote]).missing] == ["left"]
    assert [x.text for x in judge("The agreements often left smaller ports behind.", [quote]).missing] == ["left", "behind"]
    assert thesaurus.phrasal_related("looked", "into", ["investigated"]) and not thesaurus.phrasal_related("looked", "up", ["investigated"])


def test_a_true_synonym_that_is_a_literal_word_supports_an_ordinary_word(monkeypatch) -> None:
    """"part" is a literal word (never *related* to another), but it shares its sense with "portion"."""
    monkeypatch.setattr(match, "SIMILAR", 2.0)  # WordNet alone, no word vectors
    assert judge("The rule covers a portion of the list.", ["The rule covers part of the list."]).missing == ()
