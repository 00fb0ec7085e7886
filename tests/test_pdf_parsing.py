"""The PDF's Paragraph reads its markup (``parsing.parse``) into exactly the fragments reportlab's parser makes.

Every paragraph of the example briefs and the export-controls brief, and odd markup
(entities, CJK in a fallback font, links, footnote markers, bullets, anchors, whitespace
to fold, tags it leaves to reportlab, faulty markup), is made into a Paragraph both ways;
the paragraphs' text, style, fragments and bullet must be equal, and faulty markup must
fail with reportlab's own message.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from reportlab.platypus import Paragraph as RLParagraph

from briefgen import pipeline, renderers
from briefgen.renderers.pdf import parsing
from briefgen.renderers.pdf.fonts import FontBook, make_styles, quoteattr
from briefgen.renderers.pdf.notes import marker_tag
from briefgen.renderers.pdf.para import Paragraph
from briefgen.style import Style
from test_pdf_lines import canon

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(not parsing.ACTIVE, reason="another reportlab version: reportlab's own parser reads markup")


def same(text: str, style: Any, bullet: Any = None) -> None:
    ours, theirs = Paragraph(text, style, bulletText=bullet), RLParagraph(text, style, bulletText=bullet)
    assert canon(vars(ours)) == canon(vars(theirs))


@pytest.mark.parametrize("root", [ROOT, ROOT / "examples" / "export-controls"], ids=["seed", "export-controls"])
def test_every_paragraph_of_the_example_briefs_is_read_as_reportlab_reads_it(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[str, Any, Any]] = []
    original = parsing.parse

    def recording(text: str, style: Any, case_sensitive: int) -> Any:
        parsed = original(text, style, case_sensitive)
        seen.append((text, style, parsed))
        return parsed

    monkeypatch.setattr(parsing, "parse", recording)
    project = pipeline.Project(root)
    corpus = pipeline.load_corpus(project)
    for spec in project.specs():
        composed = pipeline.compose_one(project, corpus, spec, ["pdf"])
        assert composed.model is not None
        renderers.get("pdf").render(composed.model)
    monkeypatch.undo()
    assert len(seen) > 40 and sum(parsed is not None for _, _, parsed in seen) == len(seen)  # none left to reportlab
    for text, style, _ in seen:
        same(text, style)


def test_odd_markup_is_read_as_reportlab_reads_it(tmp_path: Path) -> None:
    book = FontBook()
    styles = make_styles(Style(), book)
    body = styles["body"]
    cjk = book.markup("政策简报的中文段落，含有标点符号。", body.fontName)
    read_here = [
        "R&amp;D &lt;costs&gt; rose &amp;&amp; fell; <b>bold</b>, <i>italic</i>, <b><i>both</i></b>.",
        f"Mixed {cjk} text and <b>{book.markup('中文 bold', body.fontName, bold=True)}</b>.",
        f'A <a href={quoteattr("https://example.org/a/b")} color="#1F4E79" underline="1">link</a> and '
        f'<a href="#bgfn1">a marker</a>{marker_tag("7")}<super><a href="#bgfn7">7</a></super> then text.',
        '<bullet>•</bullet><a name="sec-1"/>An entry with a bullet and an anchor.',
        '<bullet>12.</bullet>Numbered <font size="7">small</font> and <u>under</u>, <strike>struck</strike>, x<sub>2</sub>.',
        "Line one<br/>line two",
        "",
        "One fragment only",
        "Quotes \u201clike these\u201d and apostrophes \u2019 and \u00e9l\u00e8ve.",
    ]
    folded = ["  leading and trailing  ", "double  space", "tab\there", "new\nline", "nbsp\u00a0here",
              "zero\u200bwidth", "ideographic\u3000space", "mixed \n\t <b> bold </b>  "]
    left = [
        'A <a href="https://example.org/?a=1&amp;b=2">query</a> with an entity in its address.',
        "A <a href='single'>quoted</a> attribute.",
        "An &nbsp; entity and &#169; a character reference.",
        "<para>Own para tag</para>",
        "A <!-- comment --> inside.",
        f'An image <img src="{tmp_path}/none.png" width="3" height="2"/> (reportlab reads it).',
    ]
    taken = 0
    for style in (body, styles["note"], styles["h2"], styles["bullet"]):
        for text in read_here + folded:
            taken += parsing.parse(text, style, 1) is not None
            same(text, style)
        same("With a bullet given.", style, bullet="•")
        for text in left:
            assert parsing.parse(text, style, 1) is None
            try:
                same(text, style)
            except OSError:  # the missing image: reportlab fails the same way without us
                pass
    assert taken == 4 * len(read_here + folded)


@pytest.mark.parametrize("text", ["<b>unclosed", "closed</b> too often", "<b>crossed<i></b></i>", "<a>no href</a>",
                                  "<font name=\"NoSuchFont\">text</font>", "<unknown>tag</unknown>", "<a href=\"x\" bogus=\"1\">x</a>",
                                  "<a name=\" \"/>blank anchor", "<bullet>one</bullet><bullet>two</bullet>", "<onDraw/>"])
def test_faulty_markup_fares_as_with_reportlab(text: str) -> None:
    """Both fail with the same message, or both make the same paragraph."""
    body = make_styles(Style(), FontBook())["body"]
    try:
        theirs = RLParagraph(text, body)
    except Exception as error:
        with pytest.raises(type(error)) as ours:
            Paragraph(text, body)
        assert str(ours.value) == str(error)
        return
    assert canon(vars(Paragraph(text, body))) == canon(vars(theirs))


def test_the_whitespace_the_cleaner_folds_is_every_character_it_strips_or_splits_at() -> None:
    from reportlab.platypus.paragraph import _wsc
    folded = {chr(c) for c in range(0x110000) if chr(c).isspace() or chr(c) in _wsc} - {" "}
    assert {chr(c) for c in range(0x110000) if parsing._SPACES.fullmatch(chr(c))} == folded


def test_a_hex_colour_is_the_colour_reportlab_makes_of_it() -> None:
    import random

    from reportlab.lib import colors

    from briefgen.renderers.pdf import parsing

    rng = random.Random(3)
    values = ["#1F3A5F", "#000000", "#ffffff", "#AbCdEf"] + [
        "#" + "".join(rng.choices("0123456789abcdefABCDEF", k=6)) for _ in range(300)]
    for value in values:
        ours = parsing.ParaParser().getAttributes({"color": value}, parsing.rl_parser._linkAttrMap)["textColor"]
        theirs = colors.toColor(value)
        assert (type(ours), vars(ours)) == (type(theirs), vars(theirs))
    for odd in ("#1F3A5", "#1F3A5FF", "red", "rgb(10,20,30)", "#GGGGGG", " #1F3A5F"):  # the other way, as before
        try:
            theirs = colors.toColor(odd)
        except ValueError:
            continue
        ours = parsing.ParaParser().getAttributes({"color": odd}, parsing.rl_parser._linkAttrMap)["textColor"]
        assert vars(ours) == vars(theirs)
