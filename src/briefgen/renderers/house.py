"""The house layer both renderers share: page sizes, marking colours and placement, the logo, the quote bar.

Every decision about how a brief's page is set that is not a named style lives here
once, so the DOCX and the PDF cannot drift apart: the page sizes, the TLP label's
colours, size and place, the logo's size and place, the block quote's bar, how links look. The
renderers only turn these into their own units.

TLP labels follow the FIRST Traffic Light Protocol 2.0 standard (https://www.first.org/tlp/):
the label is written in capitals (``TLP:AMBER+STRICT``), in the header and the footer
of every page, right-aligned, in 12-point type or larger "for readability for users with
low vision", and in the standard's colours on a black background (RGB: RED 255,43,43;
AMBER 255,192,0; GREEN 51,255,0; CLEAR 255,255,255).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

from briefgen.model import Inline, Style, Table, plain_text

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


LOGO_HEIGHT_MM = 14.0
"""The logo's height in the title block; its width follows its proportions."""
LOGO_ALIGN = "right"
"""The logo sits above the title, at the right margin."""


@dataclass(frozen=True)
class Logo:
    """A house style's logo as both renderers place it."""

    path: str
    width_mm: float
    height_mm: float
    align: str = LOGO_ALIGN


def logo(style: Style) -> tuple[Logo | None, str]:
    """Return the style's logo sized for the title block, or None and why it is left out ("" when there is none).

    The house style loader has checked it is a PNG within the limits; here only its size is read.
    """
    if not style.logo:
        return None, ""
    try:
        header = Path(style.logo).read_bytes()[:24]
    except OSError as error:
        return None, f"logo {style.logo} left out: {error.strerror or error}"
    if len(header) < 24 or header[:8] != b"\x89PNG\r\n\x1a\n":
        return None, f"logo {style.logo} left out: not a PNG image"
    width, height = struct.unpack(">II", header[16:24])
    if not width or not height:
        return None, f"logo {style.logo} left out: it has no pixels"
    return Logo(style.logo, width * LOGO_HEIGHT_MM / height, LOGO_HEIGHT_MM), ""


LINK_UNDERLINE = False
"""Links (URLs, "Figure 1", contents entries) are set in the accent colour, not underlined: a printed
brief reads them as text. Citation markers (note numbers, in-text citations) are links too, but
keep the text's colour: a reader follows them rarely, and coloured they would spot every line."""

QUOTE_BAR_PT = 2.5
"""The width of the bar left of a block quote, in points."""
QUOTE_GAP_MM = 3.5
"""From the margin, where the bar stands, to the quote's text (and from the text to the right edge)."""


def quote_bar(style: Style) -> str:
    """The colour of the block quote's bar and text: the house's muted colour (a quote is the source's voice)."""
    return style.muted


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


# ---------------------------------------------------------------- figures

HEAT_LOW = "#F2F4F7"
"""The colour of an empty coverage tile; full tiles take the house accent."""
HEAT_DARK = 0.55
"""Tiles darker than this share of the scale carry white text."""
COVERAGE_GAP_PT = 1.5
"""The white gap between coverage tiles, in points; the header row has no band, only a rule below."""


def heat_colour(share: float, accent: str) -> str:
    """Return the ``#rrggbb`` of a coverage tile at ``share`` (0–1) between HEAT_LOW and ``accent``."""
    share = min(max(share, 0.0), 1.0)
    low, high = (tuple(int(c.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4)) for c in (HEAT_LOW, accent))
    return "#" + "".join(f"{round(a + (b - a) * share):02X}" for a, b in zip(low, high, strict=True))


def tile_shares(data: Table) -> list[list[float]]:
    """Return the share of the largest count of each tile of a coverage table (its rows after the label)."""
    counts = [[_number(cell) for cell in row[1:]] for row in data.rows]
    top = max((c for row in counts for c in row), default=0.0) or 1.0
    return [[c / top for c in row] for row in counts]


def _number(cell: tuple[Inline, ...]) -> float:
    """Return the number written in a cell, or 0."""
    try:
        return float(plain_text(cell).strip().replace(",", ""))
    except ValueError:
        return 0.0
