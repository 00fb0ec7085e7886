"""The citation styles, by name. Adding a style: one module, one line here."""

from __future__ import annotations

from briefgen.compose.citations import apa, chicago_author_date, chicago_notes, ieee
from briefgen.compose.citations.protocol import CitationStyle

STYLES: dict[str, CitationStyle] = {}


def register(style: CitationStyle) -> CitationStyle:
    """Add ``style`` under its name (tests register toy styles this way)."""
    STYLES[style.name] = style
    return style


for _style in (chicago_notes.STYLE, chicago_author_date.STYLE, apa.STYLE, ieee.STYLE):
    register(_style)


def get(name: str) -> CitationStyle:
    """The style called ``name``; ValueError naming the known ones otherwise."""
    try:
        return STYLES[name]
    except KeyError:
        raise ValueError(f"unknown citation style {name!r}; expected one of {', '.join(STYLES)}") from None
