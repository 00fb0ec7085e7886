"""Hostile sources, summaries and metadata files: a positioned exit 2, or exit 3 with the rest processed; never a hang."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from briefgen.inputs import ingest, limits
from conftest import cli
from hostile import add_source, build, fifo, keep_briefs, no_traceback, outputs, pdf_without_info, zip_bomb


@pytest.fixture(autouse=True)
def never_hang():
    """Fail instead of hanging forever if a FIFO is ever opened again."""
    def stop(*_):
        raise TimeoutError("hung: a FIFO or device was read")
    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(300)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def check(project: Path):
    return cli("check", "--project", str(project))


def test_a_pdf_without_an_info_dictionary_works_with_every_command(project):
    source_id = add_source(project, "noinfo.pdf", pdf_without_info())
    assert "record low" in ingest.read_text(project / "sources" / "noinfo.pdf")
    for args in (["sources"], ["check"], ["themes"]):
        result = cli(*args, "--project", str(project))
        assert result.exit_code == 0, (args, result.stderr)
        no_traceback(result)
    assert source_id in cli("sources", "--project", str(project)).stdout
    result = build(project, str(project / "briefs" / "global-ai-organisation.yaml"))
    assert result.exit_code == 0, result.stderr


DAMAGED = {
    "damaged.pdf": (lambda p: p.write_bytes(pdf_without_info()[:300]), "expected a PDF document, found a damaged"),
    "damaged.docx": (lambda p: p.write_bytes(b"PK\x03\x04" + os.urandom(200)), "expected a DOCX document (a Word zip package)"),
    "bomb.docx": (lambda p: p.write_bytes(zip_bomb(4 << 20)), "expected a DOCX that unpacks to at most 2,000,000 bytes"),
    "pipe.txt": (lambda p: fifo(p), "expected a regular file, found a FIFO (named pipe)"),
    "zero.txt": (lambda p: p.symlink_to("/dev/zero"), "'zero.txt', a symlink that leads outside it"),
    "pipe.pdf": (lambda p: fifo(p), "expected a regular file, found a FIFO (named pipe)"),
}


@pytest.mark.parametrize("name", sorted(DAMAGED))
def test_an_unreadable_document_is_exit_3_and_never_blocks_specs_that_do_not_cite_it(project, monkeypatch, name):
    monkeypatch.setattr(limits, "ZIP_UNPACKED_BYTES", 2_000_000)
    make, expected = DAMAGED[name]
    make(project / "sources" / name)
    add_source(project, name, None)
    result = check(project)
    assert result.exit_code == 3, result.stderr
    assert name in result.stderr and expected in result.stderr, result.stderr
    no_traceback(result)
    assert cli("sources", "--project", str(project)).exit_code in (0, 3)
    keep_briefs(project, "global-ai-organisation")
    result = build(project, "-f", "docx")
    assert result.exit_code == 0, result.stderr
    assert outputs(project / "out") == ["global-ai-organisation.docx"]


def test_a_brief_citing_an_unreadable_document_fails_alone(project):
    source_id = add_source(project, "damaged.pdf", pdf_without_info()[:300])
    keep_briefs(project, "global-ai-organisation", "minister-cross-theme")
    spec = (project / "briefs" / "global-ai-organisation.yaml")
    text = spec.read_text(encoding="utf-8").replace("recommendations:\n", f'recommendations:\n  - "Read it [@{source_id}]."\n', 1)
    spec.write_text(text, encoding="utf-8")
    result = build(project)
    assert result.exit_code == 3, result.stderr
    assert f"found {source_id!r} unreadable" in result.stderr and "global-ai-organisation.yaml:41:5: recommendations.0: expected readable" in result.stderr
    built = outputs(project / "out")
    assert built == ["minister-cross-theme.docx", "minister-cross-theme.pdf"]
    no_traceback(result)


def test_a_zip_bomb_is_refused_by_its_stated_size_without_unpacking(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "ZIP_UNPACKED_BYTES", 1_000_000)
    path = tmp_path / "bomb.docx"
    path.write_bytes(zip_bomb(8 << 20))
    with pytest.raises(Exception, match="unpacks to at most 1,000,000 bytes, found 8,388,"):
        ingest.read_text(path)


def test_pdf_page_and_text_limits(tmp_path, monkeypatch):
    path = tmp_path / "one.pdf"
    path.write_bytes(pdf_without_info())
    monkeypatch.setattr(limits, "PDF_PAGES", 0)
    with pytest.raises(Exception, match="expected a PDF of at most 0 pages, found 1"):
        ingest.read_text(path)
    text = tmp_path / "long.txt"
    text.write_text("word " * 10)
    monkeypatch.setattr(limits, "TEXT_CHARS", 10)
    with pytest.raises(Exception, match="expected at most 10 characters of text, found 50"):
        ingest.read_text(text)


@pytest.mark.parametrize("folder, name", [("summary", "pipe.yaml"), ("sources", "pipe.yaml"), ("sources", "pipe.json")])
def test_a_fifo_among_the_data_files_is_refused_before_it_is_opened(project, folder, name):
    fifo(project / folder / name)
    result = check(project)
    assert result.exit_code == 2, result.stderr
    assert f"{name}: expected a regular file, found a FIFO (named pipe)" in result.stderr
    no_traceback(result)


@pytest.mark.parametrize("make, expected", [(fifo, "odd.yaml: expected a regular file, found a FIFO"),
                                             (lambda p: p.symlink_to("/dev/zero"), "odd.yaml: expected a spec inside the project, found a symlink")],
                         ids=["fifo", "dev-zero"])
def test_a_spec_that_is_not_a_regular_file_fails_alone(project, make, expected):
    keep_briefs(project, "global-ai-organisation")
    make(project / "briefs" / "odd.yaml")
    result = build(project, "-f", "docx")
    assert result.exit_code == 3, result.stderr
    assert expected in result.stderr, result.stderr
    assert outputs(project / "out") == ["global-ai-organisation.docx"]
    no_traceback(result)


METADATA = [
    ("trailing comma", "extra.json", '[{"id": "x", "title": "y",}]\n', "extra.json:1:27: invalid JSON: Expecting property name"),
    ("NaN in JSON", "extra.json", '[{"id": "x", "title": NaN}]\n', "extra.json:1:23: invalid JSON: expected a JSON value, found NaN"),
    ("deep JSON", "extra.json", "[" * 20000 + "]" * 20000, "extra.json:1:65: invalid YAML: lists and mappings nested more than 64 deep"),
    ("deep YAML", "extra.yaml", "- " * 5000 + "x\n", "extra.yaml:1:129: invalid YAML: lists and mappings nested more than 64 deep"),
    ("month 13", "extra.yaml", '- id: "x"\n  issued: "2023-13-45"\n',
      "extra.yaml:2:11: 0.issued: expected an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), found '2023-13-45', a month"),
    ("day 30 of February", "extra.yaml", '- id: "x"\n  accessed: "2024-02-30"\n',
      "extra.yaml:2:13: 0.accessed: expected an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), found '2024-02-30', a day"),
    ("date-parts words", "extra.json", '[{"id": "x", "issued": {"date-parts": [["spring"]]}}]', "extra.json:1:24: 0.issued: expected an ISO date"),
    ("surrogate", "extra.yaml", '- id: "x"\n  title: "\\ud800"\n', "extra.yaml:2:10: 0.title: invalid YAML: expected Unicode text, found a lone surrogate"),
    ("bad int tag", "extra.yaml", '- id: !!int abc\n', "extra.yaml:1:7: 0.id: invalid YAML: expected a valid int, found 'abc'"),
    ("bad UTF-8", "extra.yaml", b'- id: "x"\n  title: "caf\xe9"\n', "extra.yaml:2:14: expected UTF-8 text, found the byte 0xe9"),
    ("NUL in a file name", "extra.yaml", '- id: "x"\n  file: "a\\0b.txt"\n', "extra.yaml:2:9: 0.file: expected a file name, found 'a\\x00b.txt' with a NUL"),
    ("5000 digits", "extra.yaml", '- id: "x"\n  page: ' + "9" * 5000 + "\n", "extra.yaml:2:9: 0.page: invalid YAML: expected a valid int, found '5,000 characters'"),
    # YAML reads this as one plain scalar; strict JSON then met 5,000 digits (fuzz seed 8:1930: Python's ValueError)
    ("5000 digits in JSON", "extra.json", '[{"id": "x", "type":' + "9" * 5000 + '\n  "report"}]', "extra.json:2:3: invalid JSON: Expecting ',' delimiter"),
]


@pytest.mark.parametrize("name, file, text, expected", METADATA, ids=[m[0] for m in METADATA])
def test_bad_sources_metadata_is_a_positioned_error(project, name, file, text, expected):
    path = project / "sources" / file
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    result = check(project)
    assert result.exit_code == 2, result.stderr
    assert expected in result.stderr, result.stderr
    no_traceback(result)


SUMMARY = [
    ("claim date month 0", '    claims:\n', '    claims:\n      - id: "dated"\n        text: "T."\n        date: "2026-00-05"\n'
     '        evidence:\n          - source: "li-qiang-vision"\n            quote: "x"\n', "summary.yaml:", "date: expected an ISO date"),
    ("bad UTF-8", "themes:", "th\xe9mes:", "summary.yaml:", "expected UTF-8 text"),
]


@pytest.mark.parametrize("name, old, new, where, expected", SUMMARY, ids=[s[0] for s in SUMMARY])
def test_bad_summary_is_a_positioned_error(project, name, old, new, where, expected):
    path = project / "summary" / "summary.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    data = text.replace(old, new, 1).encode("utf-8")
    path.write_bytes(data.replace("th\xe9mes".encode(), b"th\xe9mes"))
    result = check(project)
    assert result.exit_code == 2, result.stderr
    assert where in result.stderr and expected in result.stderr, result.stderr
    no_traceback(result)


def test_summarize_with_an_unreadable_document_drafts_the_rest_and_exits_3(project):
    add_source(project, "damaged.pdf", pdf_without_info()[:300])
    add_source(project, "noinfo.pdf", pdf_without_info())
    result = cli("summarize", "--project", str(project), "--out", str(project / "draft.yaml"))
    assert result.exit_code == 3, result.stderr
    assert "damaged.pdf: expected a PDF document, found a damaged" in result.stderr
    assert (project / "draft.yaml").exists()
    no_traceback(result)
