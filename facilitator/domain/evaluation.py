"""Evaluation items and their results, as pure functions (no storage, no Flask)."""
from __future__ import annotations

import statistics
import uuid
from typing import Any, Mapping

from ..models import EvalItem
from .notes import MAX_CHARS, NoteError, has_visible, optional_whole_number, text_problem

KINDS = ("scale", "choice", "comment")
SCALES = {"1-4": (1, 4), "1-5": (1, 5), "1-10": (1, 10)}
MAX_PROMPT, MAX_LABEL, MAX_OPTIONS = 500, 100, 10


class EvalError(NoteError):
    """An answer or item that cannot be taken; ``code`` is stable for clients."""


def clean_item_form(form: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """(fields, errors) from the facilitator's item form."""
    get = lambda key: str(form.get(key, "") or "").strip()  # noqa: E731
    kind, prompt, scale = get("kind"), get("prompt"), get("scale") or "1-4"
    options = [line.strip() for line in get("options").splitlines() if line.strip()]
    errors: dict[str, str] = {}
    if kind not in KINDS:
        errors["kind"] = "bad_kind"
    if not prompt:
        errors["prompt"] = "required"
    elif len(prompt) > MAX_PROMPT:
        errors["prompt"] = "too_long"
    if kind == "scale" and scale not in SCALES:
        errors["scale"] = "bad_scale"
    if kind == "choice" and not 2 <= len(options) <= MAX_OPTIONS:
        errors["options"] = "bad_options"
    if any(len(x) > MAX_LABEL for x in [get("low_label"), get("high_label"), *options]):
        errors["options" if kind == "choice" else "low_label"] = "too_long"
    low, high = SCALES.get(scale, (1, 4))
    step_id = None
    if get("step_id"):
        try:
            step_id = int(get("step_id"))
        except ValueError:
            errors["step_id"] = "bad_step"
    return ({"kind": kind, "prompt": prompt, "scale_min": low, "scale_max": high,
             "low_label": get("low_label"), "high_label": get("high_label"),
             "options": options if kind == "choice" else [], "step_id": step_id}, errors)


def clean_answer(item: EvalItem, payload: Mapping[str, Any]) -> tuple[str, int | None, str]:
    """(answer key, value, comment) for an answer to ``item``, or EvalError."""
    if not item.is_open:
        raise EvalError("closed", "this question is closed")
    try:
        key = str(uuid.UUID(str(payload.get("key", ""))[:64]))
    except ValueError as exc:
        raise EvalError("bad_key", "the answer key must be a UUID") from exc
    comment = payload.get("comment") or ""
    if not isinstance(comment, str) or text_problem(comment):
        raise EvalError("bad_comment", "the comment must be text")
    if len(comment) > MAX_CHARS:
        raise EvalError("too_long", f"the comment is longer than {MAX_CHARS} characters")
    if item.kind == "comment":
        if not has_visible(comment):
            raise EvalError("empty", "the comment is empty")
        return key, None, comment
    try:
        value = optional_whole_number(payload.get("value"), "bad_value", "not one of the choices")
    except NoteError as exc:
        raise EvalError(exc.code, str(exc)) from exc
    low, high = (item.scale_min, item.scale_max) if item.kind == "scale" else (0, len(item.options) - 1)
    if value is None or not low <= value <= high:
        raise EvalError("bad_value", "not one of the choices")
    return key, value, comment


def summarise(item: EvalItem, answers: list[tuple[int | None, str]]) -> dict[str, Any]:
    """Counts per value (or option), n, mean and median for scales, and the comments."""
    values = [v for v, _ in answers if v is not None]
    if item.kind == "scale":
        labels = [str(v) for v in range(item.scale_min, item.scale_max + 1)]
        counts = [values.count(v) for v in range(item.scale_min, item.scale_max + 1)]
    elif item.kind == "choice":
        labels, counts = list(item.options), [values.count(i) for i in range(len(item.options))]
    else:
        labels, counts = [], []
    scale = item.kind == "scale" and values
    return {"item_id": item.id, "kind": item.kind, "n": len(answers), "labels": labels,
            "counts": counts, "mean": round(statistics.fmean(values), 2) if scale else None,
            "median": statistics.median(values) if scale else None,
            "comments": [c for _, c in answers if c.strip()]}
