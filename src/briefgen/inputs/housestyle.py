"""House styles as data: templates/styles/<name>.yaml → model.Style."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from briefgen.errors import Problem, UserError, did_you_mean
from briefgen.inputs import schemas, yamlio
from briefgen.inputs.project import search_path
from briefgen.model import Style


def style_files(project_templates: Path) -> dict[str, Path]:
    """Return the available styles by name; the project's override the defaults."""
    found: dict[str, Path] = {}
    for folder in reversed(search_path(project_templates)):
        for path in sorted(Path(folder, "styles").glob("*.yaml")):
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
    data = schemas.house_style_values(schemas.validate(schemas.HouseStyle, loaded, loaded.data or {}))
    folder = files[name].parent
    data.update(name=name, logo=_file(folder, data["logo"], loaded, "logo"),
                reference_docx=_file(folder, data["reference_docx"], loaded, "reference_docx"))
    if page_size:
        data["page_size"] = page_size
    return Style(**data)


def _file(folder: Path, name: str, loaded: yamlio.Loaded, key: str) -> str:
    if not name:
        return ""
    path = (folder / name).resolve()
    if not path.is_file():
        raise UserError([loaded.problem((key,), f"expected a file next to the style, found no {name!r}")])
    return str(path)
