"""``markup.escape`` gives what substituting each ASCII punctuation mark with the pattern gave."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.compose import markup


def _by_pattern(text: str) -> str:
    return markup._PUNCT.sub(r"\\\1", " ".join(text.split()))


@settings(max_examples=3000, deadline=None)
@given(st.text(max_size=60) | st.text(st.sampled_from(list("\\*_[]()`#<>!|{}.-+ aé\n\t")), max_size=40))
def test_escape_is_the_substitution(text: str) -> None:
    assert markup.escape(text) == _by_pattern(text)


def test_every_mark_once() -> None:
    marks = "".join(map(chr, range(128)))
    assert markup.escape(marks) == _by_pattern(marks)
    assert sorted(markup._MARKS) == sorted(c for c in marks if markup._PUNCT.fullmatch(c))
