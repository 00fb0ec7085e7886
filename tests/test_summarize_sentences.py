"""Sentences a reader can use: one test per bad draft reported in issue #12, plus the segmenter's basics."""

from __future__ import annotations

from briefgen.drafting import drafting
from briefgen.text import sentences
from briefgen.text.flaws import clean_claim
from briefgen.text.sentences import split


def _texts(text: str) -> list[tuple[str, str]]:
    normalised, found = split(text)
    assert all(normalised[s.start:s.end] == s.text for s in found), "every sentence is a verbatim span"
    return [(s.text, s.flaw) for s in found]


def test_a_sentence_is_not_cut_at_us() -> None:
    found = _texts("The U.S. president said talks with Beijing would resume in May after a long pause. "
                   "Officials in both capitals welcomed the news on Tuesday.")
    assert found[0] == ("The U.S. president said talks with Beijing would resume in May after a long pause.", "")
    assert len(found) == 2


def test_abbreviations_and_a_sentence_ending_in_an_abbreviation() -> None:
    found = [t for t, _ in _texts("Talks were held in the U.S. The delegation left on Friday. See p. 4 for the figures, "
                                  "which Mr. Smith of Acme Inc. gave at 3 p.m. on Jan. 5.")]
    assert found == ["Talks were held in the U.S.", "The delegation left on Friday.",
                     "See p. 4 for the figures, which Mr. Smith of Acme Inc. gave at 3 p.m. on Jan. 5."]


def test_list_fragments_are_not_claims() -> None:
    found = dict(_texts("The Act phases in its duties:\n"
                        "- Obligations for high-risk systems (36 months).\n"
                        "- Codes of practice (12 months after entry into force); and.\n"
                        "- Limits on talent exchange between countries.\n"
                        "- Introduce tradable water permits for large farms and utilities.\n"))
    assert found["Limits on talent exchange between countries."] == "fragment"
    assert found["Obligations for high-risk systems (36 months)."] == "fragment"
    assert found["Codes of practice (12 months after entry into force); and."] == "fragment"
    assert found["Introduce tradable water permits for large farms and utilities."] == "", "an imperative item is a claim"


def test_a_stray_quotation_mark_leaves_the_claim_but_not_the_quote() -> None:
    quote = "”The rules are final and will take effect at once, the ministry said on Monday."
    (text, flaw), = _texts(quote)
    assert text == quote and flaw == "", "the verbatim quote keeps its mark"
    assert drafting.claim_text(text) == "The rules are final and will take effect at once, the ministry said on Monday."
    assert clean_claim("He called it “a turning point” for the sector.") == "He called it “a turning point” for the sector."
    assert clean_claim('The plan, he said, "will cut costs.') == "The plan, he said, will cut costs."


def test_datelines_are_cut_off_the_quote() -> None:
    for lead in ("PARIS, (Agency / Europe – 12th Feb, 2025) ", "WASHINGTON, D.C. – ", "Washington, D.C.—",
                 "Jan. 13 (UPI) -- "):
        (text, flaw), = _texts(lead + "France and India will co-host the summit on artificial intelligence next week.")
        assert (text, flaw) == ("France and India will co-host the summit on artificial intelligence next week.", ""), lead


def test_bylines_captions_and_boilerplate_are_not_claims() -> None:
    found = dict(_texts("By Clyde Hughes\nPhoto by Leigh Vogel/UPI\n"
                        "FOR IMMEDIATE RELEASE | Friday, October 7, 2022 | Media Contact: [email protected]\n\n"
                        "By sharing research, countries can develop common safety standards faster than alone.\n"))
    assert found["By Clyde Hughes"] == found["Photo by Leigh Vogel/UPI"] == "furniture"
    assert found["FOR IMMEDIATE RELEASE | Friday, October 7, 2022 | Media Contact: [email protected]"] == "furniture"
    assert found["By sharing research, countries can develop common safety standards faster than alone."] == ""


def test_a_pronoun_opener_is_joined_to_its_antecedent() -> None:
    (text, flaw), = _texts("The minister met the chip makers in Shanghai on Monday to discuss supply. "
                           "They said shortages would last until the end of next year.")
    assert flaw == "" and text.startswith("The minister met") and text.endswith("end of next year.")
    _, found = split("The minister met the chip makers in Shanghai on Monday. His comments came a day later.")
    assert found[0].joined


def test_an_opener_with_nothing_to_join_is_skipped() -> None:
    found = _texts("Background\n\nHis comments came a day after the ministry published its figures for the year.\n\n"
                   "To counter that, Beijing is building its own chip industry with state funds and tax breaks.\n")
    assert [f for _, f in found] == ["heading", "opener", "opener"]


def test_expletive_it_is_not_an_opener() -> None:
    (_, flaw), = _texts("It is important to work with foreign governments on common security standards.")
    assert flaw == ""


def test_normalise_matches_the_ingest_normalisation() -> None:
    from briefgen.inputs import ingest

    sample = "  Caf\u0065\u0301  owners\n\tsaid \u00a0 prices rose.  "
    assert sentences.normalise(sample) == ingest.normalise(sample)


