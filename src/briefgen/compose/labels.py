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
import string
from pathlib import Path

from briefgen.errors import Problem, UserError
from briefgen.inputs import yamlio
from briefgen.inputs.project import default_dir

FILE = Path("locales") / "labels.yaml"
MONTHS = 12
FILLED = {"page_of": ("page", "pages"), "figure": ("n",), "table": ("n",),
          "date_day": ("day", "month", "year"), "date_month": ("month", "year")}
"""Labels that briefgen fills in with ``str.format``, and the only ``{fields}`` each may hold."""


@functools.lru_cache(maxsize=16)
def _table(folder: Path, stamp: tuple[int, int] | None = None) -> dict[str, dict[str, object]]:
    """Return the label table of ``folder``'s locales file (empty when it has none), or raise every problem in it.

    Read once per ``stamp`` (see ``_stamp``), so that an edited file is read again (``watch``)."""
    path = folder / FILE
    if not path.is_file():
        return {}
    loaded = yamlio.load(path)
    problems = check(loaded)
    if problems:
        raise UserError(problems)
    return loaded.data or {}


def check(loaded: yamlio.Loaded) -> list[Problem]:
    """Return a positioned problem for everything in a labels file that briefgen could not print."""
    data = loaded.data
    if data is None:
        return []
    if not isinstance(data, dict):
        return [loaded.problem((), f"expected a mapping of language tags (en, fr, en-US …) to labels, found {_kind(data)}")]
    problems = []
    for tag, table in data.items():
        if not isinstance(table, dict):
            problems.append(loaded.problem((tag,), f"expected a mapping of label names to words, found {_kind(table)}"))
            continue
        for key, value in table.items():
            message = _months(value) if key == "months" else _label(str(key), value)
            if message:
                problems.append(loaded.problem((tag, key), message, _HINTS.get(str(key), "")))
    return problems


_HINTS = {"months": "list the twelve month names as they appear inside a date, January first"}


def _months(value: object) -> str:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        return f"expected a list of {MONTHS} month names, found {_kind(value)}"
    return "" if len(value) == MONTHS else f"expected a list of {MONTHS} month names, found {len(value)}"


def _label(key: str, value: object) -> str:
    if not isinstance(value, str):
        return f"expected text, found {_kind(value)}"
    if key not in FILLED:
        return ""  # printed as written (the templates replace their own {date}, {n})
    allowed = FILLED[key]
    try:
        fields = [(name, spec, conversion) for _, name, spec, conversion in string.Formatter().parse(value) if name is not None]
    except ValueError as exc:
        return f"expected text with {_fields(allowed)}, found a brace that does not pair ({exc})"
    for name, spec, conversion in fields:
        if name not in allowed or spec or conversion:
            whole = "{" + name + ("!" + conversion if conversion else "") + (":" + spec if spec else "") + "}"
            return f"expected text with {_fields(allowed)}, found {whole}"
    return ""


def _fields(names: tuple[str, ...]) -> str:
    return "only the fields " + ", ".join("{" + n + "}" for n in names)


def _kind(value: object) -> str:
    if isinstance(value, list):
        return f"a list of {len(value)}"
    return "nothing" if value is None else f"{type(value).__name__} {value!r}"[:80]


def labels(lang: str, project_templates: Path | None = None) -> dict[str, str | tuple[str, ...]]:
    """Return every label for ``lang``; missing keys fall back to the language, then English."""
    stamp = _stamp(project_templates)
    return dict(_chosen(lang, project_templates, stamp))  # a copy: callers may keep or change theirs


def _stamp(folder: Path | None) -> tuple[int, int] | None:
    """The modification time and size of ``folder``'s locales file, or None: a changed file is a new key."""
    try:
        found = (folder / FILE).stat() if folder is not None else None
    except OSError:
        return None
    return (found.st_mtime_ns, found.st_size) if found is not None else None


@functools.lru_cache(maxsize=32)
def _chosen(lang: str, project_templates: Path | None,
            stamp: tuple[int, int] | None) -> dict[str, str | tuple[str, ...]]:
    """The labels of ``lang``, merged once per language, folder and state of its file (a brief asks
    some thirty times: each date, each block)."""
    tables = [_table(default_dir())] + ([_table(project_templates, stamp)] if project_templates else [])
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
