"""Use cases of the note box: submitting, moderating, the box itself, exports.

A note row never holds who wrote it. Moderation (hidden, starred) changes how
a note is shown, never its text.
"""
from __future__ import annotations

import csv
import io
import json
import random
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from .. import protocol, store
from . import timing
from ..clock import minute_of, utc_iso
from ..db import connect
from ..domain import codes, duplicates, notewall
from ..domain.notes import (NoteError, note_question, optional_whole_number, validate_note_id,
                            validate_note_text)
from ..models import Event, Note
from ..phones import Phone
from ..store.notewriter import NoteWriter, WriterTimeout  # noqa: F401 - for the handlers

SCOPES = ("shared", "own")
PROJECTOR_VIEWS = ("timer", "wall", "cloud", "results", "tables", "themes", "vote")
MAX_PREPARED_BY = 200
MAX_TABLE = 999
# A table's notes are shown as a group only from this many notes from this many
# phones in one round (programme step), so that a table of one or two people
# cannot be read off.
MIN_TABLE_GROUP = 3


@dataclass(frozen=True)
class Submission:
    """A note as sent, its id and text checked; the rest is checked against the event when stored."""
    event_id: str
    note_id: str
    text: str
    created_at: str
    question: object = None
    table: object = None
    prepared_by: str | None = None
    picked: bool = False       # the participant chose the question by hand
    step: object = None        # the step the phone showed when the note was written
    phone: Phone | None = None
    scope: object = None


def read_submission(event_id: str, payload: object, now: datetime,
                    prepared_by: str | None = None, phone: Phone | None = None) -> Submission:
    """Check what can be checked without the database (before a note joins a batch)."""
    if not isinstance(payload, dict):
        raise NoteError("bad_payload", "a note is an object with id and text")
    return Submission(event_id, validate_note_id(payload.get("id")),
                      validate_note_text(payload.get("text")), utc_iso(now),
                      payload.get("question_id"), payload.get("table"), prepared_by,
                      payload.get("question_picked") is True or prepared_by is not None,
                      payload.get("step_id"), phone, payload.get("scope"))


def submit_note(db: Database, event_id: str, payload: object, now: datetime,
                prepared_by: str | None = None, phone: Phone | None = None) -> tuple[Note, bool]:
    """Validate and store a note; (note, was_new). Committed before it returns.

    ``prepared_by`` set (possibly empty) marks an answer sent through the
    pre-event link, which is accepted whether or not the box is open.
    """
    submission = read_submission(event_id, payload, now, prepared_by, phone)
    with db.atomic():
        return store_submission(db, submission, {})


def note_writer(path: str | Path) -> NoteWriter[Submission, tuple[Note, bool]]:
    """The process's group committer for notes from phones (see notewriter.py)."""
    return NoteWriter(lambda: connect(path), store_submission)


def submit_note_batched(writer: NoteWriter[Submission, tuple[Note, bool]], event_id: str,
                        payload: object, now: datetime,
                        phone: Phone | None = None) -> tuple[Note, bool]:
    """As submit_note, but committed together with the other notes arriving now.

    Returns only after the transaction holding the note has committed. ``phone`` (its
    server-issued key) counts the phone at its table and round, never on the note.
    """
    return writer.submit(read_submission(event_id, payload, now, phone=phone))


def store_submission(db: Database, sub: Submission, memo: dict) -> tuple[Note, bool]:
    """Store a note inside the caller's transaction; (note, was_new); a resend is no error.

    ``memo`` keeps what every note of one transaction reads alike (the event,
    its questions, the current step), so a batch of 200 reads them once.
    """
    existing = store.get_note(db, sub.note_id)
    if existing is not None:
        if existing.event_id != sub.event_id:
            raise NoteError("bad_id", "that note id belongs elsewhere")
        return existing, False              # a resend: the box may have closed since
    event, questions, step_questions, current = _event_facts(db, sub.event_id, memo)
    step_id = current  # the round a table number counts in
    if sub.prepared_by is None and not event.box_open:
        raise NoteError("box_closed", "the box is closed right now")
    question_id = _question_for_note(questions, step_questions, current, sub)
    table_no = _table(sub.table) if event.table_numbers else None
    note = Note(sub.note_id, sub.event_id, sub.text, sub.created_at, question_id,
                prepared=sub.prepared_by is not None,
                prepared_by=(sub.prepared_by or "")[:MAX_PREPARED_BY], table_no=table_no,
                step_id=step_id, scope=_scope(sub.scope) if event.ask_scope else None)
    store.insert_note(db, note)
    if table_no is not None and sub.phone is not None:
        store.tag_table(db, sub.event_id, table_no, step_id or 0,
                        sub.phone.key_for("table", table_no, step_id or 0))
    return note, True


