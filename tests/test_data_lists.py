"""Vocabularies of drafting and the support check are data (text/data), each declared once, not code: the lists moved
out of drafting/ and support/claims.py (the hedge rule's: test_support_hedge_lists.py)."""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

import pytest

from briefgen.drafting import events, followon, keyphrases, sentences
from briefgen.support import claims
from briefgen.text.stems import data_lines, word_list
from briefgen.text.words import MONTHS

LISTS = {
    "drafting_stopwords": (sentences, "STOPWORDS"),
    "keyphrase_weak": (keyphrases, "WEAK"),
    "unnamed_openers": (followon, "_OPENERS"),
    "reports_not_subjects": (claims, "_NOT_SUBJECTS"),
}
"""Each word list → the module and the name it is read as."""


@pytest.mark.parametrize("name", sorted(LISTS))
def test_each_list_loads_once_each_word_lower_case_and_is_what_the_code_reads(name: str) -> None:
    words = word_list(name)
    assert words and len(words) == len(set(words)), f"{name}: empty or a word twice"
    assert all(re.fullmatch(r"[a-z]+", word) for word in words), name
    module, attribute = LISTS[name]
    assert getattr(module, attribute) == frozenset(words), name


@pytest.mark.parametrize("name", sorted(LISTS))
def test_the_code_that_reads_a_list_does_not_restate_it(name: str) -> None:
    """No set, list or tuple of words written in the module (nor a string of words to split) shares more than two
    words with the list: grammar words it names for another rule ("the", "on") are its own."""
    module, _ = LISTS[name]
    words = set(word_list(name))
    for literal in _literals(module):
        assert len(literal & words) <= 2, f"{name}.txt restated in {module.__name__}: {sorted(literal & words)}"


def test_the_act_verbs_are_read_by_kind_each_verb_once() -> None:
    lines = data_lines("act_verbs.txt")
    kinds = [line.partition(":")[0].strip() for line in lines]
    verbs = [verb for line in lines for verb in line.partition(":")[2].split()]
    assert kinds == list(events.FAMILIES) and "act" in kinds and len(verbs) == len(set(verbs))
    assert {kind: verbs.split() for kind, verbs in events.FAMILIES.items()} == {
        line.partition(":")[0].strip(): line.partition(":")[2].split() for line in lines}
    assert events.STEMS[sentences.tokens("updated")[0]] == "act" and events.STEMS[sentences.tokens("funds")[0]] == "invest"
    assert not set(verbs) & set(re.findall(r"[a-z]+", " ".join(re.findall(r'"([^"\n]*)"', _code(events))))), "a verb in the code"


def _literals(module: object) -> list[set[str]]:
    """The word sets a module writes: each set, list or tuple of strings, and each string of three or more words."""
    found = []
    for node in ast.walk(ast.parse(inspect.getsource(module))):  # type: ignore[arg-type]
        if isinstance(node, (ast.Set, ast.List, ast.Tuple)):
            found.append({e.value.lower() for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)})
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and re.fullmatch(r"\s*[a-z]+(?:\s+[a-z]+){2,}\s*", node.value):
            found.append(set(node.value.split()))
    return found


def _code(module: object) -> str:
    """A module's source without its docstrings and comments."""
    return re.sub(r'"""(?:.|\n)*?"""|#[^\n]*', "", inspect.getsource(module))  # type: ignore[arg-type]


def test_the_month_names_are_declared_once() -> None:
    """The lower-case month names are ``text.words.MONTHS``: support/selfname.py and drafting/events.py read them."""
    written = [path.name for path in Path(claims.__file__).parent.parent.rglob("*.py") if '"september"' in path.read_text(encoding="utf-8")]
    assert written == ["words.py"] and MONTHS[8] == "september" and len(MONTHS) == 12
