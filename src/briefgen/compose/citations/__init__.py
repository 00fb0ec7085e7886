"""Citation styles as objects in a registry, over a typed CSL item.

- ``item.Item``: the CSL item, typed (``Item.from_csl(mapping)``).
- ``protocol.CitationStyle``: what a style decides; one module per style
  (``chicago_notes``, ``chicago_author_date``, ``apa``, ``ieee``).
- ``registry``: the styles by name; ``get(name)``.
- ``citer.Citer``: sequences one document's notes, in-text citations and references.

See docs/citations.md for each style's rules and where they differ from citeproc.
"""

from __future__ import annotations

from briefgen.compose.citations.citer import Citer, disambiguate
from briefgen.compose.citations.item import Item, Name
from briefgen.compose.citations.protocol import ENDNOTES, FOOTNOTES, IN_TEXT, PLACEMENTS, CitationStyle
from briefgen.compose.citations.registry import STYLES, get, register


def style_problem(style: str) -> tuple[str, str] | None:
    """(message, hint) when no registered style is called ``style``, else None."""
    if style in STYLES:
        return None
    from briefgen.errors import did_you_mean
    names = list(STYLES)
    return (f"expected one of {', '.join(repr(n) for n in names[:-1])} or {names[-1]!r}, found {style!r}",
            did_you_mean(style, names))


def placement_problem(style: str, placement: str | None) -> tuple[str, str] | None:
    """(message, hint) when ``style`` has no ``placement``, else None."""
    chosen = get(style)
    if placement is None or placement in chosen.placements:
        return None
    valid = " or ".join(repr(p) for p in chosen.placements)
    return (f"expected a placement that {style} has ({valid}), found {placement!r}",
            f"{chosen.manual} has no {placement}; set citations.placement: {chosen.placements[0]}"
            + ("" if len(chosen.placements) == 1 else " or choose another style"))


def placement_of(style: str, placement: str | None) -> str:
    """The placement in effect: the spec's, else the style's default."""
    return placement or get(style).placements[0]


__all__ = ["ENDNOTES", "FOOTNOTES", "IN_TEXT", "PLACEMENTS", "STYLES", "CitationStyle", "Citer", "Item",
           "Name", "disambiguate", "get", "placement_of", "placement_problem", "register",
           "style_problem"]
