"""Ties that are no evidence of one fact (session 12): two sentences whose shared words are one phrase of each (a frame such
as "serves as a platform for") at the bars where nothing specific ties them (``corroboration.SAME``, ``EVENT``)."""

from __future__ import annotations

from briefgen.drafting import corroboration, drafting, facts
from briefgen.drafting.corpus import Corpus

FILL = ["Heavy rain fell on the coast on Tuesday.", "Schools stayed open despite the flooding.",
        "Farmers welcomed the rain after a dry summer.", "Prices of grain rose in the spring.", "The railway line reopened after repairs."]


def _merged(first: str, second: str, month: str = "2031-05", below_same: bool = True) -> list[str]:
    """The sources of the evidence of ``first`` when ``second`` is in another document of the same month (three more
    documents, each naming the expo, make "expo" a word of most documents: it weighs nothing)."""
    corpus = Corpus()
    corpus.add("x", first + "\n\n" + FILL[0], month)
    corpus.add("y", second + "\n\n" + FILL[1], month)
    for k in range(3):
        corpus.add(f"z{k}", FILL[2 + k] + "\n\nThe expo ended with a dinner.")
    weights = corpus.weights()
    overlap = weights.overlap(frozenset(corpus.bags[0]), frozenset(corpus.bags[2]))
    assert corroboration.EVENT <= overlap and (overlap < corroboration.SAME or not below_same)
    return [p.source for p in corroboration.corroborate(corpus, [0], weights)[0]]


def test_a_frame_in_common_is_no_fact_in_common() -> None:
    """ "serves as a (key) platform for" is how each sentence puts what it says; what each says the platform is for
    shares nothing: two facts, though their documents are of one month (9th session's EVENT tie, read as two facts by
    both blind readers of session 12)."""
    growers = "The expo serves as a platform for growers to discuss wheat."
    ruritania = "The expo serves as a platform for Ruritania to promote its seed bank."
    assert _merged(growers, ruritania) == ["x"], "a rare phrase (serve platform, in two of five documents): PHRASED"
    assert _merged(growers, "The expo serves as a key platform for Ruritania's seed bank.") == ["x"], "no rare phrase: EVENT"


def test_a_leading_sentence_is_not_taken_for_a_frame_alike_one() -> None:
    """``same_fact`` (which keeps a sentence from leading a draft another source's sentence leads) applies the rule too,
    given the sentences' tokens in order."""
    corpus = Corpus()
    corpus.add("x", "The expo serves as a platform for growers to discuss wheat.\n\n" + FILL[0], "2031-05")
    corpus.add("y", "The expo serves as a platform for Ruritania to promote its seed bank.\n\n" + FILL[1], "2031-05")
    for k in range(3):
        corpus.add(f"z{k}", FILL[2 + k] + "\n\nThe expo ended with a dinner.")
    weights = corpus.weights()
    a, b = frozenset(corpus.bags[0]), frozenset(corpus.bags[2])
    assert corroboration.same_fact(a, b, corpus.facts(0), corpus.facts(2), weights, event=True) > 0, "without the order"
    assert corroboration.same_fact(a, b, corpus.facts(0), corpus.facts(2), weights, event=True,
                                   order=(corpus.bags[0], corpus.bags[2])) == 0
    assert not drafting._repeats(corpus, 2, b, 0, a, weights), "drafting gives the order: each may lead a draft"


def test_words_in_common_apart_from_each_other_still_tie() -> None:
    """The frame and a word apart from it in common (what fills the frame: wheat) tie as before."""
    growers = "The expo serves as a platform for growers to discuss wheat."
    wheat = "The expo serves as a platform where ministers from six regions weigh taxes on wheat."
    assert _merged(growers, wheat, below_same=False) == ["x", "y"]


def test_one_phrase_spans_a_few_adjacent_tokens_in_both_sentences() -> None:
    first = ("confer", "serve", "platfo", "china", "promot", "vision")
    second = ("waic", "serve", "crucia", "platfo", "indust", "leader")
    assert facts.one_phrase(first, second, {"serve", "platfo"})
    assert not facts.one_phrase(first, second, {"serve", "vision"}), "apart in one sentence"
    assert not facts.one_phrase(first, ("serve", "a", "b", "c", "platfo"), {"serve", "platfo"}), "five tokens apart"
    assert not facts.one_phrase(first, second, set())


def test_a_sentence_that_is_little_more_than_the_phrase_says_what_the_other_says() -> None:
    """A frame ties nothing only when each sentence fills it with something else; where one sentence weighs little
    more than the phrase, it states what the other states (the other adds detail)."""
    idf = {"serve": 1.0, "platfo": 1.0, "crucia": 0.5, "china": 1.0, "promot": 1.0, "vision": 1.0}
    short = ("serve", "crucia", "platfo")
    long = ("confer", "serve", "platfo", "china", "promot", "vision")
    assert corroboration.framed(long, ("serve", "platfo", "indust", "leader", "china", "vision")[:2] + ("x", "y", "z"),
                                frozenset({"serve", "platfo"}), idf | {"x": 1.0, "y": 1.0, "z": 1.0})
    assert not corroboration.framed(long, short, frozenset({"serve", "platfo"}), idf)
