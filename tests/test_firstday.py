"""An analyst's first day, piece by piece: init, every command at every stage, sources add,
metadata that invents nothing, Zotero keys, and quotes that forgive typography."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefgen.inputs import quotes, zotero
from briefgen.inputs.names import csl_names
from briefgen.inputs.sources import load_sources
from conftest import ROOT, cli

HTML = """<html lang="en"><head><title>Rivers run low | Valley Courier</title>
<meta name="author" content="Courier Staff Reporter"><meta property="og:site_name" content="Valley Courier">
<meta property="article:published_time" content="2024-03-05T10:00:00Z"></head>
<body><nav>Home | News</nav><article><h1>Rivers run low</h1>
<p>The river fell to its lowest level in thirty years, officials said on Tuesday.</p></article></body></html>"""


def _init(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    result = cli("init", str(root))
    assert result.exit_code == 0, result.output
    return root


def test_init_writes_a_skeleton_that_every_command_accepts(tmp_path: Path) -> None:
    root = _init(tmp_path)
    for name in ("sources/sources.yaml", "summary/summary.yaml", "README.md", "schemas/spec.schema.json"):
        assert (root / name).is_file(), name
    assert (root / "briefs").is_dir()
    for command in (["sources"], ["themes"], ["themes", "suggest"], ["check"], ["build"], ["summarize"], ["new", "x"]):
        result = cli(*command, "--project", str(root))
        assert result.exit_code == 0, (command, result.output, result.stderr)
        assert "briefgen sources add" in result.output, command
    again = cli("init", str(root))
    assert again.exit_code == 0 and "kept" in again.output  # never overwrites


def test_a_folder_that_is_no_project_says_to_run_init(tmp_path: Path) -> None:
    for command in (["sources"], ["check"], ["build"], ["themes"]):
        result = cli(*command, "--project", str(tmp_path))
        assert result.exit_code == 0 and "briefgen init" in result.output, command


def test_sources_add_copies_and_drafts_without_inventing(tmp_path: Path) -> None:
    root = _init(tmp_path)
    page = tmp_path / "rivers page.html"
    page.write_text(HTML, encoding="utf-8")
    result = cli("sources", "add", str(page), "--project", str(root))
    assert result.exit_code == 0, result.stderr
    assert (root / "sources" / "rivers-page.html").read_bytes() == page.read_bytes()
    source = next(iter(load_sources(root / "sources").values()))
    assert source.csl["author"] == [{"literal": "Courier Staff Reporter"}]  # a role, not a person
    assert source.issued == "2024-03-05" and source.title == "Rivers run low"
    assert source.csl["supplied"] == ["type"]
    twice = cli("sources", "add", str(page), "--project", str(root))
    assert twice.exit_code == 0 and "already in the corpus" in twice.output
    assert len(load_sources(root / "sources")) == 1


def test_a_docx_save_date_is_never_a_publication_date(tmp_path: Path) -> None:
    import datetime

    import docx
    root = _init(tmp_path)
    path = tmp_path / "memo.docx"
    document = docx.Document()
    document.core_properties.author = "Ana Costa"
    document.core_properties.created = datetime.datetime(2021, 1, 2)
    document.core_properties.modified = datetime.datetime(2022, 3, 4)
    document.add_paragraph("Allocation options for the river basin.")
    document.save(path)
    assert cli("sources", "add", str(path), "--project", str(root)).exit_code == 0
    source = next(iter(load_sources(root / "sources").values()))
    assert "issued" not in source.csl
    assert source.title == "Allocation options for the river basin." and set(source.csl["supplied"]) == {"type", "title", "author"}


@pytest.mark.parametrize(("prose", "title"), [
    ("The ministry opened the allocation rounds on Monday. It said farms in the three driest basins would be served "
     "first, once a consultation that ran through the winter had closed.", "The ministry opened the allocation rounds on Monday."),
    ("U.S. officials said the rounds would open to every licensed farm in the three basins from next month, after a "
     "consultation that ran through the winter and drew hundreds of replies.",
     "U.S. officials said the rounds would open to every licensed farm in the three basins from next month, after a "
     "consultation that ran through the…"),  # no sentence ends at "U.S.": cut at a word, marked as cut
])
def test_a_text_with_no_headline_is_titled_by_its_first_sentence_not_a_cut_paragraph(tmp_path: Path, prose: str, title: str) -> None:
    """A text with no headline was titled by its first line cut at 147 characters, mid-sentence ("…would be
    served first, once a…"): a broken title in the sources list. Its first sentence is the title when it fits."""
    root = _init(tmp_path)
    path = tmp_path / "note.txt"
    path.write_text(prose + "\n", encoding="utf-8")
    assert cli("sources", "add", str(path), "--project", str(root)).exit_code == 0
    source = next(iter(load_sources(root / "sources").values()))
    assert source.title == title and "title" in source.csl["supplied"]


PRESS_RELEASE = """Skip to main content

Bureau of Water Affairs

FOR IMMEDIATE RELEASE | Friday, March 8, 2024 | Media Contact: press@example.gov

Ministry Opens Emergency Allocation Rounds for the Three Driest River Basins of the North, the Coast and the High Plateau After the Second Failed Rainy Season in a Row

On January 5, 2023, the ministry consulted on the first allocation rules for the basins.
The rounds open to every licensed farm in the three basins from next month, the ministry said.
"""


def test_a_saved_web_page_gets_its_headline_and_stated_date_not_its_furniture(tmp_path: Path) -> None:
    """Text saved from a web page began "Skip to main content": that became the title and
    the id ("skip"), and the date in the release line was ignored."""
    root = _init(tmp_path)
    path = tmp_path / "release.txt"
    path.write_text(PRESS_RELEASE, encoding="utf-8")
    assert cli("sources", "add", str(path), "--project", str(root)).exit_code == 0
    source = next(iter(load_sources(root / "sources").values()))
    assert source.title == ("Ministry Opens Emergency Allocation Rounds for the Three Driest River Basins of the North, "
                            "the Coast and the High Plateau After the Second Failed Rainy Season in a Row")  # whole, not cut at 150
    assert source.issued == "2024-03-08"  # the release's date, not the earlier event's in the prose
    assert set(source.csl["supplied"]) == {"type", "title", "issued"}  # inferred: the sources list brackets them
    assert source.id.startswith("2024-ministry")


@pytest.mark.parametrize(("name", "expected"), [
    ("bis-2022-10-07.txt", "bis-2022-10-07"),  # the analyst's own name, not "2022-commerce"
    ("CRS IF11627.txt", "crs-if11627"),
    ("download (3).txt", "2022-commerce"),  # a name that names nothing: year and title word
    ("article.txt", "2022-commerce"),
])
def test_a_source_with_no_author_is_keyed_by_its_file_name_when_that_names_it(tmp_path: Path, name: str, expected: str) -> None:
    """The key of an unauthored text was a year and the first word of an inferred title,
    or of its first sentence: "since", "october", "2023" for five federal documents."""
    root = _init(tmp_path)
    path = tmp_path / name
    path.write_text("Skip to main content\nFOR IMMEDIATE RELEASE | Friday, October 7, 2022\n"
                    "Commerce Implements New Export Controls\n\nThe rules restrict exports of chips.\n", encoding="utf-8")
    assert cli("sources", "add", str(path), "--project", str(root)).exit_code == 0
    assert next(iter(load_sources(root / "sources").values())).id == expected


def test_an_authored_source_is_keyed_by_author_and_year_not_its_file_name(tmp_path: Path) -> None:
    root = _init(tmp_path)
    page = tmp_path / "rivers page.html"
    page.write_text(HTML.replace("Courier Staff Reporter", "Jane Okafor"), encoding="utf-8")
    assert cli("sources", "add", str(page), "--project", str(root)).exit_code == 0
    assert next(iter(load_sources(root / "sources").values())).id == "okafor-2024-rivers"


def test_a_date_in_the_prose_is_never_the_documents_date(tmp_path: Path) -> None:
    root = _init(tmp_path)
    path = tmp_path / "note.txt"
    path.write_text("Basin note\n\nOn January 5, 2023, the ministry consulted on the first allocation rules for the basins.\n",
                    encoding="utf-8")
    assert cli("sources", "add", str(path), "--project", str(root)).exit_code == 0
    source = next(iter(load_sources(root / "sources").values()))
    assert "issued" not in source.csl and source.title == "Basin note"


def test_an_unreadable_document_is_reported_and_the_rest_added(tmp_path: Path) -> None:
    root = _init(tmp_path)
    good, bad = tmp_path / "good.txt", tmp_path / "bad.pdf"
    good.write_text("A plain note about the basin.\n", encoding="utf-8")
    bad.write_bytes(b"not a pdf at all")
    result = cli("sources", "add", str(good), str(bad), "--project", str(root))
    assert result.exit_code == 3 and "bad.pdf" in result.stderr and "Traceback" not in result.stderr
    assert list(load_sources(root / "sources")) and not (root / "sources" / "bad.pdf").exists()


@pytest.mark.parametrize("byline, expected", [
    ("Staff Reporter", [{"literal": "Staff Reporter"}]),
    ("AFP", [{"literal": "AFP"}]),
    ("Editorial Board", [{"literal": "Editorial Board"}]),
    ("By Jane Smith and Lee, Ann", [{"family": "Smith", "given": "Jane"}, {"family": "Lee", "given": "Ann"}]),
    ("Ludwig van Beethoven", [{"family": "van Beethoven", "given": "Ludwig"}]),
])
def test_only_a_persons_name_becomes_a_person(byline: str, expected: list) -> None:
    assert csl_names(byline) == expected


# ---------------------------------------------------------------- Zotero


def _zotero(tmp_path: Path) -> Path:
    items = json.loads((ROOT / "tests" / "data" / "zotero-export.json").read_text(encoding="utf-8"))  # as Zotero 7 exports
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "drought.txt").write_text("Reservoirs fell again in March.\n", encoding="utf-8")
    (folder / "zotero.json").write_text(json.dumps(items), encoding="utf-8")
    return folder


