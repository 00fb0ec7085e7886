"""`briefgen summarize`: draft the structured summary from the sources, keeping the analyst's curation.

Offline: no model or service, only the readers, BM25 and near-duplicate merging of
``drafting``. The sources are those the metadata files list; other documents in
the sources folder are ignored and reported (``Report.ignored``). The themes are
those of the summary folder (with their seed ``terms``); when it has none,
themes are proposed from the corpus's key phrases.

Each theme is written back to the file that holds it (new themes to
summary/summary.yaml), or every theme to ``out``. A file is rewritten only when
its claims changed, and then edited in place (``writeback``): every comment, the key
order, the quoting and the analyst's text are kept. The run ends with a "what changed"
report (``changes``). Nothing here writes: the files to write are returned in
``Report.files`` and ``pipeline.summarize`` writes them; `briefgen diff` only reports.

A document that cannot be read does not stop the run: the summary is written
from the others, and its problem is returned in ``Report.problems`` (the CLI
exits with PartialFailure's code 3).
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from briefgen.drafting import changes, curation, drafting, keyphrases, sentences, writeback
from briefgen.drafting.keyphrases import Suggestion
from briefgen.drafting.quality import evaluate
from briefgen.errors import Problem, UserError, display
from briefgen.inputs import ingest, schemas, yamlio
from briefgen.inputs.sources import Source, load_sources

__all__ = ["Report", "Suggestion", "evaluate", "suggest_themes", "summarize"]


class Folders(Protocol):
    """Where the project keeps its sources and summary (``pipeline.Project`` is one)."""

    @property
    def sources_dir(self) -> Path: ...

    @property
    def summary_dir(self) -> Path: ...


@dataclass
class Report:
    """What summarize wrote and did."""

    paths: list[Path] = field(default_factory=list)
    """Files written (none when nothing changed), filled in by the writer."""
    files: dict[Path, bytes] = field(default_factory=dict)
    """Files to write: the summary files whose claims changed, and the sources record."""
    added: int = 0
    kept: int = 0
    stale: int = 0
    """Claims flagged stale in this run."""
    refreshed: int = 0
    passed_over: int = 0
    """Single-source drafts left out because the analyst's claims of their theme already quote their source (``curation``)."""
    problems: list[Problem] = field(default_factory=list)
    """One per document that could not be read; the summary was written without it."""
    ignored: list[Path] = field(default_factory=list)
    """Documents in the sources folder that no metadata file lists."""
    proposed: list[str] = field(default_factory=list)
    """Ids of the themes proposed because the summary had none."""
    note: str = ""
    """What the analyst should do next when nothing could be drafted."""
    what_changed: changes.Changes = field(default_factory=changes.Changes)
    """What changed, each with file:line (in the written files; in the current ones for a dry run)."""
    unassigned: list[drafting.Draft] = field(default_factory=list)
    """Strong sentences that fit no theme clearly (no margin over the runner-up): shown, never filed."""

    def line(self) -> str:
        """One line for the terminal: what was written and what happened to the claims."""
        where = ", ".join(display(p) for p in self.paths) or "nothing to write"
        text = f"{where}: {self.added} added, {self.refreshed} refreshed, {self.kept} kept, {self.stale} flagged stale"
        if self.passed_over:
            text += (f"; {self.passed_over} single-source draft(s) left out: your claims of that theme already quote"
                     " their source (they come back when another source states them)")
        if self.proposed:
            text += f"; proposed themes: {', '.join(self.proposed)}"
        if self.ignored:
            text += f"; not in the metadata, ignored: {', '.join(display(p) for p in self.ignored)}"
        if self.problems:
            text += f"; {len(self.problems)} document(s) could not be read"
        if self.note:
            text += f"\n{self.note}"
        for d in self.unassigned:  # every source it quotes, and each quote its text does not say: the analyst is given them
            sources = "; ".join(dict.fromkeys(p.source for p in d.evidence))
            text += f"\n  fits no theme: {d.text} [{sources}]" + (f" (closest: {', '.join(d.fits)})" if d.fits else "")
            text += "".join(f"\n    also [{p.source}]: {p.quote}" for p in d.evidence[1:] if drafting.claim_text(p.quote) not in d.text)
        return text



