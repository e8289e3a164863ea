"""Schema changes, one small function each, applied in order and never edited.

Add a new function for every change; an applied migration is history.
"""
from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("facilitator")


@migrations()
def m001_initial(db: Database) -> None:
    db["events"].create({
        "id": str, "name": str, "date": str, "place": str, "organiser": str,
        "language": str, "join_code": str, "is_demo": int, "created_at": str,
    }, pk="id", not_null={"name", "language", "join_code"},
        defaults={"is_demo": 0, "place": "", "organiser": "", "date": ""})
    db["events"].create_index(["join_code"], unique=True)
    db["questions"].create({
        "id": int, "event_id": str, "position": int, "text": str,
    }, pk="id", foreign_keys=[("event_id", "events", "id")], not_null={"text"})
    db["steps"].create({
        "id": int, "event_id": str, "position": int, "kind": str, "title": str,
        "instruction": str, "question_id": int, "duration_s": int,
    }, pk="id", foreign_keys=[("event_id", "events", "id"), ("question_id", "questions", "id")])
    # The timer of an event: which step, and either when it ends (running) or
    # how much is left (idle/paused). Times are server epoch milliseconds.
    db["timers"].create({
        "event_id": str, "step_id": int, "status": str, "ends_at_ms": int,
        "remaining_ms": int, "duration_ms": int,
    }, pk="event_id", foreign_keys=[("event_id", "events", "id")])
    # Anonymous by construction: no participant, device, IP or agent column.
    db["notes"].create({
        "id": str, "event_id": str, "question_id": int, "text": str, "created_at": str,
    }, pk="id", foreign_keys=[("event_id", "events", "id"), ("question_id", "questions", "id")],
        not_null={"text", "event_id"})
    db["notes"].create_index(["event_id", "created_at"])
    _event_delete_trigger(db, ["notes", "timers", "steps", "questions"])


def _event_delete_trigger(db: Database, tables: list[str]) -> None:
    """(Re)create the trigger that deletes an event's rows in ``tables`` with the event.

    Each migration passes the full list as it stood then, so history never changes.
    """
    db.execute("DROP TRIGGER IF EXISTS events_delete_children")
    deletes = "".join(f"DELETE FROM {t} WHERE event_id = OLD.id; " for t in tables)
    db.execute(f"CREATE TRIGGER events_delete_children BEFORE DELETE ON events BEGIN {deletes}END")


@migrations()
def m002_step_runs_and_auto_advance(db: Database) -> None:
    """When each step actually ran (planned vs used time), and the auto-advance switch."""
    db["step_runs"].create({
        "id": int, "event_id": str, "step_id": int, "started_ms": int, "stopped_ms": int,
    }, pk="id", foreign_keys=[("event_id", "events", "id")], not_null={"started_ms"})
    db["step_runs"].create_index(["event_id", "step_id"])
    db["timers"].add_column("auto_advance", int, not_null_default=0)
    _event_delete_trigger(db, ["notes", "step_runs", "timers", "steps", "questions"])


@migrations()
def m003_moderation_box_and_prepared(db: Database) -> None:
    """Moderation flags and prepared answers on notes; the box and projector view on events.

    Still no identity on notes: ``prepared_by`` is the municipality or group
    that sent prepared answers before the day, never a person.
    """
    notes = db["notes"]
    notes.add_column("hidden", int, not_null_default=0)
    notes.add_column("starred", int, not_null_default=0)
    notes.add_column("prepared", int, not_null_default=0)
    notes.add_column("prepared_by", str, not_null_default="")
    events = db["events"]
    events.add_column("box_open", int, not_null_default=1)
    events.add_column("projector_view", str, not_null_default="timer")
    events.add_column("prepare_token", str, not_null_default="")


@migrations()
def m004_step_box_and_table_numbers(db: Database) -> None:
    """A step may open or close the box; an event may ask for an optional table number.

    A table number is a group of four or five people, not a person; views show
    a table's notes only once it has at least three.
    """
    db["steps"].add_column("box", str, not_null_default="")
    db["events"].add_column("table_numbers", int, not_null_default=0)
    db["notes"].add_column("table_no", int)


