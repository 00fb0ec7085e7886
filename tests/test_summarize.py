"""`briefgen summarize`: drafting on the seed corpus and on another subject, curation kept, bad input, quality."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefgen import pipeline
from briefgen.drafting import drafting, sentences, summarize
from briefgen.inputs import ingest, summary, yamlio
from briefgen.inputs.sources import load_sources
from conftest import cli

ROOT = Path(__file__).resolve().parents[1]
RECALL_FLOOR, PRECISION_FLOOR = 0.6, 0.75
"""Measured on the seed corpus at per_theme=8: recall 0.667, precision 0.848 (a random pick of as
many sentences: 0.59 and 0.79, since the analyst quoted 79% of its claimable sentences)."""


@pytest.fixture
def seed(tmp_path: Path) -> pipeline.Project:
    for folder in ("sources", "summary"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return pipeline.Project(tmp_path)


def _load(project: pipeline.Project) -> summary.Summary:
    return summary.load_summary(project.summary_dir, load_sources(project.sources_dir))


def _edit(path: Path, change) -> None:
    data = yamlio.load(path).data
    change(data)
    path.write_text(yamlio.dumps(data), encoding="utf-8")


def _claims(path: Path) -> dict[str, dict]:
    return {c["id"]: c for t in yamlio.load(path).data["themes"] for c in t["claims"]}


def _project(tmp_path: Path, documents: dict[str, str], themes: str) -> pipeline.Project:
    (tmp_path / "sources").mkdir()
    (tmp_path / "summary").mkdir()
    entries = "".join(f'- id: "{Path(name).stem}"\n  type: "report"\n  title: "{Path(name).stem}"\n  file: "{name}"\n' for name in documents)
    (tmp_path / "sources" / "sources.yaml").write_text(entries, encoding="utf-8")
    for name, text in documents.items():
        (tmp_path / "sources" / name).write_text(text, encoding="utf-8")
    (tmp_path / "summary" / "themes.yaml").write_text(themes, encoding="utf-8")
    return pipeline.Project(tmp_path)


# ---------------------------------------------------------------- the seed corpus


def test_on_the_seed_project_summarize_adds_no_sentence_the_analyst_passed_over(seed: pipeline.Project) -> None:
    read = {(t["id"], e["source"]) for t in yamlio.load(seed.summary_dir / "summary.yaml").data["themes"]
            for c in t["claims"] for e in c["evidence"]}
    report = pipeline.summarize(seed)
    assert (report.kept, report.stale, report.problems) == (56, 0, [])
    # 3 since the 8th session's theme clues list (not file) 5 drafts: fewer filed drafts to pass over (themefit, minimal edit)
    assert report.passed_over >= 3 and report.added == 0, report.line()
    assert "single-source draft(s) left out" in report.line()
    for theme in yamlio.load(seed.summary_dir / "summary.yaml").data["themes"]:
        for claim in theme["claims"]:
            sources = {e["source"] for e in claim["evidence"]}
            if claim.get("status") == "draft":
                assert len(sources) > 1 or (theme["id"], *sources) not in read, claim["id"]


def _fresh(seed: pipeline.Project) -> pipeline.Project:
    """The seed project with its themes only: every claim is summarize's draft."""
    _edit(seed.summary_dir / "summary.yaml", lambda data: [theme.pop("claims", None) for theme in data["themes"]])
    return seed


def test_summarize_writes_a_summary_that_loads_and_verifies(seed: pipeline.Project) -> None:
    _fresh(seed)
    report = pipeline.summarize(seed)
    assert report.paths == [seed.summary_dir / "summary.yaml"]
    assert (report.kept, report.stale, report.passed_over, report.problems) == (0, 0, 0, [])
    assert report.added >= 26  # 36: a sentence that fits its theme by one coincidental word is not filed; 30 -> 28: one
    # spread over many themes is listed (themefit.FOCUS, 9th session); 28 -> 27: one that never names the subject its
    # theme's title names is listed (themesubject, 10th session); 27 -> 26: one is another outlet's report of the speech
    # another draft quotes, and now that draft's evidence (drafting/speech.py, 11th session)
    loaded = _load(seed)
    assert summary.verify(loaded, load_sources(seed.sources_dir)) == []
    drafts = [c for c in loaded.claims.values() if c.status == "draft"]
    assert len(drafts) == report.added
    texts = {sid: ingest.normalise(s.text) for sid, s in load_sources(seed.sources_dir).items()}
    for claim in drafts:
        assert claim.fingerprint == drafting.fingerprint(claim.text, [(e.source, e.quote) for e in claim.evidence])
        for evidence in claim.evidence:
            assert texts[evidence.source][evidence.start:evidence.start + len(evidence.quote)] == evidence.quote


