"""Localised furniture: every fixed word a brief prints, and its dates, per language.

The words live in ``templates/locales/labels.yaml`` (a project's own ``templates/locales``
first, then the defaults shipped with briefgen). A spec's ``lang`` picks them: the full
tag (``en-US``) over its language (``en``) over English, key by key, so a locale may
override just a date format. Compose resolves them once into ``Meta.labels``; renderers
print them and decide nothing.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

from briefgen.inputs import yamlio
from briefgen.inputs.project import default_dir

FILE = Path("locales") / "labels.yaml"


@functools.cache
def _table(folder: Path) -> dict[str, dict[str, object]]:
    """Return the label table of ``folder``'s locales file (empty when it has none)."""
    path = folder / FILE
    return yamlio.load(path).data if path.is_file() else {}


def labels(lang: str, project_templates: Path | None = None) -> dict[str, str | tuple[str, ...]]:
    """Return every label for ``lang``; missing keys fall back to the language, then English."""
    tables = [_table(default_dir())] + ([_table(project_templates)] if project_templates else [])
    chosen: dict[str, str | tuple[str, ...]] = {}
    for tag in ("en", lang.split("-")[0].lower(), lang):
        for table in tables:
            for key, value in (table.get(tag) or {}).items():
                chosen[key] = tuple(value) if isinstance(value, list) else str(value)
    return chosen


def format_date(iso: str, lang: str, project_templates: Path | None = None) -> str:
    """Return an ISO date (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) as ``lang`` writes it; other text as it is."""
    return written(iso, labels(lang, project_templates))


def written(iso: str, words: dict[str, str | tuple[str, ...]]) -> str:
    """Return an ISO date written with the month names and patterns of ``words``; other text as it is."""
    parts = iso.split("-")
    if not all(p.isdigit() for p in parts) or len(parts[0]) != 4 or len(parts) > 3:
        return iso
    if len(parts) == 1:
        return parts[0]
    month = words["months"][int(parts[1]) - 1]
    pattern = str(words["date_month"] if len(parts) == 2 else words["date_day"])
    day = str(int(parts[2])) if len(parts) == 3 else ""
    return pattern.format(day=day, month=month, year=parts[0])


def typed_date(iso: str) -> dt.date | None:
    """Return the calendar date of a full ISO date, or None (a year or month alone is not a day)."""
    try:
        return dt.date.fromisoformat(iso) if len(iso) == 10 else None
    except ValueError:
        return None
