"""Writing a YAML file back as the analyst wrote it: the one module that uses ruamel.yaml.

``yamlio`` stays the only *reader* (strict, positioned: error messages keep their
file:line:col). This module edits a file in place: it parses it again with ruamel.yaml's
round-trip loader, lets the caller change values, and dumps it with every comment, the
key order, the quoting style of each scalar and the file's indentation kept. New strings
take the quoting style most of the file's strings have.
"""

from __future__ import annotations

import io
import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

__all__ = ["CommentedMap", "CommentedSeq", "Document"]

_DASH = re.compile(r"^( *)- ", re.M)
_KEY = re.compile(r"^( *)[\w-]+:\s*$", re.M)


class Document:
    """A YAML file open for editing; ``data`` is a tree of CommentedMap / CommentedSeq."""

    def __init__(self, text: str):
        self._yaml = YAML(typ="rt")
        self._yaml.preserve_quotes = True
        self._yaml.width = 1 << 16  # never re-wrap a long line
        self._yaml.allow_unicode = True
        mapping, sequence, offset = _indentation(text)
        self._yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
        self.data: Any = self._yaml.load(text) if text.strip() else CommentedMap()
        if self.data is None:
            self.data = CommentedMap()
        self.quote = _dominant_quote(text)
        """'"', "'" or '' (plain): the style new strings get."""

    def dumps(self) -> str:
        out = io.StringIO()
        self._yaml.dump(self.data, out)
        return out.getvalue()

    def styled(self, value: Any) -> Any:
        """Return ``value`` with its strings in the file's quoting style, mappings and lists as block nodes."""
        if isinstance(value, str):
            return {'"': DoubleQuotedScalarString, "'": SingleQuotedScalarString}.get(self.quote, str)(value)
        if isinstance(value, dict):
            mapping = CommentedMap()
            for key, item in value.items():
                mapping[key] = self.styled(item)
            return mapping
        if isinstance(value, (list, tuple)):
            return block_seq(self.styled(item) for item in value)
        return value

    def restyled(self, old: Any, new: str) -> Any:
        """Return ``new`` in the quoting style of the scalar ``old`` it replaces."""
        if isinstance(old, (DoubleQuotedScalarString, SingleQuotedScalarString)):
            return type(old)(new)
        return new if isinstance(old, str) else self.styled(new)


def block_seq(items: Any = ()) -> CommentedSeq:
    """Return a block-style sequence of ``items`` (``[]`` in a file would otherwise stay flow style)."""
    seq = CommentedSeq(list(items))
    seq.fa.set_block_style()
    return seq


def insert(mapping: CommentedMap, key: str, value: Any, after: tuple[str, ...]) -> None:
    """Set ``mapping[key]``; a new key goes right after the last of ``after`` present (else at the end)."""
    if key in mapping:
        mapping[key] = value
        return
    keys = list(mapping.keys())
    positions = [keys.index(k) for k in after if k in mapping]
    mapping.insert(max(positions) + 1 if positions else len(keys), key, value)


def _indentation(text: str) -> tuple[int, int, int]:
    """Return ruamel's (mapping, sequence, offset) for the file: where its dashes sit under their key."""
    for match in _KEY.finditer(text):
        rest = text[match.end():].lstrip("\n")
        dash = _DASH.match(rest)
        if dash is not None:
            offset = len(dash.group(1)) - len(match.group(1))
            if offset >= 0:
                return 2, offset + 2, offset
    return (2, 2, 0) if re.search(r"^- ", text, re.M) else (2, 4, 2)


def _dominant_quote(text: str) -> str:
    values = re.findall(r"^\s*(?:- )?[\w-]+: (.)", text, re.M)
    counts = {'"': values.count('"'), "'": values.count("'")}
    plain = sum(1 for v in values if v not in "\"'|>[{&*!")
    best = max(counts, key=lambda q: counts[q])
    return best if counts[best] > plain else ""
