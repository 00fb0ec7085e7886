"""Scaffolding and editor support: ``briefgen new`` specs and ``briefgen schema`` JSON Schemas."""

from __future__ import annotations

import json

from pydantic import BaseModel

from briefgen.inputs import schemas
from briefgen.inputs.summary import Summary

SCHEMA_FILES: dict[str, type[BaseModel]] = {
    "spec.schema.json": schemas.Spec,
    "summary.schema.json": schemas.SummaryFile,
    "source.schema.json": schemas.SourceEntry,
}


def json_schemas() -> dict[str, str]:
    """Return file name → JSON Schema text for the spec, the summary and a source."""
    out = {}
    for name, model in SCHEMA_FILES.items():
        schema = schemas.json_schema(model)
        if model is schemas.SourceEntry:
            schema = {"title": "Sources", "type": "array", "items": schema}
        out[name] = json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    return out


def new_spec(title: str, theme_ids: list[str], summary: Summary, date: str) -> str:
    """Return the text of a valid, commented spec over ``theme_ids``."""
    sections = "".join(
        f'  - heading: "{_quote(summary.theme(t).title)}"\n'
        f"    themes: [{t}]\n"
        f"    limit: 4            # at most this many claims\n"
        f"    # text: |           # your own Markdown before the claims; cite with [@source-id]\n"
        for t in theme_ids)
    sections = sections or '  - heading: "Findings"\n    themes: []\n'
    return f"""\
# yaml-language-server: $schema=../schemas/spec.schema.json
# A brief spec. Build it with `briefgen build briefs/<this file>`; `briefgen schema` documents every key.
title: "{_quote(title)}"
subtitle: ""
author: "Policy Analysis Unit"
date: "{date}"                # ISO date shown on the brief
lang: "en-GB"
audience: ""                  # who the brief is for
marking: "TLP:GREEN"          # TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT or TLP:RED
formats: [docx, pdf]
citations:
  style: chicago-notes        # chicago-notes, chicago-author-date, apa or ieee
  placement: footnotes        # footnotes, endnotes or author-date
# max_pages: 2                # warn (fail with --strict) when longer
bottom_line: ""               # one paragraph, Markdown, cite with [@source-id]
key_points: []                # Markdown bullets
sections:
{sections}recommendations: []
annex: false                  # true adds the evidence annex
"""


def _quote(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')
