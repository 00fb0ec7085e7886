"""`briefgen sources add FILE…`: copy documents into sources/ and draft their metadata entries.

- A document (txt, md, html, pdf, docx) is read first (an unreadable one is reported and
  skipped), copied into sources/ under a safe name (never over a different file), and
  gets a drafted CSL entry appended to sources/sources.yaml (``inputs.metadata``).
- A metadata file (a Zotero CSL-JSON export, or CSL YAML) is copied as it is; the
  readable keys given to URL-shaped Zotero ids are printed once, here.
- A document already in the corpus (same text) is not added twice.

Every write is atomic (``pipeline.write_atomic``); the new sources.yaml is checked by
loading the sources, and put back as it was if that fails.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from briefgen import pipeline
from briefgen.errors import Problem, UserError, display
from briefgen.inputs import ingest, metadata, spec, yamlio, zotero
from briefgen.inputs.sources import METADATA_SUFFIXES, Source, load_sources


@dataclass
class Added:
    """What `sources add` did."""

    lines: list[str] = field(default_factory=list)
    """One line per file, for the terminal."""
    problems: list[Problem] = field(default_factory=list)
    copied: list[Path] = field(default_factory=list)
    """Files this run wrote into sources/ (removed again if the sources do not load)."""


def add(project: pipeline.Project, files: list[Path]) -> Added:
    """Add ``files`` to ``project``'s sources; return what was done (problems for files that failed)."""
    folder = project.sources_dir
    if not folder.is_dir():
        raise UserError([Problem(display(folder), 0, 0, "", "expected a sources folder, found none", "run `briefgen init` first")])
    known = load_sources(folder)
    used = set(known) | set(known.aliases)
    hashes = {_hash(s): s.id for s in known.values() if s.path is not None}
    done, entries = Added(), []
    for path in files:
        try:
            if path.suffix.lower() in METADATA_SUFFIXES:
                done.lines += _metadata_file(path, folder, used, done)
            else:
                entries += _document(path, folder, used, hashes, done)
        except UserError as exc:
            done.problems += exc.problems
    meta = folder / "sources.yaml"
    before = meta.read_bytes() if meta.exists() else None
    try:
        if entries:
            _append(meta, entries)
        load_sources(folder)
    except UserError:
        for path in done.copied:
            path.unlink(missing_ok=True)
        if before is not None:
            pipeline.write_atomic(meta, before)
        raise
    return done


def _hash(source: Source) -> str:
    """The content hash of a source's text ('' when it cannot be read: then nothing matches it)."""
    try:
        return ingest.content_hash(source.text)
    except UserError:
        return ""


def _document(path: Path, folder: Path, used: set[str], hashes: dict[str, str], done: Added) -> list[str]:
    text = ingest.read_text(path)  # raises a positioned UserError for unreadable documents
    digest = ingest.content_hash(text)
    if digest in hashes:
        done.lines.append(f"kept {display(path)}: already in the corpus as {hashes[digest]!r}")
        return []
    target = _copy(path, folder, done)
    drafted = metadata.draft(path, text, target.name, used)
    hashes[digest] = drafted.entry["id"]
    done.lines.append(f"added {display(path)} as {drafted.entry['id']!r} ({display(target)})"
                      + (f"; inferred: {', '.join(drafted.entry['supplied'])}" if drafted.entry.get("supplied") else "")
                      + (f"; not stated: {', '.join(drafted.missing)}" if drafted.missing else ""))
    return [drafted.comment(path.name) + "\n" + yamlio.dumps([drafted.entry])]


def _target(path: Path, folder: Path) -> Path:
    """Return where the document goes in ``folder``: its own name made safe, never over a different file."""
    if path.resolve().parent == folder.resolve():
        return path
    stem, suffix = spec.safe_name(path.stem), path.suffix.lower()
    target, n = folder / f"{stem}{suffix}", 1
    while target.exists() and target.read_bytes() != path.read_bytes():
        n += 1
        target = folder / f"{stem}-{n}{suffix}"
    return target


def _copy(path: Path, folder: Path, done: Added) -> Path:
    target = _target(path, folder)
    if target.resolve() != path.resolve() and not target.exists():
        pipeline.write_atomic(target, path.read_bytes())
        done.copied.append(target)
    return target


def _metadata_file(path: Path, folder: Path, used: set[str], done: Added) -> list[str]:
    loaded = yamlio.load(path)
    if not isinstance(loaded.data, list):
        raise UserError([loaded.problem((), f"expected a list of CSL items (a CSL-JSON export), found {type(loaded.data).__name__}")])
    target = _copy(path, folder, done)
    lines = [f"added {display(path)}: {len(loaded.data)} item(s) ({display(target)})"]
    for old, (new, alias) in zip(loaded.data, zotero.rekey(loaded.data, used), strict=True):
        if alias:
            why = "its citation-key" if isinstance(old, dict) and (old.get("citation-key") or old.get("citationKey")) else "derived"
            lines.append(f"  cite {alias} as [@{new}] ({why}; the old id still works)")
    return lines


def _append(path: Path, entries: list[str]) -> None:
    """Append drafted entries to the metadata file (a block list, or only comments so far)."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if text and not text.endswith("\n"):
        text += "\n"
    data = yamlio.loads(text, display(path)).data if text.strip() else None
    if data is not None and (not isinstance(data, list) or text.lstrip().startswith("[")):
        raise UserError([Problem(display(path), 0, 0, "", "expected a block list of CSL items to append to, found another shape",
                                 "move its items into block style (`- id: …`)")])
    pipeline.write_atomic(path, (text + "\n".join(entries)).encode("utf-8"))
