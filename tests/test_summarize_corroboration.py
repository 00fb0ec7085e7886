"""Corroboration and theme fit in `briefgen summarize`: one fact from several sources becomes one claim;
look-alike facts that differ in a number or a name never do; a seed term matches only as a whole."""

from __future__ import annotations

import pytest

from briefgen.drafting import summarize
from briefgen.drafting.corroboration import judge
from briefgen.drafting.facts import conflict, facts_of
from briefgen.inputs import schemas

THEMES = [schemas.Theme(id="charges", title="Company charges", terms=["charge", "write-down"]),
          schemas.Theme(id="weather", title="Weather", terms=["rain", "storm"])]
FILLER = ("The storm brought heavy rain to the coast on Tuesday.\n\n"
          "Rain is expected to ease by the weekend, forecasters said.\n\n")


def _draft(texts: dict[str, str]) -> list[tuple[str, list[str]]]:
    drafts = summarize.draft({k: FILLER + v for k, v in texts.items()}, THEMES, issued={k: "2025-03-01" for k in texts})
    return [(d.theme, sorted({p.source for p in d.evidence})) for d in drafts if "charge" in d.text or "write-down" in d.text]


def test_quantities_are_normalised_before_they_are_compared() -> None:
    assert facts_of("a $5.5 billion charge").quantities == facts_of("a $5.5bn charge").quantities == facts_of("5,500 million").quantities
    assert facts_of("a $5.5 billion charge").quantities != facts_of("a $5.5 million charge").quantities
    assert facts_of("up 12 percent").quantities == facts_of("up 12%").quantities
    assert facts_of("twenty-eight entities").quantities == facts_of("28 entities").quantities
    assert conflict(facts_of("a $5.5 billion charge"), facts_of("a $5.5 million charge"))


def test_entities_are_normalised_before_they_are_compared() -> None:
    us = facts_of("Officials in the U.S. confirmed the rule.").entities
    assert us and us == facts_of("Officials in the United States confirmed the rule.").entities == facts_of("Officials in the US confirmed the rule.").entities
    assert not facts_of("The rule was confirmed.").entities, "a capital that opens the sentence is no name"


def test_a_shared_number_lowers_the_bar_but_content_alone_must_be_strong() -> None:
    same_number = facts_of("Acme took a $5.5bn charge."), facts_of("The $5.5 billion write-down hit Acme.")
    nothing_shared = facts_of("Acme took a charge."), facts_of("The write-down hit Acme.")
    assert judge(0.22, *same_number) == 0.22
    assert judge(0.22, *nothing_shared) == 0.0
    assert judge(0.35, *nothing_shared) == 0.35
    assert judge(0.9, facts_of("11 entities were added."), facts_of("28 entities were added.")) == 0.0
    assert judge(0.9, facts_of("Smith said rates would rise."), facts_of("Jones said rates would rise.")) == 0.0


def test_a_rare_phrase_or_two_shared_dates_lower_the_bar_a_name_or_number_still_keeps_facts_apart() -> None:
    from briefgen.drafting.facts import Facts
    phrase = Facts(frozenset(), frozenset(), frozenset(), phrases=frozenset({("job", "displa")}))
    other = Facts(frozenset(), frozenset(), frozenset(), phrases=frozenset({("job", "displa"), ("privac", "concer")}))
    assert judge(0.26, phrase, other) == 0.26 and judge(0.26, phrase, Facts(frozenset(), frozenset(), frozenset())) == 0.0
    assert judge(0.24, phrase, other) == 0.0
    two = facts_of("After October 2023, the agency reviewed its rules and issued an April 2024 update.")
    assert two.months == {"2023-10", "2024-04"}
    assert judge(0.16, two, facts_of("On April 4, 2024 it revised the two rules of October 17, 2023.")) == 0.16
    assert judge(0.16, two, facts_of("In April 2024 the agency revised its rules.")) == 0.0, "one shared month: 0.2"
    assert judge(0.16, two, facts_of("After October 2023, Smith said, it issued an April 2025 update.")) == 0.0
    assert judge(0.9, *(Facts(frozenset(), frozenset(), frozenset({n}), phrases=frozenset({("job", "displa")})) for n in ("Smith", "Jones"))) == 0.0


