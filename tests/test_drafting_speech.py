"""Reports of one speech are one fact (drafting/speech.py, ``Corpus.spoke``): the same speaker, named or a pronoun for the
one person its document names as speaking, in documents of one month, saying two words of the same forms that at most
about half of the documents use; never two statements that differ in a number or a name."""

from __future__ import annotations

from collections import Counter

from briefgen.drafting import corroboration, speech
from briefgen.drafting.corpus import Corpus
from briefgen.text import words


def test_the_speaker_is_the_name_just_before_a_word_of_speech() -> None:
    assert speech.speakers("Zorn emphasized the need for a framework that balances trade with safety.") == {"zorn"}
    assert speech.speakers("At the fair, Chancellor Ada Zorn warned of monopolies.") == {"ada zorn"}, "a title is no name"
    assert speech.speakers("Acme chief Ada Zorn has also expressed concern about tariffs.") == {"ada zorn"}, "auxiliaries skipped"
    assert speech.speakers("Zorn’s remarks come at a pivotal moment for the port.") == {"zorn"}, "a possessive and a noun of speech"
    assert speech.speakers("Speaking in Vigo, he stressed the importance of finding a balance.") == {speech.PRONOUN}
    assert speech.speakers("The plan advocates mutual respect and open trade.") == frozenset(), "no name before the verb"
    assert speech.speakers("By calling for cooperation, Ruritania aims to lead the talks.") == frozenset(), "no name before it"
    assert speech.speakers("Ruritania imposed tariffs on steel.") == frozenset(), "no word of speech"



def test_the_speaker_may_be_named_after_the_word_of_speech() -> None:
    """What was said first, then who said it: "“…,” said Zorn", "…, according to Zorn"; a title after "the" ("according to
    the minister") is the one person the document names as speaking, as a pronoun is."""
    assert speech.speakers("“We will reopen the port,” said Ada Zorn.") == {"ada zorn"}
    assert speech.speakers("“We will reopen,” said Under Secretary of Ports and Harbours Ada B. Zorn.") == {"ada zorn"}, \
        "a title with its connectors and an initial are no name"
    assert speech.speakers("“We will reopen,” says Zorn, the harbour chief.") == {"zorn"}
    assert speech.speakers("The port will reopen in May, according to Ada Zorn.") == {"ada zorn"}
    assert speech.speakers("The port will reopen in May, according to the minister.") == {speech.PRONOUN}
    assert speech.speakers("“We will reopen,” Zorn said.") == {"zorn"}, "a word of speech ending the sentence"
    assert speech.speakers("Harbour Secretary Zorn warned of floods.") == {"zorn"}, "the name after the title"
    assert speech.speakers("Exports fell, according to a study.") == frozenset(), "no name after it"
    assert speech.speakers("Ports reopened, said officials.") == frozenset(), "no name after it"
    assert speech.speakers("Zorn spoke, urging Vidal to act.") == {"zorn"}, "a participle's object is no speaker"

def test_an_office_or_body_is_no_person() -> None:
    """A body after "the" ("the committee said", "according to the ministry") is not the one person the document names
    as speaking, as a person's title is ("the prime minister said"); before a name a body is part of the title."""
    for text in ("“The port will reopen,” said the committee.", "The port will reopen, according to the ministry.",
                 "The committee said the port would reopen.", "The Ports Ministry said the port would reopen.",
                 "The bureau’s remarks came a day late."):
        assert speech.speakers(text) == frozenset(), text
    assert speech.speakers("The prime minister said the port would reopen.") == {speech.PRONOUN}, "a title of two words"
    assert speech.speakers("The port will reopen, according to the deputy secretary.") == {speech.PRONOUN}
    assert speech.speakers("Ports Ministry spokesperson Ada Zorn said the port would reopen.") == {"ada zorn"}
    assert speech.speakers("Secretary of State Ada Zorn said the port would reopen.") == {"ada zorn"}


