"""``python -m briefgen.inputs.plangen``: write ``inputs/plan.py``, the schemas as plain data, from the pydantic models.

``schemas`` stays the one declaration of every input file. ``plan`` restates it as
tuples and literals that ``checked`` (standard library only) can read without
importing pydantic; tests/test_checked.py fails when regenerating it gives other
bytes. A construct the plan cannot express (a validator, another constraint, a
non-literal default) stops the generator instead of being left out.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from briefgen.inputs import schemas

ROOTS: dict[str, type[BaseModel]] = {"Spec": schemas.Spec, "SummaryFile": schemas.SummaryFile, "SourceEntry": schemas.SourceEntry,
         "HouseStyle": schemas.HouseStyle}
"""The models the loaders validate with; nested models are found from their fields."""

_SCALARS = {str: "str", bool: "bool", int: "int", float: "float", type(None): "none"}
_BOUNDS = {"Ge": ("ge", "ge"), "Le": ("le", "le"), "MinLen": ("min_length", "min"), "MaxLen": ("max_length", "max"),
           "AllowInfNan": ("allow_inf_nan", "inf_nan")}


def _bounds(metadata: list[Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for item in metadata:
        name = type(item).__name__
        if name in _BOUNDS:
            attr, key = _BOUNDS[name]
            out[key] = getattr(item, attr)
        elif name == "_PydanticGeneralMetadata" and set(vars(item)) == {"pattern"}:
            out["pattern"] = item.pattern
        else:
            raise ValueError(f"plan: constraint {item!r} is not known to inputs.checked")
    return out


def node(annotation: Any, metadata: list[Any], models: dict[str, type[BaseModel]]) -> tuple:
    """Return ``(kind, argument, bounds)`` for a field's type (``checked.value`` reads it)."""
    bounds = _bounds(metadata)
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        extra = [m for info in args[1:] for m in (info.metadata if isinstance(info, FieldInfo) else [info])]
        return node(args[0], metadata + extra, models)
    if origin in (typing.Union, types.UnionType):
        if bounds and (len(args) != 2 or type(None) not in args):  # pydantic puts X | None's bounds on X
            raise ValueError(f"plan: bounds on a union {annotation!r}")
        return ("union", tuple(node(a, [] if a is type(None) else metadata, models) for a in args), {})
    if origin is typing.Literal:
        if not all(type(a) is str for a in args):
            raise ValueError(f"plan: a literal other than strings {annotation!r}")
        return ("lit", tuple(args), bounds)
    if origin is list:
        return ("list", node(args[0], [], models), bounds)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        _model(annotation, models)
        return ("model", annotation.__name__, bounds)
    if annotation in _SCALARS and origin is None:
        return (_SCALARS[annotation], None, bounds)
    raise ValueError(f"plan: type {annotation!r} is not known to inputs.checked")


def _default(field: FieldInfo) -> tuple:
    """Return ``()`` for a required field, else ``(value,)``; a model default is ``(("model", name),)``."""
    if field.is_required():
        return ()
    value = field.get_default(call_default_factory=True)
    if isinstance(value, BaseModel):
        if value != type(value)():
            raise ValueError(f"plan: a model default other than its own defaults {value!r}")
        return (("model", type(value).__name__),)
    if not _literal(value):
        raise ValueError(f"plan: default {value!r} is not a literal")
    return (value,)


def _literal(value: Any) -> bool:
    if isinstance(value, list):
        return all(_literal(v) for v in value)
    return type(value) in (str, int, float, bool, type(None))


def _model(model: type[BaseModel], models: dict[str, type[BaseModel]]) -> None:
    if model.__name__ in models:
        if models[model.__name__] is not model:
            raise ValueError(f"plan: two models named {model.__name__}")
        return
    models[model.__name__] = model
    config = model.model_config
    if config.get("extra") not in ("forbid", "allow") or not config.get("populate_by_name") or not config.get("frozen"):
        raise ValueError(f"plan: {model.__name__}'s configuration is not known to inputs.checked")
    decorators = model.__pydantic_decorators__
    if any(getattr(decorators, f.name) for f in dataclasses.fields(decorators)):
        raise ValueError(f"plan: {model.__name__} has validators")


def plan() -> dict[str, tuple]:
    """Return model name → (extra, strict, fields); a field is (name, alias or None, node, default)."""
    models: dict[str, type[BaseModel]] = {}
    for model in ROOTS.values():
        _model(model, models)
    out: dict[str, tuple] = {}
    done: set[str] = set()
    while len(done) < len(models):
        for name, model in list(models.items()):
            if name in done:
                continue
            done.add(name)
            fields = tuple((key, field.alias if field.alias != key else None, node(field.annotation, list(field.metadata), models),
                            _default(field)) for key, field in model.model_fields.items())
            out[name] = (model.model_config["extra"], bool(model.model_config.get("strict")), fields)
    return dict(sorted(out.items()))


def source() -> str:
    """Return the text of ``plan.py``."""
    lines = ['"""The input schemas as plain data: written by ``python -m briefgen.inputs.plangen`` from ``schemas``; do not edit.',
             "",
             "Model name → (extra keys: forbid|allow, strict, fields); a field is (name, alias or None, (kind, argument, bounds),",
             '() when required else (default,)). Read by ``checked``."""', "", "from typing import Any", "", "MODELS: dict[str, Any] = {"]
    for name, (extra, strict, fields) in plan().items():
        lines.append(f"    {name!r}: ({extra!r}, {strict!r}, (")
        lines += [f"        {field!r}," for field in fields]
        lines.append("    )),")
    lines.append("}")
    return "\n".join(lines) + "\n"


def write() -> Path:
    target = Path(__file__).with_name("plan.py")
    target.write_text(source(), encoding="utf-8")
    return target


if __name__ == "__main__":
    print(f"wrote {write()}")
