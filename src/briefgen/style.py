"""The house style: page geometry, fonts, sizes and colours, declared once.

``model.Style`` (re-exported there, beside the document it styles). The house style
files (``templates/styles/<name>.yaml``) are validated by ``inputs.schemas.HouseStyle``,
derived from these fields, their docstrings and the bounds in their ``metadata``.
Like ``model``, this module imports only the standard library.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

_COLOUR = {"pattern": r"^#[0-9A-Fa-f]{6}$"}
"""Field metadata: a colour as ``#rrggbb``."""


@dataclass(frozen=True, slots=True)
class Style:
    """The house style: page geometry, fonts, sizes and colours (colours as ``#rrggbb``).

    The one declaration of the house style: ``inputs.schemas.HouseStyle``, which
    validates ``templates/styles/<name>.yaml``, is derived from these fields, their
    docstrings and the bounds in their ``metadata``.
    """

    name: str = field(default="default", metadata={"file": False})
    """The style's name: its file name without `.yaml`."""
    page_size: Literal["A4", "Letter"] = "A4"
    """The paper size; a spec's `page_size` overrides it."""
    margins_mm: tuple[float, float, float, float] = field(default=(22.0, 20.0, 22.0, 20.0), metadata={"ge": 0, "le": 100})
    """Page margins in millimetres: top, right, bottom, left."""
    body_font: Literal["serif", "sans"] = "serif"
    """The family of body text; every renderer embeds or names it."""
    heading_font: Literal["serif", "sans"] = "sans"
    """The family of headings and the title."""
    body_size: float = field(default=10.5, metadata={"ge": 6, "le": 16})
    """Body text size in points."""
    heading_sizes: tuple[float, float, float] = field(default=(14.0, 12.0, 11.0), metadata={"ge": 6, "le": 40})
    """Heading sizes in points, for levels 1, 2 and 3."""
    title_size: float = field(default=22.0, metadata={"ge": 10, "le": 40})
    """The title's size in points."""
    accent: str = field(default="#1F3A5F", metadata=_COLOUR)
    """Colour of headings, rules and the title."""
    muted: str = field(default="#5A6270", metadata=_COLOUR)
    """Colour of the subtitle, header and footer text."""
    callout_fill: str = field(default="#EEF2F7", metadata=_COLOUR)
    """Background colour of boxes (the bottom line and key points)."""
    header_text: str = ""
    """Text at the top of every page (next to the marking); empty: the spec's author."""
    footer_text: str = ""
    """Text at the foot of every page (next to the page number)."""
    logo: str = ""
    """A PNG logo for the title block, relative to the style file (a resolved path once loaded); empty for none."""
    reference_docx: str = ""
    """A .docx whose Word styles the DOCX renderer uses, relative to the style file (a resolved path once loaded); empty for none."""
