"""Compose: claim selection and its filters, dates, metadata, the annex."""

from __future__ import annotations

import pytest

from briefgen import pipeline
from briefgen.compose import compose
from briefgen.inputs.schemas import Section
from conftest import ROOT

CORPUS = pipeline.load_corpus(pipeline.Project(ROOT))
THEME = max(CORPUS.summary.themes, key=lambda t: sum(len({e.source for e in c.evidence}) > 1 for c in t.claims))


def ids(section: Section) -> list[str]:
    return [s.claim.id for s in compose.select(section, CORPUS.summary, CORPUS.sources)]


def test_themes_give_their_claims_in_summary_order_and_limit_cuts():
    everything = [c.id for c in THEME.claims]
    assert ids(Section(heading="x", themes=[THEME.id])) == everything
    assert ids(Section(heading="x", themes=[THEME.id], limit=2)) == everything[:2]


def test_explicit_claims_follow_the_themes_without_repeats():
    other = next(c.id for t in CORPUS.summary.themes if t.id != THEME.id for c in t.claims)
    assert ids(Section(heading="x", themes=[THEME.id], claims=[THEME.claims[0].id, other]))[-1] == other


def test_min_sources_keeps_corroborated_claims_only():
    chosen = ids(Section(heading="x", themes=[THEME.id], min_sources=2))
    expected = [c.id for c in THEME.claims if len({e.source for e in c.evidence}) >= 2]
    assert chosen == expected and 0 < len(chosen) < len(THEME.claims)


def test_exclude_and_include_sources_filter_the_evidence():
    source = THEME.claims[0].evidence[0].source
    for chosen in compose.select(Section(heading="x", themes=[THEME.id], exclude_sources=[source]), CORPUS.summary, CORPUS.sources):
        assert source not in chosen.source_ids
    only = compose.select(Section(heading="x", themes=[THEME.id], include_sources=[source]), CORPUS.summary, CORPUS.sources)
    assert only and all(chosen.source_ids == (source,) for chosen in only)


def test_date_range_uses_the_sources_dates_for_undated_claims():
    dated = {k: s.issued for k, s in CORPUS.sources.items() if s.issued}
    assert len(set(dated.values())) >= 2
    early = min(dated.values())
    chosen = compose.select(Section(heading="x", themes=[t.id for t in CORPUS.summary.themes], until=early),
                            CORPUS.summary, CORPUS.sources)
    assert chosen and all(min(CORPUS.sources[k].issued for k in c.source_ids if CORPUS.sources[k].issued) <= early for c in chosen)
    later = compose.select(Section(heading="x", themes=[t.id for t in CORPUS.summary.themes], since="2099"),
                           CORPUS.summary, CORPUS.sources)
    assert later == []


@pytest.mark.parametrize("iso, lang, shown", [("2025-03-04", "en-GB", "4 March 2025"), ("2025-03-04", "en-US", "March 4, 2025"),
                                              ("2025-03", "en-GB", "March 2025"), ("2025", "en-GB", "2025"),
                                              ("Spring 2025", "en-GB", "Spring 2025")])
def test_format_date(iso, lang, shown):
    assert compose.format_date(iso, lang) == shown


def test_date_comes_from_source_date_epoch_when_the_spec_has_none(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert compose.source_date() == "2023-11-14"
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert compose.source_date() == ""


def test_the_quote_printed_under_a_claim_is_its_best_supporting_one():
    from briefgen.inputs.schemas import Evidence
    heading = Evidence(source="s", quote="Key Objectives of the Proposed Body")
    item = Evidence(source="s", quote="Coordinating international efforts to regulate the technology")
    claim = "Among the key objectives of the proposed body is coordinating international efforts to regulate the technology."
    assert compose.shown_evidence(claim, (heading, item)) is item
    assert compose.shown_evidence("Nothing shared here.", (heading, item)) is heading  # a tie keeps the summary's order


def test_compose_prints_the_best_supporting_quote_not_the_first():
    """In the example summary some claims rest on a list heading first and the item second."""
    claims = [c for t in CORPUS.summary.themes for c in t.claims if len(c.evidence) > 1]
    picked = [(c, compose.shown_evidence(c.text, tuple(c.evidence))) for c in claims]
    moved = [(c, e) for c, e in picked if e is not c.evidence[0]]
    assert moved, "the example summary no longer has a claim whose first quote is not its best one"
    theme = next(t for t in CORPUS.summary.themes if moved[0][0] in t.claims)
    section = compose._section(Section(heading="x", themes=[theme.id], quotes=True),
                               compose.select(Section(heading="x", themes=[theme.id]), CORPUS.summary, CORPUS.sources),
                               CORPUS.sources)
    shown = {c["id"]: c["quote"] for c in section["claims"]}
    assert shown[moved[0][0].id] == moved[0][1].quote
