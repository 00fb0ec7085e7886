"""The citation key pattern matches what Pandoc's form of it matched, at every offset and as a whole."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.inputs import citation_syntax

PANDOC = re.compile(r"[\w](?:[\w]|[:.#$%&\-+?<>~/](?=[\w]))*")


@settings(max_examples=3000, deadline=None)
@given(st.text(st.sampled_from(list("ab9_é中 :.#$%&-+?<>~/@;[]{},\n")), max_size=30))
def test_the_same_keys(text: str) -> None:
    for at in range(len(text) + 1):
        old, new = PANDOC.match(text, at), citation_syntax._KEY_RE.match(text, at)
        assert (old and old.span()) == (new and new.span())
    assert bool(PANDOC.fullmatch(text)) == bool(citation_syntax._KEY_RE.fullmatch(text))
