"""A cited document's own names and the acronyms it defines count as present (support/aliases.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from briefgen.support import aliases
from briefgen.support.match import judge


@dataclass
class Doc:
    """Stands in for inputs.sources.Source: what ``aliases`` reads (``csl``, ``text``)."""

    csl: dict[str, Any] = field(default_factory=dict)
    text: str = ""


GAO = Doc({"title": "Export Controls: Commerce Should Improve Workforce Planning",
           "publisher": "U.S. Government Accountability Office"})
BIS = Doc({"title": "Implementation of Additional Export Controls",
           "publisher": "U.S. Department of Commerce, Bureau of Industry and Security"},
          "In this rule, the Bureau of Industry and Security (BIS) amends the rules on advanced computing "
          "integrated circuits (ICs). The Department of Defense (DOD) reviews licences.")


def _missing(claim: str, quote: str, doc: Doc | None) -> list[str]:
    return [x.text for x in judge(claim, [quote], origins=[doc]).missing]


def test_the_documents_publisher_named_in_the_claim_is_present() -> None:
    quote = "This report examines BIS's resources from fiscal years 2013 through 2024."
    assert _missing("GAO's report examines BIS's resources from fiscal years 2013 through 2024.", quote, GAO) == []
    assert _missing("Commerce says the rule controls chips.", "The rule controls chips.", BIS) == []
    # without the document, or with another document, the names are missing as before
    assert _missing("GAO's report examines BIS's resources from fiscal years 2013 through 2024.", quote, None) == ["GAO"]
    assert _missing("Commerce says the rule controls chips.", "The rule controls chips.", GAO) == ["Commerce"]
    assert _missing("The Treasury says the rule controls chips.", "The rule controls chips.", BIS) == ["Treasury"]


def test_a_title_word_counts_only_for_a_name_written_mid_sentence() -> None:
    assert _missing("Improve exports, the rule says.", "The rule says so.", GAO) == ["Improve", "exports"]


def test_an_acronym_and_its_expansion_support_each_other_as_the_document_defines_them() -> None:
    expansion = "The Bureau of Industry and Security amends the rules."
    assert _missing("BIS amends the rules.", expansion, Doc({}, "")) == []  # the capitalised run spells it
    assert _missing("The Bureau of Industry and Security amends the rules.", "BIS amends the rules.", BIS) == []
    assert _missing("The rule covers advanced computing ICs.", "The rule covers advanced computing integrated circuits.", BIS) == []
    assert _missing("The rule covers integrated circuits.", "The rule covers ICs.", BIS) == []
    assert _missing("DOD reviews licences.", "The Department of Defense reviews licences.", BIS) == []
    # an acronym the passage does not spell out, and the document does not define, is still missing
    assert _missing("DOE reviews licences.", "The Department of Defense reviews licences.", BIS) == ["DOE"]
    assert _missing("The rule covers ICs.", "The rule covers circuits.", Doc({}, "")) == ["ICs"]


def test_definitions_and_spellings() -> None:
    assert aliases.definitions(BIS.text) == {"bis": "Bureau of Industry and Security", "ic": "integrated circuits",
                                             "dod": "Department of Defense"}
    assert aliases.spelled("the Congressional Research Service said")["crs"] == "Congressional Research Service"
    assert aliases.definitions("the People’s Republic of China (PRC or China) and")["prc"] == "People’s Republic of China"


def test_a_reporting_verb_after_the_documents_own_name_frames_the_sentence() -> None:
    crs = Doc({"publisher": "Congressional Research Service"})
    assert _missing("CRS notes that the rule controls chips.", "The rule controls chips.", crs) == []
    assert _missing("GAO's report describes how the rule controls chips.", "The rule controls chips.", GAO) == []
    # cited to another document, the name is reported; "notes that" frames the clause whoever speaks (text/frames.py)
    assert _missing("CRS notes that the rule controls chips.", "The rule controls chips.", GAO) == ["CRS"]
    assert _missing("CRS bans chips.", "The rule controls chips.", crs) == ["bans"]  # an act, not a report


def test_a_head_of_x_acronym_names_the_body_its_x_word_names() -> None:
    from briefgen.support.match import judge

    quote = "DOD, DOE, and State also review export license applications."
    for claim in ("The Defense and Energy Departments and State also review export license applications.",
                  "Defense, Energy and State also review export license applications."):
        assert [x.text for x in judge(claim, [quote]).missing] == [], claim
    # another body's initial, or an acronym that is not "<head> of <X>", names nothing
    assert [x.text for x in judge("Treasury and State also review export license applications.", [quote]).missing] == ["Treasury"]
    assert [x.text for x in judge("Defense also reviews export license applications.", ["DHS also reviews export license applications."]).missing] == ["Defense"]
