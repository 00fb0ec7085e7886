"""The support check measured on hand-labelled claim/quote pairs (tests/data/support-labels.yaml).

A pair is *flagged* when the check finds the quote to be padding, or gives a warning or error for
a word of the claim that neither the quote nor its sibling quotes have (a note, an unsupported
ordinary word the score takes for a paraphrase, is no flag: support/score.py). Recall: the share of
overreaching pairs flagged. Precision: the share of flagged pairs that are truly
overreaching or padding. The floors pin today's figures (README, "What traced means").
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from briefgen.inputs.sources import load_sources
from briefgen.support import score
from briefgen.support.claims import is_attribution, one_as_many
from briefgen.support.match import judge, reportable, sentence_names

LABELS = Path(__file__).parent / "data" / "support-labels.yaml"
BLIND = Path(__file__).parent / "data" / "support-blind.yaml"
"""Pairs written blind and measured once before they were committed (its head says when); never fitted on."""
ROOT = Path(__file__).parent.parent
CORPORA = (ROOT / "sources", ROOT / "examples" / "export-controls" / "sources")
RECALL_FLOOR, PRECISION_FLOOR = 0.96, 0.78  # all 897 pairs, scored (session 11: 0.92, 0.77 → 0.966, 0.787 by its second helper). A mix: the score is fitted on the 677
# pairs outside batches 17, 18, 22 and 23 (benchmarks/fit_support.py), so on those it is a training figure, on the four
# the dev figure. Session 10: 323/429 flags true, 262/280 found on the 777 pairs then labelled. The unseen figures are in
# README "What traced means".

def _source(origin: str) -> str:
    """The source id an origin names: "… quote 2 (li-qiang-vision)" or "…: crs-r48642, fresh held-out pair"."""
    found = re.search(r"\(([a-z0-9-]+)\)$", origin) or re.search(r": ([a-z0-9-]+), fresh held-out pair", origin)
    return found.group(1) if found else ""


@lru_cache(maxsize=1)
def _sources() -> dict[tuple[str, str], str]:
    """(claim, quote) → the quote's source id, from every pair whose origin names it."""
    pairs = [p for path in (LABELS, BLIND) for p in yaml.safe_load(path.read_text(encoding="utf-8"))]
    return {(p["claim"], p["quote"]): _source(p["origin"]) for p in pairs if _source(p["origin"])}


@lru_cache(maxsize=1)
def _documents() -> dict[str, object]:
    """Source id → its Source (metadata and text), from both corpora's sources.yaml, as the check sees them."""
    return {k: v for folder in CORPORA for k, v in load_sources(folder).items()}


def facts(pair: dict) -> dict:
    """What the check finds for ``pair``: "padding"; "strong" (a finding that is never scored: a number, date or name,
    a dropped hedge, one source as many, a strong word); the ordinary unsupported words it scores ("soft"), with the
    sentence's content words ("found") and its supporting passages ("passages")."""
    quotes = [pair["quote"], *pair.get("with", [])]
    # each quote's document, as the check knows it from the citation (None when no origin names it)
    origins = [_documents().get(_sources().get((pair["claim"], q), "")) for q in quotes]
    verdict = judge(pair["claim"], quotes, sentence_names(pair["claim"], *quotes), origins)
    # as the check does, count sources, not quotes; a quote whose source no origin names counts as its own
    cited = [(_sources().get((pair["claim"], q)) or f"quote {i}", q) for i, q in enumerate(quotes)]
    left = reportable([w for w in verdict.missing if not is_attribution(w, [quotes[i] for i in verdict.supporting])])
    soft = [w for w in left if w.kind == "word"]
    return {"padding": 0 in verdict.padding,
            "strong": bool(one_as_many(pair["claim"], cited) or verdict.dropped or any(score.strong(w) for w in left)),
            "soft": soft, "found": verdict.words, "passages": [quotes[i] for i in verdict.supporting]}


def predict(pair: dict, scored: bool = True) -> str:
    """The check's verdict on ``pair``; ``scored=False``: as before the score, every unsupported word a warning."""
    found = facts(pair)
    if found["padding"]:
        return "padding"
    if found["strong"]:
        return "overreaching"
    if found["soft"] and (not scored or score.confirmed(found["found"], found["soft"], found["passages"])[0]):
        return "overreaching"
    return "supported"


def _in(pair: dict, split: str) -> bool:
    """True when ``pair`` belongs to ``split``: "dev"; "held-out" (batches 1-4, as measured in sessions 1-2);
    "batch N" (a fresh batch; batch 5 is not part of "held-out", so that figure stays comparable); "" (all)."""
    batch = re.search(r"batch \d+$", pair["origin"])
    if split.startswith("batch"):
        return bool(batch) and batch.group() == split
    if split == "held-out":
        return pair["split"] == split and not (batch and int(batch.group().split()[1]) >= 5)
    return not split or pair["split"] == split


