"""The stages in order: every import of briefgen points to an earlier stage, and no module imports itself back.

Imports are read with ``ast``, including imports inside functions and under
``TYPE_CHECKING`` (a lazy import still ties two modules together).
"""

from __future__ import annotations

import ast
from pathlib import Path

import briefgen

SRC = Path(briefgen.__file__).parent

# Earlier stages first; a module may import from its own rank or an earlier one.
RANKS: list[tuple[str, ...]] = [
    ("briefgen", "briefgen.errors", "briefgen.model", "briefgen.text"),
    ("briefgen.inputs",),
    ("briefgen.drafting", "briefgen.support"),
    ("briefgen.compose",),
    ("briefgen.renderers",),
    ("briefgen.pipeline", "briefgen.batch", "briefgen.watch", "briefgen.console", "briefgen.cli", "briefgen.__main__",
     "briefgen.docs", "briefgen.skeleton", "briefgen.addsources", "briefgen.cli_corpus", "briefgen.cli_common",
     "briefgen.launch", "briefgen.cli_help", "briefgen.cli_build", "briefgen.outputs", "briefgen.farm", "briefgen.checking"),
]
# Known violations being removed; this set only shrinks, and an entry that no longer occurs fails too.
# (Issue #15's four: summarize → pipeline, housestyle → compose.templates, and the compose and pdf figure cycles.)
KNOWN: set[str] = set()
# Standalone scripts shipped in the package, never imported by it.
TOOLS = ("briefgen.fonts",)


_BACKWARD = {k for k in KNOWN if k.count("→") == 1}


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(SRC.rglob("*.py"))}


def imports(name: str, path: Path, known: set[str]) -> set[str]:
    """Return the briefgen modules that ``path`` imports, anywhere in its body."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names]
        else:
            continue
        found |= {t for t in targets if t.split(".")[0] == "briefgen" and t != name}
    return {_known(t, known) for t in found}


def _known(target: str, known: set[str]) -> str:
    while target not in known and "." in target:
        target = target.rpartition(".")[0]
    return target


def rank(name: str) -> int:
    best = -1, 0
    for index, prefixes in enumerate(RANKS):
        for prefix in prefixes:
            if (name == prefix or name.startswith(prefix + ".")) and len(prefix) > best[1]:
                best = index, len(prefix)
    assert best[0] >= 0, f"{name} belongs to no stage: add it to RANKS"
    return best[0]


def graph() -> dict[str, set[str]]:
    found = modules()
    known = set(found)
    return {name: imports(name, path, known) for name, path in found.items() if not name.startswith(TOOLS)}


def test_imports_point_only_to_earlier_stages() -> None:
    backward = {f"{a} → {b}" for a, targets in graph().items() for b in targets if rank(b) > rank(a)}
    assert backward <= KNOWN, "imports from a later stage:\n" + "\n".join(sorted(backward - KNOWN))
    assert not KNOWN & _BACKWARD - backward, "fixed: remove from KNOWN: " + ", ".join(sorted(KNOWN & _BACKWARD - backward))


def test_renderers_are_reached_only_through_the_registry() -> None:
    """Outside ``renderers/``, code imports ``briefgen.renderers`` (formats, page counts), never a renderer module."""
    reaching = sorted(f"{a} → {b}" for a, targets in graph().items() if not a.startswith("briefgen.renderers")
                      for b in targets if b.startswith("briefgen.renderers."))
    assert not reaching, "use briefgen.renderers.get(NAME) or renderers.pages(NAME, data):\n" + "\n".join(reaching)


def test_no_import_cycles() -> None:
    edges = graph()
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for target in sorted(edges.get(node, ())):
            if target == "briefgen":  # the package's __init__ holds only the version
                continue
            if state.get(target) == 1:
                cycles.append(path[path.index(target):] + [target])
            elif target not in state:
                visit(target)
        path.pop()
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node)
    found = {" → ".join(c) for c in cycles}
    assert found <= KNOWN, "import cycles:\n" + "\n".join(sorted(found - KNOWN))
    assert not (KNOWN - _BACKWARD) - found, "fixed: remove from KNOWN: " + ", ".join(sorted((KNOWN - _BACKWARD) - found))


def test_the_checker_sees_function_local_and_relative_imports(tmp_path: Path) -> None:
    source = tmp_path / "m.py"
    source.write_text("def f():\n    from briefgen.pipeline import Project\n    from . import schemas\n")
    known = set(modules())
    assert imports("briefgen.inputs.m", source, known) == {"briefgen.pipeline", "briefgen.inputs.schemas"}
