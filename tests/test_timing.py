"""Step history (planned vs used time) and auto-advance."""
import pytest

from facilitator import store
from facilitator.usecases import timing
from facilitator.domain.timer import TimerError
from facilitator.serving import run_auto_advance_once

MIN = 60_000


def steps_of(db, event):
    return store.list_steps(db, event.id)


def test_used_time_counts_only_running_time(db, demo):
    first = steps_of(db, demo)[0].id
    timing.timer_command(db, demo.id, "start", 0)
    timing.timer_command(db, demo.id, "pause", 3 * MIN)
    timing.timer_command(db, demo.id, "start", 10 * MIN)       # 7 min paused: not counted
    assert store.step_elapsed(db, demo.id, 11 * MIN) == {first: 4 * MIN}
    timing.timer_command(db, demo.id, "next", 12 * MIN)
    assert store.step_elapsed(db, demo.id, 99 * MIN) == {first: 5 * MIN}


def test_extend_does_not_split_a_run(db, demo):
    timing.timer_command(db, demo.id, "start", 0)
    timing.timer_command(db, demo.id, "extend", MIN)
    assert db["step_runs"].count == 1


def test_restarting_a_step_gives_back_its_planned_time(db, demo):
    """Start a 20-minute step, -1 min three times, restart: 20:00 again, not 17:00."""
    timing.timer_command(db, demo.id, "start", 0)
    for _ in range(3):
        timing.timer_command(db, demo.id, "shorten", MIN)
    assert timing.timer_snapshot(db, demo.id, MIN)["remaining_ms"] == 16 * MIN
    timing.timer_command(db, demo.id, "reset", 2 * MIN)
    snapshot = timing.timer_snapshot(db, demo.id, 2 * MIN)
    assert (snapshot["status"], snapshot["remaining_ms"], snapshot["duration_ms"]) == (
        "idle", 20 * MIN, 20 * MIN)


def test_programme_payload_has_planned_and_used(db, demo):
    timing.timer_command(db, demo.id, "start", 0)
    payload = timing.programme_payload(db, demo.id, 2 * MIN)
    assert payload["server_now"] == 2 * MIN
    assert [(s["duration_s"], s["elapsed_ms"]) for s in payload["steps"]] == [
        (1200, 2 * MIN), (900, 0), (300, 0)]


def test_programme_payload_has_clock_times_and_how_far_behind(db, demo):
    timing.timer_command(db, demo.id, "start", 0)
    timing.timer_command(db, demo.id, "extend", MIN)   # a 21-minute first step now
    plan = timing.programme_payload(db, demo.id, 2 * MIN)["schedule"]
    assert plan["starts_ms"] == [0, 20 * MIN, 35 * MIN] and plan["started"]
    assert plan["planned_end_ms"] == 40 * MIN and plan["behind_ms"] == MIN


def test_auto_advance_starts_the_next_step_when_the_time_is_up(db, demo):
    first, second, _ = steps_of(db, demo)
    timing.timer_command(db, demo.id, "auto_advance", 0, on=True)
    timing.timer_command(db, demo.id, "start", 0)
    assert timing.advance_due(db, 20 * MIN - 1) == []
    assert timing.advance_due(db, 20 * MIN + 700) == [demo.id]
    state = timing.timer_state(db, demo.id)
    assert state.step_id == second.id and state.status == "running" and state.auto_advance
    assert state.ends_at_ms == 20 * MIN + 15 * MIN              # no drift from the late check
    assert store.step_elapsed(db, demo.id, 21 * MIN) == {first.id: 20 * MIN, second.id: MIN}


def test_without_auto_advance_the_step_runs_into_overtime(db, demo):
    timing.timer_command(db, demo.id, "start", 0)
    assert timing.advance_due(db, 25 * MIN) == []
    assert timing.timer_snapshot(db, demo.id, 25 * MIN)["remaining_ms"] == -5 * MIN


def test_the_last_step_stays_in_overtime(db, demo):
    last = steps_of(db, demo)[-1]
    timing.timer_command(db, demo.id, "goto", 0, step_id=last.id)
    timing.timer_command(db, demo.id, "auto_advance", 0, on=True)
    timing.timer_command(db, demo.id, "start", 0)
    assert timing.advance_due(db, 60 * MIN) == []
    assert timing.timer_state(db, demo.id).step_id == last.id


@pytest.mark.parametrize("on", [None, "yes", 1, "true"])
def test_auto_advance_needs_a_boolean(db, demo, on):
    with pytest.raises(TimerError):
        timing.timer_command(db, demo.id, "auto_advance", 0, on=on)


def test_the_server_loop_advances_and_tells_every_screen(app, db, demo, sockets):
    phone = sockets(demo.id)
    timing.timer_command(db, demo.id, "auto_advance", 0, on=True)
    timing.timer_command(db, demo.id, "start", 0)               # ended long ago
    phone.get_received()
    assert run_auto_advance_once(app) == [demo.id]
    state = [m["args"][0] for m in phone.get_received() if m["name"] == "timer_state"][-1]
    assert state["step"]["title"] == "Rotera 2 och 2 till ny grupp"


def test_a_step_can_open_or_close_the_box(db, demo):
    from facilitator.usecases import notes, programme
    from facilitator.usecases.programme import clean_step_form
    closing = programme.add_step(db, demo.id, clean_step_form(
        {"kind": "break", "title": "Fika", "minutes": "15", "box": "closed"}))
    first, _, write_note, _ = steps_of(db, demo)
    timing.timer_command(db, demo.id, "goto", 0, step_id=closing)
    assert not store.get_event(db, demo.id).box_open
    timing.timer_command(db, demo.id, "goto", 0, step_id=first.id)     # box "": unchanged
    assert not store.get_event(db, demo.id).box_open
    timing.timer_command(db, demo.id, "goto", 0, step_id=write_note.id)  # the seed's note step opens it
    assert store.get_event(db, demo.id).box_open
    notes.set_box(db, demo.id, False)
    timing.timer_command(db, demo.id, "start", 0)                       # same step: left alone
    assert not store.get_event(db, demo.id).box_open
