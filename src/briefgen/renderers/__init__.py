"""Renderers: the model in, bytes out. A registry of formats, imported lazily.

Each renderer module exposes ``NAME``, ``SUFFIX`` and ``render(document) -> Rendered``.
Adding a format means one module and one line in ``FORMATS``.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from briefgen.model import Document


@dataclass(frozen=True, slots=True)
class Rendered:
    """What a renderer returns: the file's bytes, warnings for the user, and its page count."""

    data: bytes
    warnings: tuple[str, ...] = ()
    pages: int | None = None
    """Known for PDF; None where the renderer does not lay out pages."""


class Renderer(Protocol):
    NAME: str
    SUFFIX: str

    def render(self, document: Document) -> Rendered: ...


FORMATS: dict[str, str] = {
    "docx": "briefgen.renderers.docx.render",
    "pdf": "briefgen.renderers.pdf.render",
    "pdfua": "briefgen.renderers.pdfua",
}


def get(name: str) -> Renderer:
    """Return the renderer module for format ``name`` (a key of FORMATS)."""
    return importlib.import_module(FORMATS[name])
