"""A source's restatement of a draft's fact, skipped as a claim of its own, is quoted by that draft (drafting._leaders' echoes)."""

from __future__ import annotations

from briefgen.drafting import drafting
from briefgen.drafting.corpus import Corpus
from briefgen.drafting.themefit import Topic

TEXT = """The governor believes that the port needs a strong investment in new cranes.

Rainfall in the south was normal for the season according to the weather service.

Dock workers voted on Friday to accept the new contract offered by the operator.

In recent statements, the governor believes that the port also needs an investment in cranes.
"""
TOPICS = [Topic("port", "The port's cranes", "Investment in the port, its cranes and its dock workers.")]


def _drafts(text: str) -> list[drafting.Draft]:
    corpus = Corpus()
    corpus.add("a.txt", text)
    corpus.add("b.txt", "Tourism in the capital grew by a tenth this spring, the statistics office said.\n")
    return drafting.draft(corpus, TOPICS, per_theme=6)


def test_a_near_repeat_in_the_same_source_is_quoted_beside_the_leading_sentence() -> None:
    drafts = _drafts(TEXT)
    cranes = [d for d in drafts if "cranes" in d.text]
    assert len(cranes) == 1, "the restatement is no claim of its own"
    assert [p.quote for p in cranes[0].evidence] == [
        "The governor believes that the port needs a strong investment in new cranes.",
        "In recent statements, the governor believes that the port also needs an investment in cranes."]
    assert cranes[0].text == "The governor believes that the port needs a strong investment in new cranes."
    assert cranes[0].corroboration == 1, "one source, however often it says it"


def test_a_near_repeat_that_states_another_number_is_a_claim_of_its_own() -> None:
    drafts = _drafts(TEXT.replace("an investment in cranes.", "an investment in 12 cranes.").replace(
        "in new cranes.", "in 40 new cranes."))
    cranes = [d for d in drafts if "cranes" in d.text]
    assert len(cranes) == 2 and all(len(d.evidence) == 1 for d in cranes)
