"""A template compiles once per process, and an edited template is never served stale."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.compose import templates


def test_compiled_once_and_recompiled_after_an_edit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    compiled: list[str] = []
    original = templates._Environment.compile

    def counting(self: templates._Environment, source: str, *args: object, **kwargs: object) -> object:
        compiled.append(source)
        return original(self, source, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(templates._Environment, "compile", counting)
    (tmp_path / "t.md.j2").write_text("Hello {{ name }}.\n")
    assert templates.render(tmp_path, "t.md.j2", {"name": "A"}) == "Hello A.\n"
    assert templates.render(tmp_path, "t.md.j2", {"name": "B"}) == "Hello B.\n"
    assert len(compiled) == 1
    (tmp_path / "t.md.j2").write_text("Goodbye {{ name }}.\n")
    assert templates.render(tmp_path, "t.md.j2", {"name": "C"}) == "Goodbye C.\n"
    assert len(compiled) == 2


def test_each_render_has_a_budget_of_its_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The environment is kept between renders (``templates._kept``), its budget is not: two renders
    that each use most of the loop budget both pass, as each does alone."""
    monkeypatch.setattr(templates.limits, "TEMPLATE_LOOP_ITEMS", 100)
    (tmp_path / "t.md.j2").write_text("{% for i in range(70) %}{% endfor %}{{ name }}\n")
    assert templates.render(tmp_path, "t.md.j2", {"name": "A"}) == "A\n"
    kept = templates._KEPT[tmp_path]
    assert templates.render(tmp_path, "t.md.j2", {"name": "B"}) == "B\n"
    assert templates._KEPT[tmp_path] is kept


def test_kept_while_unchanged_and_found_again_when_overridden(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A template is made once while each render finds the same file with the same source
    (``_Loader._unchanged``); a project template that appears in front of it, or one that becomes
    unreadable, is found at the next render as a first render would find it."""
    made: list[str] = []
    original = templates.jinja2.Template.from_code.__func__  # type: ignore[attr-defined]

    def counting(cls: type, environment: object, code: object, globals: object, uptodate: object = None) -> object:
        made.append(getattr(code, "co_filename", ""))
        return original(cls, environment, code, globals, uptodate)

    monkeypatch.setattr(templates.jinja2.Template, "from_code", classmethod(counting))
    project, defaults = tmp_path / "project", tmp_path / "defaults"
    project.mkdir()
    defaults.mkdir()
    monkeypatch.setattr(templates, "search_path", lambda folder: [str(project), str(defaults)])
    monkeypatch.setattr(templates.paths, "roots", lambda folder: [tmp_path])
    (defaults / "t.md.j2").write_text("default {{ name }}\n")
    assert templates.render(project, "t.md.j2", {"name": "A"}) == "default A\n"
    assert templates.render(project, "t.md.j2", {"name": "B"}) == "default B\n"
    assert len(made) == 1
    (project / "t.md.j2").write_text("project {{ name }}\n")
    assert templates.render(project, "t.md.j2", {"name": "C"}) == "project C\n"
    assert len(made) == 2
    (project / "t.md.j2").unlink()
    (project / "t.md.j2").mkdir()  # no longer a regular file: the render says so, as a first one would
    with pytest.raises(templates.UserError):
        templates.render(project, "t.md.j2", {"name": "D"})
