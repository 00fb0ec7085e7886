"""A sentence that drops its sources' hedge ("could", "plans", "aims") states as done what they only expect."""

from __future__ import annotations

from briefgen.support.match import dropped, judge


def test_a_dropped_hedge_is_reported_and_a_kept_one_is_not() -> None:
    quote = "The US government has been considering additional restrictions on China's access to US cloud services."
    assert judge("Washington has imposed new limits on China's access to US cloud services.", [quote]).dropped == "considering"
    assert judge("Washington has been considering new limits on China's access to US cloud services.", [quote]).dropped == ""
    assert dropped("AI has become an exclusive game.", ["AI could become an exclusive game."]) == "could"
    assert dropped("AI could become an exclusive game.", ["AI could become an exclusive game."]) == ""


def test_the_hedge_must_govern_what_the_sentence_says() -> None:
    # "may" governs "still expand", which the sentence does not state
    quote = "The new crane cut unloading times, officials said, though the port may still expand."
    assert dropped("The new crane cut unloading times.", [quote]) == ""
    assert dropped("The port has expanded.", [quote]) == "may"
    # one supporting passage that states it plainly is enough
    assert dropped("AI has become an exclusive game.", ["AI could become an exclusive game.", "AI has become an exclusive game."]) == ""
    assert dropped("Funding rose.", []) == ""


def test_a_hedge_in_a_parenthesis_glosses_a_term_and_governs_nothing() -> None:
    quote = "The board revised the export system for dual-use goods (items that may have military uses)."
    assert dropped("The board revised the export system for dual-use goods.", [quote]) == ""
    assert dropped("The board revised the export system for dual-use goods.", ["The board may revise the export system."]) == "may"


def test_an_attempt_is_tentative_and_reported_speech_keeps_an_attributing_hedge() -> None:
    assert dropped("The board blocked the merger.", ["The board tried to block the merger."]) == "tried"
    assert dropped("The board tries to block the merger.", ["The board seeks to block the merger."]) == ""
    quote = "Two carmakers claim to have reached level 4 autonomy."
    assert dropped("Two carmakers say they have reached level 4 autonomy.", [quote]) == ""
    assert dropped("Two carmakers have reached level 4 autonomy.", [quote]) == "claim"


def test_a_purpose_infinitive_keeps_the_intent_and_a_tentative_noun_governs_only_its_phrase() -> None:
    quote = "The minister set up a new agency aimed at fostering port cooperation."
    assert dropped("The minister set up a new agency to foster port cooperation.", [quote]) == ""
    assert dropped("The minister's new agency fosters port cooperation.", [quote]) == "aimed"
    noun = "The minister's proposal criticizes existing port rules."
    assert dropped("The minister criticizes existing port rules.", [noun]) == ""  # the proposal exists and criticizes
    assert dropped("The port rules were changed.", ["The proposal to change the port rules was tabled."]) == "proposal"


def test_a_belief_or_a_perception_stated_as_fact_is_a_dropped_hedge() -> None:
    """"thinks" → "knows", "were seen as support" → "were support": an opinion or a reading becomes a fact."""
    assert dropped("The mayor knows the port is losing money.", ["The mayor thinks the port is losing money."]) == "thinks"
    assert dropped("The mayor believes the port is losing money.", ["The mayor thinks the port is losing money."]) == ""
    quote = "her remarks on the harbour's future were seen as a show of support"
    assert dropped("Her remarks on the harbour's future were a show of support.", [quote]) == "seen"
    assert dropped("Her remarks on the harbour's future were viewed as a show of support.", [quote]) == ""
    # a perception word counts only before "as": "has seen growth" is a fact
    assert dropped("The harbour grew fast.", ["The harbour has seen fast growth."]) == ""
    # a sentence that keeps the belief may still drop the passage's modal
    assert dropped("The mayor believes the port already loses money.", ["The mayor believes the port could lose money."]) == "could"


def test_headline_words_are_ordinary_words_for_the_thesaurus() -> None:
    """In a title-case passage every word looks like a name; WordNet must still relate "believes" to "Thinks"."""
    quote = "Harbour Chief Thinks Ferries Are Profitable Again"
    assert [x.text for x in judge("The harbour chief believes ferries are profitable again.", [quote]).missing] == []
    # not in a sentence where the capitalised words are names
    assert [x.text for x in judge("Ana Thinks believes the ferries are profitable.", ["Ana Thinks said the ferries are profitable."]).missing] \
        == ["believes"]


