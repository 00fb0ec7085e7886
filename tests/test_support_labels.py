"""The support check measured on hand-labelled claim/quote pairs (tests/data/support-labels.yaml).

A pair is *flagged* when the check finds the quote to be padding, or finds a word of
the claim that neither the quote nor its sibling quotes have. Recall: the share of
overreaching pairs flagged. Precision: the share of flagged pairs that are truly
overreaching or padding. The floors pin today's figures (README, "What traced means").
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from briefgen.inputs.sources import load_sources
from briefgen.support.claims import is_attribution, one_as_many
from briefgen.support.match import judge, reportable, sentence_names

LABELS = Path(__file__).parent / "data" / "support-labels.yaml"
ROOT = Path(__file__).parent.parent
CORPORA = (ROOT / "sources", ROOT / "examples" / "export-controls" / "sources")
RECALL_FLOOR, PRECISION_FLOOR = 0.95, 0.67  # all pairs, batches 5-16 (session 5: 265/408 flags true, 218/229 found;
# 248/374 before the blind batch 15; session 6: 266/386, 219/229; with the blind batch 16: 288/427, 236/246)
HELD_OUT_RECALL_FLOOR, HELD_OUT_PRECISION_FLOOR = 0.97, 0.72  # 45/62 (session 6; 45/63 before), 36/37 found
UNSEEN_RECALL_FLOOR, UNSEEN_PRECISION_FLOOR = 1.0, 0.80  # batch 5: 17/21 (17/28 when first measured, unseen; 17/22 in session 5)


def _source(origin: str) -> str:
    """The source id an origin names: "… quote 2 (li-qiang-vision)" or "…: crs-r48642, fresh held-out pair"."""
    found = re.search(r"\(([a-z0-9-]+)\)$", origin) or re.search(r": ([a-z0-9-]+), fresh held-out pair", origin)
    return found.group(1) if found else ""


@lru_cache(maxsize=1)
def _sources() -> dict[tuple[str, str], str]:
    """(claim, quote) → the quote's source id, from every pair whose origin names it."""
    pairs = yaml.safe_load(LABELS.read_text(encoding="utf-8"))
    return {(p["claim"], p["quote"]): _source(p["origin"]) for p in pairs if _source(p["origin"])}


@lru_cache(maxsize=1)
def _documents() -> dict[str, object]:
    """Source id → its Source (metadata and text), from both corpora's sources.yaml, as the check sees them."""
    return {k: v for folder in CORPORA for k, v in load_sources(folder).items()}


def predict(pair: dict) -> str:
    quotes = [pair["quote"], *pair.get("with", [])]
    # each quote's document, as the check knows it from the citation (None when no origin names it)
    origins = [_documents().get(_sources().get((pair["claim"], q), "")) for q in quotes]
    verdict = judge(pair["claim"], quotes, sentence_names(pair["claim"], *quotes), origins)
    if 0 in verdict.padding:
        return "padding"
    # as the check does, count sources, not quotes; a quote whose source no origin names counts as its own
    cited = [(_sources().get((pair["claim"], q)) or f"quote {i}", q) for i, q in enumerate(quotes)]
    plural = one_as_many(pair["claim"], cited)
    flagged = plural or verdict.dropped or reportable([w for w in verdict.missing if not is_attribution(w)])
    return "overreaching" if flagged else "supported"


def _in(pair: dict, split: str) -> bool:
    """True when ``pair`` belongs to ``split``: "dev"; "held-out" (batches 1-4, as measured in sessions 1-2);
    "batch N" (a fresh batch; batch 5 is not part of "held-out", so that figure stays comparable); "" (all)."""
    batch = re.search(r"batch \d+$", pair["origin"])
    if split.startswith("batch"):
        return bool(batch) and batch.group() == split
    if split == "held-out":
        return pair["split"] == split and not (batch and int(batch.group().split()[1]) >= 5)
    return not split or pair["split"] == split


def measure(split: str = "") -> dict[str, float]:
    """Return the figures on the pairs of ``split`` ("dev", "held-out", or "batch N": a later fresh batch), or on all."""
    pairs = [p for p in yaml.safe_load(LABELS.read_text(encoding="utf-8")) if _in(p, split)]
    flagged = [p for p in pairs if predict(p) != "supported"]
    true_flags = [p for p in flagged if p["label"] != "supported"]
    over = [p for p in pairs if p["label"] == "overreaching"]
    found = [p for p in over if predict(p) != "supported"]
    padding = [p for p in pairs if p["label"] == "padding"]
    return {"pairs": len(pairs), "overreaching": len(over), "padding": len(padding),
            "recall": len(found) / len(over), "precision": len(true_flags) / len(flagged),
            "padding_found": sum(predict(p) == "padding" for p in padding) / len(padding)}


