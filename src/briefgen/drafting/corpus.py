"""The corpus as drafting sees it: every claimable sentence, tokenised once, and the tokens' weights. Pure: no files."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from functools import partial

from briefgen.drafting import events, facts, sentences, speech
from briefgen.drafting.weights import RARE, Weights

RARE_PHRASE = 1 / 3
"""A pair of adjacent content words found in at most this share of the documents (or two) is specific enough
to tie two sentences ("job displacement"; not "interim final", a kind of rule in a corpus of rules), if each of
its words is rare too (``RARE``: not "BIS published" in a corpus about BIS)."""


_FINITE = facts.FINITE
"""A form of be/have/do or a modal: a list item with one says something of its own ("… countries can position
themselves …"); one without ("Insufficient supply of advanced chips due to trade restrictions") needs its lead-in."""
_INNER = re.compile(r"[.!?](?<=[a-z]{2}[.!?])[\"”’')\]]*\s+[\"“‘(]?[A-Z]")
"""A sentence ending inside a passage the segmenter kept whole (a quotation of several sentences: "“Today's rules will …
restrictions. These controls maintain …,” said …"): after a word of two lower-case letters or more, so not after "U.S.".
Asked only yes or no; it opens with the mark, which re scans for, and looks behind from there."""
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’')\]]*\s+(?=[\"“‘(]?[A-Z0-9])|;\s+")
"""Where one statement of a passage ends and the next begins: a sentence of a joined passage, a clause after a semicolon."""


@dataclass(frozen=True, slots=True)
class Passage:
    """A verbatim passage: ``quote == normalise(source text)[start:end]``."""

    source: str
    start: int
    quote: str


class Corpus:
    """The claimable sentences of every document, tokenised once."""

    def __init__(self) -> None:
        self.sources: list[str] = []
        self.texts: list[str] = []
        """Normalised text of each document."""
        self.spans: list[tuple[int, int, int]] = []
        """(document index, start, end) of each sentence."""
        self.blocks: list[int] = []
        """The paragraph (block) of its document each sentence is in."""
        self.bags: list[tuple[str, ...]] = []
        self.issued: list[str] = []
        self._facts: dict[int, facts.Facts] = {}
        self._acts: dict[int, tuple[frozenset[str], str]] = {}
        self._actors: dict[int, frozenset[str]] = {}
        self._voices: dict[int, tuple[speech.Voice, ...]] = {}
        self._speakers: dict[int, frozenset[str]] = {}
        self.joined: set[int] = set()
        """The sentences that are two or more joined (the later ones opened with a pronoun or connective)."""
        self.several: set[int] = set()
        """The sentences that may be several statements: joined ones, those with a semicolon ("… concerns about A;
        and B policies that …"), and quotations of several sentences kept whole ("“… restrictions. These controls …,” said …")."""
        self._parts: dict[int, tuple[frozenset[str], ...]] = {}
        self.heads: dict[int, tuple[str, ...]] = {}
        """Sentence of a list item → the tokens of the heading or line ending in a colon just before its list: read with
        the item when the item alone fits no theme clearly (``themefit.fit``)."""
        self.lead_ins: dict[int, tuple[int, int]] = {}
        """Sentence of a list item that is no sentence on its own (no form of be/have/do, no modal) → (start, end) of
        its list's lead-in, the line ending in a colon just before the list ("The rule makes three changes:"), without
        which the item ("Insufficient supply of advanced chips due to trade restrictions") does not say what it is about."""
        self.df: Counter[str] = Counter()
        self.doc_tokens: Counter[str] = Counter()
        self._pair_counts: Counter[tuple[str, str]] | None = None
        """Documents holding each pair of adjacent tokens whose rarity needs counting (``_rare_pairs``)."""

    def add(self, source: str, text: str, issued: str = "") -> None:
        """Add a document's sentences; ``issued`` (its ISO date, if known) dates its "today"."""
        normalised, found = sentences.split(text)
        index = len(self.texts)
        self.sources.append(source)
        self.texts.append(normalised)
        self.issued.append(issued)
        tokens: set[str] = set()
        counted: list[str] = []
        block, listed, intro = -1, False, None
        before: sentences.Sentence | None = None
        """The last sentence of the block before the current one."""
        for k, sentence in enumerate(found):
            if sentence.block != block:
                before = found[k - 1] if k else None
                intro = (intro if listed else _intro(before, sentence.block)) if sentence.listed else None
                block, listed = sentence.block, sentence.listed
            if not sentence.claimable:
                continue
            bag = tuple(sentences.tokens(sentence.text))
            if bag:
                if sentence.joined:
                    self.joined.add(len(self.bags))
                if sentence.joined or "; " in sentence.text or _INNER.search(sentence.text):
                    self.several.add(len(self.bags))
                if intro is not None:
                    self.heads[len(self.bags)] = tuple(sentences.tokens(intro.text))
                    if intro.text.endswith(":") and not _FINITE.search(sentence.text):
                        self.lead_ins[len(self.bags)] = (intro.start, intro.end)
                self.spans.append((index, sentence.start, sentence.end))
                self.blocks.append(sentence.block)
                self.bags.append(bag)
                distinct = set(bag)
                counted += distinct
                tokens |= distinct
        self.df.update(counted)
        self.doc_tokens.update(tokens)
        self._pair_counts = None

    def facts(self, i: int, keep: bool = True) -> facts.Facts:
        """The numbers, years, people and months of sentence ``i`` (worked out when first asked, and remembered
        unless ``keep`` is false: a sentence judged once as evidence need not hold its facts in memory)."""
        known = self._facts.get(i)
        if known is None:
            doc, start, end = self.spans[i]
            found = facts.facts_of(self.texts[doc][start:end], self.issued[doc], self._rare)
            rare = self._rare_pairs(self.bags[i])
            known = found if not rare else facts.Facts(found.quantities, found.years, found.names, found.months, found.entities, rare,
                                                       self.texts[doc][start:end])
            if keep:
                self._facts[i] = known
        return known

    def acts(self, i: int) -> tuple[frozenset[str], str]:
        """The acts sentence ``i`` reports ("actor kind", ``events.signatures``) and their time (``events.when``); none
        when it names no act or no time."""
        known = self._acts.get(i)
        if known is None:
            known = (frozenset(), "")
            if events.families(self.bags[i]):
                doc, start, end = self.spans[i]
                text = self.texts[doc][start:end]
                time = events.when(text, self.issued[doc])
                if time:
                    known = (self._itself(doc, events.signatures(text, self.bags[i])), time)
            self._acts[i] = known
        return known

    def _itself(self, doc: int, signatures: frozenset[str]) -> frozenset[str]:
        """``signatures`` with the document as actor (``events.ITSELF``: "These IFRs revise …") read as each actor the
        document names as acting ("… the Bureau of Industry and Security (BIS) released …")."""
        mine = {s for s in signatures if s.startswith(events.ITSELF)}
        if not mine:
            return signatures
        if doc not in self._actors:
            doc_text = self.texts[doc]
            self._actors[doc] = frozenset(s.split()[0] for i, (d, start, end) in enumerate(self.spans) if d == doc
                                          for s in events.signatures(doc_text[start:end], self.bags[i])
                                          if not s.startswith(events.ITSELF))
        return (signatures - mine) | {f"{actor} {s.split()[1]}" for actor in self._actors[doc] for s in mine}

    def acted(self, i: int, j: int) -> bool:
        """Whether sentences ``i`` and ``j`` report an act of the same kind by the same actor at the same time."""
        mine, theirs = self.acts(i), self.acts(j)
        return bool(mine[0] & theirs[0]) and events.together(mine[1], theirs[1])

    def voices(self, i: int) -> tuple[speech.Voice, ...]:
        """Per statement of passage ``i`` that reports speech (``statements``): its speakers, a pronoun read as the one
        person its document names as a speaker, and what it says (``speech.voices``); for a list item with no speaker of
        its own, the speaker of its lead-in (``speech.listed``); none when its document is not dated to the month (a
        speech is one event: ``spoke``)."""
        doc, start, end = self.spans[i]
        if not self.month(doc):
            return ()
        known = self._voices.get(i)
        if known is None:
            text = self.texts[doc][start:end]
            known = speech.voices(self.statements(i), partial(self._speaker, doc)) if speech.may_report(text, self.bags[i]) else ()
            if not known and i in self.lead_ins:
                lead = self.lead_ins[i]
                known = speech.listed(self.texts[doc][lead[0]:lead[1]], text, partial(self._speaker, doc))
            self._voices[i] = known
        return known

    def _speaker(self, doc: int) -> frozenset[str]:
        """The one person document ``doc`` names as a speaker (their names: "zorn", "ada zorn"), or none."""
        if doc not in self._speakers:
            first, last = bisect.bisect_left(self.spans, (doc,)), bisect.bisect_left(self.spans, (doc + 1,))
            self._speakers[doc] = speech.one_speaker(self.statements(i) for i in range(first, last)
                                                     if speech.may_report(self.passage(i).quote, self.bags[i]))
        return self._speakers[doc]

    def spoke(self, i: int, j: int) -> bool:
        """Whether passages ``i`` and ``j`` report one speech (``speech.spoke``), in documents issued in one month."""
        month = self.month(self.spans[i][0])
        return (bool(month) and month == self.month(self.spans[j][0])
                and speech.spoke(self.voices(i), self.voices(j), self.doc_tokens, len(self.texts)))

    def statements(self, i: int) -> list[str]:
        """The text of each statement of passage ``i``: each sentence of a joined passage and each clause after a
        semicolon (the passage whole when it is one)."""
        doc, start, end = self.spans[i]
        text = self.texts[doc][start:end]
        if i not in self.several:
            return [text]
        cuts = [0] + [m for match in _BOUNDARY.finditer(text) if not sentences.initial(text, match.start() - 1)
                      for m in (match.start(), match.end())] + [len(text)]
        return [text[a:b] for a, b in zip(cuts[::2], cuts[1::2], strict=True)]

    def parts(self, i: int) -> tuple[frozenset[str], ...]:
        """The tokens of each statement of passage ``i`` (none for a single one): each sentence of a joined passage and
        each clause after a semicolon, since a fact another source states may be in one of them ("X did A. These rules
        also do B."; "… concerns about A; and B policies that seek …")."""
        if i not in self.several:
            return ()
        if i not in self._parts:
            found = (frozenset(sentences.tokens(statement)) for statement in self.statements(i))
            self._parts[i] = tuple(part for part in found if part)
        return self._parts[i] if len(self._parts[i]) > 1 else ()

    def clauses(self, i: int) -> tuple[frozenset[str], ...]:
        """The tokens of each clause of sentence ``i`` that semicolons divide (none for a joined passage or one clause)."""
        return () if i in self.joined else self.parts(i)

    def _rare_pairs(self, bag: tuple[str, ...]) -> frozenset[tuple[str, str]]:
        """The pairs of adjacent tokens of ``bag`` that few documents use (``RARE_PHRASE``), each word rare too (``RARE``).

        A pair is in no more documents than its rarer word, so only a pair of two words each found in more than
        RARE_PHRASE of the documents (and at most RARE) needs its documents counted: those pairs alone are counted,
        in one pass over the corpus when first asked (counting every pair of the corpus held them all in memory)."""
        limit, rare = max(2.0, RARE_PHRASE * len(self.texts)), RARE * len(self.texts)
        found = []
        for pair in zip(bag, bag[1:], strict=False):
            first, second = self.doc_tokens.get(pair[0], 0), self.doc_tokens.get(pair[1], 0)
            if first > rare or second > rare:
                continue
            if first > limit and second > limit:
                if self._pair_counts is None:
                    self._pair_counts = self._count_pairs(limit, rare)
                if self._pair_counts[pair] > limit:
                    continue
            found.append(pair)
        return frozenset(found)

    def _count_pairs(self, limit: float, rare: float) -> Counter[tuple[str, str]]:
        """Count the documents holding each pair of adjacent tokens whose words are both in more than ``limit``
        and at most ``rare`` documents."""
        band = {token for token, count in self.doc_tokens.items() if limit < count <= rare}
        counts: Counter[tuple[str, str]] = Counter()
        held: set[tuple[str, str]] = set()
        current = -1
        for (doc, _, _), bag in zip(self.spans, self.bags, strict=True):
            if doc != current:
                counts.update(held)
                held, current = set(), doc
            if len(band.intersection(bag)) >= 2:
                held.update(pair for pair in zip(bag, bag[1:], strict=False) if pair[0] in band and pair[1] in band)
        counts.update(held)
        return counts

    def has_figures(self, i: int) -> bool:
        """Whether sentence ``i`` could state a month or an amount (``facts.may_state_figures``)."""
        doc, start, end = self.spans[i]
        return facts.may_state_figures(self.texts[doc][start:end], self.issued[doc])

    def month(self, doc: int) -> str:
        """The month document ``doc`` was issued in (YYYY-MM), or "" when its date is not known to the month."""
        month = self.issued[doc][:7]
        return month if len(month) == 7 else ""

    def same_month(self, a: int, b: int) -> bool:
        """Whether documents ``a`` and ``b`` were issued in the same month (both dates known to the month at least)."""
        month = self.month(a)
        return bool(month) and month == self.month(b)

    def _rare(self, token: str) -> bool:
        return self.doc_tokens.get(token, 0) <= RARE * len(self.texts)

    def weights(self) -> Weights:
        return Weights(self.doc_tokens, len(self.texts))

    def passage(self, i: int) -> Passage:
        doc, start, end = self.spans[i]
        return Passage(self.sources[doc], start, self.texts[doc][start:end])


def _intro(before: sentences.Sentence | None, block: int) -> sentences.Sentence | None:
    """``before`` if it introduces the list that starts at ``block``: it is the block just before it and a heading or a
    line ending in a colon."""
    if before is None or before.block != block - 1 or before.listed or not (before.flaw == "heading" or before.text.endswith(":")):
        return None
    return before
