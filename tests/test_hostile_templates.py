"""Hostile templates: every budget is a user error at the template line; nothing hangs or eats the memory."""

from __future__ import annotations

import os

import pytest

from briefgen.inputs import limits
from test_bad_inputs import BASE, assert_user_error, build

# (name, template text, expected message); each is built as templates/t.j2 from the base spec
TEMPLATES = [
    ("nested range", "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
     "t.j2:1:1: template error: expected range() to yield at most 1,000,000 items in all, found more"),
    ("range too long", "{% for i in range(10**7) %}{% endfor %}", "t.j2:1:1: template error: expected numbers of at most 1,000,000"),
    ("string times a billion", "{{ 'A' * 10**9 }}", "t.j2:1:1: template error: expected strings and lists of at most 5,000,000 items, found 1,000,000,000"),
    ("list times a billion", "{{ [1, 2] * 10**9 }}", "template error: expected strings and lists of at most 5,000,000 items"),
    ("percent width", "{{ '%0999999999d' % 1 }}", "t.j2:1:1: template error: expected numbers of at most 1,000,000"),
    ("many percent widths", "{{ ('%900000d' * 10) % (1, 1, 1, 1, 1, 1, 1, 1, 1, 1) }}", "template error: expected strings and lists of at most 5,000,000"),
    ("format width", "{{ '{:0999999999}'.format(1) }}", "template error: expected strings and lists of at most 5,000,000 items"),
    ("center filter", "{{ 'x'|center(10**9) }}", "template error: expected numbers of at most 1,000,000"),
    ("ljust method", "{{ 'x'.ljust(10**9) }}", "template error: expected numbers of at most 1,000,000"),
    ("huge power", "{{ 2 ** 10000000 }}", "template error: expected numbers of at most 1,000,000"),
    ("power of a big number", "{{ (10**999) ** 999 }}", "template error: expected numbers of at most 1,000,000 bits"),
    ("squaring loop", "{% set ns = namespace(n=3) %}{% for i in range(64) %}{% set ns.n = ns.n * ns.n %}{% endfor %}{{ ns.n > 0 }}",
     "template error: expected numbers of at most 1,000,000 bits"),
    ("doubling loop", "{% set ns = namespace(s='ab') %}{% for i in range(100) %}{% set ns.s = ns.s + ns.s %}{% endfor %}",
     "template error: expected strings and lists of at most 5,000,000 items"),
    ("division by zero", "# {{ brief.title }}\n\n{{ 1/0 }}\n", "t.j2:3:1: template error: ZeroDivisionError: division by zero"),
    ("bad filter argument", "{{ 'x'|round('a') }}", "t.j2:1:1: template error:"),
    ("includes itself", "# T\n{% include 't.j2' %}\n", "t.j2:2:1: template error: includes, macros or calls nested too deep"),
    ("recursive macro", "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "template error: includes, macros or calls nested too deep"),
    ("missing include", "# T\n{% include 'gone.j2' %}\n", "t.yaml:14:11: template: expected the template 'gone.j2' that"),
    ("include outside", "{% include '../../secret.j2' %}", "t.yaml:14:11: template: expected the template '../../secret.j2'"),
]


@pytest.mark.parametrize("name, text, expected", TEMPLATES, ids=[t[0] for t in TEMPLATES])
def test_template_budget(project, name, text, expected):
    (project / "templates" / "t.j2").write_text(text, encoding="utf-8")
    assert_user_error(build(project, BASE + "template: t.j2\n"), expected, project)


def test_a_loop_that_calls_nothing_stops_at_the_deadline(project, monkeypatch):
    monkeypatch.setattr(limits, "TEMPLATE_SECONDS", 0.5)
    (project / "templates" / "t.j2").write_text("{% for a in 'x' * 100000 %}{% for b in 'y' * 100000 %}{% endfor %}{% endfor %}")
    assert_user_error(build(project, BASE + "template: t.j2\n"), "template error: expected the template to finish within 0.5 seconds", project)


def test_output_is_capped(project, monkeypatch):
    monkeypatch.setattr(limits, "TEMPLATE_OUTPUT_CHARS", 1000)
    (project / "templates" / "t.j2").write_text("{% for i in range(1000) %}0123456789{% endfor %}")
    assert_user_error(build(project, BASE + "template: t.j2\n"), "template error: expected at most 1,000 characters of output, found more", project)


def test_a_missing_template_is_named_at_the_spec_line_that_asked_for_it(project):
    assert_user_error(build(project, BASE + "template: nope.j2\n"),
                      "t.yaml:14:11: template: expected a template in", project)


@pytest.mark.parametrize("make, expected", [
    (lambda p: os.mkfifo(p), "t.j2: expected a regular template, found a FIFO (named pipe)"),
    (lambda p: p.symlink_to("/dev/zero"), "t.j2: expected a template inside the project or the defaults"),
    (lambda p: p.write_bytes(b"# ok\n\n# caf\xe9\n"), "t.j2:3:6: expected UTF-8 text, found the byte 0xe9"),
    (lambda p: p.write_bytes(b"x" * (limits.TEMPLATE_BYTES + 1)), "t.j2: expected a template of at most 1,000,000 bytes"),
], ids=["fifo", "dev-zero", "bad-utf8", "too-big"])
def test_a_template_file_that_cannot_be_read(project, make, expected):
    make(project / "templates" / "t.j2")
    assert_user_error(build(project, BASE + "template: t.j2\n"), expected, project)
