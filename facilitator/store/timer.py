"""The round timer's state and the step runs (used time per step)."""
from __future__ import annotations

from dataclasses import asdict
from typing import Any

from sqlite_utils import Database

from ..models import TimerState


def get_timer(db: Database, event_id: str) -> TimerState | None:
    rows = list(db["timers"].rows_where("event_id = ?", [event_id], limit=1))
    return _timer(rows[0]) if rows else None


def _timer(r: dict[str, Any]) -> TimerState:
    return TimerState(status=r["status"], step_id=r["step_id"], duration_ms=r["duration_ms"],
                      ends_at_ms=r["ends_at_ms"], remaining_ms=r["remaining_ms"],
                      auto_advance=bool(r["auto_advance"]))


def save_timer(db: Database, event_id: str, state: TimerState) -> None:
    row = {**asdict(state), "auto_advance": int(state.auto_advance)}
    db["timers"].upsert({"event_id": event_id, **row}, pk="event_id")


def due_auto_advance(db: Database, now_ms: int) -> list[str]:
    """Events whose running step has ended and that advance by themselves."""
    return [r["event_id"] for r in db["timers"].rows_where(
        "status = 'running' AND auto_advance = 1 AND ends_at_ms <= ?", [now_ms])]


def open_step_run(db: Database, event_id: str, step_id: int, started_ms: int) -> None:
    db["step_runs"].insert({"event_id": event_id, "step_id": step_id, "started_ms": started_ms})


def close_step_runs(db: Database, event_id: str, stopped_ms: int) -> None:
    db.execute("UPDATE step_runs SET stopped_ms = ? WHERE event_id = ? AND stopped_ms IS NULL",
               [stopped_ms, event_id])


def step_elapsed(db: Database, event_id: str, now_ms: int) -> dict[int, int]:
    """Milliseconds each step has actually run, the open run counted up to now."""
    rows = db.execute("SELECT step_id, SUM(COALESCE(stopped_ms, ?) - started_ms) FROM step_runs"
                      " WHERE event_id = ? GROUP BY step_id", [now_ms, event_id]).fetchall()
    return {step_id: total for step_id, total in rows}


def first_run_ms(db: Database, event_id: str) -> int | None:
    """When the programme first started (the earliest step run), or None."""
    row = db.execute("SELECT MIN(started_ms) FROM step_runs WHERE event_id = ?",
                     [event_id]).fetchone()
    return row[0] if row else None
