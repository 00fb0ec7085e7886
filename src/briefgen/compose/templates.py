"""Jinja2 templates: the wording and order of a brief, as Markdown with citation keys.

The only module that uses Jinja2. Templates run sandboxed with StrictUndefined.
Spec and summary values are variables, never template source. Every ``{{ }}``
output is escaped as literal Markdown unless it is Md (the analyst's own
Markdown), so data like ``**`` or ``<b>`` or ``{{ }}`` shows as written.

Templates are searched in the project's ``templates/`` first, then in the
defaults shipped with briefgen.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from briefgen.compose.markup import escape
from briefgen.errors import Problem, UserError
from briefgen.inputs.project import search_path


class Md(str):
    """Markdown written by the analyst: passed through to the parser as it is."""


def _finalize(value: Any) -> str:
    if isinstance(value, Md):
        return str(value)
    if value is None:
        return ""
    return escape(str(value))


def environment(project_templates: Path) -> SandboxedEnvironment:
    """Return the sandboxed environment that renders brief templates."""
    return SandboxedEnvironment(
        loader=jinja2.FileSystemLoader(search_path(project_templates)),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        finalize=_finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(project_templates: Path, name: str, context: dict[str, Any]) -> str:
    """Return template ``name`` rendered with ``context``, or raise UserError naming its line."""
    env = environment(project_templates)
    try:
        return env.get_template(name).render(context)
    except jinja2.TemplateNotFound:
        known = sorted({p.name for d in search_path(project_templates) for p in Path(d).glob("*.j2")})
        raise UserError([Problem(name, 0, 0, "template", f"expected a template in {project_templates} or the defaults, found none",
                                 "known templates: " + ", ".join(known))]) from None
    except jinja2.TemplateSyntaxError as exc:
        raise UserError([Problem(exc.filename or name, exc.lineno, 1, "", f"template syntax: {exc.message}")]) from None
    except (jinja2.UndefinedError, jinja2.exceptions.SecurityError, TypeError, ValueError, OverflowError) as exc:
        file, line = _template_frame(exc, name)
        raise UserError([Problem(file, line, 1 if line else 0, "", f"template error: {exc}")]) from None


def _template_frame(exc: BaseException, name: str) -> tuple[str, int]:
    """Return the template file and line where ``exc`` happened (Jinja rewrites tracebacks)."""
    tb, found = exc.__traceback__, (name, 0)
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found
