"""Planned clock times of a programme, and how far ahead or behind the room is. Pure.

The day's plan starts when the first step first started (or, before that, now:
"if you start now"). Each step's planned start is that moment plus the planned
durations before it. The projection counts the time steps really ran, the
current step's remaining time (never less than nothing), and the planned time
of the steps still to come; its end minus the planned end is how far behind
(positive) or ahead (negative) the room is.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Schedule:
    starts_ms: list[int]        # planned start of each step (server epoch ms)
    planned_end_ms: int
    projected_end_ms: int

    @property
    def behind_ms(self) -> int:
        """Positive when the room will end later than planned, negative when earlier."""
        return self.projected_end_ms - self.planned_end_ms


def schedule(planned_s: list[int], used_ms: list[int], current: int | None, remaining_ms: int,
             first_start_ms: int | None, now_ms: int) -> Schedule:
    """``current`` is the index of the step the room is in (None before any); steps before it
    count with the time they really ran, steps after it with their planned time."""
    start = first_start_ms if first_start_ms is not None else now_ms
    starts, at = [], start
    for seconds in planned_s:
        starts.append(at)
        at += seconds * 1000
    if current is None or first_start_ms is None:
        return Schedule(starts, at, at if first_start_ms is not None else now_ms + (at - start))
    done = sum(used_ms[:current + 1])
    still = max(remaining_ms, 0) + sum(s * 1000 for s in planned_s[current + 1:])
    return Schedule(starts, at, max(now_ms, start + done) + still)
