"""Issue 24.1: the projector is a credentialed screen that gets only what its view shows.

The attacker has the join code (the join page shows the event id) and nothing else.
"""
import json

import pytest

from facilitator import auth
from facilitator.usecases import evaluation, notes

from .conftest import note_payload, projector_key


def names(received):
    return [m["name"] for m in received]


def texts(received):
    return json.dumps([m["args"] for m in received], ensure_ascii=False)


@pytest.mark.parametrize("token", [None, "", "forged.token.value", 7, "x" * 600])
def test_a_projector_socket_without_a_valid_key_is_refused(app, demo, token):
    auth_data = {"event": demo.id, "role": "projector"}
    if token is not None:
        auth_data["token"] = token
    sio = app.extensions["socketio"].test_client(app, auth=auth_data)
    assert not sio.is_connected()


def test_a_key_for_one_event_does_not_open_another(app, db, demo):
    from .conftest import gen_event
    other = gen_event(db)
    key = auth.projector_token(app.config["SECRET_KEY"], demo.id)
    sio = app.extensions["socketio"].test_client(
        app, auth={"event": other.id, "role": "projector", "token": key})
    assert not sio.is_connected()


def test_a_facilitator_token_is_not_a_projector_key(app, client, demo):
    from .conftest import facilitator_token
    sio = app.extensions["socketio"].test_client(
        app, auth={"event": demo.id, "role": "projector",
                   "token": facilitator_token(client, demo.id)})
    assert not sio.is_connected()


def test_an_expired_projector_key_is_refused(app, demo, monkeypatch):
    key = auth.projector_token(app.config["SECRET_KEY"], demo.id)
    monkeypatch.setattr(auth, "PROJECTOR_MAX_AGE_S", -1)
    assert not auth.check_projector_token(app.config["SECRET_KEY"], key, demo.id)


def test_the_projector_page_and_its_data_need_the_key(anonymous, client, demo):
    for url in (f"/p/{demo.id}", f"/p/{demo.id}/cloud.json", f"/p/{demo.id}/themes.json"):
        response = anonymous.get(url)
        assert response.status_code == 403, url
        assert demo.join_code not in response.get_data(as_text=True)
    assert anonymous.get(f"/p/{demo.id}?key=forged").status_code == 403
    key = projector_key(client, demo.id)
    page = anonymous.get(f"/p/{demo.id}?key={key}")
    assert page.status_code == 200 and f'data-token="{key}"' in page.get_data(as_text=True)


def test_the_control_page_links_a_keyed_projector(client, demo, app):
    key = projector_key(client, demo.id)
    assert auth.check_projector_token(app.config["SECRET_KEY"], key, demo.id)


def test_projector_data_endpoints_answer_only_for_the_view_shown(anonymous, client, demo, sockets):
    key = projector_key(client, demo.id)
    facilitator = sockets(demo.id, "facilitator")
    assert anonymous.get(f"/p/{demo.id}/cloud.json?key={key}").status_code == 409
    assert anonymous.get(f"/p/{demo.id}/themes.json?key={key}").status_code == 409
    facilitator.emit("projector_view_set", {"view": "cloud"}, callback=True)
    assert anonymous.get(f"/p/{demo.id}/cloud.json?key={key}").status_code == 200
    facilitator.emit("projector_view_set", {"view": "themes"}, callback=True)
    assert anonymous.get(f"/p/{demo.id}/themes.json?key={key}").status_code == 200


def test_a_projector_showing_the_timer_gets_no_notes(db, demo, sockets):
    projector, phone = sockets(demo.id, "projector"), sockets(demo.id)
    phone.emit("note_submit", note_payload("Hemlig text om timern"), callback=True)
    received = projector.get_received()
    assert "notes_added" not in names(received) and "wall" not in names(received)
    assert "Hemlig text" not in texts(received)
    assert [m["args"][0] for m in received if m["name"] == "notes_count"][-1] == {"count": 1, "visible": 1}


