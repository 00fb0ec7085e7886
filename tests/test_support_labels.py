"""The support check measured on hand-labelled claim/quote pairs (tests/data/support-labels.yaml).

A pair is *flagged* when the check finds the quote to be padding, or finds a word of
the claim that neither the quote nor its sibling quotes have. Recall: the share of
overreaching pairs flagged. Precision: the share of flagged pairs that are truly
overreaching or padding. The floors pin today's figures (README, "What traced means").
"""

from __future__ import annotations

from pathlib import Path

import yaml

from briefgen.support.claims import is_attribution
from briefgen.support.match import judge, sentence_names

LABELS = Path(__file__).parent / "data" / "support-labels.yaml"
RECALL_FLOOR, PRECISION_FLOOR = 0.85, 0.50


def predict(pair: dict) -> str:
    quotes = [pair["quote"], *pair.get("with", [])]
    verdict = judge(pair["claim"], quotes, sentence_names(pair["claim"], *quotes))
    if 0 in verdict.padding:
        return "padding"
    plural = any(is_attribution(w) for w in verdict.words) and len(quotes) == 1
    return "overreaching" if plural or [w for w in verdict.missing if not is_attribution(w)] else "supported"


def measure() -> dict[str, float]:
    pairs = yaml.safe_load(LABELS.read_text(encoding="utf-8"))
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
    assert {p["origin"].split(":")[0] for p in pairs} >= {"seed corpus", "export-controls corpus (public-domain US federal texts, examples/export-controls/sources)"}


def test_recall_and_precision_stay_above_their_floors() -> None:
    figures = measure()
    assert figures["recall"] >= RECALL_FLOOR, figures
    assert figures["precision"] >= PRECISION_FLOOR, figures


if __name__ == "__main__":
    print(measure())
