"""Use cases: load through the store, decide in the domain, save in one transaction.

Every function takes the database and, where it matters, the time and the
random source, so handlers stay thin and tests control both.
"""
from __future__ import annotations

import json
import random
import uuid
from importlib import resources
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from . import evaluation, programme, rotation, store, themes
from .clock import utc_iso
from .domain import codes
from .domain.demo_notes import demo_notes
from .domain.logo import check_logo
from .domain.programme import asked_question_ids
from .domain.report import build_docx
from .domain.report_md import build_markdown
from .domain.report_data import ReportData
from .domain.report_table import build_csv, build_json
from .models import Event, EventDraft, Note, Question, Step
from .validation import ValidationError

LANGUAGES = ("sv", "en")
MAX_FIELD = {"name": 200, "date": 10, "place": 200, "organiser": 200}


# ---- events ------------------------------------------------------------------------


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


def list_events(db: Database) -> list[Event]:
    return store.list_events(db)


def get_event(db: Database, event_id: str) -> Event | None:
    return store.get_event(db, event_id)


def demo_event(db: Database) -> Event | None:
    return store.get_demo_event(db)


def ensure_demo_event(db: Database, rng: random.Random, now: datetime,
                      owner_id: int | None = None) -> tuple[Event, bool]:
    """The demo event, created once from the seed method; (event, created_now)."""
    with db.atomic():
        existing = store.get_demo_event(db)
        if existing:
            if owner_id is not None:
                store.add_member(db, existing.id, owner_id, "owner")
            return existing, False
        draft = EventDraft(name="Dialogkonferens: barn och ungas utveckling i länet",
                           date=now.date().isoformat(), place="Region Örebro län",
                           organiser="Regional utveckling", language="sv")
        event = create_event(db, draft, rng, now, True, programme.DEFAULT_TEMPLATE, owner_id)
        evaluation.add_demo_evaluation(db, event.id, rng, now)
        return event, True


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


def count_notes(db: Database, event_id: str) -> int:
    return store.count_notes(db, event_id)


def list_questions(db: Database, event_id: str) -> list[Question]:
    return store.list_questions(db, event_id)


def asked_questions(db: Database, event_id: str) -> list[Question]:
    """The questions a participant can answer: those the programme asks."""
    questions = store.list_questions(db, event_id)
    asked = asked_question_ids(questions, store.list_steps(db, event_id))
    return [q for q in questions if q.id in asked]


# ---- report ------------------------------------------------------------------------


def report_data(db: Database, event_id: str) -> ReportData:
    """Everything the summary shows; hidden notes never get into it."""
    event = store.get_event(db, event_id)
    if event is None:
        raise LookupError(event_id)
    return ReportData(event, store.list_questions(db, event_id), store.list_steps(db, event_id),
                      store.list_notes(db, event_id, visible_only=True),
                      store.get_logo(db, event_id), evaluation.results(db, event_id),
                      themes.all_themes(db, event_id), rotation.encounters(db, event_id))


def report_docx(db: Database, event_id: str, now: datetime) -> bytes:
    return build_docx(report_data(db, event_id), now)


def report_markdown(db: Database, event_id: str) -> str:
    return build_markdown(report_data(db, event_id))


def report_csv(db: Database, event_id: str) -> str:
    """The summary's structure, one row per note (question, theme, pinned, text)."""
    return build_csv(report_data(db, event_id))


def report_json(db: Database, event_id: str) -> str:
    return build_json(report_data(db, event_id))


def report_bytes(db: Database, event_id: str, fmt: str, now: datetime) -> bytes:
    """The summary in one of REPORT_FORMATS."""
    if fmt == "docx":
        return report_docx(db, event_id, now)
    build = {"md": report_markdown, "csv": report_csv, "json": report_json}[fmt]
    return build(db, event_id).encode("utf-8")


REPORT_FORMATS = ("docx", "md", "csv", "json")


def set_logo(db: Database, event_id: str, data: bytes) -> None:
    """Keep an uploaded PNG/JPEG for the report (LogoError when it is not one)."""
    mime = check_logo(data)
    with db.atomic():
        store.save_logo(db, event_id, mime, data)


def remove_logo(db: Database, event_id: str) -> None:
    store.delete_logo(db, event_id)


def has_logo(db: Database, event_id: str) -> bool:
    return store.get_logo(db, event_id) is not None


def seed_demo_notes(db: Database, event_id: str, count: int, rng: random.Random,
                    now: datetime) -> int:
    """Top the event up to ``count`` realistic notes across its questions; how many were added."""
    data = json.loads((resources.files("facilitator") / "data" / "demo_notes.json")
                      .read_text(encoding="utf-8"))
    missing = count - store.count_notes(db, event_id)
    if missing <= 0:
        return 0
    questions = [q.id for q in store.list_questions(db, event_id)] or [None]
    with db.atomic():
        for i, (_theme, text) in enumerate(demo_notes(data, missing, seed=rng.randrange(2**32))):
            note_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            store.insert_note(db, Note(note_id, event_id, text, utc_iso(now),
                                       questions[i % len(questions)]))
    return missing


def event_with_code(db: Database, code: str) -> Event | None:
    return store.get_event_by_join_code(db, codes.normalise_join_code(code))

