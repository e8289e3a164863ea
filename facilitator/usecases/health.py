"""Is the server fit to take notes: can its database be written right now?"""
from __future__ import annotations

import sqlite3

from sqlite_utils import Database

HEALTH_BUSY_MS = 1000


def database_writable(db: Database) -> bool:
    """Write and roll back: take the write lock (fails when another writer has held it for a
    second) and rewrite the header's user_version unchanged (fails on a read-only file, which
    BEGIN IMMEDIATE alone does not notice in WAL mode). Nothing reaches the file."""
    try:
        db.execute(f"PRAGMA busy_timeout = {HEALTH_BUSY_MS}")
        version = db.execute("PRAGMA user_version").fetchone()[0]
        db.conn.execute("BEGIN IMMEDIATE")
        db.conn.execute(f"PRAGMA user_version = {int(version)}")
        db.conn.execute("ROLLBACK")
        return True
    except sqlite3.Error:
        if db.conn.in_transaction:
            db.conn.rollback()
        return False
    finally:
        db.execute("PRAGMA busy_timeout = 5000")
