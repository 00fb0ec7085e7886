"""The house layer both renderers share: page sizes, marking colours and placement.

Every decision about how a brief's page is set that is not a named style lives here
once, so the DOCX and the PDF cannot drift apart: the page sizes, the TLP label's
colours, size and place. The renderers only turn these into their own units.

TLP labels follow the FIRST Traffic Light Protocol 2.0 standard (https://www.first.org/tlp/):
the label is written in capitals (``TLP:AMBER+STRICT``), in the header and the footer
of every page, right-aligned, in 12-point type or larger "for readability for users with
low vision", and in the standard's colours on a black background (RGB: RED 255,43,43;
AMBER 255,192,0; GREEN 51,255,0; CLEAR 255,255,255).
"""

from __future__ import annotations

PAGE_SIZES_MM: dict[str, tuple[float, float]] = {"A4": (210.0, 297.0), "LETTER": (215.9, 279.4)}
"""Width and height of each page size a house style may name (case-insensitive)."""

TLP_COLOURS: dict[str, str] = {
    "TLP:RED": "#FF2B2B", "TLP:AMBER": "#FFC000", "TLP:AMBER+STRICT": "#FFC000",
    "TLP:GREEN": "#33FF00", "TLP:CLEAR": "#FFFFFF", "TLP:WHITE": "#FFFFFF",
}
"""FIRST TLP 2.0 label colours; TLP:WHITE is TLP 1.0's name for TLP:CLEAR."""
TLP_BACKGROUND = "#000000"
MARKING_SIZE = 12.0
"""Points: FIRST TLP 2.0 asks for 12-point type or greater."""
MARKING_PLACES = ("header", "footer")
"""Where the marking goes on every page, right-aligned."""


def page_size_mm(name: str) -> tuple[float, float]:
    """Return the (width, height) of a page size in millimetres; unknown names are an error."""
    size = PAGE_SIZES_MM.get(name.upper())
    if size is None:
        raise ValueError(f"unknown page size {name!r}: expected one of A4, Letter")
    return size


def marking_label(marking: str) -> str:
    """Return the marking as printed: in capitals."""
    return marking.strip().upper()


def marking_colours(marking: str) -> tuple[str, str] | None:
    """Return (text, background) colours of a TLP label, or None for a marking that is not TLP."""
    colour = TLP_COLOURS.get(marking_label(marking))
    return (colour, TLP_BACKGROUND) if colour else None
