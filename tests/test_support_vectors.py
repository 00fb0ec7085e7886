"""Word vectors in the support check (text/vectors.py, support/match.py SIMILAR)."""

from __future__ import annotations

import gzip
from pathlib import Path

from briefgen.support import match
from briefgen.support.match import judge
from briefgen.text import vectors

DATA = Path(vectors.__file__).parent / "data"


def _missing(claim: str, *quotes: str) -> list[str]:
    return [x.text for x in judge(claim, list(quotes)).missing]


def test_the_data_has_one_row_per_word_in_sorted_order() -> None:
    words, rows = vectors._data()
    assert len(words) == 40_000 and len(rows) == len(words) * vectors.DIMENSIONS
    assert words == sorted(words) and b"customers" in words
    assert "PDDL" in gzip.decompress((DATA / "vectors.txt.gz").read_bytes()).decode("utf-8").split("\n", 4)[2]  # the licence travels with it


def test_similarity_is_the_cosine_of_two_words_vectors() -> None:
    assert vectors.similarity("customers", "Consumers") == vectors.similarity("consumers", "customers") > 0.85
    assert vectors.similarity("customers", "customers") > 0.99
    assert vectors.similarity("customers", "volcano") < 0.3
    assert vectors.similarity("customers", "xqzv") is None and vectors.similarity("café", "customers") is None
    assert vectors.similarity("the", "a") is None  # the 300 most frequent GloVe entries have no vector
    assert vectors.nearest("lawsuits", ["volcano", "sued", "xqzv"]) == ("sued", vectors.similarity("lawsuits", "sued"))


def test_a_near_word_of_the_quote_supports_a_claim_word() -> None:
    quote = "Tesla has faced lawsuits over allegations of misleading consumers."
    assert _missing("Tesla has been sued over claims that it misled customers.", quote) == []
    assert _missing("Raimondo promised to limit unintended effects on trade.",
                    "Raimondo promised to limit any unintended impact on trade.") == []


def test_without_the_vectors_those_words_are_reported(monkeypatch) -> None:
    monkeypatch.setattr(match, "SIMILAR", 2.0)
    monkeypatch.setattr(match.slots, "broad", lambda word: False)  # nor the thesaurus ("claims" for "allegations")
    quote = "Tesla has faced lawsuits over allegations of misleading consumers."
    assert _missing("Tesla has been sued over claims that it misled customers.", quote) == ["sued", "claims", "customers"]


def test_absolute_literal_and_spoken_for_words_are_never_excused_by_a_neighbour() -> None:
    assert vectors.similarity("bans", "restricts") > match.SIMILAR  # GloVe puts them close ...
    assert _missing("The rule bans exports of chips.", "The rule restricts exports of chips.") == ["bans"]  # data/absolute.txt
    assert vectors.similarity("eliminate", "reduce") > match.SIMILAR
    assert _missing("The framework would eliminate the risks.", "The framework would reduce the risks.") == ["eliminate"]
    assert vectors.similarity("tripled", "doubled") > match.SIMILAR
    assert _missing("Funding tripled.", "Funding doubled.") == ["tripled"]  # data/literal.txt
    # "plan" already supports the claim's own "plan": it stands for no other word ("present" is near it)
    assert vectors.similarity("present", "plan") > match.SIMILAR
    assert _missing("Ministers present the plan.", "the plan") == ["Ministers", "present"]


def test_an_adverb_is_never_excused_by_a_neighbour() -> None:
    """GloVe puts an adverb beside its opposite ("explicitly", "implicitly"): one changed adverb is an overreach."""
    assert vectors.similarity("explicitly", "implicitly") > match.SIMILAR
    assert _missing("The mayor explicitly criticised the plan.", "The mayor implicitly criticised the plan.") == ["explicitly"]
