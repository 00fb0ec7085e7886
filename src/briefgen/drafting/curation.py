"""Curation is kept: how a new draft is merged into the summary the analyst has. Pure: no files.

For each claim already in the summary:
- ``pinned: true``: never changed;
- it is *protected* when the analyst owns it: status ``curated`` or ``stale``, or a
  draft whose text or evidence no longer matches its fingerprint (edited by hand);
- a claim (not pinned) whose evidence names a source that is no longer declared,
  or quotes a passage no longer in its source's text, is flagged ``status: stale``
  and kept as it is otherwise, never dropped;
- an *untouched* draft (status ``draft``, fingerprint matching) may be refreshed:
  a new draft whose evidence overlaps it replaces its text and evidence, keeping
  its id and place.

A new draft whose evidence overlaps any protected claim's evidence is left out
(the analyst already has that claim); the others are added at the end of their
theme, as ``status: draft`` with a fingerprint.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from briefgen.drafting import drafting, sentences
from briefgen.inputs import ingest, schemas

Span = tuple[str, int, int]
"""(source id, start, end) in the source's normalised text."""


@dataclass
class Outcome:
    """The merged themes, what happened to the claims, and which themes changed."""

    themes: list[schemas.Theme]
    added: int = 0
    kept: int = 0
    stale: int = 0
    refreshed: int = 0
    changed: set[str] = field(default_factory=set)
    """Ids of the themes whose claims changed (their file must be written)."""


def reconcile(themes: list[schemas.Theme], drafts: list[drafting.Draft], texts: dict[str, str], declared: set[str]) -> Outcome:
    """Merge ``drafts`` into ``themes``; ``texts`` are the normalised texts read this run, by source id."""
    outcome = Outcome([])
    claims: dict[str, list[schemas.Claim]] = {}
    protected: dict[str, list[Span]] = defaultdict(list)
    """Source id → spans of the claims the analyst owns (and of those added or refreshed in this run)."""
    untouched: dict[tuple[str, int], list[Span]] = {}
    """(theme id, claim index) → spans of an untouched draft."""
    for theme in themes:
        claims[theme.id] = []
        for claim in theme.claims:
            claim = _checked(claim, texts, declared, outcome, theme.id)
            spans = _spans(claim, texts)
            if is_untouched(claim):
                untouched[(theme.id, len(claims[theme.id]))] = spans
            else:
                _protect(protected, spans)
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
            _protect(protected, spans)
            continue
        claims[draft.theme].append(_claim(draft, unique(claim_id(draft.text), used)))
        _protect(protected, spans)
        outcome.added += 1
        outcome.changed.add(draft.theme)
    outcome.themes = [theme.model_copy(update={"claims": claims[theme.id]}) for theme in themes]
    return outcome


def is_untouched(claim: schemas.Claim) -> bool:
    """Whether the claim is a draft exactly as summarize wrote it."""
    return (claim.status == "draft" and not claim.pinned and claim.fingerprint
            == drafting.fingerprint(claim.text, [(e.source, e.quote) for e in claim.evidence]))


def _checked(claim: schemas.Claim, texts: dict[str, str], declared: set[str], outcome: Outcome, theme_id: str) -> schemas.Claim:
    """Return the claim, flagged stale if its evidence broke, with a draft's offsets brought up to date."""
    outcome.kept += 1
    if claim.pinned:
        return claim
    broken = any(e.source not in declared or (e.source in texts and ingest.normalise(e.quote) not in texts[e.source])
                 for e in claim.evidence)
    if broken and claim.status != "stale":
        outcome.stale += 1
        outcome.kept -= 1
        outcome.changed.add(theme_id)
        return claim.model_copy(update={"status": "stale"})
    if broken or not is_untouched(claim):
        return claim
    evidence = [e.model_copy(update={"start": texts[e.source].find(ingest.normalise(e.quote))}) if e.source in texts else e
                for e in claim.evidence]
    if evidence != claim.evidence:
        outcome.changed.add(theme_id)
        return claim.model_copy(update={"evidence": evidence})
    return claim


def _spans(claim: schemas.Claim, texts: dict[str, str]) -> list[Span]:
    spans = []
    for evidence in claim.evidence:
        quote = ingest.normalise(evidence.quote)
        at = texts[evidence.source].find(quote) if evidence.source in texts and quote else -1
        if at >= 0:
            spans.append((evidence.source, at, at + len(quote)))
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
