"""Socket.IO handlers through real test clients on a real database."""
import logging
import time

import pytest

from facilitator.usecases import notes, events, timing
from facilitator import protocol, store

from .conftest import facilitator_token, gen_event, note_payload


def names(received):
    return [m["name"] for m in received]


def last(received, name):
    return [m["args"][0] for m in received if m["name"] == name][-1]


@pytest.mark.parametrize("auth", [
    None, "string", {"role": "participant"}, {"event": "nope", "role": "participant"},
    {"event": 5, "role": "participant"}, {"role": "admin"},
])
def test_bad_auth_is_refused(app, demo, auth):
    sio = app.extensions["socketio"].test_client(app, auth=auth)
    assert not sio.is_connected()


def test_unknown_role_and_forged_token_are_refused(app, demo, sockets):
    socketio = app.extensions["socketio"]
    assert not socketio.test_client(app, auth={"event": demo.id, "role": "root"}).is_connected()
    forged = socketio.test_client(app, auth={"event": demo.id, "role": "facilitator",
                                             "token": "forged.token.value"})
    assert not forged.is_connected()
    assert not socketio.test_client(app, auth={"event": demo.id, "role": "facilitator"}).is_connected()


def test_token_for_one_event_does_not_open_another(app, db, demo, client, sockets):
    other = gen_event(db)
    token = facilitator_token(client, demo.id)
    sio = app.extensions["socketio"].test_client(
        app, auth={"event": other.id, "role": "facilitator", "token": token})
    assert not sio.is_connected()


def test_every_screen_gets_the_timer_on_connect(demo, sockets):
    phone = sockets(demo.id)
    received = phone.get_received()
    assert names(received) == ["timer_state", "notes_count", "box_state", "projector_view",
                               "eval_items", "seating", "votes"]
    state = received[0]["args"][0]
    assert state["status"] == "idle" and state["remaining_ms"] == 20 * 60_000
    assert state["step"]["title"] == "Diskutera i grupper om 4–5"


def test_time_sync_answers_with_server_time(demo, sockets):
    ack = sockets(demo.id).emit("time_sync", {}, callback=True)
    assert ack["ok"] and isinstance(ack["server_now"], int)


def test_note_is_acked_after_commit_and_reaches_facilitators_only(db, demo, sockets):
    facilitator, phone, other_phone = sockets(demo.id, "facilitator"), sockets(demo.id), sockets(demo.id)
    for s in (facilitator, phone, other_phone):
        s.get_received()
    payload = note_payload("Elevhälsan behöver fler vägar in")
    ack = phone.emit("note_submit", payload, callback=True)
    assert ack == {"ok": True, "id": payload["id"], "duplicate": False}
    assert notes.count_notes(db, demo.id) == 1
    received = facilitator.get_received()
    assert last(received, "notes_added")["notes"][0]["text"] == "Elevhälsan behöver fler vägar in"
    assert last(received, "notes_count") == {"count": 1, "visible": 1}
    assert "notes_added" not in names(other_phone.get_received())


def test_the_projector_count_leaves_hidden_notes_out(db, demo, sockets):
    facilitator, phone = sockets(demo.id, "facilitator"), sockets(demo.id)
    acks = [phone.emit("note_submit", note_payload(f"Lapp {i}"), callback=True) for i in range(3)]
    facilitator.get_received()
    facilitator.emit("note_moderate", {"id": acks[0]["id"], "hidden": True}, callback=True)
    assert last(facilitator.get_received(), "notes_count") == {"count": 3, "visible": 2}
    projector = sockets(demo.id, "projector")
    assert last(projector.get_received(), "notes_count") == {"count": 3, "visible": 2}


def test_resent_note_is_one_note(db, demo, sockets):
    phone, facilitator = sockets(demo.id), sockets(demo.id, "facilitator")
    payload = note_payload()
    phone.emit("note_submit", payload, callback=True)
    facilitator.get_received()
    ack = phone.emit("note_submit", payload, callback=True)
    assert ack["ok"] and ack["duplicate"] is True
    assert notes.count_notes(db, demo.id) == 1
    assert "notes_added" not in names(facilitator.get_received())


