"""How close a draft is to the analyst's curated summary: recall and precision over their quotes. Pure."""

from __future__ import annotations

from collections.abc import Iterable

from briefgen.drafting import drafting
from briefgen.inputs import ingest
from briefgen.inputs.sources import Source
from briefgen.inputs.summary import Summary


def evaluate(curated: Summary, drafted: Summary | Iterable[drafting.Draft], sources: dict[str, Source]) -> dict[str, float]:
    """Compare a draft with the curated summary.

    - recall: share of the curated claims' evidence quotes that some drafted quote overlaps
      (same source, overlapping span of the normalised text);
    - precision: share of drafted claims with a quote overlapping some curated quote
      (a proxy for "a reader would keep it").
    """
    texts = {sid: ingest.normalise(s.text) for sid, s in sources.items() if s.path is not None}
    spans = [_span(e.source, e.quote, texts) for c in curated.claims.values() if c.status == "curated" for e in c.evidence]
    wanted = [s for s in spans if s]
    claims = ([[_span(e.source, e.quote, texts) for e in c.evidence] for c in drafted.claims.values()]
              if isinstance(drafted, Summary) else [[_span(p.source, p.quote, texts) for p in d.evidence] for d in drafted])
    found = [s for spans in claims for s in spans if s]
    recovered = sum(any(_overlap(w, f) for f in found) for w in wanted)
    kept = sum(any(_overlap(s, w) for s in spans if s for w in wanted) for spans in claims)
    return {"curated_quotes": len(wanted), "recovered": recovered, "recall": round(recovered / len(wanted), 3) if wanted else 0.0,
            "drafted_claims": len(claims), "kept": kept, "precision": round(kept / len(claims), 3) if claims else 0.0,
            "corroborated_claims": sum(len({s[0] for s in spans if s}) > 1 for spans in claims)}


def _span(source: str, quote: str, texts: dict[str, str]) -> tuple[str, int, int] | None:
    quote = ingest.normalise(quote)
    at = texts[source].find(quote) if source in texts and quote else -1
    return (source, at, at + len(quote)) if at >= 0 else None


def _overlap(a: tuple[str, int, int], b: tuple[str, int, int]) -> bool:
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]