def test_a_hidden_note_never_reaches_the_projector(db, demo, sockets):
    facilitator, phone = sockets(demo.id, "facilitator"), sockets(demo.id)
    facilitator.emit("projector_view_set", {"view": "wall"}, callback=True)
    projector = sockets(demo.id, "projector")
    note_id = phone.emit("note_submit", note_payload("Olämplig lapp"), callback=True)["id"]
    facilitator.emit("note_moderate", {"id": note_id, "hidden": True}, callback=True)
    received = projector.get_received()
    updated = [m["args"][0] for m in received if m["name"] == "note_updated"]
    assert updated[-1] == {"id": note_id, "hidden": True}          # remove it, text not sent again
    # A projector that connects (or switches to the wall) after the hiding never sees it.
    late = sockets(demo.id, "projector")
    facilitator.emit("projector_view_set", {"view": "timer"}, callback=True)
    facilitator.emit("projector_view_set", {"view": "wall"}, callback=True)
    assert "Olämplig" not in texts(late.get_received())
    # Moderating a hidden note (star it) sends its text nowhere but the control pages.
    projector.get_received()
    facilitator.emit("note_moderate", {"id": note_id, "starred": True}, callback=True)
    assert "Olämplig" not in texts(projector.get_received())


def test_wall_payloads_carry_no_timestamps(db, demo, sockets):
    facilitator, phone = sockets(demo.id, "facilitator"), sockets(demo.id)
    facilitator.emit("projector_view_set", {"view": "wall"}, callback=True)
    projector = sockets(demo.id, "projector")
    phone.emit("note_submit", note_payload("Tid?"), callback=True)
    added = [m["args"][0] for m in projector.get_received() if m["name"] == "notes_added"][-1]
    assert set(added["notes"][0]) == {"id", "text", "starred", "hidden"}


def test_switching_views_sends_what_the_new_view_needs(db, demo, sockets):
    facilitator, phone = sockets(demo.id, "facilitator"), sockets(demo.id)
    phone.emit("note_submit", note_payload("Väggen visas nu"), callback=True)
    projector = sockets(demo.id, "projector")
    assert "wall" not in names(projector.get_received())
    facilitator.emit("projector_view_set", {"view": "wall"}, callback=True)
    received = projector.get_received()
    wall = [m["args"][0] for m in received if m["name"] == "wall"][-1]
    assert [n["text"] for n in wall["notes"]] == ["Väggen visas nu"]


def test_eval_results_reach_the_projector_only_while_it_shows_them(db, demo, sockets):
    evaluation.add_demo_evaluation(db, demo.id, __import__("random").Random(1), __import__(
        "facilitator.clock", fromlist=["now"]).now())
    projector = sockets(demo.id, "projector")
    assert "eval_results" not in names(projector.get_received())
    facilitator = sockets(demo.id, "facilitator")
    facilitator.emit("projector_view_set", {"view": "results"}, callback=True)
    results = [m["args"][0] for m in projector.get_received() if m["name"] == "eval_results"]
    assert results and results[-1]["results"]
    assert all("comments" not in r for r in results[-1]["results"])


def test_names_reach_the_projector_only_while_the_table_map_shows(client, db, demo, sockets):
    client.post(f"/f/events/{demo.id}/rotation/people", data={"name": "Åsa Öberg", "org": "BUN"})
    client.post(f"/f/events/{demo.id}/rotation/people", data={"seats": "8"})
    projector = sockets(demo.id, "projector")
    client.post(f"/f/events/{demo.id}/rotation/show", data={"round": "1"})
    received = projector.get_received()
    assert "table_map" not in names(received) and "Åsa" not in texts(received)
    sockets(demo.id, "facilitator").emit("projector_view_set", {"view": "tables"}, callback=True)
    table_map = [m["args"][0] for m in projector.get_received() if m["name"] == "table_map"][-1]
    assert "Åsa Öberg" in [p["name"] for p in table_map["people"]]
    assert "table_map" not in names(sockets(demo.id).get_received())


def test_a_phone_never_gets_note_texts(db, demo, sockets):
    facilitator, phone = sockets(demo.id, "facilitator"), sockets(demo.id)
    facilitator.emit("projector_view_set", {"view": "wall"}, callback=True)
    other = sockets(demo.id)
    phone.emit("note_submit", note_payload("Bara för väggen"), callback=True)
    assert "Bara för väggen" not in texts(other.get_received())
    assert notes.count_notes(db, demo.id) == 1
