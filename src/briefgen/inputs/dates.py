"""ISO 8601 calendar dates as inputs give them: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

The one check for every date a spec, the summary or the sources metadata states,
so ``2026-13-01`` or ``not-a-date`` is a positioned error everywhere, never a
wrong date printed or a section silently emptied.
"""

from __future__ import annotations

import calendar
import re

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
EXPECTED = "an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)"


def parse(value: str) -> tuple[int, ...] | None:
    """Return the date's parts (year[, month[, day]]), or None if it is not a real ISO date."""
    match = _ISO.match(value.strip())
    if not match:
        return None
    parts = tuple(int(p) for p in match.groups() if p)
    if len(parts) > 1 and not 1 <= parts[1] <= 12:
        return None
    if len(parts) > 2 and not 1 <= parts[2] <= calendar.monthrange(parts[0], parts[1])[1]:
        return None
    return parts


def problem(value: str) -> str:
    """Return '' for a real ISO date, else the message "expected …, found …"."""
    if parse(value) is not None:
        return ""
    found = f"expected {EXPECTED}, found {value!r}"
    match = _ISO.match(value.strip())
    if match and match.group(2) and not 1 <= int(match.group(2)) <= 12:
        return found + ", a month that does not exist"
    return found + (", a day that does not exist" if match else "")
