"""What every command shares: the --project option, error handling, and what a young project lacks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import typer

from briefgen.cli_build import exit_code, missing_step

__all__ = ["ProjectOpt", "exit_code", "missing_step", "run"]

ProjectOpt = typer.Option(Path("."), "--project", "-p", help="The project folder (sources/, summary/, briefs/, templates/).")


def run(action: Callable[[], int]) -> None:
    """Run ``action`` and exit with its code; render errors once, without a traceback."""
    raise typer.Exit(exit_code(action))
