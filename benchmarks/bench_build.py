#!/usr/bin/env python3
"""Time briefgen against the pandoc route on the same brief, side by side, in one run.

The fixture (``benchmarks/fixture/``, a copy of the peer benchmark's) is a 1,780-word
brief with 15 citations, a table and a block quote. The pandoc route renders its
``brief.md`` to DOCX and, through Typst, to PDF, both with citeproc. briefgen renders
the same content from a project that ``fixture/make_project.py`` writes.

    pip install -e ".[bench]"           # pypandoc-binary and typst
    python benchmarks/bench_build.py    # add --runs 3 to check that the ratios hold

Ratios are compared within one run, because absolute times on a shared machine are
noisy: each measure is a median of interleaved repeats. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.util
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXTURE = HERE / "fixture"
sys.path.insert(0, str(HERE))
import bench_probes as probes  # noqa: E402  (the in-process measures, run in child processes)

SHIM = '''#!{python}
"""pandoc's Typst engine: typst's PyPI package is a binding without a command line."""
import sys, typst
args = [a for a in sys.argv[1:] if not a.startswith("-")]
assert args[0] == "compile", sys.argv
typst.compile(args[1], output=args[2])
'''


def median_time(command: list[str], repeats: int, cwd: Path | None = None) -> float:
    return statistics.median(timed(command, cwd) for _ in range(repeats))


CPU: dict[str, list[float]] = {}
"""CPU seconds (user + system) of the child processes, per label: steadier than wall time
on a shared machine, where the other tenants' load stretches every wall-clock figure."""


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str] | list[list[str]], cwd: Path | None = None, env: dict | None = None,
          label: str = "") -> float:
    """Run one command (or several in a row); return the wall time; fail loudly."""
    commands = command if command and isinstance(command[0], list) else [command]
    start, cpu = time.perf_counter(), children_cpu()
    for c in commands:
        subprocess.run(c, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if label:
        CPU.setdefault(label, []).append(children_cpu() - cpu)
    return time.perf_counter() - start


class Bench:
    def __init__(self, work: Path, quick: bool) -> None:
        import pypandoc
        self.work, self.quick = work, quick
        self.pandoc = pypandoc.get_pandoc_path()
        shim_dir = work / "shim"
        shim_dir.mkdir()
        (shim_dir / "typst").write_text(SHIM.format(python=sys.executable))
        (shim_dir / "typst").chmod(0o755)
        # As a user's install runs it: bytecode written and kept (an environment that sets
        # PYTHONDONTWRITEBYTECODE would have every cold run compile briefgen's modules again),
        # and briefgen's modules compiled once before any timing, as pip does for an install.
        self.env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        self.env["PATH"] = f"{shim_dir}{os.pathsep}{os.environ['PATH']}"
        package = importlib.util.find_spec("briefgen")
        assert package is not None and package.submodule_search_locations
        subprocess.run([sys.executable, "-m", "compileall", "-q", *package.submodule_search_locations],
                       env=self.env, check=True, stdout=subprocess.DEVNULL)
        self.briefgen = [str(Path(sys.executable).with_name("briefgen"))]
        if not Path(self.briefgen[0]).exists():
            self.briefgen = [sys.executable, "-m", "briefgen"]
        self.md = work / "md"
        shutil.copytree(FIXTURE, self.md)
        self.project = self.make_project("project", 50)

    def make_project(self, name: str, n: int, extra: str = "") -> Path:
        root = self.work / name
        subprocess.run([sys.executable, str(FIXTURE / "make_project.py"), str(root), str(n)], check=True,
                       stdout=subprocess.DEVNULL)
        if extra:
            for spec in (root / "briefs").glob("*.yaml"):
                spec.write_text(spec.read_text() + extra)
        return root

    def pandoc_pair(self, out: Path, i: int = 0) -> list[list[str]]:
        return [[self.pandoc, "brief.md", "--citeproc", "-o", str(out / f"b{i}.docx")],
                [self.pandoc, "brief.md", "--citeproc", "--pdf-engine=typst", "-o", str(out / f"b{i}.pdf")]]

    def build(self, project: Path, out: Path, *args: str) -> list[str]:
        return [*self.briefgen, "build", "-p", str(project), "-o", str(out), "-f", "docx", "-f", "pdf", *args]

    # ------------------------------------------------------------ measures

    def cold_one(self) -> tuple[float, float]:
        """One brief, both formats, a fresh process each time; interleaved medians."""
        ours, theirs, out = [], [], self.work / "cold"
        out.mkdir(exist_ok=True)
        spec = str(self.project / "briefs/brief-001.yaml")
        for _ in range(3 if self.quick else 7):
            ours.append(timed(self.build(self.project, out, spec), env=self.env, label="cold-ours"))
            theirs.append(timed(self.pandoc_pair(out), self.md, self.env, label="cold-theirs"))
        return statistics.median(ours), statistics.median(theirs)

    def batch(self, n: int = 50) -> tuple[float, float]:
        """n briefs, both formats: briefgen --jobs 2 against pandoc run two at a time."""
        ours, theirs = [], []
        for r in range(1 if self.quick else 2):
            out = self.work / f"batch-{r}"
            out.mkdir()
            ours.append(timed(self.build(self.project, out, "--jobs", "2"), env=self.env, label="batch-ours"))
            start, cpu = time.perf_counter(), children_cpu()
            with ThreadPoolExecutor(2) as pool:
                list(pool.map(lambda i, out=out: timed(self.pandoc_pair(out, i), self.md, self.env), range(n)))
            theirs.append(time.perf_counter() - start)
            CPU.setdefault("batch-theirs", []).append(children_cpu() - cpu)
        return min(ours), min(theirs)

    def help_time(self) -> float:
        return min(timed([*self.briefgen, "--help"]) for _ in range(5 if self.quick else 11))

    def probe(self, name: str, *args: str) -> dict:
        """Run one in-process measure of bench_probes in a fresh child process."""
        result = subprocess.run([sys.executable, str(HERE / "bench_probes.py"), name, *args],
                                capture_output=True, text=True, env=self.env)
        if result.returncode:
            raise SystemExit(f"probe {name} failed:\n{result.stderr}")
        return probes.parse(result.stdout)

    def pandoc_memory(self) -> float:
        """Peak memory (MiB) of the pandoc route's largest process, over one brief."""
        code = ("import resource, subprocess, sys\n"
                "for c in eval(sys.argv[1]): subprocess.run(c, check=True, capture_output=True)\n"
                "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)")
        out = subprocess.run([sys.executable, "-c", code, repr(self.pandoc_pair(self.work / "cold"))],
                             cwd=self.md, env=self.env, check=True, capture_output=True, text=True)
        return float(out.stdout)

    def page_budget(self) -> tuple[float, float, float]:
        """Seconds per brief with max_pages (LibreOffice counts the DOCX pages) and without, over 10."""
        capped = self.make_project("capped", 10, "max_pages: 40\n")
        plain = self.make_project("plain", 10)
        one = self.work / "one-capped"
        one.mkdir()
        single = timed(self.build(capped, one, str(capped / "briefs/brief-001.yaml")), env=self.env)
        with_budget = timed(self.build(capped, self.work / "capped-out", "--jobs", "2"), env=self.env)
        without = timed(self.build(plain, self.work / "plain-out", "--jobs", "2"), env=self.env)
        return with_budget / 10, without / 10, single


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=1, help="repeat the whole benchmark (the ratios must hold in each)")
    parser.add_argument("--quick", action="store_true", help="fewer repeats (a smoke run)")
    parser.add_argument("--no-budget", action="store_true", help="skip the LibreOffice page-budget measure")
    parser.add_argument("--only", choices=["cold"], help="time only this measure (its rows and targets alone)")
    args = parser.parse_args()
    tables = []
    for run in range(args.runs):
        CPU.clear()
        with tempfile.TemporaryDirectory(prefix="briefgen-bench-") as temp:
            tables.append(one_run(Bench(Path(temp), args.quick), args.no_budget, args.only))
        print(f"\n### run {run + 1} of {args.runs}\n\n{tables[-1][0]}", flush=True)
    met = [all(ok for ok in t[1]) for t in tables]
    print(f"\nall targets met in {sum(met)} of {len(met)} runs")


