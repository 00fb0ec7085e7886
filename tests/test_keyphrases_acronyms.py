"""An acronym the corpus defines is one candidate theme with its name, never a second theme beside it."""

from __future__ import annotations

from briefgen.drafting import keyphrases

DOCS = {
    "a": ["The Regional Water Board (RWB) cut quotas for the delta in spring.",
          "Farmers say the RWB acted late and the Regional Water Board ignored the drought warnings."],
    "b": ["The RWB will review irrigation quotas next year.",
          "Critics of the Regional Water Board’s (RWB’s) plan want wider consultation."],
}


def _suggestions(docs: dict[str, list[str]]) -> list[keyphrases.Suggestion]:
    phrases = keyphrases.Phrases()
    for source, lines in docs.items():
        for line in lines:
            phrases.add(source, line)
    return phrases.best(10)


def test_a_defined_acronym_counts_as_its_name() -> None:
    found = {s.phrase: s for s in _suggestions(DOCS)}
    assert "RWB" not in found
    board = found["Regional Water Board"]
    assert board.also == ("RWB",) and board.sources == ["a", "b"] and board.kind == "entity"
    alone = {s.phrase: s for s in _suggestions({k: [v.replace("(RWB) ", "").replace(" (RWB’s)", "") for v in lines]
                                                  for k, lines in DOCS.items()})}
    assert board.score > alone["Regional Water Board"].score  # the acronym's mentions count for the name
    assert alone["Regional Water Board"].also == ()


def test_brackets_that_are_not_the_names_initials_define_nothing() -> None:
    docs = {"a": ["The Regional Water Board (USA) met.", "The Regional Water Board met the USA team."],
            "b": ["The Regional Water Board and the USA agreed.", "The USA said so."]}
    found = {s.phrase: s for s in _suggestions(docs)}
    assert found["Regional Water Board"].also == ()


def test_asking_twice_gives_the_same_suggestions() -> None:
    phrases = keyphrases.Phrases()
    for source, lines in DOCS.items():
        for line in lines:
            phrases.add(source, line)
    assert phrases.best(10) == phrases.best(10)
