"""The storage module against real SQLite files."""
import sqlite3

from facilitator.usecases import notes, demo_data, events, timing
from facilitator import store
from facilitator.db import connect, migrate
from facilitator.models import EventDraft, Note

from .conftest import NOW, gen_event


def test_migrations_are_idempotent_and_recorded(app, db):
    migrate(app.config["DB_PATH"])
    migrate(app.config["DB_PATH"])
    from facilitator.migrations import migrations
    names = [r["name"] for r in db["_sqlite_migrations"].rows]
    assert names[:2] == ["m001_initial", "m002_step_runs_and_auto_advance"]
    assert len(names) == len(set(names)) and migrations.pending(db) == []


def test_wal_and_foreign_keys_are_on(db):
    assert db.journal_mode == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_note_table_cannot_hold_identity():
    """Anonymous by construction: only these columns exist."""
    db = connect(":memory:")
    from facilitator.migrations import migrations
    migrations.apply(db)
    columns = set(db["notes"].columns_dict)
    assert columns == {"id", "event_id", "question_id", "text", "created_at", "hidden", "starred",
                       "prepared", "prepared_by", "table_no", "step_id", "scope"}
    for identifying in ("participant", "device", "ip", "agent", "session", "user", "name"):
        assert not any(identifying in c for c in columns - {"prepared_by"}), identifying


# Tables that hold people on purpose (accounts; the rotation's names, never linked to notes).
PEOPLE_TABLES = {"users", "logins", "event_members", "invites", "people", "rotation_wishes",
                 "rotation_rounds", "_sqlite_migrations"}
IDENTIFYING = ("participant", "device", "ip", "agent", "session", "user", "phone", "sid",
               "address", "person", "cookie", "fingerprint", "name")


def test_no_table_of_participant_content_can_hold_identity():
    """Every table but the account and rotation tables, including each one added later:
    nothing that names, addresses or tells apart a participant's phone (issue 24)."""
    db = connect(":memory:")
    from facilitator.migrations import migrations
    migrations.apply(db)
    allowed = {("events", "name"), ("notes", "prepared_by")}
    for table in set(db.table_names()) - PEOPLE_TABLES:
        for column in db[table].columns_dict:
            if (table, column) in allowed:
                continue
            assert not any(word in column.lower() for word in IDENTIFYING), (table, column)


def test_answer_rows_keep_no_insertion_order():
    """WITHOUT ROWID: no rowid that follows time and lines up one phone's answers."""
    db = connect(":memory:")
    from facilitator.migrations import migrations
    migrations.apply(db)
    sql = db.execute("SELECT sql FROM sqlite_master WHERE name = 'eval_answers'").fetchone()[0]
    assert "WITHOUT ROWID" in sql.upper()


def test_ballots_hold_a_derived_key_and_dots_only():
    """A ballot is the per-phone-per-vote key (an HMAC, phones.py) and its dots: no time,
    and WITHOUT ROWID keeps no arrival order that could line up one phone's ballots."""
    db = connect(":memory:")
    from facilitator.migrations import migrations
    migrations.apply(db)
    assert set(db["vote_ballots"].columns_dict) == {"vote_id", "ballot_key", "event_id", "seq",
                                                    "dots"}
    sql = db.execute("SELECT sql FROM sqlite_master WHERE name = 'vote_ballots'").fetchone()[0]
    assert "WITHOUT ROWID" in sql.upper()
    for table in ("votes", "vote_options", "vote_ballots"):
        assert not any(word in c for c in db[table].columns_dict
                       for word in ("created", "updated", "time", "_at")), table


def test_event_round_trip(db):
    event = gen_event(db, name="Café om elevhälsa", language="en")
    assert store.get_event(db, event.id) == event
    assert store.get_event_by_join_code(db, event.join_code) == event
    updated = store.update_event(db, event.id, EventDraft(name="Nytt namn", language="sv"))
    assert updated.name == "Nytt namn" and updated.join_code == event.join_code


def test_insert_note_is_idempotent_on_id(db):
    event = gen_event(db)
    note = Note("8d0b7a2e-43c5-4a4a-9a43-2f0f6b1f7c11", event.id, "Samma lapp", "t", None)
    assert store.insert_note(db, note) is True
    assert store.insert_note(db, note) is False
    assert store.count_notes(db, event.id) == 1


def test_note_text_survives_byte_for_byte(db):
    event = gen_event(db)
    text = "Rad 1\r\nRad 2\t– ”åäö” 🙂\u202eRTL\u200bzw"
    store.insert_note(db, Note("8d0b7a2e-43c5-4a4a-9a43-2f0f6b1f7c12", event.id, text, "t"))
    assert store.list_notes(db, event.id)[0].text == text


def test_delete_event_removes_every_row(app, db, rng):
    event, _ = demo_data.ensure_demo_event(db, rng, NOW)
    timing.timer_command(db, event.id, "start", 0)
    notes.submit_note(db, event.id, {"id": "8d0b7a2e-43c5-4a4a-9a43-2f0f6b1f7c13",
                                        "text": "hemlig lapp"}, NOW)
    other = gen_event(db)
    events.delete_event(db, event.id)
    raw = sqlite3.connect(app.config["DB_PATH"])
    for (table,) in raw.execute("SELECT name FROM sqlite_master WHERE type='table'"):
        dump = repr(raw.execute(f"SELECT * FROM [{table}]").fetchall())
        assert event.id not in dump, table
        assert "hemlig lapp" not in dump, table
    assert store.get_event(db, other.id) is not None


def test_a_database_at_m014_upgrades_to_votes_and_scope(tmp_path):
    """A file made by main before the votes (m014) keeps its notes and gains the vote tables
    and the scope columns; votes and scoped notes then work on it."""
    from facilitator.migrations import migrations
    path = tmp_path / "at-m014.db"
    old = connect(path)
    migrations.apply(old, stop_before="m015_votes")
    assert not old["votes"].exists() and "scope" not in old["notes"].columns_dict
    old["events"].insert({"id": "e1", "name": "Dialog", "language": "sv", "join_code": "ABC123",
                          "created_at": "2026-11-23T09:00:00+00:00"})
    old["notes"].insert({"id": "n1", "event_id": "e1", "text": "Samverkan",
                         "created_at": "2026-11-23T09:14:00+00:00"})
    old.conn.close()
    db = connect(path)
    migrations.apply(db)
    assert migrations.pending(db) == []
    assert [n.scope for n in store.list_notes(db, "e1")] == [None]
    assert store.get_event(db, "e1").ask_scope is False
    vote_id = store.insert_vote(db, "e1", {"title": "Vad tar vi oss an?", "source": "manual"})
    vote = store.get_vote(db, "e1", vote_id)
    store.replace_vote_options(db, vote, [("", "A"), ("", "B")])
    vote = store.get_vote(db, "e1", vote_id)
    assert store.upsert_ballot(db, vote, "k", 1, {vote.options[0].id: 2})
    assert store.vote_counts(db, vote_id) == ({vote.options[0].id: 2}, 1)
