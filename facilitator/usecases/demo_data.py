"""Use cases for the demo: the demo event from the seed method, and realistic notes for it."""
from __future__ import annotations

import json
import random
import uuid
from datetime import datetime
from importlib import resources

from sqlite_utils import Database

from .. import store
from ..clock import utc_iso
from ..domain.demo_notes import demo_notes
from ..models import Event, EventDraft, Note
from . import evaluation, programme, votes
from .events import create_event


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
        votes.add_demo_vote(db, event.id, rng)
        return event, True


def seed_demo_notes(db: Database, event_id: str, count: int, rng: random.Random,
                    now: datetime) -> int:
    """Top the event up to ``count`` realistic notes across its questions, most of them saying
    whether they are for the shared work or the own municipality's; how many were added."""
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
                                       questions[i % len(questions)], scope=_demo_scope(rng)))
    return missing


def _demo_scope(rng: random.Random) -> str | None:
    """As when the room was asked, at the last step, whom a note is for: most say, some not."""
    roll = rng.random()
    return "shared" if roll < 0.5 else "own" if roll < 0.8 else None
