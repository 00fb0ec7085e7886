"""The support check's score: which unsupported ordinary words are warnings and which are notes (support/score.py)."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

from briefgen.support import score
from briefgen.support.match import judge, reportable
from briefgen.text import words as w

QUOTE = ("Port officials said the larger crane, bought from the harbour's regular supplier for the eastern container terminal, "
         "cut unloading times for bulk grain, timber and steel cargo vessels.")


def _decided(claim: str) -> tuple[list[str], bool]:
    verdict = judge(claim, [QUOTE])
    soft = [x for x in reportable(verdict.missing) if x.kind == "word"]
    return [x.text for x in soft], score.confirmed(verdict.words, soft, [QUOTE])[0]


def test_one_changed_word_in_a_long_sentence_is_a_paraphrase_in_a_short_one_a_warning() -> None:
    assert _decided("Port officials said the larger crane, bought from the harbour's regular supplier for the eastern container terminal, "
                    "sped unloading times for bulk grain, timber and steel cargo vessels.") == (
        ["sped"], False)
    assert _decided("The larger crane sped unloading.") == (["sped"], True)


def test_a_word_that_must_be_literal_is_a_warning_however_long_the_sentence() -> None:
    # a quantifier, modal or degree word (data/literal.txt) and an absolute verb (data/absolute.txt) are overreach by definition
    assert _decided("Port officials said the larger crane, bought from the harbour's regular supplier for the eastern container terminal, "
                    "cut all unloading times for bulk grain, timber and steel cargo vessels.") == (
        ["all"], True)
    assert _decided("Port officials said the larger crane, bought from the harbour's regular supplier for the eastern container terminal, "
                    "eliminated unloading times for bulk grain, timber and steel cargo vessels.") == (
        ["eliminated"], True)
    assert score.strong(w.Word("mainly", 0, "word", w.stem("mainly"))) and not score.strong(w.Word("sped", 0, "word", w.stem("sped")))


def test_literal_words_are_matched_as_listed_not_by_stem() -> None:
    """"note" stems as "not", "parts" as "partly", "lastly" as "last": none of them is a literal word."""
    def strong(text: str) -> bool:
        return score.strong(w.Word(text, 0, "word", w.stem(text)))
    assert strong("not") and strong("partly") and strong("last") and strong("main") and strong("Only")
    assert not strong("note") and not strong("parts") and not strong("lastly") and not strong("willing")
    # "the new rule": an analyst's description, scored like any ordinary word (session 11: as a literal word it was
    # the only flag on three faithful dev pairs; the overreaches it was found on are found by the score too)
    assert not strong("new")


def test_edited_counts_the_unsupported_words_inside_a_copied_run() -> None:
    quote = "The port authority bought a larger crane for the eastern terminal last spring."
    inside = judge("The port authority bought a faster larger crane for the eastern terminal last spring.", [quote])
    apart = judge("A faster crane went to the terminal.", [quote])
    after = judge("The port authority bought a larger crane, a faster one.", [quote])  # copied words on one side only
    for verdict, edited in ((inside, 1.0), (apart, 0.0), (after, 0.0)):
        soft = [x for x in verdict.missing if x.kind == "word" and x.text == "faster"]
        assert score.features(verdict.words, soft, [quote], ["edited"]) == {"edited": edited}
    assert score.features(inside.words, [x for x in inside.missing if x.kind == "word"], [quote], ["copied"])["copied"] > 0.8


def test_the_features_describe_the_unsupported_words_in_general_terms() -> None:
    found = judge("The larger crane sped unloading.", [QUOTE])
    soft = [x for x in found.missing if x.kind == "word"]
    feats = score.features(found.words, soft, [QUOTE])
    assert set(feats) == set(score.FEATURES) and feats["share"] == pytest.approx(1 / 4)
    assert feats["count"] == pytest.approx(math.log(2)) and 0 < feats["closeness"] < 1 and feats["modifiers"] == 0.0


def test_the_weights_are_what_the_fitting_script_gives() -> None:
    """``support_weights.txt`` is data written by benchmarks/fit_support.py: refitting gives the same numbers."""
    sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
    import fit_support

    model = fit_support.shipped(fit_support.rows())
    weights, intercept, threshold = score.model()
    assert set(weights) == set(fit_support.CHOSEN)
    assert intercept == pytest.approx(model.intercept, abs=1e-5) and threshold == pytest.approx(model.threshold, abs=1e-5)
    assert all(weights[n] == pytest.approx(model.weights[n], abs=1e-5) for n in weights)


def test_leave_one_batch_out_figures_stay_above_their_floors() -> None:
    """Each batch judged by a model fitted without it (benchmarks/fit_support.py), pooled: session 8 (share + supported
    + edited, threshold at 95% training recall): 65% precision (326/501), 95% recall (265/280); session 7: 67% (325/487),
    94%. These flatter: at the first, 87% threshold they gave 85% and 89% on 677 pairs, but 58% and 59% on the blind
    batches 17 and 18; the session 8 dev figure (fitted without 17 and 18, judged on them) is 60% and 85%; session 9 (the
    threshold set on the scored overreaches, 98%: the same shipped threshold): leave one batch out 70% (328/469), 95%
    (267/280), dev 64% (40/63) and 91% (31/34); session 10 (the Moby thesaurus in a word's slot, threshold at 95%): leave
    one batch out 75% (322/429), 94% (262/280), dev 67% (40/60), 91% (31/34). Session 11 added the blind batches 22 and
    23 as dev folds (never fitted on; in leave one batch out they are folds like any other): leave one batch out over the
    897 pairs 72% (370/512) at 91% (292/320) with the session-start code, dev (17, 18, 22, 23) 70% (86/122) at 80%
    (59/74); at the end of the session's first support helper 74.0% (376/508) at 93%, "already" a literal word: 76.0%
    (380/500) at 94% (302/320); at the second helper's end 78.7% (387/492) at 96.6% (309/320), dev 78% (97/125) at
    95% (70/74); the floors pin the session's figures."""
    sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
    import fit_support

    data = fit_support.rows()
    judged = [x for rows in fit_support.cross_validate(data, fit_support.CHOSEN).values() for x in rows]
    true_flags, flags, found, overreaching = fit_support.figures(judged)
    assert true_flags / flags >= 0.78 and found / overreaching >= 0.96, (true_flags, flags, found, overreaching)
    # the dev figure (session 11): the shipped model, fitted without batches 17, 18, 22 and 23, judged on them
    model = fit_support.shipped(data)
    dev = fit_support.figures([(r, model.flags(r)) for r in data if r["fold"] in fit_support.DEV])
    assert dev[0] / dev[1] >= 0.77 and dev[2] / dev[3] >= 0.94, dev


def test_the_threshold_is_set_on_the_overreaches_the_score_decides() -> None:
    """A pair flagged without the score (a number, a dropped hedge, a strong word) does not move the threshold: it keeps
    ``RECALL_TARGET`` of the scored overreaches whatever share of all overreaches they are (session 9)."""
    sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
    import fit_support

    def row(label: str, share: float, fixed: bool = False) -> dict:
        return {"fold": "x", "label": label, "fixed": fixed, "scored": not fixed, "features": {} if fixed else {"share": share}}

    scored = [row("overreaching", 0.5 + i / 100) for i in range(10)] + [row("supported", i / 50) for i in range(20)]
    alone = fit_support.Model(("share",), scored, 0.9)
    with_fixed = fit_support.Model(("share",), scored + [row("overreaching", 0.0, fixed=True)] * 30, 0.9)
    assert alone.threshold == pytest.approx(with_fixed.threshold)
    assert sum(alone.p(r) >= alone.threshold for r in scored if r["label"] == "overreaching") == 9


def test_without_is_a_negation_that_must_be_in_a_quote() -> None:
    """"met its objectives without interfering with trade" for "interfering with trade no more than necessary": "without"
    negates like "no" and "never" (data/literal.txt), so it is a content word (not a stop word) and a warning when no quote
    has it (session 11: over the 897 labelled pairs it is in six claims, all overreaching)."""
    quote = "The port met its targets while raising tariffs no more than necessary."
    found = [x for x in judge("The port met its targets without raising tariffs.", [quote]).missing]
    assert [x.text for x in found] == ["without"] and score.strong(found[0])
    assert judge("The port met its targets without raising tariffs.", ["The port met its targets without raising tariffs."]).missing == ()


def test_already_states_a_completion_that_must_be_in_a_quote() -> None:
    """"has already built" for "efforts to build", "already carried them out" for "concurred with": "already" says a thing
    is done or in place (data/literal.txt, no longer a stop word), a warning when no quote says so; a quote that has the
    present in other words ("existing entities", "today", "currently": data/synonyms.txt) supports it (session 11: over the
    897 labelled pairs, four overreaches found that nothing else flagged, one faithful pair flagged that the score flagged before)."""
    quote = "The agency seeks to build a secure supply chain."
    found = [x for x in judge("The agency has already built a secure supply chain.", [quote]).missing]
    assert "already" in [x.text for x in found] and score.strong(next(x for x in found if x.text == "already"))
    for backed in ("Today the agency runs a secure supply chain.", "The agency already runs a secure supply chain.",
                   "The agency currently runs a secure supply chain."):
        assert judge("The agency already runs a secure supply chain.", [backed]).missing == (), backed


def test_because_states_a_cause_that_must_be_in_a_quote() -> None:
    """"are under sanctions because of their AI work" for a quote that gives no reason: "because" adds a cause (data/literal.txt,
    no longer a stop word), a warning when no quote has it or "due", "owing", "reason" (data/synonyms.txt). Session 11: in three
    of the 897 labelled claims, all overreaching (the score flagged them; now they are flagged without it)."""
    found = [x for x in judge("The port closed because of the storm.", ["The port closed during the storm."]).missing]
    assert [x.text for x in found] == ["because"] and score.strong(found[0])
    assert judge("The port closed because of the storm.", ["The port closed due to the storm."]).missing == ()


def test_achieved_and_replaced_are_absolute_words_no_neighbour_stands_for() -> None:
    """"has achieved self-sufficiency" for "the challenge of self-sufficiency, critical to maintaining …" (GloVe puts
    "achieved" 0.68 from "maintaining"), "replace the controls" for "revise the controls": success reached and a wholesale
    substitution are absolute (data/absolute.txt), so no word-vector or Moby neighbour excuses them and they are flagged
    without the score (session 11: "replace" unsupported in six labelled claims, all overreaching; "achieved" in one)."""
    quote = "The harbour faces the challenge of self-sufficiency, which the city views as critical to maintaining its trade."
    found = [x for x in judge("The harbour has achieved self-sufficiency.", [quote]).missing]
    assert [x.text for x in found] == ["achieved"] and score.strong(found[0])
    found = [x for x in judge("The new rules replace the harbour controls.", ["The new rules revise the harbour controls."]).missing]
    assert [x.text for x in found] == ["replace"] and score.strong(found[0])
    assert judge("The new rules replace the harbour controls.", ["The new rules replace the harbour controls."]).missing == ()
