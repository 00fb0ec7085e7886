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


def _strict(text: str):
    """What the strict reader (PyYAML's pure-Python scanner and parser) makes of ``text``: a Loaded or its error."""
    import yaml

    try:
        return yamlio._read(yamlio._StrictLoader(text), text, "t.yaml")
    except (UserError, yaml.reader.ReaderError) as exc:
        return ("error", str(exc))


_PIECES = ["key", "k2", ": ", ":", " ", "  ", "\t", "- ", "-", "\n", "\n", "\n", "\r\n", "\x85", "\u2028", "#c", " # c",
           "[", "]", "{", "}", ", ", ",", "'", "''", '"', '\\"', "\\n", "\\u00e9", "\\x41", "? ", "---", "...", "%YAML 1.2",
           "%TAG ! tag:x,2002:", "!!str ", "!!int ", "!x ", "&a ", "*a", "|", ">", "|-", ">+", "|2", "1", "-1.5", "0x1F",
           "0o17", ".inf", "~", "null", "true", "NO", "2024-03-05", "é", "名字", "😀", "\ufeff", "a b", "x: y", "@", "`",
           "%", "!", "=", "<<", "\u00a0", "\u200b", "\x00", "\x07", "\u2029", "\r"]


def _soup(rng) -> str:
    """A random document of YAML fragments: mostly invalid, many valid, with every kind of line break and scalar."""
    lines = []
    for _ in range(rng.randint(1, 8)):
        lines.append(" " * rng.choice([0, 0, 1, 2, 4]) + "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 7))))
    return "\n".join(lines) + rng.choice(["", "\n"])


def test_libyaml_reads_every_document_as_the_strict_reader_does():
    """``yamlio._fast`` (libyaml's C scanner and parser) answers only where the strict reader gives the same data,
    the same marks of every value and key; anything else it leaves to the strict reader. Checked on the project's
    own YAML and JSON files, the fuzzer's hostile mutations of them (tests/fuzzing.py) and random YAML fragments."""
    import random
    from pathlib import Path

    import fuzzing

    rng = random.Random(29)
    root = Path(__file__).resolve().parents[1]
    files = [p for p in root.rglob("*") if p.suffix in (".yaml", ".yml", ".json") and ".venv" not in p.parts
             and "node_modules" not in p.parts and p.is_file() and p.stat().st_size < 2_000_000]
    texts = [p.read_bytes() for p in files]
    texts += [data for _ in range(400) for data in fuzzing.generate(rng, root)[1].values()]
    texts += [_soup(rng).encode("utf-8", "surrogatepass") for _ in range(3000)]
    texts += [_document(rng).encode("utf-8", "surrogatepass") for _ in range(3000)]
    taken = declined = 0
    for path in files:  # the project's own files (not the hostile ones under tests/) are all read by libyaml
        if "tests" not in path.relative_to(root).parts and "\t" not in path.read_text(encoding="utf-8"):
            assert yamlio._fast(path.read_text(encoding="utf-8"), "t.yaml") is not None, path
    for raw in texts:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:  # refused before any YAML is read
            continue
        fast, strict = yamlio._fast(text, "t.yaml"), _strict(text)
        if fast is None:
            declined += 1
        else:
            taken += 1
            assert fast == strict, repr(text)
    assert taken > 1000 and declined > 1000, (taken, declined)


def test_libyaml_is_used_and_declines_what_it_must():
    if not yamlio._CParser:
        pytest.skip("PyYAML without libyaml")
    assert yamlio._fast("a: 1\n", "t.yaml") is not None
    for text in ["a: 1\nb: 2\na: 3\n", "a: &x 1\nb: *x\n", "a: [\n", "\ufeffa: 1\n", "a: \x07\n", "a: !!int x\n"]:
        assert yamlio._fast(text, "t.yaml") is None, repr(text)
        assert isinstance(_strict(text), tuple) or text.startswith("\ufeff")


_SCALARS = ["word", "two words", "1", "-1.5", "0x1F", "0o17", "1e3", ".inf", ".NaN", "~", "null", "true", "False", "NO",
            "yes", "2024-03-05", "12:30", "a: b", "a #b", "é", "名字", "😀", "x\u00a0y", "[@a, p. 3]", "'q'", '"d"',
            "'it''s'", '"tab\\there \\u00e9 \\x41 \\\\"', '"line\\\nnext"', "'multi\n  line'", "plain\n  folded",
            "!!str 1", "!!int 7", "!!float 1", "!!bool true", "!!null ''", "- dash", "{}", "[]", "[a, [b, c], {d: e}]",
            "{a: 1, b: [2, 3]}", "'#not'", "http://x.org/a#b", "<b>x</b>", "%", "@x", "`x`", "?x", "a,b", "-x"]


def _document(rng, depth: int = 0, indent: int = 0) -> str:
    """A random, mostly valid YAML document: nested mappings and lists, every scalar style, comments, breaks."""
    pad = " " * indent
    lines = []
    for i in range(rng.randint(1, 4)):
        key = rng.choice(["title", "text", "a b", "'q k'", '"d k"', "1", "x-y", "é", f"k{i}"])
        lead = f"{pad}- " if rng.random() < 0.3 else f"{pad}{key}:"
        kind = rng.random()
        if kind < 0.2 and depth < 3:
            lines.append(lead + rng.choice(["", " # c"]))
            lines.append(_document(rng, depth + 1, indent + rng.choice([2, 4])).rstrip("\n"))
        elif kind < 0.4:
            header = rng.choice(["|", ">", "|-", ">-", "|+", ">+", "|2", "| # c"])
            lines.append(f"{lead} {header}")
            for _ in range(rng.randint(0, 4)):
                lines.append(" " * (indent + 2 + rng.choice([0, 0, 0, 1, 2])) + rng.choice(_SCALARS + ["", " "]))
        else:
            lines.append(f"{lead} {rng.choice(_SCALARS)}" + rng.choice(["", "", " # c", "  "]))
        if rng.random() < 0.1:
            lines.append(rng.choice(["", "# comment", "  # c", "---", "..."]))
    text = rng.choice(["", "", "---\n", "%YAML 1.2\n---\n", "# head\n"]) + "\n".join(lines)
    return text.replace("\n", rng.choice(["\n", "\n", "\r\n", "\r", "\x85", "\u2028"])) + rng.choice(["\n", ""])


def test_the_declined_characters_are_the_negated_class_they_stand_for():
    """``_DECLINE``'s class names the characters ``DECLINED`` (a negated class, slower to compile) leaves out: every code point."""
    import re

    negated, named = re.compile(yamlio.DECLINED), re.compile(yamlio._DECLINE.pattern.split("|[")[0])
    assert named.pattern.startswith("[\x00") and named.pattern.endswith("]")
    assert [c for c in range(0x110000) if bool(negated.match(chr(c))) != bool(named.match(chr(c)))] == []


def test_pyyamls_reader_pattern_is_compiled_only_when_the_strict_reader_needs_it():
    import subprocess
    import sys

    code = """
import re
compile_before = re.compile
from briefgen.inputs import yamlio
import yaml.reader, yaml.resolver
assert re.compile is compile_before
assert type(yaml.reader.Reader.NON_PRINTABLE).__name__ == "LazyPattern"
assert all(type(p).__name__ == "LazyPattern" for v in yaml.resolver.Resolver.yaml_implicit_resolvers.values() for _, p in v)
try:
    yaml.load("a: \\x07", Loader=yaml.SafeLoader)
except yaml.reader.ReaderError as exc:
    assert "special characters are not allowed" in str(exc)
print("ok")
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout == "ok\n", done.stderr


PLAIN_YAML = """
import sys
if sys.argv[1] == "deferred":
    from briefgen.inputs import yamlio
    from pathlib import Path
    for path in sorted(Path(sys.argv[2]).glob("[bs]*/*.yaml")):  # briefs, sources, summary
        yamlio.load(path)
import yaml
resolvers = [p for v in yaml.resolver.Resolver.yaml_implicit_resolvers.values() for _, p in v]
print(sorted({type(p).__name__ for p in resolvers} | {type(yaml.constructor.SafeConstructor.timestamp_regexp).__name__}))
doc = ("a: 2024-01-05\\nb: yes\\nc: 1.5e+3\\nd: 0x1f\\ne: ~\\ng: 2001-12-14t21:59:43.10-05:00\\n"
       "h: [1, 0o17, .inf, -.NaN, 190:20:30, 1_000, 0b101]\\ni: {<<: {x: 1}, y: 2}\\nx: !!timestamp 2002-12-14\\nz: NO\\n")
print(yaml.safe_load(doc), yaml.load(doc, Loader=yaml.FullLoader))
print(yaml.safe_dump({"a": "yes", "b": "1.5", "c": "null", "d": "2024-01-01", "e": "0x1f", "f": "~", "g": "<<", "h": "="}))
"""


def test_pyyamls_own_resolvers_are_compiled_when_pyyaml_first_uses_them(tmp_path):
    """briefgen's loaders resolve scalars by ``_CORE``; PyYAML's resolver and timestamp patterns wait, and then answer as ever."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).parents[1]

    def run(how):
        return subprocess.run([sys.executable, "-c", PLAIN_YAML, how, str(root)], capture_output=True, text=True, check=True).stdout

    deferred, plain = run("deferred"), run("plain")
    assert deferred.splitlines()[0] == "['LazyPattern']" and plain.splitlines()[0] == "['Pattern']"
    assert deferred.splitlines()[1:] == plain.splitlines()[1:] and "datetime.datetime(2001" in plain
