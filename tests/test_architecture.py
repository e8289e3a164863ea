"""Dependency direction, by path: views/sockets -> usecases -> (domain, store) -> models.

An AST walk of every module's imports (function-level imports included) keeps
the layers honest and finds import cycles.
"""
import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "facilitator"
FRAMEWORKS = {"flask", "flask_socketio", "flask_babel", "flask_login", "flask_wtf",
              "flask_limiter", "sqlite_utils", "sqlite3", "socketio", "engineio", "gevent",
              "redis", "werkzeug"}
# Modules that may hold a sqlite_utils.Database: storage, its setup, and use cases.
TABLE_ROOMS = ("facilitator.store", "facilitator.usecases", "facilitator.db",
               "facilitator.migrations")


def module_name(path: Path) -> str:
    parts = ["facilitator", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Absolute module names a file imports (relative ones resolved), at any depth."""
    parts = module_name(path).split(".")
    package = parts if path.name == "__init__.py" else parts[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            name = ".".join(base + ([node.module] if node.module else []))
            found.add(name)
            found.update(f"{name}.{alias.name}" for alias in node.names)
    return found


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def internal_imports(path: Path) -> set[str]:
    """The package's own modules a file imports (names that are modules, not attributes)."""
    known = modules()
    return {m for m in imports_of(path) if m in known}


def in_room(module: str, *rooms: str) -> bool:
    return any(module == r or module.startswith(r + ".") for r in rooms)


def test_domain_imports_only_domain_models_and_no_frameworks():
    for name, path in modules().items():
        if not in_room(name, "facilitator.domain"):
            continue
        imported = imports_of(path)
        frameworks = {m for m in imported if m.split(".")[0] in FRAMEWORKS}
        outside = {m for m in internal_imports(path)
                   if not in_room(m, "facilitator.domain", "facilitator.models")
                   and m != "facilitator"}
        assert not frameworks and not outside, f"{name} imports {frameworks | outside}"


def test_only_store_db_setup_and_use_cases_touch_tables():
    for name, path in modules().items():
        if in_room(name, *TABLE_ROOMS):
            continue
        assert "sqlite_utils" not in {m.split(".")[0] for m in imports_of(path)}, name


def test_use_cases_never_import_views_or_sockets():
    for name, path in modules().items():
        if in_room(name, "facilitator.usecases"):
            bad = {m for m in internal_imports(path)
                   if in_room(m, "facilitator.views", "facilitator.sockets")}
            assert not bad, f"{name} imports {bad}"


def test_views_and_sockets_never_import_the_store():
    for name, path in modules().items():
        if in_room(name, "facilitator.views", "facilitator.sockets"):
            assert not {m for m in internal_imports(path) if in_room(m, "facilitator.store")}, name


def test_views_never_import_sockets():
    for name, path in modules().items():
        if in_room(name, "facilitator.views"):
            assert not {m for m in internal_imports(path) if in_room(m, "facilitator.sockets")}, name


def test_only_notify_emits():
    for name, path in modules().items():
        if name == "facilitator.notify":
            continue
        assert ".emit(" not in path.read_text(encoding="utf-8"), name


def test_no_import_cycles():
    graph = {name: {m for m in internal_imports(path) if m != name and m != "facilitator"}
             for name, path in modules().items()}
    # A package's __init__ re-exporting its own modules is not a cycle of behaviour.
    for name in graph:
        graph[name] = {m for m in graph[name] if not name.startswith(m + ".")}
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                raise AssertionError("import cycle: " + " -> ".join(stack[stack.index(nxt):] + [nxt]))
            if nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)


def test_the_rules_catch_a_view_that_imports_sqlite(tmp_path, monkeypatch):
    """The checks work by path: a view named like a use-case module is still a view."""
    fake = PACKAGE / "views" / "notes_probe_for_architecture_test.py"
    fake.write_text("import sqlite_utils\nfrom .. import sockets\n", encoding="utf-8")
    try:
        for check in (test_only_store_db_setup_and_use_cases_touch_tables,
                      test_views_never_import_sockets):
            try:
                check()
            except AssertionError:
                continue
            raise AssertionError(f"{check.__name__} let the probe through")
    finally:
        fake.unlink()
