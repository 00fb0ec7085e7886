"""The reference for users, generated from the schemas' field docstrings: README tables and ``briefgen new`` comments.

The docstrings in ``schemas`` (and ``model.Style``) are the one declaration of what
each key means. This module turns them into Markdown tables between marker
comments (``<!-- generated: NAME -->`` … ``<!-- end -->``) and into the comments
of a new spec; ``python -m briefgen.docs`` rewrites the README, and a test fails
when README and schema differ.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from briefgen.inputs import schemas, validation

TABLES: dict[str, tuple[type[BaseModel], bool]] = {
    "spec-keys": (schemas.Spec, True),
    "section-keys": (schemas.Section, False),
    "option-keys": (schemas.Option, False),
    "confidence-keys": (schemas.Confidence, False),
    "house-style-keys": (schemas.HouseStyle, False),
}
"""Marker name → (model, whether a single nested mapping such as ``citations`` is flattened to ``citations.style``)."""

COLOUR = r"^#[0-9A-Fa-f]{6}$"

BLOCK = re.compile(r"(<!-- generated: (?P<name>[\w-]+) -->\n)(?P<body>.*?)(<!-- end -->)", re.DOTALL)


def keys(model: type[BaseModel], flatten: bool = False, prefix: str = "") -> Iterator[tuple[str, Any, dict[str, Any]]]:
    """Yield (dotted key, pydantic field, JSON Schema property) for every key of ``model``, in declaration order."""
    schema = validation.json_schema(model)
    for name, field in model.model_fields.items():
        key = field.alias or name
        prop = schema["properties"][key]
        nested = field.annotation if isinstance(field.annotation, type) and issubclass(field.annotation, BaseModel) else None
        if flatten and nested is not None:
            yield from keys(nested, flatten, prefix + key + ".")
        else:
            yield prefix + key, field, _resolve(prop, schema)


def missing_descriptions(model: type[BaseModel]) -> list[str]:
    """Return the keys of ``model`` and of every model nested in it that have no description."""
    schema = validation.json_schema(model)
    found = []
    for name, definition in [(schema.get("title", ""), schema), *schema.get("$defs", {}).items()]:
        for key, prop in definition.get("properties", {}).items():
            if not prop.get("description", "").strip():
                found.append(f"{name}.{key}")
    return found


def table(model: type[BaseModel], flatten: bool = False) -> str:
    """Return the Markdown reference table of ``model``: key, type, default, meaning."""
    rows = ["| key | type | default | meaning |", "|---|---|---|---|"]
    for key, field, prop in keys(model, flatten):
        meaning = (field.description or "").replace("\n", " ").replace("|", "\\|")
        rows.append(f"| `{key}` | {type_name(prop)} | {default(field)} | {meaning} |")
    return "\n".join(rows) + "\n"


def update(text: str) -> str:
    """Return ``text`` with every generated block replaced by the current table."""
    def fill(match: re.Match[str]) -> str:
        model, flatten = TABLES[match["name"]]
        return match.group(1) + table(model, flatten) + match.group(4)
    return BLOCK.sub(fill, text)


def summary(field: Any) -> str:
    """Return the first sentence of a field's description, as plain text (for a YAML comment)."""
    text = re.sub(r"`+([^`]*)`+", r"\1", (field.description or "").replace("\n", " "))
    return re.split(r"(?<=[\w)\"])[.;] ", text.rstrip("."), maxsplit=1)[0]


def type_name(prop: dict[str, Any]) -> str:
    """Return a reader's name for a JSON Schema property's type, with its choices or bounds."""
    if "anyOf" in prop:
        names = dict.fromkeys(type_name(p) for p in prop["anyOf"] if p.get("type") != "null")
        return " or ".join(names)
    if "enum" in prop or "const" in prop:
        choices = [f"`{c}`" for c in prop.get("enum", [prop.get("const")])]
        return ", ".join(choices[:-1]) + " or " + choices[-1] if len(choices) > 1 else choices[0]
    if prop.get("pattern") == COLOUR:
        return "colour `#rrggbb`"
    kind = {"string": "string", "boolean": "bool", "integer": "integer", "number": "number",
            "array": "list", "object": "mapping"}.get(prop.get("type", ""), "mapping")
    item = prop.get("items", {})
    if kind == "list" and prop.get("minItems") and prop.get("minItems") == prop.get("maxItems"):
        return f"{prop['minItems']} {type_name({k: v for k, v in item.items() if k not in ('minimum', 'maximum')})}s" + _range(item)
    if kind == "list" and ("enum" in item or "anyOf" in item):
        return "list of " + type_name(item).replace(" or ", ", ")
    if kind == "list" and item:
        return f"list of {type_name(item)}s" if "$ref" not in item else "list of mappings"
    return kind + _range(prop)


def _range(prop: dict[str, Any]) -> str:
    low, high = prop.get("minimum"), prop.get("maximum")
    if low is not None and high is not None:
        return f", {_number(low)}–{_number(high)}"
    return f", ≥ {_number(low)}" if low is not None else ""


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def default(field: Any) -> str:
    """Return a field's default as the README shows it."""
    if field.is_required():
        return "required"
    value = field.get_default(call_default_factory=True)
    if isinstance(value, BaseModel):
        value = value.model_dump(by_alias=True)
    if value is None:
        return "none"
    if value == "":
        return '""'
    return f"`{yaml_value(value)}`"


def yaml_value(value: Any) -> str:
    """Return ``value`` in YAML flow style (``[docx, pdf]``, ``false``, ``10.5``)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(yaml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {yaml_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, float):
        return _number(value)
    if isinstance(value, str) and (not value or re.search(r"[:#\[\]{},&*!|>'\"%@`]|^[\s\d.+-]|\s$", value)
                                   or value.lower() in ("true", "false", "null", "yes", "no", "on", "off", "~")):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _resolve(prop: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    ref = prop.get("$ref", "")
    return schema["$defs"][ref.rsplit("/", 1)[-1]] if ref.startswith("#/$defs/") else prop
