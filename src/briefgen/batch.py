"""Batch builds: many specs, optionally in parallel processes; one failure never stops the rest.

The sources and summary are read once per batch (before any worker forks), so every spec
of a batch is built from the same inputs.

A spec that fails (a user error, or an internal error: a bug) is reported and the
others are still built. ``exit_code`` gives the batch's code: 1 if any spec hit an
internal error, else 3 if some failed and some were built, else the failures' code
(2), else 0. Two specs whose outputs would share a name both fail; neither is built.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from briefgen import outputs, pipeline, renderers
from briefgen.errors import BriefgenError, Problem, display
from briefgen.farm import Farm, counted, results

if TYPE_CHECKING:
    from concurrent.futures import Future


T = TypeVar("T")


@dataclass
class Outcome:
    """One spec's result: what it built, or the message that explains why it failed."""

    spec: Path
    built: pipeline.Built | None = None
    error: str = ""
    exit_code: int = 0
    warnings: list[Problem] = field(default_factory=list)


_CORPUS: dict[Path, pipeline.Corpus] = {}
"""The running batch's corpus by project root, read once by the parent before it forks the workers."""


def _build(root: Path, spec_path: Path, out_dir: Path, formats: list[str] | None, strict: bool,
           corpus: pipeline.Corpus | None = None, ahead: renderers.Ahead | None = None) -> Outcome:
    """Build one spec in this process, turning user errors into an Outcome.

    ``corpus`` (else the batch's, else one read now) is the sources and summary it is built from;
    ``ahead``, the process that renders its formats (``pipeline.build_one``).
    """
    project = pipeline.Project(root)

    def work() -> Outcome:
        built = pipeline.build_one(project, corpus or _CORPUS.get(root) or pipeline.load_corpus(project),
                                   spec_path, out_dir, formats, strict, ahead)
        return Outcome(spec_path, built, warnings=built.warnings)
    outcome: Outcome = _outcome(spec_path, work)
    if _COLLECTING:  # in a batch (``collector``): the brief's cycles are freed before the next brief
        gc.collect()
        gc.freeze()  # and what outlived it (memos, styled bases) is not walked again by the next one's collection
    return outcome


def _internal(spec_path: Path, exc: BaseException) -> str:
    return (f"{display(spec_path)}: internal error: {type(exc).__name__}: {exc} "
            "(set BRIEFGEN_DEBUG=1 for the traceback, and please report it)")


def build_many(project: pipeline.Project, specs: list[Path], out_dir: Path, formats: list[str] | None,
               strict: bool, jobs: int, on_done: Callable[[Outcome], None],
               ahead: renderers.Ahead | None = None, farm: Farm | None = None) -> list[Outcome]:
    """Build every spec; call ``on_done`` as each finishes (in spec order); return the outcomes in spec order.

    ``ahead`` (``renderers.start_ahead``) renders the formats of a batch of one spec; ``farm``
    (``Farm.start``, with ``jobs`` render processes) those of a batch of more.
    """
    outputs.prepare_out(project.root, out_dir)
    clashes = _clashes(specs)
    todo = [s for s in specs if s not in clashes]
    corpus = _read_once(project) if len(todo) > 1 else None
    if farm is not None and corpus is not None and len(todo) > 1:
        with collector():
            built = _farmed(project, corpus, todo, out_dir, formats, strict, farm, on_done)
    elif jobs <= 1 or len(todo) <= 1:
        if len(todo) > 1:
            _preload(formats)  # before the collector freezes what is loaded: the renderers too
        with collector():
            one = ahead if len(todo) == 1 else None
            built = {s: _notify(_build(project.root, s, out_dir, formats, strict, corpus, one), on_done) for s in todo}
    else:
        from concurrent.futures import ProcessPoolExecutor  # only here: a one-process build never loads it
        _preload(formats)
        fork = _fork()
        if corpus is not None and fork is not None:
            _CORPUS[project.root] = corpus  # the forked workers start with it
            _warm(project, todo[0], corpus, formats)
        try:
            with collector(), ProcessPoolExecutor(max_workers=jobs, mp_context=fork) as pool:
                futures = {s: pool.submit(_build, project.root, s, out_dir, formats, strict) for s in todo}
                built = {s: _notify(_result(s, f), on_done) for s, f in futures.items()}
        finally:
            _CORPUS.clear()
    return [built[s] if s in built else _notify(clashes[s], on_done) for s in specs]


