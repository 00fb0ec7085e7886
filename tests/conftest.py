"""Shared fixtures: the example project, and a way to run the CLI in-process."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefgen.cli import app

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the example project (sources, summary, briefs, templates) to change freely."""
    for name in ("sources", "summary", "briefs", "templates"):
        shutil.copytree(ROOT / name, tmp_path / name)
    return tmp_path


def cli(*args: str):
    """Run briefgen in-process; return the result (exit_code, stdout, stderr)."""
    return CliRunner().invoke(app, list(args), catch_exceptions=False)
