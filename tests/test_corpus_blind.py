"""Nothing in ``src/`` knows the example corpus: its themes, sources and names are data.

The before-stop hook greps ``src/`` for the seed corpus's names; this test says so earlier, at each
landing. The words searched are the hook's names, and the example project's own theme, claim and
source ids, read from its files (so another corpus's ids would be checked the same way).
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

import briefgen

ROOT = Path(__file__).resolve().parents[1]
SRC = Path(briefgen.__file__).parent
HOOK = "li qiang|musk|waic|huawei|sensetime|qin gang|global south|chip export|open source shar"


def _ids() -> set[str]:
    summary = yaml.safe_load((ROOT / "summary" / "summary.yaml").read_text(encoding="utf-8"))
    sources = yaml.safe_load((ROOT / "sources" / "sources.yaml").read_text(encoding="utf-8"))
    themes = summary["themes"]
    found = {theme["id"] for theme in themes} | {claim["id"] for theme in themes for claim in theme.get("claims", [])}
    return found | {source["id"] for source in sources} | {path.name for path in (ROOT / "sources").glob("0*.txt")}


def test_src_names_nothing_of_the_example_corpus() -> None:
    ids = _ids()
    assert len(ids) > 20  # the example project's themes, claims and sources were read
    pattern = re.compile(rf"{HOOK}|(?<![\w-])(?:{'|'.join(map(re.escape, sorted(ids)))})(?![\w-])", re.IGNORECASE)
    found = [f"{path.relative_to(SRC)}:{n}: {match.group()}"
             for path in sorted(SRC.rglob("*")) if path.suffix in {".py", ".txt", ".j2", ".yaml", ".json", ".md"}
             for n, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1)
             for match in [pattern.search(line)] if match]
    assert not found, "src/ names the example corpus (themes, sources and briefs are data):\n" + "\n".join(found)
