"""``escapes.escape`` gives what substituting each ASCII punctuation mark with the pattern gave."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.compose import escapes


def _by_pattern(text: str) -> str:
    return escapes._PUNCT.sub(r"\\\1", " ".join(text.split()))


@settings(max_examples=3000, deadline=None)
@given(st.text(max_size=60) | st.text(st.sampled_from(list("\\*_[]()`#<>!|{}.-+ aé\n\t")), max_size=40))
def test_escape_is_the_substitution(text: str) -> None:
    assert escapes.escape(text) == _by_pattern(text)


def test_every_mark_once() -> None:
    marks = "".join(map(chr, range(128)))
    assert escapes.escape(marks) == _by_pattern(marks)
    assert sorted(escapes._MARKS) == sorted(c for c in marks if escapes._PUNCT.fullmatch(c))
