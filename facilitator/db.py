"""One sqlite_utils.Database per app context, opened in WAL mode.

A file-backed Database is not thread-safe, so each app context (an HTTP
request or a Socket.IO event) gets its own connection on ``g``.
"""
from __future__ import annotations

from pathlib import Path

import sqlite_utils
from flask import Flask, current_app, g

from .migrations import migrations


def connect(path: str | Path) -> sqlite_utils.Database:
    """Open the database file with the pragmas every connection needs.

    WAL with synchronous=NORMAL makes a commit survive a killed process (the
    WAL is in the OS page cache before COMMIT returns); foreign keys make
    deletes cascade; busy_timeout lets a second writer wait instead of fail.
    """
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    db = sqlite_utils.Database(path)
    db.execute("PRAGMA busy_timeout = 5000")
    if db.journal_mode != "wal":
        db.enable_wal()
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute("PRAGMA foreign_keys = ON")
    return db


def migrate(path: str | Path) -> None:
    """Bring the schema up to date; safe to call on every start."""
    db = connect(path)
    try:
        migrations.apply(db)
    finally:
        db.close()


def get_db() -> sqlite_utils.Database:
    """The connection of the current app context, opened on first use."""
    if "db" not in g:
        g.db = connect(current_app.config["DB_PATH"])
    return g.db


def close_db(_exc: BaseException | None = None) -> None:
    db = g.pop("db", None)
    if db is not None:
        db.close()


def init_app(app: Flask) -> None:
    migrate(app.config["DB_PATH"])
    app.teardown_appcontext(close_db)
