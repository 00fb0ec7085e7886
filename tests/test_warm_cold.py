"""A process that already built other briefs writes the same bytes as a fresh one.

The renderers keep per-process state to be fast (the styled DOCX base, style ids,
fonts, imported libraries); this checks that none of it leaks from one brief into
the next. The other briefs differ in house style, marking, language and draft flag,
so a cache keyed too coarsely would hand the last brief the wrong base.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from briefgen import pipeline


def _cold(project: Path, spec: Path, out: Path) -> None:
    """Build ``spec`` in a fresh interpreter."""
    subprocess.run([sys.executable, "-m", "briefgen", "build", "-p", str(project), "-o", str(out),
                    "-f", "docx", "-f", "pdf", str(spec)], check=True, capture_output=True)


def test_warm_build_writes_the_cold_bytes(project: Path, tmp_path: Path) -> None:
    specs = sorted((project / "briefs").glob("*.yaml"))
    texts = {s: s.read_text() for s in specs}
    targets = [next(s for s in specs if "TLP:AMBER" in texts[s]), next(s for s in specs if "draft: true" in texts[s])]
    assert 'style: "plain"' in texts[targets[1]] and "TLP:GREEN" in texts[specs[0]]
    cold = tmp_path / "cold"
    for target in targets:  # each in a fresh process
        _cold(project, target, cold)

    proj = pipeline.Project(project)
    corpus = pipeline.load_corpus(proj)
    warm = tmp_path / "warm"
    for spec in (*specs, *reversed(specs)):  # each target after briefs of another look
        pipeline.build_one(proj, corpus, spec, warm, ["docx", "pdf"])

    names = sorted(p.name for p in cold.iterdir())
    assert len(names) == 4
    assert [n for n in names if (warm / n).read_bytes() != (cold / n).read_bytes()] == []
