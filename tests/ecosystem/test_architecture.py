"""docs/architecture.md's import rules, read from the code: every `import` of every disclint/**.py
(at any depth: a lazy import inside a function is an edge all the same; imports under
`if TYPE_CHECKING:` are for types only and are not), checked against the forbidden edges below."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "disclint"

# layer → the layers it must never import (a layer is disclint's top-level module or package)
FORBIDDEN: dict[str, set[str]] = {
    "model": {"*"},  # the typed model imports nothing of disclint
    "stopping": {"*"},  # the record of a stop is imported by the pool, atomic writes and the CLI alike
    "readers": {"engine", "kinds", "formatters", "cli", "grammar", "tables", "facts", "content", "suppress",
                "summary", "report", "config", "settings", "cache"},
    "grammar": {"engine", "kinds", "formatters", "cli", "tables", "facts", "suppress", "summary", "report",
                "config", "cache"},
    "tables": {"engine", "kinds", "formatters", "cli", "suppress", "summary", "report", "config", "cache"},
    "kinds": {"cli", "formatters", "engine", "suppress", "summary", "report", "config", "cache"},
    "facts": {"engine", "kinds", "formatters", "cli", "suppress", "summary", "report"},
    "content": {"engine", "kinds", "formatters", "cli", "suppress", "summary", "report"},
    "suppress": {"engine", "cli", "formatters", "summary", "readers", "kinds"},
    "settings": {"engine", "kinds", "formatters", "cli", "summary", "suppress", "config"},
    "config": {"engine", "kinds", "formatters", "cli", "summary", "suppress"},
    "engine": {"cli", "formatters", "summary", "report"},
    "formatters": {"cli", "engine", "summary", "suppress", "cache"},
    "summary": {"cli", "serve", "annotate"},
    "report_view": {"cli", "engine", "formatters", "summary", "suppress", "cache", "serve", "annotate"},
    "annotate": {"cli", "formatters", "summary", "serve"},
    "serve": {"cli", "summary"},
    "report": {"cli", "formatters", "summary"},
    "cache": {"cli", "formatters", "summary"},
}
# modules of a forbidden layer that a layer may import all the same, since they import nothing that
# layer may not import itself
EXCEPT: dict[str, set[str]] = {
    "kinds": {"disclint.engine.schema"},  # the type markers a kind's PARAMS are written with
    "suppress": {"disclint.formatters.common"},  # json_text: the baseline keeps any bytes of a name
}


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _module_of(path: Path) -> tuple[str, str]:
    """(module, package the relative imports start from)."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    if path.name == "__init__.py":
        return ".".join(parts[:-1]), ".".join(parts[:-1])
    return ".".join(parts), ".".join(parts[:-1])


def _type_only(tree: ast.AST) -> set[int]:
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip |= {id(n) for stmt in node.body for n in ast.walk(stmt)}
    return skip


def _exists(module: str) -> bool:
    rel = Path(*module.split("."))
    return (ROOT / rel).with_suffix(".py").is_file() or (ROOT / rel / "__init__.py").is_file()


def imports(path: Path) -> list[tuple[str, int]]:
    """(imported disclint module, line) for every run-time import in one file."""
    module, package = _module_of(path)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _type_only(tree)
    out: list[tuple[str, int]] = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            out += [(a.name, node.lineno) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ".".join(package.split(".")[:len(package.split(".")) - node.level + 1])
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            # `from disclint import kinds` imports the module disclint.kinds; `from . import __version__` the package
            names = [f"{target}.{a.name}" for a in node.names if _exists(f"{target}.{a.name}")]
            out += [(n, node.lineno) for n in names] or [(target, node.lineno)]
    return [(m, line) for m, line in out if m == "disclint" or m.startswith("disclint.")]


def edges(modules: bool = False) -> list[tuple[str, str, str]]:
    """(from layer, to layer, file:line) for every import between two layers (with `modules`, the
    imported module instead of its layer)."""
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        source = _layer(_module_of(path)[0])
        for target, line in imports(path):
            layer = _layer(target)
            if layer != source:
                out.append((source, target if modules else layer, f"{path.relative_to(ROOT)}:{line}"))
    return out


def test_no_forbidden_import():
    bad = [f"{where}: {source} imports {target}" for source, target, where in edges(modules=True)
           if (_layer(target) in FORBIDDEN.get(source, ()) or "*" in FORBIDDEN.get(source, ()))
           and target not in EXCEPT.get(source, ())]
    assert bad == []


def test_the_exceptions_bring_no_forbidden_layer_with_them():
    for source, modules in EXCEPT.items():
        for module in modules:
            path = ROOT / Path(*module.split(".")).with_suffix(".py")
            layers = {_layer(target) for target, _ in imports(path)} - {_layer(module)}
            assert layers & FORBIDDEN[source] == set(), module


def test_only_the_cli_imports_the_cli():
    assert [where for source, target, where in edges() if target == "cli" and source not in ("cli", "__main__")] == []


def test_the_graph_is_read():
    """The reader of the graph sees the edges that must exist (a test that cannot fail is a defect)."""
    found = {(s, t) for s, t, _ in edges()}
    assert {("engine", "suppress"), ("engine", "tables"), ("cli", "engine"), ("kinds", "model"),
            ("summary", "engine"), ("tables", "model")} <= found


def test_every_layer_is_in_the_architecture_document():
    doc = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    assert [layer for layer in FORBIDDEN if f"`{layer}`" not in doc] == []
