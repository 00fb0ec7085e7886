"""Summarize's speed shortcuts give the same answers as the plain code they replace: sentence splitting's
furniture and fragment-end checks, the number-word pattern of facts, and corroboration's screen of claims."""

from __future__ import annotations

import math
import random
import re

from briefgen.drafting import facts
from briefgen.drafting.reach import Reach
from briefgen.text import sentences

_ENDINGS = ["and", "or", "and.", "or.", ";", ",", ":", ".", "that:", "include:", "as :", "is:", "d", "r", "\n", "",
            "band", "for.", "“", "”", "’", '"', "”;", ";”", ",’", "or”", "and.”", ";\n", "x;\n"]


def test_the_fragment_end_shortcut_answers_as_the_pattern() -> None:
    rng = random.Random(5)
    words = ["Rules", "apply", "and", "or", "include", "that", "as", "is", "the", "items", "(36 months)", "U.S.", "–", "©"]
    checked = matched = 0
    for _ in range(20000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 9))) + rng.choice(_ENDINGS) + rng.choice(["", *_ENDINGS])
        tail = text[-40:]
        expected = bool(sentences._FRAGMENT_END.search(tail))
        assert sentences._fragment_end(tail) == expected, repr(tail)
        checked += 1
        matched += expected
    assert matched > 1000 and checked - matched > 1000


def test_the_furniture_marks_pattern_answers_as_one_test_per_mark() -> None:
    rng = random.Random(6)
    pieces = [*sentences._FURNITURE_MARKS, "Media", "contact", "COOKIE", "All Rights", "reserved", "min", "read", "x", " "]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
        low = text.lower()
        assert bool(sentences._FURNITURE_MARK.search(low)) == any(mark in low for mark in sentences._FURNITURE_MARKS), text


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
