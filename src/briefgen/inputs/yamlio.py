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
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from briefgen.lazyre import import_deferring

# PyYAML's Reader compiles at import a pattern over most of Unicode (~10 ms) that only the strict
# reader's fallback (pure-Python scanning) uses: it is compiled then (``briefgen.lazyre``). So are the
# patterns of PyYAML's own scalar resolvers and its timestamp constructor (~10 ms more), which the
# loaders here never use (they resolve by ``_CORE``); each is used by its ``match`` method alone.
import_deferring("yaml", frozenset({"yaml.reader", "yaml.resolver", "yaml.constructor"}))

import yaml  # noqa: E402
from yaml.composer import Composer  # noqa: E402
from yaml.constructor import SafeConstructor  # noqa: E402
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode  # noqa: E402

from briefgen.errors import Problem, UserError, display  # noqa: E402
from briefgen.inputs import limits, paths  # noqa: E402
from briefgen.inputs.paths import decode_utf8  # noqa: E402
from briefgen.inputs.yamlblock import LineScanner  # noqa: E402

Key = tuple[str | int, ...]
T = TypeVar("T")


if TYPE_CHECKING:
    _Base = yaml.SafeLoader
else:
    _Base = object


class _Checks(_Base):
    """What both readers check while composing and constructing: no aliases, the node and depth caps, valid values."""

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
            return Composer.compose_node(self, parent, index)
        finally:
            self.depth -= 1

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        try:
            value = SafeConstructor.construct_object(self, node, deep)
        except (ValueError, TypeError, AttributeError, OverflowError, IndexError):
            tag = node.tag.rsplit(":", 1)[-1]
            shown = node.value if isinstance(node.value, str) and len(node.value) <= 40 else f"{len(str(node.value)):,} characters"
            raise yaml.constructor.ConstructorError(None, None, f"expected a valid {tag}, found {shown!r}", node.start_mark) from None
        if isinstance(value, str) and _SURROGATE.search(value):
            raise yaml.constructor.ConstructorError(None, None, "expected Unicode text, found a lone surrogate escape (\\uD800–\\uDFFF)",
                                                    node.start_mark)
        return value


class _StrictLoader(_Checks, LineScanner, yaml.SafeLoader):
    """SafeLoader with YAML 1.2 core resolvers, no aliases and a node cap; the reader of record."""

    yaml_implicit_resolvers: dict = {}


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


_CParser: Any = getattr(getattr(yaml, "cyaml", None), "CParser", None) if getattr(yaml, "__with_libyaml__", False) else None


class _FastLoader(_Checks, Composer, *((_CParser,) if _CParser else ()), SafeConstructor, yaml.resolver.Resolver):  # type: ignore[misc]
    """libyaml's scanner and parser (C, about six times faster) under ``_StrictLoader``'s composing, checks, tags
    and values. Its answer is taken only when it has one (``_fast``); it equals the strict reader's on every
    document tests/test_yamlio.py generates and on the hostile battery's mutated files."""

    yaml_implicit_resolvers = _StrictLoader.yaml_implicit_resolvers

    def __init__(self, text: str) -> None:
        _CParser.__init__(self, text)
        Composer.__init__(self)
        SafeConstructor.__init__(self)
        yaml.resolver.Resolver.__init__(self)

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event = self.peek_event()
        if getattr(event, "tag", None) == "!" or (getattr(event, "value", None) == "" and not event.style):
            raise yaml.MarkedYAMLError(None, None, "left to the strict reader", event.start_mark)
        return super().compose_node(parent, index)


DECLINED = "[^\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD\U00010000-\U0010FFFF]"
"""The characters left to the strict reader, as a negated class: what PyYAML's reader refuses (its ``NON_PRINTABLE``),
a lone surrogate, U+FEFF (PyYAML's columns skip it, libyaml's count it), tabs (libyaml takes one between flow items,
PyYAML does not)."""
_DECLINE = re.compile("[\x00-\x09\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]|[|>][-+0-9]*#")
"""Text left to the strict reader: a character of ``DECLINED``, written as the characters it names (the same set,
tests/test_yamlio.py; the negated class costs ~5 ms to compile, this ~0.5), and a ``|`` or ``>`` header with a
``#`` right after it (libyaml reads a comment, PyYAML an error)."""


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
    if _CParser is None or _DECLINE.search(text):
        return None
    try:
        return _read(_FastLoader(text), text, name)
    except Exception:  # noqa: BLE001 - the strict reader's message is the one given
        return None


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
