"""Transforms: pure passes that turn a Draft into the final Document.

Citations are numbered and resolved here, once, so every renderer draws the
same notes: Cite nodes become Footnotes (footnotes), Markers to endnotes
(endnotes) or Markers to reference entries (author-date, and IEEE's [n]). The
``::: notes`` and ``::: references`` directives become NoteLists.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, replace
from typing import Any, assert_never

from briefgen.compose import citations
from briefgen.compose.compose import Draft
from briefgen.compose.markup import Directive
from briefgen.errors import UserError, did_you_mean
from briefgen.inputs.sources import Source
from briefgen.model import (
    Block,
    BulletList,
    Callout,
    Cite,
    Document,
    Emph,
    Entry,
    Figure,
    Footnote,
    Heading,
    Inline,
    Link,
    Marker,
    Meta,
    NoteList,
    Paragraph,
    Quote,
    Strong,
    Table,
    TableOfContents,
    Text,
    printable_text,
)

Run = tuple[Inline, ...]


def map_runs(block: Block, fn: Callable[[Run], Run]) -> Block:
    """Return ``block`` with ``fn`` applied to every run of inline content, in reading order."""
    match block:
        case Heading(level, content, anchor):
            return Heading(level, fn(content), anchor)
        case Paragraph(content):
            return Paragraph(fn(content))
        case Quote(content):
            return Quote(fn(content))
        case BulletList(items, ordered):
            return BulletList(tuple(fn(i) for i in items), ordered)
        case Table(header, rows, caption, widths):
            return Table(tuple(fn(c) for c in header), tuple(tuple(fn(c) for c in r) for r in rows), caption, widths)
        case Callout(title, content):
            return Callout(title, tuple(map_runs(b, fn) for b in content))
        case NoteList(entries):
            return NoteList(tuple(Entry(e.anchor, e.label, fn(e.content)) for e in entries))
        case Figure():
            return replace(block, data=map_runs(block.data, fn))  # type: ignore[arg-type]
        case TableOfContents():
            return block
        case _:
            assert_never(block)


def cited_keys(blocks: tuple[Block | Directive, ...]) -> list[str]:
    """Return every cited source id, in order of first citation."""
    keys: list[str] = []

    def collect(run: Run) -> Run:
        for node in run:
            if isinstance(node, Cite):
                keys.extend(k for k in node.keys if k not in keys)
            elif isinstance(node, (Strong, Emph, Link)):
                collect(node.content)
        return run

    for block in blocks:
        if not isinstance(block, Directive):
            map_runs(block, collect)
    return keys


class Resolver:
    """Replaces Cite nodes in document order, collecting endnotes."""

    def __init__(self, sources: dict[str, Source], keys: list[str], style: str, placement: str):
        items = citations.disambiguate([sources[k].csl for k in keys], style)
        self.items = {str(item["id"]): item for item in items}
        self.style, self.placement = style, placement
        self.numbers = {k: i for i, k in enumerate(keys, 1)}
        self.labels = citations.in_text_labels(list(self.items.values()), style)
        self.writer = citations.NoteWriter(style)
        self.notes: list[Entry] = []

    def run(self, run: Run) -> Run:
        out: list[Inline] = []
        for node in run:
            if isinstance(node, Cite):
                out = _attach(out, self.cite(node))
            elif isinstance(node, Link):
                out.append(Link(node.url, self.run(node.content)))
            elif isinstance(node, (Strong, Emph)):
                out.append(type(node)(self.run(node.content)))
            else:
                out.append(node)
        return _tidy(tuple(out))

    def cite(self, cite: Cite) -> list[Inline]:
        items = [self.items[k] for k in cite.keys]
        if self.placement == "footnotes":
            return [Footnote(str(len(self.notes) + 1), self._note(items))]
        if self.placement == "endnotes":
            n = str(len(self.notes) + 1)
            return [Marker(n, f"note-{n}", True)] if self._note(items) else []
        return self.in_text(cite.keys)

    def _note(self, items: list[dict]) -> Run:
        content = self.writer.note(items)
        n = str(len(self.notes) + 1)
        self.notes.append(Entry(f"note-{n}", f"{n}.", content))
        return content

    def in_text(self, keys: tuple[str, ...]) -> list[Inline]:
        opening, separator, closing = citations.in_text(self.style)
        out: list[Inline] = [Text(opening)]
        for i, key in enumerate(keys):
            label = self.labels.get(key) or str(self.numbers[key])
            out += ([Text(separator)] if i else []) + [Marker(label, f"ref-{key}", False)]
        return out + [Text(closing)]

    def references(self) -> NoteList:
        keys = list(self.items)
        if self.style != "ieee":
            keys.sort(key=lambda k: citations.sort_key(self.items[k], self.style))
        label = (lambda k: f"[{self.numbers[k]}]") if self.style == "ieee" else (lambda k: "")
        return NoteList(tuple(Entry(f"ref-{k}", label(k), citations.reference(self.items[k], self.style) + _checkable(self.items[k]))
                              for k in keys))


def _checkable(item: dict) -> tuple[Inline, ...]:
    """Return what the sources list adds to an entry: acknowledged gaps, reliability (support's sourcecheck)."""
    from briefgen.support.sourcecheck import describe
    note = describe(item)
    return (Text(" " + note),) if note else ()


def _attach(before: list[Inline], cited: list[Inline]) -> list[Inline]:
    """Join a resolved citation to the text before it, as a typesetter would.

    A note number sits right after the word or the full stop ("grounds.¹"); an
    in-text citation goes before the sentence's full stop ("grounds (Reuters 2023).").
    """
    last = before[-1] if before and isinstance(before[-1], Text) else None
    if last is None or not cited:
        return before + cited
    stripped = last.text.rstrip()
    superscript = isinstance(cited[0], Footnote) or (isinstance(cited[0], Marker) and cited[0].superscript)
    if superscript:
        return before[:-1] + ([Text(stripped)] if stripped else []) + cited
    if stripped.endswith(".") and not stripped.endswith(".."):
        return before[:-1] + [Text(stripped[:-1] + " ")] + cited + [Text(".")]
    return before + cited


def _tidy(run: Run) -> Run:
    """Merge adjacent Text nodes; drop the full stop _attach moved when the text already has one."""
    out: list[Inline] = []
    for node in run:
        if isinstance(node, Text) and out and isinstance(out[-1], Text):
            moved = out[-1].text == "." and node.text.startswith(".")
            out[-1] = node if moved else Text(out[-1].text + node.text)
        else:
            out.append(node)
    return tuple(out)


def printable_meta(meta: Meta) -> Meta:
    """Return ``meta`` with every string printable."""
    changes: dict[str, Any] = {f.name: _printable_value(v) for f in fields(meta)
                               if isinstance(v := getattr(meta, f.name), (str, tuple))}
    return replace(meta, **changes)


def _printable_value(value: Any) -> Any:
    """Return a string, or a (nested) tuple of strings, without control characters."""
    if isinstance(value, str):
        return printable_text(value)
    return tuple(_printable_value(v) for v in value)


def printable(run: Run) -> Run:
    """Return ``run`` without control characters, which no document format can hold."""
    out: list[Inline] = []
    for node in run:
        if isinstance(node, Text):
            out.append(Text(printable_text(node.text)))
        elif isinstance(node, Link):
            out.append(Link(node.url, printable(node.content)))
        elif isinstance(node, (Strong, Emph)):
            out.append(type(node)(printable(node.content)))
        elif isinstance(node, Footnote):
            out.append(Footnote(node.label, printable(node.content)))
        else:
            out.append(node)
    return tuple(out)


def finish(draft: Draft, sources: dict[str, Source], style: str, placement: str) -> Document:
    """Return the final Document: citations resolved, notes and references placed."""
    keys = cited_keys(draft.blocks)
    unknown = [k for k in keys if k not in sources]
    if unknown:
        raise UserError(f"citation [@{unknown[0]}] names no source ({did_you_mean(unknown[0], list(sources)) or 'see `briefgen sources`'})")
    resolver = Resolver(sources, keys, style, placement)
    body = [b if isinstance(b, Directive) else map_runs(b, resolver.run) for b in draft.blocks]
    final: list[Block] = []
    for block in body:
        if isinstance(block, Directive):
            if block.name == "notes" and placement == "endnotes":
                final.append(NoteList(tuple(resolver.notes)))
            elif block.name == "references":
                final.append(resolver.references())
        else:
            final.append(block)
    meta = printable_meta(draft.meta)
    return Document(meta, numbered(tuple(map_runs(b, printable) for b in final), meta), draft.style)


def numbered(blocks: tuple[Block, ...], meta: Meta) -> tuple[Block, ...]:
    """Number the figures and the captioned tables in reading order: ``Figure 2. …``, ``Table 1. …``.

    Each figure gets the anchor ``fig-N``, so that text can link to it. The words come
    from the brief's language; renderers print the captions as they are.
    """
    counts = {"figure": 0, "table": 0}
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Figure):
            counts["figure"] += 1
            n = counts["figure"]
            caption = meta.label("figure", n=n) + (". " + block.caption if block.caption else "")
            block = replace(block, caption=caption, anchor=f"fig-{n}")
        elif isinstance(block, Table) and block.caption:
            counts["table"] += 1
            block = replace(block, caption=meta.label("table", n=counts["table"]) + ". " + block.caption)
        out.append(block)
    return tuple(out)
