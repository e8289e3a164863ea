"""Use cases of in-room evaluation: items, anonymous answers, results, the template."""
from __future__ import annotations

import random
import uuid
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from . import programme
from .. import store
from ..clock import utc_minute
from ..domain.evaluation import EvalError, clean_answer, clean_item_form, summarise
from ..models import EvalItem
from ..phones import Phone
from .validation import ValidationError

TEMPLATE = "utvardering-cafe"
# Sample answers for the demo, as reported in seed 001: four 2s, four 3s and one 4.
DEMO_VALUES = (2, 2, 2, 2, 3, 3, 3, 3, 4)
DEMO_COMMENTS = (
    "Att vi står i liknande utmaningar i våra kommuner och att skolutveckling är komplext och tar tid.",
    "Vikten av resultat som är märkbara (mjuka värden) och inte bara mätbara (hårda värden).",
    "Ett forum för dialog om det som är kärnan i mitt uppdrag som skolchef.",
)


def add_item(db: Database, event_id: str, form: Any) -> int:
    """A new item, closed; tied to a programme step it opens when the room gets there."""
    fields, errors = clean_item_form(form)
    if fields["step_id"] is not None and store.get_step(db, event_id, fields["step_id"]) is None:
        errors["step_id"] = "bad_step"
    if errors:
        raise ValidationError(errors)
    with db.atomic():
        return store.insert_eval_item(db, event_id, fields)


def items(db: Database, event_id: str) -> list[EvalItem]:
    return store.list_eval_items(db, event_id)


def _item(db: Database, event_id: str, item_id: object) -> EvalItem:
    try:
        found = store.get_eval_item(db, event_id, int(item_id))  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        found = None
    if found is None:
        raise EvalError("no_item", "no such question in this event")
    return found


def set_flags(db: Database, event_id: str, item_id: object, **flags: bool) -> EvalItem:
    """Open/close an item or show/hide its results; the item after the change."""
    item = _item(db, event_id, item_id)
    with db.atomic():
        store.set_eval_item_flags(db, item.id, **flags)
    return _item(db, event_id, item.id)


def delete_item(db: Database, event_id: str, item_id: object) -> None:
    item = _item(db, event_id, item_id)
    with db.atomic():
        store.delete_eval_item(db, item.id)


def answer(db: Database, event_id: str, payload: object, now: datetime,
           phone: Phone | None = None) -> EvalItem:
    """Store (or change) one phone's answer to one open item.

    From a phone (``phone`` given: the server-issued key it showed) the answer key is
    derived from the phone and the item, whatever the payload says: one answer per
    phone per item, and its answers to two items share nothing. Without ``phone``
    (the demo data, tests of the rules) the payload's key is taken.
    """
    if not isinstance(payload, dict):
        raise EvalError("bad_payload", "an answer is an object with item_id and key")
    item = _item(db, event_id, payload.get("item_id"))
    if phone is not None:
        payload = {**payload, "key": phone.key_for("eval", item.id)}
    key, value, comment = clean_answer(item, payload)
    with db.atomic():
        store.upsert_answer(db, item.id, key, value, comment, utc_minute(now))
    return item


def result(db: Database, item: EvalItem) -> dict[str, Any]:
    return summarise(item, store.list_answers(db, item.id))


def results(db: Database, event_id: str) -> list[tuple[EvalItem, dict[str, Any]]]:
    return [(item, result(db, item)) for item in items(db, event_id)]


def public_items(db: Database, event_id: str) -> list[dict[str, Any]]:
    """The open items as phones show them."""
    return [{"id": i.id, "kind": i.kind, "prompt": i.prompt, "scale_min": i.scale_min,
             "scale_max": i.scale_max, "low_label": i.low_label, "high_label": i.high_label,
             "options": list(i.options)} for i in items(db, event_id) if i.is_open]


def shown_results(db: Database, event_id: str) -> list[dict[str, Any]]:
    """Results the projector may show: visible ones, and hidden ones once closed."""
    return [{**result(db, i), "prompt": i.prompt, "low_label": i.low_label,
             "high_label": i.high_label} for i in items(db, event_id)
            if i.kind != "comment" and (i.results_visible or not i.is_open)]


def apply_template(db: Database, event_id: str) -> None:
    """The café-method evaluation: its questions, steps and items."""
    programme.apply_template(db, event_id, TEMPLATE)


def add_demo_evaluation(db: Database, event_id: str, rng: random.Random, now: datetime) -> None:
    """The template's evaluation items, closed, with the sample answers from seed 001.

    Only the items: the demo keeps its own programme and single question.
    """
    with db.atomic():
        for fields in programme.load_template(TEMPLATE).evaluation:
            store.insert_eval_item(db, event_id, {**{k: v for k, v in fields.items() if k != "step"},
                                                  "step_id": None})
        for item in items(db, event_id):
            store.set_eval_item_flags(db, item.id, is_open=True)
            samples = DEMO_VALUES if item.kind == "scale" else DEMO_COMMENTS
            for sample in samples:
                key = str(uuid.UUID(int=rng.getrandbits(128), version=4))
                value, comment = (sample, "") if item.kind == "scale" else (None, sample)
                store.upsert_answer(db, item.id, key, value, comment, utc_minute(now))
            store.set_eval_item_flags(db, item.id, is_open=False)
