"""Writing a PDF's objects (``renderers/pdf/writing.py``) gives reportlab's bytes.

Every object of the example briefs' PDFs, as the renderer left them, is formatted by the
stand-ins and by reportlab's own ``format`` and ``PDFDictionary.format``; and odd values
(ordered and unsorted dictionaries, numbers, bools, bytes, names that need escaping) too.
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path
from typing import Any

import pytest
from reportlab.pdfbase import pdfdoc

from briefgen import pipeline, renderers
from briefgen.renderers.pdf import writing

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(not writing.ACTIVE, reason="another reportlab version: reportlab's own formats")


def _reportlabs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdfdoc, "format", writing._format)
    monkeypatch.setattr(pdfdoc.PDFDictionary, "format", writing._dictionary_format)


def test_every_object_of_the_example_pdfs_formats_as_reportlab_formats_it(monkeypatch: pytest.MonkeyPatch) -> None:
    renderers.preload(["pdf"])
    assert pdfdoc.format is writing.pdf_format and pdfdoc.PDFDictionary.format is writing.dictionary_format
    project = pipeline.Project(ROOT)
    corpus = pipeline.load_corpus(project)
    kept: list[Any] = []
    save = pdfdoc.PDFDocument.format

    def keep(self: Any) -> Any:
        kept.append(self)
        return save(self)

    monkeypatch.setattr(pdfdoc.PDFDocument, "format", keep)
    for spec in project.specs()[:3]:
        model = pipeline.compose_one(project, corpus, spec, ["pdf"]).model
        renderers.get("pdf").render(model)
    assert len(kept) == 3
    compared = 0
    for document in kept:
        objects = [o for o in document.idToObject.values() if not isinstance(o, pdfdoc.PDFStream)]  # a stream formats once
        ours = [writing.pdf_format(o, document, toplevel=1) for o in objects]
        with monkeypatch.context() as m:
            _reportlabs(m)
            theirs = [pdfdoc.format(o, document, toplevel=1) for o in objects]
        assert ours == theirs
        compared += len(objects)
    assert compared > 150


def test_odd_values_format_as_reportlab_formats_them(monkeypatch: pytest.MonkeyPatch) -> None:
    renderers.preload(["pdf"])
    document = pdfdoc.PDFDocument()
    values: list[Any] = ["", "a b", "Café", b"", b"\x00\xff", 0, 1, -3, 2.5, 1e-7, 12345678.9, True, False, None,
                         pdfdoc.PDFName("Type"), pdfdoc.PDFString("(odd) \\ text"), pdfdoc.PDFArray([1, "x", 2.0]),
                         pdfdoc.PDFDictionary({"Type": "/Annot", "a b": 1, "Z": [1, 2], "K7": 2.25}),
                         pdfdoc.PDFDictionary(OrderedDict([("Z", 1), ("A", 2)])),
                         pdfdoc.PDFDictionary({f"K{i}": i for i in range(14)})]
    forced = pdfdoc.PDFDictionary({"A": 1, "B": 2})
    forced.multiline = "forced"
    values.append(forced)
    ours = [writing.pdf_format(v, document) for v in values]
    ours_again = [writing.pdf_format(v, document) for v in values]  # the names now from the memo
    with monkeypatch.context() as m:
        _reportlabs(m)
        theirs = [pdfdoc.format(v, document) for v in values]
    assert ours == theirs == ours_again


def test_every_integer_written_without_fp_str_is_written_as_fp_str_writes_it() -> None:
    """``pdf_format`` writes an integer below ``_EXACT`` as its digits; reportlab's ``fp_str`` gives the same text."""
    document = pdfdoc.PDFDocument()
    edge = writing._EXACT
    for value in range(-edge + 1, edge):
        assert writing.pdf_format(value, document) == pdfdoc.pdfdocEnc(pdfdoc.fp_str(value)), value
    for value in (edge, -edge, 10**16 + 1, -(2**60)):  # beyond: reportlab's own path
        assert writing.pdf_format(value, document) == pdfdoc.pdfdocEnc(pdfdoc.fp_str(value))
