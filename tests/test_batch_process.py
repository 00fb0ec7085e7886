"""A batch leaves its process as it found it, and a process that builds again (``watch``) reads edited inputs."""

from __future__ import annotations

import gc
import os
import weakref
from pathlib import Path

import pypdf
import pytest

from briefgen import batch, pipeline
from readback import flat


def _build(project: Path, out: Path, spec: Path) -> str:
    outcomes = batch.build_many(pipeline.Project(project), [spec], out, ["pdf"], False, 1, lambda o: None)
    assert not outcomes[0].error, outcomes[0].error
    return flat(" ".join(page.extract_text() for page in pypdf.PdfReader(out / (spec.stem + ".pdf")).pages))


def test_an_edited_labels_file_is_read_again_in_the_same_process(project: Path, tmp_path: Path) -> None:
    spec = project / "briefs" / "global-ai-organisation.yaml"
    labels = project / "templates" / "locales" / "labels.yaml"
    assert "Key points" in _build(project, tmp_path / "a", spec)
    text = labels.read_text()
    labels.write_text(text.replace("  key_points: Key points", "  key_points: Main points", 1))
    stat = labels.stat()
    os.utime(labels, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))  # a later time, as an editor's save gives
    again = _build(project, tmp_path / "b", spec)
    assert "Main points" in again and "Key points" not in again


def test_a_batch_puts_the_cycle_collector_back(project: Path, tmp_path: Path) -> None:
    before = gc.get_threshold(), gc.get_freeze_count()
    seen: list[tuple[tuple[int, int, int], int]] = []
    specs = sorted((project / "briefs").glob("*.yaml"))[:2]
    batch.build_many(pipeline.Project(project), specs, tmp_path, ["pdf"], False, 1,
                     lambda o: seen.append((gc.get_threshold(), gc.get_freeze_count())))
    assert all(t == batch.THRESHOLDS and frozen > 0 for t, frozen in seen)  # in force while building
    assert (gc.get_threshold(), gc.get_freeze_count()) == before


def test_a_batch_frees_each_briefs_cycles_before_the_next_brief(project: Path, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker's memory stays flat: what a brief left in reference cycles is freed before the next brief,
    not whenever the collector's thresholds next come round."""
    left: list[weakref.ref[object]] = []
    build_one = pipeline.build_one

    class Node:
        me: object

    def building(*args: object, **kwargs: object) -> pipeline.Built:
        assert all(ref() is None for ref in left), "a brief's cycle outlived it"
        node = Node()
        node.me = node  # garbage in a cycle once this brief is built
        left.append(weakref.ref(node))
        return build_one(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "build_one", building)
    specs = sorted((project / "briefs").glob("*.yaml"))[:3]
    outcomes = batch.build_many(pipeline.Project(project), specs, tmp_path, ["pdf"], False, 1, lambda o: None)
    assert [o.error for o in outcomes] == ["", "", ""]
    assert len(left) == 3 and left[-1]() is None


def test_before_forking_a_batch_makes_what_each_process_makes_once(project: Path, tmp_path: Path) -> None:
    """``batch._warm`` makes the first spec's model and styled bases in the parent (the workers
    inherit them): the DOCX base is kept, nothing is written, and a spec that fails is left to its build."""
    from briefgen.renderers.docx import styles as docx_styles

    specs = sorted((project / "briefs").glob("*.yaml"))
    proj = pipeline.Project(project)
    corpus = pipeline.load_corpus(proj)
    docx_styles._BASES.clear()
    batch._warm(proj, specs[0], corpus, ["docx", "pdf"])
    assert docx_styles._BASES  # the first spec's styled base, ready to inherit
    assert not (project / "out").exists() and list(tmp_path.glob("**/*.docx")) == []
    broken = project / "briefs" / "broken.yaml"
    broken.write_text("title: [\n")
    batch._warm(proj, broken, corpus, ["docx"])  # its problem is not raised here
    outcomes = batch.build_many(proj, [broken, specs[0]], tmp_path / "out", ["docx"], False, 2, lambda o: None)
    assert "invalid YAML" in outcomes[0].error and outcomes[0].exit_code == 2
    assert not outcomes[1].error and (tmp_path / "out" / (specs[0].stem + ".docx")).exists()
