"""The themes page and its JSON endpoints: members only, CSRF, clear refusals, the projector."""
import re

import pytest

from facilitator.usecases import accounts, themes
from facilitator import store

from .conftest import NOW, PASSWORD, log_in, projector_url
from .test_themes import TEXTS, event_with_notes


@pytest.fixture
def event(db, user):
    return event_with_notes(db, user)


def post(client, event, action, **body):
    return client.post(f"/f/events/{event.id}/themes/{action}", json={"q": "all", **body})


def test_page_and_board(client, event):
    page = client.get(f"/f/events/{event.id}/themes")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and 'data-action="themes-find"' in html
    assert "Hitta teman" in html and "Alla frågor" in html
    assert 'src="/static/js/themes.js"' in html and "<script>" not in html
    assert f'/f/events/{event.id}/themes' in client.get(f"/f/events/{event.id}").get_data(as_text=True)
    board = client.get(f"/f/events/{event.id}/themes.json?q=all").get_json()
    assert board["themes"] == [] and len(board["unsorted"]) == len(TEXTS)


def test_find_rename_move_undo_over_http(client, event):
    board = post(client, event, "find").get_json()
    assert sum(t["size"] for t in board["themes"]) == len(TEXTS)
    first = board["themes"][0]
    renamed = post(client, event, "rename", theme_id=first["id"], label="Skolan").get_json()
    assert renamed["themes"][0]["label"] == "Skolan" and renamed["manual_count"] == 1
    note_id = first["notes"][-1]["id"]
    split = post(client, event, "split", theme_id=first["id"], note_ids=[note_id]).get_json()
    assert [t["label"] for t in split["themes"]][:2] == ["Skolan", "Nytt tema"]
    moved = post(client, event, "move", note_ids=[note_id], theme_id=first["id"]).get_json()
    assert note_id in [n["id"] for t in moved["themes"] if t["id"] == first["id"] for n in t["notes"]]
    undone = post(client, event, "undo").get_json()
    assert note_id not in [n["id"] for t in undone["themes"] if t["id"] == first["id"]
                           for n in t["notes"]]


@pytest.mark.parametrize("label, message", [
    ("", "Namnet kan inte vara tomt."),
    ("x" * 10_000, "Namnet kan vara högst 120 tecken."),
    ("a\x07b", "Namnet får inte innehålla styrtecken eller osynliga riktningstecken."),
    (["lista"], "Namnet får inte innehålla styrtecken eller osynliga riktningstecken."),
])
def test_hostile_labels_get_a_clear_400_and_change_nothing(client, db, event, label, message):
    board = post(client, event, "find").get_json()
    before = store.theme_state(db, event.id, None)
    answer = post(client, event, "rename", theme_id=board["themes"][0]["id"], label=label)
    assert answer.status_code == 400 and answer.get_json()["message"] == message
    assert store.theme_state(db, event.id, None) == before


def test_a_script_label_stays_text(client, event):
    board = post(client, event, "find").get_json()
    label = "<script>alert(1)</script>"
    assert post(client, event, "rename", theme_id=board["themes"][0]["id"],
                label=label).get_json()["themes"][0]["label"] == label
    assert "<script>alert" not in client.get(f"/f/events/{event.id}/themes").get_data(as_text=True)


@pytest.mark.parametrize("action, body", [
    ("merge", {"theme_ids": [1]}), ("move", {"note_ids": "x", "theme_id": 1}),
    ("delete", {"theme_id": None}), ("undo", {"q": "99999"}), ("find", {"q": "abc"}),
])
def test_bad_requests_are_400_with_a_message(client, event, action, body):
    answer = post(client, event, action, **body)
    assert answer.status_code == 400 and answer.get_json()["message"]


def test_not_json_and_unknown_actions(client, event):
    assert client.post(f"/f/events/{event.id}/themes/find", data="q=all").status_code == 400
    assert post(client, event, "explode").status_code == 404


def test_other_facilitators_get_404(app, db, event):
    accounts.create_user(db, "bertil", PASSWORD, NOW)
    other = log_in(app.test_client(), "bertil")
    assert other.get(f"/f/events/{event.id}/themes").status_code == 404
    assert other.get(f"/f/events/{event.id}/themes.json").status_code == 404
    assert post(other, event, "find").status_code == 404
    assert themes.board(db, event.id, None)["themes"] == []


def test_anonymous_is_sent_to_log_in(anonymous, event):
    assert anonymous.get(f"/f/events/{event.id}/themes").status_code == 302
    assert post(anonymous, event, "find").status_code == 302


