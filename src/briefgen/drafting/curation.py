"""Curation is kept: how a new draft is merged into the summary the analyst has. Pure: no files.

For each claim already in the summary:
- ``pinned: true``: never changed;
- ``status: rejected``: never changed, never printed, and its evidence keeps new drafts
  away (so a draft the analyst turned down does not come back);
- it is *protected* when the analyst owns it: status ``curated``, ``stale`` or ``rejected``,
  or a draft whose text or evidence no longer matches its fingerprint (edited by hand);
- each evidence item whose source is no longer declared, or whose quote is no longer in
  its source's text (up to typography), is flagged ``stale: true``; the flag goes again
  when the quote is back. A claim is ``status: stale`` only when *no* evidence holds; a
  partly stale claim keeps its status and prints with the evidence that holds. A stale
  claim whose evidence holds again gets back ``draft`` (untouched) or ``curated``;
- an *untouched* draft (status ``draft``, fingerprint matching) may be refreshed:
  a new draft whose evidence overlaps it replaces its text and evidence, keeping
  its id and place.

A new draft whose evidence overlaps any protected claim's evidence is left out
(the analyst already has that claim). So is a new draft that only one source states
when the analyst's own claims of that theme already quote that source: the analyst has
read it for that theme and passed that sentence over; it comes back when another source
corroborates it, or when the source's text has changed since the last run. The
others are added at the end of their theme, as ``status: draft`` with a fingerprint. Every change is an ``Event`` for the
"what changed" report.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from briefgen.drafting import drafting, sentences
from briefgen.inputs import quotes, schemas

Span = tuple[str, int, int]
"""(source id, start, end) in the source's normalised text."""


@dataclass(frozen=True)
class Event:
    """One change to the summary: ``kind`` is added, refreshed, stale, partly-stale, holds-again or restored."""

    kind: str
    theme: str
    claim: str
    detail: str = ""
    evidence: int | None = None
    """The evidence item's index, for evidence events."""


@dataclass
class Outcome:
    """The merged themes, what happened to the claims, and which themes changed."""

    themes: list[schemas.Theme]
    added: int = 0
    kept: int = 0
    stale: int = 0
    refreshed: int = 0
    passed_over: int = 0
    """New single-source drafts left out because the analyst's claims already quote their source."""
    changed: set[str] = field(default_factory=set)
    """Ids of the themes whose claims changed (their file must be written)."""
    events: list[Event] = field(default_factory=list)


def reconcile(themes: list[schemas.Theme], drafts: list[drafting.Draft], texts: dict[str, str], declared: set[str],
              changed: frozenset[str] = frozenset()) -> Outcome:
    """Merge ``drafts`` into ``themes``; ``texts`` are the normalised texts read this run, by source id.

    ``changed``: sources whose text changed since the last run; their sentences are new to the analyst, never passed over."""
    outcome = Outcome([])
    claims: dict[str, list[schemas.Claim]] = {}
    protected: dict[str, list[Span]] = defaultdict(list)
    """Source id → spans of the claims the analyst owns (and of those added or refreshed in this run)."""
    untouched: dict[tuple[str, int], list[Span]] = {}
    """(theme id, claim index) → spans of an untouched draft."""
    read: set[tuple[str, str]] = set()
    """(theme id, source id) of each source the analyst's own claims of that theme quote: read for that theme."""
    for theme in themes:
        claims[theme.id] = []
        for claim in theme.claims:
            claim = _checked(claim, texts, declared, outcome, theme.id)
            spans = _spans(claim, texts)
            if is_untouched(claim):
                untouched[(theme.id, len(claims[theme.id]))] = spans
            else:
                _protect(protected, spans)
                read.update((theme.id, e.source) for e in claim.evidence)
            claims[theme.id].append(claim)
    used = {c.id for cs in claims.values() for c in cs}
    for draft in drafts:
        spans = [(p.source, p.start, p.start + len(p.quote)) for p in draft.evidence]
        if any(_overlaps(spans, protected[source]) for source in {s for s, _, _ in spans}):
            continue
        match = next((key for key, old in untouched.items() if _overlaps(spans, old)), None)
        if match is not None:
            del untouched[match]
            theme_id, index = match
            old = claims[theme_id][index]
            new = _claim(draft, old.id)
            if new != old:
                claims[theme_id][index] = new
                outcome.refreshed += 1
                outcome.kept -= 1
                outcome.changed.add(theme_id)
                outcome.events.append(Event("refreshed", theme_id, old.id, "an untouched draft, redrafted from its sources"))
            _protect(protected, spans)
            continue
        if draft.corroboration == 1 and (draft.theme, draft.evidence[0].source) in read and draft.evidence[0].source not in changed:
            outcome.passed_over += 1
            continue
        claims[draft.theme].append(_claim(draft, unique(claim_id(draft.text), used)))
        _protect(protected, spans)
        outcome.added += 1
        outcome.events.append(Event("added", draft.theme, claims[draft.theme][-1].id,
                                    f"a draft from {', '.join(dict.fromkeys(p.source for p in draft.evidence))}"))
        outcome.changed.add(draft.theme)
    outcome.themes = [theme.model_copy(update={"claims": claims[theme.id]}) for theme in themes]
    return outcome


