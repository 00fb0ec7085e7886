"""A rare phrase that is one item of a list in each of two sentences ties two lists, not one fact (session 12)."""

from __future__ import annotations

from briefgen.drafting import corroboration, facts
from briefgen.drafting.corpus import Corpus

FILL = ["Heavy rain fell on the coast on Tuesday.", "Schools stayed open despite the flooding.",
        "Farmers welcomed the rain after a dry summer.", "Prices of grain rose in the spring.", "The railway line reopened after repairs."]
RISKS = "Potential risks of the new port include crop spoilage, noise complaints."


def _corpus(first: str, second: str) -> Corpus:
    corpus = Corpus()
    corpus.add("x", FILL[0] + "\n\n" + first)
    corpus.add("y", FILL[1] + "\n\n" + second)
    for k in range(3):
        corpus.add(f"z{k}", FILL[2 + k] + "\n\nThe port opened in May.")
    return corpus


def test_two_lists_sharing_one_item_are_two_facts() -> None:
    """"crop spoilage" is rare (two of five documents), so it would tie the sentences at PHRASED; but it is one item of
    each list, and the lists share nothing else: each says what is among its own list (session 12's seed false merge:
    "Potential risks of AI proliferation include job displacement, privacy concerns." and "Issues such as misinformation,
    job displacement, and the potential loss of technological control are at the forefront …")."""
    issues = "Issues such as silting, crop spoilage, and the potential loss of fishing are at the forefront."
    corpus = _corpus(RISKS, issues)
    weights = corpus.weights()
    assert ("crop", "spoila") in corpus.facts(1).phrases & corpus.facts(3).phrases
    assert corroboration.PHRASED <= weights.overlap(frozenset(corpus.bags[1]), frozenset(corpus.bags[3])) < corroboration.SAME
    assert corpus.facts(1).anchor(corpus.facts(3)) == ""
    assert [p.source for p in corroboration.corroborate(corpus, [1], weights)[0]] == ["x"]


def test_lists_that_agree_beyond_the_item_keep_the_phrase() -> None:
    issues = "Issues such as noise complaints, crop spoilage, and the potential loss of fishing are at the forefront."
    corpus = _corpus(RISKS, issues)
    assert corpus.facts(1).anchor(corpus.facts(3)) == "phrase"


def test_a_phrase_outside_a_list_in_one_sentence_keeps_the_phrase() -> None:
    corpus = _corpus(RISKS, "Crop spoilage near the port worried farmers, fishermen and mayors this spring.")
    assert corpus.facts(1).anchor(corpus.facts(3)) == "phrase"


def test_the_items_of_a_list() -> None:
    assert facts.lists_of(RISKS) == ((("crop", "spoila"), ("noise", "compla")),)
    assert facts.lists_of("Issues such as silting, crop spoilage, and the potential loss of fishing are at the forefront.") == (
        (("siltin",), ("crop", "spoila"), ("potent", "loss", "fishin")),), "the list ends at the verb"
    assert facts.lists_of("Threats include the loss of every fishing ground along the northern coast, and silting.") == (), \
        "a piece of more than six words is a clause: no list"
    assert facts.lists_of("The rule names one risk: silting.") == (), "one item is no list"