def _event_facts(db: Database, event_id: str, memo: dict
                 ) -> tuple[Event, set[int], dict[int, int | None], int | None]:
    """The event, its question ids, each step's question and the current step (also the
    round a table number counts in), once per memo."""
    if event_id not in memo:
        event = _event(db, event_id)
        questions = {q.id for q in store.list_questions(db, event_id)}
        step_questions = {s.id: s.question_id if s.question_id in questions else None
                          for s in store.list_steps(db, event_id)}
        step = timing.current_step(db, event_id)
        memo[event_id] = (event, questions, step_questions, step.id if step else None)
    return memo[event_id]


def _question_for_note(questions: set[int], step_questions: dict[int, int | None],
                       current: int | None, sub: Submission) -> int | None:
    """The question a note answers (domain.notes.note_question); an unknown one is refused.

    The step is the one the phone says it showed when the note was written (a
    note written offline and sent later keeps its question), else the room's.
    """
    qid = optional_whole_number(sub.question, "bad_question", "unknown question")
    if qid is not None and qid not in questions:
        raise NoteError("bad_question", "unknown question")
    try:
        step_id = optional_whole_number(sub.step, "bad_step", "unknown step")
    except NoteError:
        step_id = None                       # a garbled step id: file under the room's step
    if step_id not in step_questions:
        step_id = current
    return note_question(qid, sub.picked, step_questions.get(step_id) if step_id else None)


def _scope(raw: object) -> str | None:
    """For the shared work ("shared"), our own municipality's ("own"), or not said."""
    if raw in (None, ""):
        return None
    if raw not in SCOPES:
        raise NoteError("bad_scope", "scope must be shared, own or empty")
    return raw  # type: ignore[return-value]


def _table(raw: object) -> int | None:
    """An optional table number, 1 to 999; anything else is an error, not a guess."""
    message = f"the table number must be 1 to {MAX_TABLE}"
    table = optional_whole_number(raw, "bad_table", message)
    if table is not None and not 1 <= table <= MAX_TABLE:
        raise NoteError("bad_table", message)
    return table


def moderate(db: Database, event_id: str, payload: object) -> Note:
    """Hide/restore or star/unstar a note of this event: {"id", "hidden"?, "starred"?}."""
    if not isinstance(payload, dict):
        raise NoteError("bad_payload", "moderation is an object with id and flags")
    note_id = validate_note_id(payload.get("id"))
    flags = {k: payload[k] for k in ("hidden", "starred") if k in payload}
    if not flags or not all(isinstance(v, bool) for v in flags.values()):
        raise NoteError("bad_flags", "give hidden and/or starred as true or false")
    with db.atomic():
        note = store.get_note(db, note_id)
        if note is None or note.event_id != event_id:
            raise NoteError("no_note", "no such note in this event")
        store.set_note_flags(db, note_id, **flags)
        return store.get_note(db, note_id)  # type: ignore[return-value]


def set_box(db: Database, event_id: str, open_: object) -> Event:
    return _switch(db, event_id, "box_open", open_, "open")


def set_ask_scope(db: Database, event_id: str, on: object) -> Event:
    return _switch(db, event_id, "ask_scope", on, "on")


def set_table_numbers(db: Database, event_id: str, on: object) -> Event:
    return _switch(db, event_id, "table_numbers", on, "on")


def _switch(db: Database, event_id: str, field: str, value: object, name: str) -> Event:
    """Turn an event setting on or off; only a real boolean is taken."""
    if not isinstance(value, bool):
        raise NoteError("bad_flags", f"{name} must be true or false")
    with db.atomic():
        store.set_event_fields(db, event_id, **{field: int(value)})
        return _event(db, event_id)


def tables(db: Database, event_id: str) -> dict[int, list[str]]:
    """Note ids per table, only from (table, round) groups with at least MIN_TABLE_GROUP
    visible notes from as many phones."""
    return store.table_groups(db, event_id, MIN_TABLE_GROUP)


def set_projector_view(db: Database, event_id: str, view: object) -> Event:
    if view not in PROJECTOR_VIEWS:
        raise NoteError("bad_view", f"view must be one of {', '.join(PROJECTOR_VIEWS)}")
    with db.atomic():
        store.set_event_fields(db, event_id, projector_view=view)
        return _event(db, event_id)


