"""Validation with pydantic, turned into positioned ``Problem`` records; and models derived from dataclasses.

``schemas`` declares the models; this module runs them over a loaded file and
reports every problem in it at once, as ``file:line:col: key.path: expected …, found …``.
"""

from __future__ import annotations

import ast
import dataclasses
import importlib
import inspect
import os
import sys
import textwrap
import types
import typing
from typing import Annotated, Any, TypeVar

# briefgen's models use no pydantic plugin; without this, building the first model scans the
# entry points of every installed distribution for plugins (10-20 ms of a cold build). A value
# the user set is kept.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from pydantic import BaseModel, Field, ValidationError, create_model
from pydantic_core import ErrorDetails

from briefgen.errors import Problem, UserError, did_you_mean
from briefgen.inputs.yamlio import Loaded


class _NoPlugins(types.ModuleType):
    """Stands in for ``pydantic.plugin._loader`` while ``PYDANTIC_DISABLE_PLUGINS`` is ``__all__``.

    Its ``get_plugins`` then returns no plugins, as pydantic's own does, but pydantic's module
    imports ``importlib.metadata`` (about 30 ms of a cold build) for the plugin scan that the
    setting switches off. Any other name loads pydantic's module (tests/test_ahead.py compares them).
    """

    def get_plugins(self, *args: Any, **kwargs: Any) -> tuple[()]:
        return ()

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # the import system asks for __path__, __file__…: a plain module has none
            raise AttributeError(name)
        sys.modules.pop(self.__name__, None)
        return getattr(importlib.import_module(self.__name__), name)


if os.environ["PYDANTIC_DISABLE_PLUGINS"] == "__all__":  # before any model's schema is built (they are deferred)
    sys.modules.setdefault("pydantic.plugin._loader", _NoPlugins("pydantic.plugin._loader"))

M = TypeVar("M", bound=BaseModel)


def validate(model: type[M], loaded: Loaded, data: Any = None, prefix: tuple = ()) -> M:
    """Return ``model`` built from ``loaded`` (or ``data`` at ``prefix``), or raise every problem at once."""
    try:
        return model.model_validate(loaded.data if data is None else data)
    except ValidationError as exc:
        given = loaded.data if data is None else data
        problems = [_problem(loaded, prefix + _data_path(given, tuple(e["loc"])), e, model) for e in exc.errors()]
        raise UserError(sorted(_dedupe(problems), key=lambda p: (p.line, p.col))) from None


def json_schema(model: type[BaseModel]) -> dict[str, Any]:
    """Return the JSON Schema of ``model``, with field docstrings as descriptions."""
    return describe(model).model_json_schema(by_alias=True)


# ---------------------------------------------------------------- field docstrings → descriptions, on demand

_DERIVED: dict[type, type] = {}
"""A model made by ``derive_model`` → the dataclass whose docstrings describe its fields."""
_DESCRIBED: set[type] = set()


def describe(model: type[M]) -> type[M]:
    """Return ``model`` with the docstring under each field as its description, in nested models too.

    This is what pydantic's ``use_attribute_docstrings`` does when a class is made, but
    reading the source of every model costs a cold ``build``, which never shows a
    description; so the JSON Schema, the reference tables and ``briefgen new`` ask here
    first. Docstrings of base classes count; a description given with ``Field`` wins.
    """
    if model in _DESCRIBED:
        return model
    _DESCRIBED.add(model)
    for field in model.model_fields.values():
        for nested in _models(field.annotation):
            describe(nested)
    docs: dict[str, str] = {}
    for klass in reversed(model.__mro__):
        if klass in _DERIVED:
            docs.update(attribute_docs(_DERIVED[klass]))
        elif issubclass(klass, BaseModel) and klass.__module__ != BaseModel.__module__ and "__pydantic_fields__" in vars(klass):
            docs.update(attribute_docs(klass))
    missing = {name: field for name, field in model.model_fields.items() if field.description is None and name in docs}
    for name, field in missing.items():
        field.description = docs[name]
        field._attributes_set["description"] = docs[name]
    if missing:
        model.model_rebuild(force=True)
    return model


def _models(annotation: Any) -> list[type[BaseModel]]:
    """Return the models named in a field's type (``list[Claim]``, ``Confidence | None``)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models(arg)]


# ---------------------------------------------------------------- one declaration: dataclass → model

BOUNDS = ("ge", "le", "pattern")
"""The ``dataclasses.field(metadata=…)`` keys that ``derive_model`` turns into constraints."""


def derive_model(cls: type, name: str, base: type[BaseModel], doc: str) -> type[BaseModel]:
    """Return a pydantic model with the fields of the dataclass ``cls``: types, defaults, bounds (docstrings: ``describe``).

    Tuples become fixed-length lists (YAML has no tuples) whose items keep the bounds;
    numbers must be finite; a field with ``metadata={"file": False}`` is left out.
    """
    hints = typing.get_type_hints(cls)
    fields: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if not f.metadata.get("file", True):
            continue
        bounds = {k: v for k, v in f.metadata.items() if k in BOUNDS}
        kind = hints[f.name]
        if typing.get_origin(kind) is tuple:
            items = typing.get_args(kind)
            item = Annotated[items[0], Field(**bounds, **_finite(items[0]))]  # type: ignore[valid-type]
            default = list(f.default) if isinstance(f.default, tuple) else []
            fields[f.name] = (list[item], Field(default, min_length=len(items), max_length=len(items)))
        else:
            fields[f.name] = (kind, Field(f.default, **bounds, **_finite(kind)))
    derived = create_model(name, __base__=base, __doc__=doc, **fields)
    _DERIVED[derived] = cls
    return derived


def _finite(kind: Any) -> dict[str, Any]:
    return {"allow_inf_nan": False} if kind is float else {}


def attribute_docs(cls: type) -> dict[str, str]:
    """Return field name → the docstring written under it in ``cls``'s source (as pydantic reads them)."""
    try:
        source = inspect.getsource(cls)
    except (OSError, TypeError):  # no source (an interactive session): no docstrings, as with pydantic
        return {}
    tree = ast.parse(textwrap.dedent(source))
    body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
    docs: dict[str, str] = {}
    for node, after in zip(body, body[1:], strict=False):
        if (isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and isinstance(after, ast.Expr)
                and isinstance(after.value, ast.Constant) and isinstance(after.value.value, str)):
            docs[node.target.id] = inspect.cleandoc(after.value.value)
    return docs


