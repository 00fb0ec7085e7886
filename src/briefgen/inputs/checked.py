"""Validate an input file against its schema, without importing pydantic when the file is valid.

``validate("Spec", loaded)`` first reads ``plan`` (the schemas as data, generated from
``schemas``) with a small validator that accepts only what pydantic's strict models
accept and gives the same values: exact types (a whole number for a ``float`` field
becomes a float, as pydantic makes it), literals, bounds, lists, nested models,
unions with exactly one member that fits, defaults. On anything else (a wrong or
missing key, a union two members fit, a key named by a field's Python name instead
of its alias, a string a pattern should judge with a newline or non-ASCII text) it
has no answer, and pydantic validates as before (``validation.validate``): its
problems and messages are the only ones there are. Either way the answer is
``records``. tests/test_checked.py compares both paths on the project's files,
the fuzzer's mutations and hostile inputs.

Importing pydantic, building its models and their validators is about 0.35 G
instructions (~0.1 s) of a cold ``build``, before anything is read.
"""

from __future__ import annotations

import math
import re
from typing import Any

from briefgen.inputs import records
from briefgen.inputs.plan import MODELS
from briefgen.inputs.yamlio import Loaded

_NO = object()
"""No answer: pydantic decides."""

TAKEN = [0, 0]
"""(answered here, handed to pydantic): counts for tests and measurements."""


def validate(name: str, loaded: Loaded, data: Any = None, prefix: tuple = ()) -> Any:
    """Return the records of model ``name`` for ``loaded`` (or ``data`` at ``prefix``), or raise every problem at once."""
    given = loaded.data if data is None else data
    try:
        answer = model(name, given)
    except Exception:  # anything unforeseen: pydantic decides
        answer = _NO
    if answer is not _NO:
        TAKEN[0] += 1
        return answer
    TAKEN[1] += 1
    from briefgen.inputs import schemas, validation
    return records.from_model(validation.validate(getattr(schemas, name), loaded, data, prefix))


def model(name: str, data: Any) -> Any:
    """Return the record of model ``name`` for ``data``, or ``_NO``."""
    if type(data) is not dict:
        return _NO
    extra_keys, _strict, fields = MODELS[name]
    values: dict[str, Any] = {}
    used = 0
    for field, alias, node, default in fields:
        key = alias or field
        if alias and field in data:  # populate_by_name: pydantic decides which one counts
            return _NO
        if key in data:
            found = value(node, data[key])
            if found is _NO:
                return _NO
            values[field] = found
            used += 1
        elif default:
            values[field] = records.fresh(default[0])
        else:
            return _NO
    extra = None
    if used != len(data):
        if extra_keys != "allow":
            return _NO
        known = {alias or field for field, alias, _, _ in fields}
        extra = {k: v for k, v in data.items() if k not in known}
        if not all(type(k) is str for k in extra):
            return _NO
    return records.CLASSES[name].make(values, extra)


def value(node: tuple, found: Any) -> Any:
    """Return ``found`` as the field of type ``node`` holds it, or ``_NO``."""
    kind, argument, bounds = node
    kind_of = type(found)
    if kind == "str":
        return found if kind_of is str and (not bounds or _text_bounds(found, bounds)) else _NO
    if kind == "bool" or kind == "none":
        return found if kind_of is (bool if kind == "bool" else type(None)) else _NO
    if kind == "lit":
        return found if kind_of is str and found in argument and not bounds else _NO
    if kind == "int":
        return found if kind_of is int and _number_bounds(found, bounds) else _NO
    if kind == "float":
        if kind_of is int and abs(found) < 2 ** 53:
            found = float(found)
        elif kind_of is not float:
            return _NO
        finite = bounds.get("inf_nan", True) or math.isfinite(found)
        return found if finite and _number_bounds(found, bounds) else _NO
    if kind == "list":
        if kind_of is not list or not _length(found, bounds):
            return _NO
        items = [value(argument, item) for item in found]
        return _NO if any(item is _NO for item in items) else items
    if kind == "model":
        return _NO if bounds else model(argument, found)
    if kind == "union":
        fits = [answer for answer in (value(member, found) for member in argument) if answer is not _NO]
        return fits[0] if len(fits) == 1 else _NO
    return _NO


def _number_bounds(number: float, bounds: dict[str, Any]) -> bool:
    unknown = set(bounds) - {"ge", "le", "inf_nan"}
    return not unknown and number >= bounds.get("ge", number) and number <= bounds.get("le", number)


def _length(items: Any, bounds: dict[str, Any]) -> bool:
    unknown = set(bounds) - {"min", "max"}
    return not unknown and bounds.get("min", 0) <= len(items) <= bounds.get("max", len(items))


def _text_bounds(text: str, bounds: dict[str, Any]) -> bool:
    pattern = bounds.get("pattern")
    if pattern is not None and not (text.isascii() and "\n" not in text and re.search(pattern, text)):
        return False  # pydantic's regex engine judges anything else
    return _length(text, {k: v for k, v in bounds.items() if k != "pattern"})
