"""Theme subjects (drafting/themesubject.py): a theme whose title names what it is about holds only sentences that name it."""

from __future__ import annotations

from briefgen.drafting import themefit, themesubject
from briefgen.drafting.corpus import Corpus
from briefgen.drafting.themefit import Topic
from test_themefit_clues import FILLER

FARMS = Topic("farms", "Effects on farming in Ruritania", "What the drought means for farms, harvests and grain prices in Ruritania.")
DAMS = Topic("dams", "Dam building", "New dams and reservoirs on the rivers, and what they cost.")
TRADE = Topic("trade", "US grain trade", "Grain that American traders buy and ship abroad.")

OTHER_COUNTRY = "In Borduria, the drought cut harvests on most farms and sent grain prices to a record."
"""Every word of the farming theme but its country: another country's farms."""
OWN_COUNTRY = "In Ruritania, the drought cut harvests on most farms and sent grain prices to a record."
NAME_ONLY = "A delegation from Ruritania toured the new museum in the capital."
"""Names the farming theme's country and nothing the theme says of it."""
OTHER_NAME = "Traders in the United States bought more grain abroad this year than last."
"""The grain trade theme's country by another of its names (text/data/synonyms.txt)."""


def _fit(*sentences: str) -> tuple[Corpus, dict[int, tuple[int, float]], dict[int, tuple[float, tuple[int, ...], bool]]]:
    corpus = Corpus()
    corpus.add("a.txt", FILLER + "\n\n".join(sentences) + "\n\nThe dam on the river was finished in May.\n")
    best, unfit = themefit.fit(corpus, [FARMS, DAMS, TRADE])
    return corpus, best, unfit


def _index(corpus: Corpus, sentence: str) -> int:
    return next(k for k, (doc, start, end) in enumerate(corpus.spans) if corpus.texts[doc][start:end] == sentence)


def test_a_title_binds_its_theme_to_the_names_the_corpus_writes_only_capitalised() -> None:
    corpus, _, _ = _fit(OTHER_COUNTRY, OWN_COUNTRY)
    found = themesubject.subjects([FARMS, DAMS, TRADE], corpus.texts)
    assert found[0] == (("rurita",),)
    assert found[1] == (), "'Dam' is capitalised only at the title's start: the corpus writes 'dam', so no name"
    assert ("americ",) in found[2] and ("united", "state") in found[2], "US, with its other names"


def test_a_sentence_about_another_country_is_listed_not_filed_under_a_country_s_theme() -> None:
    corpus, best, unfit = _fit(OTHER_COUNTRY, OWN_COUNTRY)
    other, own = _index(corpus, OTHER_COUNTRY), _index(corpus, OTHER_COUNTRY.replace("Borduria", "Ruritania"))
    scores = themefit.score(corpus, [FARMS, DAMS, TRADE])[other][0]
    assert scores[0] >= themefit.MARGIN * max(scores[1:]), "the margin alone files it under the farming theme"
    assert other not in best and unfit[other][2], "listed as a draft taken off a theme"
    assert best[own][0] == 0


def test_naming_the_subject_is_not_enough_without_what_the_theme_says_of_it() -> None:
    corpus, best, unfit = _fit(NAME_ONLY, OWN_COUNTRY)
    i = _index(corpus, NAME_ONLY)
    assert themefit.score(corpus, [FARMS, DAMS, TRADE])[i][0][0] > 0, "the country's name scores for the theme"
    assert i not in best and i in unfit


def test_another_name_of_the_subject_names_it() -> None:
    corpus, best, _ = _fit(OTHER_NAME, OWN_COUNTRY)
    assert best[_index(corpus, OTHER_NAME)][0] == 2


IN_A_NAME = "Officials of the Ruritania Board of Farming and Harvests toured the new museum in the capital."
"""Names the farming theme's country, and its "farming" and "harvests" only as words of a body's name."""


def test_a_theme_word_inside_a_name_of_several_capitalised_words_says_nothing_of_the_theme() -> None:
    corpus, best, unfit = _fit(IN_A_NAME, OWN_COUNTRY)
    i = _index(corpus, IN_A_NAME)
    scores = themefit.score(corpus, [FARMS, DAMS, TRADE])[i][0]
    assert scores[0] >= themefit.MARGIN * max(scores[1:]) and scores[0] >= themefit.FOCUS * sum(scores)
    assert i not in best and unfit[i][2]


PLANS = Topic("plans", "Farming in Ruritania", "Minister Okafor's plans for the farms and harvests of Ruritania.")
VISIT = "Ruritania's ambassador Okafor opened a new museum in the capital on Monday."
"""Names the theme's country and another name of its description (who), but nothing the theme says of the country."""


def test_another_name_of_the_theme_is_not_what_it_says_of_its_subject() -> None:
    corpus = Corpus()
    plans = "In Ruritania, the new plans for the farms promise a larger harvest this year."
    corpus.add("a.txt", FILLER + VISIT + "\n\n" + plans + "\n\nThe dam on the river was finished in May.\n")
    i = _index(corpus, VISIT)
    scores = themefit.score(corpus, [PLANS, DAMS, TRADE])[i][0]
    assert scores[0] >= themefit.MARGIN * max(scores[1:]) and scores[0] >= themefit.FOCUS * sum(scores)
    best, unfit = themefit.fit(corpus, [PLANS, DAMS, TRADE])
    assert i not in best and unfit[i][2]
    assert best[_index(corpus, plans)][0] == 0
