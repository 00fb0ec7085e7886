"""Scaffolding and editor support: ``briefgen new`` specs and ``briefgen schema`` JSON Schemas.

A new spec lists every key of ``schemas.Spec`` and ``schemas.Section``, set or
commented out, each with the first sentence of its docstring: the comments come
from the same declaration as the JSON Schemas and the README tables.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from briefgen.inputs import reference, schemas, starter
from briefgen.inputs.summary import Summary

SCHEMA_FILES: dict[str, type[BaseModel]] = {
    "spec.schema.json": schemas.Spec,
    "summary.schema.json": schemas.SummaryFile,
    "source.schema.json": schemas.SourceEntry,
    "style.schema.json": schemas.HouseStyle,
}

EXAMPLES: dict[str, Any] = {"max_pages": 2, "page_size": "A4", "since": "2024-01-01", "until": "2024-12-31", "limit": 4,
                            "text": "Your own Markdown before the claims [@source-id].", "claims": ["claim-id"],
                            "include_sources": ["source-id"], "exclude_sources": ["source-id"], "placement": "footnotes"}
"""Values shown for keys left commented out, where the default (none, empty) would say little."""

COMMENT_AT = 30
"""The column where a key's comment starts."""


def json_schemas() -> dict[str, str]:
    """Return file name → JSON Schema text for the spec, the summary, a source and a house style."""
    out = {}
    for name, model in SCHEMA_FILES.items():
        schema = schemas.json_schema(model)
        if model is schemas.SourceEntry:
            schema = {"title": "Sources", "type": "array", "items": schema}
        out[name] = json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    return out


def new_spec(title: str, theme_ids: list[str], summary: Summary, date: str, author: str = "") -> str:
    """Return the text of a valid spec over ``theme_ids`` (default: the themes with printable claims, see
    ``starter``), with every key explained."""
    theme_ids = theme_ids or starter.default_themes(summary)
    chosen: dict[str, Any] = {"title": title, "subtitle": "", "author": author, "date": date, "lang": "en-GB",
                              "audience": "", "marking": "TLP:GREEN", "formats": ["docx", "pdf"], "bottom_line": "",
                              "key_points": [], "recommendations": [], "annex": False}
    lines = ["# yaml-language-server: $schema=../schemas/spec.schema.json",
             "# A brief spec. Build it with `briefgen build briefs/<this file>`; `briefgen schema` documents every key.",
             "# Keys left commented out take their default; uncomment one to use it."]
    for key, field, _ in reference.keys(schemas.Spec, flatten=True):
        if key == "sections":
            lines.append(_line("sections:", field))
            themes: list[tuple[str, str | None]] = [(summary.theme(t).title, t) for t in theme_ids] or [("Findings", None)]
            for index, (heading, theme) in enumerate(themes):
                lines += _section(heading, theme, every_key=index == 0, summary=summary)
        elif key.startswith("citations."):
            if key == "citations.style":
                lines.append("citations:")
            name = key.split('.')[1]
            if field.default is None:  # placement: the style's own unless set
                lines.append(_line(f"  # {_key_value(name, field, EXAMPLES[name])}", field))
            else:
                lines.append(_line(f"  {_key_value(name, field, field.default)}", field))
        elif key in chosen or field.is_required():
            lines.append(_line(_key_value(key, field, chosen.get(key, "")), field))
        else:
            lines.append(_line("# " + _key_value(key, field, EXAMPLES.get(key, _default(field))), field))
    return "\n".join(lines) + "\n"


def _section(heading: str, theme: str | None, every_key: bool, summary: Summary) -> list[str]:
    lines = []
    drafts, note = starter.drafts(theme, summary) if theme else (False, "")
    for key, field, _ in reference.keys(schemas.Section):
        value = {"heading": heading, "themes": [theme] if theme else [], "drafts": True if drafts else None}.get(key)
        if key == "drafts" and note:
            lines.append(f"    # {note}")
        if value is not None:
            lines.append(_line(("  - " if key == "heading" else "    ") + _key_value(key, field, value), field))
        elif every_key or key == "limit":
            example = EXAMPLES.get(key, _default(field))
            lines.append(_line(f"    {'' if key == 'limit' else '# '}{_key_value(key, field, example)}", field))
    return lines


def _default(field: Any) -> Any:
    value = field.get_default(call_default_factory=True)
    return value.model_dump() if isinstance(value, BaseModel) else value


def _key_value(key: str, field: Any, value: Any) -> str:
    return f"{key}: {'null' if value is None else reference.yaml_value(value)}"


def _line(text: str, field: Any) -> str:
    return f"{text.ljust(COMMENT_AT - 1)} # {reference.summary(field)}"
