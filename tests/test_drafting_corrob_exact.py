"""Summarize's speed shortcuts give the same answers as the plain code they replace: sentence splitting's
furniture and fragment-end checks and word count, the tokens' words, the number-word pattern of facts,
corroboration's screen of claims, theme fit's BM25 sums and the sources record's hashes."""

from __future__ import annotations

import math
import random
import re
from collections import Counter
from pathlib import Path

from briefgen.drafting import changes, facts, themefit
from briefgen.drafting import sentences as tokens
from briefgen.drafting.corpus import Corpus
from briefgen.drafting.reach import Reach
from briefgen.inputs import ingest
from briefgen.text import flaws, sentences

_PIECES = ["U.S.", "A.B", "A.B.", "U.S", "x.Y.Z.", "e.g.", "(36", "months)", "high-risk", "_id", "–", "’s", "“Q”", "café",
           "naïve", "\x1c", "\t", "\u2003", "2,500", "$5.5bn", "10%", "ABC", "Rules", "of", "the", "", " ", "..", "K", "ſ"]


def _texts(seed: int, count: int = 20000) -> list[str]:
    rng = random.Random(seed)
    mixed = ["".join(rng.choice(_PIECES) + rng.choice(["", " ", "  ", ",", "."]) for _ in range(rng.randint(0, 12)))
             for _ in range(count)]
    ascii_only = ["".join(chr(rng.randrange(128)) for _ in range(rng.randint(0, 40))) for _ in range(count)]
    return mixed + ascii_only


def test_the_word_count_and_the_tokens_words_answer_as_their_patterns() -> None:
    texts = _texts(7)
    for text in texts:
        assert flaws.count_words(text) == len(flaws._WORDS.findall(text)), repr(text)
        assert tokens.words_of(text) == tokens._TOKEN.findall(text), repr(text)
    assert sum(t.isascii() and not tokens._ACRONYM.search(t) for t in texts) > len(texts) / 3  # the shortcut is taken
    assert sum(bool(tokens._ACRONYM.search(t)) for t in texts) > 1000  # and the pattern is asked


def test_the_sources_record_hashes_as_the_content_hash() -> None:
    raw = {"a": "Tariffs\u2003rose\x1c by  a\ttenth.\n\n\nCafe\u0301 prices fell. ", "b": "\u00a0Plain text.\r\n"}
    normalised = {sid: sentences.split(text)[0] for sid, text in raw.items()}
    record = changes.lock({sid: _Source() for sid in raw}, normalised)  # type: ignore[arg-type]
    assert {sid: r["hash"] for sid, r in record.items()} == {sid: ingest.content_hash(text) for sid, text in raw.items()}


class _Source:
    path = Path("x.txt")


def test_theme_fit_sums_as_bm25_over_the_counted_tokens() -> None:
    """``themefit.score`` adds up only the tokens that score, counting each in the bag; the plain sum counts every
    token (a Counter) and adds in the same order, so the scores are the same numbers."""
    rng = random.Random(3)
    vocabulary = ["water", "tariff", "price", "reservoir", "storage", "summer", "forum", "dakar", "basin", "town", "reform"]
    corpus = Corpus()
    for n in range(30):
        corpus.add(f"d{n}", "\n\n".join(" ".join(rng.choice(vocabulary) for _ in range(rng.randint(6, 16))).capitalize()
                                         + " is here." for _ in range(5)))
    topics = [themefit.Topic("a", "Water prices", "Tariff reform in the basin", ("tariff reform",)),
              themefit.Topic("b", "Reservoir storage", "Storage in the summer", ("reservoir storage", "water")),
              themefit.Topic("c", "The World Water Forum", "The forum in Dakar")]
    scored = themefit.score(corpus, topics)
    assert len(scored) > 100 and any(max(Counter(b).values()) > 1 for b in corpus.bags)
    for i, (scores, found) in scored.items():
        assert (scores, found) == _plain_score(corpus, topics, corpus.bags[i]), i


def _plain_score(corpus: Corpus, topics: list[themefit.Topic], bag: tuple[str, ...]) -> tuple[list[float], list[int]]:
    """One sentence's BM25 scores and telling words, every token counted (themefit.score before its shortcut)."""
    n = len(corpus.bags)
    average = sum(map(len, corpus.bags)) / n

    def idf(token: str) -> float:
        df = corpus.df.get(token, 0)
        return math.log(1 + (n - df + 0.5) / (df + 0.5)) if df else 0.0

    query = [t.query() for t in topics]
    themes_of = Counter(token for q in query for token in q)
    generic = {token for word in themefit.words.word_list("theme_generic") for token in tokens.tokens(word)}
    own = [{token for token in t.names() if themes_of[token] == 1} for t in topics]
    counts = Counter(bag)
    norm = themefit.K1 * (1 - themefit.B + themefit.B * len(bag) / average)
    scores, found = [0.0] * len(topics), [0] * len(topics)
    for token, tf in counts.items():
        saturation = tf * (themefit.K1 + 1) / (tf + norm)
        for t, topic in enumerate(topics):
            if token in query[t] and idf(token):
                scores[t] += query[t][token] * idf(token) * saturation
                telling = themes_of[token] <= themefit.SHARED * len(topics) and token not in generic
                found[t] += themefit.MIN_WORDS if token in own[t] else telling
            for phrase in topic.phrases():
                if phrase[0] == token and all(corpus.df.get(p, 0) for p in phrase) and all(p in counts for p in phrase):
                    found[t] += themefit.MIN_WORDS
                    for p in phrase:
                        scores[t] += themefit.FIELD_WEIGHTS["terms"] * idf(p) * counts[p] * (themefit.K1 + 1) / (counts[p] + norm)
    return scores, found