def test_a_phrase_few_documents_use_ties_two_reports_of_one_fact() -> None:
    """a and b share 0.29 of their weighted words and the phrase "job displacement"; c has both words, apart."""
    texts = {"wire-a": "Officials listed misinformation, job displacement and the loss of control as the charge they fear most.\n",
             "wire-b": "Potential risks of the new charge include job displacement and privacy concerns for officials.\n",
             "wire-c": "The storm caused displacement of families, and job losses followed the charge on the plant.\n",
             **{f"other-{n}": f"Report {n} covers the harvest, the weather and prices in the region.\n" for n in range(4)}}
    drafted = _draft(texts)
    assert ("charges", ["wire-a", "wire-b"]) in drafted, drafted
    assert not any("wire-c" in sources and len(sources) > 1 for _, sources in drafted), "the words apart are no phrase"


def test_one_charge_reported_in_different_words_by_two_outlets_is_one_claim() -> None:
    texts = {"wire-a": "Acme Industries booked a $5.5bn charge on its chip unit in the first quarter, the company said.\n",
             "wire-b": "The chipmaker disclosed a $5.5 billion write-down tied to Acme Industries' chip unit for the quarter.\n"}
    assert _draft(texts) == [("charges", ["wire-a", "wire-b"])]


ISSUE_PAIRS = [  # the cross-source pairs issue #12 found drafted apart, in the outlets' own words
    ("The commerce ministry added 140 entities to its export charge list on Monday, officials said.",
     "Officials confirmed that 140 listed entities now face the export charge rules."),
    ("Export licences for the charge equipment will be required from 15 March 2025, the regulator said.",
     "From 15 March 2025 a licence is required to export the charge equipment."),
]


@pytest.mark.parametrize("pair", ISSUE_PAIRS)
def test_the_same_number_or_date_in_other_words_is_one_claim(pair: tuple[str, str]) -> None:
    texts = {"wire-a": pair[0] + "\n", "wire-b": pair[1] + "\n"}
    assert _draft(texts) == [("charges", ["wire-a", "wire-b"])]
    other = pair[1].replace("140", "28").replace("15 March 2025", "1 June 2026")
    assert sorted(_draft({"wire-a": pair[0] + "\n", "wire-b": other + "\n"})) == [("charges", ["wire-a"]), ("charges", ["wire-b"])]


def test_look_alike_charges_that_differ_in_the_amount_stay_apart() -> None:
    texts = {"wire-a": "Acme Industries booked a $5.5bn charge on its chip unit in the first quarter, the company said.\n",
             "wire-b": "Acme Industries booked a $2.1bn charge on its chip unit in the first quarter, the company said.\n"}
    assert sorted(_draft(texts)) == [("charges", ["wire-a"]), ("charges", ["wire-b"])]


def test_a_seed_term_of_several_words_matches_only_as_a_whole() -> None:
    themes = [schemas.Theme(id="lists", title="Lists", terms=["Commerce Control List"]),
              schemas.Theme(id="money", title="Money", terms=["funding"])]
    texts = {"gao": "Funding for the Commerce Control office grew by $97 million from 2013 through 2024.\n\n"
                    "The agency updated the Commerce Control List in September.\n\n"
                    "Other text about the weather fills this page.\n"}
    drafts = summarize.draft(texts, themes)
    assert {d.text: d.theme for d in drafts} == {
        "Funding for the Commerce Control office grew by $97 million from 2013 through 2024.": "money",
        "The agency updated the Commerce Control List in September.": "lists"}


