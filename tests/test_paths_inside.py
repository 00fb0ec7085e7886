"""``paths.inside`` compares resolved paths as text: the same answers as comparing them as ``Path`` objects."""

from __future__ import annotations

import os
from pathlib import Path

from briefgen.inputs import paths


def _by_parts(path: Path, roots: list[Path]) -> bool:
    """The comparison ``inside`` made before (``Path`` equality and ``parents``)."""
    resolved = Path(os.path.realpath(path))
    return any(resolved == Path(os.path.realpath(r)) or Path(os.path.realpath(r)) in resolved.parents for r in roots)


def test_inside_answers_as_the_comparison_of_paths(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "ab").mkdir()
    (tmp_path / "a" / "b" / "f.txt").write_text("x")
    (tmp_path / "ab" / "g.txt").write_text("x")
    (tmp_path / "a" / "out").symlink_to(tmp_path / "ab")
    (tmp_path / "a" / "in").symlink_to(tmp_path / "a" / "b")
    (tmp_path / "a" / "broken").symlink_to(tmp_path / "nowhere" / "x")
    candidates = [tmp_path / p for p in ("a", "a/b", "a/b/f.txt", "ab", "ab/g.txt", "a/out", "a/out/g.txt", "a/in/f.txt",
                                        "a/broken", "a/b/../../ab", "a/./b/", "missing/x")] + [Path("/"), tmp_path]
    root_sets = [[tmp_path / "a"], [tmp_path / "a" / "b"], [tmp_path / "ab"], [Path("/")], [tmp_path / "a/"],
                 [tmp_path / "a", tmp_path / "ab"], [tmp_path / "a" / "in"], []]
    checked = 0
    for path in candidates:
        for roots in root_sets:
            assert paths.inside(path, roots) == _by_parts(path, roots), (path, roots)
            checked += 1
    assert checked == len(candidates) * len(root_sets)
    assert paths.inside(tmp_path / "a/b/f.txt", [tmp_path / "a"]) and not paths.inside(tmp_path / "ab/g.txt", [tmp_path / "a"])
