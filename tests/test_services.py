"""Use cases on a real database: events, notes, timer, report."""
import io
import uuid

import docx
import pytest

from facilitator.usecases import notes, demo_data, events, reports, timing
from facilitator import store
from facilitator.db import connect
from facilitator.domain.notes import NoteError
from facilitator.domain.timer import TimerError

from .conftest import NOW, gen_event, note_payload


def test_demo_event_is_created_once(db, rng):
    first, created = demo_data.ensure_demo_event(db, rng, NOW)
    again, created_again = demo_data.ensure_demo_event(db, rng, NOW)
    assert created and not created_again and first == again
    assert [s.title for s in store.list_steps(db, first.id)][0] == "Diskutera i grupper om 4–5"
    assert first.language == "sv" and first.date == "2026-11-23"


def test_join_codes_are_unique(db):
    codes = {gen_event(db).join_code for _ in range(50)}
    assert len(codes) == 50


@pytest.mark.parametrize("form, errors", [
    ({}, {"name": "required"}),
    ({"name": "   "}, {"name": "required"}),
    ({"name": "x" * 201}, {"name": "too_long"}),
    ({"name": "ok", "date": "23/11/2026"}, {"date": "bad_date"}),
    ({"name": "ok", "date": "2026-02-30"}, {"date": "bad_date"}),
    ({"name": "ok", "language": "de"}, {"language": "bad_language"}),
    ({"name": "ok", "place": "p" * 5000}, {"place": "too_long"}),
])
def test_event_form_errors(form, errors):
    with pytest.raises(events.ValidationError) as info:
        events.clean_event_draft(form)
    assert info.value.errors == errors


def test_event_form_keeps_hostile_text_as_text():
    draft = events.clean_event_draft({"name": " <b>Café</b> {{x}} ", "language": "en"})
    assert draft.name == "<b>Café</b> {{x}}" and draft.language == "en"


def test_submit_note_defaults_to_the_current_steps_question(db, demo):
    note, is_new = notes.submit_note(db, demo.id, note_payload(), NOW)
    question = store.list_questions(db, demo.id)[0]
    assert is_new and note.question_id == question.id


def test_submit_note_twice_is_one_note(db, demo):
    payload = note_payload()
    notes.submit_note(db, demo.id, payload, NOW)
    note, is_new = notes.submit_note(db, demo.id, payload, NOW)
    assert not is_new and note.text == payload["text"]
    assert notes.count_notes(db, demo.id) == 1


def test_note_id_from_another_event_is_refused(db, demo):
    payload = note_payload()
    notes.submit_note(db, demo.id, payload, NOW)
    other = gen_event(db)
    with pytest.raises(NoteError):
        notes.submit_note(db, other.id, payload, NOW)
    assert notes.count_notes(db, other.id) == 0


@pytest.mark.parametrize("payload, code", [
    (None, "bad_payload"),
    ("text", "bad_payload"),
    ([], "bad_payload"),
    ({"text": "no id"}, "bad_id"),
    ({"id": str(uuid.uuid4()), "text": ""}, "empty"),
    ({"id": str(uuid.uuid4()), "text": "y" * 10_000}, "too_long"),
    ({"id": str(uuid.uuid4()), "text": "ok", "question_id": 99999}, "bad_question"),
    ({"id": str(uuid.uuid4()), "text": "ok", "question_id": "drop"}, "bad_question"),
    ({"id": str(uuid.uuid4()), "text": "ok", "question_id": [1]}, "bad_question"),
])
def test_bad_notes_store_nothing(db, demo, payload, code):
    with pytest.raises(NoteError) as info:
        notes.submit_note(db, demo.id, payload, NOW)
    assert info.value.code == code
    assert notes.count_notes(db, demo.id) == 0


def test_timer_state_survives_a_restart(app, db, demo):
    timing.timer_command(db, demo.id, "start", now_ms=1_000_000)
    db.close()
    reopened = connect(app.config["DB_PATH"])
    snapshot = timing.timer_snapshot(reopened, demo.id, now_ms=1_000_000 + 5 * 60_000)
    assert snapshot["status"] == "running"
    assert snapshot["remaining_ms"] == 15 * 60_000
    reopened.close()


def test_timer_moves_through_the_programme(db, demo):
    steps = store.list_steps(db, demo.id)
    timing.timer_command(db, demo.id, "start", 0)
    state = timing.timer_command(db, demo.id, "next", 10)
    assert state.step_id == steps[1].id and state.status == "idle"
    assert state.remaining_ms == 15 * 60_000
    timing.timer_command(db, demo.id, "next", 20)
    with pytest.raises(TimerError):
        timing.timer_command(db, demo.id, "next", 30)
    assert timing.timer_command(db, demo.id, "previous", 40).step_id == steps[1].id


