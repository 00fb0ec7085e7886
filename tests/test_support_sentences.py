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


def test_an_abbreviation_ends_no_sentence_but_a_short_last_word_does() -> None:
    """The segmenter the corpus is split with (sentencex, abbreviation-aware) decides a full stop after a short word,
    so a brief's "Dr. Zorn said …" is judged as one sentence, as the same words in a source are."""
    assert _texts("Dr. Ada Zorn said the rule is final [@a]. It took effect in May.") == [
        "Dr. Ada Zorn said the rule is final [@a].", "It took effect in May."]
    assert _texts("Mr. Zorn and Ms. Vidal met on Jan. 5 in the U.S. capital [@a]. They agreed.") == [
        "Mr. Zorn and Ms. Vidal met on Jan. 5 in the U.S. capital [@a].", "They agreed."]
    assert _texts("The rule (see p. 4) is final. Prof. Vidal et al. found a gap [@b].") == [
        "The rule (see p. 4) is final.", "Prof. Vidal et al. found a gap [@b]."]
    assert _texts("The bill, H. R. 8287, would require a report [@c]. It passed.") == [
        "The bill, H. R. 8287, would require a report [@c].", "It passed."]
    assert _texts("He works in the U.S. The rule binds [@a].") == ["He works in the U.S.", "The rule binds [@a]."]
    assert _texts("The rule took effect in Jan. The agency said so [@a].") == ["The rule took effect in Jan.", "The agency said so [@a]."]
