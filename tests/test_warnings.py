"""Warnings are typed records (severity, code), given their spec file once and rendered once, at the CLI."""

from __future__ import annotations

import yaml

from briefgen import pipeline
from briefgen.errors import Problem
from conftest import cli
from test_other_corpus import write_corpus

MISSING_GLYPH = "\U00010000"  # LINEAR B SYLLABLE B008 A: no bundled font has it


def _spec(root, **extra):
    path = root / "briefs" / "water.yaml"
    data = yaml.safe_load(path.read_text())
    data.update(extra)
    path.write_text(yaml.safe_dump(data, allow_unicode=True))
    return path


def test_a_render_warning_is_a_typed_record_with_the_spec_file(tmp_path):
    write_corpus(tmp_path)
    path = _spec(tmp_path, title=f"Water {MISSING_GLYPH}", formats=["pdf"])
    project = pipeline.Project(tmp_path)
    built = pipeline.build_one(project, pipeline.load_corpus(project), path, tmp_path / "out")
    rendered = [w for w in built.warnings if not w.code.startswith(("support.", "sources."))]  # the water corpus' claims paraphrase
    assert [(type(w), w.severity, w.code) for w in rendered] == [(Problem, "warning", "pdf.font")]
    assert rendered[0].file.endswith("water.yaml") and "U+10000" in rendered[0].message


def test_the_cli_prints_each_warning_once_without_a_doubled_prefix_and_strict_fails(tmp_path):
    write_corpus(tmp_path)
    _spec(tmp_path, title=f"Water {MISSING_GLYPH}", formats=["pdf"])
    args = ("build", "--project", str(tmp_path), "--out", str(tmp_path / "out"))
    result = cli(*args)
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stderr.splitlines() if line.startswith("warning:") and "[support." not in line]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("warning: ") and "water.yaml: no font has U+10000" in lines[0] and lines[0].endswith("[pdf.font]")
    assert "pdf: pdf:" not in result.stderr and ": pdf: " not in lines[0]
    for f in (tmp_path / "out").iterdir():
        f.unlink()
    strict = cli(*args, "--strict")
    assert strict.exit_code == 2 and "no font has U+10000" in strict.stderr and "warning:" not in strict.stderr
    assert not any((tmp_path / "out").iterdir()), "--strict writes nothing"
