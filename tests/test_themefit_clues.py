"""Theme clues (drafting/themeclues.py): which theme a sentence is filed under, each rule on a small corpus of its own."""

from __future__ import annotations

from briefgen.drafting import drafting
from briefgen.drafting.corpus import Corpus
from briefgen.drafting.themefit import Topic
from test_summarize_themefit import _filed


def _corpus(docs: dict[str, str]) -> Corpus:
    corpus = Corpus()
    for source, text in docs.items():
        corpus.add(source, text)
    return corpus


FILLER = ("Rainfall in the hills was close to the average of the decade.\n\n"
          "The city council met on Tuesday to approve its annual budget.\n\n"
          "Engineers inspected the old canal locks before the summer season.\n\n")
"""Sentences of no theme, so that the themes' words are rare enough to count."""

TREATIES = Topic("treaties", "Cross-border water treaties", "Treaties between states that share cross-border rivers.")
PRICES = Topic("prices", "Water prices", "What households and farms pay for water, and tariff reforms.")
STOCKS = Topic("stocks", "Reservoir stocks", "How much water the reservoirs and dams hold through the dry season.")


def test_a_part_of_a_hyphenated_theme_word_alone_is_another_word() -> None:
    docs = {"a.txt": FILLER + "The border guards searched every truck at the river crossing near the dam gates.\n\n"
                              "Tariff reforms raised what households pay for water by a tenth.\n\n"
                              "A cross-border accord on the river was signed by both states in March.\n"}
    filed = _filed(docs, [TREATIES, PRICES, STOCKS])
    assert filed["A cross-border accord on the river was signed by both states in March."] == "treaties"
    assert filed["The border guards searched every truck at the river crossing near the dam gates."] != "treaties", \
        "'border' alone is not the theme's 'cross-border'"
    assert TREATIES.whole(set().__contains__).terms == ("Cross-border", "cross-border")
    assert Topic("x", "X-ray scans").whole(set().__contains__).terms == (), "one token: no hyphenated word of two"


def test_a_denied_opening_concession_does_not_decide_the_theme() -> None:
    denied = ("Although the minister did not mention tariff reforms or what households pay for water, "
              "she praised how much the northern reservoirs and dams now hold.")
    granted = ("Although the minister praised tariff reforms and what households pay for water, "
               "she spoke of the northern reservoirs and dams.")
    docs = {"a.txt": FILLER + denied + "\n\n" + granted + "\n\n" + "Tariff reforms raised what farms pay for water.\n"}
    filed = _filed(docs, [TREATIES, PRICES, STOCKS])
    assert filed[denied] == "stocks", "the main clause is about the reservoirs; what she did not mention is not its theme"
    assert filed[granted] != "stocks", "a concession that denies nothing still counts"


VIEWS = Topic("okafor", "Minister Okafor's views", "What Minister Okafor has said about water prices and the dams.")
FORUM = Topic("forum", "The water forum", "The annual water forum in Dakar as a meeting place for ministers and engineers.")


def test_a_person_of_a_views_theme_counts_only_where_the_sentence_reports_what_they_said() -> None:
    absent = "Notably absent from the forum was Minister Okafor, a regular guest of past years."
    said = "Minister Okafor said that the new dams were built too slowly."
    docs = {"a.txt": FILLER + absent + "\n\n" + said + "\n\n" + "The forum opened in Dakar with four hundred engineers.\n"}
    filed = _filed(docs, [VIEWS, FORUM, PRICES])
    assert filed[absent] != "okafor", "it reports nothing the minister said: the forum, or no theme, not the minister's views"
    assert filed[said] == "okafor"


def test_a_reporting_word_counts_in_each_of_its_forms() -> None:
    """The speech words are matched in the forms the synonym phrases are (``phrases.forms``): irregular and doubled."""
    held = "Minister Okafor held that the annual forum had too few engineers."
    admitted = "Minister Okafor admitted that engineers left the forum early."
    filed: dict[str, str] = {}
    for sentence in (held, admitted):
        docs = {"a.txt": FILLER + sentence + "\n\n" + "The forum opened in Dakar with four hundred engineers.\n"}
        filed |= _filed(docs, [VIEWS, FORUM, PRICES])
    assert filed[held] == "okafor", "'held' is a form of the stance verb 'hold': what the minister thinks"
    assert filed[admitted] == "okafor", "'admitted' is a form of 'admit'"


def test_a_draft_a_clue_takes_off_a_theme_is_listed_without_pushing_a_listed_draft_out() -> None:
    """Two themes and two drafts a theme: the "fits no theme" list holds two drafts; the one a clue took off a theme
    comes on top of them."""
    plain = ["Reservoir levels in Lagos fell while tariff revenue climbed by a third.",
             "The tariff board of Accra met engineers at the reservoir gates on Friday.",
             "Both the tariff office and the reservoir budget of Dakar were cut in June.",
             "Tunis opened a reservoir museum with a tariff exhibit for schools."]
    moved = "Although the board did not discuss the tariff rises or tariff caps, the governor of Kano spoke for an hour."
    docs = {f"d{k}.txt": FILLER + text + "\n" for k, text in enumerate(plain)} | {
        "m.txt": FILLER + moved + "\n",
        "f.txt": "Tariff rises hit farms in the north this spring.\n\nThe reservoir above the town was full in May.\n"}
    topics = [Topic("prices", "Tariff rises", terms=("tariff",)), Topic("stocks", "Reservoir levels", terms=("reservoir",))]
    drafts = drafting.draft(_corpus(docs), topics, per_theme=2)
    listed = [d.text for d in drafts if not d.theme]
    assert len(listed) == 3 and moved in listed, listed


DEAL = Topic("deal", "The dam deal", "The deal on the new dam, signed at the World Water Forum.")


def test_a_name_the_corpus_abbreviates_is_one_thing_in_a_theme_description() -> None:
    loose = "The world forum of engineers met in Lagos in the spring."
    docs = {"a.txt": FILLER + "Delegates at the WWF signed the dam deal on Friday.\n\n" + loose + "\n\n"
                     "Tariff reforms raised what households pay for water by a tenth.\n"}
    filed = _filed(docs, [DEAL, PRICES])
    assert filed["Delegates at the WWF signed the dam deal on Friday."] == "deal"
    assert filed[loose] != "deal", "'world' and 'forum' are words of the forum's name there, not of the deal"
    assert DEAL.whole({"wwf"}.__contains__).description == "The deal on the new dam, signed at the WWF."
    assert DEAL.whole(set().__contains__) == DEAL, "a name the corpus never abbreviates stays words (a person's, say)"
