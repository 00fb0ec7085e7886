"""Layout checks on every example brief, read back as a reader (or Word) would.

* Every DOCX passes an OOXML validator (openxml-audit: schema + semantic rules) with 0 errors.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openxml_audit import OpenXmlValidator

from briefgen import pipeline
from conftest import ROOT

SPECS = sorted((ROOT / "briefs").glob("*.yaml"))


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("out")
    project = pipeline.Project(ROOT)
    corpus = pipeline.load_corpus(project)
    for path in SPECS:
        pipeline.build_one(project, corpus, path, folder, ["docx", "pdf"])
    return folder


@pytest.mark.parametrize("name", [p.stem for p in SPECS])
def test_every_docx_is_schema_clean(out, name):
    validator = OpenXmlValidator()
    result = validator.validate(str(out / f"{name}.docx"))
    assert result.error_count == 0, "\n".join(str(e) for e in result.errors)
