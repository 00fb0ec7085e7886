"""``yamlio._declined`` answers as ``_DECLINE.search`` does, mostly without scanning every character with it."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.inputs import yamlio


def test_every_declined_character_is_unprintable_but_the_line_breaks_are_not_declined() -> None:
    named = re.compile(yamlio._DECLINE.pattern.split("|[")[0])
    declined = [chr(c) for c in range(0x110000) if named.match(chr(c))]
    assert declined and not any(c.isprintable() for c in declined)
    assert "\n" not in declined and "\r" not in declined


@settings(max_examples=3000, deadline=None)
@given(st.text(st.sampled_from(list("|>#-+09 a:\n\r\t\x85\ufeff\x7f\u2028é")), max_size=30) | st.text(max_size=30))
def test_declined_as_the_pattern(text: str) -> None:
    assert yamlio._declined(text) == bool(yamlio._DECLINE.search(text))
