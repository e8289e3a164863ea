"""The only module that reads or writes tables.

Functions take the sqlite_utils.Database as their first argument and speak
in model dataclasses; callers own the transaction (``with db.atomic():``).
"""
from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from sqlite_utils import Database

from .models import (Attendee, EvalItem, Event, EventDraft, Note, Question, RotationSettings, Step,
                     TimerState, User)

# ---- events -------------------------------------------------------------------


def _event(row: dict[str, Any]) -> Event:
    return Event(id=row["id"], name=row["name"], date=row["date"] or "", place=row["place"] or "",
                 organiser=row["organiser"] or "", language=row["language"],
                 join_code=row["join_code"], is_demo=bool(row["is_demo"]),
                 box_open=bool(row["box_open"]), projector_view=row["projector_view"],
                 prepare_token=row["prepare_token"], table_numbers=bool(row["table_numbers"]),
                 retention_days=row["retention_days"])


def insert_event(db: Database, event_id: str, join_code: str, draft: EventDraft,
                 created_at: str, is_demo: bool = False) -> Event:
    db["events"].insert({**asdict(draft), "id": event_id, "join_code": join_code,
                         "is_demo": int(is_demo), "created_at": created_at})
    return get_event(db, event_id)


def update_event(db: Database, event_id: str, draft: EventDraft) -> Event:
    db["events"].update(event_id, asdict(draft))
    return get_event(db, event_id)


def set_event_fields(db: Database, event_id: str, **fields: Any) -> None:
    """Change event settings such as box_open, projector_view or prepare_token."""
    db["events"].update(event_id, fields)


def get_event_by_prepare_token(db: Database, token: str) -> Event | None:
    rows = list(db["events"].rows_where("prepare_token = ? AND prepare_token != ''", [token],
                                        limit=1))
    return _event(rows[0]) if rows else None


def delete_event(db: Database, event_id: str) -> None:
    db.execute("DELETE FROM events WHERE id = ?", [event_id])


def get_event(db: Database, event_id: str) -> Event | None:
    # db.query, not rows_where: that asks sqlite_master whether the table exists on every
    # call, and an event is read on every socket connect.
    rows = list(db.query("SELECT * FROM events WHERE id = ?", [event_id]))
    return _event(rows[0]) if rows else None


def get_event_by_join_code(db: Database, code: str) -> Event | None:
    rows = list(db["events"].rows_where("join_code = ?", [code], limit=1))
    return _event(rows[0]) if rows else None


def get_demo_event(db: Database) -> Event | None:
    rows = list(db["events"].rows_where("is_demo = 1", order_by="created_at", limit=1))
    return _event(rows[0]) if rows else None


def list_events(db: Database) -> list[Event]:
    return [_event(r) for r in db["events"].rows_where(order_by="date desc, created_at desc")]


def join_code_taken(db: Database, code: str) -> bool:
    return db["events"].count_where("join_code = ?", [code]) > 0


# ---- questions and programme steps ------------------------------------------------


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


# ---- timer -------------------------------------------------------------------------


def get_timer(db: Database, event_id: str) -> TimerState | None:
    rows = list(db["timers"].rows_where("event_id = ?", [event_id], limit=1))
    return _timer(rows[0]) if rows else None


def _timer(r: dict[str, Any]) -> TimerState:
    return TimerState(status=r["status"], step_id=r["step_id"], duration_ms=r["duration_ms"],
                      ends_at_ms=r["ends_at_ms"], remaining_ms=r["remaining_ms"],
                      auto_advance=bool(r["auto_advance"]))


def save_timer(db: Database, event_id: str, state: TimerState) -> None:
    row = {**asdict(state), "auto_advance": int(state.auto_advance)}
    db["timers"].upsert({"event_id": event_id, **row}, pk="event_id")


def due_auto_advance(db: Database, now_ms: int) -> list[str]:
    """Events whose running step has ended and that advance by themselves."""
    return [r["event_id"] for r in db["timers"].rows_where(
        "status = 'running' AND auto_advance = 1 AND ends_at_ms <= ?", [now_ms])]


def open_step_run(db: Database, event_id: str, step_id: int, started_ms: int) -> None:
    db["step_runs"].insert({"event_id": event_id, "step_id": step_id, "started_ms": started_ms})


def close_step_runs(db: Database, event_id: str, stopped_ms: int) -> None:
    db.execute("UPDATE step_runs SET stopped_ms = ? WHERE event_id = ? AND stopped_ms IS NULL",
               [stopped_ms, event_id])


