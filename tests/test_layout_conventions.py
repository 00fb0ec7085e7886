"""Brief conventions in `briefgen check`: warnings at the spec's position, never errors."""

from __future__ import annotations

from pathlib import Path

import yaml

from briefgen import pipeline


def lint(project: Path, **changes: object) -> dict[str, str]:
    path = project / "briefs" / "minister-cross-theme.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.update(changes)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    found = pipeline.check(pipeline.Project(project), [path])
    return {p.code: p.message for p in found if p.code.startswith("brief.") and p.severity == "warning"}


def test_the_examples_keep_the_conventions(project):
    assert lint(project) == {}


def test_a_long_bottom_line_few_key_points_and_a_verbless_recommendation_are_warned(project):
    found = lint(project, bottom_line=" ".join(["word"] * 61) + " [@china-ai-org-proposal]",
                 key_points=["One point [@china-ai-org-proposal]."],
                 recommendations=["The ministry should wait [@china-ai-org-proposal].", "Seek clarity."])
    assert found.keys() == {"brief.bottom-line", "brief.key-points", "brief.recommendation-verb"}
    assert "found 61" in found["brief.bottom-line"] and "found 1" in found["brief.key-points"]
    assert "'The'" in found["brief.recommendation-verb"]


def test_a_link_to_a_figure_the_brief_does_not_draw_is_warned(project):
    found = lint(project, bottom_line="As [](#figure:coverage) shows, one source leads [@china-ai-org-proposal].")
    assert found["brief.figure-link"] == "expected the brief to draw the coverage figure this text refers to, " \
        "found no coverage figure"
    assert lint(project, recommendations=["Seek clarity (see [](#figure:chart))."])["brief.figure-link"] \
        == "expected a link to #figure:coverage or #figure:timeline, found #figure:chart"


def test_a_link_to_a_figure_the_brief_draws_is_not_warned(project):
    found = lint(project, figures=["coverage"],
                 bottom_line="As [](#figure:coverage) shows, one source leads [@china-ai-org-proposal].")
    assert "brief.figure-link" not in found
