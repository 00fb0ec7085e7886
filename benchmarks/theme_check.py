"""Run a hand check of theme fit: draft a corpus with a check file's themes and compare each filed draft with the verdict
a reader gave it (a script, not a test).

    python benchmarks/theme_check.py benchmarks/export_controls_theme_check.yaml   # development check
    python benchmarks/theme_check.py benchmarks/seed_theme_check.yaml              # unseen check
    python benchmarks/theme_check.py FILE --all                                    # also the drafts listed, not filed

A check file holds ``corpus`` (the project folder, relative to the repository; default examples/export-controls),
``themes`` (id, title, description, optional terms: written for the corpus before any draft was made with them) and
``judged``: one entry per filed draft a reader has judged, ``{filed, verdict: right|wrong, reader, text}``, ``text``
being the draft's opening words. The corpus is drafted as ``summarize_quality.py`` drafts it (``--per-theme 8``, the
sources' issue dates), and each filed draft is matched to the entry whose ``text`` it opens with:

- right / wrong: the verdict, when the draft is filed under the theme it was judged under; a judged draft now filed
  under the theme the reader chose counts as right, under any other theme as wrong;
- unjudged: a filed draft no entry matches (read it, and add its verdict to the file, before quoting a figure);
- the figure is wrong / (right + wrong), over the filed drafts that have a verdict.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
PER_THEME = 8


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("“", '"').replace("”", '"').replace("’", "'")).strip()


def check(path: Path) -> dict[str, Any]:
    """Draft the check file's corpus with its themes and return the filed drafts with their verdicts."""
    from briefgen import pipeline
    from briefgen.drafting import summarize
    from briefgen.inputs.schemas import Theme
    from briefgen.inputs.sources import load_sources

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    project = pipeline.Project(ROOT / data.get("corpus", "examples/export-controls"))
    sources = load_sources(project.sources_dir)
    texts = {sid: s.text for sid, s in sources.items() if s.path is not None}
    themes = [Theme(**t) for t in data["themes"]]
    drafts = summarize.draft(texts, themes, per_theme=PER_THEME, issued={sid: s.issued for sid, s in sources.items()})
    judged = [(_flat(j["text"]), j) for j in data.get("judged") or ()]
    rows = []
    for d in drafts:
        entry = next((j for opening, j in judged if _flat(d.text).startswith(opening)), None)
        if not d.theme:
            verdict = "listed"
        elif entry is None:
            verdict = "unjudged"
        elif d.theme == entry["filed"]:
            verdict = entry["verdict"]
        else:
            verdict = "right" if d.theme == entry.get("reader") else "wrong"
        rows.append((d.theme, verdict, entry, d))
    right = sum(v == "right" for _, v, _, _ in rows)
    wrong = sum(v == "wrong" for _, v, _, _ in rows)
    return {"rows": rows, "right": right, "wrong": wrong, "unjudged": sum(v == "unjudged" for _, v, _, _ in rows),
            "listed": sum(v == "listed" for _, v, _, _ in rows),
            "wrong_share": round(wrong / (right + wrong), 3) if right + wrong else 0.0}


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv if not a.startswith("--")]
    for path in paths:
        found = check(path)
        print(f"== {path.name}: {found['wrong']} of {found['right'] + found['wrong']} filed drafts wrong "
              f"({found['wrong_share']}); {found['unjudged']} unjudged; {found['listed']} listed under 'fits no theme'")
        for theme, verdict, entry, d in found["rows"]:
            if theme or "--all" in argv:
                reader = f" (reader: {entry.get('reader')})" if entry and entry.get("reader") and verdict == "wrong" else ""
                fits = f" (closest: {', '.join(d.fits)})" if not theme and getattr(d, "fits", ()) else ""
                print(f"  {theme or '-':18} {verdict:8}{reader}{fits} {_flat(d.text)[:150]}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except BrokenPipeError:  # `… | head`: the reader has what it wanted
        sys.stderr.close()
        sys.exit(0)
