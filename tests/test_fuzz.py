"""Fuzzed spec, summary, sources and house-style files never crash briefgen: a CI budget of the fuzzer.

The long run is ``python benchmarks/fuzz.py``; both use tests/fuzzing.py.
Set BRIEFGEN_FUZZ_EXAMPLES for a bigger run here.
"""

from __future__ import annotations

import os
import random
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import fuzzing

ROOT = fuzzing.project(Path(tempfile.mkdtemp(prefix="briefgen-fuzz-")))


@settings(max_examples=int(os.environ.get("BRIEFGEN_FUZZ_EXAMPLES", "60")), deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow], database=None)
@given(st.randoms(use_true_random=False))
def test_fuzzed_inputs_give_a_user_error_or_a_brief(rng: random.Random) -> None:
    kind, files = fuzzing.generate(rng, ROOT)
    assert fuzzing.run(ROOT, files, render=rng.random() < 0.05) in ("ok", "user error")


def test_the_fuzzer_reaches_every_kind_and_both_outcomes() -> None:
    """The generator is not vacuous: each kind of file is fuzzed, and runs both fail and succeed."""
    rng, seen = random.Random(1), set()
    for _ in range(60):
        kind, files = fuzzing.generate(rng, ROOT)
        seen.add(kind)
        seen.add(fuzzing.run(ROOT, files, render=False))
    assert seen >= {"spec", "summary", "sources", "style", "ok", "user error"}, seen
