"""No import circles inside the package.

Every module of kg/ is read with ast; each ``from . import x``, ``from .x import y``,
``import kg.x`` (at module level or inside a function) is an edge to the module it
names. Imports under ``if TYPE_CHECKING:`` are left out: they never run. A circle of
modules is a strongly connected component of that graph; the test prints one cycle
through each.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import ROOT

#: Circles that are known and owned by other work, with why they may stay for now.
KNOWN_CYCLES: dict[frozenset[str], str] = {}


def modules(root: Path = ROOT) -> dict[str, Path]:
    """Module name -> file, for every module of the kg package."""
    out = {}
    for path in sorted((root / "kg").rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def import_graph(mods: dict[str, Path]) -> dict[str, set[str]]:
    """Module -> the package modules it imports (module level and inside functions)."""
    return {name: set(_targets(name, path, mods)) - {name} for name, path in mods.items()}


def _targets(name: str, path: Path, mods: dict[str, Path]) -> Iterator[str]:
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in _runtime_imports(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "kg" or alias.name.startswith("kg."):
                    yield _known(alias.name, mods)
            continue
        base = node.module or ""
        if node.level:
            parts = package.split(".")
            parts = parts[: len(parts) - (node.level - 1)]
            base = ".".join(parts + ([base] if base else []))
        if base != "kg" and not base.startswith("kg."):
            continue
        for alias in node.names:  # from pkg import module, or from module import name
            full = f"{base}.{alias.name}"
            yield full if full in mods else _known(base, mods)


def _runtime_imports(tree: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """Import statements that run: all of them but those under ``if TYPE_CHECKING:``."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            yield from (n for child in node.orelse for n in _runtime_imports_of(child))
            continue
        yield from _runtime_imports_of(node)


def _runtime_imports_of(node: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    if isinstance(node, ast.Import | ast.ImportFrom):
        yield node
    else:
        yield from _runtime_imports(node)


def _known(name: str, mods: dict[str, Path]) -> str:
    while name not in mods and "." in name:
        name = name.rpartition(".")[0]
    return name


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle (a -> b -> ... -> a) through each circle of modules, Tarjan's way."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(_cycle_in(set(component), graph))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def _cycle_in(component: set[str], graph: dict[str, set[str]]) -> list[str]:
    """The shortest cycle through the first module of a strongly connected component."""
    start = min(component)
    paths = [[start]]
    while paths:
        path = paths.pop(0)
        for w in sorted(graph[path[-1]] & component):
            if w == start:
                return [*path, start]
            if w not in path:
                paths.append([*path, w])
    raise AssertionError(f"no cycle through {start}")  # a component always has one


def test_the_package_has_no_import_circle() -> None:
    found = cycles(import_graph(modules()))
    unknown = [c for c in found if frozenset(c) not in KNOWN_CYCLES]
    assert not unknown, "import circles:\n" + "\n".join(" -> ".join(c) for c in unknown)


def test_the_finder_sees_function_level_and_relative_imports(tmp_path: Path) -> None:
    pkg = tmp_path / "kg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from .sub import b\n")
    (pkg / "sub" / "__init__.py").write_text("")
    (pkg / "sub" / "b.py").write_text("def f():\n    from .. import a\n")
    (pkg / "c.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from . import a\n"
    )
    graph = import_graph(modules(tmp_path))
    assert graph["kg.c"] == set()
    assert cycles(graph) == [["kg.a", "kg.sub.b", "kg.a"]]