def test_a_sentence_about_the_eu_is_not_filed_under_us_china_rivalry() -> None:
    from briefgen.drafting import summarize
    from briefgen.inputs import schemas

    texts = {
        "wire": "The United States tightened export controls on advanced chips to China, deepening the rivalry between them.\n\n"
                "China answered the United States chip controls with curbs on gallium exports in the technology rivalry.\n",
        "brussels": "The European Union AI Act sets obligations for providers of high-risk systems across member states.\n\n"
                    "The European Union AI Act and the rivalry between the United States and China over chips both shape the market.\n",
    }
    themes = [schemas.Theme(id="rivalry", title="US–China technology rivalry", terms=["United States", "China", "chips", "rivalry"]),
              schemas.Theme(id="eu-rules", title="EU AI rules", terms=["European Union", "AI Act", "obligations"])]
    drafts = summarize.draft(texts, themes, per_theme=4)
    filed = {d.evidence[0].quote: d.theme for d in drafts}
    assert filed["The European Union AI Act sets obligations for providers of high-risk systems across member states."] == "eu-rules"
    assert all(theme != "rivalry" for quote, theme in filed.items() if "European Union" in quote)
    tie = summarize.draft({"memo": "Reservoir storage and tariff revenue both fell sharply in the dry summer months.\n"},
                          [schemas.Theme(id="stocks", title="Water stocks", terms=["reservoir"]),
                           schemas.Theme(id="pricing", title="Prices", terms=["tariff"])], per_theme=4)
    assert [(d.theme, d.text) for d in tie] == [("", "Reservoir storage and tariff revenue both fell sharply in the dry summer months.")]


def test_a_leading_citation_is_cut_off_the_quote() -> None:
    _, found = split("BIS released the rule (IFR). (87 FR 62186, October 13, 2022) BIS imposed these new controls to protect "
                     "national security interests.")
    assert found[-1].text == "BIS imposed these new controls to protect national security interests."
    assert found[-1].claimable


def test_a_verbless_line_with_a_semicolon_is_a_fragment() -> None:
    assert [s.flaw for s in split("Interim final rule; request for comments.")[1]] == ["fragment"]
    assert [s.flaw for s in split("Bureau of Industry and Security, Department of Commerce.")[1]] == ["heading"]


def test_this_rule_names_the_document_not_an_antecedent() -> None:
    (sentence,) = split("This rule is effective November 17, 2023, except for one instruction that takes effect later.")[1]
    assert sentence.claimable
    assert drafting.claim_text(sentence.text) == "The rule is effective November 17, 2023, except for one instruction that takes effect later."
    assert not split("These rules took effect in May across the whole of the region.")[1][0].claimable


def test_an_enumerated_title_is_a_fragment_even_mid_paragraph() -> None:
    text = ("BIS revised two rules: (1) “Export Controls on Semiconductor Manufacturing Items” (SME IFR); and (2) “Implementation "
            "of Additional Export Controls: Certain Advanced Computing Items; Updates and Corrections” (AC/S IFR).")
    assert [s.flaw for s in split(text)[1]][-1] == "fragment"


def test_a_short_label_opening_a_paragraph_is_cut_off_but_an_attribution_is_not() -> None:
    assert _texts("Effective date: This rule is effective September 6, 2024, for all items listed.") == [
        ("This rule is effective September 6, 2024, for all items listed.", "")]
    assert _texts("Li said: “We will act on this soon, together with all of our partners.”")[0][0].startswith("Li said:")


def test_procedural_boilerplate_is_furniture() -> None:
    assert _texts("Comments must be received by the agency no later than December 18, 2023.")[0][1] == "furniture"


def test_finally_before_a_demonstrative_is_an_opener() -> None:
    """"Finally, these rules make clear …" refers back as "These rules …" does (9th session, a first-day run's draft)."""
    (text, flaw), = _texts("Ruritania's new rules restrict the sale of advanced chips to the region from Monday. "
                           "Finally, these rules make clear that refusing inspections will cost a firm its licences.")
    assert flaw == "" and text.startswith("Ruritania") and text.endswith("its licences.")
    assert drafting.claim_text("Lastly, to limit the impact on suppliers, the agency is setting up a licence window.") == \
        "To limit the impact on suppliers, the agency is setting up a licence window."


def test_one_list_of_connectives_opens_a_reference_back_and_leaves_the_claim_text() -> None:
    """``text.flaws.CONNECTIVES`` is declared once: "Overall, this effort …" refers back as "This effort …" does, and
    a claim's text drops "In contrast," as it drops "However," (10th session: one table for both)."""
    (text, flaw), = _texts("Ruritania proposed a regional body to set common rules for chip exports this spring. "
                           "Overall, this effort will likely speed up talks among its neighbours on export rules.")
    assert flaw == "" and text.startswith("Ruritania") and text.endswith("export rules.")
    assert drafting.claim_text("In contrast, the agency is setting up a licence window for small suppliers.") == \
        "The agency is setting up a licence window for small suppliers."


def test_a_quotation_in_the_first_person_needs_its_own_attribution() -> None:
    """The second sentence of a quotation whose attribution is in the sentence before ("“…,” said …. “We are …”") names no
    one in its "we": it is no claim (9th session, a first-day run's draft). With its own attribution, or in the third
    person, a quotation stands."""
    found = dict(_texts("“We must protect our security and keep sensitive tools out of the wrong hands,” said Minister Jane Roe. "
                        "“The threat is always changing, and we are updating our policies today to meet it.”\n\n"
                        "“We will keep working with allies on every lead we find,” the minister told reporters on Friday.\n\n"
                        "“The rules take effect at once and cover every shipment leaving the port,” according to the notice.\n\n"
                        "“The rules take effect at once and cover every shipment leaving the northern port.”\n"))
    assert found["“The threat is always changing, and we are updating our policies today to meet it.”"] == "unattributed"
    assert found["“We must protect our security and keep sensitive tools out of the wrong hands,” said Minister Jane Roe."] == ""
    assert found["“We will keep working with allies on every lead we find,” the minister told reporters on Friday."] == ""
    assert found["“The rules take effect at once and cover every shipment leaving the northern port.”"] == "", "no first person"
