"""House styles as data: templates/styles/<name>.yaml → model.Style.

Every value is checked before a renderer sees it: sizes and margins within the
bounds ``model.Style`` declares, margins that leave room for text, and the logo and
reference DOCX confined to the project or the shipped defaults (``paths.confine``),
regular files within their limits. A bad value is a positioned error.
"""

from __future__ import annotations

import os
import struct
from collections.abc import Callable
from pathlib import Path
from typing import Any

from briefgen.errors import Problem, UserError, did_you_mean
from briefgen.inputs import checked, limits, paths, yamlio
from briefgen.inputs.project import search_path
from briefgen.model import Style

PAGE_MM = {"A4": (210.0, 297.0), "Letter": (215.9, 279.4)}
TEXT_MM = 60.0
"""The least width and height, in mm, the margins must leave for text."""


def style_files(project_templates: Path) -> dict[str, Path]:
    """Return the available styles by name; the project's override the defaults."""
    found: dict[str, Path] = {}
    roots = paths.roots(project_templates)
    for folder in reversed(search_path(project_templates)):
        for path in sorted(Path(folder, "styles").glob("*.yaml")):
            if paths.inside(path, roots):  # a symlink out of the project is never read
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
    loaded, values = yamlio.load_kept(files[name], _values, _KEPT)
    data = dict(values)
    if page_size:
        data["page_size"] = page_size
    _room(data, loaded)
    folder = files[name].parent
    data.update(name=name, logo=_file(folder, data["logo"], loaded, "logo", project_templates),
                reference_docx=_file(folder, data["reference_docx"], loaded, "reference_docx", project_templates))
    return Style(**data)


_KEPT: dict[tuple[str, str, bytes], tuple[yamlio.Loaded, dict[str, Any]]] = {}
"""A style file's checked values (immutable: lists are tuples) by its name and bytes; every brief of a
batch or of ``watch`` reads the same style, and parsing and validating it was ~3% of a warm brief."""


def _values(loaded: yamlio.Loaded) -> tuple[yamlio.Loaded, dict[str, Any]]:
    return loaded, house_style_values(checked.validate("HouseStyle", loaded, loaded.data or {}))


def house_style_values(style: Any) -> dict[str, Any]:
    """Return a validated HouseStyle as keyword arguments of `model.Style` (lists become tuples)."""
    return {k: tuple(v) if isinstance(v, list) else v for k, v in style.model_dump().items()}


def _room(data: dict[str, Any], loaded: yamlio.Loaded) -> None:
    """Raise UserError when the margins (each within its bounds) leave too little of the page for text."""
    top, right, bottom, left = (float(m) for m in data["margins_mm"])
    width, height = PAGE_MM.get(data["page_size"], PAGE_MM["A4"])
    if width - right - left < TEXT_MM or height - top - bottom < TEXT_MM:
        raise UserError([loaded.problem(("margins_mm",), f"expected margins that leave at least {TEXT_MM:g} mm for text "
                                        f"on a {data['page_size']} page, found {[top, right, bottom, left]}")])


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
