"""Dataclasses made without compiling their methods' source at every start.

``dataclasses.dataclass`` writes each method it adds (``__init__``, ``__repr__``, ``__eq__``,
``__hash__``, a frozen class's ``__setattr__`` and ``__delattr__``) as Python source and
compiles it with ``exec``: for the 40-odd dataclasses a cold ``build`` imports, some 250
small compiles, about a tenth of the build process's own instructions before its brief is
composed. Python caches the compiled code of modules (``.pyc``), not of text given to ``exec``.

``python -m briefgen.precompiled`` records the exact text of every method the dataclasses
of the build path make, and writes it into ``precompiled_methods.py`` as ordinary source,
which Python compiles once into its ``.pyc`` like any module. While ``taking_code`` is
active, an ``exec`` that ``dataclasses`` asks for a text found there takes the code compiled
from that very text (with the file name and lines ``exec`` would give it) instead of
compiling it again; any other text is compiled as before. A text is its own key, so a
dataclass that changed, or a Python whose ``dataclasses`` writes other text, only finds
nothing and is compiled: the table can make a start slower, never different.
tests/test_precompiled.py checks that each entry is the code ``exec`` makes of its text and
that the build path's dataclasses all find theirs (regenerate after changing a dataclass there). The table is
written for one Python's ``dataclasses`` (``PYTHON``, the project's 3.11): under another, texts seldom match and are compiled.
"""

from __future__ import annotations

import builtins
import contextlib
import dataclasses
import importlib
import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

BUILD_PATH = ("briefgen.cli_build", "briefgen.renderers.ahead", "briefgen.pipeline", "briefgen.batch", "briefgen.checking",
              "briefgen.compose.compose", "briefgen.compose.transforms", "briefgen.compose.citations.registry",
              "briefgen.renderers.pdf.render", "briefgen.renderers.docx.render")
"""The modules whose dataclasses a cold ``build`` makes (with what they import); the table holds their methods."""

FILE = Path(__file__).with_name("precompiled_methods.py")


def _table() -> dict[str, types.CodeType]:
    """Text → the code ``exec`` would make of it (``{}`` without the generated module)."""
    try:
        from briefgen import precompiled_methods
    except ImportError:
        return {}
    return {text: _as_exec(code, 1) for text, code in precompiled_methods.CODE.items()}


def _as_exec(code: types.CodeType, line: int) -> types.CodeType:
    """``code`` (and the code nested in it) as compiled from a text given to ``exec``: file ``<string>``, starting at ``line``."""
    consts = tuple(_as_exec(c, line + c.co_firstlineno - code.co_firstlineno) if isinstance(c, types.CodeType) else c
                   for c in code.co_consts)
    return code.replace(co_filename="<string>", co_firstlineno=line, co_consts=consts)


def _exec(table: dict[str, types.CodeType], source: Any, globals: dict[str, Any] | None = None,
          locals: dict[str, Any] | None = None) -> None:
    """``exec`` as ``dataclasses`` calls it, the code of a known text taken from ``table``."""
    code = table.get(source) if type(source) is str else None
    if code is None or type(globals) is not dict or "__builtins__" not in globals or type(locals) is not dict:
        if type(source) is str:  # compiled as in ``dataclasses`` (no ``from __future__`` there, none here)
            source = compile(source, "<string>", "exec", dont_inherit=True)
        builtins.exec(source, globals, locals)
        return
    locals[code.co_name] = types.FunctionType(code, globals)  # what running the text's one ``def`` binds


@contextlib.contextmanager
def taking_code() -> Iterator[None]:
    """While active, the dataclasses made take their methods' code from the table where it has their text."""
    if "exec" in vars(dataclasses):  # someone else's stand-in: leave it
        yield
        return
    table = _table()
    dataclasses.exec = lambda *args: _exec(table, *args)  # type: ignore[attr-defined]
    try:
        yield
    finally:
        del dataclasses.exec  # type: ignore[attr-defined]


def recorded(modules: tuple[str, ...] = BUILD_PATH) -> list[str]:
    """Import ``modules`` (none of them imported yet) and return every text ``dataclasses`` compiled meanwhile, in order."""
    texts: list[str] = []

    def record(source: Any, globals: Any = None, locals: Any = None) -> None:
        if type(source) is str and source.startswith("def __create_fn__(") and source not in texts:
            texts.append(source)
        _exec({}, source, globals, locals)

    assert "exec" not in vars(dataclasses)
    dataclasses.exec = record  # type: ignore[attr-defined]
    try:
        for name in modules:
            importlib.import_module(name)
    finally:
        del dataclasses.exec  # type: ignore[attr-defined]
    return texts


def source(texts: list[str]) -> str:
    """The generated module: each text as it is, then its code kept under it."""
    parts = ['"""The methods of the build path\'s dataclasses, as ``dataclasses`` writes them: generated by\n'
             '``python -m briefgen.precompiled`` (see there), do not edit. No ``from __future__`` here: the texts\n'
             'must compile as ``dataclasses`` compiles them."""\n# ruff: noqa\n# mypy: ignore-errors\n\n'
             f'PYTHON = {tuple(sys.version_info[:2])!r}\n"""The Python whose ``dataclasses`` wrote these texts."""\n\nCODE = {{}}\n']
    for text in texts:
        parts.append(f"\n{text}\nCODE[{text!r}] = __create_fn__.__code__\n")
    return "".join(parts)


def main() -> None:
    """Write ``precompiled_methods.py`` for this Python's ``dataclasses``."""
    FILE.write_text(source(recorded()), encoding="utf-8")
    print(f"wrote {FILE}")


if __name__ == "__main__":
    if any(name in sys.modules for name in BUILD_PATH):
        raise SystemExit("run as python -m briefgen.precompiled, in a fresh interpreter")
    main()
