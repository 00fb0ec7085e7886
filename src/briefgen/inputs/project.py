"""An analyst's project: its folders, and where templates and house styles are looked up.

The first stage's knowledge of the file layout: later stages (compose's
templates, the pipeline, the CLI) ask this module, never the other way round.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from briefgen.errors import Problem, UserError, display


@dataclass(frozen=True)
class Project:
    """The folders of an analyst's project."""

    root: Path

    @property
    def sources_dir(self) -> Path:
        return self.root / "sources"

    @property
    def summary_dir(self) -> Path:
        return self.root / "summary"

    @property
    def briefs_dir(self) -> Path:
        return self.root / "briefs"

    @property
    def templates_dir(self) -> Path:
        return self.root / "templates"

    def specs(self, given: list[Path] | None = None) -> list[Path]:
        """Return the spec files to use: those given (a folder gives its *.yaml), else every briefs/*.yaml."""
        if not given:
            return self._folder_specs(self.briefs_dir, "try `briefgen new NAME`")
        missing = [p for p in given if not os.path.exists(p)]  # never raises (a name too long)
        if missing:
            raise UserError([Problem(display(p), 0, 0, "", "expected a spec file, found none",
                                     "with no spec named, `briefgen build` takes every briefs/*.yaml")
                             for p in missing])
        return [spec for p in given for spec in (self._folder_specs(Path(p)) if os.path.isdir(p) else [p])]

    @staticmethod
    def _folder_specs(folder: Path, hint: str = "") -> list[Path]:
        found = sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))
        if not found:
            raise UserError([Problem(display(folder), 0, 0, "", "expected brief specs (*.yaml), found none", hint)])
        return found


@functools.cache
def default_dir() -> Path:
    """Return the folder of the templates and styles shipped with briefgen (where the installed package lies:
    asked once per process, as every brief asks it several times)."""
    return Path(str(resources.files("briefgen.defaults")))


def search_path(project_templates: Path) -> list[str]:
    """Return the template folders in lookup order: the project's, then the defaults."""
    return [str(project_templates), str(default_dir())]