def test_json_changes_need_the_csrf_header(tmp_path, db, event):
    from facilitator import create_app
    strict = create_app({"DB_PATH": str(tmp_path / "facilitator.sqlite3"), "TESTING": True,
                         "INSTANCE_PATH": str(tmp_path / "i"), "SECRET_KEY": "strict",
                         "RATELIMIT_ENABLED": False})
    client = strict.test_client()
    login = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', login).group(1)
    client.post("/login", data={"username": "anna", "password": PASSWORD, "csrf_token": token})
    page = client.get(f"/f/events/{event.id}/themes").get_data(as_text=True)
    csrf = re.search(r'data-csrf="([^"]+)"', page).group(1)
    url = f"/f/events/{event.id}/themes/find"
    assert client.post(url, json={"q": "all"}).status_code == 400
    assert themes.board(db, event.id, None)["themes"] == []
    assert client.post(url, json={"q": "all"}, headers={"X-CSRFToken": csrf}).status_code == 200


def test_projector_harvest(app, client, anonymous, db, event, sockets):
    projector = sockets(event.id, "projector")
    post(client, event, "find")
    assert post(client, event, "projector").get_json() == {"ok": True}
    assert store.get_event(db, event.id).projector_view == "themes"
    views = [m["args"][0]["view"] for m in projector.get_received() if m["name"] == "projector_view"]
    assert views[-1] == "themes"
    harvest = anonymous.get(projector_url(app, event.id, "/themes.json")).get_json()
    assert sum(t["count"] for t in harvest["themes"]) == len(TEXTS)
    page = anonymous.get(projector_url(app, event.id)).get_data(as_text=True)
    assert 'data-view="themes"' in page and 'data-view-panel="themes"' in page


def test_sort_the_rest_and_new_theme_over_http(client, event):
    board = client.get(f"/f/events/{event.id}/themes.json?q=all").get_json()
    refused = post(client, event, "sort")
    assert refused.status_code == 400 and refused.get_json()["error"] == "no_seeds"
    assert refused.get_json()["message"].startswith("Namnge först ett tema")
    first = board["unsorted"][0]["id"]
    created = post(client, event, "create", note_ids=[first], label="Samverkan").get_json()
    assert created["themes"][0]["label"] == "Samverkan" and created["can_sort"]
    assert created["themes"][0]["notes"][0] == {**created["themes"][0]["notes"][0],
                                                "id": first, "by_hand": True}
    done = post(client, event, "sort").get_json()
    assert sum(t["size"] for t in done["themes"]) == len(TEXTS) and done["unsorted"] == []
    assert "Samverkan" in [t["label"] for t in done["themes"]]


@pytest.mark.parametrize("body", [{}, {"note_ids": []}, {"note_ids": "abc"},
                                  {"note_ids": ["no-such-note"]}, {"note_ids": [None]},
                                  {"note_ids": ["x"] * 6000}])
def test_new_theme_with_bad_notes_is_refused(client, db, event, body):
    before = store.theme_state(db, event.id, None)
    answer = post(client, event, "create", label="Ny", **body)
    assert answer.status_code == 400 and answer.get_json()["error"] == "bad_notes"
    assert store.theme_state(db, event.id, None) == before


def test_confirming_a_marked_note_keeps_it_and_teaches_the_next_sort(client, db, event):
    board = client.get(f"/f/events/{event.id}/themes.json?q=all").get_json()
    ids = [n["id"] for n in board["unsorted"]]
    post(client, event, "create", note_ids=ids[:1], label="Samverkan")
    sorted_ = post(client, event, "sort").get_json()
    theme, note = next((t, n) for t in sorted_["themes"] for n in t["notes"]
                       if not n["by_hand"] and not t["other"])
    done = post(client, event, "confirm", note_ids=[note["id"]]).get_json()
    kept = next(t for t in done["themes"] if t["label"] == theme["label"])
    assert next(n for n in kept["notes"] if n["id"] == note["id"]) == {
        **note, "by_hand": True, "review": False}
    assert kept["manual"] and done["can_sort"]
    again = post(client, event, "sort").get_json()
    placed = next(t for t in again["themes"] if t["label"] == theme["label"])
    assert note["id"] in [n["id"] for n in placed["notes"] if n["by_hand"]]
    assert post(client, event, "undo").get_json()["themes"] == done["themes"]


@pytest.mark.parametrize("body", [{}, {"note_ids": []}, {"note_ids": "abc"},
                                  {"note_ids": ["no-such-note"]}, {"note_ids": [None]},
                                  {"note_ids": [{"id": 1}]}, {"note_ids": ["x"] * 6000}])
def test_confirming_bad_notes_is_refused_with_a_message(client, db, event, body):
    post(client, event, "find")
    before = store.theme_state(db, event.id, None)
    answer = post(client, event, "confirm", **body)
    assert answer.status_code == 400 and answer.get_json()["error"] in ("bad_notes", "no_note")
    assert answer.get_json()["message"]
    assert store.theme_state(db, event.id, None) == before
