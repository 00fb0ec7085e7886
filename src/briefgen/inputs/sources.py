"""Sources: the corpus's documents and their CSL metadata.

Metadata files are every ``*.yaml``, ``*.yml`` and ``*.json`` in the sources
folder: a list of CSL items (a Zotero CSL-JSON export works as it is), each
naming its document with ``file``. Unknown fields are left out, never invented:
everything downstream copes with a source that has no author, date or URL.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefgen.errors import Problem, UserError, did_you_mean, display
from briefgen.inputs import checked, dates, ingest, paths, yamlio, zotero

if TYPE_CHECKING:
    from briefgen.inputs import schemas

METADATA_SUFFIXES = (".yaml", ".yml", ".json")
CSL_TYPES = ("article-newspaper", "article-magazine", "webpage", "post-weblog", "report",
             "article-journal", "book", "speech", "article", "chapter", "document", "interview",
             "legislation", "manuscript", "broadcast", "post", "dataset", "thesis", "paper-conference")
"""The CSL item types a source may have."""
_NOCASE = re.compile(r'<span class="nocase">(.*?)</span>')
DOCUMENT_METADATA = (".html", ".htm", ".pdf", ".docx")
"""Documents that carry metadata of their own (title, date, author), merged under the metadata file's."""


@dataclass(frozen=True)
class Source:
    """One source: its CSL item (normalised) and its document."""

    id: str
    csl: dict[str, Any]
    """CSL-JSON fields; dates as ``{"date-parts": [[y, m, d]]}``."""
    path: Path | None
    """The document, or None when only metadata is known."""
    origin: tuple[str, int, int] = ("", 0, 0)
    """Where the metadata was declared: file, line, column."""
    unreadable: tuple[Problem, ...] = ()
    """Why the document cannot be read (damaged, too big, not a regular file…), found while loading its metadata.

    An unreadable document never blocks the rest: only what needs it (its quotes, a brief citing it) fails."""
    alias: str = ""
    """The item's old id when a readable key replaced it (a Zotero item URL); it still resolves."""
    _cache: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    @property
    def title(self) -> str:
        """The title as text, without CSL's case-protection markup (``<span class="nocase">``)."""
        return _NOCASE.sub(r"\1", str(self.csl.get("title", ""))) or self.id

    @property
    def short(self) -> str:
        """A short name for the source: its outlet, publisher, short title or title."""
        csl = self.csl
        return str(csl.get("container-title") or csl.get("publisher") or csl.get("title-short") or self.title)

    @property
    def year(self) -> int | None:
        parts = self.csl.get("issued", {}).get("date-parts", [[]])
        return int(parts[0][0]) if parts and parts[0] else None

    @property
    def issued(self) -> str:
        """The issued date as ISO ``YYYY[-MM[-DD]]``, or '' (worked out once: the item never changes once loaded,
        and a brief asks for it some 170 times)."""
        found = self._cache.get("issued")
        if found is None:
            parts = self.csl.get("issued", {}).get("date-parts", [[]])
            found = self._cache["issued"] = "-".join(f"{int(p):02d}" for p in parts[0]) if parts and parts[0] else ""
        return found

    @property
    def text(self) -> str:
        """The document's text (read once)."""
        if "text" not in self._cache:
            if self.path is None:
                raise UserError([Problem(*self.origin, self.id, "this source has no `file`, so its text cannot be read", "add `file:`")])
            if self.unreadable:
                raise UserError(list(self.unreadable))
            try:
                self._cache["text"] = ingest.read_text(self.path)
            except UserError as exc:
                raise UserError(unreadable(exc.problems)) from None
        return self._cache["text"]


class Sources(dict[str, Source]):
    """Sources by id; an alias (a Zotero item's old URL-shaped id) resolves too, but is never listed."""

    def __init__(self, items: Any = (), aliases: dict[str, str] | None = None):
        super().__init__(items)
        self.aliases = dict(aliases or {})
        """Old id → id."""

    def __missing__(self, key: str) -> Source:
        if key in self.aliases:
            return self[self.aliases[key]]
        raise KeyError(key)

    def __contains__(self, key: object) -> bool:
        return super().__contains__(key) or key in self.aliases

    def get(self, key: str, default: Any = None) -> Any:
        return self[key] if key in self else default


def load_sources(folder: Path) -> Sources:
    """Return the sources declared in ``folder``'s metadata files, by id (aliases resolve, see ``zotero``)."""
    if not folder.is_dir():
        raise UserError([Problem(display(folder), 0, 0, "", "expected a folder of sources, found none", "create it, with a sources.yaml")])
    found: dict[str, Source] = {}
    problems: list[Problem] = []
    used: set[str] = set()
    for meta in sorted(p for p in folder.iterdir() if p.suffix.lower() in METADATA_SUFFIXES):
        if not paths.inside(meta, [folder.parent]):  # a symlink out of the project is never read
            problems.append(Problem(display(meta), 0, 0, "", "expected a metadata file inside the project, found a symlink that leads outside it"))
            continue
        try:
            for source in _load_file(meta, folder, used):
                if source.id in found:
                    problems.append(Problem(*source.origin, "id", f"duplicate source id {source.id!r}", f"first in {found[source.id].origin[0]}"))
                found[source.id] = source
        except UserError as exc:
            problems += exc.problems
    if problems:
        raise UserError(problems)
    return Sources(sorted(found.items()), {s.alias: s.id for s in found.values() if s.alias and s.alias not in found})


