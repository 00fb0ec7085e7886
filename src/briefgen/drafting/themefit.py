"""Theme fit: which theme a sentence belongs under, if any, scored with BM25. Pure: no files.

Each sentence is scored against every theme (k1=1.2, b=0.75; the sentence is the
document, the theme the query). A theme's title and description count word by word,
and a name of three or more capitalised words in them also by its initials ("WWF" of
"World Water Forum"); a seed term counts only when the sentence has every word of it
("Commerce Control List" is not matched by "Commerce" alone). The sentence belongs to its best theme
only when that score is at least MARGIN times the runner-up's and it has MIN_WORDS
distinct words of that theme; with one word only (a word most themes use, such as "AI",
or a generic word of a theme name, such as "views", is no word here), the margin must be
ONE_WORD_MARGIN; and that score must be at least FOCUS of what it scores over all the themes (a sentence that
names many themes a little is about none of them clearly); and a theme whose title names what it is about ("Effects on
US industry") holds only a sentence that names it and says something of it (``themesubject``). Otherwise it fits no theme, and the analyst sees it under
"fits no theme" rather than under a guess, with the themes it fits about equally (within MARGIN
of its best). Which theme a sentence fits is decided on the sentence as ``themeclues`` reads
it (a theme's hyphenated words and abbreviated names whole, a denied opening concession left
out, a person's name counted for their views only where the sentence reports speech); its
score stays BM25's.

BM25 is a few lines here rather than a library: it needs no model or download and the
scores stay explainable.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace

from briefgen.drafting import sentences, themeclues, themesubject
from briefgen.drafting.corpus import Corpus
from briefgen.drafting.themesubject import NAME_RUN as _NAME_RUN
from briefgen.drafting.themesubject import initials as initials
from briefgen.text import words

K1, B = 1.2, 0.75
"""BM25 term-saturation and length-normalisation constants (the usual defaults)."""
FIELD_WEIGHTS = {"title": 2.0, "description": 1.0, "terms": 3.0}
"""Weight of a query token by the theme field it comes from: seed terms count most."""
MARGIN = 1.5
"""A sentence is filed under its best theme only if it scores at least this many times the runner-up."""
MIN_WORDS = 2
"""Distinct words of a theme that make a fit (a whole seed term, or a proper name only that theme's title or description
uses, counts as this many): one shared word ("views" of "The minister's views", "US" of "US water treaty limits") is
often a coincidence, not the topic."""
ONE_WORD_MARGIN = 2.5
"""With fewer than MIN_WORDS words of its best theme, a sentence is filed only with this margin: a single word
("risks" alone under "AI risks and ethics") is evidence only when no other theme comes near."""
FOCUS = 0.3
"""A sentence is filed only if its best theme holds at least this share of what it scores over all the themes: one that
leads the runner-up by the margin but spreads as much over the others is about none of them clearly ("Tariff reforms
were argued over by canal, flood, fishing and village groups" names water prices, shipping, floods, fishing and wells
at once). Chosen on the seed corpus's drafts (any value from 0.29 to 0.32 gives the same drafts
there; from 1/3 a key fact is lost), so a training figure. With four themes or fewer it never binds: the margin alone implies a third or more."""
NEAR = 3
"""A sentence that fits no theme clearly names at most this many themes it fits about equally, for the analyst."""
SHARED = 0.5
"""A word in more than this share of the themes (``AI`` in every theme of an AI corpus) tells no theme apart: it scores, but
does not count towards MIN_WORDS."""


_SPELLINGS = [(re.compile(r"\b(\w{3,})ence(s?)\b"), r"\1ense\2"), (re.compile(r"\b(\w{3,})tre(s?)\b"), r"\1ter\2"),
              (re.compile(r"\b(\w{3,})our(s?)\b"), r"\1or\2"), (re.compile(r"\b(\w{3,})yse([sd]?)\b"), r"\1yze\2")]
"""British spellings and their American forms that the tokens' first six letters tell apart: licence/license,
centre/center, labour/labor, analyse/analyze (-ise/-ize and -isation/-ization already share their first six)."""


def spelled(text: str) -> str:
    """Return ``text`` with each British spelling of ``_SPELLINGS`` in its American form: a theme written in one
    spelling matches text written in the other ("licences" of a theme, "licenses" of a source). A form that is no
    word ("evidense") matches nothing."""
    for pattern, american in _SPELLINGS:
        text = pattern.sub(american, text)
    return text


@dataclass(frozen=True)
class Topic:
    """What a theme asks for: its title, description and seed terms."""

    id: str
    title: str
    description: str = ""
    terms: tuple[str, ...] = ()

    def query(self) -> dict[str, float]:
        """Return the word-by-word part of the BM25 query (title and description): token → weight."""
        weights: dict[str, float] = defaultdict(float)
        for name, text in (("title", self.title), ("description", self.description)):
            for token in sentences.tokens(text):
                weights[token] += FIELD_WEIGHTS[name]
            for token in set(sentences.tokens(spelled(text))) - weights.keys():
                weights[token] += FIELD_WEIGHTS[name]
        for token in self.acronyms() - weights.keys():
            weights[token] += FIELD_WEIGHTS["description"]
        return weights

    def acronyms(self) -> set[str]:
        """Return the tokens of the initials of the title's and description's names of three or more words ("wwf" of
        "World Water Forum" and of "World Wide Water Forum"): a sentence that uses them names the same thing."""
        return {token for text in (self.title, self.description) for run in _NAME_RUN.finditer(text)
                for token in sentences.tokens(initials(run.group()))}

    def names(self) -> set[str]:
        """Return the tokens of the proper names in the title and description ("Okafor" of "Minister Okafor's views")."""
        return {token for text in (self.title, self.description) for word in words.words(text) if word.kind == "name"
                for token in sentences.tokens(word.text)} | self.acronyms()

    def whole(self, used: Callable[[str], bool]) -> Topic:
        """Return this topic with each hyphenated word of its title and description a seed term, not words of its own,
        and each name of its description that the corpus abbreviates (``used``: whether the corpus has a token) as its
        initials: "made at the WWF" for "made at the World Water Forum"."""
        found = tuple(dict.fromkeys(word for text in (self.title, self.description) for word in themeclues.hyphenated(text)))

        def abbreviated(run: re.Match[str]) -> str:
            short = initials(run.group())
            return short if short and all(map(used, sentences.tokens(short))) else run.group()

        description = _NAME_RUN.sub(abbreviated, themeclues.unhyphenated(self.description))
        if not found and description == self.description:
            return self
        return replace(self, title=themeclues.unhyphenated(self.title), description=description,
                       terms=self.terms + found)

    def phrases(self) -> list[tuple[str, ...]]:
        """Return each seed term's tokens: a term matches only a sentence that has them all."""
        return [tuple(dict.fromkeys(found)) for found in (sentences.tokens(term) for term in self.terms) if found]


