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


def _tokens(loader_class: type, text: str) -> list[tuple]:
    """Every token the scanner of ``loader_class`` gives for ``text`` (kind, value, style, marks), or its error."""
    import yaml

    loader = loader_class(text)
    found: list[tuple] = []
    try:
        while not loader.check_token(yaml.StreamEndToken):
            token = loader.get_token()
            marks = [(m.line, m.column, m.index) for m in (token.start_mark, token.end_mark)]
            found.append((type(token).__name__, getattr(token, "value", None), getattr(token, "style", None), marks))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        found.append(("error", str(getattr(exc, "problem", exc)), mark and (mark.line, mark.column, mark.index)))
    finally:
        loader.dispose()
    return found


def test_block_scalars_scan_as_pyyaml_scans_them():
    """The strict loader scans ``|`` and ``>`` texts line by line (``_StrictLoader.scan_block_scalar``):
    the same tokens, values and marks as PyYAML's own scanner, errors included, on generated documents
    with every line break YAML knows, BOMs, tabs, indentation and chomping indicators, stray indentation."""
    import random

    import yaml

    rng = random.Random(13)
    breaks = ["\n", "\n", "\n", "\r\n", "\r", "\x85", "\u2028", "\u2029"]
    words = ["word", "two words", "", " ", "\t", "a: b", "# not a comment", "\ufeff", "x\ufeffy", "- item",
             "名字", "trailing  ", "'q'", "\"d\"", "|", ">", "key:", "...", "---"]
    headers = ["|", ">", "|-", ">-", "|+", ">+", "|2", ">1", "|1-", ">2+", "|+2", "|0", "|10", "| # c", ">x"]
    seen_block = 0
    for _ in range(2500):
        lines = []
        for _ in range(rng.randint(1, 4)):
            indent = " " * rng.choice([0, 0, 2, 4])
            lead = rng.choice(["key", "- key", "-"])
            header = rng.choice(headers)
            lines.append(f"{indent}{lead}: {header}" if lead != "-" else f"{indent}- {header}")
            for _ in range(rng.randint(0, 6)):
                pad = " " * rng.choice([0, 1, 2, 3, 4, 5, 6, 8])
                lines.append(pad + rng.choice(words) + rng.choice(["", "", " ", "\t"]))
        text = "".join(line + rng.choice(breaks) for line in lines)
        if rng.random() < 0.3:
            text = text.rstrip("\n\r\x85\u2028\u2029")  # no break at the end
        ours, theirs = _tokens(yamlio._StrictLoader, text), _tokens(yaml.SafeLoader, text)
        assert ours == theirs, repr(text)
        seen_block += any(t[0] == "ScalarToken" and t[2] in ("|", ">") for t in ours)
    assert seen_block > 1000


def test_block_scalar_text_and_positions_after_it():
    loaded = yamlio.loads("a: |\n  one\n  two \ufeff\n\n  three\nb: >-\n  x\n  y\nc: 1\n", "t.yaml")
    assert loaded.data == {"a": "one\ntwo \ufeff\n\nthree\n", "b": "x y", "c": 1}
    assert loaded.marks[("c",)] == (9, 4) and loaded.marks[("b",)] == (6, 4)


def test_load_kept_parses_a_file_again_only_when_its_bytes_change(tmp_path):
    path, kept, made = tmp_path / "style.yaml", {}, []

    def make(loaded):
        made.append(loaded.data)
        return loaded.data["a"]

    path.write_text("a: 1\n")
    assert yamlio.load_kept(path, make, kept) == 1 and yamlio.load_kept(path, make, kept) == 1
    assert made == [{"a": 1}]
    path.write_text("a: 2\n")  # edited (as under `watch`): read again
    assert yamlio.load_kept(path, make, kept) == 2 and len(made) == 2
    path.write_text("a: [\n")
    for _ in range(2):  # an error is raised every time, never kept
        with pytest.raises(UserError, match="invalid YAML"):
            yamlio.load_kept(path, make, kept)
    path.write_text("a: 1\n")
    assert yamlio.load_kept(path, make, kept) == 1 and len(made) == 2  # those bytes were parsed before
