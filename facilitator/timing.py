"""Use cases of the round timer: commands, the payload screens draw, step history.

The server stores the state and broadcasts changes; it never ticks. The one
exception is auto-advance, which `advance_due` checks for from a loop.
"""
from __future__ import annotations

from sqlite_utils import Database

from . import protocol, store
from .domain import timer
from .models import Step, TimerState

TIMER_ACTIONS = ("start", "pause", "reset", "next", "previous", "extend", "shorten", "goto")
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
                  step_id: object = None) -> TimerState:
    """Apply a facilitator's timer action and persist the new state."""
    if action not in TIMER_ACTIONS:
        raise timer.TimerError(f"unknown timer action {action!r}")
    with db.atomic():
        state = timer_state(db, event_id)
        if action == "start":
            state = timer.start(state, now_ms)
        elif action == "pause":
            state = timer.pause(state, now_ms)
        elif action == "reset":
            state = timer.reset(state)
        elif action in ("extend", "shorten"):
            state = timer.adjust(state, MINUTE_MS if action == "extend" else -MINUTE_MS, now_ms)
        else:
            state = _load_step(db, event_id, state, action, step_id)
        store.save_timer(db, event_id, state)
    return state


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


def programme_payload(db: Database, event_id: str) -> dict:
    questions = {q.id: q.text for q in store.list_questions(db, event_id)}
    return protocol.programme_payload(store.list_steps(db, event_id), questions)


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
