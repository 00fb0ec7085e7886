"""The PDF's line breaking (``lines.break_lines``) gives exactly what reportlab's ``breakLines`` gives.

Every paragraph of the example briefs and the export-controls brief, as the renderer breaks
it, and odd paragraphs (entities, CJK in a fallback font, links, footnote markers, soft
hyphens, a long URL, a word wider than the line, line breaks, an image, several sizes) at
many widths, are broken by both from identical copies; the lines, every word's fragment,
the paragraph's words and its counters must be equal, float for float.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus.paragraph import _getFragWords as rl_get_frag_words
from reportlab.platypus.paragraph import _processed_frags

from briefgen import pipeline, renderers
from briefgen.renderers.pdf import lines
from briefgen.renderers.pdf.fonts import FontBook, make_styles
from briefgen.renderers.pdf.notes import marker_tag
from briefgen.renderers.pdf.para import Paragraph
from briefgen.style import Style

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(not lines.ACTIVE, reason="another reportlab version: reportlab's own breaks lines")


def canon(value: Any, depth: int = 0) -> Any:
    """A comparable form of a value: types, attributes and floats exactly (repr), identity ignored."""
    assert depth < 40
    if isinstance(value, float):
        return ("float", repr(value))
    if isinstance(value, str):
        return (type(value).__name__, str(value), canon(getattr(value, "_shyIndices", None), depth + 1))
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, [canon(v, depth + 1) for v in value])
    if isinstance(value, dict):
        return ("dict", sorted((k, canon(v, depth + 1)) for k, v in value.items()))
    if hasattr(value, "__dict__") and not callable(value):
        return (type(value).__name__, canon(vars(value), depth + 1))
    text = repr(value)
    return (type(value).__name__, "" if " at 0x" in text else text)  # an address says nothing here


def copied(paragraph: Any, width: Any) -> tuple[Any, Any]:
    """A copy of the paragraph with its own fragments (what breaking changes), and of the width."""
    clone = copy.copy(paragraph)
    clone.frags = copy.deepcopy(paragraph.frags)
    return clone, copy.deepcopy(width)


def outcome(method: Any, paragraph: Any, width: Any) -> Any:
    """Break a copy of ``paragraph`` with ``method``; everything the breaking leaves, comparable."""
    paragraph, width = copied(paragraph, width)
    result = method(paragraph, width)
    state = {k: getattr(paragraph, k, None) for k in ("frags", "_width_max", "_hyphenations", "_splitLongWordCount", "height")}
    return canon((result, state, width))


def agree(paragraph: Any, width: Any) -> None:
    assert outcome(lines.break_lines, paragraph, width) == outcome(RLParagraph.breakLines, paragraph, width)


def _captured(monkeypatch: pytest.MonkeyPatch, render: Any) -> list[tuple[Any, Any]]:
    """Every (paragraph, width) the PDF renderer breaks while ``render`` runs, copied before breaking."""
    seen: list[tuple[Any, Any]] = []
    original = Paragraph.breakLines

    def recording(self: Any, width: Any) -> Any:
        seen.append(copied(self, width))
        return original(self, width)

    monkeypatch.setattr(Paragraph, "breakLines", recording)
    render()
    monkeypatch.undo()
    return seen


@pytest.mark.parametrize("root", [ROOT, ROOT / "examples" / "export-controls"], ids=["seed", "export-controls"])
def test_every_paragraph_of_the_example_briefs_breaks_as_reportlab_breaks_it(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = pipeline.Project(root)
    corpus = pipeline.load_corpus(project)

    def render() -> None:
        for spec in project.specs():
            composed = pipeline.compose_one(project, corpus, spec, ["pdf"])
            assert composed.model is not None
            renderers.get("pdf").render(composed.model)

    seen = _captured(monkeypatch, render)
    several = [p for p, _ in seen if len(p.frags) > 1]
    assert len(seen) > 40 and len(several) > 20 and all(lines.eligible(p) for p in several)  # none left to reportlab's own
    assert any(_processed_frags(p.frags) for p in several)  # the second part of a split paragraph
    for paragraph, width in seen:
        agree(paragraph, width)


ODD = [
    "R&amp;D &lt;costs&gt; rose 3&nbsp;% &amp; more; &#8220;quoted&#8221; text, and <b>bold</b> and <i>italic</i> words.",
    'A <a href="https://example.org/a/very/long/path/that/does/not/fit/on/one/line/at/all/index.html">link</a> '
    "and https://example.org/another/long/address/without/markup/whatsoever/in/it/at/all.html in the text.",
    "Footnotes" + marker_tag("1") + "<super>1</super> and markers" + marker_tag("2") + "<super>2</super>, then more words.",
    "Soft\xadhyphen\xadated words like inter\xadnational\xadisation and respon\xadsi\xadbility break at their hyphens.",
    "Averyveryverylongwordwithoutanyspacethatiswiderthananylineitcouldbeputonatallinthisparagraph <b>then</b> bold.",
    "Line one<br/>line two<br/><br/>line four, and <font size=14>bigger</font> then <font size=7>smaller</font> text.",
    '  Leading spaces, <a name="here"/>an anchor,   several   spaces and a trailing space <b> bold </b> ',
    'An image <img src="IMAGE" width="30" height="10"/> inline, and <super>super</super> and <sub>sub</sub> script.',
    "Mixed <b>bold<i>bold italic</i></b><i>italic</i>joined<b>words</b>across fragments without spaces at all.",
]


@pytest.mark.parametrize("width", [20.0, 61.5, 120.0, 233.3, 400.0, [150.0, 180.0], (90.0, 300.0, 60.0)])
def test_odd_paragraphs_break_as_reportlab_breaks_them(width: Any, tmp_path: Path) -> None:
    image = tmp_path / "dot.png"
    Image.new("RGB", (3, 1)).save(image)
    book = FontBook()
    styles = make_styles(Style(), book)
    body = styles["body"]
    cjk = "中文文本 " + book.markup("政策简报的中文段落，含有标点符号。", body.fontName)
    variants = [body, styles["note"], styles["bullet"],
                ParagraphStyle("justified", parent=body, alignment=TA_JUSTIFY, spaceShrinkage=0),
                ParagraphStyle("shrinking", parent=body, spaceShrinkage=0.2, embeddedHyphenation=1, splitLongWords=0)]
    taken = 0
    for style in variants:
        for text in [*ODD, "Mixed " + cjk + " <b>text</b>", " ".join(ODD)]:
            paragraph = Paragraph(text.replace("IMAGE", str(image)), style, bulletText="•" if style is styles["bullet"] else None)
            taken += lines.eligible(paragraph)
            agree(paragraph, list(width) if isinstance(width, list) else width)
    assert taken > 30


def test_other_paragraphs_are_left_to_reportlab(monkeypatch: pytest.MonkeyPatch) -> None:
    body = make_styles(Style(), FontBook())["body"]
    assert not lines.eligible(Paragraph("one fragment only", body))
    assert not lines.eligible(Paragraph("a <b>bold</b> word", ParagraphStyle("rtl", parent=body, wordWrap="RTL")))
    assert lines.eligible(Paragraph("a <b>bold</b> word", body))
    monkeypatch.setattr(lines, "ACTIVE", False)  # another reportlab version
    assert not lines.eligible(Paragraph("a <b>bold</b> word", body))


@pytest.mark.parametrize("width", [61.5, 120.0, 233.3])
def test_the_parts_of_split_paragraphs_break_as_reportlab_breaks_them(width: float, tmp_path: Path) -> None:
    """A paragraph split off another holds words already (``lines.processed_words``): plain ones, and split,
    hyphenated or soft-hyphenated ones, which only reportlab's ``_getFragWords`` takes."""
    image = tmp_path / "dot.png"
    Image.new("RGB", (3, 1)).save(image)
    book = FontBook()
    styles = make_styles(Style(), book)
    shrinking = ParagraphStyle("shrinking", parent=styles["body"], spaceShrinkage=0.2, embeddedHyphenation=1)
    parts, plain = 0, 0
    for style in (styles["body"], styles["note"], shrinking):
        for text in [*ODD, " ".join(ODD), " ".join(ODD[:3]) * 3]:
            paragraph = Paragraph(text.replace("IMAGE", str(image)), style)
            paragraph.wrap(width, 10_000)
            for height in (15.0, 40.0, 90.0):
                whole = copy.deepcopy(paragraph)
                for part in whole.split(width, height)[1:]:
                    if not _processed_frags(part.frags):
                        continue
                    parts += 1
                    words = lines.processed_words(copy.deepcopy(part.frags), width)
                    theirs = rl_get_frag_words(copy.deepcopy(part.frags), width)
                    assert canon(words) == canon(theirs)
                    plain += lines.processed_words(part.frags, width) is not None and all(
                        type(w) in (list, lines._HSFrag) for w in part.frags)
                    agree(part, width)
    assert parts > 10 and plain > 1  # the fast way taken, and not only it