_ENDINGS = ["and", "or", "and.", "or.", ";", ",", ":", ".", "that:", "include:", "as :", "is:", "d", "r", "\n", "",
            "band", "for.", "“", "”", "’", '"', "”;", ";”", ",’", "or”", "and.”", ";\n", "x;\n"]


def test_the_fragment_end_shortcut_answers_as_the_pattern() -> None:
    rng = random.Random(5)
    words = ["Rules", "apply", "and", "or", "include", "that", "as", "is", "the", "items", "(36 months)", "U.S.", "–", "©"]
    checked = matched = 0
    for _ in range(20000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 9))) + rng.choice(_ENDINGS) + rng.choice(["", *_ENDINGS])
        tail = text[-40:]
        expected = bool(flaws._FRAGMENT_END.search(tail))
        assert flaws._fragment_end(tail) == expected, repr(tail)
        checked += 1
        matched += expected
    assert matched > 1000 and checked - matched > 1000


def test_the_furniture_marks_pattern_answers_as_one_test_per_mark() -> None:
    rng = random.Random(6)
    pieces = [*flaws._FURNITURE_MARKS, "Media", "contact", "COOKIE", "All Rights", "reserved", "min", "read", "x", " "]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
        low = text.lower()
        assert bool(flaws._FURNITURE_MARK.search(low)) == any(mark in low for mark in flaws._FURNITURE_MARKS), text


def test_the_number_word_pattern_finds_what_the_plain_alternation_finds() -> None:
    plain = re.compile(r"\b(?:" + "|".join(facts._NUMBER_NAMES) + r")(?:-[a-z]+)?\b", re.IGNORECASE)
    for name in facts._NUMBER_NAMES:
        for cp in range(0x2200):  # every letter whose case folds to an ASCII one lies below U+2200 (the Kelvin sign: U+212A)
            for text in (f"x {chr(cp)}{name[1:]} y", f"{name[:-1]}{chr(cp)}-{chr(cp)}ive.", f"{chr(cp)}{name.upper()}"):
                found, expected = facts._NUMBER_WORD.search(text), plain.search(text)
                assert (found and found.span()) == (expected and expected.span()), (name, hex(cp))


def test_the_screen_lets_through_every_claim_a_sentence_reaches_and_few_others() -> None:
    """``reach.Reach`` sums every claim's shared weight at once in packed integer fields: it must never screen out
    a claim whose exact weighted overlap reaches its bar, whatever the weights, roots and bars (rounding included)."""
    rng = random.Random(11)
    vocabulary = [f"t{n}" for n in range(200)]
    idf = {t: rng.choice([0.0, rng.uniform(0.05, 9.0), 1.5, 2.25]) for t in vocabulary}
    claims = [frozenset(rng.sample(vocabulary, rng.randint(1, 14))) for _ in range(40)]
    roots = [math.sqrt(sum(idf[t] for t in c)) for c in claims]
    bars = [rng.choice([0.15, 0.2]) * r for r in roots]
    homes = [rng.randrange(8) for _ in claims]
    screen = Reach(claims, bars, homes, idf, longest=30)
    reached = screened = sharing = 0
    for _ in range(3000):
        bag = frozenset(rng.sample(vocabulary, rng.randint(1, 30)))
        root = math.sqrt(sum(idf[t] for t in bag))
        doc = rng.randrange(10)
        if not root:
            continue
        let_through = screen.claims(bag, root, doc)
        assert len(let_through) == len(set(let_through))
        for k, claim in enumerate(claims):
            shared = sum(idf[t] for t in bag & claim)
            sharing += bool(shared) and homes[k] != doc
            if homes[k] != doc and roots[k] and shared / (root * roots[k]) >= bars[k] / roots[k]:
                reached += 1
                assert k in let_through, (sorted(bag), k)
            if k in let_through:
                assert homes[k] != doc
        screened += len(let_through)
    assert reached > 500
    assert screened - reached < sharing / 100  # it screens: the claims a sentence shares a token with but does not reach are left out