def test_a_body_speaking_is_not_one_speech_with_the_documents_one_person() -> None:
    according = ("Zorn spoke at the opening of the shipping season. A balance between fostering innovation and ensuring "
                 "security is urgently needed, according to the committee.")
    assert _merged(LEAD, according) == ["x"], "the committee is not Zorn"
    assert _merged(LEAD, according.replace("the committee", "the minister")) == ["x", "y"]


def test_a_name_with_no_title_is_a_bodys_after_a_determiner_in_capitals_or_a_place() -> None:
    """"The Harbour Times emphasizes", "this Final Rule states", "PAB warned", "Moscow warned": no person speaks, and
    the document's one person is whoever else it names as speaking."""
    for text in ("The Harbour Times emphasizes the port’s desire to grow.", "This Interim Final Rule states the terms.",
                 "PAB warned of floods in the harbour.", "Moscow warned of floods in the harbour."):
        assert speech.speakers(text) == frozenset(), text
    assert speech.speakers("The Ruritanian Premier Ada Zorn warned of floods.") == {"ada zorn"}, "a person's title"
    statements = [["Zorn warned of floods in the harbour."], ["The Harbour Times emphasizes the port’s desire to grow."]]
    assert speech.one_speaker(statements) == {"zorn"}


def test_titles_of_persons_and_names_of_bodies_are_two_lists() -> None:
    titles, bodies = set(words.word_list("titles")), set(words.word_list("bodies"))
    assert {"minister", "premier", "secretary"} <= titles and {"committee", "ministry", "department"} <= bodies
    assert not titles & bodies, "each word in one list"


def test_what_a_statement_says_matches_forms_not_stems() -> None:
    says = speech.said("Zorn stressed the need for a framework that balances trade with security.")
    other = speech.said("He emphasized finding a balance between trade and securing the ports it needed.")
    shared = {mine for mine, _ in speech.common(says, other)}
    assert {"balanc", "trade", "need"} <= shared, "balances/balance, need/needed"
    assert "securi" not in shared, "security is not a form of securing"
    assert not any(token.startswith(("stress", "emphas")) for token, _ in says + other), "words of speech are no content"


FILL = ["Heavy rain fell on the coast on Tuesday.", "Schools stayed open despite the flooding.",
        "Farmers welcomed the rain after a dry summer.", "Prices of grain rose in the spring.", "The railway line reopened after repairs."]


def _merged(first: str, second: str, months: tuple[str, str] = ("2031-05", "2031-05"), other_speaker: str = "") -> list[str]:
    """The sources of the claim ``first`` leads once ``second`` (another outlet) is corroborated against it."""
    corpus = Corpus()
    corpus.add("x", first + "\n\n" + FILL[0], months[0])
    corpus.add("y", (other_speaker + "\n\n" if other_speaker else "") + second + "\n\n" + FILL[1], months[1])
    for k in range(3):
        corpus.add(f"z{k}", FILL[2 + k] + "\n\nThe port of Vigo handles grain, balances and safety.")
    weights = corpus.weights()
    return [p.source for p in corroboration.corroborate(corpus, [0], weights)[0]]


LEAD = "Zorn emphasized the need for a framework that balances innovation with safety, urging all ports to take part."
REPORT = ("Zorn spoke at the opening of the shipping season. He stressed the importance of finding a balance between fostering "
          "innovation and ensuring security, stating that a common rulebook is urgently needed.")


def test_two_reports_of_one_speech_are_one_fact() -> None:
    corpus = Corpus()
    corpus.add("x", LEAD, "2031-05")
    corpus.add("y", REPORT, "2031-05")
    weights = corpus.weights()
    assert weights.overlap(frozenset(corpus.bags[0]), frozenset(corpus.bags[1])) < corroboration.ANCHORED, "too few words alone"
    assert _merged(LEAD, REPORT) == ["x", "y"]