@pytest.mark.parametrize("action", ["", "explode", "START", None, "__class__"])
def test_unknown_timer_actions_change_nothing(db, demo, action):
    before = timing.timer_state(db, demo.id)
    with pytest.raises(TimerError):
        timing.timer_command(db, demo.id, str(action), 0)
    assert timing.timer_state(db, demo.id) == before


def test_timer_without_programme_cannot_start(db):
    event = gen_event(db)
    with pytest.raises(TimerError):
        timing.timer_command(db, event.id, "start", 0)


def test_report_has_title_date_and_quotes(db, demo):
    notes.submit_note(db, demo.id, note_payload("Skolan kan inte göra allt själv."), NOW)
    document = docx.Document(io.BytesIO(reports.report_docx(db, demo.id, NOW)))
    texts = [(p.style.name, p.text) for p in document.paragraphs]
    assert ("Title", demo.name) in texts
    assert ("Normal", "Datum: 23 november 2026") in texts
    assert ("List Bullet", "Skolan kan inte göra allt själv.") in texts
    assert document.core_properties.title == demo.name
    assert document.core_properties.language == "sv-SE"
    assert "Grupper" not in demo.name  # the programme, not the title, carries the method
    assert any("Diskutera i grupper om 4–5 (20 min)" in t for _, t in texts)


def test_report_in_english_for_an_english_event(db):
    event = gen_event(db, name="Learning café", language="en")
    document = docx.Document(io.BytesIO(reports.report_docx(db, event.id, NOW)))
    texts = [p.text for p in document.paragraphs]
    assert "No notes yet." in texts and document.core_properties.language == "en-GB"


def test_goto_a_chosen_step_and_refuse_foreign_ones(db, demo):
    steps = store.list_steps(db, demo.id)
    assert timing.timer_command(db, demo.id, "goto", 0, step_id=steps[2].id).step_id == steps[2].id
    other = gen_event(db)
    for bad in (None, "1", 10**9, [steps[0].id]):
        with pytest.raises(TimerError):
            timing.timer_command(db, demo.id, "goto", 0, step_id=bad)
    with pytest.raises(TimerError):
        timing.timer_command(db, other.id, "goto", 0, step_id=steps[0].id)


def test_extend_and_shorten_while_running(db, demo):
    timing.timer_command(db, demo.id, "start", 0)
    timing.timer_command(db, demo.id, "extend", 1_000)
    state = timing.timer_command(db, demo.id, "shorten", 2_000)
    state = timing.timer_command(db, demo.id, "shorten", 3_000)
    assert timing.timer_snapshot(db, demo.id, 3_000)["remaining_ms"] == 20 * 60_000 - 60_000 - 3_000
    assert state.status == "running"


def test_report_leaves_out_hidden_features_starred_and_separates_prepared(db, demo):
    first, _ = notes.submit_note(db, demo.id, note_payload("Vanlig lapp"), NOW)
    starred, _ = notes.submit_note(db, demo.id, note_payload("Lyft fram mig"), NOW)
    hidden, _ = notes.submit_note(db, demo.id, note_payload("Hemlig och olämplig"), NOW)
    notes.moderate(db, demo.id, {"id": starred.id, "starred": True})
    notes.moderate(db, demo.id, {"id": hidden.id, "hidden": True})
    notes.submit_note(db, demo.id, note_payload("Förberett svar"), NOW, prepared_by="Askersunds kommun")
    document = docx.Document(io.BytesIO(reports.report_docx(db, demo.id, NOW)))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    heading = f"Fråga 1: {store.list_questions(db, demo.id)[0].text}"
    question = paragraphs.index(("Heading 1", heading))
    assert paragraphs[question + 2:question + 4] == [("List Bullet", "Lyft fram mig"),
                                                     ("List Bullet", "Vanlig lapp")]
    assert document.paragraphs[question + 2].runs[0].bold  # featured
    assert not any("Hemlig" in t for _, t in paragraphs)
    prepared = paragraphs.index(("Heading 1", "Förberedda svar"))
    assert ("Heading 2", "Askersunds kommun") in paragraphs[prepared:]
    assert sum("Förberett svar" in t for _, t in paragraphs) == 2  # its section, the appendix


def test_report_survives_control_characters(db, demo):
    """New notes with ESC or BEL are refused (test_attacks_input.py); ones stored before remain."""
    from facilitator.models import Note
    with db.atomic():
        store.insert_note(db, Note(str(uuid.uuid4()), demo.id, "ring\x07 klockan\x1b och\ttab",
                                   "2026-11-23T09:00:00.000+00:00"))
    document = docx.Document(io.BytesIO(reports.report_docx(db, demo.id, NOW)))
    assert "ring klockan och\ttab" in [p.text for p in document.paragraphs]
