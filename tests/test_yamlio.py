"""The strict YAML reader: positions, duplicates, aliases, YAML 1.2 scalars, size cap."""

import pytest

from briefgen.errors import UserError
from briefgen.inputs import limits, yamlio


def test_positions_of_keys_and_values():
    loaded = yamlio.loads("title: X\nsections:\n  - heading: A\n    themes: [a, b]\n", "b.yaml")
    assert loaded.marks[("sections", 0, "heading")] == (3, 14)
    assert loaded.marks[("sections", 0, "themes", 1)] == (4, 17)
    assert loaded.key_marks[("sections", 0, "themes")] == (4, 5)


def test_duplicate_key_is_an_error_at_the_second_one():
    with pytest.raises(UserError) as info:
        yamlio.loads("title: A\nlang: en\ntitle: B\n", "b.yaml")
    assert str(info.value.problems[0]) == "b.yaml:3:1: title: duplicate key (first at line 1) (remove one of them)"


def test_aliases_are_refused():
    bomb = "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n"
    with pytest.raises(UserError, match=r"b.yaml:1:4: invalid YAML: anchors and aliases"):
        yamlio.loads(bomb, "b.yaml")


@pytest.mark.parametrize("text, value", [("NO", "NO"), ("yes", "yes"), ("2024-03-05", "2024-03-05"),
                                         ("1.10", 1.1), ("true", True), ("~", None), ("0x1F", 31)])
def test_yaml_12_core_scalars(text, value):
    assert yamlio.loads(f"v: {text}\n", "x.yaml").data["v"] == value


def test_syntax_error_is_positioned(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("title: [unclosed\nlang: en\n")
    with pytest.raises(UserError) as info:
        yamlio.load(path)
    assert str(info.value.problems[0]) == f"{path}:2:5: invalid YAML: expected ',' or ']', but got ':'"


def test_size_cap(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_text("a: " + "x" * (limits.YAML_BYTES + 1))
    with pytest.raises(UserError, match="expected a file of at most 2,000,000 bytes"):
        yamlio.load(path)
