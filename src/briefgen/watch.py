"""``briefgen watch``: rebuild when a spec, the summary, a source or a template changes.

It polls modification times (no extra dependency, works on every file system),
waits until changes settle (debounce), and keeps watching after an error.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from briefgen.pipeline import Project

Snapshot = dict[Path, float]


def snapshot(project: Project) -> Snapshot:
    """Return the modification time of every input file of the project."""
    folders = (project.sources_dir, project.summary_dir, project.briefs_dir, project.templates_dir)
    return {p: p.stat().st_mtime_ns for f in folders if f.is_dir() for p in sorted(f.rglob("*"))
            if p.is_file() and not p.name.startswith(".")}


def watch(project: Project, rebuild: Callable[[list[Path]], None], interval: float = 0.5,
          settle: float = 0.3, stop: Callable[[], bool] = lambda: False) -> None:
    """Call ``rebuild(changed)`` once per burst of changes until ``stop()`` is true."""
    before = snapshot(project)
    while not stop():
        time.sleep(interval)
        now = snapshot(project)
        if now == before:
            continue
        while True:  # debounce: wait until files stop changing
            time.sleep(settle)
            later = snapshot(project)
            if later == now:
                break
            now = later
        changed = sorted(p for p in set(now) | set(before) if now.get(p) != before.get(p))
        before = now
        rebuild(changed)
