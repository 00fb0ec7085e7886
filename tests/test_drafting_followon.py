"""Follow-on quotes (drafting/followon.py): the sentence beside a draft's leading one that continues its subject."""

from __future__ import annotations

from briefgen.drafting import drafting, followon
from briefgen.drafting.corpus import Corpus
from briefgen.drafting.themefit import Topic


def test_a_sentence_refers_back_with_a_pronoun_before_any_name_of_its_own() -> None:
    assert followon.refers_back("During his visit to Lagos in May, he met senior officials of the agency.")
    assert followon.refers_back("While she admitted past delays, she expressed confidence in the schedule.")
    assert followon.refers_back("Speaking at the World Water Forum in Dakar, he called for a treaty.")
    assert followon.refers_back("Following her remarks, other ministers also presented plans.")
    assert not followon.refers_back("In his opening speech, Okafor called for a treaty.")  # points forward to its name
    assert not followon.refers_back("Okafor has expressed his belief that the treaty will pass.")  # names its person first
    assert not followon.refers_back("The agency published its plan in the Official Gazette on Monday.")
    assert not followon.refers_back("Farmers in the north said the tariff rose by a tenth.")


def _drafts(text: str) -> list[drafting.Draft]:
    corpus = Corpus()
    corpus.add("a.txt", text)
    corpus.add("b.txt", "Rainfall in the south was normal for the season according to the weather service.\n")
    topics = [Topic("minister", "Minister Okafor and the water agency", "What Minister Okafor did about the water agency.")]
    return drafting.draft(corpus, topics, per_theme=4)


def test_a_draft_quotes_the_next_sentence_of_its_paragraph_that_refers_back_to_its_person() -> None:
    drafts = _drafts("Minister Okafor has kept close ties with the national water agency for a decade. "
                     "During his visit to Lagos in May, he met senior officials and discussed new dams.\n\n"
                     "Households in the capital paid more for water than a year ago, a survey found.\n")
    lead = next(d for d in drafts if d.text.startswith("Minister Okafor"))
    assert [p.quote for p in lead.evidence] == [
        "Minister Okafor has kept close ties with the national water agency for a decade.",
        "During his visit to Lagos in May, he met senior officials and discussed new dams."]
    assert lead.text == ("Minister Okafor has kept close ties with the national water agency for a decade. "
                         "During his visit to Lagos in May, he met senior officials and discussed new dams.")


def test_a_sentence_of_the_next_paragraph_or_one_that_names_its_own_person_is_not_added() -> None:
    drafts = _drafts("Minister Okafor has kept close ties with the national water agency for a decade.\n\n"
                     "During his visit to Lagos in May, he met senior officials and discussed new dams.\n")
    assert all(len(d.evidence) == 1 for d in drafts if d.text.startswith("Minister Okafor"))
    drafts = _drafts("Minister Okafor has kept close ties with the national water agency for a decade. "
                     "In his speech in Lagos in May, Adeyemi praised the agency for its new dams.\n")
    assert all(len(d.evidence) == 1 for d in drafts if d.text.startswith("Minister Okafor"))


def _corpus(text: str) -> Corpus:
    """A corpus of ``text`` as a.txt and three short documents that make its names rare."""
    corpus = Corpus()
    corpus.add("a.txt", text)
    for source in "bcd":
        corpus.add(f"{source}.txt", "The forum drew ministers from forty countries to talk about water.\n")
    return corpus


def test_two_sentences_naming_one_rare_name_continue_unless_they_disagree() -> None:
    corpus = _corpus("Executives of Aquaron and Hydrex presented new pumps at the forum in 2021. "
                     "Officials said that Aquaron and Hydrex are under trade sanctions.\n\n"
                     "In 2019 the firm Aquaron opened a plant. In 2023 the firm Aquaron closed a plant.\n")
    assert followon.continues(corpus, 0, 1)
    assert not followon.continues(corpus, 2, 3)  # the same company in two years: two facts


def test_a_name_the_document_keeps_repeating_ties_no_two_of_its_sentences() -> None:
    corpus = _corpus("Executives of Aquaron presented new pumps at the forum in Dakar. "
                     "Officials said that Aquaron is under trade sanctions.\n\n"
                     "The pumps of Aquaron were the largest on show this year.\n")
    assert not followon.continues(corpus, 0, 1)  # "Aquaron" is the document's subject: the third sentence names it too


