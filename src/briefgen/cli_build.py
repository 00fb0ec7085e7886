"""``briefgen build`` without typer: the command's action, and a parser for its plain command lines.

Importing typer, and the pydantic adapters it builds for each parameter, costs about a
fifth of a cold one-brief build. ``launch.main`` hands a ``build`` command line to
``parse``; a line it reads with certainty (known options, each given once, values that
do not start with ``-``) runs ``build`` directly, with the values typer would pass
(tests/test_cli_fast.py compares the two). Anything else, ``--help``, a bad value or an
unknown option, goes to typer, which prints its own usage and errors.
"""

from __future__ import annotations

import gc
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from briefgen import renderers
    from briefgen.batch import Outcome
    from briefgen.farm import Farm

_VALUED = {"-o": "out", "--out": "out", "-f": "format", "--format": "format", "-j": "jobs", "--jobs": "jobs",
           "-p": "project", "--project": "project"}
"""Options that take a value, by spelling; ``--format`` may repeat, the others may not."""

_INT = re.compile(r"\s*\+?[0-9]+\s*")
"""What click reads as an int without complaint (a subset: anything else goes to typer)."""


def parse(args: list[str]) -> dict[str, Any] | None:
    """Return ``build``'s keyword arguments for ``args`` (after ``build``), or None to let typer parse them."""
    if os.environ.get("BRIEFGEN_DEBUG"):  # typer's own traceback printing
        return None
    values: dict[str, Any] = {"specs": None, "out": Path("out"), "format": None, "jobs": 1, "strict": False,
                              "project": Path(".")}
    seen: set[str] = set()
    rest = iter(args)
    for arg in rest:
        if not arg.startswith("-"):
            values["specs"] = [*(values["specs"] or []), Path(arg)]
            continue
        if arg == "--strict":
            name, value = "strict", None
        else:
            flag, eq, value = arg.partition("=")
            name = _VALUED.get(flag, "")
            if not name or (eq and not flag.startswith("--")):
                return None
            if not eq:
                value = next(rest, None)
            if not value or value.startswith("-"):
                return None
        if name in seen and name != "format":
            return None
        seen.add(name)
        if name == "strict":
            values["strict"] = True
        elif name == "format":
            values["format"] = [*(values["format"] or []), value]
        elif name == "jobs":
            if not value or not _INT.fullmatch(value) or int(value) < 1:
                return None
            values["jobs"] = int(value)
        else:
            values[name] = Path(value or "")
    return values


def exit_code(action: Callable[[], int]) -> int:
    """Run ``action`` and return its exit code; render errors once, without a traceback."""
    from briefgen.console import error
    from briefgen.errors import BriefgenError
    try:
        return action()
    except BriefgenError as exc:
        error(exc.render())
        return exc.exit_code
    except BrokenPipeError:  # e.g. `briefgen themes | head`
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        error("interrupted")
        return 130
    except Exception as exc:  # an internal error: a bug, not the user's fault
        if os.environ.get("BRIEFGEN_DEBUG"):
            raise
        error(f"internal error: {type(exc).__name__}: {exc} (set BRIEFGEN_DEBUG=1 for the traceback, and please report it)")
        return 1


def missing_step(project: Path, needs: str) -> str:
    """What the project still lacks for a command that ``needs`` sources, themes or specs ('' if nothing)."""
    from briefgen import pipeline
    from briefgen import skeleton as stages
    return stages.next_step(stages.stage(pipeline.Project(project)), needs)


def build(specs: list[Path] | None, out: Path, format: list[str] | None, jobs: int, strict: bool, project: Path) -> int:
    """Build DOCX and PDF briefs into the output folder; return the exit code."""
    ahead = _ahead(specs, format, project)
    farm = _farm(specs, format, jobs, project) if ahead is None else None
    collecting = gc.isenabled()
    if ahead is not None:
        gc.disable()  # one brief, then exit: see ``_ahead``
    try:
        return _build(specs, out, format, jobs, strict, project, ahead, farm)
    finally:
        if ahead is not None:
            ahead.close()
        if farm is not None:
            farm.close()
        if collecting:
            gc.enable()  # as it was (a caller that goes on, e.g. a test)


def _ahead(specs: list[Path] | None, format: list[str] | None, project: Path) -> renderers.Ahead | None:
    """For a build of one spec, the process that loads the renderers while this one reads the inputs (None: none).

    Started first, before the loading and composing libraries are imported here; see ``renderers.ahead``.
    This process then builds that one brief with the cycle collector off (``build``): importing the
    libraries made it run some fifty times over their objects, which all live to the end
    (40-50 ms of CPU), and the few cycles a brief leaves are freed by the exit. The process
    that renders does the same (``renderers.ahead``).
    """
    from briefgen import renderers
    from briefgen.inputs.project import Project
    formats = format or ["docx", "pdf"]  # a spec's own formats, when -f is not given, are known only later
    if os.environ.get("BRIEFGEN_DEBUG") or "pdfua" in formats or not set(formats) <= set(renderers.FORMATS):
        return None
    try:
        if len(Project(project).specs(specs)) != 1:
            return None
    except Exception:  # noqa: BLE001 - the build reports it
        return None
    return renderers.start_ahead(formats)


def _farm(specs: list[Path] | None, format: list[str] | None, jobs: int, project: Path) -> Farm | None:
    """For a batch of several specs with ``jobs`` ≥ 2, the render processes, started before the composing libraries load (``briefgen.farm``)."""
    from briefgen.farm import Farm
    from briefgen.inputs.project import Project
    formats = format or ["docx", "pdf"]
    if jobs < 2 or os.environ.get("BRIEFGEN_DEBUG") or not set(formats) <= {"docx", "pdf"}:
        return None
    try:
        if len(Project(project).specs(specs)) < 2:
            return None
    except Exception:  # noqa: BLE001 - the build reports it
        return None
    return Farm.start(formats, jobs)


def _build(specs: list[Path] | None, out: Path, format: list[str] | None, jobs: int, strict: bool, project: Path,
           ahead: renderers.Ahead | None, farm: Farm | None = None) -> int:
    from briefgen import batch, console, pipeline, renderers
    from briefgen.errors import UserError, did_you_mean
    for name in format or []:
        if name not in renderers.FORMATS:
            raise UserError(f"--format: expected one of {', '.join(renderers.FORMATS)}, found {name!r} ({did_you_mean(name, list(renderers.FORMATS))})")
    missing = "" if specs else missing_step(project, "specs")
    if missing:
        console.info(f"nothing to build yet: {missing}")
        return 0
    proj = pipeline.Project(project)
    paths = proj.specs(specs)
    with console.progress(len(paths), "building") as advance:
        outcomes = batch.build_many(proj, paths, out, format, strict, jobs, lambda o: advance(report(o)), ahead, farm)
    for warning in (w for o in outcomes for w in o.warnings):
        console.error(f"warning: {warning} [{warning.code}]")
    console.info(batch.summary_line(outcomes))
    return batch.exit_code(outcomes)


def report(outcome: Outcome) -> str:
    """Print a failed spec's errors to stderr; return the progress line for ``outcome``."""
    from briefgen.console import error
    from briefgen.errors import display
    if outcome.error or outcome.built is None:
        error(outcome.error)
        return f"failed {display(outcome.spec)}"
    return "built " + ", ".join(display(p) for p in outcome.built.files)
