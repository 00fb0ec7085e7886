"""Theme fit reads a theme written in British spelling against sources written in American (themefit.spelled)."""

from __future__ import annotations

from briefgen.drafting import themefit
from briefgen.drafting.corpus import Corpus
from briefgen.drafting.themefit import Topic
from test_themefit_clues import FILLER

TOPICS = [
    Topic("permits", "Fishing licences", "Licences that boat owners buy each season, and the fees for them."),
    Topic("harbour", "The harbour", "The harbour's cranes, quays and berths, and the ships that call there."),
]


def test_a_theme_in_one_spelling_matches_text_in_the_other() -> None:
    sentence = "The port office sold four hundred licenses in March."
    corpus = Corpus()
    corpus.add("a.txt", FILLER + sentence + "\n\nThe cranes on the quays were repainted in May.\n")
    i = next(k for k, (doc, start, end) in enumerate(corpus.spans) if corpus.texts[doc][start:end] == sentence)
    best, _ = themefit.fit(corpus, TOPICS)
    assert best.get(i, (None,))[0] == 0, "'licenses' is the theme's 'licences'"


def test_the_american_forms() -> None:
    assert themefit.spelled("licences, a defence, data centres, labour, analysed") == "licenses, a defense, data centers, labor, analyzed"
    assert themefit.spelled("four hours in our centre") == "four hours in our center", "short words keep their spelling"