def test_curated_claims_are_untouched_and_rerunning_changes_nothing(seed: pipeline.Project) -> None:
    before = _claims(ROOT / "summary" / "summary.yaml")
    pipeline.summarize(seed)
    after = _claims(seed.summary_dir / "summary.yaml")
    assert {k: after[k] for k in before} == before
    written = (seed.summary_dir / "summary.yaml").read_bytes()
    again = pipeline.summarize(seed)
    assert (again.paths, again.added, again.refreshed, again.kept) == ([], 0, 0, len(after))
    assert (seed.summary_dir / "summary.yaml").read_bytes() == written
    assert written.startswith(b"# Structured summary of the corpus")


def test_an_analyst_edit_survives_a_rerun(seed: pipeline.Project) -> None:
    pipeline.summarize(_fresh(seed))
    path = seed.summary_dir / "summary.yaml"
    drafted = next(c for c in _claims(path).values() if c.get("status") == "draft")

    def reword(data: dict) -> None:
        for theme in data["themes"]:
            for claim in theme["claims"]:
                if claim["id"] == drafted["id"]:
                    claim["text"] = "The analyst's own wording."
    _edit(path, reword)
    report = pipeline.summarize(seed)
    claims = _claims(path)
    assert claims[drafted["id"]]["text"] == "The analyst's own wording."
    assert report.added == 0, "the edited claim's evidence must not come back as a new draft"
    assert sum(c["evidence"][0]["quote"] == drafted["evidence"][0]["quote"] for c in claims.values()) == 1


def test_an_untouched_drafts_offsets_are_brought_up_to_date(seed: pipeline.Project) -> None:
    pipeline.summarize(_fresh(seed))
    path = seed.summary_dir / "summary.yaml"
    drafted = next(c for c in _claims(path).values() if c.get("status") == "draft")

    def stale_offsets(data: dict) -> None:
        for theme in data["themes"]:
            for claim in theme["claims"]:
                if claim["id"] == drafted["id"]:
                    claim["evidence"][0]["start"] = 0
    _edit(path, stale_offsets)
    pipeline.summarize(seed)
    assert _claims(path)[drafted["id"]]["evidence"][0]["start"] == drafted["evidence"][0]["start"]


def test_a_pinned_claim_is_never_changed_even_when_its_source_changes(seed: pipeline.Project) -> None:
    pipeline.summarize(_fresh(seed))
    path = seed.summary_dir / "summary.yaml"
    drafts = [c for c in _claims(path).values() if c.get("status") == "draft"]
    pinned, other = drafts[0], next(c for c in drafts[1:] if c["evidence"][0]["source"] != drafts[0]["evidence"][0]["source"])

    def pin(data: dict) -> None:
        for theme in data["themes"]:
            for claim in theme["claims"]:
                claim["pinned"] = claim["id"] == pinned["id"] or claim.get("pinned", False)
    _edit(path, pin)
    sources = load_sources(seed.sources_dir)
    for claim in (pinned, other):
        document = sources[claim["evidence"][0]["source"]].path
        document.write_text(document.read_text(encoding="utf-8").replace(claim["evidence"][0]["quote"], "Rewritten."), encoding="utf-8")
    pipeline.summarize(seed)
    claims = _claims(path)
    assert claims[pinned["id"]] == {**pinned, "pinned": True}
    assert claims[other["id"]]["status"] == "stale"


