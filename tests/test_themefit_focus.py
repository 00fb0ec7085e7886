"""Theme fit's focus rule (drafting/themefit.py, FOCUS): a sentence spread over many themes is listed, not filed."""

from __future__ import annotations

from briefgen.drafting import themefit
from briefgen.drafting.corpus import Corpus
from briefgen.drafting.themefit import Topic
from test_themefit_clues import FILLER

TOPICS = [
    Topic("prices", "Water prices", "What households and farms pay for water, and tariff reforms."),
    Topic("stocks", "Reservoir stocks", "How much water the reservoirs and dams hold through the dry season."),
    Topic("floods", "Flood warnings", "Warnings of river floods and the sirens that sound them."),
    Topic("canals", "Canal shipping", "Barges and boats that carry grain along the canals."),
    Topic("fish", "Fishing quotas", "How many salmon the trawlers may land each season."),
    Topic("wells", "Village wells", "Pumps and wells that villages draw on in drought."),
]

SPREAD = "Tariff reforms on what farms and households pay were argued over by canal, flood, fishing, village and reservoir groups."
"""Water prices lead the runner-up by the margin, but every other theme is named too: the prices hold under FOCUS of the whole."""
FOCUSED = "Tariff reforms on the prices farms pay were argued over by canal, flood, fishing, village and reservoir groups."
"""The same, with "prices" (the theme's title word) for "households": the prices now hold more than FOCUS of the whole."""


def _fit(sentence: str) -> tuple[list[float], tuple[int, float] | None, tuple[float, tuple[int, ...], bool] | None]:
    """Return the sentence's BM25 scores per topic, and what theme fit makes of it: (topic, score) when filed, else
    (best score, the topics it fits about equally, whether a rule took it off the theme the margin alone files it under)."""
    corpus = Corpus()
    corpus.add("a.txt", FILLER + sentence + "\n\nThe river rose after the storm.\n")
    i = next(k for k, (doc, start, end) in enumerate(corpus.spans) if corpus.texts[doc][start:end] == sentence)
    best, unfit = themefit.fit(corpus, TOPICS)
    return themefit.score(corpus, TOPICS)[i][0], best.get(i), unfit.get(i)


def test_a_sentence_spread_over_many_themes_is_listed_not_filed() -> None:
    scores, filed, listed = _fit(SPREAD)
    top, runner_up = sorted(scores, reverse=True)[:2]
    assert top >= themefit.MARGIN * runner_up, "the margin alone would file it: the focus rule is what lists it"
    assert top < themefit.FOCUS * sum(scores)
    assert filed is None and listed is not None
    assert listed[2], "listed as a draft taken off a theme, so it pushes no other listed draft out (drafting.draft)"
    assert listed[1][0] == 0, "the themes it fits about equally start with water prices"


def test_a_sentence_that_holds_to_its_theme_is_filed() -> None:
    scores, filed, _ = _fit(FOCUSED)
    assert max(scores) >= themefit.FOCUS * sum(scores)
    assert filed is not None and filed[0] == 0