def test_a_draft_with_a_second_quote_says_what_each_quote_supports() -> None:
    from briefgen.support import match

    drafts = _drafts("Minister Okafor has kept close ties with the national water agency for a decade. "
                     "During his visit to Lagos in May, he met senior officials and discussed new dams.\n")
    lead = next(d for d in drafts if d.text.startswith("Minister Okafor"))
    verdict = match.judge(lead.text, [p.quote for p in lead.evidence])
    assert len(lead.evidence) == 2 and verdict.padding == () and verdict.missing == ()


def test_a_draft_whose_pronoun_means_the_person_of_the_draft_before_joins_that_draft() -> None:
    corpus = Corpus()
    corpus.add("a.txt", "Minister Okafor opened the World Water Forum in Dakar with a long speech on dams. "
                        "Following his speech, ministers of forty countries presented their water plans at the World Water Forum.\n")
    corpus.add("b.txt", "Rainfall in the south was normal for the season according to the weather service.\n")
    drafts = drafting.draft(corpus, [Topic("forum", "The World Water Forum", "The World Water Forum in Dakar.")], per_theme=4)
    assert [[p.quote[:20] for p in d.evidence] for d in drafts] == [["Minister Okafor open", "Following his speech"]]
    assert drafts[0].text.endswith("presented their water plans at the World Water Forum.")


def test_a_draft_that_refers_back_quotes_its_antecedent_even_when_another_draft_quotes_it_too() -> None:
    corpus = Corpus()
    corpus.add("a.txt", "In a long address this week, Minister Okafor proposed a treaty on shared rivers to the delegates of the "
                        "water forum. Speaking at the forum in Dakar, he urged all countries to publish their river gauge data.\n")
    corpus.add("b.txt", "Minister Okafor proposed a treaty on shared rivers.\n")
    corpus.add("c.txt", "Rainfall in the south was normal for the season according to the weather service.\n")
    topics = [Topic("treaty", "A treaty on shared rivers", "Minister Okafor's treaty proposal."),
              Topic("data", "River gauge data", "Publishing river gauge data.")]
    treaty, data = drafting.draft(corpus, topics, per_theme=4)
    assert [p.quote[:20] for p in treaty.evidence] == ["Minister Okafor prop", "In a long address th"]  # b.txt leads, a.txt agrees
    assert [p.quote[:20] for p in data.evidence] == ["Speaking at the foru", "In a long address th"]  # "he" is Okafor: quoted too
    assert data.text.startswith("In a long address this week, Minister Okafor proposed")


def test_a_sentence_that_says_also_before_a_past_verb_adds_to_the_one_before() -> None:
    assert followon.adds_to("Western firms, including Zenda and Korvo, also participated, reflecting the fair's reach.")
    assert followon.adds_to("Entities were also added for support for the navy.")
    assert not followon.adds_to("Also, the agency published its plan.")  # an opening connective: joined by the splitter
    assert not followon.adds_to("Chlorine tablets, also called water tablets, are cheap.")  # names something
    assert not followon.adds_to("The agency published its plan. Farmers also welcomed it.")  # not in its first clause
    assert not followon.adds_to("The agency published its plan on Monday.")


def test_a_draft_quotes_the_next_sentence_of_its_paragraph_that_adds_to_it_unless_they_disagree() -> None:
    fair = ("The water fair in Lagos prominently featured Nigerian pump makers like Okafor Pumps and Delta Water, "
            "alongside startups such as Aquanet.")
    also = "Foreign companies, including Zenda, Korvo, and Bellweather, also participated, reflecting the global pump trade."
    drafts = _drafts(f"{fair} {also}\n\nHouseholds in the capital paid more for water than a year ago, a survey found.\n")
    lead = next(d for d in drafts if d.text.startswith("The water fair"))
    assert [p.quote for p in lead.evidence] == [fair, also]
    assert lead.text == f"{fair} {also}"
    drafts = _drafts(f"{fair.replace('fair in Lagos', 'fair of 2023 in Lagos')} {also.replace('also participated', 'also participated in 2024')}\n")
    assert all(len(d.evidence) == 1 for d in drafts if d.text.startswith("The water fair")), "two years: two facts"
