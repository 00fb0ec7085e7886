"""Markdown (with Pandoc citations, ``[see @key, p. 3]``) to model blocks, via markdown-it-py.

The only module that uses markdown-it-py. Raw HTML is off, so ``<b>`` stays
text. Besides CommonMark and tables, one line-based directive form places what
Markdown cannot express: ``::: callout Title`` … ``:::`` opens a boxed panel, and
a lone ``::: name args`` line (toc, notes, references, annex, figure) marks
where compose puts generated content. Citations are parsed by
``inputs.citation_syntax`` (Pandoc's grammar), the one parser ``check`` uses too;
one that does not parse is a UserError at its line and column, never literal text.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefgen.lazyre import import_deferring

DEFERRED = frozenset({
    "markdown_it._punycode", "markdown_it.common.html_re", "markdown_it.common.normalize_url", "markdown_it.common.utils",
    "markdown_it.rules_block.html_block", "markdown_it.rules_block.table", "markdown_it.rules_core.linkify",
    "markdown_it.rules_core.normalize", "markdown_it.rules_core.replacements", "markdown_it.rules_core.smartquotes",
    "markdown_it.rules_inline.autolink", "markdown_it.rules_inline.entity", "markdown_it.rules_inline.linkify",
    "mdurl._parse",
})
"""markdown-it's modules whose own ``re.compile`` calls, made at import, wait for first use (``briefgen.lazyre``).