def test_a_curated_claim_whose_quote_left_its_source_is_flagged_stale(seed: pipeline.Project) -> None:
    sources = load_sources(seed.sources_dir)
    claim = _load(seed).claims["musk-confident-china-ai"]
    document = sources[claim.evidence[0].source].path
    document.write_text(document.read_text(encoding="utf-8").replace("expressed his confidence", "voiced doubts"), encoding="utf-8")
    report = pipeline.summarize(seed)
    claims = _claims(seed.summary_dir / "summary.yaml")
    assert report.stale == 1
    assert claims["musk-confident-china-ai"]["status"] == "stale"
    assert claims["musk-confident-china-ai"]["text"] == claim.text
    assert [c for c, v in claims.items() if v.get("status") == "stale"] == ["musk-confident-china-ai"]


def test_a_removed_source_makes_its_claims_stale_not_dropped(seed: pipeline.Project) -> None:
    before = _claims(seed.summary_dir / "summary.yaml")
    citing = {cid for cid, c in before.items() if any(e["source"] == "musk-waic-2023" for e in c["evidence"])}
    only = {cid for cid in citing if all(e["source"] == "musk-waic-2023" for e in before[cid]["evidence"])}
    assert only and citing - only
    _edit(seed.sources_dir / "sources.yaml", lambda data: data.__setitem__(slice(None), [s for s in data if s["id"] != "musk-waic-2023"]))
    (seed.sources_dir / "001_cd5654926ef64e6d.txt").unlink()
    report = pipeline.summarize(seed)
    after = _claims(seed.summary_dir / "summary.yaml")
    assert set(before) <= set(after)
    # stale only when no evidence holds; a claim other sources still support is partly stale and keeps its status
    assert {cid for cid, c in after.items() if c.get("status") == "stale"} == only
    assert report.stale == len(only)
    for cid in citing - only:
        assert after[cid].get("status", "curated") == before[cid].get("status", "curated")
        assert [e.get("stale", False) for e in after[cid]["evidence"]] == [e["source"] == "musk-waic-2023" for e in after[cid]["evidence"]]


def test_recall_and_precision_against_the_curated_summary(seed: pipeline.Project) -> None:
    sources = load_sources(seed.sources_dir)
    curated = _load(seed)
    texts = {sid: s.text for sid, s in sources.items()}
    themes = [t.model_copy(update={"claims": []}) for t in curated.themes]
    scores = summarize.evaluate(curated, summarize.draft(texts, themes, per_theme=8), sources)
    print(f"seed corpus, per_theme=8: {scores}")
    assert scores["recall"] >= RECALL_FLOOR and scores["precision"] >= PRECISION_FLOOR, scores


