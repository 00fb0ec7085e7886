"""Figure and table numbers, and the links that refer to figures: the last pass of ``transforms.finish``."""

from __future__ import annotations

from dataclasses import replace

from briefgen.compose.walk import Run, map_runs
from briefgen.model import Block, Emph, Figure, Inline, Link, Meta, Strong, Table, Text


def numbered(blocks: tuple[Block, ...], meta: Meta) -> tuple[Block, ...]:
    """Number the figures and the captioned tables in reading order: ``Figure 2. …``, ``Table 1. …``.

    Each figure gets the anchor ``fig-N``, so that text can link to it: a link to
    ``#figure:KIND`` (``[](#figure:coverage)`` in Markdown) becomes a link to the first
    figure of that kind, reading "Figure N" when it has no text of its own. The words
    come from the brief's language; renderers print the captions as they are.
    """
    counts = {"figure": 0, "table": 0}
    targets: dict[str, tuple[str, int]] = {}
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Figure):
            counts["figure"] += 1
            n = counts["figure"]
            caption = meta.label("figure", n=n) + (". " + block.caption if block.caption else "")
            block = replace(block, caption=caption, anchor=f"fig-{n}")
            targets.setdefault(block.kind, (block.anchor, n))
        elif isinstance(block, Table) and block.caption:
            counts["table"] += 1
            block = replace(block, caption=meta.label("table", n=counts["table"]) + ". " + block.caption)
        out.append(block)
    return tuple(map_runs(b, lambda run: _figure_links(run, targets, meta)) for b in out)


FIGURE_LINK = "#figure:"
"""A link to ``#figure:KIND`` refers to the brief's figure of that kind."""


def _figure_links(run: Run, targets: dict[str, tuple[str, int]], meta: Meta) -> Run:
    """Point ``#figure:KIND`` links at their figure; without one, keep only the link's text."""
    out: list[Inline] = []
    for node in run:
        if isinstance(node, Link) and node.url.startswith(FIGURE_LINK):
            target = targets.get(node.url[len(FIGURE_LINK):])
            if target is None:
                out += node.content
            else:
                out.append(Link("#" + target[0], node.content or (Text(meta.label("figure", n=target[1])),)))
        elif isinstance(node, (Strong, Emph)):
            out.append(type(node)(_figure_links(node.content, targets, meta)))
        else:
            out.append(node)
    return tuple(out)
