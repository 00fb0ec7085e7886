"""Every renderer draws every node type of the model: run each on a document holding all of them.

Each node carries its own token; a renderer that drops a node (or its text) loses
the token, and the test names the node type. ``Cite`` is the exception by design:
transforms resolve every Cite first, and a renderer must refuse one loudly.
"""

from __future__ import annotations

import dataclasses
import shutil
import zipfile
from pathlib import Path

import pytest

from briefgen import model, renderers
from briefgen.model import (
    BulletList,
    Callout,
    Cite,
    Document,
    Emph,
    Entry,
    Figure,
    Footnote,
    Heading,
    Link,
    Marker,
    Meta,
    NoteList,
    Paragraph,
    Quote,
    Strong,
    Table,
    TableOfContents,
    Text,
)
from readback import docx_body, flat, para_text, pdf_pages

T = Text
TOKENS: dict[type, str] = {
    Text: "Tokplain", Strong: "Tokstrong", Emph: "Tokemph", Link: "Toklink", Footnote: "Tokfootnote",
    Marker: "Tokmarker", Heading: "Tokheading", Paragraph: "Tokparagraph", BulletList: "Tokbullet",
    Quote: "Tokquote", Table: "Toktable", Callout: "Tokcallout", NoteList: "Toknotelist",
    TableOfContents: "Tokheading", Figure: "Tokfigure",
}
"""The word each node type puts on the page (the TOC repeats the heading's)."""


def every_node() -> Document:
    inline = (T("Tokplain "), Strong((T("Tokstrong"),)), T(" "), Emph((T("Tokemph"),)), T(" "),
              Link("https://example.org/x", (T("Toklink"),)), Footnote("1", (T("Tokfootnote"),)), T(" "),
              Marker("(Tokmarker 2024)", "ref-1", False))
    body = (
        TableOfContents(depth=2),
        Heading(1, (T("Tokheading"),), "sec-1"),
        Paragraph((T("Tokparagraph "),) + inline),
        BulletList(((T("Tokbullet one"),), (T("Tokbullet two"),))),
        Quote((T("Tokquote"),)),
        Table(((T("Toktable"),), (T("Head"),)), (((T("Cell"),), (T("1"),)),), caption="Caption"),
        Callout("Tokcallout", (Paragraph((T("Inside"),)),)),
        Figure("coverage", "Tokfigure", Table(((T("Source"),), (T("Theme"),)), (((T("Daily"),), (T("2"),)),))),
        NoteList((Entry("ref-1", "1.", (T("Toknotelist"),)),)),
    )
    return Document(Meta(title="Every node"), body)


def node_types(document: Document) -> set[type]:
    """Every node type reachable from ``document``'s body."""
    found: set[type] = set()

    def walk(value: object) -> None:
        if isinstance(value, tuple):
            for item in value:
                walk(item)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            found.add(type(value))
            for f in dataclasses.fields(value):
                walk(getattr(value, f.name))

    walk(document.body)
    return found


def docx_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "every.docx"
    path.write_bytes(data)
    with zipfile.ZipFile(path) as z:
        notes = z.read("word/footnotes.xml").decode() if "word/footnotes.xml" in z.namelist() else ""
    return flat(" ".join(para_text(p) for p in docx_body(path))) + " " + notes


def pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "every.pdf"
    path.write_bytes(data)
    return flat(" ".join(pdf_pages(path)))


FORMATS = ["docx", "pdf"] + (["pdfua"] if shutil.which("soffice") else [])
READ = {"docx": docx_text, "pdf": pdf_text, "pdfua": pdf_text}


def test_the_document_holds_every_node_type_of_the_model():
    missing = set(model.BLOCK_TYPES + model.INLINE_TYPES) - {Cite} - node_types(every_node())
    assert not missing, f"add these node types to every_node(): {sorted(t.__name__ for t in missing)}"
    assert set(TOKENS) == set(model.BLOCK_TYPES + model.INLINE_TYPES) - {Cite}


@pytest.mark.parametrize("name", FORMATS)
def test_every_renderer_draws_every_node_type(name, tmp_path):
    rendered = renderers.get(name).render(every_node())
    text = READ[name](rendered.data, tmp_path)
    dropped = [kind.__name__ for kind, token in TOKENS.items() if token not in text]
    assert not dropped, f"{name} dropped: {', '.join(dropped)}"
    assert text.count("Tokheading") >= 2, f"{name} dropped the table of contents"


@pytest.mark.parametrize("name", ["docx", "pdf"])
def test_every_renderer_refuses_an_unresolved_citation(name):
    document = dataclasses.replace(every_node(), body=(Paragraph((T("x "), Cite(("key",)))),))
    with pytest.raises(ValueError, match="unresolved citation"):
        renderers.get(name).render(document)