def fit(corpus: Corpus, topics: list[Topic]) -> tuple[dict[int, tuple[int, float]], dict[int, tuple[float, tuple[int, ...], bool]]]:
    """Return sentence → (its topic, BM25 score) for sentences that fit one topic clearly, and for the others sentence →
    (best score, the topics it fits about equally: those within MARGIN of the best, best first, at most NEAR, and whether
    a clue or FOCUS took it off the theme the margin alone files it under: ``drafting.draft`` lists such a sentence
    without pushing out one that fits no theme at all).

    The score says how strongly a sentence speaks to the themes; which theme it fits is decided on the sentence as the
    clues read it (``themeclues``), where they read it otherwise."""
    best: dict[int, tuple[int, float]] = {}
    unfit: dict[int, tuple[float, tuple[int, ...], bool]] = {}
    scored = score(corpus, topics)
    items = [i for i in sorted(corpus.heads) if i in scored]
    heads = {items[k]: found for k, found in score(corpus, topics, [corpus.heads[i] for i in items]).items()}
    """List item → the scores of its list's heading or lead-in ("Key objectives of the proposed agency")."""
    wholes = [topic.whole(corpus.df.__contains__) for topic in topics]
    clues = themeclues.Clues(corpus, list(topics), list(wholes))
    subject = themesubject.subjects(topics, corpus.texts)
    topical = themesubject.topical(topics, subject, corpus.texts)
    reread = clues.reread(scored)
    """Sentence → the bag its theme is decided on, where the clues read it otherwise."""
    decided = dict(zip(reread, score(corpus, wholes, list(reread.values()), keep=True).values(), strict=True))
    for i, (strength, found) in scored.items():
        head = heads.get(i)
        top, fits, scores, headed = _read(strength, found, head)
        moved = False
        if i in decided:
            moved = fits
            top, fits, scores, headed = _read(*decided[i], head)
            moved = moved and not fits
        if fits and scores[top] < FOCUS * sum(scores):  # spread over many themes: about none of them clearly
            fits, moved = False, True
        if fits and subject[top] and not themesubject.names(corpus.bags[i], subject[top], topical[top],
                                                            themesubject.plain(_text(corpus, i))):
            fits, moved = False, True
        if headed and head:
            strength = [mine + theirs for mine, theirs in zip(strength, head[0], strict=True)]
        if fits:
            best[i] = (top, strength[top])
        else:
            near = sorted((t for t, s in enumerate(scores) if s and s * MARGIN >= scores[top]), key=lambda t: -scores[t])
            unfit[i] = (max(strength), tuple(near[:NEAR]), moved)
    return best, unfit