@dataclass
class _File:
    path: Path
    header: str
    themes: list[schemas.Theme]


def summarize(project: Folders, out: Path | None = None, per_theme: int = 8) -> Report:
    """Draft claims for every theme and merge them into the summary; return the files to write and what changes.

    The report's positions are those of the files as they will be written.

    Python's cycle collector is off meanwhile (and put back as it was): drafting keeps every sentence's tokens alive
    to the end, and each full collection walked them all again (at 10,000 documents, 10 full and some 3,000 younger
    collections: 0.86 s of a 20 s run); yet a run leaves only 136 objects in cycles, at 20, 300, 1,000 and 10,000
    documents alike, so nothing piles up. What summarize writes does not depend on when cycles are freed.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _summarize(project, out, per_theme)
    finally:
        if collecting:
            gc.enable()


def _summarize(project: Folders, out: Path | None, per_theme: int) -> Report:
    sources = load_sources(project.sources_dir)
    files = _summary_files(project.summary_dir)
    if out is not None:
        _check_out(out, project.summary_dir, files)
    texts, problems = read_texts(sources)
    report = Report(problems=problems, ignored=_unlisted(project.sources_dir, sources))
    themes = [theme for f in files for theme in f.themes]
    if not themes:
        used: set[str] = set()
        themes = [_proposed(s, used) for s in _phrases(texts).best(10)]
        report.proposed = [t.id for t in themes]
        if not themes:
            report.note = ("no themes: the summary has none and the corpus suggests none yet; write themes into "
                           "summary/summary.yaml (`briefgen themes suggest` lists candidates), or add more sources")
    corpus = _corpus(texts, {sid: s.issued for sid, s in sources.items()})
    drafts = drafting.draft(corpus, [_topic(t) for t in themes], per_theme)
    report.unassigned = [d for d in drafts if not d.theme]
    drafts = [d for d in drafts if d.theme]
    record = changes.lock(sources, dict(zip(corpus.sources, corpus.texts, strict=True)))
    before = changes.read_lock(project.summary_dir)
    changed = frozenset(sid for sid in record if before is not None and _hash(before.get(sid)) != record[sid]["hash"])
    outcome = curation.reconcile(themes, drafts, dict(zip(corpus.sources, corpus.texts, strict=True)), set(sources), changed)
    report.added, report.kept, report.stale, report.refreshed = outcome.added, outcome.kept, outcome.stale, outcome.refreshed
    report.passed_over = outcome.passed_over
    merged = {t.id: t for t in outcome.themes}
    if out is not None:
        header = files[0].header if files else ""
        text = header + yamlio.dumps({"themes": [writeback.theme_data(t) for t in merged.values()]})
        report.what_changed.items = changes.from_events(outcome.events, changes.positions(text, display(out)), display(out))
        report.files[out] = text.encode("utf-8")
        return report
    default = project.summary_dir / "summary.yaml"
    targets = [(f.path, [merged[t.id] for t in f.themes]) for f in files if f.themes]
    if report.proposed:
        targets = [(default, list(merged.values()))]
    where: dict[str, str] = {}
    for path, file_themes in targets:
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        if report.proposed or any(t.id in outcome.changed for t in file_themes):
            new = writeback.render(old, file_themes)
            report.files[path] = new.encode("utf-8")
            where |= changes.positions(new, display(path))
        else:
            where |= changes.positions(old, display(path))
    report.what_changed.items = (changes.from_events(outcome.events, where, display(default))
                            + changes.sources_changed(before, record, sources, project.sources_dir))
    lock = project.summary_dir / changes.LOCK
    if not lock.exists() or lock.read_bytes() != changes.render_lock(record):
        report.files[lock] = changes.render_lock(record)
    return report


def suggest_themes(project: Folders, count: int = 10) -> list[Suggestion]:
    """Return candidate themes: the corpus's key phrases, with their sources. Unreadable documents are skipped."""
    texts, _ = read_texts(load_sources(project.sources_dir))
    return _phrases(texts).best(count)