def _farmed(project: pipeline.Project, corpus: pipeline.Corpus, todo: list[Path], out_dir: Path,
            formats: list[str] | None, strict: bool, farm: Farm, on_done: Callable[[Outcome], None]) -> dict[Path, Outcome]:
    """Compose each spec here and have ``farm`` render it (``briefgen.farm``); write each as its formats come back.

    ``on_done`` is called in spec order, as the in-process batch calls it.
    """
    done: dict[Path, Outcome] = {}
    composed: dict[Path, pipeline.Composed] = {}
    queued: list[Path] = []
    told = 0

    def finish(path: Path, rendered: Callable[[], list[renderers.Rendered]], count: Callable[[], int | None] | None = None) -> None:
        def work() -> Outcome:
            built = pipeline.finish(corpus, composed[path], out_dir, rendered(), strict, count)
            return Outcome(path, built, warnings=built.warnings)
        done[path] = _outcome(path, work)
        del composed[path]

    def here(path: Path) -> None:  # rendered in this process: no render process is left
        finish(path, composed[path].rendered)

    def turn(block: bool) -> None:
        nonlocal told
        while queued and farm.free():
            path = queued.pop(0)
            made = composed[path]
            count = pipeline.counts_pages(made.brief, made.names)
            if made.model is None or not farm.send(path, made.model, made.names, count):
                here(path)
        if not farm.alive():
            while queued:
                here(queued.pop(0))
        for path, answer in farm.answers_in(block and farm.pending() > 0):
            if answer is None:
                here(path)
            else:
                finish(path, partial(results, answer), counted(answer))
        while told < len(todo) and todo[told] in done:
            _notify(done[todo[told]], on_done)
            told += 1

    try:
        for path in todo:
            hint = None if farm.hinted else farm.hint  # the first brief's look only: the others' styles are made as they come
            made = _outcome(path, partial(pipeline.compose_one, project, corpus, path, formats, hint, farm.office))
            if isinstance(made, Outcome):
                done[path] = made
            else:
                composed[path] = made  # LibreOffice's part too (page count, contents, pdfua) runs in a render process
                queued.append(path)
            turn(block=False)
        while told < len(todo):
            turn(block=True)
    finally:
        farm.close()
    return done


def _outcome(spec_path: Path, work: Callable[[], T]) -> T | Outcome:
    """``work()``, or the Outcome of the error it raised (as ``_build`` turns one)."""
    try:
        return work()
    except BriefgenError as exc:
        return Outcome(spec_path, error=exc.render(), exit_code=exc.exit_code)
    except Exception as exc:  # a bug: reported for this spec; the batch goes on
        return Outcome(spec_path, error=_internal(spec_path, exc), exit_code=1)


@contextlib.contextmanager
def collector() -> Iterator[None]:
    """Keep Python's cycle collector out of the way while briefs are built, and put it back after.

    What is loaded by now (the libraries, the fonts, the corpus: some 60,000 objects) is frozen,
    so no collection walks it again, and the youngest generation is collected every 10,000
    allocations instead of 700 (``THRESHOLDS``): a brief allocates a great many short-lived
    containers, and collecting them cost about 7 ms of CPU per brief, now about 3. Full
    collections still come every other middle one. Forked workers inherit both. And ``_build`` collects
    once after each brief, so one brief's cycles (the PDF's document, canvas and flowables) are freed
    before the next brief starts, and a worker's peak memory stays flat from its first briefs on
    (without it, garbage of several briefs could wait for a full collection, and the peak rose
    by 1.7-2.9 MiB between briefs 20 and 200). What outlives that collection (the memos, the styled
    bases: a few thousand objects, the same ones brief after brief) is frozen too, so the next
    brief's collection walks only what that brief made: about 2 ms of CPU instead of 7. Such an
    object that later ends in a cycle (none does in 200 fixture briefs: the frozen count stays
    put) waits for the batch's end. Outputs do not change: nothing briefgen writes depends on
    when cycles are freed.
    """
    global _COLLECTING
    thresholds, collecting = gc.get_threshold(), _COLLECTING
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)
    _COLLECTING = True
    try:
        yield
    finally:
        _COLLECTING = collecting
        gc.set_threshold(*thresholds)
        gc.unfreeze()  # a long ``watch`` collects what its earlier rebuilds left


