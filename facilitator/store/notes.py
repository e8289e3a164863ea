"""Notes: insert idempotently, flags, lists, table groups."""
from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from ..models import Note

NOTE_COLUMNS = ("id", "event_id", "question_id", "text", "created_at", "hidden", "starred",
                "prepared", "prepared_by", "table_no", "step_id", "scope")


def _note(row: dict[str, Any]) -> Note:
    return Note(id=row["id"], event_id=row["event_id"], text=row["text"],
                created_at=row["created_at"], question_id=row["question_id"],
                hidden=bool(row["hidden"]), starred=bool(row["starred"]),
                prepared=bool(row["prepared"]), prepared_by=row["prepared_by"],
                table_no=row["table_no"], step_id=row.get("step_id"), scope=row.get("scope"))


def insert_note(db: Database, note: Note) -> bool:
    """Insert unless a note with this id exists; True when it was new.

    The phone resends until acknowledged, so a second insert of the same id
    is normal and must leave exactly one row.
    """
    values = [note.id, note.event_id, note.question_id, note.text, note.created_at,
              int(note.hidden), int(note.starred), int(note.prepared), note.prepared_by,
              note.table_no, note.step_id, note.scope]
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
    """Note ids per table number, from the (table, round) groups with at least ``minimum``
    visible notes written by at least ``minimum`` phones; a smaller group is left out
    whole, so none of its notes shows a table."""
    rows = db.execute("SELECT table_no, COALESCE(step_id, 0), id FROM notes WHERE event_id = ?"
                      " AND hidden = 0 AND table_no IS NOT NULL ORDER BY table_no, created_at",
                      [event_id])
    rounds: dict[tuple[int, int], list[str]] = {}
    for table_no, step_id, note_id in rows.fetchall():
        rounds.setdefault((table_no, step_id), []).append(note_id)
    phones = dict(((t, s), n) for t, s, n in db.execute(
        "SELECT table_no, step_id, COUNT(*) FROM table_tags WHERE event_id = ?"
        " GROUP BY table_no, step_id", [event_id]).fetchall())
    groups: dict[int, list[str]] = {}
    for (table_no, step_id), ids in rounds.items():
        if len(ids) >= minimum and phones.get((table_no, step_id), 0) >= minimum:
            groups.setdefault(table_no, []).extend(ids)
    return groups


def tag_table(db: Database, event_id: str, table_no: int, step_id: int, tag: str) -> None:
    """Count one phone at a table in a round (once, however many notes it sends)."""
    db.execute("INSERT OR IGNORE INTO table_tags (event_id, table_no, step_id, tag)"
               " VALUES (?, ?, ?, ?)", [event_id, table_no, step_id, tag])