@migrations()
def m005_accounts_and_retention(db: Database) -> None:
    """Facilitator accounts, who may run which event, invite links, and how long data is kept."""
    db["users"].create({"id": int, "username": str, "password_hash": str, "created_at": str},
                       pk="id", not_null={"username", "password_hash"})
    db["users"].create_index(["username"], unique=True)
    db["event_members"].create({"event_id": str, "user_id": int, "role": str},
                               pk=("event_id", "user_id"),
                               foreign_keys=[("event_id", "events", "id"), ("user_id", "users", "id")])
    db["invites"].create({"token": str, "event_id": str, "expires_ms": int}, pk="token",
                         foreign_keys=[("event_id", "events", "id")])
    db["events"].add_column("retention_days", int, not_null_default=90)
    _event_delete_trigger(db, ["notes", "step_runs", "timers", "steps", "questions",
                               "event_members", "invites"])


@migrations()
def m006_event_logos(db: Database) -> None:
    """An optional logo for the report's title page, kept in the same file as everything else."""
    db["event_logos"].create({"event_id": str, "mime": str, "data": bytes}, pk="event_id",
                             foreign_keys=[("event_id", "events", "id")])
    _event_delete_trigger(db, ["notes", "step_runs", "timers", "steps", "questions",
                               "event_members", "invites", "event_logos"])


@migrations()
def m007_evaluation(db: Database) -> None:
    """Evaluation items (scale, single choice, comment) and their anonymous answers.

    An answer is keyed by a random key the phone makes for that one item, so
    answers to different items cannot be joined into a respondent's profile.
    """
    db["eval_items"].create({
        "id": int, "event_id": str, "step_id": int, "position": int, "kind": str, "prompt": str,
        "scale_min": int, "scale_max": int, "low_label": str, "high_label": str,
        "options": str, "is_open": int, "results_visible": int,
    }, pk="id", foreign_keys=[("event_id", "events", "id")], not_null={"kind", "prompt"},
        defaults={"is_open": 0, "results_visible": 1, "options": "[]", "low_label": "",
                  "high_label": "", "scale_min": 1, "scale_max": 4})
    db["eval_answers"].create({
        "item_id": int, "answer_key": str, "value": int, "comment": str, "updated_at": str,
    }, pk=("item_id", "answer_key"), foreign_keys=[("item_id", "eval_items", "id")])
    db.execute("""
        CREATE TRIGGER events_delete_evaluation BEFORE DELETE ON events BEGIN
            DELETE FROM eval_answers WHERE item_id IN
                (SELECT id FROM eval_items WHERE event_id = OLD.id);
            DELETE FROM eval_items WHERE event_id = OLD.id;
        END
    """)


@migrations()
def m008_rotation(db: Database) -> None:
    """People for group rotations, and the rounds planned or played.

    People live apart from notes: nothing links a note to a person. A round's
    tables are kept as JSON lists of person ids; rounds before the current one
    are history and are never re-planned.
    """
    db["people"].create({
        "id": int, "event_id": str, "name": str, "org": str, "role": str,
        "host_table": int, "present": int, "created_at": str,
    }, pk="id", foreign_keys=[("event_id", "events", "id")], not_null={"name", "event_id"},
        defaults={"org": "", "role": "", "present": 1})
    db["people"].create_index(["event_id"])
    db["rotation_rounds"].create({"event_id": str, "round_no": int, "tables": str},
                                 pk=("event_id", "round_no"),
                                 foreign_keys=[("event_id", "events", "id")])
    # Keep-apart or keep-together wishes for two people ("apart" | "together").
    db["rotation_wishes"].create({"id": int, "event_id": str, "a": int, "b": int, "kind": str},
                                 pk="id", foreign_keys=[("event_id", "events", "id")])
    events = db["events"]
    events.add_column("rotation_mode", str, not_null_default="mix")
    events.add_column("rotation_size", int, not_null_default=5)
    events.add_column("rotation_tables", int, not_null_default=0)
    events.add_column("rotation_rounds", int, not_null_default=3)
    events.add_column("rotation_seed", int, not_null_default=1)
    events.add_column("rotation_current", int, not_null_default=0)
    db.execute("""
        CREATE TRIGGER events_delete_rotation BEFORE DELETE ON events BEGIN
            DELETE FROM people WHERE event_id = OLD.id;
            DELETE FROM rotation_rounds WHERE event_id = OLD.id;
            DELETE FROM rotation_wishes WHERE event_id = OLD.id;
        END
    """)


