"""Nothing in ``src/`` knows the example corpus: its themes, sources and names are data.

The before-stop hook greps ``src/`` for the seed corpus's names; this test says so earlier, at each
landing. The words searched are the hook's names, the people the second example corpus quotes
(``examples/export-controls``), and both example projects' own theme, claim and source ids, read from
their files (so another corpus's ids would be checked the same way).
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

import briefgen

ROOT = Path(__file__).resolve().parents[1]
SRC = Path(briefgen.__file__).parent
HOOK = "li qiang|musk|waic|huawei|sensetime|qin gang|global south|chip export|open source shar"
PEOPLE = "raimondo|estevez|schumer"
"""The people examples/export-controls quotes or names (src/ examples use made-up names: "Ada Q. Zorn")."""


def _ids() -> set[str]:
    found: set[str] = set()
    for project in (ROOT, ROOT / "examples" / "export-controls"):
        summary = yaml.safe_load((project / "summary" / "summary.yaml").read_text(encoding="utf-8"))
        sources = yaml.safe_load((project / "sources" / "sources.yaml").read_text(encoding="utf-8"))
        themes = summary["themes"]
        found |= {theme["id"] for theme in themes} | {claim["id"] for theme in themes for claim in theme.get("claims", [])}
        found |= {source["id"] for source in sources} | {path.name for path in (project / "sources").glob("*.txt")}
    return {i for i in found if not i.isalpha()}  # a one-word theme id ("rationale", "oversight") is a word of the language


def test_src_names_nothing_of_the_example_corpus() -> None:
    ids = _ids()
    assert len(ids) > 20  # the example project's themes, claims and sources were read
    pattern = re.compile(rf"{HOOK}|{PEOPLE}|(?<![\w-])(?:{'|'.join(map(re.escape, sorted(ids)))})(?![\w-])", re.IGNORECASE)
    found = [f"{path.relative_to(SRC)}:{n}: {match.group()}"
             for path in sorted(SRC.rglob("*")) if path.suffix in {".py", ".txt", ".j2", ".yaml", ".json", ".md"}
             for n, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1)
             for match in [pattern.search(line)] if match]
    assert not found, "src/ names the example corpus (themes, sources and briefs are data):\n" + "\n".join(found)
