"""The only YAML reader: strict, positioned, YAML 1.2 core scalars.

- duplicate keys, anchors and aliases are errors (PyYAML silently keeps the last
  duplicate, and aliases allow "billion laughs");
- scalars resolve as in YAML 1.2's core schema: ``NO`` and ``2024-03-05`` stay
  strings and ``yes`` is not a boolean, so nothing is coerced behind the user's back;
- files over MAX_BYTES are refused;
- every key and value keeps its line and column, so later validation can say
  ``file:line:col: key.path: …``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from briefgen.errors import Problem, UserError, display

MAX_BYTES = 2_000_000
MAX_NODES = 200_000

Key = tuple[str | int, ...]


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 core resolvers, no aliases and a node cap."""

    yaml_implicit_resolvers: dict = {}
    nodes = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(yaml.AliasEvent) or getattr(self.peek_event(), "anchor", None):
            mark = self.peek_event().start_mark
            raise yaml.MarkedYAMLError(None, None, "anchors and aliases (&name, *name) are not allowed", mark)
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise yaml.MarkedYAMLError(None, None, f"more than {MAX_NODES} values", self.peek_event().start_mark)
        return super().compose_node(parent, index)


_CORE = [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
     "-+0123456789."),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
]
for _tag, _pattern, _first in _CORE:
    _StrictLoader.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))


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
    name = display(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UserError([Problem(name, 0, 0, "", f"cannot read the file: {exc.strerror}")]) from None
    if len(raw) > MAX_BYTES:
        raise UserError([Problem(name, 0, 0, "", f"expected a file under {MAX_BYTES // 1_000_000} MB, found {len(raw):,} bytes")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UserError([Problem(name, 0, 0, "", f"expected UTF-8 text, found byte 0x{raw[exc.start]:02x} at offset {exc.start}")]) from None
    return loads(text, name)


def loads(text: str, name: str) -> Loaded:
    """Parse YAML ``text`` (named ``name`` in messages) strictly."""
    try:
        loader = _StrictLoader(text)
    except yaml.reader.ReaderError as exc:
        raise UserError([_reader_problem(text, name, exc)]) from None
    try:
        node = loader.get_single_node()
        if node is None:
            return Loaded(name, None, {}, {})
        _check_duplicates(node, name)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        message = exc.problem or exc.context or "invalid YAML"
        raise UserError([Problem(name, line, col, "", f"invalid YAML: {message}")]) from None
    except yaml.reader.ReaderError as exc:
        raise UserError([_reader_problem(text, name, exc)]) from None
    except yaml.YAMLError as exc:
        raise UserError([Problem(name, 0, 0, "", f"invalid YAML: {exc}")]) from None
    finally:
        loader.dispose()
    marks: dict[Key, tuple[int, int]] = {}
    key_marks: dict[Key, tuple[int, int]] = {}
    _walk(node, (), marks, key_marks)
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


def dumps(data: Any) -> str:
    """Return ``data`` as block-style YAML, keys in the given order, Unicode kept."""
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
