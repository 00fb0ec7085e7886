"""Pandoc's citation grammar, shared by `check` and rendering (inputs/citation_syntax.py)."""

from __future__ import annotations

import pytest

from briefgen.compose import anchors, markup
from briefgen.inputs.citation_syntax import CitationSyntaxError, Cited, check, scan
from briefgen.model import Cite, Paragraph, Text
from conftest import cli


def items(text: str) -> list[tuple[Cited, ...]]:
    return [c.items for c in scan(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("[@a]", [(Cited("a"),)]),
    ("[@a; @b]", [(Cited("a"), Cited("b"))]),
    ("[see @a, p. 3]", [(Cited("a", "see", "3", "page"),)]),
    ("[@a, para. 3]", [(Cited("a", "", "3", "paragraph"),)]),
    ("[@a, pp. 33-35, 38-39 and *passim*]", [(Cited("a", "", "33–35, 38–39", "page", "and *passim*"),)]),
    ("[@a, sec. 4.2]", [(Cited("a", "", "4.2", "section"),)]),
    ("[@a, chap. 2]", [(Cited("a", "", "2", "chapter"),)]),
    ("[@a, 33]", [(Cited("a", "", "33", "page"),)]),
    ("[@a, emphasis added]", [(Cited("a", "", "", "", "emphasis added"),)]),
    ("[see @a, p. 3; also @b, chap. 1]", [(Cited("a", "see", "3", "page"), Cited("b", "also", "1", "chapter"))]),
    ("[-@a]", [(Cited("a", suppress_author=True),)]),
    ("[@claim:storage-low]", [(Cited("claim:storage-low"),)]),
    ("[@{odd key}]", [(Cited("odd key"),)]),
    ("[@a].", [(Cited("a"),)]),
])
def test_bracketed_forms(text, expected):
    assert items(text) == expected
    assert all(not c.in_text for c in scan(text))


def test_in_text_forms():
    [plain] = scan("As @smith argues")
    assert plain.in_text and plain.items == (Cited("smith"),)
    [located] = scan("As @smith [p. 33] argues")
    assert located.in_text and located.items == (Cited("smith", "", "33", "page"),)
    assert "As @smith [p. 33]"[located.start:located.end] == "@smith [p. 33]"


@pytest.mark.parametrize("text", [
    "write to name@example.org", "[write to name@example.org]", "a lone @ sign", "\\@escaped",
    "[a link](mailto:x@y.org)", "`@code`", "well-@known",
])
def test_at_text_that_is_not_a_citation(text):
    assert scan(text) == []


@pytest.mark.parametrize(("text", "offset", "message"), [
    ("x [@a; b]", 7, "expected '@key' in each part"),
    ("x [@a @b]", 6, "one key per part"),
    ("x [@]", 3, "expected a citation key"),
    ("x [@a", 2, "expected ']'"),
    ("x [@a [b]]", 2, "no brackets inside"),
])
def test_what_looks_like_a_citation_must_parse(text, offset, message):
    with pytest.raises(CitationSyntaxError, match=message) as caught:
        scan(text)
    assert caught.value.offset == offset


def test_check_reports_every_error_and_keeps_the_good_citations():
    found, errors = check("[@a; b] then [@ok] then [@]")
    assert [c.keys for c in found] == [("ok",)] and len(errors) == 2


@pytest.mark.parametrize("space", ["\x1e", "\u2028", "\xa0", "\u3000"])
def test_any_whitespace_before_an_at_starts_a_citation_as_it_does_when_rendering(space):
    """Markdown strips a paragraph's leading whitespace (str.strip: any Unicode space), so the
    renderer saw "@0" at the start where check saw it after "\\x1e" and let it pass: found by
    test_properties. Any whitespace before an @ starts a key, in check and in rendering alike."""
    [cite] = scan(space + "@smith argues")
    assert cite.items == (Cited("smith"),)
    [para] = markup.parse(space + "@smith argues", anchors.Anchors())
    assert isinstance(para, Paragraph) and isinstance(para.content[0], Cite)
    [mid] = scan("as" + space + "@smith argues")
    assert mid.items == (Cited("smith"),)


def test_rendering_uses_the_same_grammar():
    [para] = markup.parse("Text [see @a, p. 3; @b].", anchors.Anchors())
    assert isinstance(para, Paragraph)
    cite = para.content[1]
    assert isinstance(cite, Cite) and cite.keys == ("a", "b")
    assert cite.cited == (Cited("a", "see", "3", "page"), Cited("b"))
    [mail] = markup.parse("Mail [name@example.org].", anchors.Anchors())
    assert mail == Paragraph((Text("Mail [name@example.org]."),))


def test_rendering_refuses_a_malformed_citation():
    with pytest.raises(markup.MarkupError, match="citation"):  # compose positions it in the spec
        markup.parse("Text [@a; b].", anchors.Anchors())


SPEC = """\
title: "T"
date: "2026-01-01"
sections:
  - heading: "S"
    text: |
      First line.
      Second {cite} here.
"""


@pytest.mark.parametrize(("cite", "expected"), [
    ("[@li-qiang-vision; see li-qiang-vision]", "t.yaml:7:33: sections.0.text: citation: expected '@key' in each part"),
    ("[@li-qiang-visio, p. 3]", "t.yaml:7:14: sections.0.text: expected a source id after '@', found 'li-qiang-visio'"),
    ("[@claim:no-such-claim]", "t.yaml:7:14: sections.0.text: citation: no claim 'no-such-claim'"),
])
def test_check_positions_citation_errors(project, cite, expected):
    (project / "briefs" / "t.yaml").write_text(SPEC.format(cite=cite), encoding="utf-8")
    result = cli("check", "--project", str(project), str(project / "briefs" / "t.yaml"))
    assert result.exit_code == 2
    assert expected in result.output, result.output


def test_pandoc_forms_pass_check_and_are_never_printed_literally(project):
    text = SPEC.format(cite="[see @li-qiang-vision, p. 3] and [@musk-waic-2023, para. 2] and [-@li-qiang-vision]")
    (project / "briefs" / "t.yaml").write_text(text, encoding="utf-8")
    result = cli("build", "--project", str(project), "--out", str(project / "out"), "--format", "docx",
                 str(project / "briefs" / "t.yaml"))
    assert result.exit_code == 0, result.output
    from readback import docx_body, para_text
    body = " ".join(para_text(p) for p in docx_body(project / "out" / "t.docx"))
    assert "@" not in body and "Second" in body


def test_an_unclosed_bracket_is_text_unless_an_at_follows_in_its_paragraph():
    from briefgen.inputs import citation_syntax
    found, errors = citation_syntax.check("[\n\nText [@a].")  # a lone '[' ends its paragraph: text
    assert [c.keys for c in found] == [("a",)] and errors == []
    _, errors = citation_syntax.check("[see @a")
    assert [e.offset for e in errors] == [0]
