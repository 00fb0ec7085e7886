"""Floors for the figures of benchmarks/summarize_quality.py: a regression guard, not the goals (README "Drafting")."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BENCHMARK = Path(__file__).resolve().parent.parent / "benchmarks" / "summarize_quality.py"
FLOORS = {
    # Measured (deterministic) at each landing; README "Quality" has the figures and what was tuned on which corpus.
    # 6th session: a claim whose leading sentence is clauses divided by a semicolon is also compared clause by clause
    # (corpus.Corpus.clauses): export-controls pairs 0.429 → 0.5 ("… concerns about …; and PRC military-civil fusion
    # policies that seek …" with "China's military-civil fusion (MCF) program also seeks …").
    # 8th session: a quotation of several sentences the segmenter keeps whole ("“… restrictions. These controls … confront
    # … military-civil fusion strategy,” said …") is compared sentence by sentence (corpus._INNER): pairs 0.5 → 0.571.
    # 10th session (themefit): a theme whose title names its subject ("Why: China's military modernisation") holds only
    # sentences that name it (drafting/themesubject.py): 12 sentences leave that theme for the "fits no theme" list, whose
    # drafts then name the theme they were taken off as closest, the analyst's for 4 of the 6 that match a key fact.
    # 10th session: reports of one act (the same actor named as the act's subject, a verb of events.FAMILIES, the same
    # month or year of the act) are one fact whatever else they share (corpus.Corpus.acted): pairs 0.571 → 0.786 (the
    # October 2023 rules by BIS's release, the Federal Register and GAO; the September 2024 rule by the Federal Register
    # and GAO's "In September, BIS updated …", whose claim now quotes that act, not the rule's effective date); filed recall
    # 0.736 → 0.789 (the October 2023 IFRs' draft, listed before, is filed evidence now).
    "export-controls": {"key_fact_recall": 0.894, "key_fact_recall_filed": 0.788, "pairs_merged": 0.785, "unassigned_closest": 0.666},
    # Seed recall fell at the 3rd session's first landing (0.786 → 0.75, filed 0.589 → 0.554, quotes 0.544 → 0.522):
    # two key facts had been found only by drafts filed under a wrong theme through one coincidental word ("US").
    # 4th session: every anchor of a fact counts (a fact quoting one source twice had kept only its last), 0.75 → 0.821;
    # a theme names its acronym ("WAIC"), 0.839. Seed pairs merged 0.471 → 0.529 (4th session): a joined passage is
    # also compared sentence by sentence (corroboration._by_parts).
    # 5th session: a draft also quotes the sentence beside its leading one that continues its subject (drafting.followon):
    # seed quotes 0.567 → 0.589, listed 0.722 → 0.744. A draft whose "his" means the person of the draft before joins
    # it (53 → 52 drafts, one of them kept): precision 0.892 → 0.889, listed 0.849 → 0.846.
    # Merge's 4th-session corroboration rules: key-fact recall 0.857, filed 0.643.
    # 6th session: a verbless list item is drafted with its list's lead-in line ("… bottlenecks …:"), which the analyst
    # quotes with it (drafting._lead_ins): seed quotes 0.589 → 0.6, listed 0.744 → 0.756. A list item that fits no theme
    # alone is read with its list's heading or lead-in (themefit.fit): key-fact recall 0.857 → 0.875, filed 0.643 → 0.679,
    # quotes 0.6 → 0.622 at 0.889 → 0.895, listed 0.756 → 0.778 at 0.846 → 0.852.
    # 7th session: the goal's quote figure counts every draft the analyst is given, the "fits no theme" list too (the
    # former "listed" figure; `briefgen summarize` prints that list): seed_recall 0.778 at 0.852; filed only 0.622 at 0.895.
    # 8th session: a sentence that nearly repeats a draft's leading one further on in its source (token Jaccard >= 0.5,
    # the test that kept it from leading a draft) is quoted beside it (drafting._leaders' echoes): seed_recall 0.778 → 0.789.
    # 8th session (themefit): theme clues (drafting/themeclues.py) take 5 drafts off a theme BM25 alone files them under;
    # they are listed under "fits no theme" instead, pushing no listed draft out: the goal's quote figure and key-fact
    # recall stay; the filed-only rows fall with them (filed recall 0.679 → 0.625, quotes 0.622 → 0.544 at 0.895 → 0.909),
    # and the listed drafts naming the analyst's theme among their closest 0.833 → 0.812.
    # 8th session: a sentence whose first clause says "also" before a verb in -ed adds to the sentence before it
    # (followon.adds_to: "Western companies, including …, also participated, …"): seed_recall 0.789 → 0.811 (73 of 90),
    # key-fact recall 0.875 → 0.893, filed 0.625 → 0.643, quotes filed 0.544 → 0.567.
    # 8th session (themefit): a 4th theme clue (a long name a theme's description mentions is read as its initials) lists
    # a 6th draft: precision 0.852 → 0.855, filed recall 0.643 → 0.625, quotes filed 0.567 → 0.556, closest 0.812 → 0.765.
    # 9th session: sentences of documents issued in the same month are one fact from an overlap of 0.25 (corroboration.EVENT,
    # two reports of one event): seed pairs 0.529 → 0.588 ("The WAIC serves as a crucial platform …" / "The conference
    # serves as a platform …", 0.290), and that draft's second quote is curated: seed_recall 0.811 → 0.822 (74 of 90).
    # 9th session (themefit): a sentence whose best theme holds under 0.3 of its score over all themes is listed, not filed
    # (themefit.FOCUS), without pushing a listed draft out: 2 drafts; filed recall 0.625 → 0.589, quotes filed 0.556 at
    # 0.909 → 0.533 at 0.903, closest 0.765 → 0.684; key-fact recall and the goal's quote figure unchanged.
    # 10th session (themefit): a theme whose title names its subject holds only sentences that name it (themesubject):
    # 3 seed sentences listed, 2 of them the analyst's ("The country faces restrictions on exports … Nvidia chips" under
    # "US chip export limits" names no US): filed recall 0.589 → 0.571, quotes filed 0.533 at 0.903 → 0.522 at 0.897.
    # 11th session: reports of one speech are one fact (drafting/speech.py, corpus.Corpus.spoke: the same speaker, a pronoun
    # read as the one person its document names as speaking, documents of one month, two words of the same forms said in
    # common that at most about half of the documents use): seed pairs 0.588 → 0.647 ("Li emphasized the need for a
    # framework that balances innovation with security …" is evidence of "… He stressed the importance of finding a balance
    # between fostering innovation and ensuring safety …"); that draft was the one wrongly filed (wrong theme 0.038 → 0),
    # 55 → 54 drafts: precision 0.855 → 0.852, filed 0.897 → 0.893.
    # 12th session: the seed's 17 curated pairs read by hand, blind, by two readers who agreed on all (benchmarks/seed_pairs.yaml):
    # 11 report one fact (the gold pairs: 9 merged, 0.818), 6 are two facts a claim joins (two of them merged: false merges,
    # CEILINGS); curated_pairs_merged keeps the old figure over all 17 (0.647).
    # 12th session: a phrase in common, alone, is no fact in common (corroboration.framed: "serves as a (crucial) platform
    # for"): the false merge of "The WAIC serves as a crucial platform …" with "The conference serves as a platform for China
    # …" is gone; that curated pair was the only draft quoting the first sentence, which fits no theme and leads no draft:
    # seed_recall 0.822 → 0.811 (73 of 90), curated_pairs_merged 0.647 → 0.588; pairs_merged unchanged.
    # 12th session: a rare phrase that is one item of a list of each sentence, the lists sharing nothing else, is no rare
    # phrase in common (facts.Facts.anchor, facts.lists_of): "Potential risks … include job displacement, privacy concerns."
    # and "Issues such as misinformation, job displacement, and …" are two drafts now, the second listed under "fits no
    # theme" (54 → 55 drafts): curated_pairs_merged 0.588 → 0.529, seed_recall_filed 0.522 → 0.511 (its quote is in the
    # listed draft: seed_recall unchanged), precision 0.852 → 0.855, closest 0.714 → 0.682.
    "seed": {"key_fact_recall": 0.892, "key_fact_recall_filed": 0.570, "pairs_merged": 0.817, "curated_pairs_merged": 0.528, "seed_recall": 0.810,
             "seed_precision": 0.851, "seed_recall_filed": 0.510, "seed_precision_filed": 0.892, "unassigned_closest": 0.681},
}
CEILINGS = {
    "export-controls": {"false_merges": 0, "broken": 0.0, "wrong_theme": 0.0, "wrong_theme_acceptable": 0.0},
    # Seed false merges: 1 once every anchor counted (4th session; it was there before, hidden), 0 again since two
    # sentences sharing only words most documents use are no longer one fact (corroboration.judge, ``specific``).
    # wrong_theme_acceptable (5th session): a draft under a theme the fact plainly fits besides the analyst's is not
    # wrong (benchmarks/seed_also_fits.yaml states the rule): 6 of 32 filed drafts that match a key fact (6 of 33 before
    # a wrongly filed draft joined the draft before it; the strict count 9 of 33 → 8 of 32).
    # 6th session: two list items filed by their list's heading, both under the analyst's theme: 8 of 34 (0.235), 6 of 34.
    # 8th session: of the 8 wrongly filed drafts the theme clues file 2 under the analyst's theme and list 3: 3 of 30 (0.1), 1 of 30.
    # 9th session: the focus rule lists 2 of the 3 left (one under a theme the acceptable-theme file allows, one not):
    # 1 of 28 (0.036), 0 of 28.
    # 10th session: the subject rule (themesubject) lists 2 rightly filed drafts, the wrong one stays: 1 of 26 (0.038).
    # 11th session: the one wrongly filed draft is evidence of the draft of the same speech (drafting/speech.py): 0 of 25.
    # 12th session: false merges 0 → 2 by the hand reading of the seed's pairs (benchmarks/seed_pairs.yaml), the code unchanged:
    # "The WAIC serves as a crucial platform for industry leaders …" with "The conference serves as a platform for China to
    # promote its vision …" (a tie of one month's documents, EVENT), and two lists of AI risks sharing "job displacement"
    # (a rare phrase, PHRASED).
    # 12th session: 2 → 1, the first gone (its shared words, serve and platform, are one phrase of each: corroboration.framed);
    # 1 → 0, the second gone (job displacement is one item of two lists that share no other: facts.Facts.anchor).
    "seed": {"false_merges": 0, "broken": 0.0, "wrong_theme": 0.0, "wrong_theme_acceptable": 0.0},
}


@pytest.fixture(scope="module")
def quality():
    spec = importlib.util.spec_from_file_location("summarize_quality", BENCHMARK)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("corpus", ["export-controls", "seed"])
def test_quality_figures_stay_above_their_floors(quality, corpus: str) -> None:
    figures = quality.measure(quality.CORPORA[corpus])
    print(corpus, {k: v for k, v in figures.items() if k != "broken_examples"})
    for key, floor in FLOORS[corpus].items():
        assert figures[key] >= floor, (key, figures[key])
    for key, ceiling in CEILINGS[corpus].items():
        assert figures[key] <= ceiling, (key, figures[key], figures["broken_examples"])


def test_the_broken_draft_check_catches_each_kind(quality) -> None:
    for text in ("Obligations for high-risk systems (12 months after entry into force); and.", "They said it would pass.",
                 "PARIS, (Agency / Europe – 12th Feb, 2025) France will host the summit.", "”The rules are final, he said.",
                 "To counter that, Beijing is building its own industry.", "the rest of the sentence after a bad cut."):
        assert quality.broken(text), text
    assert quality.broken("By sharing research, countries can set common safety standards sooner.") == ""


def test_each_also_fits_entry_names_a_curated_seed_claim_and_another_of_its_themes(quality) -> None:
    import yaml

    summary = yaml.safe_load((quality.ROOT / "summary" / "summary.yaml").read_text(encoding="utf-8"))
    own = {c["id"]: t["id"] for t in summary["themes"] for c in t.get("claims", []) if c.get("status", "curated") == "curated"}
    themes = {t["id"] for t in summary["themes"]}
    assert quality.ALSO_FITS
    for claim, also in quality.ALSO_FITS.items():
        assert claim in own, claim
        assert also and set(also) <= themes - {own[claim]}, (claim, also)


def test_the_misses_name_every_missed_pair_wrongly_filed_draft_and_missed_curated_quote(quality) -> None:
    figures = quality.measure(quality.CORPORA["seed"])
    misses = figures["misses"]
    pairs = [m for m in misses if m.startswith("pair not merged: ")]
    assert len(pairs) == round(figures["pairs"] * (1 - figures["pairs_merged"])) > 0
    assert all(" / " in m and "(" in m for m in pairs), "the fact, its two sources and both anchors"
    wrong = [m for m in misses if m.startswith("wrong theme: ")]
    assert (len(wrong) > 0) == (figures["wrong_theme"] > 0) and all(" for " in m for m in wrong), "the theme it is under, and the analyst's"
    quotes = [m for m in misses if m.startswith("curated quote not drafted")]
    curated = sum(len(c.evidence) for c in _curated_claims(quality))
    assert len(quotes) == curated - round(figures["seed_recall_filed"] * curated)
    assert any("'fits no theme'" in m for m in quotes) and any("in no draft" in m for m in quotes)
    false = [m for m in misses if m.startswith("false merge: ")]
    assert len(false) == figures["false_merges"], "one line per falsely merged draft: the two facts and its quotes"


def test_the_seed_pairs_file_reads_every_curated_pair_once_by_one_of_two_verdicts(quality) -> None:
    import yaml

    summary = yaml.safe_load((quality.ROOT / "summary" / "summary.yaml").read_text(encoding="utf-8"))
    curated = {(c["id"], a, b) for t in summary["themes"] for c in t.get("claims", []) if c.get("status", "curated") == "curated"
               for sources in [sorted({e["source"] for e in c["evidence"]})] for i, a in enumerate(sources) for b in sources[i + 1:]}
    read = [(p["fact"], p["a"], p["b"]) for p in quality.SEED_PAIRS]
    assert len(read) == len(set(read)) and set(read) == curated
    assert {p["verdict"] for p in quality.SEED_PAIRS} == {"same-fact", "different-facts"}
    assert all(p["confidence"] in ("high", "low", "high / low", "low / high") and p["statement"] and p["note"] for p in quality.SEED_PAIRS)
    gold = quality._gold_from_curated(summary)
    assert len(gold["pairs"]) + len(gold["apart"]) == len(gold["curated_pairs"]) == len(curated)


def _curated_claims(quality):
    from briefgen import pipeline
    from briefgen.inputs.sources import load_sources
    from briefgen.inputs.summary import load_summary

    project = pipeline.Project(quality.ROOT)
    return [c for c in load_summary(project.summary_dir, load_sources(project.sources_dir)).claims.values() if c.status == "curated"]
