"""Corroboration: which sentences of other sources report the fact a claim's leading sentence states. Pure: no files.

Two sentences of different documents report the same fact when

- nothing they state disagrees (``facts.conflict``): no quantity, year or person that
  one side has while the other has a different one of the same kind;
- and they share enough content: the cosine of their token sets, each token weighted
  by its inverse document frequency (``corpus.Weights``), is at least SAME; at least
  ANCHORED when they also name the same month or quantity ("In October 2022" and "the
  October 7, 2022, controls"), or NAMED when they name the same rare proper name
  (``facts.Facts.anchor``). Tokens found in most documents (the corpus's subject) weigh
  nothing, so "the Bureau of Industry and Security said" alone never makes two
  sentences one fact, and sharing a theme lowers no bar.

The thresholds were chosen on both example corpora together (benchmarks/summarize_quality.py,
README "Quality"), measuring this before anything heavier was considered.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable
from functools import partial

from briefgen.drafting.corpus import Corpus, Passage, Weights
from briefgen.drafting.facts import Facts, conflict

SAME = 0.3
"""Weighted cosine from which two sentences are one fact."""
ANCHORED = 0.2
"""The same, for two sentences that name the same month or quantity."""
NAMED = 0.25
"""The same, for two sentences that name the same rare proper name."""
MAX_EVIDENCE = 20
"""Evidence passages kept per claim (the most similar sources): corroboration counts up to this."""

_BAR = {"date": ANCHORED, "number": ANCHORED, "name": NAMED, "": SAME}


def same_fact(a: frozenset[str], b: frozenset[str], facts_a: Facts | Callable[[], Facts], facts_b: Facts | Callable[[], Facts],
              weights: Weights, weight_a: float | None = None, weight_b: float | None = None) -> float:
    """Return how strongly two sentences report one fact (their overlap), or 0.0 when they do not.

    The facts may be given as functions, called only when the overlap makes them matter.
    """
    return judge(weights.overlap(a, b, weight_a, weight_b), facts_a, facts_b)


def judge(score: float, facts_a: Facts | Callable[[], Facts], facts_b: Facts | Callable[[], Facts]) -> float:
    """Return ``score`` (two sentences' weighted cosine) if it makes them one fact, else 0.0."""
    if score < ANCHORED:
        return 0.0
    facts_a = facts_a() if callable(facts_a) else facts_a
    facts_b = facts_b() if callable(facts_b) else facts_b
    if conflict(facts_a, facts_b):
        return 0.0
    return score if score >= min(SAME, _BAR[facts_a.anchor(facts_b)]) else 0.0


def corroborate(corpus: Corpus, leaders: list[int], weights: Weights) -> list[list[Passage]]:
    """Return, per leading sentence, its evidence: itself, then the best passage of each other source stating the same fact.

    Each sentence is judged against the claims it shares a weighted token with (an inverted index of the
    claims, so the pass is linear in the corpus) and joins the one it matches best."""
    bags = [frozenset(corpus.bags[i]) for i in leaders]
    roots = [math.sqrt(weights.weight(bag)) for bag in bags]
    homes = [corpus.spans[i][0] for i in leaders]
    leading = [corpus.facts(i) for i in leaders]
    holding: dict[str, list[int]] = defaultdict(list)
    """Token → every claim that holds it (weighted tokens only): the candidates, and the shared weight is summed over these."""
    for k, bag in enumerate(bags):
        for token in bag:
            if weights.idf.get(token, 0.0):
                holding[token].append(k)
    found: list[dict[int, tuple[float, int]]] = [{} for _ in leaders]
    """Per claim: document → (score, sentence) of its best passage stating the claim's fact."""
    idf = weights.idf
    for i, raw in enumerate(corpus.bags):
        bag = frozenset(raw)
        shared: dict[int, float] = {}
        for token in bag:
            postings = holding.get(token)
            if postings:
                weight = idf[token]
                for k in postings:
                    shared[k] = shared.get(k, 0.0) + weight
        if not shared:
            continue
        doc, root = corpus.spans[i][0], math.sqrt(sum(idf.get(token, 0.0) for token in bag))
        ranked = [(w / (root * roots[k]), -k) for k, w in shared.items() if homes[k] != doc]
        ranked = sorted((r for r in ranked if r[0] >= ANCHORED), reverse=True)
        figures = None
        for overlap, negative in ranked:  # best first: the first claim the sentence states is its best
            lead = leading[-negative]
            if overlap < SAME and not lead.entities & bag:  # only a shared month or amount could tie them
                figures = corpus.has_figures(i) if figures is None else figures
                if not (figures and (lead.months or lead.quantities)):
                    continue
            score = judge(overlap, partial(corpus.facts, i), lead)
            if score:
                if score > found[-negative].get(doc, (0.0, 0))[0]:
                    found[-negative][doc] = (score, i)
                break
    evidence = []
    for k, leader in enumerate(leaders):
        others = sorted(found[k].values(), key=lambda f: (-f[0], f[1]))[:MAX_EVIDENCE - 1]
        passages = sorted((corpus.passage(i) for _, i in others), key=lambda p: (p.source, p.start))
        evidence.append([corpus.passage(leader)] + passages)
    return evidence
