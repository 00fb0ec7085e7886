"""``inputs.checked``: the standard-library validator answers only where pydantic gives the same values.

Every loader's answer is ``records``; pydantic is imported only for files the small
validator declines (every invalid file, so every message stays pydantic's and ours).
"""

from __future__ import annotations

import json
import math
import pickle
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from briefgen.errors import UserError
from briefgen.inputs import checked, plangen, records, schemas, yamlio
from briefgen.inputs.plan import MODELS

ROOT = Path(__file__).resolve().parents[1]


def test_plan_is_generated_from_the_schemas():
    """``plan.py`` is what ``python -m briefgen.inputs.plangen`` writes today (edit schemas, then regenerate)."""
    assert (ROOT / "src/briefgen/inputs/plan.py").read_text(encoding="utf-8") == plangen.source()


def _typed(value: Any) -> Any:
    """``value`` with every type spelled out, so 1, 1.0 and True differ and dict order counts."""
    if isinstance(value, dict):
        return ("dict", tuple((k, _typed(v)) for k, v in value.items()))
    if isinstance(value, list):
        return ("list", tuple(_typed(v) for v in value))
    if isinstance(value, float) and math.isnan(value):
        return ("float", "nan")
    return (type(value).__name__, value)


DUMPS = [{}, {"by_alias": True}, {"exclude_defaults": True}, {"by_alias": True, "exclude_defaults": True}]


def compare(name: str, data: Any) -> bool:
    """Assert the fast answer (if any) is pydantic's; return whether the fast validator answered."""
    try:
        fast = checked.model(name, data)
    except Exception as exc:  # checked.validate hands this to pydantic; here it is a failure to look at
        raise AssertionError(f"checked.model raised {exc!r} on {data!r}") from exc
    try:
        slow = getattr(schemas, name).model_validate(data)
    except ValidationError:
        assert fast is checked._NO, (name, data)
        return False
    if fast is checked._NO:
        return False
    assert type(fast) is records.CLASSES[name]
    for options in DUMPS:
        assert _typed(fast.model_dump(**options)) == _typed(slow.model_dump(**options)), (name, data, options)
    assert fast == records.from_model(slow) and fast == slow and slow == fast, (name, data)
    for field in records.CLASSES[name]._fields:
        assert _typed(_plain(getattr(fast, field))) == _typed(_plain(getattr(slow, field)))
    return True


def _plain(value: Any) -> Any:
    if hasattr(value, "model_dump"):
        return value.model_dump()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _documents(raw: bytes) -> list[tuple[str, Any]]:
    """(model, data) pairs a loader would validate in the file ``raw``; every dict is also tried as every file model."""
    try:
        data = yamlio._parse(Path("t.yaml"), "t.yaml", raw).data
    except UserError:
        return []
    pairs: list[tuple[str, Any]] = []
    if isinstance(data, list):
        pairs += [("SourceEntry", item) for item in data]
    if isinstance(data, dict) or data is None:
        pairs += [(name, data or {}) for name in ("Spec", "SummaryFile", "HouseStyle", "SourceEntry")]
    return pairs


PROJECT = sorted(p for folder in ("briefs", "summary", "sources", "templates", "examples") for p in (ROOT / folder).rglob("*")
                 if p.suffix in (".yaml", ".json") and p.is_file())


def test_the_projects_files_are_answered_here_as_pydantic_answers():
    expected = {"briefs": "Spec", "summary": "SummaryFile", "sources": "SourceEntry", "styles": "HouseStyle"}
    answered = 0
    for path in PROJECT:
        kind = next((model for folder, model in expected.items() if folder in path.relative_to(ROOT).parts), None)
        for name, data in _documents(path.read_bytes()):
            taken = compare(name, data)
            if name == kind:  # a valid project file never needs pydantic
                assert taken, path
                answered += 1
    assert answered > 20


