"""Renderers: the model in, bytes out. A registry of formats, imported lazily.

Each renderer module exposes ``SUFFIX`` and ``render(document) -> Rendered``, and may
define ``preload()`` (load what every brief reuses), ``prepare(style, meta)`` (make
what a brief of that look reuses, before its model is composed: ``ahead``) and
``warm_steps(every=False)`` (what a first render does that no brief decides, as steps).
Adding a format means one module and one line in ``FORMATS`` (``registry``). Counting a file's
pages as its reader lays them out goes through here too (``pages``), so the
pipeline never reaches into a renderer.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from briefgen.renderers.registry import FORMATS, SUFFIXES, Rendered, Renderer, get, preload, prepare

if TYPE_CHECKING:
    from briefgen.model import Document, Meta, Style

__all__ = ["FORMATS", "SUFFIXES", "Rendered", "Renderer", "get", "preload", "prepare", "pages", "start_office", "find_office", "stop_office", "Ahead", "start_ahead"]


PAGE_COUNTERS: dict[str, str] = {
    "docx": "briefgen.renderers.pdfua:docx_pages",
}
"""Format → ``module:function(data) -> int | None`` that counts a file's pages as a reader lays it out."""


def pages(name: str, data: bytes) -> int | None:
    """Return how many pages a reader lays the ``name`` file ``data`` out on, or None when it cannot tell."""
    target = PAGE_COUNTERS.get(name)
    if target is None:
        return None
    module, _, function = target.partition(":")
    count: Callable[[bytes], int | None] = getattr(importlib.import_module(module), function)
    return count(data)


def start_office() -> None:
    """Start LibreOffice in the background for the page counts, contents or pdfua to come (``office.start``)."""
    from briefgen.renderers import office
    office.start()


def find_office() -> None:
    """Look up now, once, the interpreter that drives LibreOffice (``office.uno_python``: a process of its own),
    e.g. before forking processes that will each start a LibreOffice."""
    from briefgen.renderers import office
    office.uno_python()


def stop_office() -> None:
    """Stop this process's LibreOffice, if it started one (a forked process ends without exit handlers)."""
    office = sys.modules.get("briefgen.renderers.office")
    if office is not None:
        office.stop()


class Ahead(Protocol):
    """A process that loaded the renderers while the build read its inputs (``ahead.Ahead``)."""

    def hint(self, style: Style, meta: Meta) -> None: ...

    def render(self, document: Document, names: list[str]) -> list[Rendered]: ...

    def send(self, document: Document, names: list[str]) -> None: ...

    def results(self) -> list[Rendered]: ...

    def close(self) -> None: ...


def start_ahead(formats: list[str]) -> Ahead | None:
    """Fork the process that loads the renderers of ``formats`` now and renders one brief later; None where it cannot."""
    from briefgen.renderers import ahead
    return ahead.Ahead.start(formats)