def test_evaluate_counts_overlapping_spans_only(seed: pipeline.Project) -> None:
    sources = load_sources(seed.sources_dir)
    curated = _load(seed)
    quote = curated.claims["musk-confident-china-ai"].evidence[0]
    half = drafting.Passage(quote.source, 0, quote.quote[: len(quote.quote) // 2])
    elsewhere = drafting.Passage("musk-ai-framework", 0, "Elon Musk Thinks China is Interested in an International AI Framework")
    scores = summarize.evaluate(curated, [drafting.Draft("t", "x", 1.0, [half]), drafting.Draft("t", "y", 1.0, [elsewhere])], sources)
    assert (scores["recovered"], scores["kept"], scores["drafted_claims"], scores["precision"]) == (1, 1, 2, 0.5)


def test_suggest_themes_returns_key_phrases_with_their_sources(seed: pipeline.Project) -> None:
    suggestions = summarize.suggest_themes(seed, count=6)
    assert len(suggestions) == 6
    assert suggestions == summarize.suggest_themes(seed, count=6)
    assert [s.score for s in suggestions] == sorted((s.score for s in suggestions), reverse=True)
    texts = {sid: s.text.lower() for sid, s in load_sources(seed.sources_dir).items()}
    for suggestion in suggestions:
        assert len(suggestion.sources) >= (1 if suggestion.kind == "focus" else 2) and suggestion.sources == sorted(suggestion.sources)
        assert suggestion.documents == len(suggestion.sources) and suggestion.example
        assert any(suggestion.phrase.lower() in texts[sid] for sid in suggestion.sources)


def test_suggestions_are_entities_and_terms_never_stop_word_ngrams_and_include_one_sources_topic(tmp_path: Path) -> None:
    from briefgen.drafting import keyphrases

    docs = {
        "a.txt": "The call comes as the Water Authority of the Northern Basin cuts quotas. Six months of drought include "
                 "record lows. Farmers say the Water Authority of the Northern Basin acted late.\n",
        "b.txt": "The Water Authority of the Northern Basin will review irrigation quotas in six months. The call comes late.\n",
        "c.txt": "Groundwater pumping has doubled since spring. Groundwater pumping now supplies most farms in the delta. "
                 "Officials fear that groundwater pumping will drain the aquifer within a decade. Irrigation quotas were cut.\n",
    }
    project = _project(tmp_path, docs, "themes: []\n")
    found = summarize.suggest_themes(project, count=6)
    phrases = {s.phrase.lower(): s for s in found}
    assert phrases["water authority of the northern basin"].documents == 2
    assert phrases["groundwater pumping"].kind == "focus" and phrases["groundwater pumping"].sources == ["c"]
    assert "Groundwater pumping has doubled since spring." == phrases["groundwater pumping"].example
    for suggestion in found:
        words = suggestion.phrase.lower().split()
        assert not set(words) & (keyphrases.WEAK | sentences.STOPWORDS) - {"of", "the"}, suggestion.phrase
        assert words[0] not in keyphrases.WEAK and words[-1] not in keyphrases.WEAK, suggestion.phrase


def test_no_suggestion_comes_from_page_furniture_or_is_a_month(tmp_path: Path) -> None:
    """A release header names no topic ("FOR IMMEDIATE RELEASE", "Media Contact" were suggested from one repeated in
    every press release), and a month is a date, not a theme, even capitalised ("In October, …")."""
    header = "FOR IMMEDIATE RELEASE | Friday, October 7, 2022 | Media Contact: press@example.gov\n\n"
    docs = {
        f"{name}.txt": header + f"In October, the Water Authority of the Northern Basin cut {name} quotas. In October, "
                       f"farmers said the Water Authority of the Northern Basin acted late on {name} quotas.\n"
        for name in ("irrigation", "groundwater", "river")
    }
    project = _project(tmp_path, docs, "themes: []\n")
    phrases = {s.phrase.lower() for s in summarize.suggest_themes(project, count=12)}
    assert "water authority of the northern basin" in phrases
    assert not phrases & {"for immediate release", "media contact", "immediate release", "october"}, phrases


def test_out_writes_every_theme_to_one_file_and_leaves_the_summary_alone(seed: pipeline.Project, tmp_path: Path) -> None:
    original = (seed.summary_dir / "summary.yaml").read_bytes()
    report = pipeline.summarize(seed, out=tmp_path / "review.yaml")
    assert report.paths == [tmp_path / "review.yaml"]
    assert (seed.summary_dir / "summary.yaml").read_bytes() == original
    assert len(yamlio.load(tmp_path / "review.yaml").data["themes"]) == 9


# ---------------------------------------------------------------- other corpora

WATER = {
    "basin-times.txt": "Drought deepens in the river basin\n\nReservoir levels in the basin fell to 31 per cent in August, "
                       "the lowest since records began. Farmers expect irrigation quotas to be cut by half. "
                       "The water minister, Mr. Okoro, said cities would keep priority for drinking water.\n",
    "farm-weekly.md": "# Farmers brace for cuts\n\nIrrigation quotas for farms will be halved next season, the ministry confirmed. "
                      "Growers of rice and cotton are the most exposed. Groundwater pumping has risen sharply as wells "
                      "replace canal water across the delta.\n",
    "ministry-note.txt": "Water allocation: options for the committee\n\n1. Keep the current shares and ration by district.\n"
                         "2. Introduce tradable water permits for large farms and utilities.\n"
                         "3. Fund leak repairs in city networks, which lose a third of treated water.\n",
}
WATER_THEMES = """themes:
  - id: drought
    title: Drought and reservoirs
    description: How low rainfall and falling reservoir levels affect the basin.
    terms: [drought, reservoir, rainfall]
  - id: allocation
    title: Water allocation
    description: Who gets water, quotas and rationing, permits and priorities.
    terms: [quota, irrigation, permits, allocation, ration]
"""


def test_a_water_policy_corpus_summarizes_with_no_code_change(tmp_path: Path) -> None:
    project = _project(tmp_path, WATER, WATER_THEMES)
    report = pipeline.summarize(project)
    assert report.paths == [project.summary_dir / "themes.yaml"], "themes stay in the file that defines them"
    loaded = _load(project)
    assert summary.verify(loaded, load_sources(project.sources_dir)) == []
    drought = [e.quote for c in loaded.theme("drought").claims for e in c.evidence]
    allocation = [e.quote for c in loaded.theme("allocation").claims for e in c.evidence]
    assert any("Reservoir levels in the basin fell to 31 per cent" in q for q in drought), drought
    assert any("tradable water permits" in q for q in allocation), allocation
    assert "Introduce tradable water permits for large farms and utilities." in allocation, "list markers are not quoted"
    assert loaded.theme("allocation").terms == ["quota", "irrigation", "permits", "allocation", "ration"]


WIRE = {
    "wire-a.txt": "Officials said the dam on the upper river will release extra water to downstream farms next week.\n\n"
                  "Separately, the city council approved a new budget for parks.\n",
    "wire-b.txt": "The dam on the upper river will release extra water to downstream farms next week, officials said on Monday.\n\n"
                  "Rainfall this spring was far below the long-term average, so the dam release matters downstream.\n",
}
DAM_THEMES = "themes:\n  - id: releases\n    title: Dam releases\n    terms: [dam, release, downstream]\n"


def test_near_duplicates_across_sources_merge_into_one_claim(tmp_path: Path) -> None:
    project = _project(tmp_path, WIRE, DAM_THEMES)
    pipeline.summarize(project)
    claims = _load(project).theme("releases").claims
    merged = [c for c in claims if "dam on the upper river" in c.text]
    assert len(merged) == 1
    assert sorted(e.source for e in merged[0].evidence) == ["wire-a", "wire-b"]
    assert not any("budget for parks" in e.quote for c in claims for e in c.evidence)


def test_an_untouched_draft_is_refreshed_with_new_corroboration(tmp_path: Path) -> None:
    project = _project(tmp_path, WIRE, DAM_THEMES)
    meta = project.sources_dir / "sources.yaml"
    _edit(meta, lambda data: data.pop())
    pipeline.summarize(project)
    (first,) = [c for c in _claims(project.summary_dir / "themes.yaml").values() if "dam on the upper river" in c["text"]]
    assert [e["source"] for e in first["evidence"]] == ["wire-a"]
    _edit(meta, lambda data: data.append({"id": "wire-b", "type": "report", "title": "wire-b", "file": "wire-b.txt"}))
    report = pipeline.summarize(project)
    claims = _claims(project.summary_dir / "themes.yaml")
    assert (report.added, report.refreshed) == (1, 1)
    assert sorted(e["source"] for e in claims[first["id"]]["evidence"]) == ["wire-a", "wire-b"]
    assert claims[first["id"]]["status"] == "draft"


def test_without_themes_summarize_proposes_them(tmp_path: Path) -> None:
    project = _project(tmp_path, WATER, "")
    (project.summary_dir / "themes.yaml").unlink()
    report = pipeline.summarize(project)
    assert report.proposed and report.paths == [project.summary_dir / "summary.yaml"]
    loaded = _load(project)
    assert [t.id for t in loaded.themes] == report.proposed
    assert summary.verify(loaded, load_sources(project.sources_dir)) == []
    assert any(t.claims for t in loaded.themes)


def test_bad_documents_are_reported_one_each_and_the_rest_is_summarized(tmp_path: Path) -> None:
    project = _project(tmp_path, WATER, WATER_THEMES)
    bad = {"binary.txt": b"\x00\x01\x02binary\x00" * 40, "empty.txt": b"", "garbled.txt": bytes(range(0x80, 0x100)) * 3,
           "huge.txt": None, "deck.key": b"slides"}
    with (project.sources_dir / "sources.yaml").open("a", encoding="utf-8") as meta:
        for name, data in bad.items():
            path = project.sources_dir / name
            path.open("wb").truncate(ingest.MAX_BYTES + 1) if data is None else path.write_bytes(data)
            meta.write(f'- id: "{path.stem}"\n  title: "{name}"\n  file: "{name}"\n')
    (project.sources_dir / "stray.txt").write_text("Not listed in the metadata.", encoding="utf-8")
    report = pipeline.summarize(project)
    assert sorted(Path(p.file).name for p in report.problems) == sorted(bad)
    assert all(p.message.startswith("expected ") for p in report.problems)
    assert report.added >= 2 and report.paths
    assert report.ignored == [project.sources_dir / "stray.txt"]
    assert cli("summarize", "--project", str(project.root)).exit_code == 3  # the CLI turns report.problems into exit 3


# ---------------------------------------------------------------- sentences


def test_sentences_respect_abbreviations_lists_and_offsets() -> None:
    text = ("Mr. Smith met U.S. Treasury officials in Washington on Monday. The talks, e.g. on tariffs, went well[2][3].\n\n"
            "Key points:\n  1. Quotas: The committee will cut quotas by 10 per cent.\n  • Prices rose 3.5 per cent in May.\n"
            "A long line that wraps in the middle of a sentence because the author\nhard-wrapped the paragraph text.")
    normalised, found = sentences.split(text)
    assert [s.text for s in found] == [
        "Mr. Smith met U.S. Treasury officials in Washington on Monday.", "The talks, e.g. on tariffs, went well",
        "Key points:", "The committee will cut quotas by 10 per cent.", "Prices rose 3.5 per cent in May.",
        "A long line that wraps in the middle of a sentence because the author hard-wrapped the paragraph text.",
    ]
    assert all(normalised[s.start:s.end] == s.text for s in found)
    assert [s.claimable for s in found] == [True, True, False, True, True, True]


def test_the_analyst_sees_each_draft_that_fits_no_theme_with_every_source_it_quotes(tmp_path: Path) -> None:
    """The "fits no theme" list is printed by `briefgen summarize` (never filed), each draft with the sources it quotes:
    summarize_quality.py counts these drafts' quotes as given to the analyst (the goal's quote figure)."""
    docs = {"memo.txt": "Reservoir storage and tariff revenue both fell sharply in the dry summer months.\n\n"
                        "Reservoir storage in the northern basin fell to a record low in August.\n\n"
                        "Tariff revenue in the city rose by a tenth over the last year.\n",
            "wire.txt": "Reservoir storage and tariff revenue both fell sharply in the dry summer months, the wire says.\n"}
    themes = ("themes:\n  - id: stocks\n    title: Water stocks\n    terms: [reservoir]\n"
              "  - id: pricing\n    title: Prices\n    terms: [tariff]\n")
    _project(tmp_path, docs, themes)
    result = cli("summarize", "--project", str(tmp_path))
    assert result.exit_code == 0, result.output
    listed = [line for line in result.output.splitlines() if "fits no theme:" in line]
    assert len(listed) == 1 and "Reservoir storage and tariff revenue both fell sharply" in listed[0], result.output
    assert "[memo; wire] (closest: " in listed[0] or "[wire; memo] (closest: " in listed[0], listed[0]
    also = [line.strip() for line in result.output.splitlines() if line.startswith("    also [")]
    assert also in (["also [wire]: Reservoir storage and tariff revenue both fell sharply in the dry summer months, the wire says."],
                    ["also [memo]: Reservoir storage and tariff revenue both fell sharply in the dry summer months."]), \
        "and each quote its text does not say, verbatim"
    assert not any("both fell sharply" in f.read_text(encoding="utf-8") for f in (tmp_path / "summary").glob("*.yaml"))
    assert any("northern basin" in f.read_text(encoding="utf-8") for f in (tmp_path / "summary").glob("*.yaml"))


def test_claim_text_is_the_sentence_lightly_cleaned() -> None:
    assert drafting.claim_text("However, the plan was delayed[4]") == "The plan was delayed."
    assert drafting.claim_text("reservoirs fell sharply.") == "Reservoirs fell sharply."


def test_drafts_that_fit_no_theme_are_listed_for_the_analyst_not_filed(tmp_path: Path) -> None:
    docs = {"memo.txt": "Reservoir storage and tariff revenue both fell sharply in the dry summer months.\n\n"
                        "Reservoir storage in the northern basin fell to a record low in August.\n\n"
                        "Tariff revenue in the city rose by a tenth over the last year.\n"}
    themes = ("themes:\n  - id: stocks\n    title: Water stocks\n    terms: [reservoir]\n"
              "  - id: pricing\n    title: Prices\n    terms: [tariff]\n")
    project = _project(tmp_path, docs, themes)
    report = pipeline.summarize(project)
    assert [d.text for d in report.unassigned] == ["Reservoir storage and tariff revenue both fell sharply in the dry summer months."]
    assert "fits no theme: Reservoir storage and tariff revenue both fell sharply" in report.line()
    assert report.line().endswith("[memo] (closest: stocks, pricing)") or report.line().endswith("[memo] (closest: pricing, stocks)")
    quotes = [e.quote for c in _load(project).claims.values() for e in c.evidence]
    assert sorted(quotes) == ["Reservoir storage in the northern basin fell to a record low in August.",
                              "Tariff revenue in the city rose by a tenth over the last year."]


def test_what_changed_lines_point_at_each_theme_claim_and_evidence_item() -> None:
    from briefgen.drafting import changes

    text = (Path(__file__).resolve().parents[1] / "summary" / "summary.yaml").read_text(encoding="utf-8")
    lines = text.splitlines()
    where = changes.positions(text, "summary.yaml")
    data = yamlio.loads(text, "summary.yaml")
    claims = [c for t in data.data["themes"] for c in t["claims"]]
    assert len(where) == len(data.data["themes"]) + len(claims) + sum(len(c["evidence"]) for c in claims)
    for key in [f"theme:{t['id']}" for t in data.data["themes"]] + [f"claim:{c['id']}" for c in claims]:
        line = lines[int(where[key].split(":")[1]) - 1]
        assert "id:" in line and key.split(":")[1] in line, (key, line)
    for claim in claims:
        for k, evidence in enumerate(claim["evidence"]):
            line = lines[int(where[f"claim:{claim['id']}#{k}"].split(":")[1]) - 1]
            assert line.lstrip().startswith("- ") and next(iter(evidence)) in line
    assert changes.positions("themes: [unclosed", "x.yaml") == {}


def test_a_suggested_theme_is_named_without_a_possessive() -> None:
    from briefgen.drafting import keyphrases

    phrases = keyphrases.Phrases()
    for n, source in enumerate(("a", "b", "c")):
        phrases.add(source, f"Officials said the People’s Republic of China’s exports rose {n} times this year.")
        phrases.add(source, f"The People’s Republic of China’s ministry answered the question {n} times.")
    names = [s.phrase for s in phrases.best(10)]
    assert "People’s Republic of China" in names and not any(n.endswith(("’s", "'s")) for n in names), names


def test_a_suggestion_shows_one_sentence_the_one_that_uses_the_phrase(tmp_path: Path) -> None:
    # "These updates …" opens with a pronoun, so the splitter joins it to the sentence before: one claimable span of two.
    docs = {f"{n}.txt": ("The ministry published new water rules on Monday after a long review. These updates will restrict"
                         " the Grand Canal Authority's right to sell river water to farms.\n\n"
                         f"Report {n} says the Grand Canal Authority sold river water to farms at a loss.\n") for n in "ab"}
    project = _project(tmp_path, docs, "themes: []\n")
    suggestions = {s.phrase: s.example for s in summarize.suggest_themes(project)}
    assert suggestions["Grand Canal Authority"] == ("These updates will restrict the Grand Canal Authority's right to sell river"
                                                    " water to farms.")
    assert suggestions["water rules"] == "The ministry published new water rules on Monday after a long review."
