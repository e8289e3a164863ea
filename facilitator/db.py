"""SQLite connections: one per app context at a time, reused from a small pool.

A file-backed Database is not thread-safe, so an app context (an HTTP request
or a Socket.IO event) has a connection to itself on ``g``. Connections are
returned to a pool instead of closed: opening one costs the pragmas, and
closing the last one checkpoints the WAL, together more than the write itself.
"""
from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

import sqlite_utils
from flask import Flask, current_app, g

from .migrations import migrations

POOL_SIZE = 8


def connect(path: str | Path) -> sqlite_utils.Database:
    """Open the database file with the pragmas every connection needs.

    WAL with synchronous=NORMAL makes a commit survive a killed process (the
    WAL is in the OS page cache before COMMIT returns); foreign keys make
    deletes cascade; busy_timeout lets a second writer wait instead of fail.
    """
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    _create_private(Path(path))
    # check_same_thread=False: a pooled connection may serve another thread
    # later, but only ever one app context at a time.
    db = sqlite_utils.Database(sqlite3.connect(str(path), check_same_thread=False))
    db.execute("PRAGMA busy_timeout = 5000")
    if db.journal_mode != "wal":
        db.enable_wal()
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute("PRAGMA foreign_keys = ON")
    owner_only(Path(path))
    # SQLite quietly opens a file it may not write read-only, and such a connection stays
    # read-only after the file becomes writable: it is marked, and never kept for reuse.
    db.opened_read_only = (str(path) != ":memory:"  # type: ignore[attr-defined]
                           and not os.access(path, os.W_OK))
    return db


def _create_private(path: Path) -> None:
    """Create the file readable by its owner only before SQLite does (SQLite gives the WAL
    and shared-memory files the database file's permissions)."""
    if str(path) != ":memory:" and not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))


def owner_only(path: Path) -> None:
    """Take group and world access off the database and its WAL files (notes are in them)."""
    for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        try:
            if file.stat().st_mode & 0o077:
                file.chmod(0o600)
        except OSError:  # not there (yet), or not ours to change
            continue


class Pool:
    """Idle connections to one database file, handed to one app context at a time."""

    def __init__(self, path: str | Path, size: int = POOL_SIZE):
        self.path, self.size = path, size
        self.idle: list[sqlite_utils.Database] = []
        self.lock = threading.Lock()

    def acquire(self) -> sqlite_utils.Database:
        with self.lock:
            if self.idle:
                return self.idle.pop()
        return connect(self.path)

    def release(self, db: sqlite_utils.Database) -> None:
        if db.conn.in_transaction:  # a handler failed mid-way: never hand that on
            db.conn.rollback()
        if getattr(db, "opened_read_only", False):  # the next one may find the file writable
            db.close()
            return
        with self.lock:
            if len(self.idle) < self.size:
                self.idle.append(db)
                return
        db.close()


def migrate(path: str | Path) -> None:
    """Bring the schema up to date; safe to call on every start."""
    db = connect(path)
    try:
        migrations.apply(db)
    finally:
        db.close()


def get_db() -> sqlite_utils.Database:
    """The connection of the current app context, taken from the pool on first use."""
    if "db" not in g:
        g.db = current_app.extensions["facilitator_db"].acquire()
    return g.db


def release_db(_exc: BaseException | None = None) -> None:
    db = g.pop("db", None)
    if db is not None:
        current_app.extensions["facilitator_db"].release(db)


def init_app(app: Flask) -> None:
    migrate(app.config["DB_PATH"])
    app.extensions["facilitator_db"] = Pool(app.config["DB_PATH"])
    app.teardown_appcontext(release_db)