def test_a_sentence_the_analyst_passed_over_comes_back_only_when_another_source_states_it(tmp_path) -> None:
    from briefgen import pipeline
    from briefgen.inputs import summary as summary_io
    from briefgen.inputs.sources import load_sources

    read = ("The dam on the upper river will release extra water to downstream farms next week.\n\n"
            "Reservoir levels in the basin fell to 31 per cent of capacity in August.\n")
    (tmp_path / "sources").mkdir()
    (tmp_path / "summary").mkdir()
    (tmp_path / "sources" / "a.txt").write_text(read, encoding="utf-8")
    entry = '- id: "{0}"\n  type: "report"\n  title: "{0}"\n  file: "{0}.txt"\n'
    (tmp_path / "sources" / "sources.yaml").write_text(entry.format("a"), encoding="utf-8")
    (tmp_path / "summary" / "summary.yaml").write_text(
        'themes:\n  - id: water\n    title: Water\n    terms: [dam, reservoir, release, capacity]\n    claims:\n'
        '      - id: dam\n        text: "The dam will release water next week."\n        status: curated\n        evidence:\n'
        '          - source: a\n            quote: "The dam on the upper river will release extra water to downstream farms next week."\n',
        encoding="utf-8")
    project = pipeline.Project(tmp_path)
    report = pipeline.summarize(project)
    assert (report.added, report.passed_over) == (0, 1), report.line()
    assert "1 single-source draft(s) left out" in report.line()
    (tmp_path / "sources" / "b.txt").write_text("Officials said reservoir levels in the basin fell to 31 per cent of capacity "
                                                "in August, the lowest in a decade.\n", encoding="utf-8")
    (tmp_path / "sources" / "sources.yaml").write_text(entry.format("a") + entry.format("b"), encoding="utf-8")
    report = pipeline.summarize(project)
    assert report.added == 1, report.line()
    loaded = summary_io.load_summary(project.summary_dir, load_sources(project.sources_dir))
    (added,) = [c for c in loaded.theme("water").claims if c.id != "dam"]
    assert sorted(e.source for e in added.evidence) == ["a", "b"]
    (tmp_path / "sources" / "a.txt").write_text(read + "\nThe dam release will raise reservoir capacity downstream by a third.\n",
                                                encoding="utf-8")
    report = pipeline.summarize(project)
    assert report.added == 1, "a source whose text changed since the last run has new sentences: none was passed over"


def test_a_common_word_of_a_theme_name_alone_files_nothing_but_the_themes_own_name_does() -> None:
    """"views" of "Jane Roe's views" (a verb in "the ministry views …") or "US" alone do not make a topic;
    "Roe", a name only that theme uses, does."""
    themes = [schemas.Theme(id="roe", title="Jane Roe's views", description="What Jane Roe has said about farm policy."),
              schemas.Theme(id="tariffs", title="US grain tariffs", description="US tariffs on imported grain and their effect on farms."),
              schemas.Theme(id="trade", title="US–Canada trade", description="Trade between the US and Canada in farm goods.")]
    texts = {"wire": "The ministry views rising fertiliser costs as critical to keeping its harvest targets.\n\n"
                     "A cooperative was sued in the US over claims about the quality of its seed.\n\n"
                     "Roe spoke for eight minutes and mentioned the cooperative she founded.\n\n"
                     "The US raised tariffs on imported grain again, hurting farms that buy feed.\n"}
    filed = {d.text: d.theme for d in summarize.draft(texts, themes, per_theme=4)}
    assert filed.get("The ministry views rising fertiliser costs as critical to keeping its harvest targets.", "") == ""
    assert filed.get("A cooperative was sued in the US over claims about the quality of its seed.", "") == ""
    assert filed["Roe spoke for eight minutes and mentioned the cooperative she founded."] == "roe"
    assert filed["The US raised tariffs on imported grain again, hurting farms that buy feed."] == "tariffs"


def test_the_order_of_the_themes_decides_nothing() -> None:
    """Of two sentences of one fact filed under two themes, the one that fits its theme better leads the claim,
    whichever theme comes first in the file (it once was the first theme's)."""
    from pathlib import Path

    from briefgen.drafting.summarize import read_texts
    from briefgen.inputs.sources import load_sources
    from briefgen.inputs.summary import load_summary

    root = Path(__file__).resolve().parents[1]  # the seed project, read only
    sources = load_sources(root / "sources")
    texts, _ = read_texts(sources)
    themes = [t.model_copy(update={"claims": []}) for t in load_summary(root / "summary", sources).themes]

    def drafted(order: list) -> set:
        return {(d.theme, d.text, tuple(sorted(p.source for p in d.evidence))) for d in summarize.draft(texts, order)}

    assert drafted(themes) == drafted(themes[::-1])
