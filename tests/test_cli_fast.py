"""``briefgen build`` parsed without typer gets the values typer would pass, or goes to typer."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from briefgen import cli, cli_build

NAMES = ("specs", "out", "format", "jobs", "strict", "project")

PLAIN = [
    [],
    ["a.yaml"],
    ["a.yaml", "b.yaml", "-f", "docx", "-f", "pdf"],
    ["-p", "proj", "-o", "dir", "--strict", "-j", "2"],
    ["--out=x", "--project=p", "--format=pdf", "--jobs=3", "c.yaml"],
    ["--out", "x y", "-j", "+3", "-f", "nonsense"],
    ["-j", " 4", "--format", "docx", "a b.yaml"],
]
"""Command lines the fast parser reads (the format is checked by the action, as before)."""

UNUSUAL = [
    ["--help"], ["-h"], ["-j", "0"], ["-j", "two"], ["-j"], ["-o"], ["-o", ""], ["-o", "a", "-o", "b"],
    ["--strict", "--strict"], ["--strict=yes"], ["-fdocx"], ["-f=docx"], ["-j2"], ["--", "a.yaml"],
    ["--bogus"], ["-x"], ["-o", "-p"], ["--out="], ["--form", "docx"], ["-"],
]
"""Command lines left to typer: help, errors, and forms the fast parser does not claim to read."""


def _typer_values(args: list[str], monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    seen: list[dict[str, Any]] = []

    def capture(*given: Any) -> int:
        seen.append(dict(zip(NAMES, given, strict=True)))
        return 0
    monkeypatch.setattr(cli_build, "build", capture)
    with pytest.raises(SystemExit) as exit_:
        cli.app(["build", *args], prog_name="briefgen")
    assert exit_.value.code == 0
    return seen[0]


@pytest.mark.parametrize("args", PLAIN)
def test_plain_build_lines_parse_as_typer_does(args: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    fast = cli_build.parse(args)
    assert fast is not None
    assert fast == _typer_values(args, monkeypatch)
    assert {k: type(v) for k, v in fast.items()} == {k: type(v) for k, v in _typer_values(args, monkeypatch).items()}


@pytest.mark.parametrize("args", UNUSUAL)
def test_unusual_build_lines_go_to_typer(args: list[str]) -> None:
    assert cli_build.parse(args) is None


def test_debug_goes_to_typer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFGEN_DEBUG", "1")
    assert cli_build.parse([]) is None


def test_fast_and_typer_paths_print_and_exit_alike(tmp_path: Path) -> None:
    # the same error through both: launch (fast path) and briefgen.cli (typer)
    runs = [subprocess.run([sys.executable, "-c", f"import sys; sys.argv[0] = 'briefgen'; from briefgen.{mod} import main; main()",
                            "build", "-p", str(tmp_path), "-f", "odt"], capture_output=True, text=True)
            for mod in ("launch", "cli")]
    assert runs[0].returncode == runs[1].returncode == 2
    assert runs[0].stdout == runs[1].stdout
    assert runs[0].stderr == runs[1].stderr != ""
    assert "--format: expected one of" in runs[0].stderr


EXITING = ("import atexit, sys, threading, time\n"
           "threading.Thread(target=lambda: (time.sleep(1), print('thread done', flush=True))).start()\n"
           "atexit.register(lambda: print('exit handler ran'))\n"
           "sys.argv[0] = 'briefgen'\n"
           "from briefgen.launch import main\n"
           "main()\n"
           "print('not reached')\n")
"""A ``briefgen`` process with a thread still running and an exit handler waiting."""


@pytest.mark.parametrize("args", [["-f", "odt"], ["-f", "pdf", "briefs/musk-china-ai.yaml"]])
def test_a_build_exits_as_python_would_without_tearing_down(project: Path, args: list[str]) -> None:
    """``launch.exit_now``: its code, its buffered output, other threads waited for, exit handlers run."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # stdout buffered, as a user's pipe is
    done = subprocess.run([sys.executable, "-c", EXITING, "build", "-p", str(project), "-o", str(project / "out"), *args],
                          capture_output=True, text=True, env=env)
    fails = args == ["-f", "odt"]
    assert done.returncode == (2 if fails else 0), done.stderr
    assert done.stdout.endswith("exit handler ran\n") and done.stdout.count("thread done\n") == 1
    assert "not reached" not in done.stdout
    assert ("--format: expected one of" in done.stderr) == fails
    assert ("built 1 of 1 briefs" in done.stdout) != fails
    assert (project / "out" / "musk-china-ai.pdf").exists() != fails
