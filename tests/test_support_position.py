"""A finding in the spec's own text points at the word itself: line and column in the YAML file."""

from __future__ import annotations

from pathlib import Path

from briefgen.inputs import yamlio
from briefgen.support.position import locate

SPEC = '''title: "T"
sections:
  - heading: "One"
    text: |
      First paragraph, about 10 towns.

      Second paragraph names Harbor City and 1 more.

      | Measure | Cost |
      | --- | --- |
      | Alerts | Low |
  - heading: "Two"
    text: "Harbor"
key_points:
  - "A point that wraps onto
    Lowland, a second line"
'''


def test_a_word_in_a_later_paragraph_or_table_row_of_a_block_scalar_is_found_on_its_own_line(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    path.write_text(SPEC, encoding="utf-8")
    loaded = yamlio.load(path)
    text = ("sections", 0, "text")
    assert locate(loaded, text, "Harbor City") == (7, 30)  # the second paragraph, not the value's first line
    assert locate(loaded, text, "Low") == (11, 18)  # a table row
    assert locate(loaded, text, "1") == (7, 46)  # a whole word: not the 1 of "10" on line 5
    assert locate(loaded, ("key_points", 0), "Lowland") == (16, 5)  # a wrapped string's next line
    assert locate(loaded, ("sections", 0, "text"), "Two") == loaded.where(text)  # the value ends before the next item
    assert locate(loaded, ("sections", 1, "text"), "Harbor") == (13, 12)
