"""Use cases for events (the conferences): create, edit, delete, list, overview, logo, join code.

Every function takes the database and, where it matters, the time and the
random source, so handlers stay thin and tests control both.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from .. import store
from ..clock import utc_iso
from ..domain import codes
from ..domain.logo import LogoError, check_logo
from ..domain.programme import asked_question_ids
from ..models import Event, EventDraft, Note, Question, Step
from . import programme
from .validation import ValidationError

LANGUAGES = ("sv", "en")
MAX_FIELD = {"name": 200, "date": 10, "place": 200, "organiser": 200}


def clean_event_draft(form: dict[str, str]) -> EventDraft:
    """Turn form fields into an EventDraft or raise ValidationError with every problem."""
    values = {k: str(form.get(k, "") or "").strip() for k in ("name", "date", "place", "organiser")}
    errors = {k: "too_long" for k, v in values.items() if len(v) > MAX_FIELD[k]}
    if not values["name"]:
        errors["name"] = "required"
    if values["date"] and "date" not in errors:
        try:
            datetime.strptime(values["date"], "%Y-%m-%d")
        except ValueError:
            errors["date"] = "bad_date"
    language = str(form.get("language", "sv") or "sv")
    if language not in LANGUAGES:
        errors["language"] = "bad_language"
    if errors:
        raise ValidationError(errors)
    return EventDraft(language=language, **values)  # type: ignore[arg-type]


def create_event(db: Database, draft: EventDraft, rng: random.Random, now: datetime,
                 is_demo: bool = False, template: str | None = None,
                 owner_id: int | None = None) -> Event:
    """A new event with a fresh join code, its programme copied from ``template``,
    run by ``owner_id``."""
    if template is not None and template not in programme.template_keys():
        raise ValidationError({"template": "unknown_template"})
    with db.atomic():
        code = codes.new_join_code(rng)
        while store.join_code_taken(db, code):
            code = codes.new_join_code(rng)
        event = store.insert_event(db, codes.new_event_id(rng), code, draft, utc_iso(now), is_demo)
        if template is not None:
            programme.apply_template(db, event.id, template)
        if owner_id is not None:
            store.add_member(db, event.id, owner_id, "owner")
        return event


def update_event(db: Database, event_id: str, draft: EventDraft) -> Event:
    with db.atomic():
        return store.update_event(db, event_id, draft)


def delete_event(db: Database, event_id: str) -> None:
    """Remove the event and every row that belongs to it, in one transaction."""
    with db.atomic():
        store.delete_event(db, event_id)




def get_event(db: Database, event_id: str) -> Event | None:
    return store.get_event(db, event_id)


@dataclass(frozen=True)
class EventOverview:
    """What the facilitator's control page shows of an event."""
    event: Event
    questions: list[Question]
    steps: list[Step]
    notes_newest_first: list[Note]


def event_overview(db: Database, event: Event) -> EventOverview:
    return EventOverview(event, store.list_questions(db, event.id), store.list_steps(db, event.id),
                         list(reversed(store.list_notes(db, event.id))))


def list_questions(db: Database, event_id: str) -> list[Question]:
    return store.list_questions(db, event_id)


def list_steps(db: Database, event_id: str) -> list[Step]:
    return store.list_steps(db, event_id)


def asked_questions(db: Database, event_id: str) -> list[Question]:
    """The questions a participant can answer: those the programme asks."""
    questions = store.list_questions(db, event_id)
    asked = asked_question_ids(questions, store.list_steps(db, event_id))
    return [q for q in questions if q.id in asked]


PROJECTOR_THEMES = ("dark", "light")


def set_projector_theme(db: Database, event_id: str, theme: str) -> None:
    """Dark (the default) or light on the projector; anything else is a ValidationError."""
    if theme not in PROJECTOR_THEMES:
        raise ValidationError({"projector_theme": "bad_theme"})
    store.set_event_fields(db, event_id, projector_theme=theme)


def set_logo(db: Database, event_id: str, data: bytes) -> None:
    """Keep an uploaded PNG/JPEG for the report and the projector (LogoError when it is not one)."""
    mime = check_logo(data)
    with db.atomic():
        store.save_logo(db, event_id, mime, data)


def remove_logo(db: Database, event_id: str) -> None:
    store.delete_logo(db, event_id)


def has_logo(db: Database, event_id: str) -> bool:
    return store.get_logo(db, event_id) is not None


def logo(db: Database, event_id: str) -> tuple[str, bytes] | None:
    """(MIME type, bytes) of the event's logo, checked again on the way out, or None."""
    data = store.get_logo(db, event_id)
    if not data:
        return None
    try:
        return check_logo(data), data
    except LogoError:
        return None


def event_with_code(db: Database, code: str) -> Event | None:
    return store.get_event_by_join_code(db, codes.normalise_join_code(code))
