"""The only YAML reader: strict, positioned, YAML 1.2 core scalars.

- duplicate keys, anchors and aliases are errors (PyYAML silently keeps the last
  duplicate, and aliases allow "billion laughs");
- scalars resolve as in YAML 1.2's core schema: ``NO`` and ``2024-03-05`` stay
  strings and ``yes`` is not a boolean, so nothing is coerced behind the user's back;
- files over ``limits.YAML_BYTES``, more than ``YAML_VALUES`` values or nesting deeper
  than ``YAML_DEPTH`` are refused, as are FIFOs and devices (``paths.read_bytes``);
- a value a tag cannot build (``!!int abc``), a lone surrogate (``"\\ud800"``) and, in
  ``.json`` files, anything strict JSON refuses (a trailing comma) is a positioned error;
- every key and value keeps its line and column, so later validation can say
  ``file:line:col: key.path: …``.

PyYAML's pure-Python scanner and parser are the reader of record (``_StrictLoader``; its
block scalars are scanned a line at a time, ``yamlblock``). libyaml's C parser, about six
times faster, reads first (``_fast``) under the same composing, checks and values, and its
answer is taken only when it has one; text it might read otherwise (tabs, U+FEFF, empty
plain values, ``!`` tags, …) and every error go to the strict reader, so every message is its.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from briefgen.errors import Problem, UserError, display
from briefgen.inputs import limits, paths
from briefgen.inputs.paths import decode_utf8
from briefgen.inputs.yamlloaders import (  # PyYAML's names, through the module that defers its patterns first
    _DECLINE,
    DECLINED,
    MappingNode,
    Node,
    ScalarNode,
    SequenceNode,
    _CParser,
    _FastLoader,
    _StrictLoader,
    yaml,
)

__all__ = ["DECLINED", "Key", "Loaded", "dumps", "load", "load_kept", "loads", "outline"]

Key = tuple[str | int, ...]
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Loaded:
    """A parsed YAML file: its data and where each key path sits."""

    file: str
    data: Any
    marks: dict[Key, tuple[int, int]]
    """Key path → (line, col) of its value, both 1-based."""
    key_marks: dict[Key, tuple[int, int]]
    """Key path → (line, col) of the mapping key itself."""

    def where(self, path: Key, key: bool = False) -> tuple[int, int]:
        """Return (line, col) for ``path``, falling back to its nearest ancestor."""
        table = self.key_marks if key and path in self.key_marks else self.marks
        while path and path not in table:
            path = path[:-1]
        return table.get(path, (1, 1))

    def problem(self, path: Key, message: str, hint: str = "", key: bool = False) -> Problem:
        """Return a positioned Problem for ``path``."""
        line, col = self.where(path, key)
        return Problem(self.file, line, col, ".".join(str(p) for p in path), message, hint)


def load(path: Path) -> Loaded:
    """Read and parse ``path`` strictly, or raise UserError with the position."""
    return _parse(path, display(path), paths.read_bytes(path, limits.YAML_BYTES))


def load_kept(path: Path, make: Callable[[Loaded], T], kept: dict[tuple[str, str, bytes], T]) -> T:
    """Return ``make(load(path))``, kept in ``kept`` by the file's name and exact bytes for the life of
    the process: the file is read every time, and parsed (and ``make`` run) only when its bytes are new.
    Errors are raised every time (nothing is kept for them). For files every brief reads (a house style)."""
    name, raw = display(path), paths.read_bytes(path, limits.YAML_BYTES)
    key = (name, path.suffix.lower(), raw)
    if key not in kept:
        value = make(_parse(path, name, raw))
        if len(kept) >= 64:  # a long ``watch`` over an edited file
            kept.clear()
        kept[key] = value
    return kept[key]


def _parse(path: Path, name: str, raw: bytes) -> Loaded:
    text = decode_utf8(raw, name)
    loaded = loads(text, name)
    if path.suffix.lower() == ".json":
        _strict_json(text, name)
    return loaded


def _strict_json(text: str, name: str) -> None:
    """Raise UserError at the first thing strict JSON refuses (YAML accepted it: a trailing comma, NaN, …)."""
    def constant(word: str) -> Any:
        raise json.JSONDecodeError(f"expected a JSON value, found {word}", text, text.find(word))
    try:
        # numbers are kept as their digits: only the syntax is checked here (the YAML reader made the values), and
        # converting 5,000 digits to an int raises a ValueError of its own (Python's limit on integer strings)
        json.loads(text.removeprefix("\ufeff"), parse_constant=constant, parse_int=str)
    except json.JSONDecodeError as exc:
        raise UserError([Problem(name, exc.lineno, exc.colno, "", f"invalid JSON: {exc.msg}")]) from None
    except RecursionError:  # unreachable after the YAML depth check; kept as a bound
        raise UserError([Problem(name, 1, 1, "", f"invalid JSON: nested more than {limits.YAML_DEPTH} deep")]) from None


def loads(text: str, name: str) -> Loaded:
    """Parse YAML ``text`` (named ``name`` in messages) strictly."""
    found = _fast(text, name)
    if found is not None:
        return found
    try:
        loader = _StrictLoader(text)
    except yaml.reader.ReaderError as exc:
        raise UserError([_reader_problem(text, name, exc)]) from None
    return _read(loader, text, name)


def _fast(text: str, name: str) -> Loaded | None:
    """``text`` read by ``_FastLoader``, or None: no libyaml, text it leaves to the strict reader, or any problem
    at all (the strict reader then reads it again and says what is wrong, as it always has)."""
    if _CParser is None or _declined(text):
        return None
    try:
        return _read(_FastLoader(text), text, name)
    except Exception:  # noqa: BLE001 - the strict reader's message is the one given
        return None


def _declined(text: str) -> bool:
    """True when ``_DECLINE`` finds something in ``text``; answered without the pattern's scan of every character when
    every character but the line breaks is printable (none that ``DECLINED`` names is) and no ``#`` follows a block
    scalar's header (``|`` or ``>``, then its indicators): tests/test_yamlio.py compares the two."""
    if not text.replace("\n", "").replace("\r", "").isprintable():
        return _DECLINE.search(text) is not None
    at = text.find("#")
    while at >= 0:
        start = at
        while start > 0 and text[start - 1] in "-+0123456789":
            start -= 1
        if start > 0 and text[start - 1] in "|>":
            return True
        at = text.find("#", at + 1)
    return False


