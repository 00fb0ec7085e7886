"""Hostile house styles: every bad value is a positioned error at the style file, never a renderer crash."""

from __future__ import annotations

import pytest

from briefgen.inputs import limits
from hostile import keep_briefs
from test_bad_inputs import BASE, assert_user_error, build

DEFAULT = "page_size: A4\nmargins_mm: [22, 20, 22, 20]\nheading_sizes: [14, 12, 11]\n"

STYLES = [
    ("negative margin", "margins_mm: [22, 20, 22, 20]", "margins_mm: [22, -20, 22, 20]",
      "s.yaml:2:18: margins_mm.1: expected a number of at least 0, found a whole number -20"),
    ("huge margin", "margins_mm: [22, 20, 22, 20]", "margins_mm: [22, 20, 1e308, 20]",
      "s.yaml:2:22: margins_mm.2: expected a number of at most 100, found a number 1e+308"),
    ("NaN margin", "margins_mm: [22, 20, 22, 20]", "margins_mm: [.nan, 20, 22, 20]", "s.yaml:2:14: margins_mm.0: expected a finite number, found a number nan"),
    ("margins leave no room", "margins_mm: [22, 20, 22, 20]", "margins_mm: [22, 80, 22, 80]",
     "s.yaml:2:13: margins_mm: expected margins that leave at least 60 mm for text on a A4 page"),
    ("zero heading size", "heading_sizes: [14, 12, 11]", "heading_sizes: [0, 12, 11]",
      "s.yaml:3:17: heading_sizes.0: expected a number of at least 6, found a whole number 0"),
    ("negative heading size", "heading_sizes: [14, 12, 11]", "heading_sizes: [14, -12, 11]",
      "s.yaml:3:21: heading_sizes.1: expected a number of at least 6, found a whole number -12"),
    ("infinite heading size", "heading_sizes: [14, 12, 11]", "heading_sizes: [14, 12, .inf]",
      "s.yaml:3:25: heading_sizes.2: expected a finite number, found a number inf"),
    ("NaN body size", "page_size: A4", "page_size: A4\nbody_size: .nan", "s.yaml:2:12: body_size:"),
    ("surrogate in header text", "page_size: A4", 'page_size: A4\nheader_text: "\\udc80"',
      "s.yaml:2:14: header_text: invalid YAML: expected Unicode text, found a lone surrogate"),
    ("surrogate in logo name", "page_size: A4", 'page_size: A4\nlogo: "\\ud800.png"', "s.yaml:2:7: logo: invalid YAML: expected Unicode text, found a lone surrogate"),
    ("missing logo", "page_size: A4", 'page_size: A4\nlogo: "nope.png"', "s.yaml:2:7: logo: expected a file next to the style, found no 'nope.png'"),
    ("logo not a PNG", "page_size: A4", 'page_size: A4\nlogo: "s.yaml"', "s.yaml:2:7: logo: expected a PNG image, found another kind of file"),
    ("reference_docx not a DOCX", "page_size: A4", 'page_size: A4\nreference_docx: "s.yaml"', "s.yaml:2:17: reference_docx: expected a DOCX document"),
    ("logo a folder", "page_size: A4", 'page_size: A4\nlogo: "."', "s.yaml:2:7: logo: expected a regular file, found a folder"),
]


@pytest.mark.parametrize("name, old, new, expected", STYLES, ids=[s[0] for s in STYLES])
def test_bad_house_style(project, name, old, new, expected):
    keep_briefs(project)
    assert old in DEFAULT
    (project / "templates" / "styles" / "s.yaml").write_text(DEFAULT.replace(old, new, 1))
    assert_user_error(build(project, BASE + "style: s\n"), expected, project)


def test_a_logo_bomb_is_refused_by_its_header(project, monkeypatch):
    keep_briefs(project)
    header = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + (100_000).to_bytes(4, "big") * 2
    (project / "templates" / "styles" / "bomb.png").write_bytes(header + b"\x00" * 100)
    (project / "templates" / "styles" / "s.yaml").write_text(DEFAULT + 'logo: "bomb.png"\n')
    assert_user_error(build(project, BASE + "style: s\n"), "s.yaml:4:7: logo: expected a logo of at most 25,000,000 pixels, found 100,000 × 100,000", project)
    monkeypatch.setattr(limits, "IMAGE_BYTES", 10)
    assert_user_error(build(project, BASE + "style: s\n"), "s.yaml:4:7: logo: expected a file of at most 10 bytes", project)
