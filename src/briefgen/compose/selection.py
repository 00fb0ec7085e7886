"""Which claims a brief prints, and the warnings an analyst needs about that choice.

Selection, per section:
- a claim prints when its status allows (curated; drafts only with ``drafts: true``; never
  stale or rejected) and some of its evidence passes the filters; evidence flagged
  ``stale: true`` never prints, so a partly stale claim prints with the evidence that holds;
- ``limit`` takes curated claims before drafts, and takes them round-robin across the
  section's themes (then its named ``claims``), so every theme gets its turn; the chosen
  claims print in summary order;
- a claim prints once per brief: a later section that selects it again skips it (the
  earlier section already shows it, with its citations).

Warnings (``Problem`` with severity "warning", at the spec's file:line): a section that
prints nothing, a claim the spec names or cites (``claims:``, ``[@claim:ID]``) that is not
printed, and every use of a stale or partly stale claim.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefgen.errors import Problem
from briefgen.inputs import citation_syntax
from briefgen.inputs.sources import Source
from briefgen.inputs.spec import Brief
from briefgen.inputs.spec import texts as spec_texts
from briefgen.inputs.summary import Summary, staleness

if TYPE_CHECKING:
    from briefgen.inputs.schemas import Claim, Evidence, Section, Spec


@dataclass(frozen=True)
class Selected:
    """A claim a section shows, with the evidence that passed the section's filters."""

    claim: Claim
    evidence: tuple[Evidence, ...]

    @property
    def source_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e.source for e in self.evidence))


Padding = frozenset[tuple[str, int]]
"""(claim id, evidence index) of quotes the support check found to support nothing: never printed or counted."""


def select_all(spec: Spec, summary: Summary, sources: dict[str, Source], padding: Padding = frozenset()) -> list[list[Selected]]:
    """Return each section's claims; a claim already printed by an earlier section is skipped."""
    printed: set[str] = set()
    out = []
    for section in spec.sections:
        chosen = select(section, summary, sources, padding, printed)
        printed |= {s.claim.id for s in chosen}
        out.append(chosen)
    return out


def select(section: Section, summary: Summary, sources: dict[str, Source], padding: Padding = frozenset(),
           printed: set[str] | frozenset[str] = frozenset()) -> list[Selected]:
    """Return the claims ``section`` prints: filtered, not in ``printed``, limited fairly, in summary order."""
    groups = [[c.id for c in summary.theme(t).claims] for t in section.themes] + [section.claims]
    eligible: list[list[Selected]] = []
    seen: set[str] = set(printed)
    for ids in groups:
        group = []
        for claim_id in ids:
            if claim_id in seen:
                continue
            picked = _eligible(summary.claims[claim_id], section, sources, padding)
            if picked is not None:
                group.append(picked)
                seen.add(claim_id)
        eligible.append(group)
    if not section.limit:
        return [s for group in eligible for s in group]
    taken: set[str] = set()
    for tier in ("curated", "draft"):
        queues = [[s for s in group if s.claim.status == tier] for group in eligible]
        while len(taken) < section.limit and any(queues):
            for queue in queues:
                if queue and len(taken) < section.limit:
                    taken.add(queue.pop(0).claim.id)
    return [s for group in eligible for s in group if s.claim.id in taken]


def _eligible(claim: Claim, section: Section, sources: dict[str, Source], padding: Padding) -> Selected | None:
    if claim.status in ("stale", "rejected") or (claim.status == "draft" and not section.drafts):
        return None
    evidence = tuple(e for k, e in enumerate(claim.evidence) if not e.stale and (claim.id, k) not in padding
                     and (not section.include_sources or e.source in section.include_sources)
                     and e.source not in section.exclude_sources)
    picked = Selected(claim, evidence)
    if evidence and len(picked.source_ids) >= section.min_sources and _in_range(claim, section, sources):
        return picked
    return None


def _in_range(claim: Claim, section: Section, sources: dict[str, Source]) -> bool:
    """True when the claim's date (or its earliest source's) is within since/until."""
    if not (section.since or section.until):
        return True
    dates = [claim.date] if claim.date else [sources[e.source].issued for e in claim.evidence
                                             if e.source in sources and sources[e.source].issued]
    if not dates:
        return False
    date = min(dates)
    return (not section.since or date >= section.since) and (not section.until or date[:len(section.until)] <= section.until)