def test_zotero_citation_key_or_a_readable_key_and_the_old_id_as_alias(tmp_path: Path) -> None:
    found = load_sources(_zotero(tmp_path))
    assert list(found) == ["basin-plan-2022", "smith-2024-drought", "smith-2024-drought-2", "wri2023"]
    old = "http://zotero.org/users/local/kQ3Lm1/items/7XKJ2B9C"
    assert old in found and found[old].id == "smith-2024-drought"
    assert found["http://zotero.org/users/local/kQ3Lm1/items/9PQRST12"].id == "basin-plan-2022"
    assert zotero.readable_key({"title": "On the Water"}) == "water"
    assert zotero.readable_key({"title": "U.S. Export Controls", "issued": "2025"}) == "2025-export"  # not "2025-u"


# ---------------------------------------------------------------- quotes


@pytest.mark.parametrize("quote", [
    "officials said it was \"the lowest\" - in years",
    "officials said it was “the lowest” — in years",
    "officials said it was “the lowest” – in years",
    "officials\u00a0said it was “the low\u00adest”\u2009— in years",
])
def test_quotes_forgive_typography(quote: str) -> None:
    text = "Then officials said it was “the lowest” — in years."
    start, end = quotes.find(quote, text)
    assert text[start:end] == "officials said it was “the lowest” — in years"


