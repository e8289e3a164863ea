"""Notes: insert idempotently, flags, lists, table groups."""
from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from ..models import Note

NOTE_COLUMNS = ("id", "event_id", "question_id", "text", "created_at", "hidden", "starred",
                "prepared", "prepared_by", "table_no")


def _note(row: dict[str, Any]) -> Note:
    return Note(id=row["id"], event_id=row["event_id"], text=row["text"],
                created_at=row["created_at"], question_id=row["question_id"],
                hidden=bool(row["hidden"]), starred=bool(row["starred"]),
                prepared=bool(row["prepared"]), prepared_by=row["prepared_by"],
                table_no=row["table_no"])


def insert_note(db: Database, note: Note) -> bool:
    """Insert unless a note with this id exists; True when it was new.

    The phone resends until acknowledged, so a second insert of the same id
    is normal and must leave exactly one row.
    """
    values = [note.id, note.event_id, note.question_id, note.text, note.created_at,
              int(note.hidden), int(note.starred), int(note.prepared), note.prepared_by,
              note.table_no]
    cursor = db.execute(
        f"INSERT INTO notes ({', '.join(NOTE_COLUMNS)}) VALUES ({', '.join('?' * len(values))})"
        " ON CONFLICT(id) DO NOTHING", values)
    return cursor.rowcount == 1


def get_note(db: Database, note_id: str) -> Note | None:
    rows = list(db.query("SELECT * FROM notes WHERE id = ?", [note_id]))  # see get_event
    return _note(rows[0]) if rows else None


def set_note_flags(db: Database, note_id: str, **flags: bool) -> None:
    """Set hidden and/or starred; the text is never changed."""
    db["notes"].update(note_id, {k: int(v) for k, v in flags.items()})


def list_notes(db: Database, event_id: str, visible_only: bool = False) -> list[Note]:
    where = "event_id = ?" + (" AND hidden = 0" if visible_only else "")
    return [_note(r) for r in db["notes"].rows_where(where, [event_id], order_by="created_at, rowid")]


def count_notes(db: Database, event_id: str, visible_only: bool = False) -> int:
    return db["notes"].count_where("event_id = ?" + (" AND hidden = 0" if visible_only else ""),
                                   [event_id])


def table_groups(db: Database, event_id: str, minimum: int) -> dict[int, list[str]]:
    """Note ids per table number, only for tables with at least ``minimum`` visible notes."""
    rows = db.execute("SELECT table_no, id FROM notes WHERE event_id = ? AND hidden = 0"
                      " AND table_no IS NOT NULL ORDER BY table_no, created_at", [event_id])
    groups: dict[int, list[str]] = {}
    for table_no, note_id in rows.fetchall():
        groups.setdefault(table_no, []).append(note_id)
    return {t: ids for t, ids in groups.items() if len(ids) >= minimum}