def test_the_labelled_set_is_large_and_says_where_each_pair_comes_from() -> None:
    pairs = yaml.safe_load(LABELS.read_text(encoding="utf-8"))
    assert len(pairs) >= 60
    assert all(p["origin"] and p["label"] in ("supported", "overreaching", "padding") for p in pairs)
    assert all(p["split"] in ("dev", "held-out") for p in pairs)
    assert {p["origin"].split(":")[0] for p in pairs} >= {"seed corpus", "export-controls corpus (public-domain US federal texts, examples/export-controls/sources)"}


def test_recall_and_precision_stay_above_their_floors() -> None:
    figures = measure()
    assert figures["recall"] >= RECALL_FLOOR, figures
    assert figures["precision"] >= PRECISION_FLOOR, figures
    held_out = measure("held-out")
    assert held_out["recall"] >= HELD_OUT_RECALL_FLOOR, held_out
    assert held_out["precision"] >= HELD_OUT_PRECISION_FLOOR, held_out
    unseen = measure("batch 5")
    assert unseen["recall"] >= UNSEEN_RECALL_FLOOR, unseen
    assert unseen["precision"] >= UNSEEN_PRECISION_FLOOR, unseen
    last = measure("batch 6")  # written after every session-3 change, measured once: 9/16 flags true, 7/8 found
    assert last["recall"] >= 1.0 and last["precision"] >= 0.83, last  # 9/15 since session 4's WordNet links, 9/11 with vectors; 10/12, 8/8 (s6)
    seventh = measure("batch 7")  # support2 shift: 15/22 unseen, 15/18 after its rules, 15/17 after session 4's; 12/12 found
    assert seventh["recall"] >= 1.0 and seventh["precision"] >= 0.83, seventh  # 15/18 with session 5's hedge rule
    eighth = measure("batch 8")  # session 4: 17/39 unseen, 17/32 after its rules (read off its false flags); 14/14 found
    assert eighth["recall"] >= 1.0 and eighth["precision"] >= 0.56, eighth  # 17/31 with session 5's vectors, 17/30 session 6
    ninth = measure("batch 9")  # session 4: 16/30 flags true and 13/15 found unseen; 17/28, 14/15 after round 2's rules
    assert ninth["recall"] >= 0.93 and ninth["precision"] >= 0.70, ninth  # session 5: 17/27, 14/15 found; session 6: 17/24
    tenth = measure("batch 10")  # session 4: 13/22 and 11/12 unseen; 13/20 after round 2's rules
    assert tenth["recall"] >= 0.91 and tenth["precision"] >= 0.68, tenth  # session 5: 13/19, 11/12 found
    eleventh = measure("batch 11")  # session 4, written after its last rule change, measured once: 15/28, 13/14 found
    assert eleventh["recall"] >= 1.0 and eleventh["precision"] >= 0.66, eleventh  # session 5: 16/25, 14/14 found; s6: 16/24
    twelfth = measure("batch 12")  # session 5: unseen baseline 22/42 and 19/22 found; 22/34 with its vectors
    assert twelfth["recall"] >= 0.95 and twelfth["precision"] >= 0.70, twelfth  # 24/37, 21/22 with its hedge rule; s6: 24/34
    thirteenth = measure("batch 13")  # session 5, after the vectors: 21/42 and 19/24 found unseen; 23/45, 21/24 with the hedge rule
    assert thirteenth["recall"] >= 0.91 and thirteenth["precision"] >= 0.53, thirteenth  # session 6: 24/45, 22/24 found
    fourteenth = measure("batch 14")  # session 5, written after its last code change, measured once: 22/37, 19/20 found
    assert fourteenth["recall"] >= 0.95 and fourteenth["precision"] >= 0.66, fourteenth  # session 6 (read off it): 22/33
    blind = measure("batch 15")  # session 5, the lead's, written before any session-5 change and kept out of the repo
    assert blind["recall"] >= 0.92 and blind["precision"] >= 0.64, blind  # until measured: 18/36 and 14/14 before, 17/34 and 13/14 after
    # session 6, its false flags read (training now): 17/26, 13/14 found
    sixteenth = measure("batch 16")  # session 6, blind: written by a helper who never ran or read the check, before any
    assert sixteenth["recall"] >= 1.0 and sixteenth["precision"] >= 0.53, sixteenth  # session-6 change: 22/42 before, 22/41 after


if __name__ == "__main__":  # python tests/test_support_labels.py: the README's figures
    batches = sorted({int(b) for b in re.findall(r"batch (\d+)'", LABELS.read_text(encoding="utf-8"))})
    for name in ("dev", "held-out", *(f"batch {n}" for n in batches), ""):
        f = measure(name)
        print(f"{name or 'all':>8}: {f['pairs']:3.0f} pairs ({f['overreaching']:.0f} overreaching, {f['padding']:.0f} padding): "
              f"precision {f['precision']:.0%}, recall {f['recall']:.0%}, padding found {f['padding_found']:.0%}")
