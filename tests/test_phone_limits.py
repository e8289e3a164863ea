"""Issue 24.5 and 24.6: one vote per phone by a server-issued key; notes and check-ins limited
per phone and per address across connections. The attacker has the join code and a script."""
import re
import uuid

import pytest

from facilitator import phones, store
from facilitator.usecases import evaluation, notes

from .conftest import note_payload

SCALE = {"kind": "scale", "prompt": "Hur nöjd är du?", "scale": "1-4",
         "low_label": "Inte alls", "high_label": "Helt"}
COMMENT = {"kind": "comment", "prompt": "Vad tar du med dig?"}


def opened(db, event, form=SCALE):
    item_id = evaluation.add_item(db, event.id, form)
    return evaluation.set_flags(db, event.id, item_id, is_open=True)


def answer(sio, item, value=3, comment="", key=None):
    return sio.emit("eval_answer", {"item_id": item.id, "key": key or str(uuid.uuid4()),
                                    "value": value, "comment": comment}, callback=True)


# ---- 24.5: evaluations cannot be stuffed ----------------------------------------------------

def test_fresh_random_keys_from_one_phone_count_once(db, demo, sockets):
    item = opened(db, demo)
    phone = sockets(demo.id)
    for value in [1, 2, 3, 4] * 25:
        assert answer(phone, item, value)["ok"]
    assert evaluation.result(db, item)["n"] == 1                    # was 100
    assert evaluation.result(db, item)["counts"] == [0, 0, 0, 1]    # its last answer


def test_the_item_id_in_another_spelling_is_the_same_vote(db, demo, sockets):
    item = opened(db, demo)
    phone = sockets(demo.id)
    for spelling in (item.id, str(item.id), f" {item.id}", float(item.id)):
        phone.emit("eval_answer", {"item_id": spelling, "value": 2}, callback=True)
    assert evaluation.result(db, item)["n"] == 1


def test_the_same_phone_on_a_new_connection_changes_its_answer(db, demo, sockets):
    item = opened(db, demo)
    first = sockets(demo.id)
    answer(first, item, 1)
    again = sockets(demo.id, phone_key=first.phone_key)
    assert again.phone_key == first.phone_key
    answer(again, item, 4)
    assert evaluation.result(db, item)["counts"] == [0, 0, 0, 1]
    answer(sockets(demo.id), item, 2)                                # another phone
    assert evaluation.result(db, item)["n"] == 2


def test_a_script_without_a_phone_key_cannot_answer(db, demo, sockets):
    item = opened(db, demo)
    script = sockets(demo.id, claim=False)
    ack = answer(script, item)
    assert ack["ok"] is False and ack["error"] == "no_phone_key"
    assert evaluation.result(db, item)["n"] == 0


@pytest.mark.parametrize("bad", ["", "forged.key", 7, None, "x" * 5000, ["a"]])
def test_a_made_up_phone_key_gets_a_fresh_server_key(app, demo, sockets, bad):
    sio = sockets(demo.id, claim=False)
    ack = sio.emit("phone_key", {"key": bad}, callback=True)
    assert ack["ok"] and ack["key"] != bad
    assert phones.check_phone_key(app.config["SECRET_KEY"], ack["key"], demo.id) is not None


def test_a_phone_key_of_another_event_is_not_taken(app, db, demo, sockets):
    from .conftest import gen_event
    other = gen_event(db)
    foreign = phones.issue_phone_key(app.config["SECRET_KEY"], other.id)
    ack = sockets(demo.id, claim=False).emit("phone_key", {"key": foreign}, callback=True)
    assert ack["key"] != foreign


def test_fresh_phone_keys_per_address_are_limited(app, demo, sockets):
    app.config["PHONE_KEYS_PER_ADDRESS_PER_MINUTE"] = 5
    acks = [sockets(demo.id, claim=False).emit("phone_key", {}, callback=True) for _ in range(7)]
    assert [a["ok"] for a in acks] == [True] * 5 + [False] * 2
    assert acks[-1]["error"] == "rate_limited"
    kept = acks[0]["key"]                    # a phone that has its key is never refused
    assert sockets(demo.id, claim=False).emit("phone_key", {"key": kept}, callback=True)["ok"]


