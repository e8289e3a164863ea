"""Themes, their undo stack, the projector's harvest and the notes' stored vectors."""
from __future__ import annotations

import json
from dataclasses import replace

from sqlite_utils import Database

from ..domain.themes import UNDO_DEPTH, Board, Member, Theme, from_json, to_json

# A scope is one question's themes or, with question_id None, the themes across all; its
# themes are a domain.themes.Board (display order, representative notes first).


def theme_state(db: Database, event_id: str, question_id: int | None) -> Board:
    themes = list(db["themes"].rows_where("event_id = ? AND question_id IS ?",
                                          [event_id, question_id], order_by="position, id"))
    members: dict[int, list[Member]] = {t["id"]: [] for t in themes}
    rows = db.execute(
        "SELECT tn.theme_id, tn.note_id, tn.pinned, tn.by_hand, tn.review FROM theme_notes tn"
        " JOIN themes t ON t.id = tn.theme_id WHERE t.event_id = ? AND t.question_id IS ?"
        " ORDER BY tn.position, tn.rowid", [event_id, question_id]).fetchall()
    for theme_id, note_id, pinned, by_hand, review in rows:
        members[theme_id].append(Member(note_id, bool(pinned), bool(by_hand), bool(review)))
    return tuple(Theme(t["id"], t["label"], tuple(members[t["id"]]), bool(t["other"]),
                       bool(t["manual"])) for t in themes)


def replace_themes(db: Database, event_id: str, question_id: int | None,
                   board: Board, created_at: str) -> Board:
    """Make ``board`` the scope's themes; a theme keeps its id where it has one still free.
    Returns the board as saved (every theme with its id)."""
    db.execute("DELETE FROM theme_notes WHERE theme_id IN (SELECT id FROM themes"
               " WHERE event_id = ? AND question_id IS ?)", [event_id, question_id])
    db.execute("DELETE FROM themes WHERE event_id = ? AND question_id IS ?",
               [event_id, question_id])
    board = tuple(board)
    saved: dict[int, Theme] = {}
    # The themes that keep their id go in first: a new theme placed before a kept one
    # would otherwise take the kept one's id (the table's next rowid after the delete).
    order = sorted(range(len(board)), key=lambda k: board[k].id is None)
    for position in order:
        theme = board[position]
        row = {"event_id": event_id, "question_id": question_id, "label": theme.label,
               "other": int(theme.other), "manual": int(theme.manual),
               "position": position, "created_at": created_at}
        if theme.id is not None and not db["themes"].count_where("id = ?", [theme.id]):
            row["id"] = theme.id
        theme_id = db["themes"].insert(row).last_pk
        db.conn.executemany(
            "INSERT INTO theme_notes (theme_id, note_id, event_id, pinned, by_hand, review,"
            " position) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(theme_id, m.note_id, event_id, int(m.pinned), int(m.by_hand), int(m.review), i)
             for i, m in enumerate(theme.members)])
        saved[position] = replace(theme, id=theme_id)
    return tuple(saved[k] for k in range(len(board)))


def theme_scopes(db: Database, event_id: str) -> list[int | None]:
    """The scopes of an event that have themes."""
    return [r[0] for r in db.execute("SELECT DISTINCT question_id FROM themes WHERE event_id = ?",
                                     [event_id]).fetchall()]



def push_theme_undo(db: Database, event_id: str, question_id: int | None,
                    board: Board, created_at: str) -> None:
    db["theme_undo"].insert({"event_id": event_id, "question_id": question_id,
                             "snapshot": json.dumps(to_json(board), ensure_ascii=False),
                             "created_at": created_at})
    db.execute("DELETE FROM theme_undo WHERE event_id = ? AND question_id IS ? AND id NOT IN"
               " (SELECT id FROM theme_undo WHERE event_id = ? AND question_id IS ?"
               " ORDER BY id DESC LIMIT ?)",
               [event_id, question_id, event_id, question_id, UNDO_DEPTH])


def pop_theme_undo(db: Database, event_id: str, question_id: int | None) -> Board | None:
    rows = db.execute("SELECT id, snapshot FROM theme_undo WHERE event_id = ? AND question_id IS ?"
                      " ORDER BY id DESC LIMIT 1", [event_id, question_id]).fetchall()
    if not rows:
        return None
    db.execute("DELETE FROM theme_undo WHERE id = ?", [rows[0][0]])
    return from_json(json.loads(rows[0][1]))


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
