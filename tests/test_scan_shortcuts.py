"""Shortcuts in scanning a brief's text give what the plain code gave.

The citation scanner's ``_closing`` jumps from bracket to bracket and ``_keys_between`` looks
only at each ``@``: both are compared with the loops they replace, on every offset of many
generated texts made of the characters the scanner cares about and a few it does not. The
support check's ``plain`` runs its link and markup patterns only on text holding what they
need: compared with running them always, on generated sentences and the example briefs'.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from briefgen.inputs import citation_syntax as cs
from briefgen.support import freetext


def plain_closing(text: str, pos: int) -> int:
    """``_closing`` as it was: one character at a time."""
    depth, i = 0, pos
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        depth += (ch == "[") - (ch == "]")
        if depth == 0:
            return i
        i += 1
    return -1


def plain_keys(text: str, start: int, end: int) -> list[int]:
    """``_keys_between`` as it was: ``starts_citation`` asked at every offset."""
    return [i for i in range(start, end) if cs.starts_citation(text, i)]


TEXTS = ["[see @a, p. 3]", "[@a; @b]", "[-@a]", "@a [p. 3]", "a@b.c [x]", "[\\[@a]]", "[[@a]]", "]@a[", "\\", "[@"]


def generated(count: int) -> list[str]:
    rng = random.Random(13)
    alphabet = "[]@\\;- \n{}()ab1:_`,."
    return TEXTS + ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24))) for _ in range(count)]


def test_closing_finds_the_bracket_the_plain_loop_found() -> None:
    for text in generated(3000):
        for pos in range(len(text) + 1):
            assert cs._closing(text, pos) == plain_closing(text, pos), (text, pos)


def test_keys_between_finds_the_offsets_the_plain_loop_found() -> None:
    for text in generated(3000):
        for start in range(len(text) + 1):
            for end in (start, (start + len(text)) // 2, len(text)):
                assert cs._keys_between(text, start, end) == plain_keys(text, start, end), (text, start, end)


def test_a_text_scans_as_before() -> None:
    """The scan of texts with citations (what the shortcuts serve) is unchanged: spot values."""
    found, errors = cs.check("As shown [see @a, p. 3; @b] and @c [p. 4], not a@b.c or [x].")
    assert [c.keys for c in found] == [("a", "b"), ("c",)] and errors == []
    assert [(c.start, c.end) for c in found] == [(9, 27), (32, 41)]
    found, errors = cs.check("Unclosed [@a and [@b; c]")  # the values the plain code gave
    assert [(c.keys, c.start, c.end) for c in found] == [(("a",), 10, 12)] and [e.offset for e in errors] == [9, 22]


def plain_plain(sentence: str, citations: list[cs.Citation]) -> str:
    """``freetext.plain`` as it was: every pattern run on every sentence."""
    for cite in sorted(citations, key=lambda c: -c.start):
        sentence = sentence[:cite.start] + sentence[cite.end:]
    text = freetext._MARKUP.sub("", freetext._LINK.sub(r"\1", sentence)).strip()
    return re.sub(r"\s+([.,;:!?])", r"\1", text)


def test_plain_reads_sentences_as_before() -> None:
    root = Path(__file__).resolve().parents[1]
    texts = [p.read_text() for p in (*root.glob("briefs/*.yaml"), *root.glob("examples/*/briefs/*.yaml"))]
    rng = random.Random(7)
    pieces = ["a", " ", "*", "**", "_", "__", "`", "[x](y)", "[@a]", " .", ",", "!", "\n", "b_c", "(", ")", "]("]
    sentences = [s for text in texts for _, s in freetext.sentences(text)]
    sentences += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(3000)]
    assert len(sentences) > 3050
    for sentence in sentences:
        cites, errors = cs.check(sentence)
        if not errors:
            assert freetext.plain(sentence, cites) == plain_plain(sentence, cites), sentence
