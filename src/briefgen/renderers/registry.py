"""The registry of formats: each format's renderer module, imported when first asked for.

Kept apart from the package's ``__init__`` so that ``ahead`` (which renders through it)
and the package (which starts ``ahead``) do not import each other.
"""

from __future__ import annotations

import contextlib
import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from briefgen.errors import Problem
    from briefgen.model import Document, Meta, Style


@dataclass(frozen=True, slots=True)
class Rendered:
    """What a renderer returns: the file's bytes, warnings for the user, and its page count."""

    data: bytes
    warnings: tuple[Problem, ...] = ()
    """Warnings (``errors.warning``) with codes such as ``pdf.font``; the pipeline adds the spec file."""
    pages: int | None = None
    """Known for PDF; None where the renderer does not lay out pages."""


class Renderer(Protocol):
    SUFFIX: str

    def render(self, document: Document) -> Rendered: ...


FORMATS: dict[str, str] = {
    "docx": "briefgen.renderers.docx.render",
    "pdf": "briefgen.renderers.pdf.render",
    "pdfua": "briefgen.renderers.pdfua",
}


SUFFIXES: dict[str, str] = {"docx": ".docx", "pdf": ".pdf", "pdfua": ".ua.pdf"}
"""Format → its file's suffix (each module's ``SUFFIX``), known without importing the renderer."""


def get(name: str) -> Renderer:
    """Return the renderer module for format ``name`` (a key of FORMATS)."""
    return importlib.import_module(FORMATS[name])


def preload(names: list[str]) -> None:
    """Import the renderers ``names`` and let each load what it reuses (fonts), e.g. before workers fork."""
    for name in names:
        warm = getattr(get(name), "preload", None)
        if warm is not None:
            warm()


def prepare(names: list[str], style: Style, meta: Meta) -> None:
    """Let each renderer of ``names`` make now what a document of this look needs whatever it says
    (its ``prepare``: the styled DOCX base). A head start only: a problem is left to the render, which meets it again."""
    for name in names:
        made = getattr(get(name), "prepare", None)
        if made is not None:
            with contextlib.suppress(Exception):
                made(style, meta)
