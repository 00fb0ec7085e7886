"""Measure what `briefgen summarize` drafts, on the seed corpus and on examples/export-controls (a script, not a test).

    python benchmarks/summarize_quality.py            # both corpora, a table
    python benchmarks/summarize_quality.py --json     # the figures as JSON
    python benchmarks/summarize_quality.py --misses   # also every missed pair, wrongly filed draft and missed curated quote

Each corpus is drafted from its themes with their claims removed (``--per-theme 8``),
then compared with a gold standard:

- export-controls: ``gold.yaml`` (hand-made key facts with verbatim anchors, the
  cross-source pairs, the look-alike facts that must stay apart);
- seed: the curated claims of summary/summary.yaml (each claim a key fact, its
  evidence quotes its anchors), and their cross-source pairs as read by hand in benchmarks/seed_pairs.yaml (session 12,
  two blind readers): a pair whose two sources report the same fact is a gold pair; one whose claim joins two different
  facts must stay apart, as gold.yaml's ``distinct``.

Figures:
- key_fact_recall: share of key facts with some drafted quote overlapping one of its anchors (the drafts
  that fit no theme, which summarize lists for the analyst, count); key_fact_recall_filed: the same,
  counting only the drafts filed under a theme;
- pairs_merged: share of gold pairs quoted, both sources at their anchors, by one drafted claim;
  curated_pairs_merged (seed): the same over every two sources of a curated claim, the figure until session 12;
- false_merges: drafted claims quoting anchors of two facts that must stay apart (gold.yaml's
  ``distinct``; for the seed, both sources of a pair seed_pairs.yaml reads as two facts), or of two key facts
  from different sources, neither source quoting both;
- broken: share of drafted claims whose text is no usable sentence (checked here
  independently of the drafting code: fragment endings, lower-case or pronoun
  openers, datelines, page furniture, unbalanced quotation marks);
- wrong_theme: share of drafted claims that match a key fact but sit under another theme;
- wrong_theme_acceptable: the same, a draft counting as rightly filed also under a theme the key fact plainly fits
  besides the analyst's (gold.yaml's ``also:`` per fact; for the seed, benchmarks/seed_also_fits.yaml, whose head
  states the rule by which every claim was read);
- unassigned_closest: share of the "fits no theme" drafts that match a key fact whose theme is one of the
  themes the draft names as closest (those it fits about equally);
- follow_on_quotes: second quotes of a draft's leading source (the sentence beside it that continues its subject);
  follow_on_same_fact / follow_on_other_fact: of those, how many overlap an anchor of a key fact the leading quote
  matches too, and how many only anchors of other key facts (a second fact in one claim);
- lead_in_quotes: second quotes that are the lead-in line (ending in a colon) of the list whose item leads the draft;
- misses (printed with ``--misses``): every key fact no draft quotes, every gold pair not merged (its fact, sources and anchors), every falsely merged
  draft (two of the facts it quotes and its quotes), every draft filed under a theme the key fact it matches is not under,
  and every curated quote no filed draft overlaps (and whether a "fits no theme" draft does): the material to read
  before changing a rule;
- seed_recall / seed_precision (the goal's figure): ``summarize.evaluate`` against the curated quotes, for every
  draft the analyst is given: those filed under a theme and those `briefgen summarize` lists under "fits no theme"
  (printed with the sources they quote, never filed); seed_recall_filed / seed_precision_filed: the filed drafts only.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPORA = {"seed": ROOT, "export-controls": ROOT / "examples" / "export-controls"}
PER_THEME = 8
ALSO_FITS: dict[str, list[str]] = yaml.safe_load((ROOT / "benchmarks" / "seed_also_fits.yaml").read_text(encoding="utf-8")) or {}
"""Seed claim id → the other themes it plainly fits too, by the rule written in that file (for ``wrong_theme_acceptable``)."""
SEED_PAIRS: list[dict[str, str]] = yaml.safe_load((ROOT / "benchmarks" / "seed_pairs.yaml").read_text(encoding="utf-8"))["pairs"]
"""The seed's curated cross-source pairs, each read by hand as ``same-fact`` or ``different-facts`` (that file's head)."""

_BROKEN = [
    ("fragment end", re.compile(r"(?:[;,:]\s*(?:and|or)?\.?|\b(?:and|or|the|of|to)\.)$")),
    ("lower-case start", re.compile(r"^[a-z]")),
    ("pronoun opener", re.compile(r"^(?:They|He|She|It|His|Her|Their|Its|These|Those|This|That|Such|Them)\b(?! (?:is|was) (?:\w+ ){1,2}(?:to|that)\b)")),
    ("connective opener", re.compile(r"^(?:To counter that|In response|As a result|Of these|Instead|Then|Thus|Therefore)\b")),
    ("dateline", re.compile(r"^[A-Z][A-Z .,'’-]{2,}(?:\([^)]*\))?\s*[-–—]|^[A-Z][a-z]+, [A-Z][\w.]+ ?[-–—]|^\w+, \(")),
    ("furniture", re.compile(r"\[email|FOR IMMEDIATE RELEASE|Skip to main content|Media Contact|(?-i:^By [A-Z][a-z]+ [A-Z])"
                             r"|Photo by|All rights reserved", re.IGNORECASE)),
    ("short", re.compile(r"^(?:\W*\w+\W*){0,5}$")),
]


def broken(text: str) -> str:
    """Why a drafted claim's text is no usable sentence, or ''."""
    for name, pattern in _BROKEN:
        if pattern.search(text):
            return name
    if text.count("“") != text.count("”") or text.count('"') % 2:
        return "unbalanced quotes"
    return ""


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _gold_from_curated(summary: dict[str, Any]) -> dict[str, Any]:
    verdicts = {(p["fact"], p["a"], p["b"]): p["verdict"] for p in SEED_PAIRS}
    facts, pairs = [], []
    for theme in summary["themes"]:
        for claim in theme.get("claims", []):
            if claim.get("status", "curated") != "curated":
                continue
            anchors = [{"source": e["source"], "anchor": e["quote"]} for e in claim["evidence"]]
            facts.append({"id": claim["id"], "theme": theme["id"], "anchors": anchors, "also": ALSO_FITS.get(claim["id"], [])})
            sources = sorted({a["source"] for a in anchors})
            pairs += [{"fact": claim["id"], "a": a, "b": b} for i, a in enumerate(sources) for b in sources[i + 1:]]
    assert set(verdicts) == {(p["fact"], p["a"], p["b"]) for p in pairs}, "benchmarks/seed_pairs.yaml reads every curated pair"
    return {"facts": facts, "pairs": [p for p in pairs if verdicts[p["fact"], p["a"], p["b"]] == "same-fact"], "curated_pairs": pairs,
            "apart": [p for p in pairs if verdicts[p["fact"], p["a"], p["b"]] == "different-facts"], "distinct": None}


