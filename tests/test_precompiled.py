"""Dataclasses made with their methods' code taken from ``precompiled_methods`` (issue #13, a cold build's start)."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
import types

import pytest

from briefgen import precompiled, precompiled_methods

THIS_PYTHON = pytest.mark.skipif(sys.version_info[:2] != precompiled_methods.PYTHON,
                                 reason="the table is written for another Python's dataclasses")


def _shape(code: types.CodeType) -> list[object]:
    """What tells two code objects apart, file name and lines included (``==`` ignores the file name)."""
    return [code.co_filename, code.co_firstlineno, code.co_name, code.co_qualname, code.co_flags, code.co_code,
            code.co_names, code.co_varnames, code.co_linetable, code.co_exceptiontable,
            [_shape(c) if isinstance(c, types.CodeType) else c for c in code.co_consts]]


def test_each_entry_is_the_code_exec_makes_of_its_text() -> None:
    table = precompiled._table()
    assert len(table) == len(precompiled_methods.CODE)
    for text, code in table.items():
        made = next(c for c in compile(text, "<string>", "exec", dont_inherit=True).co_consts if isinstance(c, types.CodeType))
        assert code == made and _shape(code) == _shape(made), text


@THIS_PYTHON
def test_the_table_holds_every_method_of_the_build_path() -> None:
    """Regenerating gives the same file: run ``python -m briefgen.precompiled`` after changing a dataclass there."""
    code = "from briefgen import precompiled; print(precompiled.source(precompiled.recorded()), end='')"
    made = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert made == precompiled.FILE.read_text(encoding="utf-8"), "run python -m briefgen.precompiled"


PROBE = """
import json, sys, types, dataclasses
from briefgen import precompiled
if sys.argv[1] == "taken":
    with precompiled.taking_code():
        from briefgen import model, pipeline
    assert "exec" not in vars(dataclasses)
else:
    from briefgen import model, pipeline
def shape(f):
    c = f.__code__
    return [f.__name__, f.__qualname__, f.__module__, repr(f.__defaults__), repr(f.__kwdefaults__), repr(f.__annotations__),
            f.__globals__ is vars(sys.modules[f.__module__]), c.co_filename, c.co_firstlineno, c.co_code.hex(), repr(c.co_consts),
            [repr(getattr(cell.cell_contents, "__name__", cell.cell_contents)) for cell in f.__closure__ or ()]]
out = {}
for module in (model, pipeline):
    for name, cls in sorted(vars(module).items()):
        if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == module.__name__:
            for method in ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__"):
                f = getattr(getattr(cls, method, None), "__wrapped__", getattr(cls, method, None))
                if isinstance(f, types.FunctionType):
                    out[f"{name}.{method}"] = shape(f)
print(json.dumps(out))
"""


def test_dataclasses_made_with_the_table_are_made_alike() -> None:
    runs = [json.loads(subprocess.run([sys.executable, "-c", PROBE, how], capture_output=True, text=True, check=True).stdout)
            for how in ("taken", "compiled")]
    assert runs[0] == runs[1] and len(runs[0]) > 60


def test_a_text_not_in_the_table_is_compiled_as_dataclasses_compiles_it() -> None:
    with precompiled.taking_code():
        @dataclasses.dataclass(frozen=True)
        class Unlisted:
            never_in_the_table_a_field_named_so: int = 3

    assert Unlisted() == Unlisted(3) and repr(Unlisted()) == "test_a_text_not_in_the_table_is_compiled_as_dataclasses_compiles_it." \
        "<locals>.Unlisted(never_in_the_table_a_field_named_so=3)"
    assert Unlisted.__init__.__code__.co_filename == "<string>" and "exec" not in vars(dataclasses)
