"""The import rules of the one-way house, read from the source with `ast` (nothing is imported).

- The ground floor (`app/web/` and the top-level modules such as `app/settings.py`) imports
  no feature.
- A feature imports another feature only through its front door: `app.<feature>` (the
  package's `__init__.py`), never `app.<feature>.<module>`.
- Features form layers: a feature imports only features below it, so there is no
  package-level cycle.
- The composition root (`app/main.py`, `app/cli.py`, the Piccolo registry and the demo data)
  wires everything and may import any module.

Run `python -m tests.architecture` to list what breaks the rules.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app"

# Lowest first. A feature may import the features of lower layers (through their front doors).
LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"audit"}),
    frozenset({"organisation", "strategy"}),
    frozenset({"accounts"}),
    frozenset({"cohorts"}),
    frozenset({"experiments"}),
    frozenset({"library", "conversation", "review", "reflections", "surveys", "rollups"}),
    frozenset({"api"}),
)
FEATURES = frozenset().union(*LAYERS)
GROUND_PACKAGES = frozenset({"web"})
COMPOSITION_ROOT = frozenset({"main", "cli", "piccolo_app", "piccolo_conf", "demo"})


def layer_of(feature: str) -> int:
    return next(index for index, layer in enumerate(LAYERS) if feature in layer)


@dataclass(frozen=True)
class Import:
    module: str  # the importing module, e.g. "app.library.search"
    target: str  # the imported module or name, e.g. "app.experiments.tables.Experiment"
    line: int


def _module_name(path: Path) -> str:
    parts = path.relative_to(APP.parent).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _imports(path: Path) -> Iterator[Import]:
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(module, alias.name, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            for alias in node.names:
                yield Import(module, f"{source}.{alias.name}", node.lineno)


def all_imports() -> list[Import]:
    return [
        found
        for path in sorted(APP.rglob("*.py"))
        for found in _imports(path)
        if found.target.startswith("app.")
    ]


def _top(module: str) -> str:
    """The package (or top-level module) a dotted name lies in: "app.library.search" -> "library"."""
    return module.split(".")[1]


def _is_feature_module(target: str) -> bool:
    """Whether the dotted target names a module inside a feature package (not the package)."""
    parts = target.split(".")
    return len(parts) > 3 or (len(parts) == 3 and (APP / parts[1] / f"{parts[2]}.py").exists())


def violations(imports: list[Import] | None = None) -> list[str]:
    found = []
    for item in imports if imports is not None else all_imports():
        source, target = _top(item.module), _top(item.target)
        if source in COMPOSITION_ROOT or source == target or target not in FEATURES:
            continue
        where = f"{item.module}:{item.line} imports {item.target}"
        if source not in FEATURES:
            found.append(f"{where}: the ground floor imports no feature")
            continue
        if _is_feature_module(item.target):
            found.append(f"{where}: use the front door app.{target}")
        if layer_of(target) >= layer_of(source):
            found.append(f"{where}: {source} may import only features below it")
    return found


def package_edges(imports: list[Import] | None = None) -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {}
    for item in imports if imports is not None else all_imports():
        source, target = _top(item.module), _top(item.target)
        if source != target and source not in COMPOSITION_ROOT:
            edges.setdefault(source, set()).add(target)
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one package (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(edges.get(node, ())):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


if __name__ == "__main__":
    for line in violations():
        print(line)
    for component in cycles(package_edges()):
        print("cycle:", " <-> ".join(component))
