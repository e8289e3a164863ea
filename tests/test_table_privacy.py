"""Issue 24.2: a table's notes are shown as a group only with 3 notes from 3 phones in one
round, and what leaves the server carries minutes, not milliseconds."""
import json
import re

from facilitator.usecases import notes

from .conftest import note_payload


def last(received, name):
    return [m["args"][0] for m in received if m["name"] == name][-1]


def tables_on(sockets, event_id):
    facilitator = sockets(event_id, "facilitator")
    assert facilitator.emit("table_numbers_set", {"on": True}, callback=True) == {"ok": True}
    facilitator.get_received()
    return facilitator


def test_two_decoys_from_one_phone_do_not_reveal_a_victim_s_table(client, db, demo, sockets):
    facilitator = tables_on(sockets, demo.id)
    attacker, victim = sockets(demo.id), sockets(demo.id)
    for text in ("lockbete 1", "lockbete 2"):
        attacker.emit("note_submit", note_payload(text, table=7), callback=True)
    victim.emit("note_submit", note_payload("Offrets lapp", table=7), callback=True)
    assert last(facilitator.get_received(), "tables")["tables"] == []     # 3 notes, 2 phones
    exported = json.loads(client.get(f"/f/events/{demo.id}/notes.json").get_data(as_text=True))
    assert all(n["table"] is None for n in exported["notes"])
    assert ",7\r\n" not in client.get(f"/f/events/{demo.id}/notes.csv").get_data(as_text=True)


def test_three_phones_make_a_group(db, demo, sockets):
    facilitator = tables_on(sockets, demo.id)
    for i in range(3):
        sockets(demo.id).emit("note_submit", note_payload(f"lapp {i}", table=7), callback=True)
    groups = last(facilitator.get_received(), "tables")["tables"]
    assert [(g["table"], len(g["note_ids"])) for g in groups] == [(7, 3)]


def test_counts_are_per_round(db, demo, sockets):
    facilitator = tables_on(sockets, demo.id)
    for i in range(2):
        sockets(demo.id).emit("note_submit", note_payload(f"omgång 1: {i}", table=7), callback=True)
    facilitator.emit("timer_command", {"action": "next"}, callback=True)     # the next step
    sockets(demo.id).emit("note_submit", note_payload("omgång 2", table=7), callback=True)
    assert notes.tables(db, demo.id) == {}                  # 2 + 1, never 3 in one round
    for i in range(2):
        sockets(demo.id).emit("note_submit", note_payload(f"omgång 2: {i}", table=7), callback=True)
    assert [len(ids) for ids in notes.tables(db, demo.id).values()] == [3]   # only round 2's


def test_a_form_note_without_a_phone_key_counts_no_phone(anonymous, db, demo, sockets):
    tables_on(sockets, demo.id)
    for i in range(3):
        anonymous.post(f"/j/{demo.join_code}/notes", data={
            "id": f"0d9c7c8e-4a40-4b59-9d2f-5a3c0b1e2f3{i}", "text": f"form {i}", "table": "5"})
    assert notes.count_notes(db, demo.id) == 3 and notes.tables(db, demo.id) == {}


MINUTE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d(\+00:00)?$")


def test_times_leave_the_server_in_minutes(client, db, demo, sockets):
    facilitator = sockets(demo.id, "facilitator")
    sockets(demo.id).emit("note_submit", note_payload("När?"), callback=True)
    added = last(facilitator.get_received(), "notes_added")["notes"][0]
    assert MINUTE.match(added["created_at"]), added["created_at"]
    exported = json.loads(client.get(f"/f/events/{demo.id}/notes.json").get_data(as_text=True))
    assert all(MINUTE.match(n["created_at"]) for n in exported["notes"])
    csv = client.get(f"/f/events/{demo.id}/notes.csv").get_data(as_text=True)
    assert not re.search(r"T\d\d:\d\d:\d\d", csv)


def test_no_phone_link_is_stored_with_a_note(db, demo, sockets):
    tables_on(sockets, demo.id)
    phone = sockets(demo.id)
    note_id = phone.emit("note_submit", note_payload("bord 3", table=3), callback=True)["id"]
    for table in db.table_names():
        for row in db[table].rows:
            values = [str(v) for v in row.values()]
            if note_id in values:
                assert table in ("notes",), table                  # nothing beside the note
            assert phone.phone_key not in values, table
