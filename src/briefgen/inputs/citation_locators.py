"""Locators of Pandoc's citation grammar: ``p. 3``, ``chaps. 2–4``, a bare page number after a comma.

Split from ``citation_syntax.py`` (moves only), the one citation parser, which reads a locator
after each key with :func:`locator_of`.
"""

from __future__ import annotations

import re

LOCATOR_LABELS: dict[str, str] = {
    "p.": "page", "pp.": "page", "page": "page", "pages": "page",
    "para.": "paragraph", "paras.": "paragraph", "¶": "paragraph", "¶¶": "paragraph",
    "paragraph": "paragraph", "paragraphs": "paragraph",
    "sec.": "section", "secs.": "section", "§": "section", "§§": "section",
    "section": "section", "sections": "section",
    "chap.": "chapter", "chaps.": "chapter", "ch.": "chapter", "chapter": "chapter",
    "chapters": "chapter",
    "fig.": "figure", "figs.": "figure", "figure": "figure", "figures": "figure",
    "n.": "note", "nn.": "note", "note": "note", "notes": "note",
    "l.": "line", "ll.": "line", "line": "line", "lines": "line",
    "pt.": "part", "pts.": "part", "part": "part", "parts": "part",
    "vol.": "volume", "vols.": "volume", "volume": "volume", "volumes": "volume",
    "no.": "number", "nos.": "number", "number": "number",
    "col.": "column", "cols.": "column", "column": "column", "columns": "column",
    "tab.": "table", "table": "table", "app.": "appendix", "appendix": "appendix",
}
"""Locator terms (Pandoc's English ones) → CSL locator labels."""

_TERM = "|".join(re.escape(t) for t in sorted(LOCATOR_LABELS, key=len, reverse=True))
_NUMBER = r"(?:\d+(?:\.\d+)*[a-z]?|[ivxlcdm]+|[IVXLCDM]+)"
_RANGE = rf"{_NUMBER}(?:\s*[-–—]+\s*{_NUMBER})?"
_VALUE = rf"{_RANGE}(?:\s*(?:,|&|and)\s*{_RANGE})*"
_LOCATOR_RE = re.compile(rf"\s*,?\s*(?:(?P<term>{_TERM})(?!\w)\s*)?(?P<value>{_VALUE})(?![\w.])(?P<rest>.*)\Z",
                         re.DOTALL)


def locator_of(after: str) -> tuple[str, str, str]:
    """(locator, label, suffix) from the text after a key."""
    match = _LOCATOR_RE.match(after)
    if not match or not (match.group("term") or after.lstrip().startswith(",")):
        return "", "", after.strip().lstrip(",").strip()
    term = match.group("term") or ""
    if not term and not match.group("value")[0].isdigit():
        return "", "", after.strip().lstrip(",").strip()
    label = LOCATOR_LABELS.get(term, "page")
    value = re.sub(r"\s*[-–—]+\s*", "–", match.group("value"))
    return value, label, match.group("rest").strip().lstrip(",").strip()
