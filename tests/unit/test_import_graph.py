"""No import circles inside alliancelab, and no private names imported from one module into another.

The graph is read from the source with ``ast``, not by importing: every ``import`` and ``from ... import``
statement counts, at module level or inside a function (a deferred import is still a dependency), except
under ``if TYPE_CHECKING:``. ``from . import data`` is an edge to ``alliancelab.data``; a package's
``__init__`` is its own node (``alliancelab.keys``). A failure names the modules on the circle and the
import statement (file and line) that closes it.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.helpers import ROOT

PACKAGE = ROOT / "src" / "alliancelab"


def module_names(package_dir: Path) -> dict[str, Path]:
    """Dotted module name -> file, for every .py file of the package (``__init__`` named after its package)."""
    base = package_dir.parent
    names = {}
    for path in sorted(package_dir.rglob("*.py")):
        parts = list(path.relative_to(base).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


def _type_checking_only(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            return True
    return False


def imports(name: str, path: Path, modules: dict[str, Path]) -> list[tuple[str, int]]:
    """(imported module of the package, line) for every import statement in one module."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    is_package = path.name == "__init__.py"
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, (ast.Import, ast.ImportFrom)) or _type_checking_only(node, parents):
            continue
        if isinstance(node, ast.Import):
            found += [(a.name, node.lineno) for a in node.names if a.name in modules]
            continue
        if node.level:
            anchor = name.split(".") if is_package else name.split(".")[:-1]
            anchor = anchor[: len(anchor) - (node.level - 1)]
            base = ".".join(anchor + ([node.module] if node.module else []))
        else:
            base = node.module or ""
        for alias in node.names:
            target = f"{base}.{alias.name}"
            if target in modules:
                found.append((target, node.lineno))
            elif base in modules:
                found.append((base, node.lineno))
    return [(t, line) for t, line in found if t != name]


def import_graph(package_dir: Path) -> tuple[dict[str, dict[str, int]], dict[str, Path]]:
    modules = module_names(package_dir)
    graph: dict[str, dict[str, int]] = {m: {} for m in modules}
    for name, path in modules.items():
        for target, line in imports(name, path, modules):
            graph[name].setdefault(target, line)
    return graph, modules


def circles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """One circle through each group of modules that import each other (depth-first search, back edges)."""
    found, state, stack = [], {}, []

    def visit(node: str) -> None:
        state[node] = "open"
        stack.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == "open":
                found.append(stack[stack.index(target):] + [target])
            elif target not in state:
                visit(target)
        stack.pop()
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node)
    return found


def describe(circle: list[str], graph: dict[str, dict[str, int]], modules: dict[str, Path]) -> str:
    *_, importer, imported = circle
    where = modules[importer].relative_to(ROOT) if modules[importer].is_relative_to(ROOT) else modules[importer]
    return f"{' -> '.join(circle)}; closed by {importer} importing {imported} ({where}, line {graph[importer][imported]})"


def test_the_graph_sees_deferred_and_relative_imports():
    graph, _ = import_graph(PACKAGE)
    assert "alliancelab.keys" in graph["alliancelab.exercises"]  # inside a function
    assert "alliancelab.explorers.lesson03" in graph["alliancelab.widgets"]  # from .explorers.lesson03 import *
    assert "alliancelab.data" in graph["alliancelab.keys.lesson00"]  # from .. import data, inside a function
    assert "alliancelab.registry" in graph["alliancelab.keys.lesson00"]
    assert "alliancelab.contracts" in graph["alliancelab.explorers.lesson01"]


def test_a_circle_is_found_and_named(tmp_path):
    pkg = tmp_path / "demo"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("def f():\n    from . import b\n")
    (pkg / "b.py").write_text("from .sub.c import x\n")
    (pkg / "sub" / "__init__.py").write_text("")
    (pkg / "sub" / "c.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .. import b\nfrom ..a import f\n")
    graph, modules = import_graph(pkg)
    assert circles(graph) == [["demo.a", "demo.b", "demo.sub.c", "demo.a"]]
    assert describe(circles(graph)[0], graph, modules).endswith(f"closed by demo.sub.c importing demo.a ({pkg / 'sub' / 'c.py'}, line 4)")
    assert graph["demo.sub.c"] == {"demo.a": 4}  # the TYPE_CHECKING import is not counted


def test_no_module_of_alliancelab_imports_a_module_that_imports_it_back():
    graph, modules = import_graph(PACKAGE)
    found = [describe(c, graph, modules) for c in circles(graph)]
    assert found == [], "import circles:\n" + "\n".join(found)


def _private_uses(name: str, path: Path, modules: dict[str, Path]) -> list[str]:
    """``from x import _y``, and ``m._y`` where ``m`` names another module of the package."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"
    aliases, found = {}, []
    for n in ast.walk(tree):
        if isinstance(n, ast.ImportFrom):
            found += [f"{name}, line {n.lineno}: from {'.' * n.level}{n.module or ''} import {a.name}"
                      for a in n.names if a.name.startswith("_") and not a.name.startswith("__")]
            if n.level:
                anchor = name.split(".") if is_package else name.split(".")[:-1]
                anchor = anchor[: len(anchor) - (n.level - 1)]
                base = ".".join(anchor + ([n.module] if n.module else []))
            else:
                base = n.module or ""
            aliases.update({a.asname or a.name: f"{base}.{a.name}" for a in n.names if f"{base}.{a.name}" in modules})
        elif isinstance(n, ast.Import):
            aliases.update({a.asname: a.name for a in n.names if a.asname and a.name in modules})
    for n in ast.walk(tree):
        if (isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id in aliases
                and n.attr.startswith("_") and not n.attr.startswith("__") and aliases[n.value.id] != name):
            found.append(f"{name}, line {n.lineno}: {n.value.id}.{n.attr} (private to {aliases[n.value.id]})")
    return found


def test_no_private_name_crosses_modules():
    modules = module_names(PACKAGE)
    private = [use for name, path in modules.items() for use in _private_uses(name, path, modules)]
    assert private == [], "private names used across modules (make them public, or move them):\n" + "\n".join(private)


def test_a_private_name_across_modules_is_found(tmp_path):
    pkg = tmp_path / "demo"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("_secret = 1\n")
    (pkg / "b.py").write_text("from .a import _secret\n\ndef f():\n    from . import a as _a\n    return _a._secret\n")
    modules = module_names(pkg)
    assert _private_uses("demo.b", pkg / "b.py", modules) == [
        "demo.b, line 1: from .a import _secret", "demo.b, line 5: _a._secret (private to demo.a)"]
