"""The "what changed" report of `briefgen summarize` and `briefgen diff`.

Four groups, each line with ``file:line``: claims added, evidence changed (a quote
flagged stale, or holding again; a draft redrafted), claims stale (no evidence holds),
and sources changed or missing since the last summarize. Sources are compared with
``summary/sources.lock``, a JSON record of each source's content hash that summarize
writes (diff only reads it). Pure apart from reading and rendering that record.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from briefgen.drafting.curation import Event
from briefgen.errors import display
from briefgen.inputs import yamlio
from briefgen.inputs.sources import Source

LOCK = "sources.lock"
GROUPS = (("claims added", ("added",)),
          ("evidence changed", ("stale", "source-missing", "holds-again", "refreshed", "restored")),
          ("claims stale", ("claim-stale",)),
          ("sources changed or missing", ("source-changed", "source-gone", "source-new")))


@dataclass(frozen=True)
class Change:
    """One line of the report."""

    where: str
    """``file:line``."""
    kind: str
    text: str

    def __str__(self) -> str:
        return f"{self.where}: {self.text}"


@dataclass
class Changes:
    """The report: every change, grouped when printed."""

    items: list[Change] = field(default_factory=list)

    def render(self, heading: str = "what changed") -> str:
        if not self.items:
            return f"{heading}: nothing"
        lines = [f"{heading}:"]
        for title, kinds in GROUPS:
            group = [c for c in self.items if c.kind in kinds]
            if group:
                lines.append(f"  {title} ({len(group)}):")
                lines += [f"    {c}" for c in group]
        return "\n".join(lines)


def positions(text: str, name: str) -> dict[str, str]:
    """Return ``theme:<id>`` / ``claim:<id>`` / ``claim:<id>#<k>`` → ``file:line`` in a summary file's text."""
    try:
        nodes = yamlio.outline(text)
    except Exception:  # an unreadable file has no positions; the report still names the file
        return {}
    found: dict[str, str] = {}
    i = 0
    while ("themes", i) in nodes:
        found[f"theme:{_id(nodes, ('themes', i))}"] = f"{name}:{nodes['themes', i][0]}"
        j = 0
        while ("themes", i, "claims", j) in nodes:
            claim = ("themes", i, "claims", j)
            found[f"claim:{_id(nodes, claim)}"] = f"{name}:{nodes[claim][0]}"
            k = 0
            while claim + ("evidence", k) in nodes:
                found[f"claim:{_id(nodes, claim)}#{k}"] = f"{name}:{nodes[claim + ('evidence', k)][0]}"
                k += 1
            j += 1
        i += 1
    return found


def _id(nodes: dict[yamlio.Key, tuple[int, str]], path: yamlio.Key) -> str:
    """The ``id`` of the mapping at ``path`` as the YAML text writes it ("None" when it has none, as before)."""
    found = nodes.get(path + ("id",))
    return found[1] if found else "None"


def from_events(events: list[Event], where: dict[str, str], fallback: str) -> list[Change]:
    """Return the report lines of curation's events, positioned with ``where`` (see ``positions``)."""
    out = []
    for event in events:
        key = f"claim:{event.claim}" + (f"#{event.evidence}" if event.evidence is not None else "")
        place = where.get(key) or where.get(f"claim:{event.claim}") or where.get(f"theme:{event.theme}") or fallback
        label = event.claim + (f" evidence {event.evidence + 1}" if event.evidence is not None else "")
        if event.kind == "added":
            label += f" (theme {event.theme})"
        out.append(Change(place, event.kind, f"{label}: {event.detail}"))
    return out


def lock(sources: dict[str, Source], texts: dict[str, str]) -> dict[str, dict[str, str]]:
    """Return the record of what each source's text was in this run. ``texts`` are normalised (as drafting's corpus holds
    them: ``ingest.normalise`` leaves them as they are), so the sha256 of each is its ``ingest.content_hash``."""
    return {sid: {"hash": hashlib.sha256(texts[sid].encode("utf-8")).hexdigest(), "file": _name(sources[sid].path)}
            for sid in sorted(texts)}


def _name(path: Path | None) -> str:
    return path.name if path is not None else ""


def read_lock(folder: Path) -> dict[str, dict[str, str]] | None:
    """Return the last run's record, or None when there is none (the first run)."""
    try:
        data = json.loads((folder / LOCK).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def render_lock(record: dict[str, dict[str, str]]) -> bytes:
    return (json.dumps(record, indent=1, sort_keys=True) + "\n").encode("utf-8")


def sources_changed(before: dict[str, dict[str, str]] | None, now: dict[str, dict[str, str]],
                    sources: dict[str, Source], folder: Path) -> list[Change]:
    """Return the sources whose text changed, that are gone, or that are new since the last run."""
    if before is None:
        return []
    out = []
    for sid, record in sorted(before.items()):
        if sid not in sources:
            out.append(Change(display(folder), "source-gone", f"{sid}: no longer declared in the metadata (was {record.get('file')})"))
        elif sid not in now:
            out.append(Change(_origin(sources[sid]), "source-gone", f"{sid}: its document is missing or could not be read"))
        elif now[sid]["hash"] != record.get("hash"):
            out.append(Change(_origin(sources[sid]), "source-changed", f"{sid}: its text changed ({now[sid]['file']})"))
    for sid in sorted(set(now) - set(before)):
        out.append(Change(_origin(sources[sid]), "source-new", f"{sid}: new since the last summarize"))
    return out


def _origin(source: Source) -> str:
    file, line, _ = source.origin
    return f"{file}:{line}" if line else file
