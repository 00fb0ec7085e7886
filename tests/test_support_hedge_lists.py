"""The hedge rule's words are data (text/data/tentative*.txt and the lists beside them), each declared once, not code
(support/hedge.py reads them). What each list does to a verdict is tested in test_support_hedge.py."""

from __future__ import annotations

import inspect
import re

import pytest

from briefgen.support import hedge
from briefgen.text.stems import word_list

LISTS = {
    "tentative_modals": "MODALS",
    "tentative_beliefs": "",
    "tentative_perception": "PERCEIVED",
    "tentative_status": "STATUS",
    "tentative_wishes": "WISHES",
    "tentative_manner": "MANNER",
    "tentative_nouns": "NOUNS",
    "tentative_noun_links": "_NOUN_LINKS",
    "tentative_capacities": "CAPACITIES",
    "tentative_attributing": "ATTRIBUTING",
    "possessives": "_OWNERS",
    "possible_modals": "POSSIBLE",
    "certain_modals": "CERTAIN",
    "implicative_verbs": "IMPLICATIVE",
}
"""Each list hedge.py reads → the name it reads it as ("": only in a union, ``STANCE`` or ``_tentatives``)."""


@pytest.mark.parametrize("name", sorted(LISTS))
def test_each_list_loads_once_each_word_lower_case_and_is_what_the_code_reads(name: str) -> None:
    words = word_list(name)
    assert words and len(words) == len(set(words)), f"{name}: empty or a word twice"
    assert all(re.fullmatch(r"[a-z]+", word) for word in words), name
    if LISTS[name]:
        assert getattr(hedge, LISTS[name]) == frozenset(words), name


def test_the_tentative_words_are_the_lists_of_tentative_and_each_word_is_in_one_only() -> None:
    seen: dict[str, str] = {}
    for name in hedge.TENTATIVE:
        for word in word_list(name):
            assert word not in seen, f"{word!r} in {seen.get(word)}.txt and {name}.txt"
            seen[word] = name
    assert hedge._tentatives() == frozenset(seen)
    assert hedge.STANCE == frozenset(word_list("tentative_beliefs")) | frozenset(word_list("tentative_perception"))


def test_the_lists_that_qualify_tentative_words_name_tentative_words() -> None:
    """A noun, capacity, attributing word or modal of possibility that is no tentative word would do nothing."""
    for name in ("tentative_nouns", "tentative_capacities", "tentative_attributing", "possible_modals"):
        assert set(word_list(name)) <= hedge._tentatives(), name
    assert not set(word_list("certain_modals")) & hedge._tentatives(), "a modal of certainty hedges nothing"


def test_no_word_of_the_lists_is_written_in_the_code() -> None:
    """Each vocabulary is declared once: no word of these lists is a string literal of hedge.py."""
    code = re.sub(r'"""(?:.|\n)*?"""|#[^\n]*', "", inspect.getsource(hedge))
    literals = set(re.findall(r'"([^"\n]*)"', code)) - {"to"}  # "to" opens a to-infinitive (``_purposes``): grammar, not a link
    for name in [*LISTS, *hedge.TENTATIVE]:
        written = literals & set(word_list(name))
        assert not written, f"{name}.txt words written in support/hedge.py: {sorted(written)}"

