"""The round timer as pure state transitions.

The server never ticks: it stores when the round ends (server epoch ms) and
broadcasts only changes; each screen counts down locally.
"""
from __future__ import annotations

from dataclasses import replace

from ..models import TimerState

MAX_DURATION_MS = 24 * 60 * 60 * 1000


class TimerError(ValueError):
    """A command that makes no sense in the timer's current state."""


def load_step(step_id: int | None, duration_s: int) -> TimerState:
    """A fresh, idle timer set to a step's planned duration."""
    duration_ms = _checked_duration(duration_s * 1000)
    return TimerState("idle", step_id, duration_ms, None, duration_ms)


def start(state: TimerState, now_ms: int) -> TimerState:
    """Start (or resume) counting down what remains."""
    if state.status == "running":
        return state
    if state.remaining_ms <= 0:
        raise TimerError("nothing left to count down")
    return replace(state, status="running", ends_at_ms=now_ms + state.remaining_ms)


def pause(state: TimerState, now_ms: int) -> TimerState:
    """Freeze the timer, keeping what remains (may be negative in overtime)."""
    if state.status != "running":
        return state
    return replace(state, status="paused", ends_at_ms=None,
                   remaining_ms=remaining_ms(state, now_ms))


def reset(state: TimerState, planned_s: int | None = None) -> TimerState:
    """Back to the step's planned duration, idle ("Börja om steget").

    ``planned_s`` is the step's duration in the programme: minutes added or taken
    with +1/-1 min are given back. Without it (a timer with no step) the timer
    returns to the duration it had.
    """
    duration = state.duration_ms if planned_s is None else _checked_duration(planned_s * 1000)
    return replace(state, status="idle", ends_at_ms=None, duration_ms=duration,
                   remaining_ms=duration)


def adjust(state: TimerState, delta_ms: int, now_ms: int) -> TimerState:
    """Extend (positive) or shorten (negative) what is left of the step.

    Shortening never goes below zero left; extending in overtime adds to the
    (negative) remaining time, so +1 min at 30 s over leaves 30 s.
    """
    left = remaining_ms(state, now_ms)
    new_left = left + delta_ms if delta_ms > 0 else max(min(left, 0), left + delta_ms)
    if new_left > MAX_DURATION_MS:
        raise TimerError("duration out of range")
    duration = max(0, state.duration_ms + (new_left - left))
    if state.status == "running":
        return replace(state, ends_at_ms=now_ms + new_left, duration_ms=duration)
    return replace(state, remaining_ms=new_left, duration_ms=duration)


def remaining_ms(state: TimerState, now_ms: int) -> int:
    """Milliseconds left; negative once the round runs over time."""
    if state.status == "running" and state.ends_at_ms is not None:
        return state.ends_at_ms - now_ms
    return state.remaining_ms


def format_clock(ms: int) -> str:
    """MM:SS as shown on every screen; counts up with a minus sign in overtime.

    Rounds up while counting down so "00:01" shows during the last second and
    "00:00" appears exactly when time is up.
    """
    if ms >= 0:
        seconds = -(-ms // 1000)
        sign = ""
    else:
        seconds = (-ms) // 1000
        sign = "-" if seconds else ""
    minutes, secs = divmod(seconds, 60)
    return f"{sign}{minutes:02d}:{secs:02d}"


def _checked_duration(duration_ms: int) -> int:
    if not 0 <= duration_ms <= MAX_DURATION_MS:
        raise TimerError("duration out of range")
    return duration_ms