def step_elapsed(db: Database, event_id: str, now_ms: int) -> dict[int, int]:
    """Milliseconds each step has actually run, the open run counted up to now."""
    rows = db.execute("SELECT step_id, SUM(COALESCE(stopped_ms, ?) - started_ms) FROM step_runs"
                      " WHERE event_id = ? GROUP BY step_id", [now_ms, event_id]).fetchall()
    return {step_id: total for step_id, total in rows}


# ---- notes -------------------------------------------------------------------------


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



# ---- accounts ----------------------------------------------------------------------


def insert_user(db: Database, username: str, password_hash: str, created_at: str) -> User:
    table = db["users"].insert({"username": username, "password_hash": password_hash,
                                "created_at": created_at})
    return User(table.last_pk, username)


def get_user(db: Database, user_id: int) -> User | None:
    rows = list(db["users"].rows_where("id = ?", [user_id], limit=1))
    return User(rows[0]["id"], rows[0]["username"]) if rows else None


def get_user_login(db: Database, username: str) -> tuple[User, str] | None:
    """The user and their password hash, for checking a log-in."""
    rows = list(db["users"].rows_where("username = ?", [username], limit=1))
    return (User(rows[0]["id"], rows[0]["username"]), rows[0]["password_hash"]) if rows else None


def set_password_hash(db: Database, user_id: int, password_hash: str) -> None:
    db["users"].update(user_id, {"password_hash": password_hash})


def add_member(db: Database, event_id: str, user_id: int, role: str) -> None:
    db.execute("INSERT INTO event_members (event_id, user_id, role) VALUES (?, ?, ?)"
               " ON CONFLICT(event_id, user_id) DO NOTHING", [event_id, user_id, role])


def is_member(db: Database, event_id: str, user_id: int) -> bool:
    return db["event_members"].count_where("event_id = ? AND user_id = ?", [event_id, user_id]) > 0


def list_events_for(db: Database, user_id: int) -> list[Event]:
    rows = db.query("SELECT events.* FROM events JOIN event_members m ON m.event_id = events.id"
                    " WHERE m.user_id = ? ORDER BY date DESC, created_at DESC", [user_id])
    return [_event(r) for r in rows]


def insert_invite(db: Database, token: str, event_id: str, expires_ms: int) -> None:
    db["invites"].insert({"token": token, "event_id": event_id, "expires_ms": expires_ms})


def get_invite(db: Database, token: str) -> tuple[str, int] | None:
    rows = list(db["invites"].rows_where("token = ?", [token], limit=1))
    return (rows[0]["event_id"], rows[0]["expires_ms"]) if rows else None


def events_older_than(db: Database, today_iso: str) -> list[str]:
    """Events whose retention period has run out (counted from the event date, else creation)."""
    rows = db.execute(
        "SELECT id FROM events WHERE date(COALESCE(NULLIF(date, ''), substr(created_at, 1, 10)),"
        " '+' || retention_days || ' days') < date(?)", [today_iso]).fetchall()
    return [r[0] for r in rows]



# ---- report logo -------------------------------------------------------------------


def save_logo(db: Database, event_id: str, mime: str, data: bytes) -> None:
    db["event_logos"].upsert({"event_id": event_id, "mime": mime, "data": data}, pk="event_id")


def get_logo(db: Database, event_id: str) -> bytes | None:
    rows = list(db["event_logos"].rows_where("event_id = ?", [event_id], limit=1))
    return rows[0]["data"] if rows else None


def delete_logo(db: Database, event_id: str) -> None:
    db.execute("DELETE FROM event_logos WHERE event_id = ?", [event_id])



# ---- evaluation ----------------------------------------------------------------------


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
    """(value, comment) of every answer to an item, oldest first."""
    return [(r[0], r[1]) for r in db.execute(
        "SELECT value, comment FROM eval_answers WHERE item_id = ? ORDER BY updated_at, rowid",
        [item_id]).fetchall()]


# ---- rotation: people and rounds ------------------------------------------------


def _attendee(r: dict[str, Any]) -> Attendee:
    return Attendee(id=r["id"], event_id=r["event_id"], name=r["name"], org=r["org"] or "",
                    role=r["role"] or "", host_table=r["host_table"], present=bool(r["present"]))


def insert_attendees(db: Database, event_id: str, rows: list[dict[str, Any]],
                     created_at: str) -> list[int]:
    ids = []
    for row in rows:
        ids.append(db["people"].insert({**row, "event_id": event_id,
                                        "created_at": created_at}).last_pk)
    return ids


def list_attendees(db: Database, event_id: str) -> list[Attendee]:
    return [_attendee(r) for r in db["people"].rows_where("event_id = ?", [event_id],
                                                          order_by="id")]


