"""A walk over the model's blocks: apply a function to every run of inline content.

Shared by the passes that rewrite inline content (``transforms``: citations, printable
text; ``numbering``: links to figures).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import assert_never

from briefgen.model import (
    Block,
    BulletList,
    Callout,
    Entry,
    Figure,
    Heading,
    Inline,
    NoteList,
    Paragraph,
    Quote,
    Table,
    TableOfContents,
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
            return replace(block, lead=fn(block.lead), data=map_runs(block.data, fn))  # type: ignore[arg-type]
        case TableOfContents():
            return block
        case _:
            assert_never(block)
