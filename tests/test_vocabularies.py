"""Each vocabulary is declared once, and its docs are generated from it: ``docs/vocabularies.md`` comes from the word
lists of ``text/data/`` (``python -m briefgen.docs``), and every list is on it with the modules that read it."""

from __future__ import annotations

import os
import subprocess
import sys

from briefgen import docs, vocabularies
from conftest import ROOT

PAGE = ROOT / vocabularies.PAGE


def test_the_vocabulary_page_is_current():
    assert PAGE.read_text(encoding="utf-8") == vocabularies.render(), \
        "docs/vocabularies.md differs from the word lists: run `python -m briefgen.docs`"


def test_every_list_is_documented_with_a_reader_and_every_data_file_is_named():
    page = vocabularies.render()
    lists, derived = vocabularies._files()
    data = sorted(p.name for p in vocabularies.DATA.iterdir() if p.is_file())
    assert sorted(lists) == sorted(p.stem for p in vocabularies.DATA.glob("*.txt") if p not in derived)
    assert {"hedges", "tentative_modals", "titles", "synonyms"} <= set(lists) and "wordnet" not in lists
    for name in lists:
        section = page.split(f"\n### {name}.txt\n", 1)[1].split("\n##", 1)[0]
        assert "Read in `" in section, f"{name}.txt: no module reads it"
    for name in data:
        assert f"### {name}\n" in page or f"- `{name}` (" in page, f"{name} is not on the page"


def test_the_readers_are_found_in_the_source():
    """A loader called with the name, a tuple of list names (hedge.TENTATIVE), a full file name; through text/."""
    index = vocabularies._Index({p.stem for p in vocabularies.DATA.glob("*.txt")})
    assert index.readers("tentative_modals.txt")[0] == [("support/hedge.py", "MODALS"), ("support/hedge.py", "TENTATIVE")]
    assert index.readers("irregular.txt")[0] == [("text/stems.py", "irregular")]
    assert index.readers("moby.bin")[0] == [("text/moby.py", "_data")]
    assert "support/match.py" in index.readers("general.txt")[1]  # words.is_general, read in text/words.py
    assert "hedges.txt" not in index.words and "stopwords.txt" in index.words  # phrase_list, word_list


def test_the_page_is_the_same_bytes_whatever_the_hash_seed():
    code = "import sys; from briefgen import vocabularies; sys.stdout.write(vocabularies.render())"
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert runs == {vocabularies.render()}


def test_docs_check_reports_a_stale_page_and_docs_rewrites_it(tmp_path, capsys):
    readme = tmp_path / "README.md"
    readme.write_text((ROOT / "README.md").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "docs").mkdir()
    page = tmp_path / vocabularies.PAGE
    page.write_text("stale\n", encoding="utf-8")
    assert docs.main([str(readme), "--check"]) == 1
    assert "vocabularies.md: out of date with the word lists" in capsys.readouterr().err
    assert docs.main([str(readme)]) == 0 and page.read_text(encoding="utf-8") == vocabularies.render()
    assert docs.main([str(readme), "--check"]) == 0


def test_no_list_read_word_by_word_names_a_word_twice():
    """A word written twice in one list ("also" in stopwords.txt until the 12th session) is a list nobody reread."""
    from briefgen.text import words

    index = vocabularies._Index({p.stem for p in vocabularies.DATA.glob("*.txt")})
    assert index.words
    for name in sorted(index.words):
        listed = words.word_list(name.removesuffix(".txt"))
        twice = sorted({w for w in listed if listed.count(w) > 1})
        assert not twice, f"{name}: {twice}"