def _text(corpus: Corpus, i: int) -> str:
    doc, start, end = corpus.spans[i]
    return corpus.texts[doc][start:end]


def _read(scores: list[float], found: list[int], head: tuple[list[float], list[int]] | None) -> tuple[int, bool, list[float], bool]:
    """Return the best topic, whether it fits clearly, the scores it was decided on and whether they are the sentence's
    with its list's heading: a list item that fits no theme clearly alone is read with what introduces its list."""
    top, fits = _decide(scores, found)
    if fits or head is None:
        return top, fits, scores, False
    scores = [mine + theirs for mine, theirs in zip(scores, head[0], strict=True)]
    top, fits = _decide(scores, [mine + theirs for mine, theirs in zip(found, head[1], strict=True)])
    return top, fits, scores, True


def _decide(scores: list[float], found: list[int]) -> tuple[int, bool]:
    """Return the best topic and whether it fits clearly: MARGIN over the runner-up with MIN_WORDS telling words, else ONE_WORD_MARGIN."""
    top = max(range(len(scores)), key=scores.__getitem__)
    runner_up = max((s for t, s in enumerate(scores) if t != top), default=0.0)
    margin = MARGIN if found[top] >= MIN_WORDS else ONE_WORD_MARGIN
    return top, scores[top] >= margin * runner_up and bool(found[top])


def score(corpus: Corpus, topics: list[Topic], bags: list[tuple[str, ...]] | None = None,
          keep: bool = False) -> dict[int, tuple[list[float], list[int]]]:
    """Return sentence → (its BM25 score per topic, its count of each topic's telling words) for each sentence that scores
    (or for each of ``bags``, by its index, scored as a sentence of the corpus; with ``keep``, those that score nothing too)."""
    n = len(corpus.bags)
    if not n:
        return {}
    average = sum(map(len, corpus.bags)) / n

    def idf(token: str) -> float:
        df = corpus.df.get(token, 0)
        return math.log(1 + (n - df + 0.5) / (df + 0.5)) if df else 0.0

    weights: dict[str, list[tuple[int, float]]] = defaultdict(list)
    terms: dict[str, list[tuple[int, tuple[str, ...]]]] = defaultdict(list)
    """A term's first token → (topic, the term's tokens)."""
    for t, topic in enumerate(topics):
        for token, field_weight in topic.query().items():
            if idf(token):
                weights[token].append((t, field_weight * idf(token)))
        for phrase in topic.phrases():
            if all(corpus.df.get(token, 0) for token in phrase):
                terms[phrase[0]].append((t, phrase))
    themes_of: Counter[str] = Counter(token for topic in topics for token in topic.query())
    generic = {token for word in words.word_list("theme_generic") for token in sentences.tokens(word)}
    telling = {token for token in weights if themes_of[token] <= SHARED * len(topics) and token not in generic}
    own = [{token for token in topic.names() if themes_of[token] == 1} for topic in topics]
    """Per topic, the proper names no other topic uses: one of them is topic enough."""
    scored: dict[int, tuple[list[float], list[int]]] = {}
    matched = weights.keys() | terms.keys()
    term_weight = {p: FIELD_WEIGHTS["terms"] * idf(p) for phrases in terms.values() for _, phrase in phrases for p in phrase}
    for i, bag in enumerate(corpus.bags if bags is None else bags):
        if matched.isdisjoint(bag) and not keep:
            continue
        norm = K1 * (1 - B + B * len(bag) / average)
        scores = [0.0] * len(topics)
        found = [0] * len(topics)
        for token in filter(matched.__contains__, dict.fromkeys(bag)):  # the tokens that score, in the bag's order
            tf = bag.count(token)
            saturation = tf * (K1 + 1) / (tf + norm)
            for t, weight in weights.get(token, ()):
                scores[t] += weight * saturation
                found[t] += MIN_WORDS if token in own[t] else token in telling
            for t, phrase in terms.get(token, ()):
                if all(p in bag for p in phrase):
                    found[t] += MIN_WORDS
                    for p in phrase:
                        count = bag.count(p)
                        scores[t] += term_weight[p] * count * (K1 + 1) / (count + norm)
        if keep or any(scores):
            scored[i] = (scores, found)
    return scored
