"""Benchmark `briefgen summarize` on a synthetic corpus (a script, not a test).

    python benchmarks/bench_summarize.py            # 1,000 and 10,000 documents
    python benchmarks/bench_summarize.py 500 2000   # other sizes

For each size it writes a project to a temporary folder: N news-article-length
documents (about 600 words: filler vocabulary, theme vocabulary, and "wire" sentences
that several documents share with small edits and that use more theme words, so
near-duplicate merging has work),
sources/sources.yaml and summary/themes.yaml. It then runs summarize in a fresh
process (one core) and reports documents per second (wall clock, and per second of the
process's own CPU time, which a busy machine disturbs less) and that process's peak
resident memory (``ru_maxrss``), which includes Python and the loaded libraries.
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

THEMES = {
    "drought": "drought reservoir rainfall aquifer shortage rationing irrigation groundwater",
    "tariffs": "tariff import duty customs quota trade dumping retaliation",
    "vaccines": "vaccine immunisation dose clinic outbreak booster pathogen trial",
    "housing": "housing rent mortgage tenant landlord zoning construction eviction",
    "energy": "grid turbine solar battery pipeline emissions electricity refinery",
}
SYLLABLES = "ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu ra re ri ro ru sa se si so su ta te ti to tu".split()
GLUE = "the a of and to in on for with that by from as at".split()


def vocabulary(rng: random.Random, size: int = 3000) -> list[str]:
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def sentence(rng: random.Random, filler: list[str], theme: str | None, density: float = 0.2) -> str:
    words = []
    for _ in range(rng.randint(12, 24)):
        roll = rng.random()
        if theme and roll < density:
            words.append(rng.choice(THEMES[theme].split()))
        elif roll < 0.5:
            words.append(rng.choice(GLUE))
        else:
            words.append(rng.choice(filler))
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def document(rng: random.Random, filler: list[str], wire: list[str]) -> str:
    theme = rng.choice(sorted(THEMES))
    paragraphs, words = [], 0
    while words < 600:
        chosen = [sentence(rng, filler, theme if rng.random() < 0.6 else None) for _ in range(rng.randint(2, 4))]
        if rng.random() < 0.15:
            shared = rng.choice(wire).split()
            shared[rng.randrange(len(shared))] = rng.choice(filler)  # a small edit
            chosen.append(" ".join(shared))
        paragraphs.append(" ".join(chosen))
        words += sum(len(s.split()) for s in chosen)
    return "Headline " + " ".join(rng.sample(filler, 5)) + "\n\n" + "\n\n".join(paragraphs) + "\n"


def make_project(root: Path, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    filler = vocabulary(rng)
    wire = [sentence(rng, filler, theme, density=0.35) for theme in sorted(THEMES) for _ in range(20)]
    (root / "sources").mkdir(parents=True)
    (root / "summary").mkdir()
    entries = []
    for i in range(count):
        name = f"doc{i:05d}.txt"
        (root / "sources" / name).write_text(document(rng, filler, wire), encoding="utf-8")
        entries.append(f'- id: "doc{i:05d}"\n  type: "article-newspaper"\n  title: "Document {i}"\n  file: "{name}"\n')
    (root / "sources" / "sources.yaml").write_text("".join(entries), encoding="utf-8")
    themes = [f'  - id: "{t}"\n    title: "{t.capitalize()}"\n    terms: [{", ".join(THEMES[t].split()[:4])}]\n' for t in sorted(THEMES)]
    (root / "summary" / "themes.yaml").write_text("themes:\n" + "".join(themes), encoding="utf-8")


def run(root: Path) -> dict[str, float]:
    """Summarize the project at ``root`` (in this process) and return timings and peak memory."""
    from briefgen import pipeline
    from briefgen.drafting import summarize
    started, cpu = time.perf_counter(), time.process_time()
    report = pipeline.summarize(pipeline.Project(root))
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    documents = sum(1 for p in (root / "sources").glob("*.txt"))
    evidence = report.added and sum(len(c.evidence) for c in _claims(root))
    return {"documents": documents, "seconds": round(seconds, 2), "documents_per_second": round(documents / seconds, 1),
            "cpu_seconds": round(cpu, 2), "documents_per_cpu_second": round(documents / cpu, 1),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "claims_added": report.added, "evidence": evidence, "problems": len(report.problems)}


def _claims(root: Path) -> list:
    from briefgen.inputs import summary
    from briefgen.inputs.sources import load_sources
    return list(summary.load_summary(root / "summary", load_sources(root / "sources")).claims.values())


def main(sizes: list[int]) -> None:
    for size in sizes:
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            make_project(root, size)
            result = subprocess.run([sys.executable, __file__, "--run", str(root)], capture_output=True, text=True, check=True)
            print(json.dumps(json.loads(result.stdout)), flush=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--run"]:
        print(json.dumps(run(Path(sys.argv[2]))))
    else:
        main([int(a) for a in sys.argv[1:]] or [1000, 10_000])
