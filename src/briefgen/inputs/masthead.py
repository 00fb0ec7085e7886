"""The head of a plain-text document (TXT, Markdown): its title line and the date it states.

Text saved from a web page often begins with the site's furniture: "Skip to main content",
the agency's name, "FOR IMMEDIATE RELEASE | Friday, October 7, 2022 | Media Contact: …".
The **head** is the lines before the first line of prose (a sentence of at least
``PROSE_WORDS`` words, or any line of ``LONG_WORDS``), at most ``HEAD_LINES`` of them.

- The **title** is the head's first line of at least ``TITLE_WORDS`` words, else its first
  line of at least three; never a furniture line ("Skip to…", "Top of page", "Menu"), a line
  of fields parted by "|", an address, or a bracketed or tagged line.
- The **date** is the first full date the head states: "Friday, October 7, 2022",
  "7 October 2022", "October 2022" or "2022-10-07". A date in the prose is never taken:
  "On October 7, 2022, BIS released…" dates an earlier event, not the text.

Both are inferences, so ``sources add`` lists them under ``supplied:`` for the analyst to
confirm. English month names only; a head in another language yields no date.
"""

from __future__ import annotations

import calendar
import re

from briefgen.inputs import dates

HEAD_LINES = 15
TITLE_WORDS = 8
PROSE_WORDS = 12
LONG_WORDS = 40

_FURNITURE = re.compile(r"^(skip to|jump to|go to|top of page|back to top|menu|search|sign in|log in|"
                        r"subscribe|share|print|contents|home|advertisement)\b", re.IGNORECASE)
_NOT_A_TITLE = re.compile(r"\||@|://|^[\[<]")
_MONTHS = "|".join(calendar.month_name[1:])
_DATE = re.compile(rf"\b(?:(?P<d1>\d{{1,2}})\s+)?(?P<month>{_MONTHS})\.?\s+(?:(?P<d2>\d{{1,2}}),?\s+)?(?P<year>\d{{4}})\b"
                   r"|\b(?P<iso>\d{4}-\d{2}-\d{2})\b")


def head(text: str) -> list[str]:
    """Return the document's head: its first non-empty lines, up to the first line of prose."""
    lines: list[str] = []
    for raw in text.splitlines():
        line = raw.strip().lstrip("#•*-").strip()
        if not line:
            continue
        words = len(line.split())
        if words >= LONG_WORDS or (words >= PROSE_WORDS and line.endswith((".", "!", "?"))):
            break
        lines.append(line)
        if len(lines) == HEAD_LINES:
            break
    return lines


def title(text: str) -> str:
    """Return the title line of the document's head, or "" when the head has none."""
    candidates = [line for line in head(text) if not _FURNITURE.match(line) and not _NOT_A_TITLE.search(line)]
    long = next((line for line in candidates if len(line.split()) >= TITLE_WORDS), "")
    return long or next((line for line in candidates if len(line.split()) >= 3), "")


def date(text: str) -> str:
    """Return the first full date the head states, as ISO (``YYYY-MM-DD`` or ``YYYY-MM``), or ""."""
    for line in head(text):
        for match in _DATE.finditer(line):
            if match["iso"]:
                value = match["iso"]
            else:
                month = list(calendar.month_name).index(match["month"])
                day = match["d1"] or match["d2"]
                value = f"{match['year']}-{month:02d}" + (f"-{int(day):02d}" if day else "")
            if dates.parse(value):
                return value
    return ""
