"""Drafting: the key claims of each theme, found in the sources' sentences. Pure: no files.

1. Every claimable sentence of the corpus is tokenised once (``sentences.tokens``).
2. Each sentence is scored against every theme with BM25 (k1=1.2, b=0.75; the
   sentence is the document, the theme's title, description and seed terms the
   query). It belongs to its best-scoring theme only when that score beats the
   runner-up's by MARGIN; otherwise it fits no theme and, if it would have led a
   claim, is returned as an unassigned draft (``theme == ""``) for the analyst.
3. Per theme, sentences are taken best first, down to MIN_SHARE of the theme's
   best score; one that is a near-duplicate of a claim already taken is skipped;
   the first ``POOL × per_theme`` others lead a candidate claim each.
4. Corroboration: every claimable sentence of another source that reports the
   same fact as a candidate's leading sentence (``corroboration.same_fact``: no
   disagreeing number, year or name, and enough weighted content in common)
   becomes evidence of it, with its own verbatim quote (one passage per source, at
   most MAX_EVIDENCE). Candidates come from an inverted index of each claim's
   heaviest tokens, so the pass is linear in the corpus, never pairwise. A
   candidate that reports the same fact as a better one is not a claim of its own.
5. The candidates are ranked by score × (1 + CORROBORATION × ln(sources)): what
   many sources state is more likely a key claim. The best ``per_theme`` are kept.

BM25 is ten lines here rather than a library: it needs no model or download and
the scores stay explainable.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial

from briefgen.drafting import corroboration, sentences

K1, B = 1.2, 0.75
"""BM25 term-saturation and length-normalisation constants (the usual defaults)."""
FIELD_WEIGHTS = {"title": 2.0, "description": 1.0, "terms": 3.0}
"""Weight of a query token by the theme field it comes from: seed terms count most."""
MIN_SHARE = 0.2
"""A sentence must score at least this share of its theme's best sentence to lead a claim."""
JACCARD = 0.5
"""Token-set Jaccard similarity from which two sentences are near-duplicates (the same claim)."""
MAX_EVIDENCE = 20
"""Evidence passages kept per claim (the most similar sources): corroboration counts up to this."""
POOL = 4
"""Candidate claims considered per claim kept."""
SCAN = 4
"""Sentences looked at per candidate claim wanted, at most (the rest are near-duplicates of those taken)."""
CORROBORATION = 0.5
"""How much corroboration lifts a claim's rank."""
MARGIN = 1.3
"""A sentence is filed under its best theme only if it scores at least this many times the runner-up."""


@dataclass(frozen=True)
class Topic:
    """What a theme asks for: its title, description and seed terms."""

    id: str
    title: str
    description: str = ""
    terms: tuple[str, ...] = ()

    def query(self) -> dict[str, float]:
        """Return the BM25 query: token → weight."""
        weights: dict[str, float] = defaultdict(float)
        for name, text in (("title", self.title), ("description", self.description), ("terms", " ".join(self.terms))):
            for token in sentences.tokens(text):
                weights[token] += FIELD_WEIGHTS[name]
        return weights


@dataclass(frozen=True, slots=True)
class Passage:
    """A verbatim passage: ``quote == normalise(source text)[start:end]``."""

    source: str
    start: int
    quote: str


@dataclass
class Draft:
    """A drafted claim of a theme: its text and its evidence (the leading passage first)."""

    theme: str
    text: str
    score: float
    evidence: list[Passage] = field(default_factory=list)

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


class Corpus:
    """The claimable sentences of every document, tokenised once."""

    def __init__(self) -> None:
        self.sources: list[str] = []
        self.texts: list[str] = []
        """Normalised text of each document."""
        self.spans: list[tuple[int, int, int]] = []
        """(document index, start, end) of each sentence."""
        self.bags: list[tuple[str, ...]] = []
        self.issued: list[str] = []
        self._facts: dict[int, corroboration.Facts] = {}
        self.df: Counter[str] = Counter()
        self.doc_tokens: Counter[str] = Counter()

    def add(self, source: str, text: str, issued: str = "") -> None:
        """Add a document's sentences; ``issued`` (its ISO date, if known) dates its "today"."""
        normalised, found = sentences.split(text)
        index = len(self.texts)
        self.sources.append(source)
        self.texts.append(normalised)
        self.issued.append(issued)
        tokens: set[str] = set()
        for sentence in found:
            bag = tuple(sentences.tokens(sentence.text))
            if sentence.claimable and bag:
                self.spans.append((index, sentence.start, sentence.end))
                self.bags.append(bag)
                self.df.update(set(bag))
                tokens.update(bag)
        self.doc_tokens.update(tokens)

    def facts(self, i: int) -> corroboration.Facts:
        """The numbers, years, people and months of sentence ``i`` (worked out when first asked)."""
        if i not in self._facts:
            doc, start, end = self.spans[i]
            self._facts[i] = corroboration.facts_of(self.texts[doc][start:end], self.issued[doc])
        return self._facts[i]

    def weights(self) -> corroboration.Weights:
        return corroboration.Weights(self.doc_tokens, len(self.texts))

    def passage(self, i: int) -> Passage:
        doc, start, end = self.spans[i]
        return Passage(self.sources[doc], start, self.texts[doc][start:end])


