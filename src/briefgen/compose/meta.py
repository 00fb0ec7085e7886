"""A brief's metadata and page furniture, from its spec alone: what the renderers can prepare for before it is composed.

Kept apart from ``compose`` (which loads Jinja and markdown-it), so a cold build can tell the
renderer process the look of the brief to come while those libraries are still loading.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from pathlib import Path

from briefgen.compose import labels
from briefgen.compose.labels import format_date
from briefgen.inputs.spec import Brief
from briefgen.model import Meta, Style


def source_date() -> str:
    """Return SOURCE_DATE_EPOCH's date as ISO, or '' (never the clock: builds are reproducible)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date().isoformat() if epoch.isdigit() else ""


def meta_of(brief: Brief, project_templates: Path | None = None) -> Meta:
    """Return the brief's metadata with its date (shown and typed) and labels in its language."""
    spec = brief.spec
    authors = (spec.author,) if isinstance(spec.author, str) else tuple(spec.author)
    date = spec.date or source_date()
    themes = [t for s in spec.sections for t in s.themes]
    return Meta(
        title=spec.title, subtitle=spec.subtitle, author=authors,
        date=format_date(date, spec.lang, project_templates) if date else "",
        issued=labels.typed_date(date),
        lang=spec.lang, audience=spec.audience, marking=spec.marking or "", subject=spec.subtitle or spec.title,
        keywords=((spec.marking,) if spec.marking else ()) + (tuple(spec.keywords) or tuple(dict.fromkeys(themes))),
        draft=spec.draft,
        labels=tuple((k, v) for k, v in labels.labels(spec.lang, project_templates).items()
                     if isinstance(v, str)),
    )


def furniture(style: Style, brief: Brief) -> Style:
    """Return the style with its page furniture resolved from the spec.

    The header's text is the house style's ``header_text`` when it sets one, else the spec's
    author(s) (a person or an organisation); the footer's is the style's ``footer_text``
    (default none). The renderers add the marking and "Page X of Y" themselves.
    """
    spec = brief.spec
    authors = [spec.author] if isinstance(spec.author, str) else list(spec.author)
    header = style.header_text or ", ".join(a for a in authors if a)
    return style if header == style.header_text else dataclasses.replace(style, header_text=header)