Raw HTML, typographic replacements, smart quotes and linkify are off here, so their patterns (and
the HTML block's dozen) are never used by a brief; the rest are compiled when a brief first needs them.
Each is used only through its methods (tests/test_cold_start.py checks the sources for any other use)."""

import_deferring("markdown_it", DEFERRED)

from markdown_it import MarkdownIt  # noqa: E402
from markdown_it.rules_core import StateCore  # noqa: E402
from markdown_it.rules_core.normalize import normalize  # noqa: E402
from markdown_it.rules_inline import StateInline  # noqa: E402
from markdown_it.token import Token  # noqa: E402

from briefgen.compose.anchors import Anchors  # noqa: E402
from briefgen.compose.escapes import unescape  # noqa: E402
from briefgen.inputs import citation_syntax, limits  # noqa: E402
from briefgen.model import (  # noqa: E402
    Block,
    BulletList,
    Callout,
    Cite,
    Emph,
    Heading,
    Inline,
    Link,
    Paragraph,
    Quote,
    Strong,
    Table,
    Text,
    plain_text,
)


class MarkupError(Exception):
    """Markdown over a limit (nesting, table columns) or a malformed directive; compose positions it.

    ``snippet`` is the offending source text, which compose looks for in the spec to name its key.
    """

    def __init__(self, message: str, snippet: str = "", line: int = 0) -> None:
        super().__init__(message)
        self.message, self.snippet, self.line = message, snippet, line


@dataclass(frozen=True, slots=True)
class Directive:
    """A ``::: name args`` line: a place for generated content."""

    name: str
    args: str
    line: int
    """Line in the template's output (1-based), for messages."""


def _cite_rule(state: StateInline, silent: bool) -> bool:
    ch = state.src[state.pos]
    if ch not in "[@":
        return False
    try:
        find = citation_syntax.bracketed if ch == "[" else citation_syntax.in_text
        citation = find(state.src, state.pos)
    except citation_syntax.CitationSyntaxError as exc:
        found = state.src[state.pos:].split("\n")[0][:60]
        raise MarkupError(f"citation: {exc.message}" + (f" ({exc.hint})" if exc.hint else ""), found) from None
    if citation is None:
        return False
    if not silent:
        token = state.push("cite", "", 0)
        token.meta = {"citation": citation}
    state.pos = citation.end
    return True


def _normalize(state: StateCore) -> None:
    """markdown-it's ``normalize`` (line endings to LF, NUL to U+FFFD), run only when the text holds a CR or a NUL:
    on any other text its two substitutions give the text as it is."""
    if "\r" in state.src or "\0" in state.src:
        normalize(state)


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")
    md.disable(["html_block", "html_inline"])  # with "html" off each answers "no" at once; asked at every block and tag
    md.core.ruler.at("normalize", _normalize)
    md.inline.ruler.before("link", "cite", _cite_rule)
    return md


_MD = _parser()


def parse(source: str, anchors: Anchors) -> list[Block | Directive]:
    """Return the blocks and directives of Markdown ``source``."""
    out: list[Block | Directive] = []
    chunk: list[str] = []
    lines = source.splitlines()
    i = 0
    while i < len(lines):
        stripped = lines[i].strip()
        if stripped.startswith(":::") and stripped != ":::":
            out += parse_blocks("\n".join(chunk), anchors)
            chunk = []
            name, _, args = stripped[3:].strip().partition(" ")
            if name == "callout":
                end = next((j for j in range(i + 1, len(lines)) if lines[j].strip() == ":::"), len(lines))
                inner = [b for b in parse("\n".join(lines[i + 1:end]), anchors) if not isinstance(b, Directive)]
                out.append(Callout(unescape(args.strip()), tuple(inner)))
                i = end + 1
                continue
            out.append(Directive(name, args.strip(), i + 1))
        else:
            chunk.append(lines[i])
        i += 1
    return out + parse_blocks("\n".join(chunk), anchors)


def parse_blocks(source: str, anchors: Anchors) -> list[Block]:
    """Return the blocks of plain Markdown ``source``."""
    if not source.strip():
        return []
    tokens = _MD.parse(source)
    _check_nesting(tokens, source)
    blocks: list[Block] = []
    i = 0
    while i < len(tokens):
        block, i = _block(tokens, i, anchors)
        if block is not None:
            blocks.append(block)
    return blocks


def _snippet(source: str, token: Token) -> str:
    lines = source.splitlines()
    return "\n".join(lines[token.map[0]:token.map[1]]) if token.map else ""


def _check_nesting(tokens: list[Token], source: str) -> None:
    """Raise MarkupError for emphasis, lists or quotes nested deeper than ``MARKDOWN_NESTING``, or a table too wide."""
    block: Token | None = None
    table, columns = tokens[0], 0
    for token in tokens:
        block = token if token.map else block
        depth = token.level + max((child.level for child in token.children or []), default=0)
        if depth > limits.MARKDOWN_NESTING:
            raise MarkupError(f"expected emphasis, lists and block quotes nested at most {limits.MARKDOWN_NESTING} deep, "
                              f"found {depth} levels", _snippet(source, block) if block else "")
        if token.type == "table_open":
            table = token
            columns = 0
        elif token.type == "th_open":
            columns += 1
            if columns > limits.TABLE_COLUMNS:
                raise MarkupError(f"expected a table of at most {limits.TABLE_COLUMNS} columns, found more",
                                  _snippet(source, table).split("\n", 1)[0])


def _close(tokens: list[Token], i: int) -> int:
    """Return the index just after the token closing tokens[i]."""
    depth = 0
    for j in range(i, len(tokens)):
        depth += tokens[j].nesting
        if depth == 0:
            return j + 1
    return len(tokens)


def _block(tokens: list[Token], i: int, anchors: Anchors) -> tuple[Block | None, int]:
    token = tokens[i]
    end = _close(tokens, i)
    inner = tokens[i + 1:end - 1]
    if token.type == "heading_open":
        content = _inlines(inner[0].children or [])
        return Heading(int(token.tag[1]), content, anchors.new(plain_text(content))), end
    if token.type == "paragraph_open":
        return Paragraph(_inlines(inner[0].children or [])), end
    if token.type in ("bullet_list_open", "ordered_list_open"):
        items = [_joined(tokens[j:_close(tokens, j)]) for j in range(i + 1, end - 1)
                 if tokens[j].type == "list_item_open" and tokens[j].level == token.level + 1]
        return BulletList(tuple(items), ordered=token.type == "ordered_list_open"), end
    if token.type == "blockquote_open":
        return Quote(_joined(inner)), end
    if token.type == "table_open":
        return _table(inner), end
    if token.type in ("fence", "code_block"):
        return Paragraph((Text(token.content.strip()),)), i + 1
    return None, end


def _joined(tokens: list[Token]) -> tuple[Inline, ...]:
    """Return the inline content of all paragraphs in ``tokens``, joined by a space."""
    runs = [_inlines(t.children or []) for t in tokens if t.type == "inline"]
    out: list[Inline] = []
    for run in runs:
        if out:
            out.append(Text(" "))
        out += run
    return tuple(out)


def _table(tokens: list[Token]) -> Table:
    rows: list[tuple[tuple[Inline, ...], ...]] = []
    row: list[tuple[Inline, ...]] = []
    for token in tokens:
        if token.type == "inline":
            row.append(_inlines(token.children or []))
        elif token.type == "tr_close":
            rows.append(tuple(row))
            row = []
    return Table(rows[0] if rows else (), tuple(rows[1:]))


def _inlines(tokens: list[Token]) -> tuple[Inline, ...]:
    """Return model inlines for markdown-it inline tokens."""
    out: list[Inline] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.nesting == 1:
            end = _close(tokens, i)
            content = _inlines(tokens[i + 1:end - 1])
            out.append(_wrap(token, content))
            i = end
            continue
        out += _leaf(token)
        i += 1
    return _merge(out)


def _wrap(token: Token, content: tuple[Inline, ...]) -> Inline:
    if token.type == "strong_open":
        return Strong(content)
    if token.type == "em_open":
        return Emph(content)
    href = str(token.attrs.get("href", ""))
    return Link(href, content) if href else Emph(content)


def _leaf(token: Token) -> list[Inline]:
    if token.type == "cite":
        citation = token.meta["citation"]
        return [Cite(citation.keys, citation.items, citation.in_text)]
    if token.type in ("softbreak", "hardbreak"):
        return [Text(" ")]
    if token.type == "image":
        return [Text(token.content)]
    return [Text(token.content)] if token.content else []


def _merge(nodes: list[Inline]) -> tuple[Inline, ...]:
    out: list[Inline] = []
    for node in nodes:
        if isinstance(node, Text) and out and isinstance(out[-1], Text):
            out[-1] = Text(out[-1].text + node.text)
        else:
            out.append(node)
    return tuple(out)
