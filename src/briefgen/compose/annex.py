"""The evidence annex: every cited sentence of the brief (claims and the analyst's own text) with its passages.

Each row is one supporting passage: the sentence (on its first row), the verbatim
passage, and its source with the year and, when graded, its reliability
(Admiralty / NATO AJP-2.1). A recorded acceptance of a paraphrase is shown under
its claim, so a reviewer sees what was accepted and why; so are the words the support
check took for a paraphrase its passages do not confirm (its notes), so a reviewer sees
what no passage says in those words.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from briefgen.compose import labels
from briefgen.inputs.sources import Source
from briefgen.model import Emph, Inline, Table, Text
from briefgen.support.freetext import Traced


def source_label(source: Source) -> str:
    """Return the source's short name with its year and reliability grade, as a reviewer would cite it."""
    supplied = "issued" in (source.csl.get("supplied") or [])
    year = (f"[{source.year}]" if supplied else str(source.year)) if source.year else ""
    label = f"{source.short}, {year}" if year else source.short
    grade = source.csl.get("reliability")
    return f"{label} (reliability {grade})" if grade else label


def _flat(text: str) -> str:
    return " ".join(text.split())


def _unconfirmed(found: tuple[str, ...]) -> tuple[Inline, ...]:
    return (Emph((Text(f" Paraphrase, not confirmed by the quotes: {', '.join(found)}."),)),) if found else ()


def annex(claims: tuple[Any, ...], sources: dict[str, Source], words: dict[str, Any] | None = None,
          traced: tuple[Traced, ...] = (), unconfirmed: Mapping[str, tuple[str, ...]] | None = None) -> Table:
    """Return the evidence annex table: claims first (``compose.Selected``), then the free-text sentences;
    ``unconfirmed``: claim id → the words the support check took for a paraphrase (its notes)."""
    unconfirmed = unconfirmed or {}
    rows: list[tuple[tuple[Inline, ...], ...]] = []
    index = 0
    for chosen in claims:
        index += 1
        for k, evidence in enumerate(chosen.evidence):
            cell: tuple[Inline, ...] = ()
            if k == 0:
                cell = (Text(f"{index}. {chosen.claim.text}"),)
                accepted = chosen.claim.accepted
                if accepted:
                    cell += (Emph((Text(f" Accepted paraphrase ({', '.join(accepted.words)}): {accepted.reason}"),)),)
                cell += _unconfirmed(unconfirmed.get(chosen.claim.id, ()))
            rows.append((cell, (Text(f"“{_flat(evidence.quote)}”"),), (Text(source_label(sources[evidence.source])),)))
    for sentence in traced:
        if not sentence.passages:
            continue
        index += 1
        for k, (source_id, passage) in enumerate(sentence.passages):
            cell = (Text(f"{index}. {sentence.text}"), *_unconfirmed(sentence.unconfirmed)) if k == 0 else ()
            rows.append((cell, (Text(f"“{_flat(passage)}”"),), (Text(source_label(sources[source_id])),)))
    words = words or labels.labels("en")
    header = ((Text(str(words["claim"])),), (Text(str(words["quote"])),), (Text(str(words["source"])),))
    return Table(header, tuple(rows), caption=str(words["evidence"]), widths=(3, 5, 2))
