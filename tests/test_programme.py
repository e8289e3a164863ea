"""Editing the programme: steps, order, templates, and the running step."""
import pytest

from facilitator.usecases import programme, events, timing
from facilitator import store
from facilitator.usecases.programme import ProgrammeRefused
from facilitator.usecases.validation import ValidationError

from .conftest import gen_event

FORM = {"kind": "discussion", "title": "Samtal om elevhälsa", "instruction": "Prata i par.",
        "question": "Hur når vi eleverna tidigare?", "minutes": "12"}


def titles(db, event_id):
    return [s.title for s in store.list_steps(db, event_id)]


def test_every_template_parses_and_names_the_seed_methods():
    titles_ = {t.key: t.title for t in programme.templates()}
    assert titles_["grupper-40"] == "Grupper för diskussion (40 min)"
    assert titles_["blank"] == "Tomt program"
    assert len(programme.load_template("dialogkonferens").questions) == 4
    assert [s["duration_s"] for s in programme.load_template("world-cafe").steps
            if s["kind"] == "discussion"] == [1200, 1200, 1200]


def test_new_event_from_a_template(db, rng):
    from .conftest import NOW
    from facilitator.models import EventDraft
    event = events.create_event(db, EventDraft(name="Café"), rng, NOW, template="world-cafe")
    assert titles(db, event.id)[1] == "Omgång 1"
    with pytest.raises(ValidationError):
        events.create_event(db, EventDraft(name="x"), rng, NOW, template="../../etc/passwd")


def test_add_edit_and_reuse_questions(db):
    event = gen_event(db)
    step_id = programme.add_step(db, event.id, programme.clean_step_form(FORM))
    programme.add_step(db, event.id, programme.clean_step_form({**FORM, "title": "Två"}))
    assert len(store.list_questions(db, event.id)) == 1  # same text, one question
    programme.update_step(db, event.id, step_id,
                          programme.clean_step_form({**FORM, "minutes": "7,5", "question": ""}))
    step = store.get_step(db, event.id, step_id)
    assert step.duration_s == 450 and step.question_id is None


@pytest.mark.parametrize("form, errors", [
    ({}, {"kind": "bad_kind", "title": "required", "minutes": "bad_minutes"}),
    ({**FORM, "kind": "party"}, {"kind": "bad_kind"}),
    ({**FORM, "minutes": "0"}, {"minutes": "bad_minutes"}),
    ({**FORM, "minutes": "-5"}, {"minutes": "bad_minutes"}),
    ({**FORM, "minutes": "1441"}, {"minutes": "bad_minutes"}),
    ({**FORM, "minutes": "tjugo"}, {"minutes": "bad_minutes"}),
    ({**FORM, "minutes": "nan"}, {"minutes": "bad_minutes"}),
    ({**FORM, "title": "t" * 201}, {"title": "too_long"}),
    ({**FORM, "instruction": "i" * 2001}, {"instruction": "too_long"}),
])
def test_bad_step_forms(form, errors):
    with pytest.raises(ValidationError) as info:
        programme.clean_step_form(form)
    assert info.value.errors == errors


def test_reorder_steps(db, demo):
    steps = store.list_steps(db, demo.id)
    programme.move_step(db, demo.id, steps[2].id, -1)
    assert titles(db, demo.id) == [steps[0].title, steps[2].title, steps[1].title]
    programme.move_step(db, demo.id, steps[0].id, -1)  # already first: nothing
    assert titles(db, demo.id)[0] == steps[0].title


def test_running_step_keeps_running_while_others_change(db, demo):
    steps = store.list_steps(db, demo.id)
    timing.timer_command(db, demo.id, "start", 0)
    programme.update_step(db, demo.id, steps[0].id,
                          programme.clean_step_form({**FORM, "minutes": "30"}))
    programme.delete_step(db, demo.id, steps[2].id)
    programme.move_step(db, demo.id, steps[0].id, 1)
    state = timing.timer_state(db, demo.id)
    assert state.status == "running" and state.step_id == steps[0].id
    assert timing.timer_snapshot(db, demo.id, 60_000)["remaining_ms"] == 19 * 60_000


def test_the_step_in_use_cannot_be_deleted(db, demo):
    steps = store.list_steps(db, demo.id)
    timing.timer_command(db, demo.id, "start", 0)
    timing.timer_command(db, demo.id, "pause", 1000)
    with pytest.raises(ProgrammeRefused) as info:
        programme.delete_step(db, demo.id, steps[0].id)
    assert info.value.code == "step_in_use" and len(titles(db, demo.id)) == 3


def test_deleting_the_idle_current_step_moves_the_timer_to_the_first(db, demo):
    steps = store.list_steps(db, demo.id)
    timing.timer_command(db, demo.id, "goto", 0, step_id=steps[1].id)
    programme.delete_step(db, demo.id, steps[1].id)
    assert timing.timer_state(db, demo.id).step_id == steps[0].id


def test_steps_of_another_event_are_out_of_reach(db, demo):
    other = gen_event(db)
    foreign = store.list_steps(db, demo.id)[0].id
    for change in (lambda: programme.delete_step(db, other.id, foreign),
                   lambda: programme.move_step(db, other.id, foreign, 1),
                   lambda: programme.update_step(db, other.id, foreign,
                                                 programme.clean_step_form(FORM))):
        with pytest.raises(ProgrammeRefused):
            change()
    assert len(titles(db, demo.id)) == 3


def test_apply_template_appends(db, demo):
    programme.apply_template(db, demo.id, "grupper-40")
    assert len(titles(db, demo.id)) == 6
    assert len(store.list_questions(db, demo.id)) == 1
    with pytest.raises(KeyError):
        programme.apply_template(db, demo.id, "nope")


def test_step_box_setting_is_validated_and_kept(db, demo):
    with pytest.raises(ValidationError) as info:
        programme.clean_step_form({**FORM, "box": "ajar"})
    assert info.value.errors == {"box": "bad_box"}
    step_id = programme.add_step(db, demo.id, programme.clean_step_form({**FORM, "box": "closed"}))
    assert store.get_step(db, demo.id, step_id).box == "closed"