@migrations()
def m009_themes(db: Database) -> None:
    """Themes of an event's notes, per question or across all (question_id NULL).

    ``manual`` marks a theme a person has edited, which a new run of the
    clustering keeps. ``theme_notes.position`` puts representative quotes
    first. ``theme_undo`` holds the state before each change. Note vectors are
    a cache of the embedding. Still no participant anywhere; an own trigger
    deletes all of it with the event, whatever the other triggers list.
    """
    db["themes"].create({
        "id": int, "event_id": str, "question_id": int, "label": str, "other": int,
        "manual": int, "position": int, "created_at": str,
    }, pk="id", foreign_keys=[("event_id", "events", "id")], not_null={"event_id", "label"},
        defaults={"other": 0, "manual": 0, "position": 0})
    db["themes"].create_index(["event_id", "question_id"])
    db["theme_notes"].create({
        "theme_id": int, "note_id": str, "event_id": str, "pinned": int, "position": int,
    }, pk=("theme_id", "note_id"), foreign_keys=[("theme_id", "themes", "id")],
        not_null={"event_id"}, defaults={"pinned": 0, "position": 0})
    db["theme_notes"].create_index(["note_id"])
    db["theme_undo"].create({
        "id": int, "event_id": str, "question_id": int, "snapshot": str, "created_at": str,
    }, pk="id", not_null={"event_id", "snapshot"})
    db["theme_undo"].create_index(["event_id", "question_id"])
    db["note_vectors"].create({"note_id": str, "event_id": str, "model": str, "vector": bytes},
                              pk="note_id", not_null={"event_id", "vector"})
    db["note_vectors"].create_index(["event_id"])
    # Which themes the projector's harvest view shows: "all", a question id, or "" for
    # the ones changed last.
    db["events"].add_column("projector_themes", str, not_null_default="")
    db.execute("""
        CREATE TRIGGER events_delete_themes BEFORE DELETE ON events BEGIN
            DELETE FROM theme_notes WHERE event_id = OLD.id;
            DELETE FROM themes WHERE event_id = OLD.id;
            DELETE FROM theme_undo WHERE event_id = OLD.id;
            DELETE FROM note_vectors WHERE event_id = OLD.id;
        END
    """)


@migrations()
def m010_theme_notes_by_hand(db: Database) -> None:
    """How a note got into its theme: ``by_hand`` (the facilitator placed it; "sort the
    rest" learns from it) and ``review`` (sorted there with little certainty)."""
    db["theme_notes"].add_column("by_hand", int, not_null_default=0)
    db["theme_notes"].add_column("review", int, not_null_default=0)


@migrations()
def m011_phone_keys_and_check_in(db: Database) -> None:
    """Answers that nothing joins (issue 24), and check-in off until the facilitator opens it.

    ``eval_answers`` becomes a WITHOUT ROWID table keyed (item, answer key): rows are
    kept in key order, and an answer key is an HMAC of the phone and the item, so the
    order in which a phone answered two items is not kept. ``updated_at`` is cut to
    the minute. The old table's rows are copied the same way.
    """
    db.execute("""
        CREATE TABLE eval_answers_keyed (
            item_id INTEGER NOT NULL REFERENCES eval_items(id),
            answer_key TEXT NOT NULL,
            value INTEGER,
            comment TEXT,
            updated_at TEXT,
            PRIMARY KEY (item_id, answer_key)
        ) WITHOUT ROWID
    """)
    db.execute("""
        INSERT INTO eval_answers_keyed (item_id, answer_key, value, comment, updated_at)
        SELECT item_id, answer_key, value, comment, substr(updated_at, 1, 16) || '+00:00'
        FROM eval_answers
    """)
    db.execute("DROP TABLE eval_answers")
    db.execute("PRAGMA legacy_alter_table = ON")
    db.execute("ALTER TABLE eval_answers_keyed RENAME TO eval_answers")
    db.execute("PRAGMA legacy_alter_table = OFF")
    db["events"].add_column("checkin_open", int, not_null_default=0)