def test_answers_cannot_be_joined_by_row_order_or_time(app, db, sockets):
    from .conftest import gen_event
    event = gen_event(db)
    scale, comment = opened(db, event), opened(db, event, COMMENT)
    for i in range(6):
        phone = sockets(event.id)
        answer(phone, scale, 1 + i % 4)
        phone.emit("eval_answer", {"item_id": comment.id, "comment": f"kommentar {i}"},
                   callback=True)
    with pytest.raises(Exception):
        db.execute("SELECT rowid FROM eval_answers").fetchall()     # no insertion order kept
    stamps = {r["updated_at"] for r in db["eval_answers"].rows}
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d\+00:00", s) for s in stamps), stamps
    phone_ids = {r["answer_key"] for r in db["eval_answers"].rows}
    assert len(phone_ids) == 12                                      # no key shared across items


# ---- 24.6: notes and check-ins per phone and per address ----------------------------------

def test_one_phone_on_twenty_connections_gets_one_phone_s_notes(app, db, demo, sockets):
    first = sockets(demo.id)
    conns = [first] + [sockets(demo.id, phone_key=first.phone_key) for _ in range(19)]
    accepted = sum(sio.emit("note_submit", note_payload(f"lapp {i}-{j}"), callback=True)["ok"]
                   for i, sio in enumerate(conns) for j in range(30))
    assert accepted == app.config["NOTE_LIMIT_PER_MINUTE"] == 30    # was 600
    assert notes.count_notes(db, demo.id) == 30


def test_scripts_without_phone_keys_share_one_phone_s_limit(app, db, demo, sockets):
    conns = [sockets(demo.id, claim=False) for _ in range(20)]
    accepted = sum(sio.emit("note_submit", note_payload(f"lapp {i}-{j}"), callback=True)["ok"]
                   for i, sio in enumerate(conns) for j in range(30))
    assert accepted == 30


def test_many_phone_keys_from_one_address_meet_the_address_ceiling(app, db, demo, sockets):
    app.config["NOTE_LIMIT_PER_ADDRESS_PER_MINUTE"] = 40
    conns = [sockets(demo.id) for _ in range(10)]
    acks = [sio.emit("note_submit", note_payload(f"lapp {i}-{j}"), callback=True)
            for i, sio in enumerate(conns) for j in range(10)]
    assert sum(a["ok"] for a in acks) == 40
    assert {a["error"] for a in acks if not a["ok"]} == {"rate_limited"}   # kept, sent later


def test_check_in_is_off_until_the_facilitator_turns_it_on(client, anonymous, db, demo):
    response = anonymous.post(f"/j/{demo.join_code}/checkin", data={"name": "Falsk Person"})
    assert response.status_code == 403
    assert store.list_attendees(db, demo.id) == []
    assert "data-checkin-form" not in anonymous.get(f"/j/{demo.join_code}").get_data(as_text=True)
    assert client.post(f"/f/events/{demo.id}/rotation/checkin", data={"on": "1"}).status_code == 302
    response = anonymous.post(f"/j/{demo.join_code}/checkin", data={"name": "Karin Ek"})
    assert response.status_code == 302
    assert [p.name for p in store.list_attendees(db, demo.id)] == ["Karin Ek"]
    client.post(f"/f/events/{demo.id}/rotation/checkin", data={})
    assert anonymous.post(f"/j/{demo.join_code}/checkin", data={"name": "Sen"}).status_code == 403


def test_check_ins_per_phone_key_are_limited(app, client, anonymous, db, demo):
    client.post(f"/f/events/{demo.id}/rotation/checkin", data={"on": "1"})
    key = phones.issue_phone_key(app.config["SECRET_KEY"], demo.id)
    codes = [anonymous.post(f"/j/{demo.join_code}/checkin",
                            data={"name": f"Person {i}", "phone_key": key}).status_code
             for i in range(6)]
    assert codes == [302] * 3 + [429] * 3
    assert len(store.list_attendees(db, demo.id)) == 3
