"""Free text that cites a claim (``[@claim:ID]``) prints that claim's sources, in both formats."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from briefgen import pipeline
from conftest import ROOT
from readback import docx_footnotes


def test_a_claim_citation_prints_the_claims_sources(tmp_path: Path) -> None:
    for folder in ("sources", "summary"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    (tmp_path / "briefs").mkdir()
    theme = yaml.safe_load((ROOT / "summary" / "summary.yaml").read_text())["themes"][0]
    claim = theme["claims"][0]
    spec = tmp_path / "briefs" / "cites-claim.yaml"
    spec.write_text(yaml.safe_dump({"title": "T", "bottom_line": f"{claim['text']} [@claim:{claim['id']}]",
                                    "formats": ["docx"]}))
    project = pipeline.Project(tmp_path)
    corpus = pipeline.load_corpus(project)
    built = pipeline.build_one(project, corpus, spec, tmp_path / "out")
    notes = docx_footnotes(tmp_path / "out" / "cites-claim.docx")
    cited = {e["source"] for e in claim["evidence"]}
    shorts = {corpus.sources[s].short for s in cited}
    assert built.files and notes, "the claim citation became no note"
    assert any(short in " ".join(notes.values()) for short in shorts), (notes, shorts)
