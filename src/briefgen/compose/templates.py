"""Jinja2 templates: the wording and order of a brief, as Markdown with citation keys.

The only module that uses Jinja2. Templates run sandboxed with StrictUndefined.
Spec and summary values are variables, never template source. Every ``{{ }}``
output is escaped as literal Markdown unless it is Md (the analyst's own
Markdown), so data like ``**`` or ``<b>`` or ``{{ }}`` shows as written.

Templates are searched in the project's ``templates/`` first, then in the
defaults shipped with briefgen. A template (or include) must lie inside the
project or the defaults, symlinks followed (``paths.confine``), and be a regular
file of at most ``TEMPLATE_BYTES``.

Every render has a budget (see ``inputs/limits.py``): a deadline
(``TEMPLATE_SECONDS``, checked at every call, operator, filter and output chunk,
and by a timer signal for loops that do none of those), a cap on its output and
on any string or list it builds (``TEMPLATE_OUTPUT_CHARS``), on the items
``range()`` yields (``TEMPLATE_LOOP_ITEMS``), and on numbers used as repeat
counts, widths or exponents (``TEMPLATE_NUMBER``). Going over is a user error
at the template line, as is any error the template's code raises (``{{ 1/0 }}``,
a template that includes itself).
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from briefgen.lazyre import import_deferring

DEFERRED = frozenset({"jinja2.utils", "jinja2.filters", "jinja2.ext"})
"""Jinja's modules whose own ``re.compile`` calls, made at import, wait for first use (``briefgen.lazyre``):
the patterns of ``urlize`` and of a few filters, which the shipped templates never use. The lexer's are
compiled as usual (every template is lexed). Each is used only through its methods (tests/test_cold_start.py)."""

import_deferring("jinja2", DEFERRED)

import jinja2  # noqa: E402
import jinja2.meta  # noqa: E402
from jinja2.sandbox import SandboxedEnvironment  # noqa: E402

from briefgen.compose.budget import Budget, OverBudget, alarm  # noqa: E402
from briefgen.compose.escapes import escape  # noqa: E402
from briefgen.errors import Problem, UserError, display  # noqa: E402
from briefgen.inputs import limits, paths, yamlio  # noqa: E402
from briefgen.inputs.project import search_path  # noqa: E402

Where = Callable[[str, str], Problem]
"""Positions a problem at whatever asked for the template: ``where(message, hint)``."""


class Md(str):
    """Markdown written by the analyst: passed through to the parser as it is."""


def _finalize(value: Any) -> str:
    if isinstance(value, Md):
        return str(value)
    if value is None:
        return ""
    return escape(str(value))


class _Loader(jinja2.BaseLoader):
    """Loads templates from the search path, confined to the project and the defaults, through the guarded reader."""

    def __init__(self, project_templates: Path) -> None:
        self.folders = [Path(p) for p in search_path(project_templates)]
        self.roots = paths.roots(project_templates)

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        text, path = self._read(template)
        return text, path, lambda: self._unchanged(template, text, path)

    def _read(self, template: str) -> tuple[str, str]:
        pieces = jinja2.loaders.split_template_path(template)  # refuses "..": TemplateNotFound
        for folder in self.folders:
            path = folder.joinpath(*pieces)
            if not os.path.lexists(path):
                continue
            if not paths.inside(path, self.roots):
                raise UserError([Problem(display(path), 0, 0, "", "expected a template inside the project or the defaults, "
                                         "found a symlink that leads outside them", "copy the template into templates/")])
            text = yamlio.decode_utf8(paths.read_bytes(path, limits.TEMPLATE_BYTES, "template"), display(path))
            return text, str(path)
        raise jinja2.TemplateNotFound(template)

    def _unchanged(self, template: str, text: str, path: str) -> bool:
        """True when ``template`` is still found at ``path`` with the very source ``text`` (read again, with every
        check of ``get_source``): Jinja then keeps the template it made from it. Else it loads it again, and any
        problem (now missing, outside, unreadable) is raised there."""
        try:
            return self._read(template) == (text, path)
        except Exception:  # noqa: BLE001 - get_source, called next, raises it for the user
            return False


_WIDTHS = re.compile(r"\d+")


class _Compiled(jinja2.BytecodeCache):
    """Compiled templates, by name, file and a checksum of their source; this process's only.

    Each environment (``_kept``'s, one per templates folder, and ``variables``') would otherwise
    parse and compile a template again. Jinja compares the checksum of the source it just read
    with the stored one, so an edited template is always compiled afresh.
    """

    KEEP = 64

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if len(self.code) >= self.KEEP:
            del self.code[next(iter(self.code))]
        self.code[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _Compiled()


class _Environment(SandboxedEnvironment):
    """The sandbox, with every call, operator and filter charged to the render's budget."""

    intercepted_binops = frozenset(["*", "**", "%", "+", "//"])

    def __init__(self, project_templates: Path) -> None:
        super().__init__(loader=_Loader(project_templates), undefined=jinja2.StrictUndefined, autoescape=False,
                         finalize=_finalize, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
                         bytecode_cache=_COMPILED)
        self.filters = {name: self._guarded(fn) for name, fn in self.filters.items()}
        self.fresh()

    def fresh(self) -> None:
        """Give the next render a budget of its own."""
        self.budget = Budget()
        self.globals["range"] = self.budget.range

    def _guarded(self, fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            self._charge(args, kwargs)
            return self.budget.size(fn(*args, **kwargs))
        return guarded

    def _charge(self, args: tuple, kwargs: dict) -> None:
        self.budget.tick()
        for value in (*args, *kwargs.values()):
            self.budget.number(value)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 (Jinja's signature)
        __self._charge(args, kwargs)
        if getattr(__obj, "__name__", "") in ("format", "format_map") and isinstance(getattr(__obj, "__self__", None), str):
            __self._format_widths(__obj.__self__)
        return __self.budget.size(super().call(__context, __obj, *args, **kwargs))

    def getattr(self, obj: Any, attribute: str) -> Any:
        self.budget.tick()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        self.budget.tick()
        return super().getitem(obj, argument)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        self.budget.tick()
        if operator == "*":
            for text, count in ((left, right), (right, left)):
                if isinstance(text, (str, list, tuple)) and isinstance(count, int):
                    self.budget.length(len(text) * max(count, 0))
            if isinstance(left, int) and isinstance(right, int):
                self._bits(abs(left).bit_length() + abs(right).bit_length())
        elif operator == "**" and isinstance(left, int) and isinstance(right, int):
            self.budget.number(right)
            self._bits(abs(left).bit_length() * max(right, 0))
        elif operator == "+" and isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)):
            self.budget.length(len(left) + len(right))
        elif operator == "%" and isinstance(left, str):
            self._format_widths(left)
            for value in right if isinstance(right, tuple) else (right,):
                self.budget.number(value)
        return self.budget.size(super().call_binop(context, operator, left, right))

    def _format_widths(self, text: str) -> None:
        """Refuse a format string whose widths and precisions add up to more than the output budget."""
        total = len(text)
        for digits in _WIDTHS.findall(text):
            if len(digits) > 9:
                self.budget.number(int(digits[:12]))
            total += int(digits)
        self.budget.length(total)

    def _bits(self, bits: int) -> None:
        if bits > limits.TEMPLATE_NUMBER:
            raise OverBudget(f"expected numbers of at most {limits.TEMPLATE_NUMBER:,} bits, found a product or power larger")


