"""The package layout: the analysis stands alone, no import cycles, no borrowed private names.

Every ``import`` in the package is read with :mod:`ast`, those inside functions
included, so a lazy import cannot hide a cycle or a layer broken.
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "lib" / "odsamen"

LAYERS = {
    "odsamen.catalogue": set(),
    "odsamen.analysis": {"odsamen.catalogue"},
    "odsamen.report": {"odsamen.catalogue", "odsamen.analysis"},
    "odsamen.publish": {"odsamen.catalogue", "odsamen.analysis", "odsamen.report"},
}
"""What each layer may import from the package besides itself (``odsamen.cli`` may import all)."""


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imports(path: Path) -> list[tuple[str, str, int]]:
    """``(module, name, line)`` for each name imported from the package; ``name`` is "" for ``import x``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [
                (alias.name, "", node.lineno) for alias in node.names if alias.name.startswith("odsamen")
            ]
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("odsamen"):
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                if submodule in MODULES:  # `from odsamen.analysis import affinity`
                    found.append((submodule, "", node.lineno))
                else:
                    found.append((node.module, alias.name, node.lineno))
    return found


def layer(module: str) -> str | None:
    return next((name for name in LAYERS if module == name or module.startswith(name + ".")), None)


NOTEBOOKS = PACKAGE.parents[1] / "notebooks"

MAX_LINES = 1_050
"""About a thousand lines: past that a module holds more than one job and a newcomer loses the thread.
The word catalogue is the one exception: it is a table of sentences, read by key, not code."""

LONG_BY_DESIGN = {"odsamen.catalogue"}


def test_the_modules_are_found():
    assert {
        "odsamen.analysis.data",
        "odsamen.analysis.files",
        "odsamen.analysis.schema",
        "odsamen.analysis.checks",
        "odsamen.analysis.clustering",
        "odsamen.report.briefing",
        "odsamen.report.facts",
        "odsamen.report.render",
        "odsamen.report.plots",
        "odsamen.report.plots.common",
        "odsamen.publish.pack",
        "odsamen.publish.folders",
        "odsamen.publish.index",
    } <= set(MODULES)


@pytest.mark.parametrize("module", sorted(set(MODULES) - LONG_BY_DESIGN))
def test_no_module_is_much_over_a_thousand_lines(module):
    lines = len(MODULES[module].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{module} has {lines} lines: split it by job"


@pytest.mark.parametrize("name", ["01-explore.py", "02-affinity.py", "03-coalitions.py"])
def test_the_analysis_notebooks_define_no_functions(name):
    """A notebook is parameters, calls and narrative; its logic lives in the library, with tests."""
    tree = ast.parse((NOTEBOOKS / name).read_text(encoding="utf-8"))
    defined = [
        f"line {node.lineno}: {node.name}"
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
    ]
    assert not defined, f"{name} defines {defined}: move them into lib/odsamen with a test"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_each_layer_imports_only_the_layers_below_it(module):
    own = layer(module)
    if own is None:
        return  # odsamen, odsamen.cli, odsamen.__main__: the entry points
    allowed = LAYERS[own] | {own}
    wrong = [
        f"line {line}: {target}"
        for target, _, line in imports(MODULES[module])
        if target != "odsamen" and layer(target) not in allowed  # odsamen itself holds only __version__
    ]
    assert not wrong, f"{module} ({own}) imports from a layer above it: {wrong}"


def test_no_module_imports_another_modules_private_names():
    borrowed = [
        f"{module}, line {line}: {target}.{name}"
        for module, path in MODULES.items()
        for target, name, line in imports(path)
        if name.startswith("_") and not name.startswith("__") and target != module
    ]
    assert not borrowed


def test_there_are_no_import_cycles():
    graph = nx.DiGraph()
    for module, path in MODULES.items():
        graph.add_node(module)
        for target, _, _ in imports(path):
            target = target if target in MODULES else target.rsplit(".", 1)[0]
            if target in MODULES and target != module and not MODULES[target].name == "__init__.py":
                graph.add_edge(module, target)
    assert list(nx.simple_cycles(graph)) == []


def test_the_layout_test_sees_a_broken_layer_and_a_cycle(tmp_path):
    """The checks above would notice: a lazy import of the report inside the analysis, and a cycle."""
    source = "def f():\n    from odsamen.report.briefing import Briefing\n"
    path = tmp_path / "example.py"
    path.write_text(source, encoding="utf-8")
    assert imports(path) == [("odsamen.report.briefing", "Briefing", 2)]
    assert layer("odsamen.report.briefing") not in LAYERS["odsamen.analysis"]
    graph = nx.DiGraph([("a", "b"), ("b", "a")])
    assert list(nx.simple_cycles(graph))
