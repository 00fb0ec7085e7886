"""Transforms: where resolved citations attach to the text around them."""

from __future__ import annotations

from briefgen import pipeline
from briefgen.compose import anchors, markup
from briefgen.compose.compose import Draft
from briefgen.compose.transforms import finish
from briefgen.model import Meta, Style, plain_text
from conftest import ROOT

CORPUS = pipeline.load_corpus(pipeline.Project(ROOT))
KEY = next(iter(CORPUS.sources))


def resolve(text: str, placement: str, style: str = "chicago-author-date") -> str:
    blocks = tuple(markup.parse(text + "\n\n::: references\n", anchors.Anchors()))
    document = finish(Draft(Meta("t"), blocks, Style(), ()), CORPUS.sources, style, placement)
    return plain_text(document.body[0].content)


def test_note_numbers_sit_right_after_the_full_stop():
    assert resolve(f"It rose. [@{KEY}]", "footnotes", "chicago-notes") == "It rose.1"


def test_in_text_citations_go_before_the_full_stop():
    assert resolve(f"It rose. [@{KEY}]", "author-date").endswith(")."), resolve(f"It rose. [@{KEY}]", "author-date")
    assert resolve(f"It rose [@{KEY}].", "author-date").endswith(")."), "no doubled full stop"


def test_an_ellipsis_is_left_alone():
    assert resolve(f"He said... [@{KEY}] and more...", "footnotes", "chicago-notes") == "He said...1 and more..."


def test_note_numbers_follow_punctuation_in_free_text_too():
    assert resolve(f"It rose in the south [@{KEY}].", "footnotes", "chicago-notes") == "It rose in the south.1"
    assert resolve(f"First [@{KEY}], then more.", "footnotes", "chicago-notes") == "First,1 then more."


def test_numeric_style_is_numeric_in_every_placement():
    for placement in ("footnotes", "endnotes", "author-date"):
        assert resolve(f"It rose [@{KEY}].", placement, "ieee") == "It rose [1]."
