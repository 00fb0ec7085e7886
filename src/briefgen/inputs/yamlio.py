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
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from briefgen.errors import Problem, UserError, display
from briefgen.inputs import limits, paths

Key = tuple[str | int, ...]
T = TypeVar("T")


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 core resolvers, no aliases and a node cap."""

    yaml_implicit_resolvers: dict = {}
    nodes = 0
    depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(yaml.AliasEvent) or getattr(self.peek_event(), "anchor", None):
            mark = self.peek_event().start_mark
            raise yaml.MarkedYAMLError(None, None, "anchors and aliases (&name, *name) are not allowed", mark)
        self.nodes += 1
        if self.nodes > limits.YAML_VALUES:
            raise yaml.MarkedYAMLError(None, None, f"more than {limits.YAML_VALUES:,} values", self.peek_event().start_mark)
        self.depth += 1
        try:
            if self.depth > limits.YAML_DEPTH:
                raise yaml.MarkedYAMLError(None, None, f"lists and mappings nested more than {limits.YAML_DEPTH} deep",
                                           self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        try:
            value = super().construct_object(node, deep)
        except (ValueError, TypeError, AttributeError, OverflowError, IndexError):
            tag = node.tag.rsplit(":", 1)[-1]
            shown = node.value if isinstance(node.value, str) and len(node.value) <= 40 else f"{len(str(node.value)):,} characters"
            raise yaml.constructor.ConstructorError(None, None, f"expected a valid {tag}, found {shown!r}", node.start_mark) from None
        if isinstance(value, str) and _SURROGATE.search(value):
            raise yaml.constructor.ConstructorError(None, None, "expected Unicode text, found a lone surrogate escape (\\uD800–\\uDFFF)",
                                                    node.start_mark)
        return value

    def scan_block_scalar(self, style: str) -> Any:
        """PyYAML 6.0's ``Scanner.scan_block_scalar`` (MIT licence), except that each line's text is
        found by one search and passed in one step (``_line``), where PyYAML peeks and steps once per
        character: a spec's ``|`` texts were half of reading it. Same token, same marks."""
        if self.raw_buffer is not None:  # read from a stream in pieces (never here): PyYAML's own
            return super().scan_block_scalar(style)
        folded = style == ">"
        chunks: list[str] = []
        start_mark = self.get_mark()
        self.forward()  # the header
        chomping, increment = self.scan_block_scalar_indicators(start_mark)
        self.scan_block_scalar_ignored_line(start_mark)
        min_indent = self.indent + 1  # the indentation, and the first non-empty line
        if min_indent < 1:
            min_indent = 1
        if increment is None:
            breaks, max_indent, end_mark = self.scan_block_scalar_indentation()
            indent = max(min_indent, max_indent)
        else:
            indent = min_indent + increment - 1
            breaks, end_mark = self.scan_block_scalar_breaks(indent)
        line_break = ""
        while self.column == indent and self.peek() != "\0":  # the inner part
            chunks.extend(breaks)
            leading_non_space = self.peek() not in " \t"
            chunks.append(self._line())
            line_break = self.scan_line_break()
            breaks, end_mark = self.scan_block_scalar_breaks(indent)
            if self.column == indent and self.peek() != "\0":
                if folded and line_break == "\n" and leading_non_space and self.peek() not in " \t":
                    if not breaks:
                        chunks.append(" ")
                else:
                    chunks.append(line_break)
            else:
                break
        if chomping is not False:  # the tail
            chunks.append(line_break)
        if chomping is True:
            chunks.extend(breaks)
        return yaml.tokens.ScalarToken("".join(chunks), False, start_mark, end_mark, style)

    def _line(self) -> str:
        """Return the text from here to the next line break or the end, and move past it: PyYAML's
        ``while self.peek(n) not in "\\0\\r\\n…": n += 1``, ``self.prefix(n)``, ``self.forward(n)``. No
        character of it breaks a line, so the column moves by each one but a BOM, as ``forward`` moves it."""
        start = self.pointer
        found = _LINE_END.search(self.buffer, start)
        end = found.start() if found is not None else len(self.buffer)
        text: str = self.buffer[start:end]
        self.pointer = end
        self.index += end - start
        self.column += len(text) - text.count("\ufeff")
        return text


_LINE_END = re.compile("[\0\r\n\x85\u2028\u2029]")
"""What ends a line of a block scalar (PyYAML's test; the buffer of a text ends with "\\0")."""
_SURROGATE = re.compile("[\ud800-\udfff]")


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


def decode_utf8(raw: bytes, name: str) -> str:
    """Return ``raw`` as UTF-8 text, or raise UserError at the line and column of the first bad byte."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        line = raw.count(b"\n", 0, exc.start) + 1
        col = len(raw[line_start:exc.start].decode("utf-8", errors="replace")) + 1
        raise UserError([Problem(name, line, col, "", f"expected UTF-8 text, found the byte 0x{raw[exc.start]:02x}",
                                 "save the file as UTF-8")]) from None


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
    try:
        loader = _StrictLoader(text)
    except yaml.reader.ReaderError as exc:
        raise UserError([_reader_problem(text, name, exc)]) from None
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
