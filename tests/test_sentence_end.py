"""Shortcuts in the support check's sentence splitting and plain text: the same answers as the patterns they replace."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen import pipeline
from briefgen.inputs import spec
from briefgen.support import freetext

ROOT = Path(__file__).resolve().parents[1]
_LOOKBEHIND = re.compile(r"""(?<=[.!?])["”’)\]*_]*\s+(?=["“‘(*_]*[A-Z0-9])""")
"""The sentence end as it was written: a lookbehind for the mark."""


def _cuts_before(unit: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _LOOKBEHIND.finditer(unit)]


def _cuts_now(unit: str) -> list[tuple[int, int]]:
    return [(m.start(1), m.end()) for m in freetext._SENTENCE_END.finditer(unit)]


TEXT = st.lists(st.sampled_from(list('.!?"”’)]*_ \n\t\u00a0\u2009“‘(AZ09az[@;,:') + ["Mr.", "e.g. "]), max_size=40).map("".join)


@settings(max_examples=2000, deadline=None)
@given(TEXT)
def test_sentence_end_cuts_where_the_lookbehind_cut(text: str) -> None:
    assert _cuts_now(text) == _cuts_before(text)
    assert freetext._space_before(text) == bool(freetext._SPACE_BEFORE.search(text))


def test_on_the_example_texts() -> None:
    units = 0
    for root in (ROOT, ROOT / "examples" / "export-controls"):
        project = pipeline.Project(root)
        corpus = pipeline.load_corpus(project)
        texts = [text for path in project.specs() for _, text in spec.texts(spec.load_spec(path, corpus.summary, corpus.sources))]
        texts += [freetext._text(source) for source in corpus.sources.values()]
        for text in texts:
            for unit in [text, *text.splitlines()]:
                assert _cuts_now(unit) == _cuts_before(unit)
                assert freetext._space_before(unit) == bool(freetext._SPACE_BEFORE.search(unit))
                units += 1
    assert units > 500


def test_a_space_is_what_the_pattern_takes_for_one() -> None:
    space = re.compile(r"\s")
    assert all(bool(space.match(chr(c))) == chr(c).isspace() for c in range(0x110000))
