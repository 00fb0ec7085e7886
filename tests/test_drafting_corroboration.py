"""Corroboration's own machinery in `briefgen summarize`: rare phrases counted without holding every pair of the corpus,
and the merge rules added for paraphrases (each with the look-alike facts it must keep apart)."""

from __future__ import annotations

import random
from collections import Counter

from briefgen.drafting import corpus as corpus_module
from briefgen.drafting import corroboration
from briefgen.drafting.corpus import Corpus


def _brute_rare_pairs(corpus: Corpus, bag: tuple[str, ...]) -> frozenset[tuple[str, str]]:
    """The rule as first written: count every pair of adjacent tokens of every document."""
    counts: Counter[tuple[str, str]] = Counter()
    held: dict[int, set[tuple[str, str]]] = {}
    for (doc, _, _), tokens in zip(corpus.spans, corpus.bags, strict=True):
        held.setdefault(doc, set()).update(zip(tokens, tokens[1:], strict=False))
    for pairs in held.values():
        counts.update(pairs)
    n = len(corpus.texts)
    limit, rare = max(2.0, corpus_module.RARE_PHRASE * n), corpus_module.RARE * n
    return frozenset(p for p in zip(bag, bag[1:], strict=False)
                     if counts[p] <= limit and corpus.doc_tokens[p[0]] <= rare and corpus.doc_tokens[p[1]] <= rare)


def test_rare_pairs_are_those_of_a_full_count_of_the_corpus() -> None:
    rng = random.Random(3)
    vocabulary = [f"word{c}{d}" for c in "abcdefgh" for d in "xyz"]
    corpus = Corpus()
    for doc in range(30):
        # words from one in five documents to three in five: many of them in the band whose pairs need a count
        mine = [w for k, w in enumerate(vocabulary) if rng.random() < 0.2 + 0.4 * k / len(vocabulary)] or vocabulary[-2:]
        sentences = [" ".join(rng.choice(mine) for _ in range(12)).capitalize() + " here." for _ in range(6)]
        corpus.add(f"d{doc}", "\n\n".join(sentences))
    checked = band = 0
    for i, bag in enumerate(corpus.bags):
        assert corpus._rare_pairs(bag) == _brute_rare_pairs(corpus, bag), i
        checked += 1
    assert corpus._pair_counts is not None and corpus._pair_counts, "the band of words needing a count was not empty"
    band = len(corpus._pair_counts)
    assert checked > 50 and band > 5


_PADDING = ("beating analyst forecasts for its cloud unit, its consulting arm, its retail stores, its shipping fleet, its insurance "
            "brokers and its mining subsidiaries by a wide margin across every region and market, as hiring slowed, freight costs "
            "eased, currency swings faded and shareholders cheered the buyback plans announced by directors in Denver, while "
            "analysts in Boston praised its pricing, its supply contracts, its patents and its long-serving chairman.")
_OTHER = ["The storm brought heavy rain to the coast on Tuesday.", "Rain is expected to ease by the weekend, forecasters said.",
          "Local schools stayed open despite the flooding in the valley.", "Farmers welcomed the rain after a long dry summer."]


def _joined_corpus() -> tuple[Corpus, int]:
    texts = {
        "a": "Acme wrote down the value of its Ohio chip plant with a $5.5 billion charge.\n\n" + _OTHER[0],
        "b": f"Acme reported quarterly results on Monday, {_PADDING} These results included a $5.5 billion charge on the Ohio chip plant.\n\n"
             + _OTHER[1],
        "c": f"Acme reported quarterly results on Monday, {_PADDING} These results included a $4.2 billion charge on the Ohio chip plant.\n\n"
             + _OTHER[2],
        "d": _OTHER[3] + "\n\n" + _OTHER[0], "e": _OTHER[1] + "\n\n" + _OTHER[2],
    }
    corpus = Corpus()
    for source in sorted(texts):
        corpus.add(source, texts[source], "2025-03-01")
    leader = next(i for i in range(len(corpus.bags)) if corpus.passage(i).quote.startswith("Acme wrote"))
    return corpus, leader


def test_a_joined_passage_is_compared_sentence_by_sentence() -> None:
    corpus, leader = _joined_corpus()
    weights = corpus.weights()
    joined = [i for i in range(len(corpus.bags)) if corpus.passage(i).quote.startswith("Acme reported")]
    assert len(joined) == 2 and all(i in corpus.joined and len(corpus.parts(i)) == 2 for i in joined)
    assert not corpus.parts(leader), "a single sentence has no parts"
    whole = weights.overlap(frozenset(corpus.bags[leader]), frozenset(corpus.bags[joined[0]]))
    assert whole < corroboration.ANCHORED, "as a whole, the long passage is too far from the claim"
    evidence = corroboration.corroborate(corpus, [leader], weights)[0]
    assert [p.source for p in evidence] == ["a", "b"], "its second sentence states the claim's fact; the $4.2 billion one stays apart"
    assert "These results included a $5.5 billion charge" in evidence[1].quote, "the quote is the whole joined passage"
    assert set(corpus._facts) == {leader}, "the facts of a sentence judged as evidence are not kept in memory after it"


