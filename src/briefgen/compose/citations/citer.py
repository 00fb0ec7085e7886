"""Formats the citations of one document, in reading order, in any registered style.

The style decides the forms; this module only sequences them: first and later
notes (and Ibid. where a style wants it), in-text groups with prefixes, locators
and suffixes, year suffixes where labels collide, and the reference list.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from briefgen.compose.citations.item import Item
from briefgen.compose.citations.protocol import CitationStyle
from briefgen.compose.citations.text import Joiner, Piece, letters, merge, plain, text_of
from briefgen.model import Inline, Link, Marker, Text


class Ref(Protocol):
    """One cited item as written (``inputs.citation_syntax.Cited``)."""

    key: str
    prefix: str
    locator: str
    label: str
    suffix: str
    suppress_author: bool


class Plain:
    """A bare citation of ``key`` with nothing around it."""

    def __init__(self, key: str) -> None:
        self.key, self.prefix, self.locator, self.label, self.suffix = key, "", "", "", ""
        self.suppress_author = False


def disambiguate(style: CitationStyle, items: Sequence[Item]) -> list[Item]:
    """``items`` with year suffixes ("2024a") where author and date would collide."""
    if style.numeric:
        return list(items)
    bare = [i.with_suffix("") for i in items]
    groups: dict[tuple[str, str], list[Item]] = {}
    for item in bare:
        groups.setdefault((text_of(style.author(item)), style.date(item)), []).append(item)
    suffix: dict[str, str] = {}
    for group in groups.values():
        if len(group) > 1:
            ordered = sorted(group, key=style.sort_key)
            suffix.update((item.id, letters(n)) for n, item in enumerate(ordered))
    return [i.with_suffix(suffix[i.id]) if i.id in suffix else i for i in bare]


class Citer:
    """The citations of one document in ``style``, over ``items`` in order of first citation."""

    def __init__(self, style: CitationStyle, items: Sequence[Item]) -> None:
        self.style = style
        self.items = {i.id: i for i in disambiguate(style, items)}
        self.numbers = {key: n for n, key in enumerate(self.items, 1)}
        self._seen: set[str] = set()
        self._previous: tuple[str, ...] = ()
        self._entries: dict[str, Piece] = {}
        self._sort_keys: dict[str, tuple] = {}
        self._labels: dict[tuple, str] = {}

    def entry(self, key: str) -> Piece:
        """The reference entry of ``key`` (formatted once)."""
        return self._form("entry", key)

    def _form(self, form: str, key: str) -> Piece:
        """The style's ``form`` (entry, first_note, subsequent_note, author) of ``key``, formatted once."""
        cached = self._entries.get(form + key)
        if cached is None:
            cached = self._entries[form + key] = getattr(self.style, form)(self.items[key])
        return cached

    def sort_key(self, key: str) -> tuple:
        if key not in self._sort_keys:
            self._sort_keys[key] = self.style.sort_key(self.items[key])
        return self._sort_keys[key]

    # ------------------------------------------------------------ notes

    def note(self, refs: Sequence[Ref]) -> Piece:
        """The text of one note citing ``refs``, ending with a full stop."""
        keys = tuple(r.key for r in refs)
        out = Joiner()
        if self.style.ibid and len(keys) == 1 and keys == self._previous:
            out.add("", _with_locator(plain("Ibid."), self._locator(refs[0])))
        else:
            for ref in refs:
                form = self._form("subsequent_note" if ref.key in self._seen else "first_note", ref.key)
                body = _with_locator(form, self._locator(ref))
                out.add("; ", plain(f"{ref.prefix} ") + body if ref.prefix else body)
                self._seen.add(ref.key)
        self._previous = keys
        piece = out.end(".")
        if piece and isinstance(piece[0], Text):
            piece = (Text(piece[0].text[:1].upper() + piece[0].text[1:]),) + piece[1:]
        return piece

    def _locator(self, ref: Ref) -> str:
        located = self.style.locator(ref.label, ref.locator) if ref.locator else ""
        return " ".join(filter(None, [located, ref.suffix]))

    # ------------------------------------------------------------ in the text

    def in_text(self, refs: Sequence[Ref], narrative: bool = False) -> list[Inline]:
        """An in-text citation: "(Smith 2024, 3; Lee 2020)", "[1], [3]"; ``narrative``
        (``@key``): "Smith (2024, 3)", "Smith [1]"."""
        style, refs = self.style, self._ordered(refs)
        opening, separator, closing = style.group
        out: list[Inline] = []
        if narrative:
            ref = refs[0]
            item = self.items[ref.key]
            out += list(style.author(item)) + [Text(" ")]
            label = self._label(ref, with_author=False)
            return out + [Text(opening), Marker(label, f"ref-{ref.key}", False), Text(closing)]
        if style.numeric and all(not r.locator and not r.prefix and not r.suffix for r in refs):
            return self._numbers([self.numbers[r.key] for r in refs], [r.key for r in refs])
        if style.numeric:  # "see [1, p. 3], [2]": each number in its own brackets
            for n, ref in enumerate(refs):
                out += [Text(", " if n else "")] + ([Text(ref.prefix + " ")] if ref.prefix else [])
                out += [Text(opening), Marker(self._label(ref, True), f"ref-{ref.key}", False), Text(closing)]
            return [node for node in out if not (isinstance(node, Text) and not node.text)]
        out.append(Text(opening))
        for n, ref in enumerate(refs):
            if n:
                out.append(Text(separator))
            if ref.prefix:
                out.append(Text(ref.prefix + " "))
            out.append(Marker(self._label(ref, with_author=not ref.suppress_author), f"ref-{ref.key}", False))
        return out + [Text(closing)]

    def _ordered(self, refs: Sequence[Ref]) -> list[Ref]:
        """IEEE: ascending numbers; APA: alphabetical (APA 8.12); others: as written."""
        if self.style.numeric:
            return sorted(refs, key=lambda r: self.numbers[r.key])
        if self.style.alphabetical_groups:
            return sorted(refs, key=lambda r: self.sort_key(r.key))
        return list(refs)

    def _label(self, ref: Ref, with_author: bool) -> str:
        cache = (ref.key, with_author, ref.label, ref.locator, ref.suffix)
        if cache not in self._labels:
            self._labels[cache] = self._make_label(ref, with_author)
        return self._labels[cache]

    def _make_label(self, ref: Ref, with_author: bool) -> str:
        item, style = self.items[ref.key], self.style
        if style.numeric:
            return text_of(style.label(plain(str(self.numbers[ref.key])), "", self._locator(ref)))
        author = self._form("author", ref.key) if with_author else ()
        return text_of(style.label(author, style.date(item), self._locator(ref)))

    def _numbers(self, numbers: list[int], keys: list[str]) -> list[Inline]:
        """[1], [3] or [1]–[3] for a run of three or more."""
        out: list[Inline] = []
        i = 0
        while i < len(numbers):
            j = i
            while j + 1 < len(numbers) and numbers[j + 1] == numbers[j] + 1:
                j += 1
            if out:
                out.append(Text(", "))
            if j - i >= 2:
                out += [Text("["), Marker(str(numbers[i]), f"ref-{keys[i]}", False), Text("]–["),
                        Marker(str(numbers[j]), f"ref-{keys[j]}", False), Text("]")]
                i = j + 1
                continue
            out += [Text("["), Marker(str(numbers[i]), f"ref-{keys[i]}", False), Text("]")]
            i += 1
        return out

    # ------------------------------------------------------------ the reference list

    def references(self) -> list[tuple[str, str, Piece]]:
        """(key, label, entry) in the style's order: "[n]" labels in citation order, else sorted."""
        if self.style.numeric:
            return [(k, f"[{self.numbers[k]}]", self.entry(k)) for k in self.items]
        return [(k, "", self.entry(k)) for k in sorted(self.items, key=self.sort_key)]


def _with_locator(piece: Piece, locator: str) -> Piece:
    """``piece`` with ", locator" added, before a closing URL or DOI link if there is one."""
    if not locator:
        return piece
    last = piece[-2] if len(piece) > 1 else None
    if isinstance(piece[-1], Link) and isinstance(last, Text) and last.text.endswith(", "):
        head = Joiner().add("", piece[:-2] + (Text(last.text[:-2]),)).add(", ", locator)
        return merge(list(head.end()) + [Text(", "), piece[-1]])
    return Joiner().add("", piece).add(", ", locator).end()
