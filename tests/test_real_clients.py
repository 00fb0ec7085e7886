"""Real clients on every example: LibreOffice opens each DOCX, qpdf and pdffonts accept each PDF,
the TLP marking is on every page of both formats, and CJK text is extractable."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from briefgen import pipeline
from briefgen.inputs import spec
from conftest import ROOT
from readback import pdf_pages

SPECS = sorted((ROOT / "briefs").glob("*.yaml"))
needs = lambda tool: pytest.mark.skipif(shutil.which(tool) is None, reason=f"{tool} is not installed")  # noqa: E731


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("out")
    project = pipeline.Project(ROOT)
    corpus = pipeline.load_corpus(project)
    for path in SPECS:
        pipeline.build_one(project, corpus, path, folder, ["docx", "pdf"])
    return folder


@pytest.fixture(scope="module")
def converted(out: Path, tmp_path_factory) -> tuple[Path, str]:
    """Every example DOCX converted to PDF by LibreOffice, in one call."""
    if shutil.which("soffice") is None:
        pytest.skip("soffice is not installed")
    folder = tmp_path_factory.mktemp("lo")
    profile = tmp_path_factory.mktemp("profile")
    run = subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to", "pdf",
                          "--outdir", str(folder), *sorted(str(p) for p in out.glob("*.docx"))],
                         capture_output=True, text=True, timeout=300)
    return folder, run.stderr


def markings() -> dict[str, str]:
    return {p.stem: spec.yamlio.load(p).data.get("marking", "") for p in SPECS}


def test_libreoffice_converts_every_docx_without_error(out, converted):
    folder, stderr = converted
    assert "Error:" not in stderr
    assert sorted(p.stem for p in folder.glob("*.pdf")) == sorted(p.stem for p in SPECS)


def test_marking_on_every_page_of_both_formats(out, converted):
    folder, _ = converted
    for name, marking in markings().items():
        if not marking:
            continue
        for pdf in (out / f"{name}.pdf", folder / f"{name}.pdf"):
            pages = pdf_pages(pdf)
            missing = [i + 1 for i, text in enumerate(pages) if marking not in text]
            assert not missing, f"{pdf}: no {marking} on pages {missing}"


@needs("qpdf")
def test_qpdf_accepts_every_pdf(out):
    for pdf in sorted(out.glob("*.pdf")):
        run = subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True)
        assert run.returncode == 0, run.stdout + run.stderr


@needs("pdffonts")
def test_every_font_is_embedded(out):
    for pdf in sorted(out.glob("*.pdf")):
        lines = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
        assert lines, f"{pdf}: no fonts?"
        for line in lines:
            emb = re.split(r"\s+", line.strip())[-5]
            assert emb == "yes", f"{pdf}: {line}"


def test_cjk_text_is_extractable_from_the_pdf(out):
    text = " ".join(pdf_pages(out / "global-ai-organisation.pdf"))
    assert "李强" in text and "世界人工智能大会" in text


def test_cjk_text_in_the_docx_survives_libreoffice(converted):
    folder, _ = converted
    text = " ".join(pdf_pages(folder / "global-ai-organisation.pdf"))
    assert "李强" in text and "世界人工智能大会" in text
