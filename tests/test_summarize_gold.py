"""The export-controls example: its gold file's format, and that the project builds."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from conftest import cli

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "export-controls"


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def load_gold() -> dict:
    return yaml.safe_load((EXAMPLE / "gold.yaml").read_text(encoding="utf-8"))


def test_gold_file_format_and_anchors_are_verbatim():
    gold = load_gold()
    assert set(gold) == {"facts", "pairs", "distinct"}
    sources = {s["id"]: s for s in yaml.safe_load((EXAMPLE / "sources" / "sources.yaml").read_text(encoding="utf-8"))}
    themes = {t["id"] for t in yaml.safe_load((EXAMPLE / "summary" / "summary.yaml").read_text(encoding="utf-8"))["themes"]}
    facts = {}
    for fact in gold["facts"]:
        assert set(fact) == {"id", "theme", "text", "anchors"}, fact
        assert fact["theme"] in themes | {""}, fact["id"]
        assert fact["anchors"], fact["id"]
        for anchor in fact["anchors"]:
            assert set(anchor) == {"source", "anchor"}
            text = (EXAMPLE / "sources" / sources[anchor["source"]]["file"]).read_text(encoding="utf-8")
            assert _flat(anchor["anchor"]) in _flat(text), (fact["id"], anchor["source"])
        facts[fact["id"]] = {a["source"] for a in fact["anchors"]}
    assert len(facts) == len(gold["facts"]) >= 10
    for pair in gold["pairs"]:
        assert set(pair) == {"fact", "a", "b"} and pair["a"] != pair["b"]
        assert {pair["a"], pair["b"]} <= facts[pair["fact"]]
    assert len({p["fact"] for p in gold["pairs"]}) >= 3, "at least three facts reported by several sources"
    for a, b in gold["distinct"]:
        assert a in facts and b in facts and a != b


def test_every_source_is_public_domain_with_url_and_date():
    entries = yaml.safe_load((EXAMPLE / "sources" / "sources.yaml").read_text(encoding="utf-8"))
    assert len(entries) >= 10
    for entry in entries:
        assert entry["URL"].startswith("http") and entry["issued"] and entry["accessed"], entry["id"]
        assert "17 U.S.C. § 105" in entry["note"], entry["id"]
        assert (EXAMPLE / "sources" / entry["file"]).is_file()


def test_example_checks_and_builds(tmp_path):
    assert cli("check", "--project", str(EXAMPLE)).exit_code == 0
    result = cli("build", "--project", str(EXAMPLE), "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "export-controls.pdf").is_file()
