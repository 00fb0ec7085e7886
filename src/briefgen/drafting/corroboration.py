"""Corroboration: which sentences of other sources report the fact a claim's leading sentence states. Pure: no files.

Two sentences of different documents report the same fact when

- nothing they state disagrees (``facts.conflict``): no quantity, year or person that
  one side has while the other has a different one of the same kind;
- and they share enough content: the cosine of their token sets, each token weighted
  by its inverse document frequency (``weights.Weights``), is at least SAME; at least
  ANCHORED when they also name the same month or quantity ("In October 2022" and "the
  October 7, 2022, controls"), NAMED when they name the same rare proper name, or
  PHRASED when they share a rare phrase, two adjacent content words few documents use
  ("job displacement", "civil fusion"; not one item of a list of each, the lists sharing nothing else: ``facts.lists_of``), TWICE when they name two months or amounts
  in common (``facts.Facts.anchor``), or EVENT when their documents were issued in the same month
  (two reports of one event: the same conference, the same package of rules); or at any overlap when they report one act
  (``Corpus.acted``: the same actor named as the subject of a verb of one kind of act, at the same time of the act;
  ``drafting/events.py``) or one speech (``Corpus.spoke``: the same speaker, in documents of one month, saying two
  words of the same forms that at most about half of the documents use; ``drafting/speech.py``), a claim taking such a
  sentence before any that only shares its words. Save for a month, an amount, a rare proper name or a person in common,
  what they share must not be one phrase of each ("serves as a platform for", ``framed``): a frame each fills with
  something else. Tokens found in most documents (the corpus's subject) weigh
  nothing, so "the Bureau of Industry and Security said" alone never makes two
  sentences one fact, and sharing a theme lowers no bar. A candidate passage of joined sentences
  (one opening "These rules …" joined to the sentence before it) is also compared sentence by
  sentence with the claim, since the fact may be stated in one of them; what they state is still
  checked for disagreement as a whole.

The thresholds were chosen on both example corpora together (benchmarks/summarize_quality.py,
README "Quality"), measuring this before anything heavier was considered.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable
from functools import cache, partial
from itertools import repeat

from briefgen.drafting import speech
from briefgen.drafting.corpus import Corpus, Passage
from briefgen.drafting.facts import Facts, conflict, one_phrase, pairs
from briefgen.drafting.reach import Reach
from briefgen.drafting.weights import Weights

SAME = 0.3
"""Weighted cosine from which two sentences are one fact."""
ANCHORED = 0.2
"""The same, for two sentences that name the same month or quantity."""
NAMED = 0.25
"""The same, for two sentences that name the same rare proper name."""
PHRASED = 0.25
"""The same, for two sentences that share a rare phrase (two adjacent content words few documents use)."""
MAX_EVIDENCE = 20
"""Evidence passages kept per claim (the most similar sources): corroboration counts up to this."""

EVENT = 0.25
"""The same, for two sentences of documents issued in the same month (both dated to the month at least): reports of one
event, as a shared month in the sentences themselves is (``ANCHORED``), but a weaker tie, since a month's documents may
report several events."""
TWICE = 0.15
"""The same, for two sentences that name two months or amounts in common ("October 2023" and "April 2024" both)."""
ACTED = 0.0
"""The same, for two sentences that report an act of the same kind by the same actor at the same time
(``Corpus.acted``: "In September, BIS updated the Commerce Control List" and "BIS is implementing export controls on
…" in a rule of that September): the act is the fact, whatever else either says; they must still share a weighted word,
and neither may state an amount the other does not ("BIS is expanding controls … twenty-eight entities")."""

SLACK = 1 - 1e-9
"""Rounding room for a bound that decides whether an exact overlap is worth computing."""

_FRAMED = ("phrase", "event", "")
"""The ties a phrase in common, alone, does not make (``framed``): all but a month, an amount or a rare proper name in common."""
_BAR = {"dates": TWICE, "date": ANCHORED, "number": ANCHORED, "name": NAMED, "phrase": PHRASED, "event": EVENT, "": SAME}


def same_fact(a: frozenset[str], b: frozenset[str], facts_a: Facts | Callable[[], Facts], facts_b: Facts | Callable[[], Facts],
              weights: Weights, weight_a: float | None = None, weight_b: float | None = None, event: bool = False,
              acted: bool | Callable[[], bool] = False, order: tuple[tuple[str, ...], tuple[str, ...]] | None = None) -> float:
    """Return how strongly two sentences report one fact (their overlap), or 0.0 when they do not.

    The facts may be given as functions, called only when the overlap makes them matter; ``event``: whether their
    documents were issued in the same month (``Corpus.same_month``); ``order``: their tokens in order (``Corpus.bags``),
    to tell a phrase in common (``facts.one_phrase``).
    """
    return judge(weights.overlap(a, b, weight_a, weight_b), facts_a, facts_b, specific=lambda: weights.specific(a & b), event=event,
                 acted=acted, phrase=False if order is None else lambda: framed(order[0], order[1], a & b, weights.idf))


def framed(first: tuple[str, ...], second: tuple[str, ...], shared: frozenset[str], idf: dict[str, float]) -> bool:
    """Whether the weighted tokens two sentences share are one phrase of each (``facts.one_phrase``) and each says more
    besides it, weighing more outside it than in it: a frame each fills with something else ("serves as a platform for
    growers to discuss wheat" and "… for Ruritania to promote its seed bank"). A sentence that is little more than the
    phrase says what the other says ("Steel tariffs rose." and "Tariffs on steel rose sharply in May …")."""
    weighted = {token for token in shared if idf.get(token, 0.0)}
    inside = sum(map(idf.__getitem__, weighted))
    return (one_phrase(first, second, weighted)
            and all(sum(idf.get(token, 0.0) for token in set(tokens)) > 2 * inside for tokens in (first, second)))


def judge(score: float, facts_a: Facts | Callable[[], Facts], facts_b: Facts | Callable[[], Facts], strong: bool = False,
          specific: bool | Callable[[], bool] = True, event: bool = False, acted: bool | Callable[[], bool] = False,
          phrase: bool | Callable[[], bool] = False) -> float:
    """Return ``score`` (two sentences' weighted cosine) if it makes them one fact, else 0.0.

    ``strong``: only if they name two months or amounts in common (a sentence joins its best claim, and
    another only on such evidence). ``specific``: whether they share a word that at most half of the documents
    use (``weights.Weights.specific``); on content alone, with no month, amount, name, phrase or person in
    common, they must, since words most documents use make a subject, not a fact. ``event``: whether their documents
    were issued in the same month, a tie (``EVENT``) where they name nothing specific in common. ``phrase``: whether the
    weighted words they share are one phrase of each (``framed``): with no month, amount, rare proper name or person in
    common, a frame or collocation ("serves as a platform for", "plays a key role in") says how each sentence puts what it
    says, not that both say one thing, so it ties them at no bar (``SAME``, ``EVENT``, or ``PHRASED``, where the phrase is
    rare: "serves as a platform" in a few documents of a small corpus)."""
    if score < TWICE:
        acted = acted() if callable(acted) else acted  # asked only where it could matter
        if not (acted and score > ACTED):
            return 0.0
    facts_a = facts_a() if callable(facts_a) else facts_a
    facts_b = facts_b() if callable(facts_b) else facts_b
    if conflict(facts_a, facts_b):
        return 0.0
    anchor = facts_a.anchor(facts_b) or ("event" if event else "")
    if strong and anchor != "dates":
        return 0.0
    acted = acted() if callable(acted) else acted
    if acted and facts_a.amounts() == facts_b.amounts():  # an amount one side alone states is more than the act
        return score if score > ACTED else 0.0
    if score < min(SAME, _BAR[anchor]):
        return 0.0
    if anchor in _FRAMED and not facts_a.names & facts_b.names and (phrase() if callable(phrase) else phrase):
        return 0.0
    return score if anchor or facts_a.names & facts_b.names or (specific() if callable(specific) else specific) else 0.0


def corroborate(corpus: Corpus, leaders: list[int], weights: Weights) -> list[list[Passage]]:
    """Return, per leading sentence, its evidence: itself, then the best passage of each other source stating the same fact.

    Each sentence is judged against the claims it shares a weighted token with (an inverted index of the
    claims, so the pass is linear in the corpus) and joins the one it matches best, and any other only if they
    name two months or amounts in common (a sentence may state two facts; a generic one must not join many claims)."""
    owner = list(range(len(leaders))) + [k for k, i in enumerate(leaders) for _ in corpus.clauses(i)]
    """Per entry, its claim: each claim is an entry as a whole and, when its leading sentence is clauses that semicolons
    divide, one entry per clause, since the fact another source states may be the one of a clause (a claim's joined
    passage is not cut into its sentences: measured, that tied other facts and no gold pair)."""
    bags = [frozenset(corpus.bags[i]) for i in leaders] + [clause for i in leaders for clause in corpus.clauses(i)]
    roots = [math.sqrt(weights.weight(bag)) for bag in bags]
    homes = [corpus.spans[leaders[k]][0] for k in owner]
    months = [corpus.month(doc) for doc in range(len(corpus.texts))]
    """Per document, the month it was issued in ("" when not dated to the month): reports of one event (``EVENT``)."""
    claims = [corpus.facts(i) for i in leaders]
    leading = [claims[k] for k in owner]
    strong = [len(f.months) + len(f.quantities) >= 2 for f in leading]
    """Per entry: whether a sentence could name two of its claim's months or amounts (the only tie below ANCHORED)."""
    holding: dict[str, list[int]] = defaultdict(list)
    """Token → every entry that holds it (weighted tokens only): the candidates, and the shared weight is summed over these."""
    for k, bag in enumerate(bags):
        for token in bag:
            if weights.idf.get(token, 0.0):
                holding[token].append(k)
    found: list[dict[int, tuple[float, int]]] = [{} for _ in leaders]
    """Per claim: document → (score, sentence) of its best passage stating the claim's fact."""
    ranks: dict[tuple[int, int], tuple[bool, float]] = {}
    """(claim, document) → whether its passage reports the claim's act, and its score: a passage that reports the act is
    kept before one that only shares words with the claim ("This rule is effective September 6, 2024.")."""
    idf = weights.idf
    postings_of = {token: (idf[token], postings) for token, postings in holding.items()}
    screen = Reach(bags, [(TWICE if s else ANCHORED) * r for s, r in zip(strong, roots, strict=True)], homes, idf,
                   max(map(len, corpus.bags), default=0))
    acting: dict[str, list[int]] = defaultdict(list)
    """Act signature ("actor kind") → the claims whose leading sentence reports it with a time (``Corpus.acts``)."""
    speaking: dict[str, list[int]] = defaultdict(list)
    """Speech key ("speaker-word month") → the claims whose leading sentence reports a speech (``speech.keys``, ``Corpus.voices``)."""
    for k, i in enumerate(leaders):
        for signature in corpus.acts(i)[0]:
            acting[signature].append(k)
        for key in speech.keys(corpus.voices(i), months[homes[k]]):
            speaking[key].append(k)
    for i, raw in enumerate(corpus.bags):
        bag = frozenset(raw)
        doc, root = corpus.spans[i][0], math.sqrt(sum(map(idf.get, bag, repeat(0.0))))
        if i in corpus.several and corpus.parts(i):  # a joined passage or clauses: each statement is compared too
            shared = _shared(bag, postings_of)
            ranked = sorted(((score, -k) for k, w in shared.items() if homes[k] != doc
                             and ((score := w / (root * roots[k])) >= ANCHORED or score >= TWICE and strong[k])), reverse=True)
            ranked = _by_parts(corpus.parts(i), shared, ranked, root, roots, bags, [home != doc for home in homes], strong, idf)
        elif root:  # only the claims the screen lets through can reach their bar; their overlap is summed exactly
            ranked = sorted(((score, -k) for k in screen.claims(bag, root, doc)
                             if (score := _sum(idf, bag, bags[k]) / (root * roots[k])) >= ANCHORED or score >= TWICE and strong[k]),
                            reverse=True)
        else:
            continue
        acts = {k for signature in corpus.acts(i)[0] for k in acting.get(signature, ()) if homes[k] != doc
                and corpus.acted(i, leaders[k])} if acting else set()
        if speaking:  # reports of one speech are one fact as reports of one act are
            acts |= {k for key in speech.keys(corpus.voices(i), months[doc]) for k in speaking.get(key, ()) if homes[k] != doc and k not in acts
                     and corpus.spoke(i, leaders[k])}
        if acts:  # the claims reporting the same act first (the act is the fact), each at its overlap, however small
            ranked = sorted({*ranked, *((_sum(idf, bag, bags[k]) / (root * roots[k]), -k) for k in acts if root)},
                            key=lambda entry: (owner[-entry[1]] in acts, entry), reverse=True)
        figures, phrases, joined = None, None, False
        month = months[doc]
        mine: Callable[[], Facts] | None = None
        seen: set[int] = set()
        for overlap, negative in ranked:  # best first: the first claim the sentence states is its best
            claim = owner[-negative]
            if claim in seen:  # a clause of a claim already judged as a whole or by another of its clauses
                continue
            seen.add(claim)
            if joined and not strong[-negative]:  # another claim: only if they could share two months or amounts
                continue
            lead = leading[-negative]
            event = bool(month) and month == months[homes[-negative]]
            mine = mine or cache(partial(corpus.facts, i, False))  # asked once per sentence, not kept beyond it
            acted = claim in acts and mine().amounts() == lead.amounts()  # an amount one side alone states: more than the act
            if not acted and overlap < SAME and not lead.entities & bag and not (event and overlap >= EVENT):  # only a shared month, amount or rare phrase could tie them
                figures = corpus.has_figures(i) if figures is None else figures
                phrases = pairs(corpus.bags[i]) if phrases is None and lead.phrases else phrases
                if not (figures and (lead.months or lead.quantities) or phrases and lead.phrases & phrases):
                    continue
            elif joined:
                figures = corpus.has_figures(i) if figures is None else figures
                if not figures:
                    continue
            common = bag & bags[-negative]
            score = judge(overlap, mine, lead, strong=joined, specific=partial(weights.specific, common), event=event,
                          acted=acted, phrase=partial(framed, raw, corpus.bags[leaders[claim]], common, idf))
            if score:
                if (acted, score) > ranks.get((claim, doc), (False, 0.0)):
                    ranks[claim, doc] = (acted, score)
                    found[claim][doc] = (score, i)
                joined = True
    evidence = []
    for k, leader in enumerate(leaders):
        others = sorted(found[k].values(), key=lambda f: (-f[0], f[1]))[:MAX_EVIDENCE - 1]
        passages = sorted((corpus.passage(i) for _, i in others), key=lambda p: (p.source, p.start))
        evidence.append([corpus.passage(leader)] + passages)
    return evidence



def _shared(bag: frozenset[str], postings_of: dict[str, tuple[float, list[int]]]) -> dict[int, float]:
    """Return claim → the weight ``bag`` shares with it, for every claim it shares a weighted token with."""
    shared: defaultdict[int, float] = defaultdict(float)
    for token in bag:
        found_token = postings_of.get(token)
        if found_token:
            weight, postings = found_token
            for k in postings:
                shared[k] += weight
    return shared


def _sum(idf: dict[str, float], bag: frozenset[str], claim: frozenset[str]) -> float:
    """The weight ``bag`` shares with ``claim``, added up in the order of ``bag`` (as ``_shared`` adds it: the same number)."""
    return sum(map(idf.__getitem__, filter(claim.__contains__, bag)), 0.0)


def _by_parts(parts: tuple[frozenset[str], ...], shared: dict[int, float], ranked: list[tuple[float, int]], root: float,
              roots: list[float], bags: list[frozenset[str]], other: list[bool], strong: list[bool],
              idf: dict[str, float]) -> list[tuple[float, int]]:
    """Return ``ranked`` (the claims a joined passage reaches as a whole, best first) and those it misses as a whole
    but one of its sentences (``parts``) reaches, at that sentence's overlap (``other``: per claim, whether it is
    another document's)."""
    sized = [(part, math.sqrt(sum(map(idf.get, part, repeat(0.0))))) for part in parts]
    best = {-negative: score for score, negative in ranked}
    for k, weight in shared.items():
        if not other[k]:
            continue
        bar = TWICE if strong[k] else ANCHORED
        score = best.get(k, weight / (root * roots[k]))
        if score >= bar:
            continue
        for part, size in sized:
            if size and min(weight, size * size) / (size * roots[k]) >= bar * SLACK:  # else it cannot reach the bar
                score = max(score, sum(map(idf.get, part & bags[k], repeat(0.0))) / (size * roots[k]))
        if score >= bar:
            best[k] = score
    return sorted(((score, -k) for k, score in best.items()), reverse=True)