def test_a_provisional_status_is_dropped_only_with_the_word_it_qualifies_kept() -> None:
    """"an interim final rule" stated as "a final rule" makes settled what the passage says is not; "the rule" leaves the
    status out with what it qualifies, as any summary may."""
    quote = "The harbour board issued an interim final rule on berth fees; comments are due in May."
    assert dropped("The harbour board issued a final rule on berth fees.", [quote]) == "interim"
    assert dropped("The harbour board issued a rule on berth fees.", [quote]) == ""
    assert dropped("The harbour board issued an interim final rule on berth fees.", [quote]) == ""
    assert dropped("The board published final figures on berth fees.", ["The board published preliminary figures on berth fees."]) == "preliminary"


def test_a_view_held_by_someone_in_the_passage_stated_as_fact_is_a_dropped_hedge() -> None:
    """"Shippers see tariffs as critical to …" → "Tariffs are critical to …": the passage reports a view, in any form of
    the perception verb, with "as" later in its clause; a sentence that keeps a perception verb anywhere keeps it."""
    quote = "Shippers and port officials see harbour tariffs as critical to the port's budget."
    assert dropped("Harbour tariffs are critical to the port's budget.", [quote]) == "see"
    assert dropped("Harbour tariffs, which the mayor views as critical, fund the port's budget.",
                   ["Harbour tariffs, which the mayor views as critical, fund the port's budget."]) == ""
    assert dropped("Shippers see a strong case for harbour tariffs in the port's budget.",
                   ["Shippers believe harbour tariffs are critical to the port's budget."]) == ""
    # "as" outside the clause, or too far, is no perception: "the harbour saw growth, as exports rose"
    assert dropped("The harbour grew as exports rose.", ["The harbour saw growth, as exports rose."]) == ""


def test_a_hedge_governs_its_verb_phrase_and_the_phrase_after_it() -> None:
    """"might lead to a sharp fall in port tariffs" → "are cutting port tariffs": the word the sentence states is the
    seventh after the hedge (``hedge.SCOPE``)."""
    quote = "A study suggests that new cranes might lead to a sharp fall in port tariffs."
    assert dropped("A study found that new cranes are cutting port tariffs.", [quote]) == "might"
    assert dropped("New cranes might cut port tariffs, a study suggests.", [quote]) == ""


def test_a_view_the_passage_gives_to_unnamed_others_stated_as_fact_is_dropped() -> None:
    """"Some experts say that the port's approach blurs …" → "The port's approach blurs …": what others are reported to
    hold becomes the brief's own statement; a sentence that keeps any speaker's act or the attribution keeps it."""
    quote = "Some experts say that the port's pricing blurs public and private roles and may raise tariffs."
    assert dropped("The port's pricing blurs public and private roles and may raise tariffs.", [quote]) == "experts say"
    assert dropped("Experts say the port's pricing blurs public and private roles.", [quote]) == ""
    assert dropped("The article notes that the port's pricing blurs public and private roles.", [quote]) == ""
    assert dropped("The port's pricing blurs public and private roles.", [quote, "The port's pricing blurs public and private roles."]) == ""


def test_a_hedge_governs_only_words_the_passage_does_not_also_state_plainly() -> None:
    """A sentence that takes "cut" from the passage's plain "The port cut tariffs" does not drop the "may" of "may later
    cut them for trucks"; one that states the hedged "trucks" does."""
    quote = "The port cut tariffs for ships, and may later cut them for trucks."
    assert dropped("The port cut tariffs for ships.", [quote]) == ""
    assert dropped("The port cut tariffs for trucks.", [quote]) == "may"


def test_an_owned_potential_is_a_capacity_not_a_hedge() -> None:
    """"the port's potential in shipping" is what the port can do; "the potential to cut tariffs" is a possibility."""
    quote = "Remarks on the port's potential in shipping were seen as a show of support."
    assert dropped("Remarks on the port's potential in shipping were a show of support.", [quote]) == "seen"
    assert dropped("The port cut tariffs.", ["The port has the potential to cut tariffs."]) == "potential"


