"""Time made explicit: the brief's "Information as of" date, and relative time words that have gone stale."""

from __future__ import annotations

import calendar
import datetime as dt

from briefgen.errors import Problem
from briefgen.inputs.sources import Source
from briefgen.support import position
from briefgen.text import words as w

STALE_AFTER_DAYS = 30
"""A relative time word ("now") is stale when the brief is dated more than this after its source."""


def latest_day(iso: str) -> dt.date | None:
    """Return the last day an ISO partial date can mean (``2025-07`` → 31 July 2025), or None."""
    parts = [int(p) for p in iso.split("-") if p.isdigit()] if iso else []
    if not parts:
        return None
    year, month = parts[0], parts[1] if len(parts) > 1 else 12
    day = parts[2] if len(parts) > 2 else calendar.monthrange(year, month)[1]
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def information_as_of(keys: list[str], sources: dict[str, Source]) -> str:
    """Return the newest issued date (ISO) among the cited sources, or ''."""
    dates = [sources[k].issued for k in keys if k in sources and sources[k].issued]
    return max(dates, key=lambda d: latest_day(d) or dt.date.min) if dates else ""


def relative_words(text: str) -> list[str]:
    """Return the relative time words and phrases in ``text``, as written."""
    found = []
    lower = text.lower()
    for phrase in w.contains_phrase(text, w.phrase_list("relative_time")):
        index = lower.find(phrase)
        found.append(text[index:index + len(phrase)] if index >= 0 else phrase)
    return found


def stale_time(loaded, path: tuple, text: str, who: str, brief_date: str,  # type: ignore[no-untyped-def]
               source_dates: list[str]) -> list[Problem]:
    """Return a warning per relative time word in ``text`` when the brief is dated well after its sources."""
    brief_day = latest_day(brief_date)
    days = [d for d in (latest_day(s) for s in source_dates) if d]
    if brief_day is None or not days:
        return []
    newest = max(days)
    gap = (brief_day - newest).days
    if gap <= STALE_AFTER_DAYS:
        return []
    source_iso = max(source_dates, key=lambda d: latest_day(d) or dt.date.min)
    return [position.problem(loaded, path, word,
                             f'{who}: "{word}" means the source\'s date ({source_iso}), {gap} days before the brief\'s ({brief_date})',
                             f"say when instead, e.g. \"in {_when(source_iso)}\", or leave the time word out", "warning", "support.time",
                             text)
            for word in relative_words(text)]


def _when(iso: str) -> str:
    """``2024-10-02`` → "October 2024", as a sentence would say when: the hint's example."""
    parts = [int(p) for p in iso.split("-") if p.isdigit()]
    return f"{calendar.month_name[parts[1]]} {parts[0]}" if len(parts) > 1 and 1 <= parts[1] <= 12 else iso[:4]