def test_not_one_speech() -> None:
    assert _merged(LEAD, REPORT, ("2031-05", "2031-06")) == ["x"], "another month: another event"
    assert _merged(LEAD, REPORT, ("", "")) == ["x"], "undated"
    assert _merged(LEAD, REPORT.replace("Zorn spoke", "Vidal spoke")) == ["x"], "another speaker"
    assert _merged(LEAD, REPORT, other_speaker="Vidal said the port would reopen.") == ["x"], "two speakers: 'he' is not known"
    assert _merged(LEAD, REPORT.replace("fostering innovation", "fostering growth")) == ["x"], "one word in common only"



def test_a_speaker_named_after_the_quotation_is_one_speech() -> None:
    quoted = "“A balance between fostering innovation and ensuring security is urgently needed,” said Harbour Secretary Ada Zorn."
    assert _merged(LEAD, quoted) == ["x", "y"]
    assert _merged(LEAD, quoted.replace("Ada Zorn", "Ida Vidal")) == ["x"], "another speaker"
    according = ("Zorn spoke at the opening of the shipping season. A balance between fostering innovation and ensuring "
                 "security is urgently needed, according to the minister.")
    assert _merged(LEAD, according) == ["x", "y"]
    assert _merged(LEAD, according, other_speaker="Vidal said the port would reopen.") == ["x"], "two speakers: 'the minister' is not known"


def test_a_list_item_is_said_by_the_speaker_of_its_lead_in() -> None:
    """A list item with no speaker of its own ("Insufficient fertiliser …") is said by whoever its lead-in names: the
    lead-in's speaker, or its subject when that is the one person the document names as speaking."""
    lead = "Zorn warned that scarce fertiliser, costly diesel and idle cranes would hurt the harvest and the shipping season this autumn."
    listed = ("Zorn spoke at length in the harbour town on Monday about the state of the ferries.\n\nPremier Zorn identified three "
              "bottlenecks:\n\n  • Insufficient fertiliser and diesel due to levies on imports\n  • Slow ferries between the islands\n"
              "  • Too few pilots in the harbour")
    assert _merged(lead, listed) == ["x", "y"]
    assert _merged(lead, listed.replace("Premier Zorn identified", "Premier Vidal identified")) == ["x"], "another person's list"
    assert _merged(lead, listed.replace("Premier Zorn identified", "Zorn warned of")) == ["x", "y"], "a lead-in of speech"
    assert _merged(lead, listed.replace("fertiliser and diesel", "fertiliser and seed")) == ["x"], "one word in common only"

def test_words_most_documents_use_say_nothing_in_common() -> None:
    """"balance" and "safety" are in the three other documents too ("The port of Vigo handles grain, balances and
    safety."): shared with "innovation" alone they are not two words of the speech."""
    lead = "Zorn emphasized the need for a framework that balances innovation with safety."
    report = "Zorn spoke at the opening of the shipping season. He stressed finding a balance that keeps safety first."
    assert _merged(lead, report) == ["x"]


def test_a_number_or_a_name_tells_two_statements_apart() -> None:
    assert _merged(LEAD, REPORT) == ["x", "y"]
    assert _merged(LEAD.replace("all ports", "all 12 ports"), REPORT.replace("ensuring security", "ensuring security in 14 ports")) == ["x"]
    assert _merged(LEAD.replace("all ports", "all ports of Ruritania"), REPORT.replace("ensuring security", "ensuring security in Borduria")) == ["x"]


def test_one_speech_needs_one_speaker_in_both_statements() -> None:
    """``speech.spoke`` itself (``drafting._leaders`` asks it without the index of speakers corroboration uses)."""
    says = speech.said("the need for a framework that balances innovation with safety")
    other = speech.said("the importance of a balance between innovation and the safety it needed")
    assert speech.spoke(((frozenset({"ada zorn"}), says),), ((frozenset({"zorn"}), other),), Counter(), 5)
    assert not speech.spoke(((frozenset({"ada zorn"}), says),), ((frozenset({"vidal"}), other),), Counter(), 5)
