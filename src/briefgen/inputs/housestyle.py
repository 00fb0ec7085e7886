"""House styles as data: templates/styles/<name>.yaml → model.Style.

Every value is checked before a renderer sees it: margins and sizes within
bounds and finite (no NaN), margins that leave room for text, and the logo and
reference DOCX confined to the project or the shipped defaults (``paths.confine``),
regular files within their limits. A bad value is a positioned error.
"""

from __future__ import annotations

import math
import os
import struct
from collections.abc import Callable
from pathlib import Path

from briefgen.errors import Problem, UserError, did_you_mean
from briefgen.inputs import limits, paths, schemas, yamlio
from briefgen.model import Style

PAGE_MM = {"A4": (210.0, 297.0), "Letter": (215.9, 279.4)}
TEXT_MM = 60.0
"""The least width and height, in mm, the margins must leave for text."""
HEADING_PT = (6.0, 40.0)


def style_files(project_templates: Path) -> dict[str, Path]:
    """Return the available styles by name; the project's override the defaults."""
    found: dict[str, Path] = {}
    for folder in reversed(paths.search_path(project_templates)):
        for path in sorted(Path(folder, "styles").glob("*.yaml")):
            if paths.inside(path, paths.roots(project_templates)):  # a symlink out of the project is never read
                found[path.stem] = path
    return found


def load_style(name: str, project_templates: Path, page_size: str | None = None,
               where: Callable[[str, str], Problem] | None = None) -> Style:
    """Return the house style ``name``, with the spec's page size if it gives one.

    ``where(message, hint)`` positions a problem with the name (at the spec's ``style`` key).
    """
    files = style_files(project_templates)
    if name not in files:
        message = f"expected a house style ({', '.join(files)}), found {name!r}"
        hint = did_you_mean(name, list(files)) or f"add templates/styles/{name}.yaml"
        raise UserError([where(message, hint) if where else Problem("", 0, 0, "style", message, hint)])
    loaded = yamlio.load(files[name])
    data = schemas.validate(schemas.HouseStyle, loaded, loaded.data or {})
    size = page_size or data.page_size
    problems = _bounds(data, loaded, size)
    if problems:
        raise UserError(problems)
    folder = files[name].parent
    return Style(
        name=name, page_size=size,
        margins_mm=tuple(float(m) for m in data.margins_mm),  # type: ignore[arg-type]
        body_font=data.body_font, heading_font=data.heading_font, body_size=float(data.body_size),
        heading_sizes=tuple(float(s) for s in data.heading_sizes),  # type: ignore[arg-type]
        title_size=float(data.title_size), accent=data.accent, muted=data.muted,
        callout_fill=data.callout_fill, header_text=data.header_text, footer_text=data.footer_text,
        logo=_file(folder, data.logo, loaded, "logo", project_templates),
        reference_docx=_file(folder, data.reference_docx, loaded, "reference_docx", project_templates),
    )


def _bounds(data: schemas.HouseStyle, loaded: yamlio.Loaded, page_size: str) -> list[Problem]:
    """Return a problem for each size or margin that is not finite, out of bounds, or leaves no room for text."""
    problems = []
    for key in ("body_size", "title_size"):
        if not math.isfinite(float(getattr(data, key))):
            problems.append(loaded.problem((key,), f"expected a number, found {getattr(data, key)!r}"))
    low, high = HEADING_PT
    for i, value in enumerate(data.heading_sizes):
        if not (math.isfinite(value) and low <= value <= high):
            problems.append(loaded.problem(("heading_sizes", i), f"expected a size from {low:g} to {high:g} points, found {value!r}"))
    margins = [float(m) for m in data.margins_mm]
    for i, value in enumerate(margins):
        if not (math.isfinite(value) and 0 <= value <= 100):
            problems.append(loaded.problem(("margins_mm", i), f"expected a margin from 0 to 100 mm, found {value!r}"))
    if not problems:
        width, height = PAGE_MM.get(page_size, PAGE_MM["A4"])
        if width - margins[1] - margins[3] < TEXT_MM or height - margins[0] - margins[2] < TEXT_MM:
            problems.append(loaded.problem(("margins_mm",), f"expected margins that leave at least {TEXT_MM:g} mm for text "
                                           f"on a {page_size} page, found {margins}"))
    return problems


def _file(folder: Path, name: str, loaded: yamlio.Loaded, key: str, project_templates: Path) -> str:
    """Return the style's file ``name`` resolved, confined to the project or the defaults, and checked; never opened if outside."""
    if not name:
        return ""
    path = folder / name
    if not os.path.lexists(path):
        raise UserError([loaded.problem((key,), f"expected a file next to the style, found no {name!r}")])
    real = paths.confine(path, paths.roots(project_templates), lambda message, hint: loaded.problem((key,), message, hint))
    at = loaded.problem((key,), "")
    data = paths.read_bytes(real, limits.IMAGE_BYTES if key == "logo" else limits.DOCUMENT_BYTES, "file", where=at)
    if key == "logo":
        _image(data, loaded)
    else:
        from briefgen.inputs import readers
        try:
            readers.check_zip(data, real)
        except UserError as exc:
            raise UserError([loaded.problem((key,), p.message, p.hint) for p in exc.problems]) from None
    return str(real)


def _image(data: bytes, loaded: yamlio.Loaded) -> None:
    """Raise UserError unless ``data`` is a PNG of at most ``IMAGE_PIXELS`` (no decompression bomb)."""
    if not data.startswith(b"\x89PNG\r\n\x1a\n") or len(data) < 24:
        raise UserError([loaded.problem(("logo",), "expected a PNG image, found another kind of file")])
    width, height = struct.unpack(">II", data[16:24])
    if width * height > limits.IMAGE_PIXELS:
        raise UserError([loaded.problem(("logo",), f"expected a logo of at most {limits.IMAGE_PIXELS:,} pixels, "
                                        f"found {width:,} × {height:,}")])
