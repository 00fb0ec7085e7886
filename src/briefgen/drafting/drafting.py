"""Drafting: the key claims of each theme, found in the sources' sentences. Pure: no files.

1. Every claimable sentence of the corpus is tokenised once (``sentences.tokens``).
2. Each sentence is scored against every theme with BM25 (k1=1.2, b=0.75; the
   sentence is the document, the theme's title, description and seed terms the
   query), and belongs to its best-scoring theme.
3. Per theme, sentences are taken best first, down to MIN_SHARE of the theme's
   best score; one that is a near-duplicate of a claim already taken is skipped;
   the first ``POOL × per_theme`` others lead a candidate claim each.
4. Corroboration: every claimable sentence of the corpus that is a near-duplicate
   of a candidate's leading sentence becomes evidence of it (one passage per
   source, at most MAX_EVIDENCE). Near-duplicate means a Jaccard similarity of the
   token sets of at least JACCARD. Candidates come from an inverted index of the
   claims' rarest tokens (prefix filtering, exact for that threshold), so the pass
   is linear in the corpus, never pairwise.
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

from briefgen.drafting import sentences

K1, B = 1.2, 0.75
"""BM25 term-saturation and length-normalisation constants (the usual defaults)."""
FIELD_WEIGHTS = {"title": 2.0, "description": 1.0, "terms": 3.0}
"""Weight of a query token by the theme field it comes from: seed terms count most."""
MIN_SHARE = 0.3
"""A sentence must score at least this share of its theme's best sentence to lead a claim."""
JACCARD = 0.5
"""Token-set Jaccard similarity from which two sentences are near-duplicates (the same claim)."""
MAX_EVIDENCE = 20
"""Evidence passages kept per claim (the most similar sources): corroboration counts up to this."""
POOL = 4
"""Candidate claims considered per claim kept."""
CORROBORATION = 0.5
"""How much corroboration lifts a claim's rank."""


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
        self.df: Counter[str] = Counter()

    def add(self, source: str, text: str) -> None:
        """Add a document's sentences."""
        normalised, found = sentences.split(text)
        index = len(self.texts)
        self.sources.append(source)
        self.texts.append(normalised)
        for sentence in found:
            bag = tuple(sentences.tokens(sentence.text))
            if sentence.claimable and bag:
                self.spans.append((index, sentence.start, sentence.end))
                self.bags.append(bag)
                self.df.update(set(bag))

    def passage(self, i: int) -> Passage:
        doc, start, end = self.spans[i]
        return Passage(self.sources[doc], start, self.texts[doc][start:end])


def draft(corpus: Corpus, topics: list[Topic], per_theme: int = 8) -> list[Draft]:
    """Return up to ``per_theme`` drafted claims per topic, in topic order then best first."""
    leaders = _leaders(corpus, topics, POOL * per_theme)
    evidence = _corroborate(corpus, [i for i, _, _ in leaders])
    drafts = [Draft(topics[t].id, claim_text(corpus.passage(i).quote), score, evidence[k]) for k, (i, t, score) in enumerate(leaders)]
    kept: list[Draft] = []
    for topic in topics:
        mine = [d for d in drafts if d.theme == topic.id]
        mine.sort(key=lambda d: -d.score * (1 + CORROBORATION * math.log(d.corroboration)))
        kept += mine[:per_theme]
    return kept


def _leaders(corpus: Corpus, topics: list[Topic], pool: int) -> list[tuple[int, int, float]]:
    """Return (sentence, topic, score) of up to ``pool`` candidate claims per topic, no two near-duplicates."""
    by_topic: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for i, (topic, score) in _best_topics(corpus, topics).items():
        by_topic[topic].append((-score, i))
    leaders: list[tuple[int, int, float]] = []
    taken: list[frozenset[str]] = []
    for topic in range(len(topics)):
        ranked = sorted(by_topic[topic])
        count = 0
        for negative, i in ranked:
            if count >= pool or -negative < MIN_SHARE * -ranked[0][0]:
                break
            bag = frozenset(corpus.bags[i])
            if not any(_jaccard(bag, other) >= JACCARD for other in taken):
                leaders.append((i, topic, -negative))
                taken.append(bag)
                count += 1
    return leaders


def _best_topics(corpus: Corpus, topics: list[Topic]) -> dict[int, tuple[int, float]]:
    """Return sentence → (its best topic, BM25 score), for sentences that match any topic."""
    n = len(corpus.bags)
    if not n:
        return {}
    average = sum(map(len, corpus.bags)) / n
    weights: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for t, topic in enumerate(topics):
        for token, weight in topic.query().items():
            df = corpus.df.get(token, 0)
            if df:
                weights[token].append((t, weight * math.log(1 + (n - df + 0.5) / (df + 0.5))))
    best: dict[int, tuple[int, float]] = {}
    for i, bag in enumerate(corpus.bags):
        counts = Counter(token for token in bag if token in weights)
        if not counts:
            continue
        norm = K1 * (1 - B + B * len(bag) / average)
        scores = [0.0] * len(topics)
        for token, tf in counts.items():
            saturation = tf * (K1 + 1) / (tf + norm)
            for t, weight in weights[token]:
                scores[t] += weight * saturation
        top = max(range(len(topics)), key=scores.__getitem__)
        best[i] = (top, scores[top])
    return best


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def _prefix(tokens: frozenset[str], df: Counter[str]) -> list[str]:
    """Return the rarest tokens that any set with Jaccard ≥ JACCARD must share (prefix filtering)."""
    ordered = sorted(tokens, key=lambda t: (df[t], t))
    return ordered[:len(ordered) - math.ceil(JACCARD * len(ordered)) + 1]


def _corroborate(corpus: Corpus, leaders: list[int]) -> list[list[Passage]]:
    """Return, per leading sentence, its evidence: itself, then one near-duplicate passage per other source."""
    bags = [frozenset(corpus.bags[i]) for i in leaders]
    index: dict[str, list[int]] = defaultdict(list)
    for k, bag in enumerate(bags):
        for token in _prefix(bag, corpus.df):
            index[token].append(k)
    found: list[dict[int, tuple[float, int]]] = [{} for _ in leaders]
    """Per claim: document → (similarity, sentence) of its best near-duplicate."""
    for i, raw in enumerate(corpus.bags):
        bag = frozenset(raw)
        candidates = {k for token in _prefix(bag, corpus.df) for k in index.get(token, ())}
        scored = [(_jaccard(bag, bags[k]), -k) for k in candidates]
        similarity, k = max(scored, default=(0.0, 0))
        k = -k
        if similarity < JACCARD:
            continue
        doc = corpus.spans[i][0]
        if doc != corpus.spans[leaders[k]][0] and similarity > found[k].get(doc, (0.0, 0))[0]:
            found[k][doc] = (similarity, i)
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
    """Return a claim's draft text: the sentence without reference markers or an opening connective, ending in a full stop."""
    text = _CONNECTIVE.sub("", _REFS.sub("", quote)).strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?", ".\"", ".”", ".’", ".)")) else text.rstrip(" ,;:") + "."
