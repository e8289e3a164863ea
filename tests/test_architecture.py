"""Dependency direction: views/events -> services -> (domain, store) -> models.

An AST walk of each module's imports keeps the layers honest.
"""
import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "facilitator"
# Use-case modules: they hold a Database handle and call the store.
USE_CASES = {"services.py", "programme.py", "timing.py", "notes.py", "accounts.py",
             "evaluation.py", "rotation.py", "people.py", "themes.py",
             "note_vectors.py"}
FRAMEWORKS = {"flask", "flask_socketio", "flask_babel", "sqlite_utils", "sqlite3", "socketio",
              "gevent"}


def imports_of(path: Path) -> set[str]:
    """Absolute module names a file imports (relative ones resolved within the package)."""
    module_parts = ["facilitator", *path.relative_to(PACKAGE).with_suffix("").parts]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = module_parts[:len(module_parts) - node.level] if node.level else []
            name = ".".join(base + ([node.module] if node.module else []))
            found.add(name)
            found.update(f"{name}.{alias.name}" for alias in node.names)
    return found


def files(sub: str = ""):
    return sorted((PACKAGE / sub).rglob("*.py"))


def test_domain_is_pure():
    for path in files("domain"):
        bad = {m for m in imports_of(path) if m.split(".")[0] in FRAMEWORKS
               or m.startswith(("facilitator.store", "facilitator.services", "facilitator.db"))}
        assert not bad, f"{path.name} imports {bad}"


def test_only_store_and_db_setup_touch_tables():
    allowed = {"store.py", "db.py", "migrations.py", *USE_CASES}
    for path in files():
        if path.name in allowed:
            continue
        assert "sqlite_utils" not in {m.split(".")[0] for m in imports_of(path)}, path


def test_handlers_and_views_go_through_services():
    for path in [*files("views"), PACKAGE / "events.py"]:
        assert "facilitator.store" not in imports_of(path), f"{path.name} imports store"


def test_only_broadcast_emits():
    for path in files():
        if path.name == "broadcast.py":
            continue
        assert ".emit(" not in path.read_text(encoding="utf-8"), path
