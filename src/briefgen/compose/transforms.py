"""Transforms: pure passes that turn a Draft into the final Document.

Citations are numbered and resolved here, once, so every renderer draws the
same notes: Cite nodes become Footnotes (footnotes), Markers to endnotes
(endnotes) or Markers to reference entries (in-text citations, and the [n] of a
numeric style in every placement). The style object (compose/citations) decides
every form; nothing here compares style names. The ``::: notes`` and
``::: references`` directives become NoteLists.
"""

from __future__ import annotations

import re
from dataclasses import fields, replace
from typing import Any

from briefgen.compose import citations
from briefgen.compose.compose import Draft
from briefgen.compose.markup import Directive
from briefgen.compose.numbering import numbered
from briefgen.compose.walk import Run, map_runs
from briefgen.errors import UserError, did_you_mean
from briefgen.inputs.sources import Source
from briefgen.model import (
    Block,
    Cite,
    Document,
    Emph,
    Entry,
    Figure,
    Footnote,
    Inline,
    Link,
    Marker,
    Meta,
    NoteList,
    Strong,
    Text,
    printable_text,
)


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

    def __init__(self, sources: dict[str, Source], keys: list[str], style: str, placement: str | None):
        self.style = citations.get(style)
        self.placement = citations.placement_of(style, placement)
        self.citer = citations.Citer(self.style, [citations.Item.from_csl(sources[k].csl) for k in keys])
        self.csl = {k: sources[k].csl for k in keys}  # for what the sources list adds (support's sourcecheck)
        self.notes: list[Entry] = []

    @property
    def in_notes(self) -> bool:
        return not self.style.numeric and self.placement in (citations.FOOTNOTES, citations.ENDNOTES)

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
        return _punctuation_first(_tidy(tuple(out)))

    def cite(self, cite: Cite) -> list[Inline]:
        refs = cite.cited or tuple(citations.citer.Plain(k) for k in cite.keys)
        if not self.in_notes:
            return self.citer.in_text(refs, narrative=cite.in_text)  # type: ignore[arg-type]
        content = self.citer.note(refs)  # type: ignore[arg-type]
        n = str(len(self.notes) + 1)
        self.notes.append(Entry(f"note-{n}", f"{n}.", content))
        mark: Inline = Footnote(n, content) if self.placement == citations.FOOTNOTES else Marker(n, f"note-{n}", True)
        if cite.in_text:  # "@smith argues": the name in the text, the note after it
            return [*self.style.author(self.citer.items[cite.keys[0]]), mark]
        return [mark]

    def short(self, key: str) -> tuple[Inline, ...]:
        """How the brief's citations name source ``key`` in short: the note's short form, the
        in-text label ("Reuters 2023"), or "[3]" with the title for a numeric style."""
        item = self.citer.items[key]
        if self.style.numeric:
            return (Text(f"[{self.citer.numbers[key]}] "), *self.style.label(self.style.author(item), "", ""))
        if self.in_notes:
            return tuple(self.style.subsequent_note(item))
        return tuple(self.style.label(self.style.author(item), self.style.date(item), ""))

    def label_rows(self, block: Block) -> Block:
        """Return a figure whose rows are sources with each row labelled by ``short``."""
        if not isinstance(block, Figure) or not block.sources:
            return block
        rows = tuple((self.short(k), *row[1:]) if k in self.citer.items else row
                     for k, row in zip(block.sources, block.data.rows, strict=True))
        return replace(block, data=replace(block.data, rows=rows))

    def references(self) -> NoteList:
        return NoteList(tuple(Entry(f"ref-{k}", label, entry + _checkable(self.csl[k]))
                              for k, label, entry in self.citer.references()))


def _checkable(item: dict) -> tuple[Inline, ...]:
    """Return what the sources list adds to an entry: acknowledged gaps, reliability (support's sourcecheck)."""
    from briefgen.support.sourcecheck import describe
    note = describe(item)
    return (Text(" " + note),) if note else ()


def _attach(before: list[Inline], cited: list[Inline]) -> list[Inline]:
    """Join a resolved citation to the text before it, as a typesetter would.

    A note number sits right after the word ("grounds¹"; _punctuation_first then puts
    it after a following full stop or comma); an in-text citation goes before the
    sentence's full stop ("grounds (Reuters 2023).").
    """
    last = before[-1] if before and isinstance(before[-1], Text) else None
    if last is None or not cited:
        return before + cited
    stripped = last.text.rstrip()
    superscript = _is_note_mark(cited[0]) or (len(cited) > 1 and _is_note_mark(cited[-1]) and not isinstance(cited[0], Text))
    if superscript:
        return before[:-1] + ([Text(stripped)] if stripped else []) + cited
    if stripped.endswith(".") and not stripped.endswith(".."):
        return before[:-1] + [Text(stripped[:-1] + " ")] + cited + [Text(".")]
    return before + cited


def _is_note_mark(node: Inline) -> bool:
    return isinstance(node, Footnote) or (isinstance(node, Marker) and node.superscript)


_TRAILING = re.compile(r"^[.,;:?!]+")


def _punctuation_first(run: Run) -> Run:
    """Move punctuation that follows note numbers before them: "South.¹", not "South¹." (CMOS 18, chapter 13: note numbers follow punctuation)."""
    nodes, out, i = list(run), [], 0
    while i < len(nodes):
        if not _is_note_mark(nodes[i]):
            out.append(nodes[i])
            i += 1
            continue
        j = i
        while j < len(nodes) and _is_note_mark(nodes[j]):
            j += 1
        after = nodes[j] if j < len(nodes) else None
        match = _TRAILING.match(after.text) if isinstance(after, Text) else None
        if match and isinstance(after, Text):
            if out and isinstance(out[-1], Text):
                out[-1] = Text(out[-1].text.rstrip() + match.group(0))
            else:
                out.append(Text(match.group(0)))
            out += nodes[i:j] + ([Text(after.text[match.end():])] if after.text[match.end():] else [])
            i = j + 1
        else:
            out += nodes[i:j]
            i = j
    return tuple(out)


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


def finish(draft: Draft, sources: dict[str, Source], style: str, placement: str | None) -> Document:
    """Return the final Document: citations resolved, notes and references placed."""
    keys = cited_keys(draft.blocks)
    unknown = [k for k in keys if k not in sources]
    if unknown:
        raise UserError(f"citation [@{unknown[0]}] names no source ({did_you_mean(unknown[0], list(sources)) or 'see `briefgen sources`'})")
    resolver = Resolver(sources, keys, style, placement)
    body = [b if isinstance(b, Directive) else resolver.label_rows(map_runs(b, resolver.run)) for b in draft.blocks]
    final: list[Block] = []
    for block in body:
        if isinstance(block, Directive):
            if block.name == "notes" and resolver.in_notes and resolver.placement == citations.ENDNOTES:
                final.append(NoteList(tuple(resolver.notes)))
            elif block.name == "references":
                final.append(resolver.references())
        else:
            final.append(block)
    meta = printable_meta(draft.meta)
    return Document(meta, numbered(tuple(map_runs(b, printable) for b in final), meta), draft.style)
