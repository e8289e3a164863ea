"""Evaluation items and their anonymous answers."""
from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from ..models import EvalItem


def _item(r: dict[str, Any]) -> EvalItem:
    return EvalItem(id=r["id"], event_id=r["event_id"], position=r["position"], kind=r["kind"],
                    prompt=r["prompt"], scale_min=r["scale_min"], scale_max=r["scale_max"],
                    low_label=r["low_label"], high_label=r["high_label"],
                    options=tuple(json.loads(r["options"] or "[]")), is_open=bool(r["is_open"]),
                    results_visible=bool(r["results_visible"]), step_id=r["step_id"])


def insert_eval_item(db: Database, event_id: str, fields: dict[str, Any]) -> int:
    position = db["eval_items"].count_where("event_id = ?", [event_id])
    row = {**fields, "options": json.dumps(list(fields.get("options", ())), ensure_ascii=False)}
    return db["eval_items"].insert({"event_id": event_id, "position": position, **row}).last_pk


def list_eval_items(db: Database, event_id: str) -> list[EvalItem]:
    return [_item(r) for r in db["eval_items"].rows_where("event_id = ?", [event_id],
                                                         order_by="position")]


def get_eval_item(db: Database, event_id: str, item_id: int) -> EvalItem | None:
    rows = list(db["eval_items"].rows_where("id = ? AND event_id = ?", [item_id, event_id], limit=1))
    return _item(rows[0]) if rows else None


def set_eval_item_flags(db: Database, item_id: int, **flags: bool) -> None:
    db["eval_items"].update(item_id, {k: int(v) for k, v in flags.items()})


def open_eval_items_of_step(db: Database, event_id: str, step_id: int) -> None:
    db.execute("UPDATE eval_items SET is_open = 1 WHERE event_id = ? AND step_id = ?",
               [event_id, step_id])


def delete_eval_item(db: Database, item_id: int) -> None:
    db.execute("DELETE FROM eval_answers WHERE item_id = ?", [item_id])
    db.execute("DELETE FROM eval_items WHERE id = ?", [item_id])


def upsert_answer(db: Database, item_id: int, answer_key: str, value: int | None,
                  comment: str, updated_at: str) -> None:
    db.execute("INSERT INTO eval_answers (item_id, answer_key, value, comment, updated_at)"
               " VALUES (?, ?, ?, ?, ?) ON CONFLICT(item_id, answer_key) DO UPDATE SET"
               " value = excluded.value, comment = excluded.comment,"
               " updated_at = excluded.updated_at",
               [item_id, answer_key, value, comment, updated_at])


def list_answers(db: Database, item_id: int) -> list[tuple[int | None, str]]:
    """(value, comment) of every answer to an item, in answer-key order: no order that
    follows time, so one phone's answers to two items cannot be lined up."""
    return [(r[0], r[1]) for r in db.execute(
        "SELECT value, comment FROM eval_answers WHERE item_id = ? ORDER BY answer_key",
        [item_id]).fetchall()]
