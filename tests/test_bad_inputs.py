"""A battery of bad inputs: each gets one positioned message, exit code 2, no traceback, no file."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import cli

BASE = """\
title: "T"
date: "2026-01-01"
marking: "TLP:GREEN"
formats: [docx, pdf]
citations:
  style: chicago-notes
  placement: footnotes
key_points:
  - "Point [@li-qiang-vision]."
sections:
  - heading: "S"
    themes: [global-ai-organisation]
    limit: 2
"""

# (name, old text, new text, expected message)
SPEC_CASES = [
    ("unknown key", "sections:", "sectons:", "t.yaml:10:1: sectons: unknown key 'sectons' (did you mean 'sections'?)"),
    ("unknown nested key", "  style: chicago-notes", "  styel: chicago-notes", "t.yaml:6:3: citations.styel: unknown key 'styel' (did you mean 'style'?)"),
    ("unknown theme", "[global-ai-organisation]", "[global-ai-organization]",
     "t.yaml:12:14: sections.0.themes.0: expected a theme id, found 'global-ai-organization' (did you mean 'global-ai-organisation'?)"),
    ("unknown claim", "    limit: 2", "    claims: [no-such-claim]", "t.yaml:13:14: sections.0.claims.0: expected a claim id, found 'no-such-claim'"),
    ("unknown source", "[@li-qiang-vision]", "[@li-qiang-visio]",
     "t.yaml:9:12: key_points.0: expected a source id after '@', found 'li-qiang-visio' (did you mean 'li-qiang-vision'?)"),
    ("bad marking", '"TLP:GREEN"', '"TLP:GREN"', "t.yaml:3:10: marking: expected one of"),
    ("marking hint", '"TLP:GREEN"', '"TLP:GREN"', "found a string 'TLP:GREN' (did you mean 'TLP:GREEN'?)"),
    ("bad format", "[docx, pdf]", "[docx, pfd]", "t.yaml:4:17: formats.1: expected one of 'docx', 'pdf' or 'pdfua', found a string 'pfd' (did you mean 'pdf'?)"),
    ("bad style", "style: chicago-notes", "style: chicago", "t.yaml:6:10: citations.style: expected one of"),
    ("bad placement", "placement: footnotes", "placement: footnote", "(did you mean 'footnotes'?)"),
    ("zero limit", "limit: 2", "limit: 0", "t.yaml:13:12: sections.0.limit: expected a number of at least 1, found a whole number 0"),
    ("word limit", "limit: 2", "limit: two", "t.yaml:13:12: sections.0.limit: expected a whole number, found a string 'two'"),
    ("missing title", 'title: "T"\n', "", "t.yaml:1:1: expected the key 'title', found nothing (add it)"),
    ("number title", 'title: "T"', "title: 12", "t.yaml:1:8: title: expected a string, found a whole number 12 (put it in quotes)"),
    ("version-like lang", 'date: "2026-01-01"', 'date: "2026-01-01"\nlang: 1.10', "t.yaml:3:7: lang: expected a string, found a number 1.1 (put it in quotes)"),
    ("yes is not a boolean", 'date: "2026-01-01"', 'date: "2026-01-01"\ntoc: yes', "t.yaml:3:6: toc: expected true or false, found a string 'yes'"),
    ("duplicate key", 'date: "2026-01-01"', 'date: "2026-01-01"\ntitle: "U"', "t.yaml:3:1: title: duplicate key (first at line 1)"),
    ("alias", 'title: "T"', 'title: &t "T"\nsubtitle: *t', "t.yaml:1:8: invalid YAML: anchors and aliases (&name, *name) are not allowed"),
    ("syntax error", "formats: [docx, pdf]", "formats: [docx, pdf", "t.yaml:5:10: invalid YAML"),
    ("tab indentation", "    limit: 2", "\tlimit: 2", "t.yaml:13:1: invalid YAML"),
    ("sections not a list", "sections:\n  - heading: \"S\"\n    themes: [global-ai-organisation]\n    limit: 2\n", "sections: \"all\"\n",
     "t.yaml:10:11: sections: expected a list, found a string 'all'"),
    ("section without heading", '  - heading: "S"\n    themes', "  - themes", "t.yaml:11:5: sections.0: expected the key 'heading', found nothing"),
    ("unknown house style", 'title: "T"', 'title: "T"\nstyle: fancy', "t.yaml:2:8: style: expected a house style (default, plain), found 'fancy'"),
    ("missing template", 'title: "T"', 'title: "T"\ntemplate: nope.j2', "t.yaml:2:11: template: expected a template in"),
    ("bad page size", 'title: "T"', 'title: "T"\npage_size: A5', "t.yaml:2:12: page_size: expected one of 'A4' or 'Letter', found a string 'A5'"),
    ("max_pages negative", 'title: "T"', 'title: "T"\nmax_pages: -1', "t.yaml:2:12: max_pages: expected a number of at least 1"),
    ("unknown figure", 'title: "T"', 'title: "T"\nfigures: [pie]', "t.yaml:2:11: figures.0: expected one of 'coverage' or 'timeline', found a string 'pie'"),
    ("list instead of mapping", BASE, "- a\n- b\n", "t.yaml:1:1: expected a mapping of spec keys (title, sections, …), found list"),
    ("empty file", BASE, "", "t.yaml:1:1: expected a mapping of spec keys (title, sections, …), found NoneType"),
    ("citations not a mapping", "citations:\n  style: chicago-notes\n  placement: footnotes\n", "citations: apa\n",
     "t.yaml:5:12: citations: expected a mapping, found a string 'apa'"),
    ("since not a string", "    limit: 2", "    since: 2025", "t.yaml:13:12: sections.0.since: expected a string, found a whole number 2025 (put it in quotes)"),
    ("include unknown source", "    limit: 2", "    include_sources: [nobody]", "t.yaml:13:23: sections.0.include_sources.0: expected a source id, found 'nobody'"),
    # issue #15: inputs that were internal errors (exit 1) or silently wrong
    ("month 13", '"2026-01-01"', '"2026-13-01"', "t.yaml:2:7: date: expected an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), found '2026-13-01', a month that does not exist"),
    ("month 0", '"2026-01-01"', '"2026-00-05"', "t.yaml:2:7: date: expected an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), found '2026-00-05'"),
    ("February 30", '"2026-01-01"', '"2026-02-30"', "t.yaml:2:7: date: expected an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), found '2026-02-30', a day"),
    ("since not a date", "    limit: 2", '    since: "not-a-date"',
      "t.yaml:13:12: sections.0.since: expected an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), found 'not-a-date'"),
    ("until month 13", "    limit: 2", '    until: "2025-13"', "t.yaml:13:12: sections.0.until: expected an ISO date"),
    ("long title", 'title: "T"', 'title: "' + "T" * 256 + '"', "t.yaml:1:8: title: expected at most 255 characters (the document properties' limit), found 256"),
    ("long subtitle", 'title: "T"', 'title: "T"\nsubtitle: "' + "S" * 300 + '"', "t.yaml:2:11: subtitle: expected at most 255 characters"),
    ("long author", 'title: "T"', 'title: "T"\nauthor: ["' + "A" * 200 + '", "' + "B" * 200 + '"]', "t.yaml:2:9: author: expected at most 255 characters"),
    ("long keywords", 'title: "T"', 'title: "T"\nkeywords: ["' + "k" * 250 + '"]',
      "t.yaml:2:11: keywords: expected at most 255 characters (the document properties' limit), found 261"),
    ("long lang", 'title: "T"', 'title: "T"\nlang: "' + "x" * 300 + '"', "t.yaml:2:7: lang: expected at most 255 characters"),
    ("max_pages 5000 digits", 'title: "T"', 'title: "T"\nmax_pages: ' + "9" * 5000,
      "t.yaml:2:12: max_pages: invalid YAML: expected a valid int, found '5,000 characters'"),
    ("!!int abc", 'title: "T"', 'title: "T"\nmax_pages: !!int abc', "t.yaml:2:12: max_pages: invalid YAML: expected a valid int, found 'abc'"),
    ("!!float abc", 'title: "T"', 'title: "T"\nmax_pages: !!float abc', "t.yaml:2:12: max_pages: invalid YAML: expected a valid float, found 'abc'"),
    ("!!timestamp abc", 'title: "T"', 'title: "T"\nsubtitle: !!timestamp abc', "t.yaml:2:11: subtitle: invalid YAML: expected a valid timestamp"),
    ("python tag", 'title: "T"', 'title: !!python/object:os.system "T"', "t.yaml:1:8: title: invalid YAML: could not determine a constructor"),
    ("unknown key with a bracket", 'title: "T"', 'title: "T"\na[0]: 1', "t.yaml:2:1: a[0]: unknown key 'a[0]'"),
    ("unknown nested key with a bracket", "    limit: 2", "    x[str]: 1", "t.yaml:13:5: sections.0.x[str]: unknown key 'x[str]'"),
    ("deep nesting", 'title: "T"', 'title: "T"\nkeywords: ' + "[" * 3000 + "]" * 3000, "t.yaml:2:74: invalid YAML: lists and mappings nested more than 64 deep"),
    ("deep block nesting", 'title: "T"', 'title: "T"\nx:\n' + "".join(" " * i + "- \n" for i in range(0, 140, 2)),
      "invalid YAML: lists and mappings nested more than 64 deep"),
    ("lone surrogate", 'title: "T"', 'title: "\\ud83d"', "t.yaml:1:8: title: invalid YAML: expected Unicode text, found a lone surrogate"),
    ("toc with words", "    limit: 2", '    text: "::: toc abc"', "t.yaml:13:11: sections.0.text: expected '::: toc' with a depth of 1, 2 or 3, found '::: toc abc'"),
    ("unknown figure directive", "    limit: 2", '    text: "::: figure pie"', "t.yaml:13:11: sections.0.text: expected '::: figure' with one of coverage, timeline"),
    ("unknown directive", "    limit: 2", '    text: "::: nope"',
      "t.yaml:13:11: sections.0.text: expected a directive (callout, toc, figure, annex, notes or references)"),
    ("3000 nested lists", 'title: "T"', 'title: "T"\nbottom_line: "' + "* " * 3000 + 'x"',
     "t.yaml:2:14: bottom_line: expected emphasis, lists and block quotes nested at most 16 deep"),
    ("3000 nested emphasis", 'title: "T"', 'title: "T"\nbottom_line: "' + "*" * 3000 + "x" + "*" * 3000 + '"',
     "t.yaml:2:14: bottom_line: expected emphasis, lists and block quotes nested at most 16 deep, found 1501 levels"),
    ("5000 nested quotes", 'title: "T"', 'title: "T"\nbottom_line: "' + "> " * 5000 + 'x"',
     "t.yaml:2:14: bottom_line: expected emphasis, lists and block quotes nested at most 16 deep"),
    ("nested lists in a key point", "Point [@li-qiang-vision].", "* " * 40 + "x",
     "t.yaml:9:5: key_points.0: expected emphasis, lists and block quotes nested at most 16 deep"),
    ("60-column table", "    limit: 2", "    text: |\n      " + "|c" * 60 + "|\n      " + "|-" * 60 + "|\n      " + "|x" * 60 + "|",
     "t.yaml:13:11: sections.0.text: expected a table of at most 20 columns, found more"),
    ("surrogate in a key", 'title: "T"', 'title: "T"\n"\\udc00": 1', "t.yaml:2:1: invalid YAML: expected Unicode text, found a lone surrogate"),
]


def build(project: Path, spec_text: str | bytes, name: str = "t.yaml"):
    path = project / "briefs" / name
    path.write_bytes(spec_text if isinstance(spec_text, bytes) else spec_text.encode())
    return cli("build", str(path), "--project", str(project), "--out", str(project / "out"))


def assert_user_error(result, expected: str, project: Path) -> None:
    assert result.exit_code == 2, result.output
    assert expected in result.stderr, result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert not (project / "out").exists() or not any((project / "out").iterdir())


@pytest.mark.parametrize("name, old, new, expected", SPEC_CASES, ids=[c[0] for c in SPEC_CASES])
def test_bad_spec(project, name, old, new, expected):
    assert old in BASE
    result = build(project, BASE.replace(old, new, 1))
    assert_user_error(result, expected, project)


def test_a_callout_line_in_a_recommendation_is_text(project):
    result = build(project, BASE + 'recommendations:\n  - "::: callout"\n  - "::: toc abc"\n')
    assert result.exit_code == 0, result.stderr


def test_base_spec_builds(project):
    result = build(project, BASE)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (project / "out").iterdir()) == ["t.docx", "t.pdf"]


def test_all_errors_of_a_file_at_once(project):
    result = build(project, BASE.replace("sections:", "sectons:").replace('"TLP:GREEN"', '"TLP:GREN"'))
    assert_user_error(result, "t.yaml:3:10: marking: expected one of", project)
    assert "t.yaml:10:1: sectons: unknown key" in result.stderr


def test_undecodable_spec(project):
    assert_user_error(build(project, b'title: "caf\xe9"\n'), "t.yaml:1:12: expected UTF-8 text, found the byte 0xe9", project)


def test_missing_spec_file(project):
    result = cli("build", str(project / "briefs" / "nope.yaml"), "--project", str(project), "--out", str(project / "out"))
    assert_user_error(result, "nope.yaml: expected a spec file, found none", project)
    assert "with no spec named, `briefgen build` takes every briefs/*.yaml" in result.stderr


def test_a_folder_without_specs(project):
    (project / "empty").mkdir()
    result = cli("build", str(project / "empty"), "--project", str(project), "--out", str(project / "out"))
    assert_user_error(result, "empty: expected brief specs (*.yaml), found none", project)


def test_a_folder_of_specs_builds_each(project):
    """`briefgen build briefs/` is what a new analyst types: it builds every spec in the folder."""
    keep = sorted((project / "briefs").glob("*.yaml"))[:2]
    for spec in (project / "briefs").glob("*.yaml"):
        if spec not in keep:
            spec.unlink()
    result = cli("build", str(project / "briefs"), "--format", "pdf", "--project", str(project), "--out", str(project / "out"))
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (project / "out").glob("*.pdf")) == [spec.stem + ".pdf" for spec in keep]


def test_unknown_format_option(project):
    result = cli("build", "--format", "xls", "--project", str(project), "--out", str(project / "out"))
    assert_user_error(result, "--format: expected one of docx, pdf, pdfua, found 'xls'", project)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_changed_quote_is_caught_by_check_with_file_line_and_closest_passage(project):
    summary = project / "summary" / "summary.yaml"
    text = summary.read_text(encoding="utf-8")
    quote_line = next(i for i, line in enumerate(text.splitlines(), 1) if "quote:" in line)
    line = text.splitlines()[quote_line - 1]
    changed = line[:-3] + ("X" if line[-3] != "X" else "Y") + line[-2:]
    summary.write_text(text.replace(line, changed, 1), encoding="utf-8")
    result = cli("check", "--project", str(project))
    assert result.exit_code == 2
    assert f"summary.yaml:{quote_line}:" in result.stderr
    assert "expected a verbatim passage of" in result.stderr and "differs at the caret" in result.stderr
    assert "^ first difference" in result.stderr and "“" not in result.stderr.split("quote:")[1].split("\n")[0]
    assert "Traceback" not in result.stderr


def test_unknown_evidence_source(project):
    edit(project / "summary" / "summary.yaml", "source: \"li-qiang-vision\"", "source: \"li-qiang-visions\"")
    result = cli("check", "--project", str(project))
    assert result.exit_code == 2 and "expected a source id, found 'li-qiang-visions' (did you mean 'li-qiang-vision'?)" in result.stderr


def test_duplicate_claim_id(project):
    summary = project / "summary" / "summary.yaml"
    text = summary.read_text(encoding="utf-8")
    first = text.split("      - id: ")[1].split("\n")[0]
    second = text.split("      - id: ")[2].split("\n")[0]
    summary.write_text(text.replace("      - id: " + second, "      - id: " + first, 1), encoding="utf-8")
    result = cli("check", "--project", str(project))
    assert result.exit_code == 2 and f"duplicate claim id {first.strip(chr(34))!r}" in result.stderr


def test_source_document_missing(project):
    (project / "sources" / "001_cd5654926ef64e6d.txt").unlink()
    result = cli("check", "--project", str(project))
    assert result.exit_code == 2 and "file: expected a document in" in result.stderr


def test_source_date_not_iso(project):
    edit(project / "sources" / "sources.yaml", 'issued: "2023-07"', 'issued: "July 2023"')
    result = cli("sources", "--project", str(project))
    assert result.exit_code == 2 and "issued: expected an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), found 'July 2023'" in result.stderr


def test_source_type_typo(project):
    edit(project / "sources" / "sources.yaml", "type: \"webpage\"", "type: \"webpag\"")
    result = cli("sources", "--project", str(project))
    assert result.exit_code == 2 and "(did you mean 'webpage'?)" in result.stderr


def test_template_missing_variable_names_template_and_line(project):
    (project / "templates" / "broken.j2").write_text("# {{ brief.title }}\n\n{{ brief.nonexistent }}\n")
    result = build(project, BASE + "template: broken.j2\n")
    assert_user_error(result, "broken.j2:3:1: template error: 'dict object' has no attribute 'nonexistent'", project)


def test_template_cannot_escape_the_sandbox(project):
    (project / "templates" / "evil.j2").write_text("{{ ''.__class__.__mro__[1].__subclasses__() }}\n")
    result = build(project, BASE + "template: evil.j2\n")
    assert_user_error(result, "evil.j2:1:1: template error: access to attribute '__class__' of 'str' object is unsafe", project)


def test_a_failed_build_keeps_the_previous_files(project):
    assert build(project, BASE).exit_code == 0
    before = (project / "out" / "t.pdf").read_bytes()
    result = build(project, BASE.replace("sections:", "sectons:"))
    assert result.exit_code == 2
    assert (project / "out" / "t.pdf").read_bytes() == before
    assert sorted(p.name for p in (project / "out").iterdir()) == ["t.docx", "t.pdf"]
