"""Terminal output: tables and progress. The only module that uses rich.

Plain lines are printed when output is not a terminal or NO_COLOR is set, so
logs and pipes stay readable.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


def fancy() -> bool:
    """True when stdout is an interactive terminal and colour is allowed."""
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def table(title: str, columns: list[str], rows: list[list[str]]) -> None:
    """Print a table: rich on a terminal, tab-separated otherwise."""
    if not fancy():
        print("\t".join(columns))
        for row in rows:
            print("\t".join(row))
        return
    from rich.console import Console
    from rich.table import Table
    grid = Table(title=title)
    for column in columns:
        grid.add_column(column, overflow="fold")
    for row in rows:
        grid.add_row(*row)
    Console().print(grid)


def error(message: str) -> None:
    """Print a user-facing error message to stderr."""
    print(message, file=sys.stderr)


def info(message: str) -> None:
    print(message)


@contextmanager
def progress(total: int, label: str) -> Iterator[Any]:
    """Yield a function ``advance(line)`` that shows progress: a bar on a terminal, lines otherwise."""
    if not fancy() or total <= 1:
        yield lambda line: print(line)
        return
    from rich.progress import Progress
    with Progress(transient=False) as bar:
        task = bar.add_task(label, total=total)

        def advance(line: str) -> None:
            bar.console.print(line)
            bar.advance(task)

        yield advance
