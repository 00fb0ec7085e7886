"""How the support check cuts a spec's Markdown into the sentences it judges (support/freetext.sentences)."""

from __future__ import annotations

from briefgen.support.freetext import sentences


def _texts(markdown: str) -> list[str]:
    return [s for _, s in sentences(markdown)]


def test_list_items_are_sentences_of_their_own_without_their_markers() -> None:
    text = "Two findings:\n\n- The rule adds 11 entities [@a]\n- Exports fell [@b]\n  and stayed low.\n1. First step.\n2) Second step"
    assert _texts(text) == ["Two findings:", "The rule adds 11 entities [@a]", "Exports fell [@b]\n  and stayed low.",
                            "First step.", "Second step"]


def test_a_heading_is_no_sentence_and_does_not_run_into_the_next_line() -> None:
    assert _texts("### Next steps in Ruritania\nBIS will act [@c]. Then more.") == ["BIS will act [@c].", "Then more."]


def test_quotation_lines_and_table_rows_stand_alone_and_paragraph_lines_join() -> None:
    # a line without a marker continues the unit above it, as in Markdown (lazy continuation)
    assert _texts("> A quoted line [@a]\n> Another [@b]\nwrapped.") == ["A quoted line [@a]", "Another [@b]\nwrapped."]
    assert _texts("| Exports | fell |\n| Imports | rose |") == ["Exports | fell |", "Imports | rose |"]
    assert _texts("One line\nwrapped. Two [@a].") == ["One line\nwrapped.", "Two [@a]."]


def test_offsets_point_at_the_sentence() -> None:
    text = "Intro.\n\n- Item one [@a]\n- Item two [@b]"
    assert all(text[o:o + len(s)] == s for o, s in sentences(text))


def test_passages_taken_from_a_source_start_after_its_list_markers_and_stay_verbatim() -> None:
    from briefgen.inputs import quotes
    from briefgen.support.freetext import source_passages

    source = "Three bottlenecks:\n  • Insufficient supply of chips[2][3].\n  - Limits on talent.\n  2. Differing [4] rules."
    passages = source_passages(source)  # reference markers closing a sentence go too; inside one they stay
    assert passages == ("Three bottlenecks:", "Insufficient supply of chips", "Limits on talent.", "Differing [4] rules.")
    assert all(quotes.holds(p, source) for p in passages)
