"""Checkable sources: every gap in a source's metadata is filled or acknowledged; names that mislead are flagged.

Keys (sources.yaml / CSL JSON):
- ``unknown: [URL, container-title, …]``: fields the source honestly does not state;
- ``supplied: [issued, …]``: fields the analyst inferred; printed in square brackets;
- ``reliability: A``–``F``: the Admiralty (NATO AJP-2.1) source-reliability grade.
"""

from __future__ import annotations

from briefgen.errors import Problem
from briefgen.inputs.sources import Source
from briefgen.inputs.summary import Summary
from briefgen.text import words as w

WEB_TYPES = ("webpage", "post", "post-weblog")
"""Item types read online, which need an accessed date."""
RELIABILITY = {"A": "completely reliable", "B": "usually reliable", "C": "fairly reliable",
               "D": "not usually reliable", "E": "unreliable", "F": "reliability cannot be judged"}
"""The Admiralty (NATO AJP-2.1) source-reliability scale."""
_LABELS = {"outlet": "outlet", "URL": "URL", "issued": "date", "accessed": "access date", "author": "author"}


def gaps(source: Source) -> list[str]:
    """Return the fields a reader needs to check ``source`` that it lacks: outlet, URL, issued, accessed."""
    csl = source.csl
    found = []
    if not (csl.get("container-title") or csl.get("publisher")):
        found.append("outlet")
    for key in ("URL", "issued"):
        if not csl.get(key):
            found.append(key)
    if csl.get("type") in WEB_TYPES and not csl.get("accessed"):
        found.append("accessed")
    return found


def acknowledged(source: Source) -> set[str]:
    """Return the gaps ``source`` records under ``unknown:`` (container-title or publisher stands for outlet)."""
    unknown = set(source.csl.get("unknown") or [])
    return unknown | ({"outlet"} if unknown & {"container-title", "publisher", "outlet"} else set())


def check_sources(sources: dict[str, Source], summary: Summary) -> list[Problem]:
    """Return a warning for each unacknowledged gap, and for each short name that reads as a subject."""
    problems: list[Problem] = []
    subjects = _subjects(summary)
    for source in sources.values():
        missing = [g for g in gaps(source) if g not in acknowledged(source)]
        if missing:
            problems.append(Problem(*source.origin, "", f"source {source.id}: no {', '.join(missing)}",
                                    "add it, or list it under `unknown:` when the source does not state it",
                                    "warning", "sources.gap"))
        for label in dict.fromkeys((str(source.csl.get("title-short") or ""), source.title)):
            subject = _reads_as(label, subjects)
            if label and subject:
                problems.append(Problem(*source.origin, "", f'source {source.id}: its name "{label}" reads as "{subject}", '
                                        "a subject of the claims", "name the source by its outlet or headline, "
                                        "so a citation does not read as if the subject published it", "warning", "sources.name"))
                break
    return problems


def _subjects(summary: Summary) -> list[str]:
    """Return the theme titles and the multi-word proper names in the claims."""
    found = [t.title for t in summary.themes]
    for claim in summary.claims.values():
        run: list[str] = []
        run_end = 0
        for word in w.words(claim.text) + [w.Word("", 10**9, "word", "")]:
            if word.kind == "name" and (not run or word.start - run_end <= 2):
                run.append(word.text)
                run_end = word.start + len(word.text)
                continue
            if len(run) >= 2:
                found.append(" ".join(run))
            run = [word.text] if word.kind == "name" else []
            run_end = word.start + len(word.text)
    return list(dict.fromkeys(found))


def _reads_as(label: str, subjects: list[str]) -> str:
    """Return the subject ``label`` reads as (most of its words are the subject's), or ''."""
    mine = {x.key for x in w.words(label)}
    if len(mine) < 2:
        return ""
    for subject in subjects:
        theirs = {x.key for x in w.words(subject)}
        if len(theirs) >= 2 and len(mine & theirs) >= 0.75 * max(len(mine), len(theirs)) - 0.01:
            return subject
    return ""


def describe(csl: dict) -> str:
    """Return what the sources list adds to an entry: acknowledged gaps and the reliability grade."""
    unknown = set(csl.get("unknown") or [])
    parts = []
    if unknown & {"container-title", "publisher"}:
        parts.append("outlet")
    parts += [_LABELS[k] for k in ("author", "URL", "issued") if k in unknown]
    out = ""
    if parts:
        listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
        out = f"{listed[0].upper()}{listed[1:]} not stated in the source."
    grade = csl.get("reliability")
    if grade in RELIABILITY:
        out += f" Source reliability: {grade} ({RELIABILITY[grade]})."
    return out.strip()
