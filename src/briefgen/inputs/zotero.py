"""Zotero as it exports: citation keys an analyst can type.

A Zotero CSL-JSON export gives each item an ``id`` such as
``http://zotero.org/users/local/kQ3Lm1/items/7XKJ2B9C``, which nobody wants to
type into ``[@…]``. For each item:

- ``citation-key`` (Zotero 7, Better BibTeX) is the id when present;
- otherwise a URL-shaped id is replaced by a short readable key,
  author-year-word (``smith-2024-drought``), unique within the corpus;
- the old id stays an *alias*: ``[@http://zotero.org/…]`` and ``source:`` with it still resolve.

Ids that are already short keys are kept. Pure: no files.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

_STOP = frozenset("a an the of on in at to for and or with from by as is are its new how why what".split())


def is_url_shaped(ident: str) -> bool:
    """Whether ``ident`` is a URL or path rather than a key one would type."""
    return "://" in ident or "/" in ident or any(ch.isspace() for ch in ident)


def rekey(items: list[Any], used: set[str]) -> list[tuple[str, str]]:
    """Return (id, alias) for each item ('' alias when the id is kept); ``used`` collects the ids taken."""
    out = []
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("id", ""), str):
            out.append(("", ""))
            continue
        old = str(item.get("id", ""))
        given = item.get("citation-key") or item.get("citationKey")
        if isinstance(given, str) and given.strip() and given.strip() != old:
            out.append((given.strip(), old))
        elif old and is_url_shaped(old):
            key = _unique(readable_key(item), used)
            out.append((key, old))
        else:
            out.append((old, ""))
        used.add(out[-1][0])
    return out


def readable_key(item: dict[str, Any]) -> str:
    """Return author-year-word for a CSL item: ``smith-2024-drought``; parts that are unknown are left out."""
    parts = [slug(_author(item)), _year(item), slug(_title_word(str(item.get("title", ""))))]
    key = "-".join(p for p in parts if p)
    return key or "item"


def _author(item: dict[str, Any]) -> str:
    names = item.get("author") or item.get("editor") or []
    if isinstance(names, list) and names and isinstance(names[0], dict):
        first = names[0]
        name = str(first.get("family") or first.get("literal") or "")
        return name.split()[0] if name.split() else ""
    return str(item.get("container-title") or item.get("publisher") or "").split(" ")[0]


def _year(item: dict[str, Any]) -> str:
    issued = item.get("issued")
    if isinstance(issued, dict):
        parts = issued.get("date-parts") or [[]]
        if parts and parts[0] and str(parts[0][0]).isdigit():
            return str(parts[0][0])
        match = re.match(r"\d{4}", str(issued.get("raw", "")))
        return match.group(0) if match else ""
    match = re.match(r"\d{4}", str(issued or ""))
    return match.group(0) if match else ""


def _title_word(title: str) -> str:
    words = [w for w in re.findall(r"[^\W_]+", title) if len(w) > 1 and w.lower() not in _STOP]
    return words[0] if words else ""


def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: ``Café Report 2`` → ``cafe-report-2``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text))


def _unique(key: str, used: set[str]) -> str:
    candidate, n = key, 1
    while candidate in used:
        n += 1
        candidate = f"{key}-{n}"
    return candidate
