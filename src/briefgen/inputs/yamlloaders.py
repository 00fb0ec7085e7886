"""The two loaders the YAML reader (``yamlio``) reads with: PyYAML's strict pure-Python one, the reader of
record, and libyaml's C parser under the same composing, checks and values (``_FastLoader``), with the
text the fast one leaves to the strict one (``DECLINED``, ``_DECLINE``).

Split from ``yamlio.py`` (moves only).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

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

from briefgen.inputs import limits  # noqa: E402
from briefgen.inputs.yamlblock import LineScanner  # noqa: E402

__all__ = ["DECLINED", "MappingNode", "Node", "ScalarNode", "SequenceNode", "yaml"]

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
        if isinstance(value, str) and not value.isascii() and _SURROGATE.search(value):  # ASCII holds no surrogate
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