def measure(split: str = "", labels: Path = LABELS) -> dict[str, float]:
    """Return the figures on the pairs of ``split`` ("dev", "held-out", or "batch N": a later fresh batch), or on all."""
    pairs = [p for p in yaml.safe_load(labels.read_text(encoding="utf-8")) if _in(p, split)]
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
    for split, (recall, precision) in FLOORS.items():
        found = measure(split)
        assert found["recall"] >= recall and found["precision"] >= precision, (split, found)


def test_the_blind_batches_meet_the_goal() -> None:
    """Issue #9's goal, on the pairs written blind in session 11 (batches 24 and 25, support-blind.yaml): at least 70%
    of flags true at no less than 80% of overreaching pairs found, on both together and on each. Measured at the end
    of session 11: 78% (54/69) at 85% (34/40); batch 24 76% (26/34) at 80% (16/20), batch 25 80% (28/35) at 90%
    (18/20); the session-start code gave 77% (49/64) at 72% (29/40). A regression guard at the goal, not a target."""
    for split in ("", "batch 24", "batch 25"):
        found = measure(split, BLIND)
        assert found["pairs"] >= 60 and found["overreaching"] >= 20, (split, found)
        assert found["recall"] >= 0.80 and found["precision"] >= 0.70, (split or "batches 24 + 25", found)


def test_without_the_score_every_unsupported_word_is_still_a_flag() -> None:
    """The figures before the score (session 6's check), kept measurable: the score only turns flags into notes."""
    pairs = [p for p in yaml.safe_load(LABELS.read_text(encoding="utf-8")) if _in(p, "batch 16")]
    flagged = [p for p in pairs if predict(p, scored=False) != "supported"]
    assert (len(flagged), sum(p["label"] != "supported" for p in flagged)) == (38, 22)
    # 41 in session 7; in session 8 the headline rule took "found" (a title-case "Implemented"), the document-act rule "titled";
    # in session 9 the source-part subject rule "The digest's background note says"
    assert {id(p) for p in pairs if predict(p) != "supported"} < {id(p) for p in flagged}


FLOORS = {  # split: (recall, precision) floors, scored (session 10: the Moby thesaurus in a word's slot, threshold at 95%
    # of the scored training overreaches), training figures now; each batch's unseen figure is in the README ("What
    # traced means") and in git log of this file. Session 10 lowered recall on held-out (0.94), batches 5 and 11 (1.0)
    # and 18 (1.0): one overreach each taken for a paraphrase ("being used" for "the potential to", "succeeded" for
    # "sought", "rest on evidence" for "grounded in concerns", "blocks" for "prevent" beside "automatically", now a note)
    "dev": (0.95, 0.87),  # the pairs the check was first built on
    "held-out": (0.91, 0.82),
    "batch 5": (0.92, 0.84),
    "batch 6": (1.00, 0.90),
    "batch 7": (1.00, 0.88),
    "batch 8": (1.00, 0.70),
    "batch 9": (1.00, 0.81),
    "batch 10": (0.91, 0.81),
    "batch 11": (1.00, 0.72),
    "batch 12": (1.00, 0.80),
    "batch 13": (0.95, 0.69),
    "batch 14": (0.95, 0.84),
    "batch 15": (1.00, 0.69),
    "batch 16": (1.00, 0.66),  # blind in session 6 (54% at 100% before the score)
    "batch 17": (0.94, 0.67),  # blind in session 7 (45%, 76% before the score; 50%, 53% at the 87% threshold); dev in session 8
    "batch 18": (0.94, 0.71),  # blind in session 7 (47%, 94% before the score; 68%, 65% at the 87% threshold); dev in session 8
    "batch 22": (0.95, 0.93),  # blind in session 11 (session-start code: see README), dev since
    "batch 23": (0.95, 0.77),  # blind in session 11, dev since
}


if __name__ == "__main__":  # python tests/test_support_labels.py: the README's figures
    batches = sorted({int(b) for b in re.findall(r"batch (\d+)'", LABELS.read_text(encoding="utf-8"))})
    for name in ("dev", "held-out", *(f"batch {n}" for n in batches), ""):
        f = measure(name)
        print(f"{name or 'all':>8}: {f['pairs']:3.0f} pairs ({f['overreaching']:.0f} overreaching, {f['padding']:.0f} padding): "
              f"precision {f['precision']:.0%}, recall {f['recall']:.0%}, padding found {f['padding_found']:.0%}")
