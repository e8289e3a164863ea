"""Shared or own work (seed 003's last step): phones may say which a note is for."""
from __future__ import annotations

import json

import pytest

from facilitator import store
from facilitator.usecases import notes, reports, themes

from .conftest import NOW, note_payload


def ask(db, event, on=True):
    notes.set_ask_scope(db, event.id, on)


def test_a_phone_marks_a_note_shared_or_own_when_asked(db, demo, sockets):
    phone = sockets(demo.id)
    ask(db, demo)
    for scope in ("shared", "own", None, ""):
        answer = phone.emit("note_submit", note_payload(f"Lapp {scope}", scope=scope), callback=True)
        assert answer["ok"], answer
    stored = {n.text: n.scope for n in store.list_notes(db, demo.id)}
    assert stored == {"Lapp shared": "shared", "Lapp own": "own", "Lapp None": None, "Lapp ": None}


def test_not_asked_the_scope_is_not_stored(db, demo, sockets):
    answer = sockets(demo.id).emit("note_submit", note_payload(scope="shared"), callback=True)
    assert answer["ok"]
    assert store.list_notes(db, demo.id)[0].scope is None


@pytest.mark.parametrize("scope", ["both", "SHARED", 1, ["own"], {"x": 1}, "own" * 1000, True])
def test_a_bad_scope_is_refused_and_the_phone_keeps_the_note(db, demo, sockets, scope):
    ask(db, demo)
    answer = sockets(demo.id).emit("note_submit", note_payload(scope=scope), callback=True)
    assert answer == {"ok": False, "error": "bad_scope", "message": answer["message"]}
    assert store.count_notes(db, demo.id) == 0


def test_the_plain_form_takes_the_scope(db, demo, anonymous):
    ask(db, demo)
    response = anonymous.post(f"/j/{demo.join_code}/notes",
                              data={**note_payload("Via formulär"), "scope": "own"})
    assert response.status_code in (200, 302, 303)
    assert store.list_notes(db, demo.id)[0].scope == "own"


def test_the_switch_reaches_the_phones(db, demo, sockets):
    facilitator, phone = sockets(demo.id, "facilitator"), sockets(demo.id)
    assert facilitator.emit("scope_set", {"on": True}, callback=True) == {"ok": True}
    states = [m["args"][0] for m in phone.get_received() if m["name"] == "box_state"]
    assert states[-1]["ask_scope"] is True
    assert facilitator.emit("scope_set", {"on": "yes"}, callback=True)["error"] == "bad_flags"
    assert phone.emit("scope_set", {"on": False}, callback=True)["error"] == "forbidden"
    assert store.get_event(db, demo.id).ask_scope is True


def test_exports_and_report_show_the_split(db, demo, sockets):
    ask(db, demo)
    phone = sockets(demo.id)
    question = store.list_questions(db, demo.id)[0].id
    texts = [("Gemensam fortbildning för lärare", "shared"), ("Gemensam fortbildning i länet", "shared"),
             ("Fortbildning för våra egna lärare", "own"), ("Fortbildning av lärare", None)]
    for text, scope in texts:
        phone.emit("note_submit", note_payload(text, scope=scope, question_id=question), callback=True)
    exported = json.loads(notes.export_json(db, demo.id))["notes"]
    assert sorted((n["scope"] or "") for n in exported) == ["", "own", "shared", "shared"]
    assert "scope" in notes.export_csv(db, demo.id).splitlines()[0]
    themes.find(db, demo, question, NOW, n_themes=1)
    data = json.loads(reports.report_json(db, demo.id))
    found = data["sections"][0]["themes"]   # where the finder puts each note is its own call
    assert sum(t["scope"]["shared"] for t in found) == 2
    assert sum(t["scope"]["own"] for t in found) == 1
    first = found[0]["scope"]
    assert (f"{first['shared']} för det gemensamma arbetet, {first['own']} för det egna arbetet "
            "i kommunen") in reports.report_markdown(db, demo.id)