def draft(corpus: Corpus, topics: list[Topic], per_theme: int = 8) -> list[Draft]:
    """Return up to ``per_theme`` drafted claims per topic, in topic order then best first.

    Then up to ``per_theme`` unassigned drafts (``theme == ""``): strong sentences that fit no theme clearly.
    """
    weights = corpus.weights()
    best, unfit = _best_topics(corpus, topics)
    floor = MIN_SHARE * max((score for _, score in best.values()), default=0.0)
    strays = {i: (len(topics), score) for i, score in unfit.items() if score >= floor}
    fitted = best | strays
    leaders = _leaders(corpus, fitted, len(topics) + 1, POOL * per_theme, weights)
    evidence = _corroborate(corpus, leaders, {i: t for i, (t, _) in fitted.items()}, weights)
    names = [topic.id for topic in topics] + [""]
    drafts = [Draft(names[t], claim_text(corpus.passage(i).quote), score, evidence[k]) for k, (i, t, score) in enumerate(leaders)]
    kept: list[Draft] = []
    for name in names:
        mine = [d for d in drafts if d.theme == name]
        mine.sort(key=lambda d: -d.score * (1 + CORROBORATION * math.log(d.corroboration)))
        kept += mine[:per_theme]
    return kept


def _leaders(corpus: Corpus, best: dict[int, tuple[int, float]], topics: int, pool: int,
             weights: corroboration.Weights) -> list[tuple[int, int, float]]:
    """Return (sentence, topic, score) of up to ``pool`` candidate claims per topic, no two of one fact.

    Topic ``topics - 1`` may stand for "no theme": its candidates are ranked after every theme's."""
    by_topic: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for i, (topic, score) in best.items():
        by_topic[topic].append((-score, i))
    leaders: list[tuple[int, int, float]] = []
    taken: list[tuple[int, int, frozenset[str]]] = []
    index: dict[str, list[int]] = defaultdict(list)
    """Token → the taken leaders that hold it: a candidate is checked only against leaders sharing a heavy token."""
    for topic in range(topics):
        ranked = sorted(by_topic[topic])
        count = 0
        for scanned, (negative, i) in enumerate(ranked):
            if count >= pool or scanned >= SCAN * pool or -negative < MIN_SHARE * -ranked[0][0]:
                break
            bag = frozenset(corpus.bags[i])
            near = {k for token in weights.keys(bag, 8) for k in index.get(token, ())}
            if not any(_repeats(corpus, i, bag, taken[k][0], taken[k][2], weights, taken[k][1] == topic) for k in sorted(near)):
                for token in bag:
                    index[token].append(len(taken))
                leaders.append((i, topic, -negative))
                taken.append((i, topic, bag))
                count += 1
    return leaders


def _repeats(corpus: Corpus, i: int, bag: frozenset[str], j: int, other: frozenset[str], weights: corroboration.Weights,
             themed: bool) -> bool:
    """Whether sentence ``i`` says what ``j`` says: a near-duplicate, or the same fact in another source."""
    if _jaccard(bag, other) >= JACCARD:
        return True
    same = corroboration.THEMED if themed else corroboration.SAME
    return corpus.spans[i][0] != corpus.spans[j][0] and corroboration.same_fact(
        bag, other, partial(corpus.facts, i), partial(corpus.facts, j), weights, same=same) > 0


def _best_topics(corpus: Corpus, topics: list[Topic]) -> tuple[dict[int, tuple[int, float]], dict[int, float]]:
    """Return sentence → (its topic, BM25 score) for sentences that fit one topic clearly, and sentence → score for the others."""
    return _fit(corpus, [topic.query() for topic in topics])


