"""Property tests: random specs and random inline text give a brief or a typed error, never a crash."""

from __future__ import annotations

import string

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefgen import pipeline
from briefgen.compose.transforms import printable_text
from briefgen.errors import UserError
from briefgen.inputs import schemas, yamlio
from readback import docx_body, flat, para_text, pdf_pages
from test_other_corpus import write_corpus

SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 5), st.text(max_size=20),
                    st.sampled_from(["scarcity", "pricing", "TLP:RED", "apa", "endnotes", "A4", "docx"]))
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
    st.sampled_from(["heading", "themes", "limit", "text", "style", "placement", "x"]), inner, max_size=3), max_leaves=8)
spec_keys = st.sampled_from(sorted(schemas.Spec.model_fields) + ["sectons", "titel"])


@SETTINGS
@given(st.text(alphabet=string.printable + "é中&<>*{}[]@:-#'\"", max_size=200))
def test_any_text_loads_as_yaml_or_gives_a_positioned_error(text):
    try:
        loaded = yamlio.loads(text, "r.yaml")
        if isinstance(loaded.data, dict):
            schemas.validate(schemas.Spec, loaded)
    except UserError as exc:
        assert exc.problems and all(p.file == "r.yaml" and p.line > 0 and p.col > 0 for p in exc.problems), exc.render()


@SETTINGS
@given(st.dictionaries(spec_keys, values, max_size=6))
def test_random_specs_build_or_give_user_errors(tmp_path_factory, data):
    root = tmp_path_factory.mktemp("p")
    write_corpus(root)
    path = root / "briefs" / "water.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True))
    project = pipeline.Project(root)
    try:
        corpus = pipeline.load_corpus(project)
        pipeline.build_one(project, corpus, path, root / "out", ["docx", "pdf"])
    except UserError as exc:
        assert exc.problems and not (root / "out").exists()
        assert_positioned(exc)


def assert_positioned(exc: UserError) -> None:
    """Every error is at a line and column of the spec; warnings that ride along (the support
    check's, on the fixture's summary) are positioned too, in whatever file they concern."""
    errors = [p for p in exc.problems if p.severity == "error"]
    assert errors and all(p.file.endswith("water.yaml") and p.line > 0 and p.col > 0 for p in errors), exc.render()
    assert all(p.file and p.line > 0 and p.col > 0 for p in exc.problems), exc.render()


inline_text = st.text(st.characters(codec="utf-8"), min_size=1, max_size=80)


@SETTINGS
@given(inline_text, inline_text)
def test_random_inline_text_renders_in_both_formats(tmp_path_factory, point, claim):
    root = tmp_path_factory.mktemp("p")
    write_corpus(root)
    spec = root / "briefs" / "water.yaml"
    spec.write_text(yaml.safe_dump({"title": claim, "key_points": [point + " [@basin-report]"],
                                    "sections": [{"heading": point, "text": claim, "themes": ["scarcity"]}]},
                                   allow_unicode=True))
    project = pipeline.Project(root)
    try:
        built = pipeline.build_one(project, pipeline.load_corpus(project), spec, root / "out")
    except UserError as exc:  # e.g. a character YAML cannot hold, or Markdown that cites wrongly
        assert_positioned(exc)
        assert not (root / "out").exists()
        return
    assert sorted(p.suffix for p in built.files) == [".docx", ".pdf"]
    title = flat(printable_text(claim))  # the title is data: shown literally, every character kept
    docx_title = flat(para_text(docx_body(root / "out" / "water.docx")[0]))
    assert docx_title == title
    pdf_words = flat(" ".join(pdf_pages(root / "out" / "water.pdf")))
    assert "Regional Water Authority" in pdf_words, "the key point's citation became a note"
