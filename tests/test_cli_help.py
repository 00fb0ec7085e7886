"""``briefgen --help`` and ``--version`` answer without typer, with typer's own words."""

from __future__ import annotations

import os
import subprocess
import sys

from briefgen import __version__, launch
from briefgen.cli_help import HELP

TYPER = "import sys; from briefgen.cli import main; sys.argv[0] = 'briefgen'; main()"


def _run(args: list[str], columns: int, via_typer: bool = False) -> str:
    command = [sys.executable, "-c", TYPER] if via_typer else [sys.executable, "-m", "briefgen"]
    env = {**os.environ, "COLUMNS": str(columns)}
    done = subprocess.run([*command, *args], capture_output=True, text=True, env=env, check=True)
    return done.stdout


def test_stored_help_is_what_typer_prints() -> None:
    assert HELP == launch.typer_help(), "commands changed: run `python -m briefgen.launch` to store the new help"


def test_fast_help_and_version_equal_typer_output() -> None:
    assert _run(["--help"], 120) == _run(["--help"], 120, via_typer=True) == HELP
    assert _run(["--version"], 120) == _run(["--version"], 120, via_typer=True) == f"briefgen {__version__}\n"


def test_narrow_terminals_and_other_commands_go_to_typer() -> None:
    narrow = _run(["--help"], 60)
    assert narrow == _run(["--help"], 60, via_typer=True) and narrow != HELP
    assert "Build DOCX and PDF briefs" in _run(["build", "--help"], 120)