def read_texts(sources: dict[str, Source]) -> tuple[dict[str, str], list[Problem]]:
    """Return the text of every source with a document, by id, and a problem per document that failed."""
    texts: dict[str, str] = {}
    problems: list[Problem] = []
    for source in sources.values():
        if source.path is None:
            continue
        try:
            texts[source.id] = ingest.read_text(source.path)
        except UserError as exc:
            problems += exc.problems
    return texts, problems


def draft(texts: dict[str, str], themes: Iterable[schemas.Theme], per_theme: int = 8,
          issued: dict[str, str] | None = None) -> list[drafting.Draft]:
    """Return the drafted claims of ``themes`` from ``texts`` (by source id), ignoring any existing claims.

    Unassigned drafts (``theme == ""``) come last. ``issued``: each source's ISO date, where known.
    """
    return drafting.draft(_corpus(texts, issued or {}), [_topic(t) for t in themes], per_theme)


def _corpus(texts: dict[str, str], issued: dict[str, str]) -> drafting.Corpus:
    corpus = drafting.Corpus()
    for source_id in sorted(texts):
        corpus.add(source_id, texts[source_id], issued.get(source_id, ""))
    return corpus


def _phrases(texts: dict[str, str]) -> keyphrases.Phrases:
    phrases = keyphrases.Phrases()
    for source_id in sorted(texts):
        for sentence in sentences.split(texts[source_id])[1]:
            if sentence.flaw != "furniture":  # a release header or contact line names no topic ("Media Contact")
                phrases.add(source_id, sentence.text, sentence.claimable)
    return phrases


def _topic(theme: schemas.Theme) -> drafting.Topic:
    return drafting.Topic(theme.id, theme.title, theme.description, tuple(theme.terms))


def _proposed(suggestion: Suggestion, used: set[str]) -> schemas.Theme:
    title = suggestion.phrase[:1].upper() + suggestion.phrase[1:]
    return schemas.Theme(id=curation.unique(curation.claim_id(suggestion.phrase), used), title=title, terms=[suggestion.phrase, *suggestion.also])


def _hash(entry: object) -> object:
    """A source's content hash in the last run's record (None when it has none)."""
    return entry.get("hash") if isinstance(entry, dict) else None


def _unlisted(folder: Path, sources: dict[str, Source]) -> list[Path]:
    listed = {s.path for s in sources.values() if s.path is not None}
    here = folder.resolve()
    found = []
    with os.scandir(folder) as entries:
        for entry in entries:
            path = folder / entry.name
            if (entry.name.startswith(".") or path.suffix.lower() in (".yaml", ".yml", ".json") or not entry.is_file()
                    or (here / entry.name if not entry.is_symlink() else path.resolve()) in listed):
                continue
            found.append(path)
    return sorted(found)


# ---------------------------------------------------------------- the summary files


def _summary_files(folder: Path) -> list[_File]:
    """Return the summary's files with their themes, checked against the schema (not yet against the sources)."""
    files: list[_File] = []
    problems: list[Problem] = []
    seen: dict[str, Path] = {}
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        loaded = yamlio.load(path)
        try:
            part = schemas.validate(schemas.SummaryFile, loaded) if loaded.data is not None else schemas.SummaryFile()
        except UserError as exc:
            problems += exc.problems
            continue
        for i, theme in enumerate(part.themes):
            if theme.id in seen:
                problems.append(loaded.problem(("themes", i, "id"), f"duplicate theme id {theme.id!r}", f"first in {display(seen[theme.id])}"))
            seen[theme.id] = path
        files.append(_File(path, _header(path), list(part.themes)))
    if problems:
        raise UserError(problems)
    return files


def _header(path: Path) -> str:
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        lines.append(line)
    return "\n".join(lines) + "\n" if lines else ""


def _check_out(out: Path, folder: Path, files: list[_File]) -> None:
    inside = out.resolve().parent == folder.resolve()
    others = [f for f in files if f.themes and f.path.resolve() != out.resolve()]
    if inside and others:
        raise UserError([Problem(display(out), 0, 0, "", f"expected a file outside {display(folder)}, found one inside it",
                                 f"its themes would be read twice, with {display(others[0].path)}'s")])
