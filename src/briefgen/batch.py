"""Batch builds: many specs, optionally in parallel processes; one failure never stops the rest."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from briefgen import pipeline
from briefgen.errors import BriefgenError, Problem, display


@dataclass
class Outcome:
    """One spec's result: what it built, or the message that explains why it failed."""

    spec: Path
    built: pipeline.Built | None = None
    error: str = ""
    exit_code: int = 0
    warnings: list[Problem] = field(default_factory=list)


def _build(root: Path, spec_path: Path, out_dir: Path, formats: list[str] | None, strict: bool) -> Outcome:
    """Build one spec in this process, turning user errors into an Outcome."""
    project = pipeline.Project(root)
    try:
        corpus = pipeline.load_corpus(project)
        built = pipeline.build_one(project, corpus, spec_path, out_dir, formats, strict)
        return Outcome(spec_path, built, warnings=built.warnings)
    except BriefgenError as exc:
        return Outcome(spec_path, error=exc.render(), exit_code=exc.exit_code)


def build_many(project: pipeline.Project, specs: list[Path], out_dir: Path, formats: list[str] | None,
               strict: bool, jobs: int, on_done: Callable[[Outcome], None]) -> list[Outcome]:
    """Build every spec; call ``on_done`` as each finishes; return the outcomes in spec order."""
    if jobs <= 1 or len(specs) <= 1:
        return [_notify(_build(project.root, s, out_dir, formats, strict), on_done) for s in specs]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(_build, project.root, s, out_dir, formats, strict) for s in specs]
        return [_notify(f.result(), on_done) for f in futures]


def _notify(outcome: Outcome, on_done: Callable[[Outcome], None]) -> Outcome:
    on_done(outcome)
    return outcome


def summary_line(outcomes: list[Outcome]) -> str:
    """Return one line: how many specs were built and which failed."""
    failed = [display(o.spec) for o in outcomes if o.error]
    files = sum(len(o.built.files) for o in outcomes if o.built)
    line = f"built {len(outcomes) - len(failed)} of {len(outcomes)} briefs ({files} files)"
    return line + (f"; failed: {', '.join(failed)}" if failed else "")