def environment(project_templates: Path) -> SandboxedEnvironment:
    """Return a sandboxed environment that renders brief templates, with a fresh budget."""
    return _Environment(project_templates)


_KEPT: dict[Path, _Environment] = {}
"""``render``'s environment by templates folder, made once per process: an environment holds no template
between renders that it uses unchecked (each render finds and reads its templates again, and Jinja keeps a
template only while that gives the very source it was made from: ``_Loader._unchanged``), and ``fresh``
gives each render its own budget (a template's globals see the environment's, ``range`` included)."""


def _kept(project_templates: Path) -> _Environment:
    env = _KEPT.get(project_templates)
    if env is None:
        if len(_KEPT) >= 8:
            _KEPT.clear()
        env = _KEPT[project_templates] = _Environment(project_templates)
    env.fresh()
    return env


def variables(project_templates: Path, name: str) -> frozenset[str]:
    """Return the names of the variables template ``name`` reads (its includes not followed); empty if it cannot be read."""
    env = _Environment(project_templates)
    try:
        source = env.loader.get_source(env, name)[0] if env.loader else ""
        return frozenset(jinja2.meta.find_undeclared_variables(env.parse(source)))
    except (jinja2.TemplateError, UserError):  # missing, malformed or outside: rendering reports it, at its line
        return frozenset()


def render(project_templates: Path, name: str, context: dict[str, Any], where: Where | None = None) -> str:
    """Return template ``name`` rendered with ``context``, or raise UserError naming its line.

    ``where(message, hint)`` positions a missing template at what asked for it (the spec's ``template`` key).
    """
    env = _kept(project_templates)
    try:
        with alarm(env.budget):
            template = env.get_template(name)
            chunks, size = [], 0
            for chunk in template.generate(context):
                size += len(chunk)
                if size > limits.TEMPLATE_OUTPUT_CHARS:
                    raise OverBudget(f"expected at most {limits.TEMPLATE_OUTPUT_CHARS:,} characters of output, found more")
                env.budget.tick()
                chunks.append(chunk)
            return "".join(chunks)
    except UserError:
        raise
    except jinja2.TemplateNotFound as exc:
        raise UserError([_missing(project_templates, name, exc, where)]) from None
    except jinja2.TemplateSyntaxError as exc:
        raise UserError([Problem(exc.filename or name, exc.lineno, 1, "", f"template syntax: {exc.message}")]) from None
    except RecursionError as exc:
        file, line = _template_frame(exc, name)
        raise UserError([Problem(file, line, 1 if line else 0, "", "template error: includes, macros or calls nested too deep",
                                 "does a template include or call itself?")]) from None
    except Exception as exc:  # whatever the template's own code raises (1/0, a bad filter argument) is the template's error
        file, line = _template_frame(exc, name)
        message = str(exc) if isinstance(exc, (OverBudget, jinja2.TemplateError)) else f"{type(exc).__name__}: {exc}"
        raise UserError([Problem(file, line, 1 if line else 0, "", f"template error: {message}")]) from None


def _missing(project_templates: Path, name: str, exc: jinja2.TemplateNotFound, where: Where | None) -> Problem:
    """Return the problem for a missing template or include, at what asked for it."""
    known = sorted({p.name for d in search_path(project_templates) for p in Path(d).glob("*.j2")})
    hint = "known templates: " + ", ".join(known)
    missing = exc.name if isinstance(exc.name, str) else name
    if missing == name:
        message = f"expected a template in {display(project_templates)} or the defaults, found no {name!r}"
    else:
        file, line = _template_frame(exc, name)
        message = f"expected the template {missing!r} that {display(file)}:{line} includes, found none"
    return where(message, hint) if where else Problem(name, 0, 0, "template", message, hint)


def _template_frame(exc: BaseException, name: str) -> tuple[str, int]:
    """Return the template file and line where ``exc`` happened (Jinja rewrites tracebacks)."""
    tb, found = exc.__traceback__, (name, 0)
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found
