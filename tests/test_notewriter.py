"""Group commit of notes against a real SQLite file: nothing acknowledged is missing,
nothing is stored twice, and one bad note neither sinks nor rides along with the rest."""
from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
import time

import pytest

from facilitator import store
from facilitator.usecases import notes
from facilitator.db import connect
from facilitator.domain.notes import NoteError
from facilitator.store.notewriter import NoteWriter, write_batch

from .conftest import NOW, note_payload


@pytest.fixture
def path(app):
    return app.config["DB_PATH"]


@pytest.fixture
def writer(path):
    writer = notes.note_writer(path)
    yield writer
    writer.close()


def submissions(event_id, texts):
    return [notes.read_submission(event_id, note_payload(text), NOW) for text in texts]


def stored_ids(db, event_id):
    return [n.id for n in store.list_notes(db, event_id)]


def test_many_threads_at_once_every_acked_note_stored_exactly_once(db, demo, writer):
    acked, errors = [], []
    start = threading.Barrier(40)

    def phone(i):
        start.wait()
        for n in range(25):
            payload = note_payload(f"telefon {i} lapp {n} åäö")
            try:
                note, is_new = notes.submit_note_batched(writer, demo.id, payload, NOW)
            except Exception as exc:  # noqa: BLE001 - collected and asserted on below
                errors.append(exc)
                continue
            assert is_new and note.id == payload["id"]
            acked.append(note.id)
    threads = [threading.Thread(target=phone, args=(i,)) for i in range(40)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    rows = stored_ids(db, demo.id)
    assert len(acked) == 1000 and sorted(rows) == sorted(acked)
    assert writer.batches < 1000, "notes arriving together share a transaction"


def test_a_resent_note_is_one_row_and_acked_each_time(db, demo, writer):
    payload = note_payload("samma lapp, skickad fem gånger")
    results = []
    threads = [threading.Thread(target=lambda: results.append(
        notes.submit_note_batched(writer, demo.id, payload, NOW))) for _ in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert [is_new for _note, is_new in results].count(True) == 1 and len(results) == 5
    assert {note.id for note, _ in results} == {payload["id"]}
    assert stored_ids(db, demo.id) == [payload["id"]]
    again, is_new = notes.submit_note_batched(writer, demo.id, payload, NOW)
    assert not is_new and again.text == payload["text"]


def test_a_refused_note_gets_its_error_and_the_others_are_stored(db, demo, writer):
    notes.set_box(db, demo.id, False)
    with pytest.raises(NoteError) as info:
        notes.submit_note_batched(writer, demo.id, note_payload(), NOW)
    assert info.value.code == "box_closed" and stored_ids(db, demo.id) == []


@pytest.mark.parametrize("raise_kind", ["ABORT", "ROLLBACK"])
def test_a_note_that_breaks_a_constraint_fails_alone(path, db, demo, raise_kind):
    """ABORT undoes the statement (the note's savepoint); ROLLBACK ends the whole transaction,
    and the notes before it are written again in a new one, not lost or acked unwritten."""
    db.execute("CREATE TRIGGER refuse_boom BEFORE INSERT ON notes WHEN NEW.text = 'boom' "
                f"BEGIN SELECT RAISE({raise_kind}, 'refused'); END")
    items = submissions(demo.id, ["före", "boom", "efter", "sist"])
    items.insert(2, notes.read_submission(demo.id, note_payload("fel fråga", question_id=999), NOW))
    batch_db = connect(path)
    try:
        outcomes = write_batch(batch_db, notes.store_submission, items)
    finally:
        batch_db.close()
    errors = [type(o.error).__name__ if o.error else None for o in outcomes]
    assert errors == [None, "IntegrityError", "NoteError", None, None]
    assert sorted(stored_ids(db, demo.id)) == sorted(
        items[i].note_id for i in (0, 3, 4))
    assert all(outcomes[i].get()[1] for i in (0, 3, 4))


def test_a_failed_commit_acks_nothing(path, db, demo):
    """If COMMIT fails, every note of the batch gets the error and none is stored."""
    def write_then_break_a_deferred_key(batch_db, sub, memo):
        result = notes.store_submission(batch_db, sub, memo)
        if sub.text == "dålig":
            batch_db.execute("PRAGMA defer_foreign_keys = ON")
            batch_db.execute("UPDATE notes SET question_id = 999 WHERE id = ?", [sub.note_id])
        return result
    batch_db = connect(path)
    try:
        outcomes = write_batch(batch_db, write_then_break_a_deferred_key,
                               submissions(demo.id, ["bra", "dålig", "också bra"]))
    finally:
        batch_db.close()
    assert all(o.error is not None for o in outcomes)
    with pytest.raises(Exception):
        outcomes[0].get()
    assert stored_ids(db, demo.id) == []


def test_an_idle_writer_leaves_and_the_next_note_starts_another(path, db, demo):
    writer = NoteWriter(lambda: connect(path), notes.store_submission, idle_exit_s=0.05)
    first = notes.submit_note_batched(writer, demo.id, note_payload("ett"), NOW)[0]
    deadline = time.monotonic() + 5
    while writer.worker is not None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert writer.worker is None
    second = notes.submit_note_batched(writer, demo.id, note_payload("två"), NOW)[0]
    assert sorted(stored_ids(db, demo.id)) == sorted([first.id, second.id])
    writer.close()


def test_close_writes_what_is_queued_then_refuses(db, demo, writer):
    notes.submit_note_batched(writer, demo.id, note_payload(), NOW)
    writer.close()
    with pytest.raises(RuntimeError):
        notes.submit_note_batched(writer, demo.id, note_payload(), NOW)
    assert len(stored_ids(db, demo.id)) == 1


def test_under_gevent_many_greenlets_share_a_few_transactions(path, demo):
    """The server's mode: monkey-patched threading makes the writer a greenlet."""
    script = textwrap.dedent(f"""
        from gevent import monkey
        monkey.patch_all()
        import uuid, gevent
        from datetime import datetime, timezone
        from facilitator import store
        from facilitator.usecases import notes
        from facilitator.db import connect
        writer = notes.note_writer({str(path)!r})
        now = datetime(2026, 11, 23, tzinfo=timezone.utc)
        acked = []
        def phone(i):
            payload = {{"id": str(uuid.uuid4()), "text": f"lapp {{i}}"}}
            note, is_new = notes.submit_note_batched(writer, {demo.id!r}, payload, now)
            acked.append(note.id)
        gevent.joinall([gevent.spawn(phone, i) for i in range(500)])
        db = connect({str(path)!r})
        stored = [n.id for n in store.list_notes(db, {demo.id!r})]
        assert sorted(stored) == sorted(acked) and len(acked) == 500, (len(stored), len(acked))
        print(writer.batches)
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) <= 10   # 500 notes in batches of up to 200


def test_a_batch_that_cannot_begin_fails_and_the_next_one_gets_a_new_connection(path, db, demo):
    """Another connection holds the write lock past the busy timeout: the batch gets the error
    (nothing acked), and once the lock is gone the writer works again on a fresh connection."""
    opened = []

    def connect_quickly():
        conn = connect(path)
        conn.execute("PRAGMA busy_timeout = 50")
        opened.append(conn)
        return conn
    writer = NoteWriter(connect_quickly, notes.store_submission)
    db.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(Exception, match="locked"):
            notes.submit_note_batched(writer, demo.id, note_payload("blockerad"), NOW)
    finally:
        db.execute("ROLLBACK")
    note, is_new = notes.submit_note_batched(writer, demo.id, note_payload("nu går det"), NOW)
    assert is_new and stored_ids(db, demo.id) == [note.id] and len(opened) == 2
    writer.close()