def _load_file(meta: Path, folder: Path, used: set[str]) -> list[Source]:
    loaded = yamlio.load(meta)
    if loaded.data is None:  # only comments so far, as `briefgen init` writes it
        return []
    if not isinstance(loaded.data, list):
        raise UserError([loaded.problem((), f"expected a list of CSL items, found {type(loaded.data).__name__}")])
    sources: list[Source] = []
    problems: list[Problem] = []
    for index, (item, (key, alias)) in enumerate(zip(loaded.data, zotero.rekey(loaded.data, used), strict=True)):
        try:
            if alias:
                item = {k: v for k, v in item.items() if k not in ("citation-key", "citationKey")} | {"id": key}
            entry: schemas.SourceEntry = checked.validate("SourceEntry", loaded, item, (index,))
            source = _source(entry, loaded, index, folder, problems)
            sources.append(replace(source, alias=alias) if alias else source)
        except UserError as exc:
            problems += exc.problems
    if problems:
        raise UserError(problems)
    return sources


def _source(entry: schemas.SourceEntry, loaded: yamlio.Loaded, index: int, folder: Path, problems: list[Problem]) -> Source:
    csl = {k: v for k, v in entry.model_dump(by_alias=True, exclude_defaults=True).items() if v not in ("", [], None)}
    csl["id"], csl["type"] = entry.id, entry.type
    for key in ("issued", "accessed"):
        value = getattr(entry, key)
        if value is not None:
            csl[key] = _date(value, loaded, (index, key), problems)
    csl.pop("file", None)
    csl.pop("note", None)
    if entry.type not in CSL_TYPES:
        problems.append(loaded.problem((index, "type"), f"expected a CSL type, found {entry.type!r}", did_you_mean(entry.type, CSL_TYPES)))
    path = None
    damaged: list[Problem] = []
    if "\x00" in entry.file:  # the OS refuses such a name (ValueError), so say so here
        problems.append(loaded.problem((index, "file"), f"expected a file name, found {entry.file!r} with a NUL character"))
    elif entry.file:
        path = (folder / entry.file).resolve()
        named = Path(os.path.normpath(folder / entry.file))
        if Path(os.path.normpath(folder)) in named.parents and os.path.lexists(named) and not paths.inside(named, [folder]):
            damaged.append(loaded.problem((index, "file"), f"expected a document inside {display(folder)}, found {entry.file!r}, "
                                          "a symlink that leads outside it", "copy the file into the folder"))
        elif folder.resolve() not in path.parents or not os.path.exists(path):
            problems.append(loaded.problem((index, "file"), f"expected a document in {display(folder)}, found no file {entry.file!r}",
                                           did_you_mean(entry.file, [p.name for p in folder.iterdir()])))
            path = None
        elif not paths.is_regular(path):
            damaged.append(loaded.problem((index, "file"), f"expected a regular file, found {paths.kind_of(path)}: {entry.file!r}"))
    if path is not None and not damaged and path.suffix.lower() in DOCUMENT_METADATA:
        csl = _with_file_metadata(csl, path, damaged)
    line, col = loaded.where((index,))
    return Source(entry.id, csl, path, (loaded.file, line, col), unreadable=tuple(unreadable(damaged)))


UNREADABLE = "source.unreadable"
"""The code of a problem with a document that cannot be read: the rest is processed (exit 3)."""


def unreadable(problems: list[Problem]) -> list[Problem]:
    """Return ``problems`` marked as an unreadable document's."""
    return [Problem(p.file, p.line, p.col, p.path, p.message, p.hint, p.severity, p.code or UNREADABLE) for p in problems]


def _with_file_metadata(csl: dict[str, Any], path: Path, problems: list[Problem]) -> dict[str, Any]:
    """Return ``csl`` completed with the document's own metadata; the metadata file wins.

    A document that cannot be read adds its problem to ``problems`` and keeps only the declared metadata.
    """
    from briefgen.inputs import readers
    try:
        return readers.merge(csl, readers.metadata(path))
    except UserError as exc:
        problems.extend(exc.problems)
        return csl


def _date(value: str | schemas.DateParts, loaded: yamlio.Loaded, path: tuple, problems: list[Problem]) -> dict[str, Any]:
    """Return a CSL date dict from an ISO partial date or CSL date-parts (each checked to be a real date)."""
    if not isinstance(value, str):  # DateParts
        given = value.date_parts[0][:3] if value.date_parts and value.date_parts[0] else []
        text = "-".join(f"{int(p):02d}" if str(p).isdigit() else str(p) for p in given) if given else value.raw
    else:
        text = value
    parts = dates.parse(text)
    if parts is None:
        problems.append(loaded.problem(path, dates.problem(text)))
        return {}
    return {"date-parts": [list(parts)]}
