"""End to end: build every example brief and read both files back.

For every claim a spec selects: it appears in the DOCX and the PDF, in order,
with its citation number(s); every number resolves to a note or reference;
every reference is cited.
"""

from __future__ import annotations

import pytest

from briefgen import pipeline
from briefgen.compose import compose, transforms
from briefgen.inputs import housestyle, spec
from briefgen.model import (
    BulletList,
    Callout,
    Footnote,
    Marker,
    NoteList,
    Paragraph,
    plain_text,
)
from conftest import ROOT
from readback import (
    docx_body,
    docx_footnotes,
    flat,
    footnote_ids,
    para_text,
    pdf_body_text,
    pdf_pages,
)

SPECS = sorted((ROOT / "briefs").glob("*.yaml"))
PROJECT = pipeline.Project(ROOT)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, tuple]:
    out = tmp_path_factory.mktemp("out")
    corpus = pipeline.load_corpus(PROJECT)
    results = {}
    for path in SPECS:
        brief = spec.load_spec(path, corpus.summary, corpus.sources)
        files = pipeline.build_one(PROJECT, corpus, path, out).files
        model = pipeline.document(PROJECT, corpus, brief)
        results[path.stem] = (brief, corpus, model, {p.suffix: p for p in files})
    return results


def test_there_are_at_least_four_examples():
    assert len(SPECS) >= 4


def claim_paragraphs(brief, corpus, model):
    """Return (claim text, model paragraph) for each selected claim, in order."""
    paragraphs = [b for b in model.body if isinstance(b, Paragraph)]
    found = []
    for section in brief.spec.sections:
        for chosen in compose.select(section, corpus.summary, corpus.sources):
            when = compose.format_date(chosen.claim.date, brief.spec.lang) + ". " if chosen.claim.date else ""
            stem = when + chosen.claim.text.rstrip(".")  # the default template leads a dated claim with its date
            para = next(p for p in paragraphs if plain_text(p.content).startswith(stem))
            found.append((stem, para))
    return found


def labels(para: Paragraph) -> list[str]:
    return [n.label for n in para.content if isinstance(n, (Footnote, Marker))]


@pytest.mark.parametrize("name", [p.stem for p in SPECS])
def test_every_selected_claim_is_in_the_docx_in_order_with_its_citations(built, name):
    brief, corpus, model, files = built[name]
    body = docx_body(files[".docx"])
    notes = docx_footnotes(files[".docx"])
    texts = [para_text(p) for p in body]
    position = -1
    for stem, para in claim_paragraphs(brief, corpus, model):
        index = next(i for i, t in enumerate(texts) if i > position and t.startswith(stem))
        position = index
        cited = [n for n in para.content if isinstance(n, Footnote)]
        if cited:  # footnotes: the DOCX paragraph's real footnotes say what the model's notes say
            assert [notes[i] for i in footnote_ids(body[index])] == [flat(plain_text(n.content)) for n in cited]
        else:
            for label in labels(para):
                assert label in texts[index][len(stem):], (stem, label)
        assert labels(para), f"claim without a citation: {stem}"


@pytest.mark.parametrize("name", [p.stem for p in SPECS])
def test_every_selected_claim_is_in_the_pdf_in_order_with_its_citations(built, name):
    brief, corpus, model, files = built[name]
    style = model.style  # the resolved furniture: the house style's, else the spec's author
    text = pdf_body_text(files[".pdf"], [style.header_text, style.footer_text, brief.spec.marking or ""])
    position = -1
    for stem, para in claim_paragraphs(brief, corpus, model):
        index = text.find(flat(stem), position + 1)
        assert index > position, f"claim missing or out of order in the PDF: {stem}"
        position = index
        after = text[index + len(flat(stem)):index + len(flat(stem)) + 200]
        marks = labels(para)
        assert marks and flat(marks[0]) in after.split(" (")[0] + " (" + after, (stem, marks, after[:80])


@pytest.mark.parametrize("name", [p.stem for p in SPECS])
def test_every_citation_resolves_and_every_reference_is_used(built, name):
    brief, corpus, model, files = built[name]
    pdf = flat(" ".join(pdf_pages(files[".pdf"])))
    docx_text = flat(" ".join(para_text(p) for p in docx_body(files[".docx"])))
    style = housestyle.load_style(brief.spec.style, PROJECT.templates_dir)
    checked = pipeline.support.check_corpus(corpus.summary, corpus.sources)  # as the pipeline composes:
    resolved = pipeline.support.resolve_claim_citations(brief, corpus.summary, checked)  # [@claim:ID] → its sources
    draft = compose.compose(resolved, corpus.summary, corpus.sources, PROJECT.templates_dir, style, frozenset(checked.padding))
    cited = transforms.cited_keys(draft.blocks)
    refs = [e for b in model.body if isinstance(b, NoteList) for e in b.entries if e.anchor.startswith("ref-")]
    assert sorted(e.anchor for e in refs) == sorted(f"ref-{k}" for k in cited), "each cited source once, no other"
    anchors = {e.anchor for b in model.body if isinstance(b, NoteList) for e in b.entries}
    markers = [n for b in model.body for run in runs(b) for n in run if isinstance(n, Marker)]
    assert all(m.anchor in anchors for m in markers)
    for entry in (e for b in model.body if isinstance(b, NoteList) for e in b.entries):
        assert flat(plain_text(entry.content)) in docx_text
        assert flat(plain_text(entry.content))[:60] in pdf
    if brief.spec.citations.placement == "footnotes":
        notes = docx_footnotes(files[".docx"])
        references = [i for p in docx_body(files[".docx"]) for i in footnote_ids(p)]
        assert sorted(notes) == sorted(references) and all(notes.values())


def runs(block):
    """Return the inline runs of a block (one level of Callout)."""
    if isinstance(block, Callout):
        return [r for b in block.content for r in runs(b)]
    if isinstance(block, BulletList):
        return list(block.items)
    return [block.content] if isinstance(block, Paragraph) else []


@pytest.mark.parametrize("name", [p.stem for p in SPECS])
def test_the_pdf_has_the_title_and_marking_on_every_page(built, name):
    brief, _, _, files = built[name]
    pages = pdf_pages(files[".pdf"])
    assert flat(brief.spec.title) in flat(pages[0])
    if brief.spec.marking:
        assert all(brief.spec.marking in page for page in pages)
