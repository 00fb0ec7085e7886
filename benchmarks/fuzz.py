"""The long fuzz run: mutated specs, summaries, sources metadata and house styles, counted.

    python benchmarks/fuzz.py [--runs 100000] [--seconds 0] [--seed 0] [--render-every 50]

Prints the runs, outcomes and crashes (any exception other than a BriefgenError),
grouped by cause (exception type and the line that raised it), with the first
input of each cause written to fuzz-crashes/. The goal is 0 crashes in 100,000 runs.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
import fuzzing  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=0, help="stop after this long (0: no limit)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--render-every", type=int, default=50, help="also render DOCX and PDF every Nth run (0: never)")
    args = parser.parse_args()
    root = fuzzing.project(Path(tempfile.mkdtemp(prefix="briefgen-fuzz-")))
    out = Path("fuzz-crashes")
    outcomes, kinds, causes = Counter(), Counter(), Counter()
    slowest, start, runs = 0.0, time.monotonic(), 0
    for runs in range(1, args.runs + 1):
        rng = random.Random(f"{args.seed}:{runs}")
        kind, files = fuzzing.generate(rng, root)
        kinds[kind] += 1
        began = time.monotonic()
        try:
            outcomes[fuzzing.run(root, files, render=bool(args.render_every) and runs % args.render_every == 0)] += 1
        except Exception as exc:  # a crash: counted and kept
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            cause = f"{type(exc).__name__} at {Path(frame.filename).name}:{frame.lineno}"
            if cause not in causes:
                out.mkdir(exist_ok=True)
                (out / f"crash-{len(causes) + 1}.yaml").write_text(f"# {cause}: {exc}\n# seed {args.seed}:{runs}\n" + fuzzing.dump(files))
            causes[cause] += 1
            outcomes["crash"] += 1
        slowest = max(slowest, time.monotonic() - began)
        if runs % 1000 == 0:
            print(f"{runs:,} runs, {outcomes['crash']} crashes, {time.monotonic() - start:.0f} s", flush=True)
        if args.seconds and time.monotonic() - start > args.seconds:
            break
    elapsed = time.monotonic() - start
    print(f"runs: {runs:,} in {elapsed:.0f} s ({runs / elapsed:.1f}/s); slowest run {slowest:.2f} s")
    print("files fuzzed: " + ", ".join(f"{k} {n:,}" for k, n in sorted(kinds.items())))
    print("outcomes: " + ", ".join(f"{k} {n:,}" for k, n in sorted(outcomes.items())))
    print(f"crashes: {outcomes['crash']:,} ({len(causes)} distinct causes)")
    for cause, count in causes.most_common():
        print(f"  {count:6,}  {cause}")
    return 1 if outcomes["crash"] else 0


if __name__ == "__main__":
    sys.exit(main())