def _fit(corpus: Corpus, queries: list[dict[str, float]]) -> tuple[dict[int, tuple[int, float]], dict[int, float]]:
    n = len(corpus.bags)
    if not n:
        return {}, {}
    average = sum(map(len, corpus.bags)) / n
    weights: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for t, query in enumerate(queries):
        for token, field_weight in query.items():
            df = corpus.df.get(token, 0)
            if df:
                weights[token].append((t, field_weight * math.log(1 + (n - df + 0.5) / (df + 0.5))))
    best: dict[int, tuple[int, float]] = {}
    unfit: dict[int, float] = {}
    for i, bag in enumerate(corpus.bags):
        counts = Counter(token for token in bag if token in weights)
        if not counts:
            continue
        norm = K1 * (1 - B + B * len(bag) / average)
        scores = [0.0] * len(queries)
        for token, tf in counts.items():
            saturation = tf * (K1 + 1) / (tf + norm)
            for t, weight in weights[token]:
                scores[t] += weight * saturation
        top = max(range(len(queries)), key=scores.__getitem__)
        runner_up = max((s for t, s in enumerate(scores) if t != top), default=0.0)
        if scores[top] >= MARGIN * runner_up:
            best[i] = (top, scores[top])
        else:
            unfit[i] = scores[top]
    return best, unfit


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def _corroborate(corpus: Corpus, chosen: list[tuple[int, int, float]], topic_of: dict[int, int],
                 weights: corroboration.Weights) -> list[list[Passage]]:
    """Return, per leading sentence, its evidence: itself, then the best passage of each other source stating the same fact.

    A passage filed under the leader's own theme needs less content in common (THEMED) than one from elsewhere."""
    leaders = [i for i, _, _ in chosen]
    themes = [t for _, t, _ in chosen]
    bags = [frozenset(corpus.bags[i]) for i in leaders]
    masses = [weights.weight(bag) for bag in bags]
    keyed: dict[str, list[int]] = defaultdict(list)
    """Token → the claims that hold it among their heaviest: only those are candidates."""
    holding: dict[str, list[int]] = defaultdict(list)
    """Token → every claim that holds it (weighted tokens only): the shared weight is summed over these."""
    for k, bag in enumerate(bags):
        for token in weights.keys(bag):
            keyed[token].append(k)
        for token in bag:
            if weights.idf.get(token, 0.0):
                holding[token].append(k)
    found: list[dict[int, tuple[float, int]]] = [{} for _ in leaders]
    """Per claim: document → (score, sentence) of its best passage stating the claim's fact."""
    for i, raw in enumerate(corpus.bags):
        bag = frozenset(raw)
        candidates = {k for token in bag for k in keyed.get(token, ())}
        if not candidates:
            continue
        doc = corpus.spans[i][0]
        shared: dict[int, float] = defaultdict(float)
        for token in bag:
            weight = weights.idf.get(token, 0.0)
            if weight:
                for k in holding.get(token, ()):
                    shared[k] += weight
        mass = weights.weight(bag)
        mine = topic_of.get(i, -1)
        scored = [(corroboration.judge(shared[k] / math.sqrt(mass * masses[k]) if mass and masses[k] else 0.0,
                                       partial(corpus.facts, i), partial(corpus.facts, leaders[k]),
                                       corroboration.THEMED if themes[k] == mine else corroboration.SAME), -k)
                  for k in candidates if corpus.spans[leaders[k]][0] != doc]
        score, k = max(scored, default=(0.0, 0))
        if score > 0 and score > found[-k].get(doc, (0.0, 0))[0]:
            found[-k][doc] = (score, i)
    evidence = []
    for k, leader in enumerate(leaders):
        others = sorted(found[k].values(), key=lambda f: (-f[0], f[1]))[:MAX_EVIDENCE - 1]
        passages = sorted((corpus.passage(i) for _, i in others), key=lambda p: (p.source, p.start))
        evidence.append([corpus.passage(leader)] + passages)
    return evidence


_REFS = re.compile(r"\s*\[\d+(?:[,–-]\d+)*\]")
_CONNECTIVE = re.compile(r"^(?:However|Moreover|Furthermore|Additionally|Notably|In addition|Meanwhile|Overall|"
                         r"Also|In contrast|Similarly|Indeed|Nevertheless|Still|Yet|But|And),\s+")


def claim_text(quote: str) -> str:
    """Return a claim's draft text: the sentence without reference markers, an opening connective or stray quotation marks, ending in a full stop."""
    text = sentences.clean_claim(_CONNECTIVE.sub("", _REFS.sub("", quote)).strip())
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?", ".\"", ".”", ".’", ".)")) else text.rstrip(" ,;:") + "."