def is_untouched(claim: schemas.Claim) -> bool:
    """Whether the claim is a draft exactly as summarize wrote it."""
    return (claim.status == "draft" and not claim.pinned and claim.fingerprint
            == drafting.fingerprint(claim.text, [(e.source, e.quote) for e in claim.evidence]))


def _checked(claim: schemas.Claim, texts: dict[str, str], declared: set[str], outcome: Outcome, theme_id: str) -> schemas.Claim:
    """Return the claim with each evidence item's stale flag and the claim's status brought up to date,
    and an untouched draft's offsets too."""
    outcome.kept += 1
    if claim.pinned or claim.status == "rejected":
        return claim
    evidence, events = [], []
    for k, item in enumerate(claim.evidence):
        holds = _holds(item, texts, declared)
        if holds is not None and holds == item.stale:  # the flag changes
            kind = "holds-again" if holds else ("stale" if item.source in declared else "source-missing")
            events.append(Event(kind, theme_id, claim.id, f"{item.source}: " + ("the quote is in its source again" if holds else
                                "the quote is no longer in its source" if item.source in declared else "the source is no longer declared"), k))
            item = item.model_copy(update={"stale": not holds})
        evidence.append(item)
    status = claim.status
    if all(e.stale for e in evidence) and status != "stale":
        status = "stale"
        outcome.stale += 1
        outcome.kept -= 1
        events.append(Event("claim-stale", theme_id, claim.id, "no evidence holds any more; it is no longer printed"))
    elif status == "stale" and not all(e.stale for e in evidence):
        untouched = claim.fingerprint == drafting.fingerprint(claim.text, [(e.source, e.quote) for e in claim.evidence])
        status = "draft" if untouched else "curated"
        events.append(Event("restored", theme_id, claim.id, f"evidence holds again; status {status}"))
    claim = claim.model_copy(update={"evidence": evidence, "status": status}) if events else claim
    if is_untouched(claim) and not any(e.stale for e in claim.evidence):
        moved = [e.model_copy(update={"start": _start(e, texts)}) if e.source in texts else e for e in claim.evidence]
        if moved != claim.evidence:
            claim = claim.model_copy(update={"evidence": moved})
            outcome.changed.add(theme_id)
    if events:
        outcome.changed.add(theme_id)
        outcome.events += events
    return claim


def _holds(item: schemas.Evidence, texts: dict[str, str], declared: set[str]) -> bool | None:
    """Whether the quote is in its source; None when that cannot be told this run (the document was not read)."""
    if item.source not in declared:
        return False
    if item.source not in texts:
        return None
    return quotes.holds(item.quote, texts[item.source])


def _start(item: schemas.Evidence, texts: dict[str, str]) -> int | None:
    found = quotes.find(item.quote, texts[item.source])
    return found[0] if found else item.start


def _spans(claim: schemas.Claim, texts: dict[str, str]) -> list[Span]:
    spans = []
    for evidence in claim.evidence:
        found = quotes.find(evidence.quote, texts[evidence.source]) if evidence.source in texts else None
        if found is not None:
            spans.append((evidence.source, *found))
    return spans


def _protect(protected: dict[str, list[Span]], spans: list[Span]) -> None:
    for span in spans:
        protected[span[0]].append(span)


def _overlaps(spans: list[Span], others: list[Span]) -> bool:
    return any(s == o and a < d and c < b for s, a, b in spans for o, c, d in others)


def _claim(draft: drafting.Draft, claim_id: str) -> schemas.Claim:
    evidence = [schemas.Evidence(source=p.source, quote=p.quote, start=p.start) for p in draft.evidence]
    return schemas.Claim(id=claim_id, text=draft.text, status="draft", fingerprint=draft.fingerprint, evidence=evidence)


def claim_id(text: str, words: int = 6) -> str:
    """Return a readable id from the first content words of ``text``: "us-imposed-export-restrictions-…"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    kept = [w for w in re.findall(r"[a-z0-9]+", ascii_text) if w not in sentences.STOPWORDS]
    return "-".join(kept[:words]) or "claim"


def unique(ident: str, used: set[str]) -> str:
    candidate, n = ident, 1
    while candidate in used:
        n += 1
        candidate = f"{ident}-{n}"
    used.add(candidate)
    return candidate
