"""Socket.IO event names and payload shapes; docs/events.md documents each one.

Client -> server events carry an acknowledgement callback; the ack is
``{"ok": true, ...}`` or ``{"ok": false, "error": CODE, "message": TEXT}``.
"""
from __future__ import annotations

from typing import Any

from .clock import minute_of
from .domain.timer import remaining_ms
from .models import Note, Step, TimerState

# client -> server
TIME_SYNC = "time_sync"        # {} -> ack {"ok", "server_now"}
PHONE_KEY = "phone_key"        # {"key": str | null} -> ack {"ok", "key"} (phones.py)
NOTE_SUBMIT = "note_submit"    # {"id": uuid, "text": str, "question_id"?: int, "question_picked"?: bool,
#                                "step_id"?: int} -> ack {"ok", "id", "duplicate", "question_id"}
NOTE_MODERATE = "note_moderate"  # {"id", "hidden"?: bool, "starred"?: bool} -> ack {"ok", "note"}
BOX_SET = "box_set"            # {"open": bool} -> ack {"ok"}
TABLE_NUMBERS_SET = "table_numbers_set"  # {"on": bool} -> ack {"ok"}
SCOPE_SET = "scope_set"        # {"on": bool}: phones ask shared or own work -> ack {"ok"}
PROJECTOR_VIEW_SET = "projector_view_set"  # {"view": timer|wall|cloud|results|tables|themes|vote} -> ack {"ok"}
EVAL_ANSWER = "eval_answer"    # {"item_id", "value"?, "comment"?} -> ack {"ok"}; needs a phone key
VOTE_CAST = "vote_cast"        # {"vote_id", "seq": int, "dots": {option_id: n}} -> ack {"ok", "stored"}; needs a phone key
TIMER_COMMAND = "timer_command"  # {"action": start|pause|reset|next|previous|extend|shorten|goto, "step_id"?} -> ack {"ok"}

# server -> client
TIMER_STATE = "timer_state"    # timer_payload(), to everyone in the event, on connect and on change
NOTES_ADDED = "notes_added"    # {"notes": [note_payload()...]} oldest first, to facilitators (projectors
#                                on the wall view: wall_note_payload() of the visible ones)
NOTES_COUNT = "notes_count"    # {"count": int, "visible": int}, to everyone in the event
PROGRAMME = "programme"        # programme_payload(), to facilitators, on connect and on change
NOTE_UPDATED = "note_updated"  # note_payload() to facilitators, wall_note_payload() to wall projectors
BOX_STATE = "box_state"        # {"open": bool}, to everyone in the event, on connect and on change
PROJECTOR_VIEW = "projector_view"  # {"view"}, to everyone in the event, on connect and on change
TABLES = "tables"              # {"on": bool, "tables": [{"table", "note_ids"}]}, to facilitators
EVAL_ITEMS = "eval_items"      # {"items": [...open items...]}, to everyone, on connect and on change
EVAL_RESULTS = "eval_results"  # {"results": [...]}, to facilitators and projectors
VOTES = "votes"                # {"votes": [...open votes...]}, to everyone, on connect and on change
VOTE_RESULTS = "vote_results"  # {"results": [...]}, all to facilitators, shown ones to projectors
WALL = "wall"                  # {"notes": [wall_note_payload()...]} newest first, to a wall projector
SEATING = "seating"            # {"round", "rounds", "seats": {person_id: table}, "hosts", "tables"}, to everyone
PHONES = "phones"              # {"connected": int, "process": id, "at": ms}, to facilitators
TABLE_MAP = "table_map"        # {"round", "rounds", "people": [{"name", "table", "colour"}]}, to projectors
PROJECTOR_LOOK = "projector_look"  # {"theme": dark|light, "logo": bool}, to projectors, on change

# Only a connection with a facilitator token may send these.
FACILITATOR_EVENTS = (TIMER_COMMAND, NOTE_MODERATE, BOX_SET, TABLE_NUMBERS_SET, PROJECTOR_VIEW_SET,
                      SCOPE_SET)
CLIENT_EVENTS = (TIME_SYNC, PHONE_KEY, NOTE_SUBMIT, TIMER_COMMAND, NOTE_MODERATE, BOX_SET,
                 PROJECTOR_VIEW_SET, TABLE_NUMBERS_SET, SCOPE_SET, EVAL_ANSWER, VOTE_CAST)
SERVER_EVENTS = (TIMER_STATE, NOTES_ADDED, NOTES_COUNT, PROGRAMME, NOTE_UPDATED, BOX_STATE,
                 PROJECTOR_VIEW, WALL, TABLES, EVAL_ITEMS, EVAL_RESULTS, VOTES, VOTE_RESULTS,
                 SEATING, TABLE_MAP, PHONES, PROJECTOR_LOOK)


def ok(**fields: Any) -> dict[str, Any]:
    return {"ok": True, **fields}


def error(code: str, message: str) -> dict[str, Any]:
    return {"ok": False, "error": code, "message": message}


def timer_payload(state: TimerState, step: Step | None, question: str | None,
                  now_ms: int, next_step: Step | None = None) -> dict[str, Any]:
    """What every screen needs to draw the timer and the current instruction.

    ``ends_at`` and ``server_now`` are server epoch ms; a client adds its
    estimated clock offset and counts down locally.
    """
    return {
        "status": state.status,
        "auto_advance": state.auto_advance,
        "duration_ms": state.duration_ms,
        "ends_at": state.ends_at_ms,
        "remaining_ms": remaining_ms(state, now_ms),
        "server_now": now_ms,
        "step": None if step is None else {
            "id": step.id, "kind": step.kind, "title": step.title,
            "instruction": step.instruction, "position": step.position,
            "question_id": step.question_id if question is not None else None,
        },
        "question": question,
        "next": None if next_step is None else {
            "title": next_step.title, "duration_s": next_step.duration_s},
    }


def programme_payload(steps: list[Step], questions: dict[int, str], elapsed: dict[int, int],
                      now_ms: int) -> dict[str, Any]:
    """Steps in order with planned and used time; the running step's use grows from server_now."""
    return {"server_now": now_ms,
            "steps": [{"id": s.id, "kind": s.kind, "title": s.title, "duration_s": s.duration_s,
                       "elapsed_ms": elapsed.get(s.id, 0),
                       "question": questions.get(s.question_id) if s.question_id else None}
                      for s in steps]}


def tables_payload(on: bool, groups: dict[int, list[str]]) -> dict[str, Any]:
    return {"on": on, "tables": [{"table": t, "note_ids": ids} for t, ids in sorted(groups.items())]}


def wall_note_payload(note: Note) -> dict[str, Any]:
    """A note as the projector's wall shows it: no time, question or source (issue 24)."""
    if note.hidden:
        return {"id": note.id, "hidden": True}
    return {"id": note.id, "text": note.text, "starred": note.starred, "hidden": False}


def note_payload(note: Note) -> dict[str, Any]:
    return {"id": note.id, "text": note.text, "question_id": note.question_id,
            "created_at": minute_of(note.created_at), "hidden": note.hidden, "starred": note.starred,
            "prepared": note.prepared, "prepared_by": note.prepared_by, "scope": note.scope}
