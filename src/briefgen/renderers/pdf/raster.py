"""A drawn figure as a PNG image, for formats that embed pictures (the DOCX).

The figure is laid out once, by the same code that draws it in the PDF
(``figures.timeline_bands``): a reportlab ``Drawing`` of lines, dots and strings.
reportlab's own bitmap renderer (renderPM) needs the ``rlPyCairo`` backend in
reportlab 5, that is pycairo, which PyPI ships for Linux only as a source package
(a C build against libcairo2-dev); so this module paints the few shapes the figures
use with Pillow, which reportlab already depends on, in the same fonts (the files
reportlab registered). Same drawing, same fonts, same colours: the same figure.
Pillow's PNG writer stores no time, so the bytes are the same on every build.
"""

from __future__ import annotations

import functools
import io

from PIL import Image, ImageDraw, ImageFont
from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Shape, String
from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics

DPI = 200
"""Pixels per inch of the image: sharp in print at the figure's width, a few tens of KB."""


def png(drawing: Drawing, dpi: int = DPI) -> bytes:
    """Return ``drawing`` painted on white as PNG bytes, ``dpi`` pixels per inch."""
    scale = dpi / 72
    size = (max(round(drawing.width * scale), 1), max(round(drawing.height * scale), 1))
    image = Image.new("RGB", size, "white")
    pen = ImageDraw.Draw(image)
    for shape in _shapes(drawing):
        _paint(pen, shape, scale, drawing.height)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True, dpi=(dpi, dpi))
    return out.getvalue()


def _shapes(group: Group) -> list[Shape]:
    """Return the shapes of ``group`` in drawing order (groups flattened; figures use no transforms)."""
    out: list[Shape] = []
    for shape in group.contents:
        out += _shapes(shape) if isinstance(shape, Group) else [shape]
    return out


def _paint(pen: ImageDraw.ImageDraw, shape: Shape, scale: float, height: float) -> None:
    """Paint one shape; y runs up in reportlab and down in the image."""
    def at(x: float, y: float) -> tuple[float, float]:
        return x * scale, (height - y) * scale

    if isinstance(shape, Line):
        pen.line([at(shape.x1, shape.y1), at(shape.x2, shape.y2)], fill=_rgb(shape.strokeColor),
                 width=max(round(shape.strokeWidth * scale), 1))
    elif isinstance(shape, Circle):
        (x, y), r = at(shape.cx, shape.cy), shape.r * scale
        pen.ellipse([x - r, y - r, x + r, y + r], fill=_rgb(shape.fillColor),
                    outline=_rgb(shape.strokeColor), width=max(round((shape.strokeWidth or 1) * scale), 1))
    elif isinstance(shape, String):
        anchor = {"start": "ls", "middle": "ms", "end": "rs"}.get(shape.textAnchor, "ls")
        pen.text(at(shape.x, shape.y), shape.text, fill=_rgb(shape.fillColor), anchor=anchor,
                 font=_font(shape.fontName, round(shape.fontSize * scale)))
    else:
        raise TypeError(f"the figure rasteriser draws lines, circles and strings, not {type(shape).__name__}")


@functools.cache
def _font(name: str, pixels: int) -> ImageFont.FreeTypeFont:
    """The TrueType file reportlab registered as ``name``, at ``pixels``."""
    face = pdfmetrics.getFont(name).face  # type: ignore[attr-defined]  # every briefgen font is a TTFont
    return ImageFont.truetype(face.filename, pixels, index=getattr(face, "subfontIndex", 0) or 0)


def _rgb(colour: colors.Color | None) -> tuple[int, int, int] | None:
    if colour is None:
        return None
    red, green, blue = colour.rgb()
    return round(red * 255), round(green * 255), round(blue * 255)
