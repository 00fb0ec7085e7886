"""The limits table: declared once, documented in the README, and each limit read where it is checked."""

from __future__ import annotations

from pathlib import Path

from briefgen.inputs import limits

ROOT = Path(__file__).resolve().parents[1]


def test_the_readme_limits_table_is_the_declared_one():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Limits\n", 1)[1].split("\n## ", 1)[0]
    assert limits.markdown_table() in section


def test_every_documented_limit_is_a_constant_used_in_the_code():
    code = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "src" / "briefgen").rglob("*.py") if p.name != "limits.py")
    for limit in limits.LIMITS:
        assert isinstance(limit.value, (int, float)) and limit.value > 0
        assert f"limits.{limit.name}" in code, f"{limit.name} is documented but never checked"
