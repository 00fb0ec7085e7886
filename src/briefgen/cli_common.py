"""What every command shares: the --project option, error handling, and what a young project lacks."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import typer

ProjectOpt = typer.Option(Path("."), "--project", "-p", help="The project folder (sources/, summary/, briefs/, templates/).")


def run(action: Callable[[], int]) -> None:
    """Run ``action`` and exit with its code; render errors once, without a traceback."""
    from briefgen.console import error
    from briefgen.errors import BriefgenError
    try:
        code = action()
    except BriefgenError as exc:
        error(exc.render())
        code = exc.exit_code
    except BrokenPipeError:  # e.g. `briefgen themes | head`
        sys.stderr.close()
        code = 0
    except KeyboardInterrupt:
        error("interrupted")
        code = 130
    except Exception as exc:  # an internal error: a bug, not the user's fault
        if os.environ.get("BRIEFGEN_DEBUG"):
            raise
        error(f"internal error: {type(exc).__name__}: {exc} (set BRIEFGEN_DEBUG=1 for the traceback, and please report it)")
        code = 1
    raise typer.Exit(code)



def missing_step(project: Path, needs: str) -> str:
    """What the project still lacks for a command that ``needs`` sources, themes or specs ('' if nothing)."""
    from briefgen import pipeline
    from briefgen import skeleton as stages
    return stages.next_step(stages.stage(pipeline.Project(project)), needs)


