"""Benchmark: the support check's cost per brief on a project (default: the seed project).

    python benchmarks/bench_support.py [PROJECT] [--repeat N]

Times, per brief, what `check` and `build` add: the corpus check (every claim
against its quotes, every source's metadata) shared by the briefs, plus each
brief's own sentences and time words. Caches are cleared before each round, so
every round is a cold run (the data tables, read once per process, stay loaded:
the first round's figure includes reading them). CPU time (process_time) is the figure: the machine is shared.
Goal: under 50 ms per brief on the seed project.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

from briefgen import pipeline
from briefgen.inputs import spec
from briefgen.support import aliases, freetext, match, referents, stage
from briefgen.text import frames, moby, thesaurus, vectors, words


def _clear() -> None:
    for cached in (match.passage_keys, match.lone_names, freetext.source_passages, words.stem, words._words, words.canonical,
                   words._canonical, words._joined, frames.frame_words, frames.compounds,
                   thesaurus._lemma, thesaurus._entries, thesaurus.senses, thesaurus.reach, thesaurus._pooled,
                   aliases.definitions, aliases.spelled, aliases._acronyms, referents._referents, words.phrase_parts,
                   thesaurus.lemmas, vectors.vector, moby._related, moby._indices, words._tokens, thesaurus.is_verb,
                   *(getattr(thesaurus, n) for n in ("parts", "polysemy") if hasattr(thesaurus, n))):
        cached.cache_clear()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("project", nargs="?", default=".")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    project = pipeline.Project(Path(args.project))
    corpus = pipeline.load_corpus(project)
    for source in corpus.sources.values():
        _ = source.text  # reading files is the loader's cost, not the check's
    briefs = [spec.load_spec(p, corpus.summary, corpus.sources) for p in project.specs()]
    rounds, cpu = [], []
    for _ in range(args.repeat):
        _clear()
        start, start_cpu = time.perf_counter(), time.process_time()
        checked = stage.check_corpus(corpus.summary, corpus.sources)
        for brief in briefs:
            stage.check_brief(brief, corpus.summary, corpus.sources, checked)
        cpu.append((time.process_time() - start_cpu) / len(briefs))
        rounds.append((time.perf_counter() - start) / len(briefs))
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{len(briefs)} briefs, {len(corpus.summary.claims)} claims, {len(corpus.sources)} sources: "
          f"support check {statistics.median(cpu) * 1000:.1f} ms CPU per brief (median of {args.repeat} cold rounds; "
          f"min {min(cpu) * 1000:.1f} ms; first round, data tables read, {cpu[0] * 1000:.1f} ms); "
          f"wall {statistics.median(rounds) * 1000:.1f} ms at load average {load:.1f}")


if __name__ == "__main__":
    main()