def test_on_content_alone_two_sentences_must_share_a_word_few_documents_use_or_a_person() -> None:
    from briefgen.drafting.corroboration import judge
    from briefgen.drafting.facts import Facts, facts_of

    corpus = Corpus()
    common = "Countries discussed the framework for innovation and participation at the summit."
    for k in range(6):
        corpus.add(f"d{k}", common + (" The forefront of research moved." if k == 0 else " Officials met again in the spring."))
    weights = corpus.weights()
    assert not weights.specific(frozenset({"countr", "framew", "innova"})), "words every document uses: a subject"
    assert weights.specific(frozenset({"countr", "forefr"})), "a word one document uses: specific"
    nothing = Facts(frozenset(), frozenset(), frozenset())
    assert judge(0.34, nothing, nothing, specific=False) == 0.0
    assert judge(0.34, nothing, nothing, specific=True) == 0.34
    assert judge(0.34, nothing, nothing, specific=lambda: False) == 0.0, "asked lazily"
    li = facts_of("Premier Li said the framework must balance innovation with security.")
    assert li.names == {"Li"} and judge(0.34, li, facts_of("Li said countries should join the framework."), specific=False) == 0.34
    assert judge(0.34, li, facts_of("Wang said countries should join the framework."), specific=False) == 0.0, "another person"
    dated = facts_of("In April 2024 countries joined the framework."), facts_of("Countries joined the framework in April 2024.")
    assert judge(0.34, *dated, specific=False) == 0.34, "a month in common is specific enough"
    assert judge(0.34, facts_of("In April 2024 11 countries joined."), facts_of("In April 2024 12 countries joined."), specific=True) == 0.0, \
        "look-alike facts that differ in a number stay apart"


def test_corroboration_keeps_look_alike_facts_apart_end_to_end() -> None:
    from briefgen.drafting import summarize
    from briefgen.inputs import schemas

    themes = [schemas.Theme(id="entities", title="Entity List additions", terms=["Entity List"])]
    filler = ["The storm brought heavy rain to the coast on Tuesday.", "Rain is expected to ease by the weekend, forecasters said.",
              "Local schools stayed open despite the flooding in the valley.", "Farmers welcomed the rain after a long dry summer."]
    texts = {"a": "The agency added 11 entities in Ruritania to the Entity List for supporting weapons programmes.",
             "b": "The agency added 11 entities in Ruritania to the Entity List, citing weapons programmes.",
             "c": "The agency added 28 entities in Ruritania to the Entity List for supporting weapons programmes.",
             "d": "The agency added 11 entities in Borduria to the Entity List for supporting weapons programmes."}
    texts |= {f"z{k}": filler[k] + "\n\n" + filler[(k + 1) % 4] for k in range(4)}  # the corpus is not all about it
    drafts = summarize.draft(texts, themes, issued={k: "2025-03-01" for k in texts})
    groups = [sorted({p.source for p in d.evidence}) for d in drafts if "Entity List" in d.text]
    assert ["a", "b"] in groups, groups
    assert ["c"] in groups and ["d"] in groups, "another number (28), another country (Borduria): other facts"


def test_the_pair_count_holds_only_the_pairs_whose_rarity_needs_counting() -> None:
    """The memory regression of the 3rd session: every distinct adjacent pair of the corpus was counted (575 MB at 10,000
    synthetic documents). Text of many rare words has nearly every pair distinct; none of them needs a count."""
    rng = random.Random(5)
    vocabulary = [f"w{a}{b}{c}{d}" for a in "bcdfgh" for b in "aeiou" for c in "klmnprst" for d in "aeiou"][:2000]
    corpus = Corpus()
    for doc in range(60):
        corpus.add(f"d{doc}", "\n\n".join(" ".join(rng.choice(vocabulary) for _ in range(14)).capitalize() + " end." for _ in range(8)))
    distinct = {pair for bag in corpus.bags for pair in zip(bag, bag[1:], strict=False)}
    for bag in corpus.bags:
        assert corpus._rare_pairs(bag) == _brute_rare_pairs(corpus, bag)
    assert len(distinct) > 5000
    assert corpus._pair_counts is None or len(corpus._pair_counts) < len(distinct) / 100, "pairs counted that need no count"


def test_in_a_corpus_of_fewer_than_five_documents_every_shared_word_is_specific() -> None:
    corpus = Corpus()
    for k in range(3):
        corpus.add(f"d{k}", "Acme closed its Ohio chip plant on Monday after a long dispute with regulators.")
    assert corpus.weights().specific(frozenset({"acme", "ohio"})), "three reports of one event share its words"