def test_the_fuzzers_mutations_are_answered_as_pydantic_answers():
    import fuzzing

    rng = random.Random(13)
    taken = declined = 0
    for _ in range(300):
        for raw in fuzzing.generate(rng, ROOT)[1].values():
            for name, data in _documents(raw):
                if compare(name, data):
                    taken += 1
                else:
                    declined += 1
    assert taken > 100 and declined > 100, (taken, declined)


ODD = [None, True, False, 0, 1, -1, 2, 7, 2 ** 60, 1.5, 0.0, -0.5, 100.5, float("nan"), float("inf"), "", "x", "é", "A4",
       "#1F3A5F", "#1f3a5G", "#1F3A5F\n", "#１F3A5F", "2024-05-01", "curated", "high", "footnotes", "TLP:RED", "pdf", [], [1],
       ["x"], [[2024, 5]], {}, {"family": "F"}, {"date-parts": [[2024]]}, {"x": 1}]


def _value(node: tuple, rng: random.Random, depth: int = 0) -> Any:
    if rng.random() < 0.04:
        return rng.choice(ODD)
    kind, argument, bounds = node
    if kind == "str":
        return rng.choice(["#1F3A5F", "#abcdef", "text", "", "Ünïcode", "#ABCDEF "]) if "pattern" in bounds else rng.choice(["a", "", "long text é"])
    if kind == "bool":
        return rng.choice([True, False])
    if kind == "none":
        return None
    if kind == "lit":
        return rng.choice(argument)
    if kind in ("int", "float"):
        low, high = bounds.get("ge", -5), bounds.get("le", 50)
        number = rng.choice([low, high, (low + high) / 2, low - 1, high + 1, int(low + 1)])
        return rng.choice([number, float(number), int(number)]) if kind == "float" else int(number)
    if kind == "list":
        size = rng.choice([bounds.get("min", 0), bounds.get("max", 2), bounds.get("min", 0) + 1, 0, 3])
        return [_value(argument, rng, depth + 1) for _ in range(size)]
    if kind == "model":
        return _data(argument, rng, depth + 1)
    return _value(rng.choice(argument), rng, depth)


def _data(name: str, rng: random.Random, depth: int = 0) -> dict[str, Any]:
    _extra, _strict, fields = MODELS[name]
    data: dict[str, Any] = {}
    for field, alias, node, default in fields:
        if (default and rng.random() < 0.6) or depth > 3 or rng.random() < 0.02:
            continue
        key = alias if alias and rng.random() > 0.05 else field
        data[key] = _value(node, rng, depth)
        if alias and rng.random() < 0.03:
            data[field] = _value(node, rng, depth)
    if rng.random() < 0.05:
        data[rng.choice(["extra", "note2", "a[0]", "citation-key", "str"])] = rng.choice(ODD)
    return data


@pytest.mark.parametrize("name", sorted(MODELS))
def test_generated_documents_are_answered_as_pydantic_answers(name):
    rng = random.Random(name)
    taken = declined = 0
    for _ in range(1500):
        if compare(name, _data(name, rng)):
            taken += 1
        else:
            declined += 1
    assert taken > 100 and declined > 50, (taken, declined)


def test_hostile_values_are_left_to_pydantic():
    valid = {"title": "T"}
    for key, value in [("title", 1), ("title", None), ("draft", 1), ("max_pages", True), ("max_pages", 1.0), ("max_pages", 0),
                       ("formats", []), ("formats", ("pdf",)), ("marking", "TLP:red"), ("author", [1]), ("sections", [{}]),
                       ("citations", {"placement": "inline"}), ("unknown", 1), ("page_size", "A5")]:
        assert checked.model("Spec", valid | {key: value}) is checked._NO, (key, value)
    assert checked.model("Spec", valid) is not checked._NO
    style = {"margins_mm": [20, 20, 20, 20]}
    assert checked.model("HouseStyle", style).margins_mm == [20.0, 20.0, 20.0, 20.0]
    for value in ([20, 20, 20], [20, 20, 20, float("nan")], [20, 20, 20, True], [20, 20, 20, 101]):
        assert checked.model("HouseStyle", {"margins_mm": value}) is checked._NO
    assert checked.model("HouseStyle", {"accent": "#1F3A5F\n"}) is checked._NO
    assert checked.model("SourceEntry", {"id": "a", "container_title": "c"}) is checked._NO  # populate_by_name
    entry = checked.model("SourceEntry", {"id": "a", "container-title": "c", "citation-key": "k", "issued": {"date-parts": [[2024, 5]]}})
    assert entry.container_title == "c" and entry.model_dump(by_alias=True)["citation-key"] == "k"
    assert entry.issued.date_parts == [[2024, 5]]