def test_a_failing_quote_points_at_the_first_difference() -> None:
    text = "The river fell to its lowest level in thirty years, officials said."
    lines = quotes.mismatch("The river fell to its lowest level in forty years", text).splitlines()
    assert lines[0].endswith("The river fell to its lowest level in forty years")
    caret = lines[2].index("^")
    assert lines[0][caret] == "f" and lines[1][caret] == "t"
    assert "“" not in lines[0] and "”" not in lines[1]


# ---------------------------------------------------------------- page furniture


def test_the_page_header_is_the_specs_author_unless_a_house_style_sets_it(tmp_path: Path) -> None:
    from dataclasses import replace

    from briefgen import pipeline
    from briefgen.compose import compose
    from briefgen.inputs import housestyle, spec
    project = pipeline.Project(ROOT)
    corpus = pipeline.load_corpus(project)
    brief = spec.load_spec(ROOT / "briefs" / "chip-export-limits.yaml", corpus.summary, corpus.sources)
    default = housestyle.load_style("default", project.templates_dir)
    assert default.header_text == ""
    assert compose.furniture(default, brief).header_text == brief.spec.author
    other = replace(brief, spec=brief.spec.model_copy(update={"author": ["Ana Costa", "Water Desk"]}))
    assert compose.furniture(default, other).header_text == "Ana Costa, Water Desk"
    house = housestyle.load_style("plain", project.templates_dir)
    assert compose.furniture(house, brief).header_text == house.header_text == "Internal working paper"


def test_summarize_fills_the_skeletons_empty_summary_and_keeps_its_comments(tmp_path: Path) -> None:
    root = _init(tmp_path)
    one = tmp_path / "rivers.html"
    one.write_text(HTML, encoding="utf-8")
    assert cli("sources", "add", str(one), "--project", str(root)).exit_code == 0
    lonely = cli("summarize", "--project", str(root))
    assert lonely.exit_code == 0 and "no themes" in lonely.output and "briefgen themes suggest" in lonely.output
    two = tmp_path / "levels.txt"
    two.write_text("The river fell to its lowest level in thirty years after the dry winter.\n\n"
                   "Officials said the river level may fall again in May.\n", encoding="utf-8")
    assert cli("sources", "add", str(two), "--project", str(root)).exit_code == 0
    before = (root / "summary" / "summary.yaml").read_text(encoding="utf-8")
    result = cli("summarize", "--project", str(root))
    assert result.exit_code == 0, result.stderr
    after = (root / "summary" / "summary.yaml").read_text(encoding="utf-8")
    assert after.startswith(before.split("themes:")[0])  # the skeleton's comments stay on top
    assert "proposed themes" in result.output and "new since the last summarize" in result.output, result.output
    assert "themes:\n" in after and "- id:" in after
    assert (root / "summary" / "sources.lock").is_file()
    assert cli("themes", "--project", str(root)).exit_code == 0