def _facts(gold: dict[str, Any], fact: str) -> dict[str, Any]:
    return next(f for f in gold["facts"] if f["id"] == fact)


def _load(root: Path) -> tuple[Any, Any, dict[str, Any], dict[str, str]]:
    """``root``'s project, its sources, its gold (its gold.yaml, or the seed's from its summary and seed_pairs.yaml) and
    the texts of its sources that have a file."""
    from briefgen import pipeline
    from briefgen.inputs.sources import load_sources

    project = pipeline.Project(root)
    sources = load_sources(project.sources_dir)
    gold_path = root / "gold.yaml"
    if gold_path.is_file():
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    else:
        gold = _gold_from_curated(yaml.safe_load((project.summary_dir / "summary.yaml").read_text(encoding="utf-8")))
    return project, sources, gold, {sid: s.text for sid, s in sources.items() if s.path is not None}


def sentences_of_facts(root: Path) -> tuple[dict[str, Any], Any, dict[str, str], list[tuple[str, str, int, int]], dict[int, set[str]]]:
    """``root``'s gold (its gold.yaml, or the seed's from its summary and seed_pairs.yaml), the drafting corpus of its
    sources (``summarize._corpus``: every sentence summarize judges), each source's flattened text, the anchors as
    (fact, source, start, end) in those texts, and per sentence the key facts whose anchors it overlaps: what the
    pair scripts (pair_vectors.py, pair_embeddings.py) compare."""
    from briefgen.drafting import summarize

    _, sources, gold, texts = _load(root)
    corpus = summarize._corpus(texts, {sid: s.issued for sid, s in sources.items()})
    flat = {sid: _flat(t) for sid, t in texts.items()}
    anchors = []
    for fact in gold["facts"]:
        for a in fact["anchors"]:
            quote = _flat(a["anchor"])
            at = flat.get(a["source"], "").find(quote)
            if at >= 0:
                anchors.append((fact["id"], a["source"], at, at + len(quote)))
    of: dict[int, set[str]] = {}
    for i in range(len(corpus.spans)):
        p = corpus.passage(i)
        quote = _flat(p.quote)
        at = flat[p.source].find(quote)
        of[i] = {f for f, s, a0, a1 in anchors if at >= 0 and s == p.source and at < a1 and a0 < at + len(quote)}
    return gold, corpus, flat, anchors, of


