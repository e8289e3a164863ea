"""The note box: moderation, open/closed, prepared answers, exports."""
import csv
import io
import json
import uuid

import pytest

from facilitator.usecases import notes
from facilitator import phones, store
from facilitator.domain.notes import NoteError

from .conftest import NOW, gen_event, note_payload


def test_moderation_hides_and_features_without_touching_the_text(db, demo):
    note, _ = notes.submit_note(db, demo.id, note_payload("Original ”text” åäö"), NOW)
    hidden = notes.moderate(db, demo.id, {"id": note.id, "hidden": True, "starred": True})
    assert hidden.hidden and hidden.starred and hidden.text == "Original ”text” åäö"
    assert notes.visible_notes(db, demo.id) == [] and len(store.list_notes(db, demo.id)) == 1
    assert notes.wall(db, demo.id) == []
    restored = notes.moderate(db, demo.id, {"id": note.id, "hidden": False})
    assert not restored.hidden and restored.starred


@pytest.mark.parametrize("payload, code", [
    (None, "bad_payload"), ([], "bad_payload"),
    ({"id": "x", "hidden": True}, "bad_id"),
    ({"id": str(uuid.uuid4()), "hidden": True}, "no_note"),
    ({"id": "NOTE", "hidden": "yes"}, "bad_flags"),
    ({"id": "NOTE", "starred": 1}, "bad_flags"),
    ({"id": "NOTE"}, "bad_flags"),
    ({"id": "NOTE", "text": "rewritten"}, "bad_flags"),
])
def test_bad_moderation(db, demo, payload, code):
    note, _ = notes.submit_note(db, demo.id, note_payload(), NOW)
    if isinstance(payload, dict) and payload.get("id") == "NOTE":
        payload = {**payload, "id": note.id}
    with pytest.raises(NoteError) as info:
        notes.moderate(db, demo.id, payload)
    assert info.value.code == code
    assert store.get_note(db, note.id) == note


def test_notes_of_another_event_cannot_be_moderated(db, demo):
    note, _ = notes.submit_note(db, demo.id, note_payload(), NOW)
    other = gen_event(db)
    with pytest.raises(NoteError):
        notes.moderate(db, other.id, {"id": note.id, "hidden": True})
    assert not store.get_note(db, note.id).hidden


def test_a_closed_box_refuses_new_notes_but_acks_resends(db, demo):
    sent_before, _ = notes.submit_note(db, demo.id, note_payload(), NOW)
    notes.set_box(db, demo.id, False)
    with pytest.raises(NoteError) as info:
        notes.submit_note(db, demo.id, note_payload("för sent"), NOW)
    assert info.value.code == "box_closed"
    again, is_new = notes.submit_note(db, demo.id, {"id": sent_before.id, "text": sent_before.text}, NOW)
    assert again == sent_before and not is_new
    notes.set_box(db, demo.id, True)
    assert notes.submit_note(db, demo.id, note_payload("nu går det"), NOW)[1]


@pytest.mark.parametrize("value", [None, "false", 0, "closed"])
def test_box_needs_a_boolean(db, demo, value):
    with pytest.raises(NoteError):
        notes.set_box(db, demo.id, value)


def test_prepared_answers_are_kept_apart_and_pass_a_closed_box(db, demo):
    notes.set_box(db, demo.id, False)
    note, _ = notes.submit_note(db, demo.id, note_payload("Vi har en familjecentral"), NOW,
                                prepared_by="Hallsbergs kommun")
    assert note.prepared and note.prepared_by == "Hallsbergs kommun"


def test_prepare_token_is_made_once_and_finds_the_event(db, demo, rng):
    token = notes.prepare_token(db, demo.id, rng)
    assert len(token) == 24 and notes.prepare_token(db, demo.id, rng) == token
    assert notes.event_for_prepare_token(db, token).id == demo.id
    assert notes.event_for_prepare_token(db, "") is None
    assert notes.event_for_prepare_token(db, "x" * 10_000) is None


@pytest.mark.parametrize("view", ["timer", "wall", "cloud"])
def test_projector_views(db, demo, view):
    assert notes.set_projector_view(db, demo.id, view).projector_view == view


@pytest.mark.parametrize("view", [None, "", "admin", "<script>", ["wall"]])
def test_bad_projector_views(db, demo, view):
    with pytest.raises(NoteError):
        notes.set_projector_view(db, demo.id, view)
    assert store.get_event(db, demo.id).projector_view == "timer"


def test_csv_export_opens_in_a_swedish_excel(db, demo):
    notes.submit_note(db, demo.id, note_payload("Skola; socialtjänst, och \"fritid\"\nny rad"), NOW)
    notes.submit_note(db, demo.id, note_payload("=HYPERLINK(\"http://evil\")"), NOW)
    text = notes.export_csv(db, demo.id, ";")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    assert rows[0]["text"] == "Skola; socialtjänst, och \"fritid\"\nny rad"
    assert rows[1]["text"] == "'=HYPERLINK(\"http://evil\")"       # never a live formula
    assert rows[0]["question"].startswith("Hur kan vi tillsammans")
    assert set(rows[0]) == set(notes.EXPORT_FIELDS)


def test_json_export(db, demo):
    notes.submit_note(db, demo.id, note_payload("🙂 åäö"), NOW)
    data = json.loads(notes.export_json(db, demo.id))
    assert data["event"]["id"] == demo.id and data["notes"][0]["text"] == "🙂 åäö"


def test_exports_show_a_table_only_from_three_notes(db, demo):
    notes.set_table_numbers(db, demo.id, True)
    for i in range(3):                              # three phones at table 2
        phone = phones.check_phone_key("k", phones.issue_phone_key("k", demo.id), demo.id)
        notes.submit_note(db, demo.id, note_payload(f"bord 2 lapp {i}", table=2), NOW, phone=phone)
    notes.submit_note(db, demo.id, note_payload("ensam vid bord 9", table=9), NOW, phone=phone)
    rows = {r["text"]: r["table"] for r in notes.export_rows(db, demo.id)}
    assert rows == {"bord 2 lapp 0": 2, "bord 2 lapp 1": 2, "bord 2 lapp 2": 2, "ensam vid bord 9": None}
    assert notes.tables(db, demo.id) == {2: [n.id for n in store.list_notes(db, demo.id)[:3]]}