def _read(loader: Any, text: str, name: str) -> Loaded:
    """Compose, check and construct the one document of ``loader``; raise UserError at what is wrong."""
    marks: dict[Key, tuple[int, int]] = {}
    key_marks: dict[Key, tuple[int, int]] = {}
    try:
        node = loader.get_single_node()
        if node is None:
            return Loaded(name, None, {}, {})
        _check_duplicates(node, name)
        _walk(node, (), marks, key_marks)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        message = exc.problem or exc.context or "invalid YAML"
        at = next((p for p, m in marks.items() if m == (line, col)), ())
        raise UserError([Problem(name, line, col, ".".join(map(str, at)), f"invalid YAML: {message}")]) from None
    except yaml.reader.ReaderError as exc:
        raise UserError([_reader_problem(text, name, exc)]) from None
    except yaml.YAMLError as exc:
        raise UserError([Problem(name, 1, 1, "", f"invalid YAML: {exc}")]) from None
    except RecursionError:  # a bound behind YAML_DEPTH, which should stop it first
        raise UserError([Problem(name, 1, 1, "", f"invalid YAML: nested more than {limits.YAML_DEPTH} deep")]) from None
    finally:
        loader.dispose()
    return Loaded(name, data, marks, key_marks)


def _reader_problem(text: str, name: str, exc: yaml.reader.ReaderError) -> Problem:
    """Position a "special character" error, which PyYAML gives only as an offset."""
    before = text[:exc.position]
    line, col = before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1
    return Problem(name, line, col, "", f"expected printable text, found the control character U+{exc.character:04X}",
                   "remove it, or write it as an escape in a double-quoted string")


def _check_duplicates(node: Node, name: str) -> None:
    """Raise UserError at the second occurrence of any duplicate mapping key."""
    if isinstance(node, MappingNode):
        seen: dict[str, int] = {}
        for key, value in node.value:
            if isinstance(key, ScalarNode):
                if key.value in seen:
                    mark = key.start_mark
                    raise UserError([Problem(name, mark.line + 1, mark.column + 1, key.value,
                                             f"duplicate key (first at line {seen[key.value]})",
                                             "remove one of them")])
                seen[key.value] = key.start_mark.line + 1
            _check_duplicates(value, name)
    elif isinstance(node, SequenceNode):
        for item in node.value:
            _check_duplicates(item, name)


def _walk(node: Node, path: Key, marks: dict, key_marks: dict) -> None:
    marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, MappingNode):
        for key, value in node.value:
            child = path + (str(key.value),)
            key_marks[child] = (key.start_mark.line + 1, key.start_mark.column + 1)
            _walk(value, child, marks, key_marks)
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, path + (index,), marks, key_marks)


def outline(text: str) -> dict[Key, tuple[int, str]]:
    """Return every path of a YAML document → (line, the scalar's text, or "" for a list or mapping), read with
    libyaml when PyYAML has it. For reports on text already written (summarize's "what changed" lines): no
    strictness checks; raises ``yaml.YAMLError`` on invalid YAML."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    node = yaml.compose(text, Loader=loader)
    found: dict[Key, tuple[int, str]] = {}
    stack: list[tuple[Node, Key]] = [(node, ())] if node is not None else []
    while stack:
        current, path = stack.pop()
        found[path] = (current.start_mark.line + 1, current.value if isinstance(current, ScalarNode) else "")
        if isinstance(current, MappingNode):
            stack += [(value, path + (str(key.value),)) for key, value in current.value]
        elif isinstance(current, SequenceNode):
            stack += [(item, path + (index,)) for index, item in enumerate(current.value)]
    return found


def dumps(data: Any) -> str:
    """Return ``data`` as block-style YAML, keys in the given order, Unicode kept."""
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
