"""Style ids by name, found once per styled base instead of a scan of every style per paragraph.

Split from ``package.py`` (moves only).
"""

from __future__ import annotations

from typing import Any

from docx.document import Document as DocxDocument
from docx.styles import BabelFish


def style_ids(doc: DocxDocument) -> dict[Any, str | None]:
    """Return the memo ``cache_style_ids`` fills, filled for every style name of ``doc`` at once.

    The id python-docx's ``get_style_id(name, type)`` returns for each name that finds a
    style (its UI and its internal spelling), with that style's type: None for the type's
    default style. One pass over the styles instead of a scan per name; names it finds
    no style for, and other types, are still asked of python-docx (and raise as before).
    """
    first: dict[str, Any] = {}
    defaults: dict[Any, Any] = {}
    for element in doc.styles.element.style_lst:
        first.setdefault(element.name_val, element)
        if element.default:
            defaults[element.type] = element  # the last default of a type, as python-docx finds it
    memo: dict[Any, str | None] = {}
    for name in [n for n in first if n is not None]:
        for spelling in (name, BabelFish.internal2ui(name)):
            element = first.get(BabelFish.ui2internal(spelling))
            if element is not None:
                kind = element.type
                memo[(spelling, kind)] = None if defaults.get(kind) is element else element.styleId
    return memo


def cache_style_ids(doc: DocxDocument, memo: dict[Any, str | None]) -> None:
    """Remember each style name's id in ``memo``: python-docx scans every style per paragraph.

    Only for a document whose styles are all defined (the walk adds none); documents
    opened from the same styled base may share one ``memo``.
    """
    part = doc.part
    lookup = part.get_style_id

    def get_style_id(style: Any, kind: Any) -> str | None:
        if style is None:  # python-docx's answer to no style, given without parsing the styles part to say it
            return None
        key = (style if isinstance(style, str) else ("id", style.style_id), kind)
        if key not in memo:
            memo[key] = lookup(style, kind)
        return memo[key]

    part.get_style_id = get_style_id  # type: ignore[method-assign]