def measure(root: Path) -> dict[str, Any]:
    """Draft ``root``'s corpus from its themes and return the figures."""
    from briefgen.drafting import summarize
    from briefgen.inputs.summary import load_summary

    project, sources, gold, texts = _load(root)
    curated = load_summary(project.summary_dir, sources)
    themes = [t.model_copy(update={"claims": []}) for t in curated.themes]
    issued = {sid: s.issued for sid, s in sources.items()}
    try:
        drafts = summarize.draft(texts, themes, per_theme=PER_THEME, issued=issued)
    except TypeError:  # the drafting code before the issued argument, for before/after figures
        drafts = summarize.draft(texts, themes, per_theme=PER_THEME)
    flat = {sid: _flat(t) for sid, t in texts.items()}

    def span(source: str, quote: str) -> tuple[str, int, int] | None:
        at = flat.get(source, "").find(_flat(quote))
        return (source, at, at + len(_flat(quote))) if at >= 0 else None

    def hits(spans: list[tuple[str, int, int]], found: list[tuple[str, int, int]] | None) -> bool:
        """Whether a drafted quote overlaps one of a fact's anchors in one source."""
        return any(s[0] == a[0] and s[1] < a[2] and a[1] < s[2] for a in found or () for s in spans)

    anchors: dict[str, dict[str, list[tuple[str, int, int]]]] = {f["id"]: {} for f in gold["facts"]}
    """Fact → source → the spans of its anchors there (a fact may quote one source twice: every quote counts)."""
    for f in gold["facts"]:
        for a in f["anchors"]:
            found = span(a["source"], a["anchor"])
            anchors[f["id"]].setdefault(a["source"], []).extend([found] if found else [])
    theme_of = {f["id"]: f["theme"] for f in gold["facts"]}
    acceptable = {f["id"]: {f["theme"], *f.get("also", ())} for f in gold["facts"]}
    claims = [(d.theme, d.text, [s for s in (span(p.source, p.quote) for p in d.evidence) if s]) for d in drafts]
    assigned = [c for c in claims if c[0]]

    def facts_of(spans: list[tuple[str, int, int]]) -> set[str]:
        return {fid for fid, by_source in anchors.items() if any(hits(spans, a) for a in by_source.values())}

    found = set().union(*(facts_of(spans) for _, _, spans in claims)) if claims else set()
    filed = set().union(*(facts_of(spans) for _, _, spans in assigned)) if assigned else set()
    def joins(spans: list[tuple[str, int, int]], pair: dict[str, str]) -> bool:
        """Whether a drafted claim quotes both sources of a pair at their anchors."""
        return hits(spans, anchors[pair["fact"]].get(pair["a"])) and hits(spans, anchors[pair["fact"]].get(pair["b"]))

    merged = [p for p in gold["pairs"] if any(joins(spans, p) for _, _, spans in claims)]
    every_pair = gold.get("curated_pairs", gold["pairs"])
    curated_merged = sum(any(joins(spans, p) for _, _, spans in claims) for p in every_pair)
    false = 0
    misses: list[str] = []
    for _, _, spans in claims:
        matched = facts_of(spans)
        own = {fid: {s for s, a in anchors[fid].items() if hits(spans, a)} for fid in matched}
        apart = sorted({f"{a} + {b}" for a, b in gold["distinct"] or () if a in matched and b in matched}
                       | {f"{a} + {b}" for a in own for b in own if a < b and own[a] - own[b] and own[b] - own[a]}
                | {f"{p['fact']} ({p['a']} + {p['b']}: two facts)" for p in gold.get("apart", ()) if joins(spans, p)})
        false += bool(apart)
        misses += [f"false merge: {pair}: {' / '.join(f'[{s[0]}] ' + flat[s[0]][s[1]:s[2]][:70] for s in spans)}" for pair in apart[:1]]
    misses += [f"key fact not drafted: {f['id']}: {_flat(f.get('text') or f['anchors'][0]['anchor'])[:110]}" for f in gold["facts"] if f["id"] not in found]
    wrong = wrong_acceptable = matched_assigned = 0
    misses += [f"pair not merged: {p['fact']} ({p['a']} / {p['b']}): " + " / ".join(
        _flat(a["anchor"])[:90] for side in (p["a"], p["b"]) for a in _facts(gold, p["fact"])["anchors"] if a["source"] == side)
        for p in gold["pairs"] if p not in merged]
    for theme, text, spans in assigned:
        matched = facts_of(spans)
        if matched:
            matched_assigned += 1
            if theme not in {theme_of[f] for f in matched}:
                misses.append(f"wrong theme: {theme} for {', '.join(sorted({theme_of[f] for f in matched}))}: {text[:120]}")
            wrong += theme not in {theme_of[f] for f in matched}
            wrong_acceptable += theme not in set().union(*(acceptable[f] for f in matched))
    unassigned = closest = 0
    for d, (_, _, spans) in zip(drafts, claims, strict=True):
        if not d.theme and facts_of(spans):
            unassigned += 1
            closest += bool({theme_of[f] for f in facts_of(spans)} & set(getattr(d, "fits", ())))
    follow = {"same": 0, "other": 0, "unmatched": 0}
    """Second quotes of a draft's leading source (``drafting.followon``): of the leading quote's key fact, of another one, or of none."""
    lead_ins = 0
    """Second quotes that are the lead-in of the list whose item leads the draft (a line ending in a colon before it)."""
    for _, _, spans in claims:
        for extra in (s for s in spans[1:] if spans and s[0] == spans[0][0]):
            if extra[2] <= spans[0][1] and flat[extra[0]][extra[1]:extra[2]].endswith(":"):
                lead_ins += 1
                continue
            mine, theirs = facts_of(spans[:1]), facts_of([extra])
            follow["same" if mine & theirs else "other" if theirs else "unmatched"] += 1
    reasons = [(text, broken(text)) for _, text, _ in claims]
    filed_spans = [s for theme, _, spans in assigned for s in spans]
    listed_spans = [s for theme, _, spans in claims if not theme for s in spans]
    for claim in curated.claims.values():
        for e in claim.evidence if claim.status == "curated" else ():
            quote = span(e.source, e.quote)
            if quote and not hits(filed_spans, [quote]):
                where = "in a 'fits no theme' draft" if hits(listed_spans, [quote]) else "in no draft"
                misses.append(f"curated quote not drafted ({where}): {claim.id} [{e.source}]: {_flat(e.quote)[:110]}")
    given = summarize.evaluate(curated, drafts, sources)
    filed_only = summarize.evaluate(curated, [d for d in drafts if d.theme], sources)
    return {
        "documents": len(texts), "drafted_claims": len(claims), "unassigned": len(claims) - len(assigned),
        "key_facts": len(gold["facts"]), "key_fact_recall": round(len(found) / len(gold["facts"]), 3) if gold["facts"] else 0.0,
        "key_fact_recall_filed": round(len(filed) / len(gold["facts"]), 3) if gold["facts"] else 0.0,
        "pairs": len(gold["pairs"]), "pairs_merged": round(len(merged) / len(gold["pairs"]), 3) if gold["pairs"] else 0.0,
        "curated_pairs_merged": round(curated_merged / len(every_pair), 3) if every_pair else 0.0,
        "false_merges": false,
        "broken": round(sum(bool(r) for _, r in reasons) / len(claims), 3) if claims else 0.0,
        "broken_examples": [f"{r}: {t}" for t, r in reasons if r][:5],
        "wrong_theme": round(wrong / matched_assigned, 3) if matched_assigned else 0.0,
        "wrong_theme_acceptable": round(wrong_acceptable / matched_assigned, 3) if matched_assigned else 0.0,
        "unassigned_closest": round(closest / unassigned, 3) if unassigned else 0.0,
        "seed_recall": given["recall"], "seed_precision": given["precision"],
        "seed_recall_filed": filed_only["recall"], "seed_precision_filed": filed_only["precision"],
        "multi_source_claims": sum(len({s[0] for s in spans}) > 1 for _, _, spans in claims),
        "follow_on_quotes": sum(follow.values()), "follow_on_same_fact": follow["same"], "follow_on_other_fact": follow["other"],
        "lead_in_quotes": lead_ins, "misses": misses,
    }


def main(argv: list[str]) -> int:
    results = {name: measure(root) for name, root in CORPORA.items()}
    if "--json" in argv:
        print(json.dumps(results, indent=2))
        return 0
    keys = ["documents", "drafted_claims", "unassigned", "key_fact_recall", "key_fact_recall_filed", "pairs_merged", "curated_pairs_merged", "false_merges", "broken",
            "wrong_theme", "wrong_theme_acceptable", "unassigned_closest", "seed_recall", "seed_precision", "seed_recall_filed", "seed_precision_filed",
            "multi_source_claims", "follow_on_quotes", "follow_on_same_fact", "follow_on_other_fact", "lead_in_quotes"]
    print(f"{'':22}" + "".join(f"{name:>18}" for name in results))
    for key in keys:
        print(f"{key:22}" + "".join(f"{results[name][key]!s:>18}" for name in results))
    for name, figures in results.items():
        for example in figures["broken_examples"]:
            print(f"  {name} broken: {example[:140]}")
    for name, figures in results.items() if "--misses" in argv else ():
        for miss in figures["misses"]:
            print(f"  {name} {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
