"""Use cases for editing an event's programme: steps, their order, templates.

Kept apart from services.py (events, notes, timer) so each stays readable;
the same rules apply: validate, then change in one transaction.
"""
from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any, Mapping

from sqlite_utils import Database

from .. import store
from ..domain.programme import BOX_SETTINGS, STEP_KINDS, parse_template
from ..models import ProgrammeTemplate, Step
from .validation import ValidationError

TEMPLATE_DIR = resources.files("facilitator") / "data" / "programmes"
DEFAULT_TEMPLATE = "grupper-40"
MAX_TITLE, MAX_INSTRUCTION, MAX_QUESTION = 200, 2000, 1000


class ProgrammeRefused(ValueError):
    """A change that would break the running event; ``code`` names why."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


@functools.cache
def template_keys() -> tuple[str, ...]:
    """The templates shipped with the package (read once: package data does not change)."""
    return tuple(sorted(p.name.removesuffix(".json") for p in TEMPLATE_DIR.iterdir()
                        if p.name.endswith(".json")))


@functools.cache
def load_template(key: str) -> ProgrammeTemplate:
    """A programme template from the package's data files; KeyError if unknown.

    Cached: callers read it and never change it."""
    if key not in template_keys():
        raise KeyError(key)
    text = (TEMPLATE_DIR / f"{key}.json").read_text(encoding="utf-8")
    return parse_template(key, json.loads(text))


def templates() -> list[ProgrammeTemplate]:
    return [load_template(key) for key in template_keys()]


def apply_template(db: Database, event_id: str, key: str) -> None:
    """Append a template's questions and steps to the event's programme."""
    template = load_template(key)
    with db.atomic():
        question_ids = [store.find_or_insert_question(db, event_id, text).id
                        for text in template.questions]
        start = len(store.list_steps(db, event_id))
        step_ids = []
        for i, step in enumerate(template.steps):
            fields = {k: v for k, v in step.items() if k != "question"}
            qid = question_ids[step["question"]] if step["question"] is not None else None
            step_ids.append(store.insert_step(db, event_id, start + i, {**fields, "question_id": qid}))
        for item in template.evaluation:
            step = item["step"]
            fields = {k: v for k, v in item.items() if k != "step"}
            store.insert_eval_item(db, event_id, {**fields, "step_id": step_ids[step] if step is not None else None})


def clean_step_form(form: Mapping[str, Any]) -> dict[str, Any]:
    """Form fields to step fields, or ValidationError listing every problem."""
    values = {k: str(form.get(k, "") or "").strip()
              for k in ("kind", "title", "instruction", "question", "minutes", "box")}
    errors: dict[str, str] = {}
    if values["kind"] not in STEP_KINDS:
        errors["kind"] = "bad_kind"
    if values["box"] not in BOX_SETTINGS:
        errors["box"] = "bad_box"
    if not values["title"]:
        errors["title"] = "required"
    for key, limit in (("title", MAX_TITLE), ("instruction", MAX_INSTRUCTION),
                       ("question", MAX_QUESTION)):
        if len(values[key]) > limit:
            errors[key] = "too_long"
    minutes = _minutes(values["minutes"])
    if minutes is None:
        errors["minutes"] = "bad_minutes"
    if errors:
        raise ValidationError(errors)
    return {"kind": values["kind"], "title": values["title"], "instruction": values["instruction"],
            "question": values["question"], "duration_s": round(minutes * 60), "box": values["box"]}


def _minutes(raw: str) -> float | None:
    try:
        minutes = float(raw.replace(",", "."))
    except ValueError:
        return None
    return minutes if 0 < minutes <= 24 * 60 else None


def add_step(db: Database, event_id: str, fields: dict[str, Any]) -> int:
    with db.atomic():
        position = len(store.list_steps(db, event_id))
        return store.insert_step(db, event_id, position, _stored(db, event_id, fields))


def update_step(db: Database, event_id: str, step_id: int, fields: dict[str, Any]) -> None:
    """Edit a step; a running step keeps running with its current end time."""
    with db.atomic():
        _step_or_error(db, event_id, step_id)
        store.update_step(db, step_id, _stored(db, event_id, fields))
        store.delete_unused_questions(db, event_id)


def delete_step(db: Database, event_id: str, step_id: int) -> dict[str, Any]:
    """Delete a step, unless the room is in it right now (running or paused).

    Returns what restore_step needs to put it back (its fields and position)."""
    with db.atomic():
        step = _step_or_error(db, event_id, step_id)
        questions = {q.id: q.text for q in store.list_questions(db, event_id)}
        removed = {"kind": step.kind, "title": step.title, "instruction": step.instruction,
                   "duration_s": step.duration_s, "question": questions.get(step.question_id, ""),
                   "box": step.box, "position": step.position}
        timer = store.get_timer(db, event_id)
        if timer and timer.step_id == step_id:
            if timer.status != "idle":
                raise ProgrammeRefused("step_in_use")
            store.delete_timer(db, event_id)
        store.delete_step(db, step_id)
        store.delete_unused_questions(db, event_id)
        store.set_step_positions(db, [s.id for s in store.list_steps(db, event_id)])
    return removed


def restore_step(db: Database, event_id: str, removed: dict[str, Any]) -> int:
    """Undo a delete: the step again, at the place it had (or last, if the programme shrank)."""
    fields = clean_step_form({"kind": removed.get("kind"), "title": removed.get("title"),
                              "instruction": removed.get("instruction", ""),
                              "question": removed.get("question", ""),
                              "minutes": str(int(removed.get("duration_s", 0)) / 60),
                              "box": removed.get("box", "")})
    with db.atomic():
        new_id = add_step(db, event_id, fields)
        ids = [s.id for s in store.list_steps(db, event_id) if s.id != new_id]
        position = min(max(int(removed.get("position", len(ids))), 0), len(ids))
        ids.insert(position, new_id)
        store.set_step_positions(db, ids)
        return new_id


def reorder_steps(db: Database, event_id: str, order: object) -> None:
    """Put the steps in the given order (every step id of the event exactly once)."""
    with db.atomic():
        ids = [s.id for s in store.list_steps(db, event_id)]
        if (not isinstance(order, list) or len(order) != len(ids)
                or not all(isinstance(i, int) and not isinstance(i, bool) for i in order)
                or sorted(order) != sorted(ids)):
            raise ProgrammeRefused("bad_order")
        store.set_step_positions(db, order)


def move_step(db: Database, event_id: str, step_id: int, delta: int) -> None:
    """Move a step up (-1) or down (+1); moving past either end changes nothing."""
    with db.atomic():
        ids = [s.id for s in store.list_steps(db, event_id)]
        if step_id not in ids:
            raise ProgrammeRefused("no_step")
        index = ids.index(step_id)
        target = min(max(index + delta, 0), len(ids) - 1)
        ids.insert(target, ids.pop(index))
        store.set_step_positions(db, ids)


def get_step(db: Database, event_id: str, step_id: int) -> Step | None:
    return store.get_step(db, event_id, step_id)


def _step_or_error(db: Database, event_id: str, step_id: int) -> Step:
    step = store.get_step(db, event_id, step_id)
    if step is None:
        raise ProgrammeRefused("no_step")
    return step


def _stored(db: Database, event_id: str, fields: dict[str, Any]) -> dict[str, Any]:
    question = fields.get("question") or ""
    qid = store.find_or_insert_question(db, event_id, question).id if question else None
    return {"kind": fields["kind"], "title": fields["title"], "instruction": fields["instruction"],
            "duration_s": fields["duration_s"], "question_id": qid, "box": fields.get("box", "")}