def test_a_wish_is_not_an_agreement_and_an_agreed_infinitive_is_no_purpose() -> None:
    """"has a strong interest in joining" → "has agreed to join": a wish or readiness (interest, keen, willing, commitment)
    is tentative, and the to-infinitive of "agreed", "began", "managed" … states what was agreed or begun, not a purpose,
    so its words still need the passage's modality. A sentence that keeps a wish keeps the passage's wishes, and may
    still drop a belief (session 11: over the 897 labelled pairs one overreach found, no faithful pair flagged)."""
    quote = "The mayor has a strong interest in joining the regional port compact."
    assert dropped("The mayor has agreed to join the regional port compact.", [quote]) == "interest"
    assert dropped("The mayor is interested in joining the regional port compact.", [quote]) == ""
    assert dropped("The mayor began to build a new quay.", ["The mayor hopes to build a new quay."]) == "hopes"
    belief = "The mayor believes the harbour is interested in the regional port compact."
    assert dropped("The mayor knows the harbour is interested in the regional port compact.", [belief]) == "believes"
    assert dropped("The mayor says the harbour is interested in the regional port compact.", [belief]) == "believes"


def test_a_possibility_made_certain_is_a_dropped_hedge() -> None:
    """"its call for cooperation could pave the way" → "will pave the way": the sentence keeps a tentative word ("call for",
    read as "propose"), so no hedge is dropped as a whole, yet it states as certain what every passage calls possible
    (``hedge._strengthened``; session 11: one overreach over the 897 labelled pairs, no faithful pair)."""
    quote = "The mayor's proposal for a harbour pact could pave the way for a customs union."
    assert dropped("The mayor's proposal for a harbour pact will pave the way for a customs union.", [quote]) == "could"
    assert dropped("The mayor's proposal for a harbour pact could pave the way for a customs union.", [quote]) == ""
    # a passage that also says it will, on the same verb, supports the certainty
    assert dropped("The mayor's proposal for a harbour pact will pave the way for a customs union.", [quote, "The pact will pave the way."]) == ""
    assert dropped("The mayor's proposal for a harbour pact will open soon.", [quote]) == ""  # another verb: not this rule's


def test_the_enacting_formula_of_a_bill_proposes() -> None:
    """"Be it enacted by the Senate and House …" opens a bill, which proposes a law: "the Senate and the House have
    enacted the bill" drops that; a sentence that names the formula ("the enacting clause") or keeps it does not
    (session 11: one overreach over the 897 labelled pairs, no faithful pair)."""
    quote = "Be it enacted by the Assembly of the Harbour Province in session assembled,"
    assert dropped("The Assembly of the Harbour Province has enacted the port bill.", [quote]) == "be it"
    assert dropped("The port bill's enacting clause names the Assembly of the Harbour Province.", [quote]) == ""
    assert dropped("The port bill opens: be it enacted by the Assembly of the Harbour Province.", [quote]) == ""


def test_an_indirect_or_apparent_act_stated_plainly_is_a_dropped_hedge() -> None:
    """"indirectly criticizes" → "criticised": a manner adverb that weakens its verb (indirectly, implicitly, apparently,
    reportedly …) governs that verb only, not its object (session 11: one overreach over the 897 labelled pairs, no
    faithful pair; with the ten-word reach of the modals it flagged a faithful pair about the object)."""
    quote = "The mayor's letter indirectly criticizes existing harbour rules, which have mainly favoured large ships."
    assert dropped("The mayor criticised the existing harbour rules.", [quote]) == "indirectly"
    assert dropped("The mayor's letter implicitly criticises the existing harbour rules.", [quote]) == ""
    assert dropped("Existing harbour rules have mainly favoured large ships.", [quote]) == ""


def test_a_copied_modal_keeps_its_own_verb_not_the_passage_hedge_around_it() -> None:
    """"our commitment to tracking down every lead we can find" → "has tracked down every lead it could find": the
    sentence's "could" copies the passage's "can find", so it keeps that verb's modality, not the commitment's
    (session 11: one overreach over the 897 labelled pairs, no faithful pair)."""
    quote = "We remain focused on our commitment to tracking down every lead we can find at the harbour."
    assert dropped("The harbour police have tracked down every lead they could find.", [quote]) == "commitment"
    assert dropped("The harbour police are committed to tracking down every lead they could find.", [quote]) == ""
    assert dropped("The harbour police could track down every lead.", [quote]) == ""  # its own modal, on another verb
