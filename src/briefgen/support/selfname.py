"""Words for the cited document itself: "the bill", "this rule", "the December 2024 rule", "the bill's sponsors".

A sentence whose subject names the document it cites ("The bill would require …", "The
December 2024 rule adds …") says nothing with those words that a quote must support: the
citation itself is their support. They name it when
- a noun for a document (``data/document_genres.txt``) follows a determiner and fits the
  document's CSL type, or is a document noun its title or short title uses ("Act", "Fact Sheet");
- a month or year between that determiner and that noun is the document's issued month or year;
- a noun for its authors follows the noun's possessive ("the bill's sponsors", "the report's authors").
Resolved against the cited document's metadata, never a hand list of documents.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from briefgen.text import frames, stems
from briefgen.text import words as w

DETERMINERS = frozenset({"the", "this", "that", "its", "these", "those"})


@lru_cache(maxsize=1)
def _genres() -> dict[str, frozenset[str]]:
    found: dict[str, frozenset[str]] = {}
    for line in stems.data_lines("document_genres.txt"):
        kind, _, nouns = line.partition(":")
        found[kind.strip()] = frozenset(w.stem(n) for n in nouns.split())
    return found


def _names(origin: Any) -> frozenset[str]:
    """The stems a sentence may call ``origin``'s document by: its type's nouns and its titles' words."""
    csl = origin.csl
    titles = f"{csl.get('title', '')} {csl.get('title-short', '')}"
    return _genres().get(str(csl.get("type", "")), frozenset()) | ({w.stem(t.lower()) for t, _ in w.tokens(titles)} & _nouns())


@lru_cache(maxsize=1)
def _nouns() -> frozenset[str]:
    """Every noun for a document: of any type, and ``frames.document_nouns``."""
    genres = _genres()
    return frozenset().union(*(v for k, v in genres.items() if k != "authors"), (w.stem(n) for n in frames.document_nouns()))


def _dated(token: str, issued: str) -> bool:
    """True when ``token`` is the year or the month of the ISO date ``issued``."""
    low = token.lower()
    if token.isdigit():
        return issued[:4] == token
    return low in w.MONTHS and issued[5:7] == f"{w.MONTHS.index(low) + 1:02d}"


def present(sentence: str, missing: tuple[w.Word, ...], origins: Sequence[Any]) -> tuple[w.Word, ...]:
    """Return ``missing`` without the words that name a cited document itself (see the module doc).

    ``origins`` are the supporting passages' sources (None where unknown).
    """
    known = [o for o in origins if o is not None]
    if not missing or not known:
        return missing
    found = w.tokens(sentence)
    authors = _genres().get("authors", frozenset())
    named: set[int] = set()
    for d, (token, _) in enumerate(found):
        if token.lower() not in DETERMINERS:
            continue
        n = d + 1
        while n < len(found) and n - d <= 3 and (found[n][0].isdigit() or found[n][0].lower() in w.MONTHS):
            n += 1
        if n >= len(found):
            continue
        noun, at = found[n]
        bare = noun[:-2] if noun.endswith(("'s", "’s")) else noun
        key = w.stem(bare.lower())
        for origin in known:
            if key not in _names(origin):
                continue
            dates = [found[k] for k in range(d + 1, n)]
            if not all(_dated(t, origin.issued) for t, _ in dates):
                continue
            named |= {at} | {start for _, start in dates}
            if bare != noun and n + 1 < len(found) and w.stem(found[n + 1][0].lower()) in authors:
                named.add(found[n + 1][1])
            break
    return tuple(x for x in missing if x.start not in named)
