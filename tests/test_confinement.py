"""Confinement: no path a spec, style or template names leads outside the project, symlinks included.

A watched secret lies outside the project. Every attempt to reach it must be a
positioned error; an audit hook (``sys.addaudithook``, "open") shows it is never
opened, and its bytes appear in no output.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from conftest import cli
from hostile import WATCH, build, keep_briefs, outputs
from test_bad_inputs import BASE

TOKEN = "SECRET-5f0c2e-NEVER-READ"


@pytest.fixture
def secret(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("outside")
    (folder / "secret.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01" + TOKEN.encode())
    (folder / "secret.j2").write_text(f"# {TOKEN}\n")
    (folder / "secret.txt").write_text(f"{TOKEN} " * 20)
    (folder / "secret.yaml").write_text(f'title: "{TOKEN}"\n')
    docx = io.BytesIO()
    with zipfile.ZipFile(docx, "w") as archive:
        archive.writestr("word/document.xml", TOKEN)
    (folder / "secret.docx").write_bytes(docx.getvalue())
    WATCH.watched.add(str(folder))
    WATCH.opened.clear()
    yield folder
    WATCH.watched.discard(str(folder))


def style(project: Path, body: str) -> str:
    (project / "templates" / "styles" / "evil.yaml").write_text(body)
    return BASE + "style: evil\n"


def spec(project: Path, text: str) -> None:
    (project / "briefs" / "t.yaml").write_text(text)


CASES = {
    "logo ../": lambda p, s: spec(p, style(p, f'logo: "{os.path.relpath(s / "secret.png", p / "templates" / "styles")}"\n')),
    "logo absolute": lambda p, s: spec(p, style(p, f'logo: "{s / "secret.png"}"\n')),
    "logo symlink": lambda p, s: ((p / "templates" / "styles" / "logo.png").symlink_to(s / "secret.png"),
                                  spec(p, style(p, 'logo: "logo.png"\n'))),
    "reference_docx absolute": lambda p, s: spec(p, style(p, f'reference_docx: "{s / "secret.docx"}"\n')),
    "reference_docx ../": lambda p, s: spec(p, style(p, f'reference_docx: "{os.path.relpath(s / "secret.docx", p / "templates" / "styles")}"\n')),
    "style symlink": lambda p, s: ((p / "templates" / "styles" / "evil.yaml").symlink_to(s / "secret.yaml"), spec(p, BASE + "style: evil\n")),
    "template symlink": lambda p, s: ((p / "templates" / "t.j2").symlink_to(s / "secret.j2"), spec(p, BASE + "template: t.j2\n")),
    "include symlink": lambda p, s: ((p / "templates" / "inc.j2").symlink_to(s / "secret.j2"),
                                     (p / "templates" / "t.j2").write_text("# T\n{% include 'inc.j2' %}\n"), spec(p, BASE + "template: t.j2\n")),
    "template ../": lambda p, s: spec(p, BASE + f'template: "{os.path.relpath(s / "secret.j2", p / "templates")}"\n'),
    "template absolute": lambda p, s: spec(p, BASE + f'template: "{s / "secret.j2"}"\n'),
    "include ../": lambda p, s: ((p / "templates" / "t.j2").write_text(f"{{% include '{os.path.relpath(s / 'secret.j2', p / 'templates')}' %}}\n"),
                                 spec(p, BASE + "template: t.j2\n")),
    "spec symlink": lambda p, s: (p / "briefs" / "t.yaml").symlink_to(s / "secret.yaml"),
    "summary symlink": lambda p, s: ((p / "summary" / "more.yaml").symlink_to(s / "secret.yaml"), spec(p, BASE)),
    "sources metadata symlink": lambda p, s: ((p / "sources" / "more.yaml").symlink_to(s / "secret.yaml"), spec(p, BASE)),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_nothing_outside_the_project_is_opened_or_output(project, secret, name):
    keep_briefs(project)
    CASES[name](project, secret)
    result = build(project)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output + result.stderr
    message = result.stderr.replace(str(project), "")
    assert "outside" in message or "expected a template" in message or "expected a house style" in message, message
    assert WATCH.opened == [], f"opened {WATCH.opened}"
    assert TOKEN not in result.output + result.stderr
    for path in (project / "out").glob("*") if (project / "out").exists() else []:
        assert TOKEN.encode() not in path.read_bytes()
    assert outputs(project / "out") == []


def test_a_source_document_symlinked_outside_is_never_opened(project, secret):
    (project / "sources" / "leak.txt").symlink_to(secret / "secret.txt")
    with (project / "sources" / "sources.yaml").open("a") as meta:
        meta.write('- id: "leak"\n  file: "leak.txt"\n')
    result = cli("check", "--project", str(project))
    assert result.exit_code == 3, result.stderr
    assert "'leak.txt', a symlink that leads outside it" in result.stderr
    assert WATCH.opened == [] and TOKEN not in result.stderr


def test_symlinks_inside_the_project_still_work(project):
    keep_briefs(project)
    (project / "templates" / "real.j2").write_text("# {{ brief.title }}\n\nText.\n")
    (project / "templates" / "link.j2").symlink_to(project / "templates" / "real.j2")
    spec(project, BASE + "template: link.j2\n")
    result = build(project, "-f", "docx")
    assert result.exit_code == 0, result.stderr


def test_the_watch_sees_an_open(secret):
    """The audit hook works: reading the secret directly is recorded (so an empty record means something)."""
    (secret / "secret.txt").read_bytes()
    assert WATCH.opened and WATCH.opened[0].endswith("secret.txt")