def count_attendees(db: Database, event_id: str) -> int:
    return db["people"].count_where("event_id = ?", [event_id])


def get_attendee(db: Database, event_id: str, person_id: int) -> Attendee | None:
    rows = list(db["people"].rows_where("event_id = ? AND id = ?", [event_id, person_id], limit=1))
    return _attendee(rows[0]) if rows else None


def find_attendee_by_name(db: Database, event_id: str, name: str) -> Attendee | None:
    """The first person with this name, ignoring case (in Python: SQLite's lower() knows
    only ASCII, and "Åsa Öberg" must find "åsa öberg")."""
    wanted = name.casefold()
    for row in db.execute("SELECT id, name FROM people WHERE event_id = ? ORDER BY id",
                          [event_id]).fetchall():
        if row[1].casefold() == wanted:
            return get_attendee(db, event_id, row[0])
    return None


def update_attendee(db: Database, person_id: int, **fields: Any) -> None:
    db["people"].update(person_id, fields)


def delete_attendee(db: Database, person_id: int) -> None:
    db.execute("DELETE FROM rotation_wishes WHERE a = ? OR b = ?", [person_id, person_id])
    db.execute("DELETE FROM people WHERE id = ?", [person_id])


def list_wishes(db: Database, event_id: str) -> list[tuple[int, int, int, str]]:
    """(id, a, b, kind) of every keep-apart or keep-together wish."""
    return [(r["id"], r["a"], r["b"], r["kind"]) for r in
            db["rotation_wishes"].rows_where("event_id = ?", [event_id], order_by="id")]


def insert_wish(db: Database, event_id: str, a: int, b: int, kind: str) -> None:
    db["rotation_wishes"].insert({"event_id": event_id, "a": a, "b": b, "kind": kind})


def delete_wish(db: Database, event_id: str, wish_id: int) -> bool:
    return db.execute("DELETE FROM rotation_wishes WHERE event_id = ? AND id = ?",
                      [event_id, wish_id]).rowcount > 0


def get_rotation_settings(db: Database, event_id: str) -> RotationSettings:
    row = db.execute("SELECT rotation_mode, rotation_size, rotation_tables, rotation_rounds, "
                     "rotation_seed, rotation_current FROM events WHERE id = ?",
                     [event_id]).fetchone()
    return RotationSettings(*row)


def set_rotation_settings(db: Database, event_id: str, settings: RotationSettings) -> None:
    db["events"].update(event_id, {f"rotation_{k}": v for k, v in asdict(settings).items()})


def list_rounds(db: Database, event_id: str) -> list[list[list[int]]]:
    """Every planned or played round, in order (round 1 first)."""
    return [json.loads(r["tables"]) for r in
            db["rotation_rounds"].rows_where("event_id = ?", [event_id], order_by="round_no")]


def replace_rounds_from(db: Database, event_id: str, first: int,
                        rounds: list[list[list[int]]]) -> None:
    """Drop rounds numbered ``first`` and later, then store ``rounds`` as first, first+1, ..."""
    db.execute("DELETE FROM rotation_rounds WHERE event_id = ? AND round_no >= ?",
               [event_id, first])
    db["rotation_rounds"].insert_all(
        {"event_id": event_id, "round_no": first + i, "tables": json.dumps(tables)}
        for i, tables in enumerate(rounds))


# ---- themes ----------------------------------------------------------------------------
# A scope is one question's themes or, with question_id None, the themes across all.
# Its state is a plain list (JSON-able, for undo): [{"id", "label", "other", "manual",
# "notes": [[note_id, pinned], ...]}] in display order, representative notes first.


def theme_state(db: Database, event_id: str, question_id: int | None) -> list[dict[str, Any]]:
    themes = list(db["themes"].rows_where("event_id = ? AND question_id IS ?",
                                          [event_id, question_id], order_by="position, id"))
    members: dict[int, list[list[Any]]] = {t["id"]: [] for t in themes}
    rows = db.execute(
        "SELECT tn.theme_id, tn.note_id, tn.pinned FROM theme_notes tn JOIN themes t"
        " ON t.id = tn.theme_id WHERE t.event_id = ? AND t.question_id IS ?"
        " ORDER BY tn.position, tn.rowid", [event_id, question_id]).fetchall()
    for theme_id, note_id, pinned in rows:
        members[theme_id].append([note_id, bool(pinned)])
    return [{"id": t["id"], "label": t["label"], "other": bool(t["other"]),
             "manual": bool(t["manual"]), "notes": members[t["id"]]} for t in themes]