@pytest.mark.parametrize("payload, code", [
    (None, "bad_payload"), ("hej", "bad_payload"), (12, "bad_payload"),
    ({"id": "x", "text": "hej"}, "bad_id"),
    ({"text": "   "}, "bad_id"),
])
def test_bad_note_payloads_get_clear_errors(db, demo, sockets, payload, code):
    ack = sockets(demo.id).emit("note_submit", payload, callback=True)
    assert ack["ok"] is False and ack["error"] == code and ack["message"]
    assert notes.count_notes(db, demo.id) == 0


def test_empty_and_huge_notes_are_refused(db, demo, sockets):
    phone = sockets(demo.id)
    assert phone.emit("note_submit", note_payload(""), callback=True)["error"] == "empty"
    assert phone.emit("note_submit", note_payload("z" * 50_000), callback=True)["error"] == "too_long"
    assert notes.count_notes(db, demo.id) == 0


def test_participant_cannot_control_the_timer(db, demo, sockets):
    phone = sockets(demo.id)
    ack = phone.emit("timer_command", {"action": "start"}, callback=True)
    assert ack["ok"] is False and ack["error"] == "forbidden"
    assert timing.timer_state(db, demo.id).status == "idle"


def test_projector_cannot_control_the_timer(db, demo, sockets):
    ack = sockets(demo.id, "projector").emit("timer_command", {"action": "start"}, callback=True)
    assert ack["error"] == "forbidden"


def test_facilitator_start_reaches_every_screen(db, demo, sockets):
    facilitator, projector, phone = (sockets(demo.id, "facilitator"), sockets(demo.id, "projector"),
                                     sockets(demo.id))
    for s in (facilitator, projector, phone):
        s.get_received()
    assert facilitator.emit("timer_command", {"action": "start"}, callback=True) == {"ok": True}
    for s in (facilitator, projector, phone):
        state = last(s.get_received(), "timer_state")
        assert state["status"] == "running"
        assert state["ends_at"] - state["server_now"] == state["remaining_ms"]
    assert timing.timer_state(db, demo.id).status == "running"


@pytest.mark.parametrize("data", [None, "start", {"action": "detonate"}, {"action": None}, []])
def test_bad_timer_commands_get_errors(db, demo, sockets, data):
    ack = sockets(demo.id, "facilitator").emit("timer_command", data, callback=True)
    assert ack["ok"] is False
    assert timing.timer_state(db, demo.id).status == "idle"


def test_screens_of_other_events_hear_nothing(db, demo, sockets):
    other = gen_event(db)
    stranger = sockets(other.id)
    stranger.get_received()
    sockets(demo.id, "facilitator").emit("timer_command", {"action": "start"}, callback=True)
    sockets(demo.id).emit("note_submit", note_payload(), callback=True)
    assert stranger.get_received() == []


def test_note_text_never_reaches_the_log(demo, sockets, caplog):
    caplog.set_level(logging.DEBUG)
    secret = "Rektorn på Västra skolan lyssnar inte"
    phone = sockets(demo.id)
    phone.emit("note_submit", note_payload(secret), callback=True)
    phone.emit("note_submit", note_payload(secret + "x" * 3000), callback=True)
    assert secret not in caplog.text


def test_a_failing_handler_still_answers(app, db, demo, sockets, monkeypatch):
    phone = sockets(demo.id)

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk on fire")
    monkeypatch.setattr(store, "insert_note", broken)   # fails inside the note writer's batch
    ack = phone.emit("note_submit", note_payload(), callback=True)
    assert ack["ok"] is False and ack["error"] == "server_error"
    assert notes.count_notes(db, demo.id) == 0


