"""The PDF's Paragraph breaks its lines once per width, and gives what reportlab's gives."""

from __future__ import annotations

from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph as RLParagraph

from briefgen.renderers.pdf.notes import marker_tag, note_keys, unmarked
from briefgen.renderers.pdf.para import Paragraph

TEXT = "Water is scarce in the basin, and <b>demand</b> keeps rising " * 12


def _counted(paragraph: Paragraph) -> list[float]:
    calls: list[float] = []
    original = paragraph.breakLines

    def counting(widths: list[float]) -> object:
        calls.append(widths[0])
        return original(widths)

    paragraph.breakLines = counting  # type: ignore[method-assign]
    return calls


def _lines(paragraph: RLParagraph) -> list[list[tuple[str, str]]]:
    return [[(word.text, word.fontName) for word in line.words] for line in paragraph.blPara.lines]


def test_a_second_wrap_at_the_same_width_breaks_no_lines() -> None:
    style = getSampleStyleSheet()["BodyText"]
    paragraph, reference = Paragraph(TEXT, style), RLParagraph(TEXT, style)
    calls = _counted(paragraph)
    assert paragraph.wrap(300, 800) == paragraph.wrap(300, 500) == reference.wrap(300, 800)
    assert calls == [300]
    assert paragraph.wrap(200, 800) == reference.wrap(200, 800)  # another width: broken again
    assert paragraph.wrap(300, 800) == reference.wrap(300, 800)
    assert calls == [300, 200, 300]
    first, rest = paragraph.split(300, 60)
    reference_first, reference_rest = reference.split(300, 60)
    assert first.wrap(300, 800) == reference_first.wrap(300, 800)
    assert rest.wrap(300, 800) == reference_rest.wrap(300, 800)
    assert paragraph.wrap(300, 800) == reference.wrap(300, 800)  # a split paragraph breaks again
    assert calls == [300, 200, 300, 300]
    assert _lines(paragraph) == _lines(reference)


def test_markers_are_found_in_markup_and_in_split_parts() -> None:
    style = getSampleStyleSheet()["BodyText"]
    marked = Paragraph(TEXT + marker_tag("7") + "<super>7</super> " + TEXT, style)
    assert note_keys(marked) == ["7"] and note_keys(Paragraph(TEXT, style)) == []
    marked.wrap(300, 800)
    first, rest = marked.split(300, 150)
    assert first.text is None and note_keys(first) + note_keys(rest) == ["7"]


def test_split_parts_of_a_paragraph_without_markers_are_not_walked_word_by_word() -> None:
    style = getSampleStyleSheet()["BodyText"]
    plain, marked = Paragraph(TEXT * 2, style), Paragraph(TEXT + marker_tag("7") + "<super>7</super> " + TEXT, style)
    for paragraph in (plain, marked):
        paragraph.wrap(300, 800)
    plain_parts, marked_parts = plain.split(300, 150), marked.split(300, 150)
    assert all(p.text is None for p in plain_parts + marked_parts)  # split parts carry no markup
    assert [unmarked(p) for p in plain_parts] == [True, True]
    assert [unmarked(p) for p in marked_parts] == [False, False]  # walked: the marker is found
    again = plain_parts[1].split(300, 60)  # a part split again keeps knowing it
    assert again and all(unmarked(p) for p in again) and note_keys(again) == []