def replace_themes(db: Database, event_id: str, question_id: int | None,
                   state: list[dict[str, Any]], created_at: str) -> list[dict[str, Any]]:
    """Make ``state`` the scope's themes; a theme keeps its id where it has one still free."""
    db.execute("DELETE FROM theme_notes WHERE theme_id IN (SELECT id FROM themes"
               " WHERE event_id = ? AND question_id IS ?)", [event_id, question_id])
    db.execute("DELETE FROM themes WHERE event_id = ? AND question_id IS ?",
               [event_id, question_id])
    for position, theme in enumerate(state):
        row = {"event_id": event_id, "question_id": question_id, "label": theme["label"],
               "other": int(theme["other"]), "manual": int(theme["manual"]),
               "position": position, "created_at": created_at}
        if theme.get("id") is not None and not db["themes"].count_where("id = ?", [theme["id"]]):
            row["id"] = theme["id"]
        theme["id"] = db["themes"].insert(row).last_pk
        db.conn.executemany("INSERT INTO theme_notes (theme_id, note_id, event_id, pinned, position)"
                       " VALUES (?, ?, ?, ?, ?)",
                       [(theme["id"], note_id, event_id, int(pinned), i)
                        for i, (note_id, pinned) in enumerate(theme["notes"])])
    return state


def theme_scopes(db: Database, event_id: str) -> list[int | None]:
    """The scopes of an event that have themes."""
    return [r[0] for r in db.execute("SELECT DISTINCT question_id FROM themes WHERE event_id = ?",
                                     [event_id]).fetchall()]


UNDO_DEPTH = 20


def push_theme_undo(db: Database, event_id: str, question_id: int | None,
                    state: list[dict[str, Any]], created_at: str) -> None:
    db["theme_undo"].insert({"event_id": event_id, "question_id": question_id,
                             "snapshot": json.dumps(state, ensure_ascii=False),
                             "created_at": created_at})
    db.execute("DELETE FROM theme_undo WHERE event_id = ? AND question_id IS ? AND id NOT IN"
               " (SELECT id FROM theme_undo WHERE event_id = ? AND question_id IS ?"
               " ORDER BY id DESC LIMIT ?)",
               [event_id, question_id, event_id, question_id, UNDO_DEPTH])


def pop_theme_undo(db: Database, event_id: str, question_id: int | None) -> list[dict] | None:
    rows = db.execute("SELECT id, snapshot FROM theme_undo WHERE event_id = ? AND question_id IS ?"
                      " ORDER BY id DESC LIMIT 1", [event_id, question_id]).fetchall()
    if not rows:
        return None
    db.execute("DELETE FROM theme_undo WHERE id = ?", [rows[0][0]])
    return json.loads(rows[0][1])


def count_theme_undo(db: Database, event_id: str, question_id: int | None) -> int:
    return db["theme_undo"].count_where("event_id = ? AND question_id IS ?", [event_id, question_id])


def last_changed_theme_scope(db: Database, event_id: str) -> tuple[bool, int | None]:
    """(found, question_id) of the scope changed last."""
    rows = db.execute("SELECT question_id FROM theme_undo WHERE event_id = ? ORDER BY id DESC"
                      " LIMIT 1", [event_id]).fetchall()
    return (True, rows[0][0]) if rows else (False, None)


def get_projector_themes(db: Database, event_id: str) -> str:
    rows = db.execute("SELECT projector_themes FROM events WHERE id = ?", [event_id]).fetchall()
    return rows[0][0] if rows else ""


def get_vectors(db: Database, event_id: str, model: str) -> dict[str, bytes]:
    return {r[0]: r[1] for r in db.execute(
        "SELECT note_id, vector FROM note_vectors WHERE event_id = ? AND model = ?",
        [event_id, model]).fetchall()}


def save_vectors(db: Database, event_id: str, model: str, vectors: dict[str, bytes]) -> None:
    db.conn.executemany("INSERT INTO note_vectors (note_id, event_id, model, vector) VALUES (?, ?, ?, ?)"
                   " ON CONFLICT(note_id) DO UPDATE SET model = excluded.model,"
                   " vector = excluded.vector",
                   [(note_id, event_id, model, blob) for note_id, blob in vectors.items()])


def notes_without_vectors(db: Database, model: str, limit: int) -> list[tuple[str, str, str]]:
    """(event_id, note_id, text) of visible notes with no vector from ``model`` yet."""
    return [tuple(r) for r in db.execute(
        "SELECT n.event_id, n.id, n.text FROM notes n LEFT JOIN note_vectors v"
        " ON v.note_id = n.id AND v.model = ? WHERE v.note_id IS NULL AND n.hidden = 0"
        " ORDER BY n.created_at LIMIT ?", [model, limit]).fetchall()]