# ---------------------------------------------------------------- warnings


def warnings(brief: Brief, summary: Summary, sources: dict[str, Source], padding: Padding = frozenset()) -> list[Problem]:
    """Return a warning for every empty section, every named or cited claim not printed, every stale use."""
    spec = brief.spec
    chosen = select_all(spec, summary, sources, padding)
    printed = {s.claim.id for section in chosen for s in section}
    out: list[Problem] = []
    for i, (section, picked) in enumerate(zip(spec.sections, chosen, strict=True)):
        if not picked and (section.themes or section.claims or not section.text.strip()):
            # a section of the analyst's own text that selects nothing prints as written: not empty
            out.append(_warn(brief, ("sections", i, "heading"), "brief.empty-section",
                             f"section {section.heading!r} prints no claims{_why_empty(section, summary)}",
                             "add `drafts: true`, another theme or claim, or your own `text`"))
        for j, theme_id in enumerate(section.themes):
            for claim in summary.theme(theme_id).claims:
                if claim.status == "draft" and not section.drafts:
                    continue
                out += _stale(brief, ("sections", i, "themes", j), claim, f"theme {theme_id!r}: ")
        for j, claim_id in enumerate(section.claims):
            out += _stale(brief, ("sections", i, "claims", j), summary.claims[claim_id], "")
            if claim_id not in printed:
                out.append(_warn(brief, ("sections", i, "claims", j), "brief.claim-not-printed",
                                 f"claim {claim_id!r} is named here but not printed{_why_not(summary.claims[claim_id], section)}"))
    for path, text in _texts(brief):
        cited = brief.citations(text)[0]  # malformed citations are the spec checker's errors
        for key in dict.fromkeys(i.key for c in cited for i in c.items if i.is_claim):
            found = summary.claims.get(key[len(citation_syntax.CLAIM_PREFIX):])
            if found is None:
                continue  # an unknown claim id is the citation checker's error
            claim = found
            out += _stale(brief, path, claim, "")
            if claim.id not in printed:
                out.append(_warn(brief, path, "brief.claim-not-printed",
                                 f"[@{key}] cites a claim this brief does not print{_why_not(claim, None)}",
                                 "select it in a section, or cite its sources instead"))
    return out


def _stale(brief: Brief, path: tuple, claim: Claim, prefix: str) -> list[Problem]:
    state = staleness(claim) if claim.status != "rejected" else ""
    if not state:
        return []
    if state == "stale":
        message = f"{prefix}claim {claim.id!r} is stale: none of its quotes is in its source any more, so it is not printed"
    else:
        gone = ", ".join(f"{k + 1} ({e.source})" for k, e in enumerate(claim.evidence) if e.stale)
        message = f"{prefix}claim {claim.id!r} is partly stale: evidence {gone} no longer matches; it prints with the rest"
    return [_warn(brief, path, "brief.stale-claim", message, "fix the quotes in the summary, or run `briefgen diff`")]


def _why_empty(section: Section, summary: Summary) -> str:
    ids = [c for t in section.themes for c in summary.theme(t).claims] + [summary.claims[c] for c in section.claims]
    if not ids:
        return ": it selects no themes or claims" if not section.themes else ": its themes hold no claims yet"
    if not section.drafts and all(c.status == "draft" for c in ids):
        return ": its themes hold only drafts, and the section has no `drafts: true`"
    if all(staleness(c) == "stale" or c.status == "rejected" for c in ids):
        return ": every claim it selects is stale or rejected"
    return ": its claims are printed by an earlier section, or filtered out"


def _why_not(claim: Claim, section: Section | None) -> str:
    if claim.status == "rejected":
        return " (it is rejected)"
    if staleness(claim) == "stale":
        return " (it is stale)"
    if claim.status == "draft" and (section is None or not section.drafts):
        return " (it is a draft: add `drafts: true` to a section that selects it)"
    return ""


def _texts(brief: Brief) -> list[tuple[tuple, str]]:
    return [(path, text) for path, text in spec_texts(brief) if text]  # one list of the spec's own texts


def _warn(brief: Brief, path: tuple, code: str, message: str, hint: str = "") -> Problem:
    return dataclasses.replace(brief.problem(path, message, hint), severity="warning", code=code)
