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

EXPECTED = {
    "fr-FR": ("L’essentiel", "Points clés", "Recommandations", "Page 1 sur 2", "20 novembre 2026"),
    "de-DE": ("Das Wichtigste", "Kernpunkte", "Empfehlungen", "Seite 1 von 2", "20. November 2026"),
    "es-ES": ("Lo esencial", "Puntos clave", "Recomendaciones", "Página 1 de 2", "20 de noviembre de 2026"),
    "zh-CN": ("核心结论", "要点", "建议", "第 1 页，共 2 页", "2026年11月20日"),
}


@pytest.mark.parametrize("lang", sorted(EXPECTED))
def test_both_formats_print_the_labels_and_date_of_the_language(project: Path, lang: str):
    path = project / "briefs" / "minister-cross-theme.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["lang"] = lang
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    corpus = pipeline.load_corpus(pipeline.Project(project))
    model = pipeline.document(pipeline.Project(project), corpus, spec.load_spec(path, corpus.summary, corpus.sources))
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
