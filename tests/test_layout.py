"""The shape of the source tree, read from the code itself: module sizes, names kept private to
their module, no import cycle, the layers importing only downwards, and SQL only in the store."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "newsdesk"
MAX_MODULE_LINES = 600

# Modules the analysis stages are made of, and what they must never reach up to.
STAGE_LEVEL = (
    "newsdesk.stages",
    "newsdesk.lang",
    "newsdesk.readers",
    "newsdesk.model",
    "newsdesk.resources",
    "newsdesk.errors",
)
ABOVE_STAGES = (
    "newsdesk.store",
    "newsdesk.corpus",
    "newsdesk.cli",
    "newsdesk.engines",
    "newsdesk.eval",
)
ABOVE_STORE = ("newsdesk.corpus", "newsdesk.cli", "newsdesk.engines", "newsdesk.stages")

STORE = "newsdesk.store"
SQL_CALLS = frozenset({"execute", "executemany", "executescript"})
SQL_STATEMENT = re.compile(r"\s*(?:SELECT|INSERT|UPDATE|DELETE|CREATE)\b")


@dataclass(frozen=True)
class Import:
    """One import statement's target, where it stands, and whether it runs on import."""

    module: str  # the module named by the statement (``from a.b import c``: a.b)
    names: tuple[str, ...]  # the names a ``from`` import takes; empty for ``import a.b``
    line: int
    at_module_level: bool  # run when the module is imported (not inside a def or class)


def module_name(path: Path) -> str:
    """The dotted name of a source file under the project root."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def source_files(*folders: str) -> list[Path]:
    """Every Python file under the named folders of the project root."""
    return sorted(p for folder in folders for p in (ROOT / folder).rglob("*.py"))


@cache
def parsed(path: Path) -> ast.Module:
    """The syntax tree of a source file."""
    return ast.parse(path.read_text("utf-8"), filename=str(path))


def _absolute(path: Path, node: ast.ImportFrom) -> str:
    """The module a ``from`` import names, with relative imports made absolute."""
    if not node.level:
        return node.module or ""
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    base = package[: len(package) - node.level + 1]
    return ".".join([*base, node.module] if node.module else base)


def _walk_imports(path: Path, body: list[ast.stmt], top: bool) -> Iterator[Import]:
    for node in body:
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(alias.name, (), node.lineno, top)
        elif isinstance(node, ast.ImportFrom):
            names = tuple(alias.name for alias in node.names)
            yield Import(_absolute(path, node), names, node.lineno, top)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            yield from _walk_imports(path, node.body, top=False)
        else:
            # if / try / with / for blocks (``if TYPE_CHECKING:`` among them) keep the level.
            for field in ("body", "orelse", "finalbody", "handlers", "cases"):
                for child in getattr(node, field, []):
                    inner = (
                        child.body
                        if isinstance(child, ast.ExceptHandler | ast.match_case)
                        else [child]
                    )
                    yield from _walk_imports(path, inner, top)


def imports(path: Path) -> list[Import]:
    """Every import statement of a source file, at any depth."""
    return list(_walk_imports(path, parsed(path).body, top=True))


def package_modules() -> dict[str, Path]:
    """The modules of the package, by dotted name."""
    return {module_name(p): p for p in source_files("newsdesk")}


def within(module: str, prefixes: tuple[str, ...]) -> bool:
    """True when ``module`` is one of ``prefixes`` or inside one of them."""
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def import_graph() -> dict[str, set[str]]:
    """For each module of the package, the package modules it imports when it is imported
    (module-level imports, those under ``if TYPE_CHECKING:`` included)."""
    modules = package_modules()
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for found in imports(path):
            if not found.at_module_level or not within(found.module, ("newsdesk",)):
                continue
            targets = [f"{found.module}.{n}" for n in found.names]
            submodules = [t for t in targets if t in modules]
            # ``from pkg import submodule`` reaches the submodule; any other name, pkg itself.
            if len(submodules) < len(targets) or not targets:
                submodules.append(found.module)
            graph[name].update(t for t in submodules if t in modules and t != name)
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph as the path that closes it, or None when there is none."""
    state: dict[str, int] = {}  # 1: on the current path, 2: finished
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state:
                cycle = visit(target)
                if cycle is not None:
                    return cycle
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state:
            cycle = visit(start)
            if cycle is not None:
                return cycle
    return None


