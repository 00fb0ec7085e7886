"""A build runs the support check of a brief once, and never reuses it for other inputs."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen import pipeline
from briefgen.inputs import citation_syntax
from briefgen.support import stage


def test_one_support_check_per_build(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []
    original = stage._check_brief

    def counting(brief: object, *args: object) -> object:
        calls.append(brief)
        return original(brief, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(stage, "_check_brief", counting)
    proj = pipeline.Project(project)
    corpus = pipeline.load_corpus(proj)
    spec = sorted((project / "briefs").glob("*.yaml"))[0]
    pipeline.build_one(proj, corpus, spec, tmp_path, ["docx"])
    assert len(calls) == 1
    pipeline.build_one(proj, corpus, spec, tmp_path, ["docx"])  # a new Brief: checked afresh
    assert len(calls) == 2 and calls[0] is not calls[1]
    fresh = pipeline.load_corpus(proj)
    brief = pipeline.spec.load_spec(spec, fresh.summary, fresh.sources)
    pipeline.document(proj, fresh, brief)
    pipeline.document(proj, pipeline.load_corpus(proj), brief)  # another corpus: checked afresh
    assert len(calls) == 4


def test_text_without_at_sign_has_no_citations_or_errors() -> None:
    assert citation_syntax.check("[see p. 3] and [unclosed") == ([], [])
    assert len(citation_syntax.check("[see @a, p. 3] and [@b")[1]) == 1


def test_a_batch_reads_its_corpus_once(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefgen import batch
    loads: list[Path] = []
    original = pipeline.load_corpus

    def counting(proj: pipeline.Project) -> pipeline.Corpus:
        loads.append(proj.root)
        return original(proj)

    monkeypatch.setattr(pipeline, "load_corpus", counting)
    proj = pipeline.Project(project)
    specs = sorted((project / "briefs").glob("*.yaml"))[:3]
    outcomes = batch.build_many(proj, specs, tmp_path, ["docx"], False, 1, lambda o: None)
    assert [o.error for o in outcomes] == ["", "", ""] and len(loads) == 1
