"""Which question a note is filed under, and questions left behind by an edit."""
import pytest

from facilitator import store
from facilitator.usecases import notes, programme, reports, timing
from facilitator.domain.notes import NoteError, note_question
from facilitator.domain.programme import asked_question_ids
from facilitator.domain.report.labels import labels_in
from facilitator.domain.report.outline import outline

from .conftest import NOW, gen_event, note_payload

NOW_MS = 1_800_000_000_000


@pytest.mark.parametrize("sent, picked, step_question, filed", [
    (None, False, None, None),
    (None, False, 2, 2),
    (1, False, 2, 2),          # the page's default, never touched: the room's question wins
    (1, True, 2, 1),           # picked by hand: kept
    (1, False, None, 1),       # a step without a question keeps the phone's choice
    (None, True, 2, 2),        # "picked" nothing: the room's question
])
def test_note_question_rule(sent, picked, step_question, filed):
    assert note_question(sent, picked, step_question) == filed


def _two_question_event(db):
    event = gen_event(db)
    base = {"kind": "discussion", "instruction": "", "duration_s": 600, "box": ""}
    welcome = programme.add_step(db, event.id, {**base, "title": "Välkomna", "question": ""})
    first = programme.add_step(db, event.id, {**base, "title": "Runda 1", "question": "Vad fungerar?"})
    second = programme.add_step(db, event.id, {**base, "title": "Runda 2", "question": "Vad gör vi nu?"})
    q1, q2 = store.list_questions(db, event.id)
    return event, (welcome, first, second), (q1.id, q2.id)


def _goto(db, event_id, step_id):
    timing.timer_command(db, event_id, "goto", NOW_MS, step_id)


def test_a_stale_page_cannot_file_under_the_first_question(db):
    event, (_, _, second), (q1, q2) = _two_question_event(db)
    _goto(db, event.id, second)
    # An old cached page sends its first option and nothing else.
    note, _ = notes.submit_note(db, event.id, note_payload(question_id=q1), NOW)
    assert note.question_id == q2


def test_a_hand_picked_question_is_kept(db):
    event, (_, _, second), (q1, _) = _two_question_event(db)
    _goto(db, event.id, second)
    note, _ = notes.submit_note(db, event.id, note_payload(question_id=q1, question_picked=True), NOW)
    assert note.question_id == q1


def test_a_note_written_offline_keeps_the_step_it_was_written_in(db):
    event, (_, first, second), (q1, _) = _two_question_event(db)
    _goto(db, event.id, second)           # the room moved on while the phone was offline
    note, _ = notes.submit_note(db, event.id, note_payload(question_id=q1, step_id=first), NOW)
    assert note.question_id == q1


@pytest.mark.parametrize("step_id", ["x", -1, 10**9, True, [1], {"a": 1}, "9" * 500])
def test_a_garbled_step_id_files_under_the_rooms_step(db, step_id):
    event, (_, _, second), (_, q2) = _two_question_event(db)
    _goto(db, event.id, second)
    note, _ = notes.submit_note(db, event.id, note_payload(step_id=step_id), NOW)
    assert note.question_id == q2


def test_a_step_without_a_question_files_under_none_or_the_choice(db):
    event, (welcome, _, _), (q1, _) = _two_question_event(db)
    _goto(db, event.id, welcome)
    assert notes.submit_note(db, event.id, note_payload(), NOW)[0].question_id is None
    assert notes.submit_note(db, event.id, note_payload(question_id=q1), NOW)[0].question_id == q1


def test_an_unknown_question_is_still_refused(db):
    event, _, (_, q2) = _two_question_event(db)
    with pytest.raises(NoteError) as info:
        notes.submit_note(db, event.id, note_payload(question_id=q2 + 100, question_picked=True), NOW)
    assert info.value.code == "bad_question"


def test_the_plain_form_counts_a_changed_select_as_picked(app, anonymous, db):
    event, (_, _, second), (q1, q2) = _two_question_event(db)
    _goto(db, event.id, second)
    page = anonymous.get(f"/j/{event.join_code}").get_data(as_text=True)
    assert f'name="question_default" value="{q2}"' in page
    for chosen, filed in ((q2, q2), (q1, q1)):
        payload = note_payload()
        form = {"id": payload["id"], "text": payload["text"], "question_id": str(chosen),
                "question_default": str(q2), "step_id": str(second)}
        assert anonymous.post(f"/j/{event.join_code}/notes", data=form).status_code == 302
        assert store.get_note(db, payload["id"]).question_id == filed


def _edit_question(db, event_id, step_id, question):
    step = store.get_step(db, event_id, step_id)
    programme.update_step(db, event_id, step_id, {
        "kind": step.kind, "title": step.title, "instruction": step.instruction,
        "duration_s": step.duration_s, "box": step.box, "question": question})


def test_an_edited_question_without_notes_disappears_everywhere(app, anonymous, db):
    event, (_, first, _), (q1, q2) = _two_question_event(db)
    _edit_question(db, event.id, first, "Vad fungerar riktigt bra?")
    texts = [q.text for q in store.list_questions(db, event.id)]
    assert texts == ["Vad gör vi nu?", "Vad fungerar riktigt bra?"]
    page = anonymous.get(f"/j/{event.join_code}").get_data(as_text=True)
    assert "Vad fungerar?" not in page and "Vad fungerar riktigt bra?" in page
    assert "Vad fungerar?" not in reports.report_markdown(db, event.id)


def test_an_edited_question_with_notes_stays_marked_as_not_asked(app, anonymous, db):
    event, (_, first, _), (q1, q2) = _two_question_event(db)
    _goto(db, event.id, first)
    notes.submit_note(db, event.id, note_payload("Lärarna samarbetar"), NOW)
    _edit_question(db, event.id, first, "Vad fungerar riktigt bra?")
    questions = store.list_questions(db, event.id)
    assert [q.text for q in questions][:1] == ["Vad fungerar?"]
    asked = asked_question_ids(questions, store.list_steps(db, event.id))
    assert q1 not in asked and q2 in asked
    headings = [q.heading for q in outline(reports.report_data(db, event.id)).questions]
    assert f"Vad fungerar? ({labels_in('sv')['not_asked']})" in headings
    page = anonymous.get(f"/j/{event.join_code}").get_data(as_text=True)
    assert ">Vad fungerar?<" not in page        # participants cannot file under it any more


def test_deleting_the_only_step_of_a_question_removes_it(db):
    event, (_, _, second), (q1, q2) = _two_question_event(db)
    programme.delete_step(db, event.id, second)
    assert [q.id for q in store.list_questions(db, event.id)] == [q1]


def test_an_event_without_a_programme_asks_all_its_questions(db):
    event = gen_event(db)
    first = store.insert_question(db, event.id, 0, "A?")
    second = store.insert_question(db, event.id, 1, "B?")
    assert asked_question_ids([first, second], []) == {first.id, second.id}
