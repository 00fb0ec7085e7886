"""CI stays honest: it lints and type-checks first, then runs exactly the README's test command."""

from __future__ import annotations

import re

from conftest import ROOT


def test_ci_runs_ruff_and_mypy_before_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quickstart = re.findall(r"```sh\n(.*?)\n```", readme.split("## Quickstart", 1)[1], re.DOTALL)
    test_command = quickstart[1].strip()
    lines = [line for line in (ROOT / ".ci" / "run").read_text().splitlines() if line and not line.startswith("#")]
    assert test_command in lines, "the CI test command must be the README's second Quickstart command, exactly"
    lint = next(i for i, line in enumerate(lines) if "ruff check src tests" in line and "mypy" in line)
    assert lint < lines.index(test_command)


def test_the_test_extra_brings_the_checkers():
    pyproject = (ROOT / "pyproject.toml").read_text()
    extra = re.search(r"^test = \[(.*)\]$", pyproject, re.MULTILINE)
    assert extra and all(f'"{name}' in extra.group(1) for name in ("mypy", "ruff", "types-PyYAML", "types-reportlab", "lxml-stubs"))
    assert "ignore_errors" not in pyproject, "fix the module's type errors instead"