def one_run(b: Bench, no_budget: bool, only: str | None = None) -> tuple[str, list[bool]]:
    cold_ours, cold_theirs = b.cold_one()
    if only == "cold":
        return cold_table(cold_ours, cold_theirs)
    batch_ours, batch_theirs = b.batch()
    warm = b.probe("warm", str(b.project), "30" if b.quick else "60")
    mem = b.probe("memory", str(b.make_project("many", 200)), "200")
    mem_theirs = b.pandoc_memory()
    help_s = b.help_time()
    watch = b.probe("watch", str(b.make_project("watched", 1)), "3" if b.quick else "7")
    rows, met = [], []

    def row(measure: str, ours: str, theirs: str, ratio: str, target: str, ok: bool | None) -> None:
        rows.append(f"| {measure} | {ours} | {theirs} | {ratio} | {target} | "
                    f"{'' if ok is None else ('met' if ok else '**not met**')} |")
        if ok is not None:
            met.append(ok)

    ratio = cold_ours / cold_theirs
    row("one brief, both formats, cold process", f"{cold_ours:.2f} s", f"{cold_theirs:.2f} s",
        f"{ratio:.2f}×", "≤ 0.7×", ratio <= 0.7)
    cpu = {k: statistics.median(v) for k, v in CPU.items()}
    row("… the same, CPU time (user + system)", f"{cpu['cold-ours']:.2f} s", f"{cpu['cold-theirs']:.2f} s",
        f"{cpu['cold-ours'] / cpu['cold-theirs']:.2f}×", "", None)
    speed = batch_theirs / batch_ours
    row("50 briefs, both formats, 2 at a time (`--jobs 2`)", f"{batch_ours:.2f} s", f"{batch_theirs:.2f} s",
        f"{speed:.1f}× faster", "≥ 5× faster", speed >= 5)
    row("… the same, CPU time (user + system)", f"{cpu['batch-ours']:.1f} s", f"{cpu['batch-theirs']:.1f} s",
        f"{cpu['batch-theirs'] / cpu['batch-ours']:.1f}× less", "", None)
    row("warm, per brief, both formats, one core", f"{warm['both_ms']:.0f} ms (CPU {warm['both_cpu_ms']:.0f} ms)",
        "–", "–", "≤ 100 ms", warm["both_ms"] <= 100)
    row("warm, per brief, DOCX only / PDF only (render)", f"{warm['docx_ms']:.0f} / {warm['pdf_ms']:.0f} ms",
        "–", "–", "", None)
    growth = mem["last_mib"] - mem["early_mib"]
    row("peak memory of one worker over 200 briefs", f"{mem['last_mib']:.0f} MiB (+{growth:.1f} after brief 20)",
        f"{mem_theirs:.0f} MiB", "–", "≤ 120 MiB, not growing", mem["last_mib"] <= 120 and growth <= 2)
    row("`briefgen --help`", f"{help_s * 1000:.0f} ms", "–", "–", "≤ 100 ms", help_s <= 0.1)
    row("`watch`: spec edit → both files rebuilt", f"{watch['median_s']:.2f} s (max {watch['max_s']:.2f})",
        "–", "–", "≤ 0.5 s", watch["max_s"] <= 0.5)
    if not no_budget:
        with_budget, without, single = b.page_budget()
        row("page budget (`max_pages`, DOCX pages by LibreOffice), per brief in a 10-brief batch",
            f"+{(with_budget - without) * 1000:.0f} ms", "–", "–", "", None)
        row("page budget, one brief alone (LibreOffice start included)", f"{single:.2f} s", "–", "–", "", None)
    return head() + "\n".join(rows), met


def head() -> str:
    return (f"{datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores "
            f"({platform.processor() or platform.machine()}), load {os.getloadavg()[0]:.1f}, "
            f"Python {platform.python_version()}\n\n"
            "| measure | briefgen | pandoc route | ratio | target | |\n|---|---|---|---|---|---|\n")


def cold_table(ours: float, theirs: float) -> tuple[str, list[bool]]:
    """The cold rows alone (``--only cold``): no project of 50 briefs, no other measure."""
    cpu = {k: statistics.median(v) for k, v in CPU.items()}
    ratio = ours / theirs
    rows = [f"| one brief, both formats, cold process | {ours:.2f} s | {theirs:.2f} s | {ratio:.2f}× | ≤ 0.7× | "
            f"{'met' if ratio <= 0.7 else '**not met**'} |",
            f"| … the same, CPU time (user + system) | {cpu['cold-ours']:.2f} s | {cpu['cold-theirs']:.2f} s | "
            f"{cpu['cold-ours'] / cpu['cold-theirs']:.2f}× |  |  |"]
    return head() + "\n".join(rows), [ratio <= 0.7]


if __name__ == "__main__":
    main()