def test_connecting_late_sees_the_running_timer(db, demo, sockets):
    timing.timer_command(db, demo.id, "start", now_ms=time.time_ns() // 10**6)
    state = sockets(demo.id).get_received()[0]["args"][0]
    assert state["status"] == "running" and 19 * 60_000 < state["remaining_ms"] <= 20 * 60_000


def test_two_facilitator_tabs_stay_consistent(db, demo, sockets):
    first, second = sockets(demo.id, "facilitator"), sockets(demo.id, "facilitator")
    first.emit("timer_command", {"action": "start"}, callback=True)
    second.get_received()
    first.emit("timer_command", {"action": "pause"}, callback=True)
    received = second.get_received()
    assert last(received, "timer_state")["status"] == "paused"
    assert last(received, "programme")["steps"][0]["elapsed_ms"] >= 0


def test_auto_advance_switch_is_shared_and_facilitator_only(db, demo, sockets):
    facilitator, phone = sockets(demo.id, "facilitator"), sockets(demo.id)
    assert phone.emit("timer_command", {"action": "auto_advance", "on": True},
                      callback=True)["error"] == "forbidden"
    phone.get_received()
    assert facilitator.emit("timer_command", {"action": "auto_advance", "on": True},
                            callback=True) == {"ok": True}
    assert last(phone.get_received(), "timer_state")["auto_advance"] is True
    bad = facilitator.emit("timer_command", {"action": "auto_advance", "on": "ja"}, callback=True)
    assert bad["error"] == "bad_action"


def test_moderation_reaches_facilitators_and_projectors_not_phones(db, demo, sockets):
    facilitator, projector, phone = (sockets(demo.id, "facilitator"), sockets(demo.id, "projector"),
                                     sockets(demo.id))
    facilitator.emit("projector_view_set", {"view": "wall"}, callback=True)
    note_id = phone.emit("note_submit", note_payload("Ta bort mig"), callback=True)["id"]
    assert last(projector.get_received(), "notes_added")["notes"][0]["text"] == "Ta bort mig"
    ack = facilitator.emit("note_moderate", {"id": note_id, "hidden": True}, callback=True)
    assert ack["ok"] and ack["note"]["hidden"] is True
    assert last(projector.get_received(), "note_updated") == {"id": note_id, "hidden": True}
    assert "note_updated" not in names(phone.get_received())


def test_participants_cannot_moderate_or_steer(db, demo, sockets):
    phone = sockets(demo.id)
    note_id = phone.emit("note_submit", note_payload(), callback=True)["id"]
    for event, data in (("note_moderate", {"id": note_id, "hidden": True}),
                        ("box_set", {"open": False}), ("projector_view_set", {"view": "wall"})):
        assert phone.emit(event, data, callback=True)["error"] == "forbidden"
    event = events.get_event(db, demo.id)
    assert event.box_open and event.projector_view == "timer"
    assert not store.list_notes(db, demo.id)[0].hidden


def test_closing_the_box_tells_phones_and_refuses_notes(db, demo, sockets):
    facilitator, phone = sockets(demo.id, "facilitator"), sockets(demo.id)
    phone.get_received()
    assert facilitator.emit("box_set", {"open": False}, callback=True) == {"ok": True}
    assert last(phone.get_received(), "box_state") == {"open": False, "table_numbers": False,
                                                       "ask_scope": False}
    assert phone.emit("note_submit", note_payload(), callback=True)["error"] == "box_closed"
    assert last(sockets(demo.id).get_received(), "box_state")["open"] is False


@pytest.mark.parametrize("event, data", [
    ("box_set", None), ("box_set", {"open": "no"}), ("projector_view_set", {"view": "disco"}),
    ("note_moderate", "hide all"), ("projector_view_set", None),
])
def test_bad_facilitator_payloads(db, demo, sockets, event, data):
    assert sockets(demo.id, "facilitator").emit(event, data, callback=True)["ok"] is False


def test_projector_gets_the_wall_and_view_on_connect(db, demo, sockets):
    facilitator, phone = sockets(demo.id, "facilitator"), sockets(demo.id)
    for i in range(3):
        phone.emit("note_submit", note_payload(f"Lapp {i}"), callback=True)
    facilitator.emit("projector_view_set", {"view": "wall"}, callback=True)
    received = sockets(demo.id, "projector").get_received()
    assert [n["text"] for n in last(received, "wall")["notes"]] == ["Lapp 2", "Lapp 1", "Lapp 0"]
    assert last(received, "projector_view") == {"view": "wall"}


def test_table_numbers_are_grouped_only_from_three_notes(db, demo, sockets):
    facilitator, phone = sockets(demo.id, "facilitator"), sockets(demo.id)
    phone.emit("note_submit", note_payload("före", table=4), callback=True)
    assert store.list_notes(db, demo.id)[0].table_no is None        # not asked for: dropped
    assert facilitator.emit("table_numbers_set", {"on": True}, callback=True) == {"ok": True}
    assert last(phone.get_received(), "box_state")["table_numbers"] is True
    facilitator.get_received()
    for i in range(2):
        sockets(demo.id).emit("note_submit", note_payload(f"bord 7 nr {i}", table=7), callback=True)
    assert last(facilitator.get_received(), "tables") == {"on": True, "tables": []}
    third = phone.emit("note_submit", note_payload("bord 7 nr 2", table="7"), callback=True)
    groups = last(facilitator.get_received(), "tables")["tables"]
    assert [(g["table"], len(g["note_ids"])) for g in groups] == [(7, 3)]
    facilitator.emit("note_moderate", {"id": third["id"], "hidden": True}, callback=True)
    assert last(facilitator.get_received(), "tables")["tables"] == []   # back under three


@pytest.mark.parametrize("table", [0, 1000, -1, "sju", 3.5, True, [7]])
def test_bad_table_numbers(db, demo, sockets, table):
    facilitator, phone = sockets(demo.id, "facilitator"), sockets(demo.id)
    facilitator.emit("table_numbers_set", {"on": True}, callback=True)
    assert phone.emit("note_submit", note_payload(table=table), callback=True)["error"] == "bad_table"
    assert notes.count_notes(db, demo.id) == 0


def test_a_phone_sending_too_fast_is_slowed_not_lost(app, db, demo, sockets):
    app.config["NOTE_LIMIT_PER_MINUTE"] = 3
    phone = sockets(demo.id)
    answers = [phone.emit("note_submit", note_payload(f"lapp {i}"), callback=True) for i in range(4)]
    assert [a["ok"] for a in answers] == [True, True, True, False]
    assert answers[3]["error"] == "rate_limited"
    assert notes.count_notes(db, demo.id) == 3
    assert sockets(demo.id).emit("note_submit", note_payload(), callback=True)["ok"]  # per phone


SAMPLE = {"timer_command": {"action": "start"}, "note_moderate": {"hidden": True},
          "box_set": {"open": False}, "table_numbers_set": {"on": True},
          "projector_view_set": {"view": "wall"}, "scope_set": {"on": True}}


@pytest.mark.parametrize("role", ["participant", "projector"])
@pytest.mark.parametrize("event_name", protocol.FACILITATOR_EVENTS)
def test_every_facilitator_event_refuses_other_roles(db, demo, sockets, role, event_name):
    phone = sockets(demo.id)
    note_id = phone.emit("note_submit", note_payload(), callback=True)["id"]
    before = (events.get_event(db, demo.id), timing.timer_state(db, demo.id),
              store.list_notes(db, demo.id))
    data = {**SAMPLE[event_name], "id": note_id}
    assert sockets(demo.id, role).emit(event_name, data, callback=True)["error"] == "forbidden"
    assert (events.get_event(db, demo.id), timing.timer_state(db, demo.id),
            store.list_notes(db, demo.id)) == before


def test_every_client_event_has_a_handler(app):
    handlers = app.extensions["socketio"].server.handlers["/"]
    assert set(protocol.CLIENT_EVENTS) | {"connect", "disconnect"} <= set(handlers)


def test_the_control_page_hears_how_many_phones_are_connected(demo, sockets):
    facilitator = sockets(demo.id, "facilitator")
    assert last(facilitator.get_received(), "phones")["connected"] == 0
    phones = [sockets(demo.id) for _ in range(3)]
    assert last(facilitator.get_received(), "phones")["connected"] == 3
    phones[0].disconnect()
    update = last(facilitator.get_received(), "phones")
    assert update["connected"] == 2 and update["process"] and update["at"] > 0
    sockets(demo.id, "projector")                 # a projector is no phone
    assert "phones" not in names(facilitator.get_received())
    assert "phones" not in names(phones[1].get_received())     # phones never hear it


def test_a_note_sent_by_the_plain_form_reaches_open_screens(client, anonymous, demo, sockets):
    """The form and the socket run the same use case and tell the screens the same way."""
    projector = sockets(demo.id, "projector")
    control = sockets(demo.id, "facilitator")
    control.emit("projector_view_set", {"view": "wall"}, callback=True)
    for sio in (projector, control):
        sio.get_received()
    note_id = "0d9c7c8e-4a40-4b59-9d2f-5a3c0b1e2f3a"
    response = anonymous.post(f"/j/{demo.join_code}/notes",
                              data={"id": note_id, "text": "Skicka utan JavaScript"})
    assert response.status_code == 302
    for sio in (projector, control):
        added = last(sio.get_received(), "notes_added")
        assert [n["id"] for n in added["notes"]] == [note_id]