# ---------------------------------------------------------------- pydantic errors → problems

_TYPES = {str: "a string", bool: "true or false", int: "a whole number", float: "a number",
          list: "a list", dict: "a mapping", type(None): "nothing (null)"}


def _number(value: Any) -> str:
    """Return a bound as written: ``16``, not ``16.0``."""
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _found(value: Any) -> str:
    kind = _TYPES.get(type(value), type(value).__name__)
    return kind if isinstance(value, (list, dict)) or value is None else f"{kind} {value!r}"
def _data_path(data: Any, loc: tuple) -> tuple:
    """Return ``loc`` without pydantic's union-member tags (``str``, ``list[str]``, ``DateParts``).

    A part the data has as a key is always kept, so a user's key that looks like a tag (``a[0]``) stays.
    """
    path: list[Any] = []
    for part in loc:
        if isinstance(part, int):
            data = data[part] if isinstance(data, list) and 0 <= part < len(data) else None
        elif isinstance(data, dict) and part in data:
            data = data[part]
        elif part in ("str", "int", "float", "bool", "none") or "[" in part or part[:1].isupper():
            continue
        else:
            data = None
        path.append(part)
    return tuple(path)


def _problem(loaded: Loaded, loc: tuple, error: ErrorDetails, model: type[BaseModel]) -> Problem:
    """Translate one pydantic error into our message shape."""
    kind, value = error["type"], error.get("input")
    path = loc
    if kind == "extra_forbidden":
        known = _known_keys(model, path[:-1])
        return loaded.problem(path, f"unknown key {path[-1]!r}", did_you_mean(str(path[-1]), known)
                              or "known keys: " + ", ".join(known), key=True)
    if kind == "missing":
        return loaded.problem(path[:-1], f"expected the key {path[-1]!r}, found nothing", "add it")
    if kind in ("literal_error", "enum"):
        choices = error.get("ctx", {}).get("expected", "")
        options = [c.strip(" '") for c in str(choices).replace(" or ", ",").split(",")]
        return loaded.problem(path, f"expected one of {choices}, found {_found(value)}",
                              did_you_mean(str(value), options))
    expected = {"string_type": "a string", "bool_type": "true or false", "int_type": "a whole number",
                "list_type": "a list", "model_type": "a mapping", "dict_type": "a mapping",
                "model_attributes_type": "a mapping", "float_type": "a number", "finite_number": "a finite number"}.get(kind)
    if expected:
        hint = "put it in quotes" if expected == "a string" and isinstance(value, (int, float, bool)) else ""
        return loaded.problem(path, f"expected {expected}, found {_found(value)}", hint)
    if kind == "string_pattern_mismatch" and error.get("ctx", {}).get("pattern") == r"^#[0-9A-Fa-f]{6}$":
        return loaded.problem(path, f"expected a colour as #rrggbb, found {_found(value)}", "e.g. #1F3A5F")
    bounds = {"greater_than_equal": "ge", "less_than_equal": "le", "too_short": "min_length"}
    if kind in bounds:
        ctx = error.get("ctx", {})
        limit = {"greater_than_equal": f"a number of at least {_number(ctx.get('ge'))}",
                 "less_than_equal": f"a number of at most {_number(ctx.get('le'))}",
                 "too_short": f"at least {ctx.get('min_length')} item(s)"}[kind]
        return loaded.problem(path, f"expected {limit}, found {_found(value)}")
    return loaded.problem(path, f"{error['msg'][0].lower()}{error['msg'][1:]}, found {_found(value)}")


def _known_keys(model: type[BaseModel], path: tuple) -> list[str]:
    """Return the keys the model accepts at ``path`` (for "did you mean")."""
    current: Any = model
    for part in path:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part) if hasattr(current, "model_fields") else None
        if field is None:
            return []
        current = _inner_model(field.annotation)
    if not hasattr(current, "model_fields"):
        return []
    return [f.alias or n for n, f in current.model_fields.items()]


def _inner_model(annotation: Any) -> Any:
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None


def _dedupe(problems: list[Problem]) -> list[Problem]:
    unique: dict[str, Problem] = {}
    for problem in problems:
        unique.setdefault(str(problem), problem)
    return list(unique.values())