_COLLECTING = False
"""True inside ``collector``: ``_build`` then collects after each brief."""

THRESHOLDS = (10_000, 10, 1)
"""``gc.set_threshold`` during a batch (Python's default: 700, 10, 10)."""


def _read_once(project: pipeline.Project) -> pipeline.Corpus | None:
    """Return the corpus for every spec of one batch, or None when it cannot be read (each spec then reports why)."""
    try:
        return pipeline.load_corpus(project)
    except Exception:  # noqa: BLE001 - each spec reads it again and reports the problem as its own outcome
        return None


def _result(spec_path: Path, future: Future[Outcome]) -> Outcome:
    try:
        return future.result()
    except Exception as exc:  # the worker process died (out of memory, killed)
        return Outcome(spec_path, error=_internal(spec_path, exc), exit_code=1)


def _clashes(specs: list[Path]) -> dict[Path, Outcome]:
    """Return a failed Outcome for each spec whose output name another spec also maps to (case-insensitively)."""
    from briefgen.inputs.spec import safe_name
    by_name: dict[str, list[Path]] = {}
    for path in specs:
        by_name.setdefault(safe_name(path.stem).lower(), []).append(path)
    failed = {}
    for name, group in by_name.items():
        for path in group if len(group) > 1 else []:
            others = ", ".join(display(p) for p in group if p != path)
            failed[path] = Outcome(path, error=f"{display(path)}: expected an output name of its own, found {name!r}, "
                                               f"the output name of {others} too (rename one of the specs)", exit_code=2)
    return failed


def exit_code(outcomes: list[Outcome]) -> int:
    """Return the batch's exit code (see the module's docstring)."""
    codes = [o.exit_code for o in outcomes if o.error]
    if not codes:
        return 0
    if 1 in codes:
        return 1
    return 3 if len(codes) < len(outcomes) else max(codes)


def _fork() -> Any:
    """Return the "fork" start method where there is one: workers forked from a parent that has loaded the libraries start with them loaded."""
    import multiprocessing
    return multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None


def _preload(formats: list[str] | None) -> None:
    """Import the renderers and register the PDF fonts once, before the workers fork."""
    from briefgen import renderers
    renderers.preload(formats or ["docx", "pdf"])


def _warm(project: pipeline.Project, spec_path: Path, corpus: pipeline.Corpus, formats: list[str] | None) -> None:
    """Before the workers fork, make the first spec's document model and its styled bases here and drop them.

    What a process makes once for its first brief (the styled DOCX base, the labels, the compiled
    template, the support check's word lists and the corpus's findings, compiled patterns) is then
    inherited by every worker instead of made in each: about a quarter of a second of CPU per
    worker. Nothing is written and LibreOffice is not started; any problem is left to the spec's
    own build, which meets it again and reports it.
    """
    from briefgen.inputs import spec

    with contextlib.suppress(Exception):
        brief = spec.load_spec(spec_path, corpus.summary, corpus.sources)
        model = pipeline.document(project, corpus, brief)
        renderers.prepare(formats or ["docx", "pdf"], model.style, model.meta)


def _notify(outcome: Outcome, on_done: Callable[[Outcome], None]) -> Outcome:
    on_done(outcome)
    return outcome


def summary_line(outcomes: list[Outcome]) -> str:
    """Return one line: how many specs were built and which failed."""
    failed = [display(o.spec) for o in outcomes if o.error]
    files = sum(len(o.built.files) for o in outcomes if o.built)
    line = f"built {len(outcomes) - len(failed)} of {len(outcomes)} briefs ({files} files)"
    return line + (f"; failed: {', '.join(failed)}" if failed else "")