def prepare_token(db: Database, event_id: str, rng: random.Random) -> str:
    """The secret part of the pre-event link, made once per event."""
    with db.atomic():
        event = _event(db, event_id)
        if event.prepare_token:
            return event.prepare_token
        token = "".join(rng.choice(codes.ID_ALPHABET) for _ in range(24))
        store.set_event_fields(db, event_id, prepare_token=token)
        return token


def event_for_prepare_token(db: Database, token: str) -> Event | None:
    return store.get_event_by_prepare_token(db, token[:64])


def wall(db: Database, event_id: str, limit: int = 60) -> list[dict[str, Any]]:
    """The newest visible notes, for the projector's note wall."""
    notes = store.list_notes(db, event_id, visible_only=True)
    return [protocol.wall_note_payload(n) for n in reversed(notes[-limit:])]


WALL_MAX_CARDS = 1000


def wall_cards(db: Database, event_id: str) -> dict[str, Any]:
    """The projector's note wall: copies stacked, featured first, newest first."""
    visible = store.list_notes(db, event_id, visible_only=True)
    cards = notewall.wall_cards(visible)
    return {"visible": len(visible), "cards": [c.payload() for c in cards[:WALL_MAX_CARDS]]}


def copies(db: Database, event_id: str) -> list[list[str]]:
    """Ids of visible notes that stack (domain/duplicates), oldest first; only stacks of 2+."""
    visible = store.list_notes(db, event_id, visible_only=True)
    return [[n.id for n in members]
            for members in duplicates.stack_items(visible, lambda n: n.text) if len(members) > 1]


def visible_notes(db: Database, event_id: str) -> list[Note]:
    return store.list_notes(db, event_id, visible_only=True)


def count_notes(db: Database, event_id: str) -> int:
    return store.count_notes(db, event_id)


def count_visible(db: Database, event_id: str) -> int:
    """What the room sees: the notes not hidden."""
    return store.count_notes(db, event_id, visible_only=True)


EXPORT_FIELDS = ("id", "question", "text", "created_at", "starred", "hidden", "prepared",
                 "prepared_by", "table", "scope")


def export_rows(db: Database, event_id: str) -> list[dict[str, Any]]:
    """Every note, its time to the minute; the table only for notes of a shown group."""
    questions = {q.id: q.text for q in store.list_questions(db, event_id)}
    shown = {note_id: table for table, ids in tables(db, event_id).items() for note_id in ids}
    return [{"id": n.id, "question": questions.get(n.question_id, ""), "text": n.text,
             "created_at": minute_of(n.created_at), "starred": n.starred, "hidden": n.hidden,
             "prepared": n.prepared, "prepared_by": n.prepared_by, "table": shown.get(n.id),
             "scope": n.scope}
            for n in store.list_notes(db, event_id)]


# Column headers for people (the download), in the event's language; scripts get the keys.
EXPORT_HEADERS = {
    "sv": ("id", "Fråga", "Text", "Skapad", "Framlyft", "Dold", "Förberedd", "Kommun", "Bord",
           "Gemensamt eller eget"),
    "en": ("id", "Question", "Text", "Created", "Featured", "Hidden", "Prepared", "Municipality",
           "Table", "Shared or own"),
}


def export_csv(db: Database, event_id: str, delimiter: str = ",",
               headers_in_language: bool = False) -> str:
    """UTF-8 CSV with a BOM so Excel shows å, ä, ö; ';' suits a Swedish Excel. The keys as
    headers (the CLI's contract), or with ``headers_in_language`` the event's words."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=EXPORT_FIELDS, delimiter=delimiter,
                            quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    if headers_in_language:
        words = EXPORT_HEADERS.get(_event(db, event_id).language, EXPORT_HEADERS["sv"])
        writer.writerow(dict(zip(EXPORT_FIELDS, words)))
    else:
        writer.writeheader()
    for row in export_rows(db, event_id):
        writer.writerow({**row, **{k: int(row[k]) for k in ("starred", "hidden", "prepared")},
                         "table": row["table"] or "", "scope": row["scope"] or "",
                         "text": _defuse(row["text"]), "prepared_by": _defuse(row["prepared_by"])})
    return "\ufeff" + out.getvalue()


def _defuse(value: str) -> str:
    """Stop a spreadsheet from running a note as a formula (=, +, -, @ at the start)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def export_json(db: Database, event_id: str) -> str:
    event = _event(db, event_id)
    return json.dumps({"event": {"id": event.id, "name": event.name, "date": event.date},
                       "notes": export_rows(db, event_id)}, ensure_ascii=False, indent=2)


def _event(db: Database, event_id: str) -> Event:
    event = store.get_event(db, event_id)
    if event is None:
        raise LookupError(event_id)
    return event
