"""A project's first day: `briefgen init`, and what each stage still lacks.

``init`` writes a skeleton that every command accepts as it is. ``stage`` tells what
the project holds so far, and ``next_step`` says what is missing and what to run
next, so that a command on a young project explains itself instead of failing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefgen import pipeline
from briefgen.inputs import paths, yamlio

SOURCES_HEADER = """\
# The sources: one CSL item per document (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html).
# `briefgen sources add FILE…` copies documents here and drafts their items from what each file states.
# Fields the tool inferred rather than read are listed under `supplied:`; check them, then remove them
# from `supplied` (or correct them). A field a source does not state is left out, never invented.
"""

SUMMARY_HEADER = """\
# The structured summary: themes → claims → verbatim evidence quotes.
# `briefgen summarize` drafts claims (status: draft); edit them, then set `status: curated`.
# To turn a draft down for good, set `status: rejected` (deleting it lets the next run draft it again).
# Comments, key order and quoting in this file survive `briefgen summarize`.
"""

README = """\
# {name}: a briefgen project

A day with this corpus, in order:

```sh
briefgen sources add ~/Downloads/article.html report.pdf notes.docx   # copy documents in, draft their metadata
briefgen sources                     # check the drafted metadata in sources/sources.yaml
briefgen themes suggest              # candidate themes from the corpus's key phrases
briefgen summarize                   # draft claims with verbatim quotes into summary/summary.yaml
briefgen diff                        # what the next summarize would change, without writing
briefgen new first-brief --theme ID  # a spec that builds from what the summary holds
briefgen check                       # every quote still in its source? every spec valid?
briefgen build                       # DOCX and PDF into out/
```

- **sources/**: the documents and `sources.yaml` (CSL metadata). Fields listed under `supplied:` were
  inferred by the tool: confirm or correct them.
- **summary/**: themes, claims and quotes. Curate by editing: reword a claim, set `status: curated`;
  `status: rejected` keeps a draft from coming back. Your comments stay where you wrote them.
- **briefs/**: one YAML spec per audience and question.
"""

GITIGNORE = "out/\n"


def init(root: Path) -> tuple[list[Path], list[Path]]:
    """Write the skeleton of a project in ``root``; return (written, kept) paths. Existing files are kept."""
    files = {
        root / "sources" / "sources.yaml": SOURCES_HEADER,
        root / "summary" / "summary.yaml": SUMMARY_HEADER + "themes: []\n",
        root / "README.md": README.format(name=root.resolve().name),
        root / ".gitignore": GITIGNORE,
    }
    written, kept = [], []
    (root / "briefs").mkdir(parents=True, exist_ok=True)
    for path, text in files.items():
        if path.exists():
            kept.append(path)
            continue
        pipeline.write_atomic(path, text.encode("utf-8"))
        written.append(path)
    from briefgen.inputs import scaffold
    for name, text in scaffold.json_schemas().items():
        path = root / "schemas" / name
        if not path.exists():
            pipeline.write_atomic(path, text.encode("utf-8"))
            written.append(path)
    return written, kept


@dataclass(frozen=True)
class Stage:
    """What a project holds so far."""

    has_sources_dir: bool
    sources: int
    """Items declared in the metadata files (0 when none or when unreadable)."""
    has_summary: bool
    """Some summary file holds ``themes``."""
    themes: int
    specs: int


def stage(project: pipeline.Project) -> Stage:
    """Return what ``project`` holds, reading as little as possible (errors are left to the real loaders)."""
    folder = project.sources_dir
    count = 0
    for meta in sorted(folder.glob("*")) if folder.is_dir() else []:
        if meta.suffix.lower() in (".yaml", ".yml", ".json"):
            data = _data(meta)
            count += len(data) if isinstance(data, list) else 1 if data is not None else 0
    themes, has_summary = 0, False
    for path in sorted(project.summary_dir.glob("*.yaml")) if project.summary_dir.is_dir() else []:
        data = _data(path)
        if data is not None:
            has_summary = True
            themes += len(data.get("themes") or []) if isinstance(data, dict) else 1
    specs = len(list(project.briefs_dir.glob("*.yaml")) + list(project.briefs_dir.glob("*.yml")))
    return Stage(folder.is_dir(), count, has_summary, themes, specs)


def _data(path: Path) -> object:
    if not paths.inside(path, [path.parent.parent]):  # a symlink out of the project: never opened; the loader reports it
        return ["?"]
    try:
        return yamlio.load(path).data
    except Exception:  # a broken file counts as something there: the real loader will report it
        return ["?"]


def next_step(now: Stage, needs: str) -> str:
    """Return what is missing for a command that ``needs`` sources, themes or specs, or '' when nothing is."""
    if not now.has_sources_dir:
        return "no sources/ folder here yet: run `briefgen init` (or pass --project DIR)"
    if not now.sources:
        return "no sources yet: run `briefgen sources add FILE…` to copy documents in and draft their metadata"
    if needs == "sources":
        return ""
    if not now.has_summary or not now.themes:
        return ("no themes yet: run `briefgen themes suggest` to see candidates, "
                "then `briefgen summarize` to draft themes and claims into summary/")
    if needs == "themes":
        return ""
    if not now.specs:
        return "no briefs yet: run `briefgen new NAME --theme ID` to write a spec from the summary"
    return ""