def test_a_claim_of_two_clauses_divided_by_a_semicolon_is_also_compared_clause_by_clause() -> None:
    texts = {
        "a": (f"Officials have long cited worries about the price of bread after a quarter {_PADDING[:-1]}; and grain "
              "hoarding schemes that exploit harvest shortfalls.\n\n" + _OTHER[0]),
        "b": "Traders' grain hoarding schemes exploit harvest shortfalls, inspectors found.\n\n" + _OTHER[1],
        "c": _OTHER[2] + "\n\n" + _OTHER[3], "d": _OTHER[0] + "\n\n" + _OTHER[2], "e": _OTHER[1] + "\n\n" + _OTHER[3],
    }
    corpus = Corpus()
    for source in sorted(texts):
        corpus.add(source, texts[source])
    weights = corpus.weights()
    leader = next(i for i in range(len(corpus.bags)) if corpus.passage(i).quote.startswith("Officials"))
    other = next(i for i in range(len(corpus.bags)) if corpus.passage(i).quote.startswith("Traders"))
    assert len(corpus.parts(leader)) == 2 and leader not in corpus.joined
    assert weights.overlap(frozenset(corpus.bags[leader]), frozenset(corpus.bags[other])) < corroboration.ANCHORED, \
        "as a whole, the two-clause sentence is too far from the report of its second clause"
    evidence = corroboration.corroborate(corpus, [leader], weights)[0]
    assert [p.source for p in evidence] == ["a", "b"]
    alone = corroboration.corroborate(corpus, [other], weights)[0]
    assert [p.source for p in alone] == ["b", "a"], "and the other way round: a candidate's clauses are compared too"


def test_a_quotation_of_several_sentences_is_compared_sentence_by_sentence() -> None:
    """The segmenter keeps a quotation whole ("“… . These rules …,” said …"); its sentences are statements of their own,
    compared one by one as a joined passage's are, and "U.S." inside a sentence ends none."""
    texts = {
        "a": (f"“Our new rules will raise prices for U.S. shoppers, {_PADDING[:-1]}. These rules also confront the grain "
              "hoarding schemes that exploit harvest shortfalls,” said the minister.\n\n" + _OTHER[0]),
        "b": "Traders' grain hoarding schemes exploit harvest shortfalls, inspectors found.\n\n" + _OTHER[1],
        "c": _OTHER[2] + "\n\n" + _OTHER[3], "d": _OTHER[0] + "\n\n" + _OTHER[2], "e": _OTHER[1] + "\n\n" + _OTHER[3],
    }
    corpus = Corpus()
    for source in sorted(texts):
        corpus.add(source, texts[source])
    weights = corpus.weights()
    quoted = next(i for i in range(len(corpus.bags)) if corpus.passage(i).quote.startswith("“Our"))
    other = next(i for i in range(len(corpus.bags)) if corpus.passage(i).quote.startswith("Traders"))
    assert quoted not in corpus.joined and "; " not in corpus.passage(quoted).quote, "one sentence to the segmenter"
    assert len(corpus.parts(quoted)) == 2, "two statements: the quotation's two sentences ('U.S. shoppers' ends none)"
    assert weights.overlap(frozenset(corpus.bags[quoted]), frozenset(corpus.bags[other])) < corroboration.ANCHORED, \
        "as a whole, the quotation is too far from the report of its second sentence"
    assert [p.source for p in corroboration.corroborate(corpus, [other], weights)[0]] == ["b", "a"]
    assert [p.source for p in corroboration.corroborate(corpus, [quoted], weights)[0]] == ["a", "b"]


def test_reports_in_documents_of_one_month_tie_like_a_shared_month() -> None:
    """Two sentences of documents issued in the same month (both dated to the month at least) are one fact from EVENT
    (0.25) instead of SAME (0.3): two reports of one event (9th session: "The WAIC serves as a crucial platform …" and
    "The conference serves as a platform …", since read as two facts and kept apart: what they share is one frame,
    tests/test_drafting_frames.py; these two share "batteries" besides it). A month apart, or dated to the year only, they
    still need SAME."""
    summit = "The summit serves as a stage for ministers, engineers and investors to debate the future of batteries."
    report = "The summit serves Ruritania as a stage to promote its plan for a shared battery market."
    fill = ["Heavy rain fell on the coast on Tuesday.", "Schools stayed open despite the flooding.",
            "Farmers welcomed the rain after a dry summer.", "Prices of grain rose in the spring.", "The railway line reopened after repairs."]

    def merged(first: str, second: str) -> list[str]:
        corpus = Corpus()
        corpus.add("x", summit + "\n\n" + fill[0], first)
        corpus.add("y", report + "\n\n" + fill[1], second)
        for k in range(3):
            corpus.add(f"z{k}", fill[2 + k] + "\n\nThe summit ended with a dinner.")
        weights = corpus.weights()
        assert corroboration.EVENT <= weights.overlap(frozenset(corpus.bags[0]), frozenset(corpus.bags[2])) < corroboration.SAME
        assert corpus.same_month(0, 1) == (len(first) >= 7 and first[:7] == second[:7])
        return [p.source for p in corroboration.corroborate(corpus, [0], weights)[0]]

    assert merged("2031-05", "2031-05") == ["x", "y"]
    assert merged("2031-05-02", "2031-05-28") == ["x", "y"], "days apart, one month"
    assert merged("2031-05", "2031-06") == ["x"], "another month: content alone must reach SAME"
    assert merged("2031", "2031") == ["x"], "a year is no event"
    assert merged("", "") == ["x"], "undated"
