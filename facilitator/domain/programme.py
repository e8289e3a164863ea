"""Programme templates: data files parsed into validated steps."""
from __future__ import annotations

from typing import Any

from ..models import ProgrammeTemplate, Question, Step
from .evaluation import clean_item_form

STEP_KINDS = ("discussion", "rotation", "reflection", "write_note", "plenary", "break", "vote")
BOX_SETTINGS = ("", "open", "closed")  # what a step does to the note box: nothing, open, close


class ProgrammeError(ValueError):
    pass


def parse_template(key: str, data: dict[str, Any]) -> ProgrammeTemplate:
    """Validate a template mapping; steps refer to questions by index."""
    title = data.get("title")
    if not isinstance(title, str) or not title.strip():
        raise ProgrammeError(f"{key}: title missing")
    questions = data.get("questions", [])
    if not all(isinstance(q, str) and q.strip() for q in questions):
        raise ProgrammeError(f"{key}: every question must be text")
    steps = [_parse_step(key, i, s, len(questions)) for i, s in enumerate(data.get("steps", []))]
    evaluation = []
    for i, raw in enumerate(data.get("evaluation", [])):
        item, errors = clean_item_form({k: v for k, v in raw.items() if k != "step"})
        step = raw.get("step")
        if step is not None and not (isinstance(step, int) and 0 <= step < len(steps)):
            errors["step"] = "step index out of range"
        if errors:
            raise ProgrammeError(f"{key} evaluation {i}: {errors}")
        evaluation.append({**item, "step": step})  # opened when the room reaches that step
    return ProgrammeTemplate(key, title, list(questions), steps, evaluation)


def _parse_step(key: str, index: int, raw: dict[str, Any], n_questions: int) -> dict[str, Any]:
    kind = raw.get("kind")
    if kind not in STEP_KINDS:
        raise ProgrammeError(f"{key} step {index}: unknown kind {kind!r}")
    minutes = raw.get("minutes")
    if not isinstance(minutes, (int, float)) or not 0 < minutes <= 24 * 60:
        raise ProgrammeError(f"{key} step {index}: minutes must be 1..1440")
    question = raw.get("question")
    if question is not None and not (isinstance(question, int) and 0 <= question < n_questions):
        raise ProgrammeError(f"{key} step {index}: question index out of range")
    box = raw.get("box", "")
    if box not in BOX_SETTINGS:
        raise ProgrammeError(f"{key} step {index}: box must be open or closed")
    return {"kind": kind, "title": str(raw.get("title", "")).strip(),
            "instruction": str(raw.get("instruction", "")).strip(),
            "question": question, "duration_s": int(minutes * 60), "box": box}


def asked_question_ids(questions: list[Question], steps: list[Step]) -> set[int]:
    """The questions the programme asks: those a step points to.

    An event whose programme asks no question at all (questions made without
    steps) asks every question it has.
    """
    asked = {s.question_id for s in steps if s.question_id is not None}
    known = {q.id for q in questions}
    return (asked & known) or known