def sql_uses(path: Path) -> list[tuple[int, str]]:
    """(line, what) for every database call and SQL statement text in a source file."""
    tree = parsed(path)
    # An f-string counts by its leading text only, not by every piece of it.
    pieces = {
        id(piece)
        for node in ast.walk(tree)
        if isinstance(node, ast.JoinedStr)
        for piece in node.values[1:]
    }
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in SQL_CALLS
        ):
            found.append((node.lineno, f".{node.func.attr}( call"))
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in pieces
            and SQL_STATEMENT.match(node.value)
        ):
            found.append((node.lineno, f"SQL text {node.value.strip()[:30]!r}"))
    return sorted(found)


# --- the tests --------------------------------------------------------------------------


def test_no_module_is_over_the_line_limit() -> None:
    too_long = []
    for path in source_files("newsdesk"):
        lines = len(path.read_text("utf-8").splitlines())
        if lines > MAX_MODULE_LINES:
            too_long.append(f"{path.relative_to(ROOT)}: {lines} lines")
    assert not too_long, f"modules over {MAX_MODULE_LINES} lines: " + "; ".join(too_long)


def test_no_private_name_is_imported_from_another_module() -> None:
    offences = []
    for path in source_files("newsdesk", "tests", "bench"):
        for found in imports(path):
            if not within(found.module, ("newsdesk",)):
                continue
            for name in found.names:
                if name.startswith("_") and not (name.startswith("__") and name.endswith("__")):
                    where = f"{path.relative_to(ROOT)}:{found.line}"
                    offences.append(f"{where} imports {name} from {found.module}")
    assert not offences, "private names used outside their module: " + "; ".join(offences)


def test_the_package_has_no_import_cycle() -> None:
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_the_stages_never_import_the_layers_above_them() -> None:
    offences = []
    for name, path in package_modules().items():
        if within(name, STAGE_LEVEL):
            forbidden = ABOVE_STAGES
        elif within(name, (STORE,)):
            forbidden = ABOVE_STORE
        else:
            continue
        for found in imports(path):
            targets = [found.module, *(f"{found.module}.{n}" for n in found.names)]
            reached = [t for t in targets if within(t, forbidden)]
            if reached:
                offences.append(f"{name}:{found.line} imports {reached[0]}")
    assert not offences, "imports against the layering: " + "; ".join(offences)


def test_sql_stays_in_the_store() -> None:
    offences = []
    for path in source_files("newsdesk"):
        if path.is_relative_to(PACKAGE / "store"):
            continue  # the store package is where SQL lives
        for line, what in sql_uses(path):
            offences.append(f"{path.relative_to(ROOT)}:{line} {what}")
    assert not offences, "SQL outside newsdesk/store/: " + "; ".join(offences)


# --- the checks check themselves --------------------------------------------------------


def test_find_cycle_reports_the_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert find_cycle(graph) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_imports_are_found_under_type_checking_and_inside_functions() -> None:
    source = PACKAGE / "stages" / "__init__.py"
    tree = ast.parse(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from newsdesk.store import Store\n"
        "def f():\n"
        "    from newsdesk.cli import main\n"
        "from . import dates\n"
    )
    found = list(_walk_imports(source, tree.body, top=True))
    assert [(i.module, i.at_module_level) for i in found] == [
        ("typing", True),
        ("newsdesk.store", True),
        ("newsdesk.cli", False),
        ("newsdesk.stages", True),
    ]