@migrations()
def m012_table_rounds(db: Database) -> None:
    """Table groups per round, counted by phones (issue 24).

    ``notes.step_id`` is the programme step the room was in when the note came (the
    round); it says nothing about who wrote it. ``table_tags`` holds, per event,
    table and step, one tag per phone that wrote a note there: an HMAC of the phone
    key and (table, step), so tags of one phone at two tables or rounds differ. No
    note id: the table says how many phones wrote at a table in a round, not which
    note is whose. WITHOUT ROWID keeps no arrival order.
    """
    db["notes"].add_column("step_id", int)
    db.execute("""
        CREATE TABLE table_tags (
            event_id TEXT NOT NULL REFERENCES events(id),
            table_no INTEGER NOT NULL,
            step_id INTEGER NOT NULL,
            tag TEXT NOT NULL,
            PRIMARY KEY (event_id, table_no, step_id, tag)
        ) WITHOUT ROWID
    """)
    db.execute("""
        CREATE TRIGGER events_delete_table_tags BEFORE DELETE ON events BEGIN
            DELETE FROM table_tags WHERE event_id = OLD.id;
        END
    """)


@migrations()
def m013_logins_and_single_use_invites(db: Database) -> None:
    """Server-side log-ins, so a log-out ends a copied cookie too; invites with a use count.

    A ``logins`` row is one signed-in browser; the session cookie names it, and
    log-out deletes it. Invites made before this are single use from now on.
    """
    db["logins"].create({"id": str, "user_id": int, "created_ms": int}, pk="id",
                        foreign_keys=[("user_id", "users", "id")],
                        not_null={"user_id", "created_ms"})
    db["logins"].create_index(["user_id"])
    db["invites"].add_column("uses_left", int, not_null_default=1)


@migrations()
def m014_projector_theme(db: Database) -> None:
    """The projector's look per event: dark (the default) or light, for bright rooms."""
    db["events"].add_column("projector_theme", str, not_null_default="dark")


@migrations()
def m015_votes(db: Database) -> None:
    """Dot votes (issue 19), their options (fixed when a vote opens) and the phones' ballots.

    A ballot is keyed by ``ballot_key``: the phone's server-issued key derived for
    that one vote (phones.py, an HMAC of the phone and the vote), so no participant,
    device, address or time is stored and ballots of two votes cannot be joined.
    WITHOUT ROWID keeps no arrival order. ``dots`` is JSON {option id: count};
    ``source_digest`` tells whether the themes or notes a vote came from changed.
    """
    db["votes"].create({
        "id": int, "event_id": str, "position": int, "title": str, "source": str,
        "question_id": int, "dots": int, "max_per_option": int, "status": str,
        "results_visible": int, "step_id": int, "source_digest": str,
    }, pk="id", foreign_keys=[("event_id", "events", "id")], not_null={"event_id", "title"},
        defaults={"source": "manual", "dots": 3, "max_per_option": 0, "status": "draft",
                  "results_visible": 1, "source_digest": ""})
    db["votes"].create_index(["event_id"])
    db["vote_options"].create({
        "id": int, "vote_id": int, "event_id": str, "position": int, "label": str, "ref": str,
    }, pk="id", foreign_keys=[("vote_id", "votes", "id")], not_null={"vote_id", "label"},
        defaults={"ref": ""})
    db["vote_options"].create_index(["vote_id"])
    db.execute("""
        CREATE TABLE vote_ballots (
            vote_id INTEGER NOT NULL REFERENCES votes(id),
            ballot_key TEXT NOT NULL,
            event_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            dots TEXT NOT NULL,
            PRIMARY KEY (vote_id, ballot_key)
        ) WITHOUT ROWID
    """)
    db.execute("""
        CREATE TRIGGER events_delete_votes BEFORE DELETE ON events BEGIN
            DELETE FROM vote_ballots WHERE event_id = OLD.id;
            DELETE FROM vote_options WHERE event_id = OLD.id;
            DELETE FROM votes WHERE event_id = OLD.id;
        END
    """)


@migrations()
def m016_note_scope(db: Database) -> None:
    """Whether a note is for the shared work or the own municipality's ("shared" | "own" |
    NULL), and whether an event's phones are asked (seed 003's last step)."""
    db["notes"].add_column("scope", str)
    db["events"].add_column("ask_scope", int, not_null_default=0)
