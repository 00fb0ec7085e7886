"""One declaration per key: the README tables, ``briefgen new`` and the house style all come from the schemas."""

from __future__ import annotations

import dataclasses

import pytest
import yaml

from briefgen import model
from briefgen.inputs import housestyle, reference, scaffold, schemas, validation
from briefgen.inputs.summary import Summary
from conftest import ROOT

MODELS = (schemas.Spec, schemas.SummaryFile, schemas.SourceEntry, schemas.HouseStyle)


@pytest.mark.parametrize("schema", MODELS, ids=lambda m: m.__name__)
def test_every_field_has_a_description(schema):
    assert reference.missing_descriptions(schema) == []


def test_a_field_without_a_docstring_is_caught():
    class Bare(schemas.Citations):
        extra_key: str = ""

    assert reference.missing_descriptions(Bare) == ["Bare.extra_key"]


def test_the_readme_tables_match_the_schemas():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert set(reference.TABLES) <= set(m["name"] for m in reference.BLOCK.finditer(text)), "a generated table is missing"
    assert reference.update(text) == text, "README tables differ from the schemas: run `python -m briefgen.docs`"


def test_update_rewrites_only_between_the_markers():
    text = "intro\n<!-- generated: section-keys -->\nstale\n<!-- end -->\noutro\n"
    updated = reference.update(text)
    assert updated.startswith("intro\n<!-- generated: section-keys -->\n| key |") and updated.endswith("<!-- end -->\noutro\n")
    assert "| `min_sources` | integer, ≥ 1 | `1` | Only claims supported by at least this many sources" in updated
    assert "stale" not in updated


def test_new_spec_explains_every_key_and_is_valid():
    summary = Summary((schemas.Theme(id="t1", title="First theme", claims=[]),), {})
    text = scaffold.new_spec("A brief", ["t1"], summary, "2026-01-02")
    data = yaml.safe_load(text)
    schemas.Spec.model_validate(data, strict=False)
    assert data["sections"][0]["themes"] == ["t1"] and data["date"] == "2026-01-02"
    lines = text.splitlines()
    for models in ((schemas.Spec, True), (schemas.Section, False)):
        for key, field, _ in reference.keys(*models):
            name = key.rpartition(".")[2]
            assert any(line.lstrip("-# ").startswith(f"{name}:") and line.endswith("# " + reference.summary(field))
                       for line in lines), f"{key} is not explained in the new spec"


def test_the_house_style_is_declared_once():
    fields = [f.name for f in dataclasses.fields(model.Style) if f.name != "name"]
    assert list(schemas.HouseStyle.model_fields) == fields
    defaults = housestyle.house_style_values(schemas.HouseStyle())
    assert model.Style(**defaults) == model.Style()
    validation.describe(schemas.HouseStyle)
    for field in dataclasses.fields(model.Style):
        if field.name in schemas.HouseStyle.model_fields:
            assert schemas.HouseStyle.model_fields[field.name].description == validation.attribute_docs(model.Style)[field.name]


def test_the_derived_house_style_checks_types_bounds_and_keys_with_positions(tmp_path):
    from briefgen.errors import UserError
    from briefgen.inputs import housestyle

    (tmp_path / "styles").mkdir()
    (tmp_path / "styles" / "x.yaml").write_text(
        "body_size: 20\nmargins_mm: [1, 2, .nan, 4]\naccent: red\nbody_fnt: sans\nheading_sizes: [12, 10]\n")
    with pytest.raises(UserError) as caught:
        housestyle.load_style("x", tmp_path)
    lines = [line.split("styles/x.yaml:", 1)[1] for line in caught.value.render().splitlines()]
    assert lines == [
        "1:12: body_size: expected a number of at most 16, found a whole number 20",
        "2:20: margins_mm.2: expected a finite number, found a number nan",
        "3:9: accent: expected a colour as #rrggbb, found a string 'red' (e.g. #1F3A5F)",
        "4:1: body_fnt: unknown key 'body_fnt' (did you mean 'body_font'?)",
        "5:16: heading_sizes: expected at least 3 item(s), found a list",
    ]
    assert isinstance(housestyle.load_style("default", tmp_path), model.Style)  # the shipped default still loads
