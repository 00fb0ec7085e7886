"""The analytic template (templates/analytic.md.j2) and the conventions that go with it.

The example `briefs/ai-organisation-options.yaml` uses it: both formats are read
back as a reader would, section by section, in the template's order.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pypdf
import pytest
import yaml

from briefgen import pipeline, renderers
from briefgen.inputs import spec
from conftest import ROOT, cli

EXAMPLE = ROOT / "briefs" / "ai-organisation-options.yaml"
SECTIONS = ("Issue", "Bottom line, 20 November 2026", "Background", "Implications", "Options",
            "Option 1: Engage early", "Option 2: Wait", "Option 3: Decline", "Recommendation", "Confidence", "Sources")


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    project = pipeline.Project(ROOT)
    corpus = pipeline.load_corpus(project)
    model = pipeline.document(project, corpus, spec.load_spec(EXAMPLE, corpus.summary, corpus.sources))
    pdf = renderers.get("pdf").render(model).data
    document = docx.Document(io.BytesIO(renderers.get("docx").render(model).data))
    body = document.element.body
    return {
        "pdf": re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)),
        "docx": re.sub(r"\s+", " ", " ".join("".join(t.text or "" for t in p.iter(docx.oxml.ns.qn("w:t")))
                                             for p in body.iter(docx.oxml.ns.qn("w:p")))),
    }


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_analytic_brief_prints_its_sections_in_order(texts, fmt):
    text, position = texts[fmt], texts[fmt].find("Information as of")
    for heading in SECTIONS:  # each after the one before
        position = text.find(heading, position + 1)
        assert position >= 0, f"{heading!r} missing or out of order"


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_every_option_has_its_benefits_costs_and_risks_and_the_confidence_its_level(texts, fmt):
    text = texts[fmt]
    for n in (1, 2, 3):
        option = text[text.find(f"Option {n}:"):]
        option = option[:option.find(f"Option {n + 1}:")] if n < 3 else option[:option.find("Recommendation")]
        assert [option.find(w) >= 0 for w in ("Benefits.", "Costs.", "Risks.")] == [True] * 3, option
    assert "Moderate confidence. The organisation's objectives are listed" in text
    assert "\\," not in text  # a callout title with punctuation prints as written


def test_the_analytic_example_builds_and_checks_strictly(tmp_path):
    assert cli("check", "--strict", "--project", str(ROOT), str(EXAMPLE)).exit_code == 0
    result = cli("build", "--strict", "--project", str(ROOT), "--out", str(tmp_path), str(EXAMPLE))
    assert result.exit_code == 0, result.output
    assert len(pypdf.PdfReader(tmp_path / "ai-organisation-options.pdf").pages) <= 4


def rewrite(project: Path, name: str, **changes: object) -> Path:
    path = project / "briefs" / name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.update(changes)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def warnings(project: Path, path: Path) -> dict[str, str]:
    found = pipeline.check(pipeline.Project(project), [path])
    return {p.code: f"{p.line}:{p.path}: {p.message}" for p in found if p.severity == "warning"}


def test_one_option_is_warned_where_the_template_shows_options(project):
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    path = rewrite(project, EXAMPLE.name, options=data["options"][:1])
    found = warnings(project, path)
    assert "brief.options" in found and "found 1" in found["brief.options"] and "options" in found["brief.options"]
    assert "brief.options" not in warnings(project, rewrite(project, EXAMPLE.name, options=data["options"][:2]))


def test_no_options_are_asked_of_a_template_without_them(project):
    path = rewrite(project, "minister-cross-theme.yaml", options=[])
    assert "brief.options" not in warnings(project, path)
    path = rewrite(project, EXAMPLE.name, options=[])
    assert "found 0" in warnings(project, path)["brief.options"]


def test_a_brief_clearly_over_its_page_budget_is_warned_by_check(project):
    assert "brief.page-budget" not in warnings(project, rewrite(project, "minister-cross-theme.yaml"))
    found = warnings(project, rewrite(project, "minister-cross-theme.yaml", max_pages=1))
    assert "brief.page-budget" in found and "expected at most 1 pages" in found["brief.page-budget"]


def test_an_option_without_its_costs_is_a_positioned_error(project):
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    del data["options"][1]["costs"]
    path = rewrite(project, EXAMPLE.name, options=data["options"])
    result = cli("check", "--project", str(project), str(path))
    assert result.exit_code == 2
    assert re.search(r"ai-organisation-options\.yaml:\d+:\d+: options\.1(\.costs)?: ", result.output), result.output
    assert "costs" in result.output


def test_cited_option_text_is_judged_by_the_support_check(project):
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["options"][0]["benefits"] = "Membership would triple our research budget [@china-ai-org-proposal]."
    path = rewrite(project, EXAMPLE.name, options=data["options"])
    found = [p for p in pipeline.check(pipeline.Project(project), [path]) if "options.0.benefits" in (p.path + p.message)]
    assert found, "a cited sentence in an option must be checked against its source"