def test_a_union_answers_only_when_exactly_one_member_fits():
    """Two members that both fit a value (a wider and a narrower string type, say) leave the choice to
    pydantic's smart-mode union, which may pick either; today's schemas have no such union, so the rule is
    checked on a plan node written here."""
    wide, narrow = ("str", None, {}), ("str", None, {"max": 3})
    assert checked.value(("union", (wide, ("int", None, {})), {}), "abcd") == "abcd"
    assert checked.value(("union", (wide, narrow), {}), "abcd") == "abcd"  # only the wide one fits
    assert checked.value(("union", (wide, narrow), {}), "ab") is checked._NO  # both fit: pydantic decides
    assert checked.value(("union", (narrow, ("int", None, {})), {}), 1.5) is checked._NO  # none fits


def test_invalid_files_get_pydantics_messages(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text("title: T\nmax_pages: 0\nformats: [odt]\n", encoding="utf-8")
    before = list(checked.TAKEN)
    with pytest.raises(UserError) as caught:
        checked.validate("Spec", yamlio.load(path))
    assert checked.TAKEN[1] == before[1] + 1
    assert [str(p) for p in caught.value.problems] == [str(p) for p in pytest.raises(UserError, schemas.validate, schemas.Spec,
                                                                                      yamlio.load(path)).value.problems]
    assert "max_pages: expected a number of at least 1, found a whole number 0" in str(caught.value.problems[0])


def test_records_behave_as_the_models_do():
    data = {"title": "T", "sections": [{"heading": "H", "text": "x"}], "confidence": {"level": "low"}}
    fast, slow = checked.model("Spec", data), schemas.Spec.model_validate(data)
    copied = fast.model_copy(update={"title": "U"})
    assert copied.title == "U" and fast.title == "T" and copied.sections is fast.sections
    assert _typed(copied.model_dump()) == _typed(slow.model_copy(update={"title": "U"}).model_dump())
    assert pickle.loads(pickle.dumps(fast)) == fast
    assert hash(checked.model("Name", {"family": "F"})) == hash(checked.model("Name", {"family": "F"}))
    with pytest.raises(TypeError):
        hash(fast)  # lists inside, as with pydantic's frozen models
    with pytest.raises(AttributeError):
        fast.title = "V"
    with pytest.raises(AttributeError):
        _ = fast.nothing
    assert repr(schemas.Name(family="F")) == repr(checked.model("Name", {"family": "F"}))
    assert fast != checked.model("Spec", data | {"title": "U"})
    assert json.dumps(fast.model_dump())  # plain data all the way down


def test_a_cold_build_does_not_import_pydantic(tmp_path):
    """The build path (load the corpus and spec, compose) of a valid project never imports pydantic."""
    script = ("import sys\nfrom pathlib import Path\nfrom briefgen import pipeline\nfrom briefgen.inputs.project import Project\n"
              f"project = Project(Path({str(ROOT)!r}))\ncorpus = pipeline.load_corpus(project)\n"
              "from briefgen.inputs import spec, housestyle\n"
              f"brief = spec.load_spec(Path({str(ROOT / 'briefs' / 'chip-export-limits.yaml')!r}), corpus.summary, corpus.sources)\n"
              "model = pipeline.document(project, corpus, brief)\n"
              "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'pydantic_core', 'typer')))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]", done.stdout + done.stderr
