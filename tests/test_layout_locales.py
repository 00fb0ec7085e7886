"""Localised furniture: every fixed word of both formats follows the spec's `lang`."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pypdf
import pytest
import yaml

from briefgen import pipeline, renderers
from briefgen.inputs import spec
from briefgen.model import Document
from conftest import cli

EXPECTED = {
    "fr-FR": ("L’essentiel", "Points clés", "Recommandations", "Page 1 sur 2", "20 novembre 2026"),
    "de-DE": ("Das Wichtigste", "Kernpunkte", "Empfehlungen", "Seite 1 von 2", "20. November 2026"),
    "es-ES": ("Lo esencial", "Puntos clave", "Recomendaciones", "Página 1 de 2", "20 de noviembre de 2026"),
    "zh-CN": ("核心结论", "要点", "建议", "第 1 页，共 2 页", "2026年11月20日"),
}


def minister_in(project: Path, lang: str) -> Document:
    """The minister brief's model with its spec's ``lang`` set to ``lang``."""
    path = project / "briefs" / "minister-cross-theme.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["lang"] = lang
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    corpus = pipeline.load_corpus(pipeline.Project(project))
    return pipeline.document(pipeline.Project(project), corpus, spec.load_spec(path, corpus.summary, corpus.sources))


@pytest.mark.parametrize("lang", sorted(EXPECTED))
def test_both_formats_print_the_labels_and_date_of_the_language(project: Path, lang: str):
    model = minister_in(project, lang)
    pdf = renderers.get("pdf").render(model).data
    pdf_text = re.sub(r"[ \t]+", " ", "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages))
    document = docx.Document(io.BytesIO(renderers.get("docx").render(model).data))
    docx_text = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        p.text for t in document.tables for row in t.rows for c in row.cells for p in c.paragraphs)
    bottom_line, key_points, recommendations, page_label, date = EXPECTED[lang]
    for text in (pdf_text, docx_text):
        assert bottom_line in text and key_points in text and recommendations in text and date in text
    assert re.sub(r"\s+", "", page_label) in re.sub(r"\s+", "", pdf_text)  # the total is a form: own line
    footer = document.sections[0].footer.paragraphs[0].text  # "Seite 1 von 1…": fields hold 1 until laid out
    assert footer.startswith(page_label.split("1")[0])


BAD_LABELS = [
    ("fr:\n  months: [janvier, février, mars]\n", r"labels\.yaml:2:11: fr\.months: expected a list of 12 month names, found 3"),
    ("en:\n  page_of: \"Page {0} of {pages}\"\n", r"labels\.yaml:2:12: en\.page_of: expected text with only the fields \{page\}, \{pages\}, found \{0\}"),
    ("en:\n  date_day: \"{day:>99999999} {month}\"\n", r"labels\.yaml:2:13: en\.date_day: expected text with only the fields .*found \{day:>99999999\}"),
    ("en:\n  contents: [a, b]\n", r"labels\.yaml:2:13: en\.contents: expected text, found a list of 2"),
    ("- en\n", r"labels\.yaml:1:1: expected a mapping of language tags"),
]


@pytest.mark.parametrize(("text", "message"), BAD_LABELS, ids=["short-months", "positional-field", "format-spec", "list", "not-a-mapping"])
def test_a_project_labels_file_that_briefgen_cannot_print_is_a_positioned_user_error(project: Path, text: str, message: str):
    (project / "templates" / "locales" / "labels.yaml").write_text(text, encoding="utf-8")
    result = cli("build", "--project", str(project), "--out", str(project / "out"), str(project / "briefs" / "minister-cross-theme.yaml"))
    assert result.exit_code == 2, result.output
    assert re.search(message, result.output), result.output
    assert "Traceback" not in result.output and not (project / "out" / "minister-cross-theme.pdf").exists()


def zh_docx(project: Path, lang: str = "zh-CN") -> bytes:
    return renderers.get("docx").render(minister_in(project, lang)).data


def embedded_fonts(data: bytes) -> dict[str, bytes]:
    """Return Word font name → the (de-obfuscated) font file of each embedded regular face."""
    import zipfile

    from briefgen.renderers.docx.embed import obfuscate
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    r = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        from lxml import etree
        table = etree.fromstring(z.read("word/fontTable.xml"))
        rels = {rel.get("Id"): rel.get("Target") for rel in etree.fromstring(z.read("word/_rels/fontTable.xml.rels"))}
        found = {}
        for font in table.iter(f"{w}font"):
            regular = font.find(f"{w}embedRegular")
            if regular is not None:
                raw = z.read("word/" + rels[regular.get(f"{r}id")])
                found[font.get(f"{w}name")] = obfuscate(raw, regular.get(f"{w}fontKey"))
    return found


def test_a_chinese_docx_embeds_the_pdf_cjk_face_cut_to_its_characters(project: Path):
    from fontTools.ttLib import TTFont
    data = zh_docx(project)
    fonts = embedded_fonts(data)
    assert "Briefgen CJK" in fonts and len(fonts["Briefgen CJK"]) < 200_000  # a subset, not the 1.7 MB face
    cmap = TTFont(io.BytesIO(fonts["Briefgen CJK"])).getBestCmap()
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    cjk = {c for c in text if ord(c) >= 0x2E80}
    assert cjk and all(ord(c) in cmap for c in cjk), sorted(c for c in cjk if ord(c) not in cmap)
    lang = docx.Document(io.BytesIO(data)).styles["Normal"].element.xpath("./w:rPr/w:lang")[0]
    qn = docx.oxml.ns.qn
    assert (lang.get(qn("w:val")), lang.get(qn("w:eastAsia"))) == ("en-GB", "zh-CN")  # Latin words are not broken as Chinese


def test_a_docx_without_cjk_text_embeds_no_cjk_face(project: Path):
    assert "Briefgen CJK" not in embedded_fonts(zh_docx(project, "en-GB"))


def test_the_chinese_docx_is_the_same_bytes_every_time(project: Path):
    assert zh_docx(project) == zh_docx(project)


def test_a_projects_own_month_names_reach_every_date_it_prints(project: Path):
    """The title date, "Information as of" and a claim's event date all use the project's labels.yaml."""
    months = [f"Mon{n:02d}" for n in range(1, 13)]
    (project / "templates" / "locales" / "labels.yaml").write_text(
        yaml.safe_dump({"en": {"months": months}}), encoding="utf-8")
    path = project / "briefs" / "minister-cross-theme.yaml"
    corpus = pipeline.load_corpus(pipeline.Project(project))
    brief = spec.load_spec(path, corpus.summary, corpus.sources)
    dated = [c for t in corpus.summary.themes for c in t.claims if c.date and len(c.date) >= 7]
    assert dated, "the example summary no longer has a claim with an event month"
    model = pipeline.document(pipeline.Project(project), corpus, brief)
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(renderers.get("docx").render(model).data)).paragraphs)
    as_of = next(line for line in text.splitlines() if line.startswith("Information as of"))
    assert re.search(r"Mon\d\d \d{4}$", as_of), as_of
    lead_ins = re.findall(r"^(Mon\d\d \d{4})\. ", text, re.M)
    assert lead_ins, "no claim printed its event date with the project's month names"
    assert not re.search(r"^(January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\. ", text, re.M)
