"""Drafting: the key claims of each theme, found in the sources' sentences. Pure: no files.

1. Every claimable sentence of the corpus is tokenised once (``corpus.Corpus``).
2. Each sentence is scored against every theme (``themefit.fit``, BM25). It belongs
   to its best-scoring theme only with a clear margin over the runner-up; otherwise
   it fits no theme and, if it would have led a claim, is returned as an unassigned
   draft (``theme == ""``) for the analyst, naming the themes it fits about equally (``Draft.fits``).
3. Sentences are taken best first by their share of their theme's best score, all
   themes together (so the theme order decides nothing), down to MIN_SHARE; one that
   is a near-duplicate of a claim already taken, or states its fact, is skipped; the
   first ``POOL × per_theme`` others of each theme lead a candidate claim each.
4. Corroboration: every claimable sentence of another source that reports the
   same fact as a candidate's leading sentence (``corroboration.same_fact``: no
   disagreeing number, year or name, and enough weighted content in common)
   becomes evidence of it, with its own verbatim quote (one passage per source, at
   most ``corroboration.MAX_EVIDENCE``). Candidates come from an inverted index of
   the claims' weighted tokens, so the pass is linear in the corpus, never pairwise.
   A candidate that reports the same fact as a better one is not a claim of its own; one that nearly repeats a
   better one of its own document (a restatement further on) is quoted by that one's draft beside its leading sentence.
5. The candidates are ranked by score × (1 + CORROBORATION × ln(sources)): what
   many sources state is more likely a key claim. The best ``per_theme`` are kept.
"""

from __future__ import annotations

import bisect
import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial

from briefgen.drafting import corroboration, followon, sentences, themefit
from briefgen.drafting.corpus import Corpus, Passage
from briefgen.drafting.facts import conflict
from briefgen.drafting.themefit import Topic
from briefgen.drafting.weights import Weights

__all__ = ["Corpus", "Draft", "Passage", "Topic", "claim_text", "draft", "fingerprint"]

MIN_SHARE = 0.2
"""A sentence must score at least this share of its theme's best sentence to lead a claim."""
JACCARD = 0.5
"""Token-set Jaccard similarity from which two sentences are near-duplicates (the same claim)."""
POOL = 4
"""Candidate claims considered per claim kept."""
SCAN = 4
"""Sentences looked at per candidate claim wanted, at most (the rest are near-duplicates of those taken)."""
UNASSIGNED_PER = 4
"""Unassigned drafts kept: ``per_theme`` for every this many themes."""
CORROBORATION = 0.5
"""How much corroboration lifts a claim's rank."""


@dataclass
class Draft:
    """A drafted claim of a theme: its text and its evidence (the leading passage first)."""

    theme: str
    text: str
    score: float
    evidence: list[Passage] = field(default_factory=list)
    fits: tuple[str, ...] = ()
    """Of a draft that fits no theme (``theme == ""``): the themes it fits about equally, best first."""

    @property
    def corroboration(self) -> int:
        """The number of distinct sources that state the claim."""
        return len({p.source for p in self.evidence})

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.text, [(p.source, p.quote) for p in self.evidence])


