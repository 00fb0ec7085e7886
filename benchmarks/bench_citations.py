"""Benchmark citation formatting per brief (a script, not a test).

    python benchmarks/bench_citations.py            # 1,000 briefs per style
    python benchmarks/bench_citations.py 200        # other counts

A "brief" here is what a real one asks of the formatter: 12 sources (from the
differential-test battery, tests/data/csl-battery.json), 30 citations in text
(a third of them with two or three sources, a quarter with locators), the notes or
in-text labels they become, and the reference list. It times only formatting
(``compose.citations``: typed items, disambiguation, notes or labels, entries),
not parsing, rendering or file writing, and reports the median and the 95th
percentile per brief for each style, in CPU time of this process (so other
work on a shared machine does not inflate it). The goal is under 5 ms per brief.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from briefgen.compose.citations import STYLES, Citer, Item, get  # noqa: E402
from briefgen.inputs.citation_syntax import Cited  # noqa: E402

BATTERY = json.loads((Path(__file__).resolve().parents[1] / "tests" / "data" / "csl-battery.json").read_text("utf-8"))


def one_brief(style_name: str, rng: random.Random) -> None:
    """Format the citations of one brief of 12 sources and 30 citations."""
    style = get(style_name)
    data = rng.sample(BATTERY, 12)
    items = [Item.from_csl(d) for d in data]
    citer = Citer(style, items)
    in_notes = not style.numeric and "footnotes" in style.placements
    for _ in range(30):
        chosen = rng.sample(items, rng.choice((1, 1, 2, 3)))
        refs = [Cited(i.id, locator=str(rng.randint(1, 300)) if rng.random() < 0.25 else "",
                      label="page") for i in chosen]
        citer.note(refs) if in_notes else citer.in_text(refs)
    citer.references()


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    for name in STYLES:
        rng = random.Random(7)
        times = []
        for _ in range(count):
            start = time.process_time()
            one_brief(name, rng)
            times.append((time.process_time() - start) * 1000)
        times.sort()
        print(f"{name:20} median {statistics.median(times):.2f} ms, p95 {times[int(len(times) * 0.95)]:.2f} ms "
              f"per brief ({count} briefs of 12 sources and 30 citations)")


if __name__ == "__main__":
    main()
