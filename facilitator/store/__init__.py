"""The only code that reads or writes tables, one module per table family.

Functions take the sqlite_utils.Database as their first argument and speak in model
dataclasses; callers own the transaction (``with db.atomic():``). Every public
function of the family modules below is re-exported here, so callers write
``store.insert_note(db, ...)`` and a new function needs no second line here.
"""
from __future__ import annotations

from importlib import import_module

FAMILIES = ("events", "programme", "timer", "notes", "accounts", "evaluation", "rotation",
            "themes", "votes")


def _reexport(family: str) -> list[str]:
    module = import_module(f".{family}", __name__)
    names = [name for name, value in vars(module).items()
             if callable(value) and not name.startswith("_")
             and getattr(value, "__module__", None) == module.__name__]
    globals().update({name: getattr(module, name) for name in names})
    return names


__all__ = sorted(name for family in FAMILIES for name in _reexport(family))
