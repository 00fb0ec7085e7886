#!/usr/bin/env python3
"""In-process measures for bench_build.py, each run in a fresh child process.

    bench_probes.py warm PROJECT N      warm per-brief times on one core
    bench_probes.py memory PROJECT N    peak memory of one batch worker over N briefs
    bench_probes.py watch PROJECT N     spec edit → rebuilt files, N edits

Each prints ``key=value`` lines (floats) for ``parse``.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def parse(text: str) -> dict[str, float]:
    return {k: float(v) for k, v in (line.split("=", 1) for line in text.split() if "=" in line)}


def warm(root: Path, n: int) -> None:
    """Build every spec in one process on one core, as a batch worker builds each (``batch._build``, its
    collection after each brief included); report the median per brief after a warm-up."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    from briefgen import batch, pipeline, renderers
    from briefgen.inputs import spec
    project = pipeline.Project(root)
    corpus = pipeline.load_corpus(project)
    specs = project.specs()
    both, both_cpu, docx, pdf = [], [], [], []
    renderers.preload(["docx", "pdf"])  # as `briefgen build` does before a batch, then its collector settings
    with tempfile.TemporaryDirectory() as out, batch.collector():
        for i in range(n + 5):
            path = specs[i % len(specs)]
            start, cpu = time.perf_counter(), time.process_time()
            outcome = batch._build(root, path, Path(out), ["docx", "pdf"], False, corpus)  # a batch worker's brief
            mid, cpu = time.perf_counter(), time.process_time() - cpu
            assert not outcome.error, outcome.error
            model = pipeline.document(project, corpus, spec.load_spec(path, corpus.summary, corpus.sources))
            t0 = time.perf_counter()
            renderers.get("docx").render(model)
            t1 = time.perf_counter()
            renderers.get("pdf").render(model)
            t2 = time.perf_counter()
            if i >= 5:
                both.append(mid - start)
                both_cpu.append(cpu)
                docx.append(t1 - t0)
                pdf.append(t2 - t1)
    ms = lambda xs: statistics.median(xs) * 1000  # noqa: E731
    print(f"both_ms={ms(both)} both_cpu_ms={ms(both_cpu)} docx_ms={ms(docx)} pdf_ms={ms(pdf)}")


def memory(root: Path, n: int) -> None:
    """Build n specs through the batch worker's entry point; peak RSS after brief 20 and at the end."""
    from briefgen import batch, renderers
    specs = sorted((root / "briefs").glob("*.yaml"))[:n]
    peak = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # noqa: E731
    early = 0.0
    renderers.preload(["docx", "pdf"])  # as a batch does before it forks its workers
    with tempfile.TemporaryDirectory() as out, batch.collector():  # and the workers' collector settings
        for i, path in enumerate(specs, 1):
            outcome = batch._build(root, path, Path(out), ["docx", "pdf"], False)
            assert not outcome.error, outcome.error
            if i == 20:
                early = peak()
    print(f"early_mib={early} last_mib={peak()}")


def watch(root: Path, n: int) -> None:
    """Start ``briefgen watch``; edit the spec n times; time each edit until both files are new."""
    spec = next((root / "briefs").glob("*.yaml"))
    out = root / "out"
    files = [out / (spec.stem + ".docx"), out / (spec.stem + ".pdf")]
    command = [str(Path(sys.executable).with_name("briefgen")), "watch", "-p", str(root), "-o", str(out)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not all(f.exists() for f in files):
            if time.monotonic() > deadline or process.poll() is not None:
                raise SystemExit("watch did not build the spec")
            time.sleep(0.05)
        time.sleep(1.0)
        original, latencies = spec.read_text(), []
        for i in range(n):
            before = [f.stat().st_mtime_ns for f in files]
            spec.write_text(original.replace("title: \"", f"title: \"Edit {i} ", 1))
            start = time.perf_counter()
            while any(f.stat().st_mtime_ns == b for f, b in zip(files, before, strict=True)):
                if time.perf_counter() - start > 30:
                    raise SystemExit("watch did not rebuild within 30 s")
                time.sleep(0.005)
            latencies.append(time.perf_counter() - start)
            time.sleep(1.0)
    finally:
        process.terminate()
        process.wait(10)
    print(f"median_s={statistics.median(latencies)} max_s={max(latencies)}")


if __name__ == "__main__":
    {"warm": warm, "memory": memory, "watch": watch}[sys.argv[1]](Path(sys.argv[2]), int(sys.argv[3]))
