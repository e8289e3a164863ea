"""Use cases of the round timer: commands, the payload screens draw, step history.

The server stores the state and broadcasts changes; it never ticks. The one
exception is auto-advance, which `advance_due` checks for from a loop.
"""
from __future__ import annotations

from dataclasses import replace

from sqlite_utils import Database

from .. import protocol, store
from . import rotation
from ..domain import timer
from ..domain.schedule import schedule
from ..models import Step, TimerState

TIMER_ACTIONS = ("start", "pause", "reset", "next", "previous", "extend", "shorten", "goto",
                 "auto_advance")
MINUTE_MS = 60_000


def timer_state(db: Database, event_id: str) -> TimerState:
    """The stored timer, or an idle one on the first step of the programme."""
    state = store.get_timer(db, event_id)
    if state is not None:
        return state
    steps = store.list_steps(db, event_id)
    return timer.load_step(steps[0].id, steps[0].duration_s) if steps else TimerState()


def current_step(db: Database, event_id: str) -> Step | None:
    state = timer_state(db, event_id)
    return next((s for s in store.list_steps(db, event_id) if s.id == state.step_id), None)


def timer_command(db: Database, event_id: str, action: str, now_ms: int,
                  step_id: object = None, on: object = None) -> TimerState:
    """Apply a facilitator's timer action, persist it and log when steps really ran."""
    if action not in TIMER_ACTIONS:
        raise timer.TimerError(f"unknown timer action {action!r}")
    with db.atomic():
        before = timer_state(db, event_id)
        after = _apply(db, event_id, before, action, now_ms, step_id, on)
        store.save_timer(db, event_id, after)
        _log_runs(db, event_id, before, after, now_ms)
        _enter_step(db, event_id, before, after)
    return after


def _enter_step(db: Database, event_id: str, before: TimerState, after: TimerState) -> None:
    """Moving into a step: it may open or close the box, and opens its evaluation items.
    The n-th rotation step of the programme shows round n + 1 of the tables (round 1 is
    the groups before the first rotation), unless the room is already further."""
    if after.step_id == before.step_id or after.step_id is None:
        return
    step = store.get_step(db, event_id, after.step_id)
    if step is not None and step.box in ("open", "closed"):
        store.set_event_fields(db, event_id, box_open=int(step.box == "open"))
    store.open_eval_items_of_step(db, event_id, after.step_id)
    if step is not None and step.kind == "rotation":
        steps = store.list_steps(db, event_id)
        nth = sum(1 for s in steps if s.kind == "rotation" and s.position <= step.position)
        rotation.reach_round(db, event_id, nth + 1)


def _apply(db: Database, event_id: str, state: TimerState, action: str, now_ms: int,
           step_id: object, on: object) -> TimerState:
    if action == "start":
        return timer.start(state, now_ms)
    if action == "pause":
        return timer.pause(state, now_ms)
    if action == "reset":
        step = store.get_step(db, event_id, state.step_id) if state.step_id is not None else None
        return timer.reset(state, step.duration_s if step is not None else None)
    if action in ("extend", "shorten"):
        return timer.adjust(state, MINUTE_MS if action == "extend" else -MINUTE_MS, now_ms)
    if action == "auto_advance":
        if not isinstance(on, bool):
            raise timer.TimerError("auto_advance needs on: true or false")
        return replace(state, auto_advance=on)
    loaded = _load_step(db, event_id, state, action, step_id)
    return replace(loaded, auto_advance=state.auto_advance)


def _log_runs(db: Database, event_id: str, before: TimerState, after: TimerState,
              at_ms: int) -> None:
    """Close the open run when a step stops or changes; open one when a step starts."""
    running_before = before.status == "running"
    running_after = after.status == "running"
    same_step = before.step_id == after.step_id
    if running_before and not (running_after and same_step):
        store.close_step_runs(db, event_id, at_ms)
    if running_after and not (running_before and same_step) and after.step_id is not None:
        store.open_step_run(db, event_id, after.step_id, at_ms)


def advance_due(db: Database, now_ms: int) -> list[str]:
    """Start the next step of every auto-advancing event whose step has ended.

    The next step starts at the moment the previous one ended, so nothing
    drifts however late the check runs. Safe with several processes: each
    event is re-read inside its own transaction.
    """
    advanced = []
    for event_id in store.due_auto_advance(db, now_ms):
        with db.atomic():
            before = timer_state(db, event_id)
            if not (before.status == "running" and before.auto_advance
                    and before.ends_at_ms is not None and before.ends_at_ms <= now_ms):
                continue
            try:
                loaded = _load_step(db, event_id, before, "next", None)
            except timer.TimerError:  # the last step: it runs on into overtime
                continue
            after = timer.start(replace(loaded, auto_advance=True), before.ends_at_ms)
            store.save_timer(db, event_id, after)
            _log_runs(db, event_id, before, after, before.ends_at_ms)
            _enter_step(db, event_id, before, after)
        advanced.append(event_id)
    return advanced


def timer_snapshot(db: Database, event_id: str, now_ms: int) -> dict:
    """The timer_state payload every screen draws from, read fresh."""
    state = timer_state(db, event_id)
    steps = store.list_steps(db, event_id)
    ids = [s.id for s in steps]
    index = ids.index(state.step_id) if state.step_id in ids else None
    step = steps[index] if index is not None else None
    following = steps[index + 1] if index is not None and index + 1 < len(steps) else None
    questions = {q.id: q.text for q in store.list_questions(db, event_id)}
    question = questions.get(step.question_id) if step else None
    return protocol.timer_payload(state, step, question, now_ms, following)


def programme_payload(db: Database, event_id: str, now_ms: int) -> dict:
    """The step list with the time each step has really run, as of ``now_ms``, and the
    planned clock times with how far ahead or behind the room is."""
    questions = {q.id: q.text for q in store.list_questions(db, event_id)}
    steps, elapsed = store.list_steps(db, event_id), store.step_elapsed(db, event_id, now_ms)
    payload = protocol.programme_payload(steps, questions, elapsed, now_ms)
    state = timer_state(db, event_id)
    ids = [s.id for s in steps]
    current = ids.index(state.step_id) if state.step_id in ids else None
    plan = schedule([s.duration_s for s in steps], [elapsed.get(i, 0) for i in ids], current,
                    timer.remaining_ms(state, now_ms), store.first_run_ms(db, event_id), now_ms)
    payload["schedule"] = {"starts_ms": plan.starts_ms, "planned_end_ms": plan.planned_end_ms,
                           "projected_end_ms": plan.projected_end_ms, "behind_ms": plan.behind_ms,
                           "started": store.first_run_ms(db, event_id) is not None}
    return payload


def _load_step(db: Database, event_id: str, state: TimerState, action: str,
               step_id: object) -> TimerState:
    """The timer loaded, idle, on the next, previous or a chosen step."""
    steps = store.list_steps(db, event_id)
    if not steps:
        raise timer.TimerError("the programme has no steps")
    ids = [s.id for s in steps]
    if action == "goto":
        if step_id not in ids:
            raise timer.TimerError("no such step in this programme")
        index = ids.index(step_id)  # type: ignore[arg-type]
    else:
        index = ids.index(state.step_id) if state.step_id in ids else -1
        index += 1 if action == "next" else -1
    if not 0 <= index < len(steps):
        raise timer.TimerError("no step there")
    return timer.load_step(steps[index].id, steps[index].duration_s)
