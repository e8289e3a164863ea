"""Questions and programme steps."""
from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from ..models import Question, Step


def insert_question(db: Database, event_id: str, position: int, text: str) -> Question:
    table = db["questions"].insert({"event_id": event_id, "position": position, "text": text})
    return Question(table.last_pk, event_id, position, text)


def list_questions(db: Database, event_id: str) -> list[Question]:
    return [Question(r["id"], r["event_id"], r["position"], r["text"])
            for r in db["questions"].rows_where("event_id = ?", [event_id], order_by="position")]


def insert_step(db: Database, event_id: str, position: int, step: dict[str, Any]) -> int:
    return db["steps"].insert({"event_id": event_id, "position": position, **step}).last_pk


def get_step(db: Database, event_id: str, step_id: int) -> Step | None:
    rows = list(db["steps"].rows_where("id = ? AND event_id = ?", [step_id, event_id], limit=1))
    return Step(**rows[0]) if rows else None


def update_step(db: Database, step_id: int, fields: dict[str, Any]) -> None:
    db["steps"].update(step_id, fields)


def delete_step(db: Database, step_id: int) -> None:
    db.execute("DELETE FROM steps WHERE id = ?", [step_id])


def set_step_positions(db: Database, step_ids: list[int]) -> None:
    for position, step_id in enumerate(step_ids):
        db["steps"].update(step_id, {"position": position})


def find_or_insert_question(db: Database, event_id: str, text: str) -> Question:
    for question in list_questions(db, event_id):
        if question.text == text:
            return question
    position = db["questions"].count_where("event_id = ?", [event_id])
    return insert_question(db, event_id, position, text)


def delete_unused_questions(db: Database, event_id: str) -> list[int]:
    """Delete the event's questions that no step asks and no note (hidden ones too) answers.

    What an edit of a step's question leaves behind; their (empty) themes go with them.
    """
    ids = [row[0] for row in db.execute(
        "SELECT id FROM questions q WHERE event_id = ?"
        " AND NOT EXISTS (SELECT 1 FROM steps s WHERE s.question_id = q.id)"
        " AND NOT EXISTS (SELECT 1 FROM notes n WHERE n.question_id = q.id)", [event_id])]
    for qid in ids:
        db.execute("DELETE FROM theme_notes WHERE theme_id IN"
                   " (SELECT id FROM themes WHERE question_id = ?)", [qid])
        for table in ("themes", "theme_undo"):
            db.execute(f"DELETE FROM {table} WHERE question_id = ?", [qid])
        db.execute("DELETE FROM questions WHERE id = ?", [qid])
    return ids


def delete_timer(db: Database, event_id: str) -> None:
    db.execute("DELETE FROM timers WHERE event_id = ?", [event_id])


def list_steps(db: Database, event_id: str) -> list[Step]:
    return [Step(**r) for r in
            db["steps"].rows_where("event_id = ?", [event_id], order_by="position")]
