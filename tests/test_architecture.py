"""The import graph keeps its shape: every edge flows one way and no module imports in a circle.

Every import counts, including those inside functions. Layers, bottom up:

    objectives, providers           import nothing of ours
    evals                           objectives
    frontier.analysis               objectives
    frontier.search                 frontier.analysis, evals, objectives
    reports                         frontier.analysis
    hh_frontier (Inspect registry)  evals, providers, objectives
    frontier.cli(_support), .demo   anything (the apps)
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("objectives", "providers", "evals", "frontier", "reports", "hh_frontier")
APPS = ("frontier.cli", "frontier.cli_support", "frontier.demo")
ALLOWED: dict[str, set[str]] = {
    "objectives": set(),
    "providers": set(),
    "evals": {"objectives"},
    "frontier.analysis": {"objectives"},
    "frontier.search": {"frontier.analysis", "evals", "objectives"},
    "reports": {"frontier.analysis"},
    "hh_frontier": {"evals", "providers", "objectives"},
}


def modules() -> dict[str, Path]:
    """Every module of our packages, by dotted name."""
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


def imports_of(path: Path) -> set[str]:
    """The modules a file imports, anywhere in it (inside functions too)."""
    named: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            named.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            named.add(node.module)
            named.update(f"{node.module}.{alias.name}" for alias in node.names)
    return named


def layer(module: str) -> str:
    """The layer a module belongs to: its package, or frontier's sub-layer or app."""
    if module in APPS:
        return "app"
    if module.startswith("frontier."):
        return ".".join(module.split(".")[:2])
    return module.split(".")[0]


def graph() -> dict[str, set[str]]:
    """Module -> the modules of ours it imports."""
    ours = modules()
    return {
        name: {m for m in imports_of(path) if m in ours and m != name}
        for name, path in ours.items()
    }


def forbidden(edges: dict[str, set[str]]) -> list[str]:
    """Every edge that leaves its layer for one the layer may not import."""
    found = []
    for source, targets in edges.items():
        mine = layer(source)
        if mine == "app" or source == "frontier":
            continue
        for target in sorted(targets):
            theirs = layer(target)
            if theirs != mine and theirs not in ALLOWED.get(mine, set()) and target != "frontier":
                found.append(f"{source} -> {target}")
    return found


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Import cycles between modules (a package's `__init__` and its own modules excluded)."""
    found: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for target in sorted(edges.get(node, ())):
            if node.startswith(target + "."):  # a module importing its own package
                continue
            if state.get(target) == 1:
                found.append([*stack[stack.index(target) :], target])
            elif target not in state:
                visit(target)
        stack.pop()
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node)
    return found


def test_no_import_leaves_its_layer_for_a_forbidden_one() -> None:
    assert forbidden(graph()) == []


def test_no_module_imports_in_a_circle() -> None:
    assert cycles(graph()) == []


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("objectives.scorer", "frontier.analysis.runs"),
        ("objectives.grading", "evals.settings"),
        ("providers.gguf", "objectives.embedding"),
        ("evals.tasks", "frontier.analysis.logs"),
        ("frontier.analysis.runs", "frontier.search.resume"),
        ("reports.page", "frontier.search.run"),
    ],
)
def test_the_checker_catches_a_forbidden_import(source: str, target: str) -> None:
    edges = graph()
    edges[source] = {*edges[source], target}
    assert forbidden(edges) == [f"{source} -> {target}"]


def test_the_checker_catches_a_cycle() -> None:
    edges = graph()
    edges["frontier.analysis.logs"] = {*edges["frontier.analysis.logs"], "frontier.analysis.runs"}
    assert cycles(edges) == [
        ["frontier.analysis.logs", "frontier.analysis.runs", "frontier.analysis.logs"]
    ]
