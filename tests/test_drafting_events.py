"""Reports of one act (the same actor, an act of the same kind, the same time) are one fact, whatever else their
words share; another time, another actor, no actor as the act's subject, or an amount one side alone states keeps
them apart."""

from __future__ import annotations

from briefgen.drafting import events, summarize
from briefgen.drafting.sentences import tokens
from briefgen.inputs import schemas

THEMES = [schemas.Theme(id="rules", title="Export rules", terms=["rule", "control"])]
FILLER = ("Officials discussed trade at length during the week.\n\n"
          "Markets were calm and analysts expected little change.\n\n")
RULE = "The Agency for Trade Security (ATS) is implementing export controls on several sensor and laser items."
REVIEW = "In September, ATS updated the Commerce Control List, among other changes."


def _sign(text: str) -> frozenset[str]:
    return events.signatures(text, tuple(tokens(text)))


def test_the_actor_is_the_name_just_before_the_act() -> None:
    assert _sign(REVIEW) == {"ats act"}
    assert {"ats act", "agency act"} <= _sign(RULE)
    assert not _sign("The export controls announced in the two rules today restrict the ability to buy chips."), "no named subject"
    assert not _sign("This rule adds new numbers to the Commerce Control List, revises existing ones."), "a comma before the verb"
    assert not _sign("ATS said the market was calm."), "no act of the table"


def test_the_time_is_the_acts_not_what_it_mentions() -> None:
    assert events.when(REVIEW, "2024-12-02") == "2024-09", "a month without a year: the issue year"
    assert events.when("In November, ATS updated the list.", "2024-09-06") == "2023-11", "later than the issue month: the year before"
    assert events.when(RULE, "2024-09-06") == "2024-09", "the document's own act"
    assert events.when("ATS issued two rules in 2023 that revised the controls.", "2024-12-02") == "2023"
    assert events.when("The department issued rules in 2022 and 2023 to control chips.", "2024-12-02") == "", "two years"
    assert events.when("The rules reinforce the controls of October 7, 2022.", "2024-04-04") == ""
    assert events.together("2023", "2023-10") and events.together("2024-09", "2024-09")
    assert not events.together("2024-09", "2024-10") and not events.together("2023", "2024-10") and not events.together("", "")


def _merged(texts: dict[str, str], issued: dict[str, str]) -> list[list[str]]:
    drafts = summarize.draft({k: FILLER + v for k, v in texts.items()}, THEMES, issued=issued)
    return [sorted({p.source for p in d.evidence}) for d in drafts]


def test_two_reports_of_one_act_are_one_claim() -> None:
    issued = {"rule": "2024-09-06", "review": "2024-12-02"}
    assert ["review", "rule"] in _merged({"rule": RULE, "review": REVIEW}, issued)


def test_another_month_or_actor_or_amount_keeps_them_apart() -> None:
    issued = {"rule": "2024-09-06", "review": "2024-12-02"}
    other_month = REVIEW.replace("September", "October")
    assert ["review", "rule"] not in _merged({"rule": RULE, "review": other_month}, issued)
    other_actor = REVIEW.replace("ATS", "The Treasury")
    assert ["review", "rule"] not in _merged({"rule": RULE, "review": other_actor}, issued)
    amount = REVIEW.replace("among other changes", "adding 28 entities")
    assert ["review", "rule"] not in _merged({"rule": RULE, "review": amount}, issued)


def test_an_act_of_the_document_itself_is_its_named_actors() -> None:
    from briefgen.drafting.corpus import Corpus
    corpus = Corpus()
    corpus.add("notice", "On October 7, 2022, the Agency for Trade Security (ATS) released a rule on sensor exports.\n\n"
               "Together, these IFRs revise the October 7 rule's controls to better protect national security.", "2023-10-25")
    corpus.add("review", "ATS issued two additional rules in 2023 that revised the controls of the 2022 rule.", "2024-12-02")
    signatures, time = corpus.acts(1)
    assert {"ats act", "agency act"} <= signatures and time == "2023-10"
    assert corpus.acted(1, 2), "the notice's own act and the review's report of it"
    assert not corpus.acted(0, 2), "October 2022 is not 2023"


def test_of_a_document_the_claim_quotes_the_act_not_a_sentence_that_only_shares_its_words() -> None:
    act = "The Agency for Trade Security (ATS) is implementing limits on several sensor and laser items for security reasons."
    effective = "This rule is effective September 6, 2024, among other changes to the control rule."
    review = "In September, ATS updated the control rule on the Commerce Control List, among other rule changes."
    drafts = summarize.draft({"rule": FILLER + act + "\n\n" + effective, "review": FILLER + review}, THEMES,
                             issued={"rule": "2024-09-06", "review": "2024-12-02"})
    quoting = [d for d in drafts if any(p.quote == review for p in d.evidence)]
    assert quoting and all(act in [p.quote for p in d.evidence] for d in quoting), [d.evidence for d in quoting]
