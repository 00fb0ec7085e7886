"""Markdown with citations → model blocks; literal text stays literal."""

from briefgen.compose import anchors, escapes, markup
from briefgen.model import (
    BulletList,
    Callout,
    Cite,
    Emph,
    Link,
    Paragraph,
    Quote,
    Strong,
    Table,
    Text,
)


def parse(source):
    return markup.parse(source, anchors.Anchors())


def test_paragraph_with_inline_formatting_and_citations():
    [para] = parse("A **b** *c* [d](https://e.org) [@s1; @s2].")
    assert para == Paragraph((Text("A "), Strong((Text("b"),)), Text(" "), Emph((Text("c"),)), Text(" "),
                              Link("https://e.org", (Text("d"),)), Text(" "), Cite(("s1", "s2")), Text(".")))


def test_blocks_and_directives():
    blocks = parse("# One\n\n# One\n\n> q\n\n1. a\n2. b\n\n| h |\n|---|\n| c |\n\n::: references\n")
    assert [type(b).__name__ for b in blocks] == ["Heading", "Heading", "Quote", "BulletList", "Table", "Directive"]
    assert blocks[0].anchor == "sec-one" and blocks[1].anchor == "sec-one-2"
    assert blocks[2] == Quote((Text("q"),))
    assert blocks[3] == BulletList(((Text("a"),), (Text("b"),)), ordered=True)
    assert blocks[4] == Table(((Text("h"),),), (((Text("c"),),),))
    assert blocks[5].name == "references"


def test_callout_holds_its_blocks():
    [box] = parse("::: callout Key points\n- one [@a]\n- two\n:::\n")
    assert box == Callout("Key points", (BulletList(((Text("one "), Cite(("a",))), (Text("two"),))),))


def test_escaped_data_renders_literally():
    data = "R&D <b>bold</b> **not bold** {{ x }} [@not-a-cite] &amp; 1. # _u_"
    [para] = parse(escapes.escape(data))
    assert para == Paragraph((Text(data),))


def test_raw_html_is_text():
    [para] = parse("a <b>x</b>")
    assert para == Paragraph((Text("a <b>x</b>"),))