def fingerprint(text: str, evidence: Iterable[tuple[str, str]]) -> str:
    """Return the sha256 of a claim's text and evidence (source and quote; offsets left out)."""
    lines = [text] + [f"{source}\t{quote}" for source, quote in evidence]
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def draft(corpus: Corpus, topics: list[Topic], per_theme: int = 8) -> list[Draft]:
    """Return up to ``per_theme`` drafted claims per topic, in topic order then best first.

    Then the unassigned drafts (``theme == ""``): strong sentences that fit no theme clearly, up to
    ``per_theme`` for every UNASSIGNED_PER themes (the more themes, the more sentences fit two of them).
    """
    weights = corpus.weights()
    best, unfit = themefit.fit(corpus, topics)
    floor = MIN_SHARE * max((score for _, score in best.values()), default=0.0)
    strays = {i: (len(topics), score) for i, (score, _, _) in unfit.items() if score >= floor}
    fitted = best | strays
    unassigned = per_theme * max(1, len(topics) // UNASSIGNED_PER)
    echoes: dict[int, list[int]] = defaultdict(list)
    leaders = _leaders(corpus, fitted, [POOL * per_theme] * len(topics) + [POOL * unassigned], weights, echoes)
    evidence = corroboration.corroborate(corpus, [i for i, _, _ in leaders], weights)
    for k, (i, _, _) in enumerate(leaders):  # a restatement in the leading source: quoted beside its leading sentence
        evidence[k][1:1] = [corpus.passage(j) for j in echoes.get(i, ())]
    names = [topic.id for topic in topics] + [""]
    drafts = [Draft(names[t], claim_text(corpus.passage(i).quote), score, evidence[k],
                    tuple(names[n] for n in unfit[i][1]) if i in unfit else ()) for k, (i, t, score) in enumerate(leaders)]
    lead = {id(d): i for d, (i, _, _) in zip(drafts, leaders, strict=True)}
    kept: list[Draft] = []
    for name in names:
        mine = [d for d in drafts if d.theme == name]
        mine.sort(key=lambda d: -d.score * (1 + CORROBORATION * math.log(d.corroboration)))
        if name:
            kept += mine[:per_theme]
            continue
        taken: Counter[bool] = Counter()  # a draft a clue took off a theme (themefit) pushes no other listed draft out
        for d in mine:
            taken[moved := unfit[lead[id(d)]][2]] += 1
            kept += [d] if taken[moved] <= unassigned else []
    return _lead_ins(corpus, _follow_on(corpus, kept, [lead[id(d)] for d in kept]), lead)


def _lead_ins(corpus: Corpus, kept: list[Draft], leads: dict[int, int]) -> list[Draft]:
    """Give each draft that leads with a list item its list's lead-in (``Corpus.lead_ins``) as a second quote of that
    source, and open its text with it: "Key objectives of the proposal: Fostering research collaboration …" (an item
    alone does not say what it is about, as a sentence opening with "They" does not say who)."""
    for d in kept:
        span = corpus.lead_ins.get(leads[id(d)])
        if span is None:
            continue
        doc = corpus.spans[leads[id(d)]][0]
        passage = Passage(corpus.sources[doc], span[0], corpus.texts[doc][span[0]:span[1]])
        if passage not in d.evidence:
            head = passage.quote.rstrip(" :")
            d.text = f"{head}: {d.text}"
            d.evidence = [d.evidence[0], passage] + d.evidence[1:]
    return kept


def _follow_on(corpus: Corpus, kept: list[Draft], leads: list[int]) -> list[Draft]:
    """Give each draft the sentence beside its leading one that continues its subject (``followon``), as a second quote
    of that source, and make its text of both; a sentence another draft quotes is left to that draft.

    A draft whose leading sentence refers back to the one before it ("Following his remarks, …") while that one leads
    another draft is no draft of its own: it joins that draft as its second quote (read alone, its "his" names no one);
    when that sentence is only another draft's evidence, it is quoted by both."""
    docs = {source: doc for doc, source in enumerate(corpus.sources)}
    quoted = {bisect.bisect_left(corpus.spans, (docs[p.source], p.start)) for d in kept for p in d.evidence}
    """The sentences the drafts quote (spans are in document order, so a passage's sentence is found by bisection)."""
    leading = {i: k for k, i in enumerate(leads)}
    own = [[i] for i in leads]
    """Per draft: the sentences of its leading source it quotes."""
    gone: set[int] = set()
    for k, i in enumerate(leads):
        host = leading.get(i - 1)
        if host is not None and host not in gone and k not in gone and len(own[host]) == 1 and followon.joins(corpus, i - 1, i):
            own[host].append(i)
            sources = {p.source for p in kept[host].evidence}
            kept[host].evidence += [p for p in kept[k].evidence[1:] if p.source not in sources]
            gone.add(k)
    for k, (d, i) in enumerate(zip(kept, leads, strict=True)):
        if k in gone:
            continue
        if i - 1 not in leading and followon.joins(corpus, i - 1, i):  # its antecedent, even if another draft quotes it
            own[k].insert(0, i - 1)
        found = sorted({j for x in own[k] for j in followon.beside(corpus, x, quoted - set(own[k]))})
        if len(found) > 1:
            quoted.update(found)
            d.text = " ".join(claim_text(corpus.passage(j).quote) for j in found)
            firsts = [d.evidence[0]] + [corpus.passage(j) for j in found if j != i]
            d.evidence = firsts + [p for p in d.evidence[1:] if p not in firsts]
    return [d for k, d in enumerate(kept) if k not in gone]


def _leaders(corpus: Corpus, best: dict[int, tuple[int, float]], pools: list[int], weights: Weights,
             echoes: dict[int, list[int]]) -> list[tuple[int, int, float]]:
    """Return (sentence, topic, score) of up to ``pools[topic]`` candidate claims per topic, no two of one fact.

    A candidate that nearly repeats a leader of its own document (``_repeats``: token Jaccard at least JACCARD, nothing
    disagreeing) is added to ``echoes[leader]``: the source restates the fact ("The governor believes that the port needs
    a strong investment in new cranes." and, paragraphs on, "In recent statements, the governor has said he believes
    the port also needs an investment in cranes."), and an analyst quotes both; its draft quotes it beside its leading
    sentence.

    Candidates are taken best first across the themes, by their share of their theme's best score, so that of two
    sentences of one fact filed under two themes the one that fits its theme better leads (the other becomes its
    evidence); the theme order decides nothing. The last topic stands for "no theme": its candidates come after
    every theme's."""
    by_topic: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for i, (topic, score) in best.items():
        by_topic[topic].append((-score, i))
    queue: list[tuple[bool, float, int, int, float]] = []
    """(no theme?, minus the share of its topic's best score, topic, sentence, score), in the order they are taken."""
    for topic, pool in enumerate(pools):
        ranked = sorted(by_topic[topic])[:SCAN * pool]
        queue += [(topic == len(pools) - 1, negative / -ranked[0][0], topic, i, -negative)
                  for negative, i in ranked if -negative >= MIN_SHARE * -ranked[0][0]]
    leaders: list[tuple[int, int, float]] = []
    taken: list[tuple[int, int, frozenset[str]]] = []
    count = [0] * len(pools)
    index: dict[str, list[int]] = defaultdict(list)
    """Token → the taken leaders that hold it: a candidate is checked only against leaders sharing a heavy token."""
    for _, _, topic, i, score in sorted(queue):
        if count[topic] >= pools[topic]:
            continue
        bag = frozenset(corpus.bags[i])
        near = {k for token in bag if weights.idf.get(token, 0.0) for k in index.get(token, ())}
        repeated = next((k for k in sorted(near) if _repeats(corpus, i, bag, taken[k][0], taken[k][2], weights)), None)
        if repeated is not None:
            j, _, other = taken[repeated]
            if corpus.spans[i][0] == corpus.spans[j][0] and _jaccard(bag, other) >= JACCARD:
                echoes[j].append(i)
        else:
            for token in bag:
                index[token].append(len(taken))
            leaders.append((i, topic, score))
            taken.append((i, topic, bag))
            count[topic] += 1
    return leaders


def _repeats(corpus: Corpus, i: int, bag: frozenset[str], j: int, other: frozenset[str], weights: Weights) -> bool:
    """Whether sentence ``i`` says what ``j`` says: a near-duplicate that states no other number or name, or the same fact in another source."""
    if _jaccard(bag, other) >= JACCARD:
        return not conflict(corpus.facts(i), corpus.facts(j))
    doc, home = corpus.spans[i][0], corpus.spans[j][0]
    return doc != home and corroboration.same_fact(
        bag, other, partial(corpus.facts, i), partial(corpus.facts, j), weights, event=corpus.same_month(doc, home),
        acted=lambda: corpus.acted(i, j) or corpus.spoke(i, j), order=(corpus.bags[i], corpus.bags[j])) > 0


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


_REFS = re.compile(r"\s*\[\d+(?:[,–-]\d+)*\]")
_CONNECTIVE = re.compile(r"^(?:" + "|".join(sentences.CONNECTIVES) + r"),\s+")


def claim_text(quote: str) -> str:
    """Return a claim's draft text: the sentence without reference markers, an opening connective or stray quotation marks, ending in a full stop."""
    text = sentences.clean_claim(_CONNECTIVE.sub("", _REFS.sub("", quote)).strip())
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?", ".\"", ".”", ".’", ".)")) else text.rstrip(" ,;:") + "."
