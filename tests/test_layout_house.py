"""Decisions written once in the house layer (renderers/house.py), read back from both formats.

* The logo: its size and place in the title block are the same in the PDF and the DOCX.
* The block quote: the same bar (width, colour) and the same gap to its text, so the
  quote's text starts as far right of the body text in the PDF as in the DOCX laid out
  by LibreOffice.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pypdf
import pytest
import yaml
from docx.shared import Mm
from PIL import Image
from pypdf.generic import ContentStream

from briefgen import pipeline, renderers
from briefgen.inputs import spec
from briefgen.model import Document, Paragraph, Quote, Text
from briefgen.renderers import house

MM = 72 / 25.4


def logo_document(project: Path) -> Document:
    Image.new("RGB", (300, 100), (31, 58, 95)).save(project / "templates" / "styles" / "logo.png")
    (project / "templates" / "styles" / "withlogo.yaml").write_text('logo: "logo.png"\n', encoding="utf-8")
    path = project / "briefs" / "minister-cross-theme.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["style"] = "withlogo"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    corpus = pipeline.load_corpus(pipeline.Project(project))
    return pipeline.document(pipeline.Project(project), corpus, spec.load_spec(path, corpus.summary, corpus.sources))


def pdf_images(page: pypdf.PageObject) -> list[tuple[float, float, float, float]]:
    """Return (x, y, width, height) in points of each image the page draws (the CTM at each image ``Do``)."""
    def times(m: list[float], n: list[float]) -> list[float]:
        return [m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3], m[2] * n[0] + m[3] * n[2],
                m[2] * n[1] + m[3] * n[3], m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5]]

    placed, ctm, stack = [], [1.0, 0.0, 0.0, 1.0, 0.0, 0.0], []
    xobjects = page["/Resources"].get("/XObject", {})
    for operands, operator in ContentStream(page.get_contents(), page.pdf).operations:
        if operator == b"q":
            stack.append(ctm)
        elif operator == b"Q":
            ctm = stack.pop()
        elif operator == b"cm":
            ctm = times([float(v) for v in operands], ctm)
        elif operator == b"Do" and xobjects[operands[0]].get_object().get("/Subtype") == "/Image":
            placed.append((ctm[4], ctm[5], ctm[0], ctm[3]))
    return placed


def test_the_logo_has_one_size_and_place_in_both_formats(project):
    document = logo_document(project)
    logo, why = house.logo(document.style)
    assert logo is not None and why == "" and round(logo.width_mm) == 42 and logo.height_mm == house.LOGO_HEIGHT_MM
    page = pypdf.PdfReader(io.BytesIO(renderers.get("pdf").render(document).data)).pages[0]
    [(x, _, width, height)] = pdf_images(page)
    assert abs(width - logo.width_mm * MM) < 0.5 and abs(height - logo.height_mm * MM) < 0.5
    right_margin = float(page.mediabox.width) - document.style.margins_mm[1] * MM
    assert abs(x + width - right_margin) < 1  # at the right margin
    word = docx.Document(io.BytesIO(renderers.get("docx").render(document).data))
    [picture] = word.inline_shapes
    assert abs(picture.width - Mm(logo.width_mm)) < Mm(0.2) and abs(picture.height - Mm(logo.height_mm)) < Mm(0.2)
    holder = next(p for p in word.paragraphs if p._p.xpath(".//w:drawing"))
    assert holder.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT


def test_the_docx_quote_style_draws_the_house_bar():
    data = renderers.get("docx").render(Document(house_meta(), (Quote((Text("A quote."),)),))).data
    quote = docx.Document(io.BytesIO(data)).styles["Quote"]
    [left] = quote.element.xpath("./w:pPr/w:pBdr/w:left")
    qn = docx.oxml.ns.qn
    assert left.get(qn("w:sz")) == str(round(house.QUOTE_BAR_PT * 8))
    assert left.get(qn("w:color")) == house.quote_bar(Document(house_meta(), ()).style).lstrip("#").upper()


def house_meta():
    from briefgen.model import Meta
    return Meta("Quotes")


def quote_indent(pdf: bytes, quote: str, body: str) -> float:
    """How far right of the body text's left edge the quote's text starts, in points."""
    starts: dict[str, float] = {}

    def visit(text, cm, tm, _font, _size):
        for key in (quote, body):
            if text.strip().startswith(key[:12]) and key not in starts:
                starts[key] = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]

    pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    return starts[quote] - starts[body]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="soffice is not installed")
def test_a_quote_is_set_off_by_the_same_gap_in_both_formats(tmp_path):
    body, quote = "Body text before the quote, long enough to read.", "Quoted words, in the source's voice."
    document = Document(house_meta(), (Paragraph((Text(body),)), Quote((Text(quote),)), Paragraph((Text("After."),))))
    (tmp_path / "q.docx").write_bytes(renderers.get("docx").render(document).data)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(tmp_path / "q.docx")], capture_output=True, timeout=300)
    in_pdf = quote_indent(renderers.get("pdf").render(document).data, quote, body)
    in_docx = quote_indent((tmp_path / "q.pdf").read_bytes(), quote, body)
    expected = house.QUOTE_GAP_MM * MM
    assert abs(in_pdf - expected) < 1.5, in_pdf
    assert abs(in_docx - in_pdf) < 2.5, (in_docx, in_pdf)


def test_links_look_the_same_in_both_formats():
    """Accent-coloured, not underlined (house.LINK_UNDERLINE); citation markers keep the text's colour."""
    from briefgen.model import Footnote, Link
    from briefgen.renderers.pdf import inlines as pdf_inlines
    from briefgen.renderers.pdf.fonts import FontBook
    document = Document(house_meta(), (Paragraph((Text("See "), Link("https://example.org", (Text("the site"),)),
                                                  Footnote("1", (Text("A note."),)))),))
    ctx = pdf_inlines.Ctx(document, FontBook(), 400.0)
    markup = pdf_inlines.inlines(document.body[0].content, ctx, pdf_inlines.Fmt(ctx.body))
    site, note = re.findall(r"<a href=[^>]*>", markup)
    assert f'color="{document.style.accent}"' in site and "underline" not in site
    assert "color=" not in note  # the note number: a link in the text's colour
    word = docx.Document(io.BytesIO(renderers.get("docx").render(document).data))
    qn = docx.oxml.ns.qn
    [underline] = word.styles["Hyperlink"].element.xpath("./w:rPr/w:u")
    assert underline.get(qn("w:val")) == "none"
    body = word.element.body
    [reference] = [r for r in body.iter(qn("w:r")) if r.xpath("./w:footnoteReference")]
    assert not reference.xpath("./w:rPr/w:color") and not reference.xpath("./w:rPr/w:rStyle[@w:val='Hyperlink']")
