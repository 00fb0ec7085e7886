"""The brief's Markdown parser, with markdown-it's HTML rules off and its normalize asked only when needed,
gives the tokens the stock parser with the same options gives."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from briefgen import pipeline
from briefgen.compose import markup
from briefgen.inputs import spec

ROOT = Path(__file__).resolve().parents[1]


def _stock() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")
    md.inline.ruler.before("link", "cite", markup._cite_rule)
    return md


STOCK = _stock()


def _tokens(md: MarkdownIt, text: str) -> list:
    def seen(token):  # noqa: ANN001, ANN202
        return (token.type, token.tag, token.content, token.map, token.level, token.nesting, token.markup, token.info,
                sorted(token.attrs.items()), repr(token.meta), [seen(c) for c in token.children or []])
    try:
        return [seen(t) for t in md.parse(text)]
    except markup.MarkupError as exc:
        return [("error", exc.message)]


MARKDOWN = st.lists(st.sampled_from(["a", "B", " ", "\n", "\r\n", "\r", "\0", "<b>", "</b>", "<!-- c -->", "<div>", "&amp;",
                                     "*", "_", "[", "]", "(", ")", "@key", "[@a, p. 3]", "# ", "> ", "- ", "1. ", "|", "---",
                                     "`", "    ", "<https://x.org>", "\\"]), max_size=40).map("".join)


@settings(max_examples=2000, deadline=None)
@given(MARKDOWN)
def test_the_stock_parsers_tokens(text: str) -> None:
    assert _tokens(markup._MD, text) == _tokens(STOCK, text)


def test_on_the_example_specs() -> None:
    compared = 0
    for root in (ROOT, ROOT / "examples" / "export-controls"):
        project = pipeline.Project(root)
        corpus = pipeline.load_corpus(project)
        for path in project.specs():
            for _, text in spec.texts(spec.load_spec(path, corpus.summary, corpus.sources)):
                assert _tokens(markup._MD, text) == _tokens(STOCK, text)
                compared += 1
    assert compared > 20
