"""Realistic events at volume for `facilitator bench report` and the report's size tests.

Notes like a real room's: most distinct, of mixed length (a few words to two
sentences), about one in twenty a copy of another, about one in twenty-five
small talk. Built from the demo's sentences with varied endings so that the
texts are distinct; themes come from the real clustering, through the store.
"""
from __future__ import annotations

import json
import random
import uuid
from datetime import datetime
from importlib import resources

from typing import Any

from .. import store
from ..clock import utc_iso
from ..models import Event, EventDraft, Note
from ..usecases import events, themes

QUESTIONS = ["Vad behöver barn och unga i länet?", "Vad gör vi redan i dag som fungerar?",
             "Vad kan vi göra tillsammans i länet?", "Vad tar vi med oss hem till kommunen?"]
PLACES = ["i Lindesberg", "i Örebro", "i Kumla", "i Askersund", "i Hallsberg", "i Karlskoga",
          "i Degerfors", "på landsbygden", "i de mindre kommunerna", "i hela länet"]
WHO = ["för de yngsta barnen", "för tonåringar", "för nyanlända familjer", "för elever i behov av stöd",
       "för vårdnadshavare", "för lärare och fritidsledare", "för barn som far illa"]
WHY = ["annars tappar vi dem", "det har vi sett i vår kartläggning", "så att ingen faller mellan stolarna",
       "och det behöver finnas resurser för det", "vilket kräver beslut från ledningen",
       "eftersom behoven ökar varje år", "för att kunna följa upp vad som fungerar",
       "precis som man har gjort i Västerås", "och det måste vara långsiktigt"]
SMALL_TALK = ["Bra fika!", "Tack för en bra dag", "Lokalen var för varm", "Kan vi få presentationen efteråt?",
              "God lunch", "Mikrofonen hördes dåligt längst bak", "Tack!", "Mer kaffe tack",
              "Var är hissen?", "När kommer protokollet?"]


def note_texts(count: int, seed: int = 7) -> list[str]:
    """``count`` note texts as a room writes them."""
    data = json.loads((resources.files("facilitator") / "data" / "demo_notes.json")
                      .read_text(encoding="utf-8"))
    sentences = [s.replace("{fler}", "fler") for group in data["themes"].values() for s in group]
    rng = random.Random(seed)
    out: list[str] = []
    for _ in range(count):
        roll = rng.random()
        if roll < 0.04:
            out.append(rng.choice(SMALL_TALK))
        elif roll < 0.09 and out:
            out.append(rng.choice(out))
        else:
            out.append(_sentence(rng, sentences))
    return out


def _sentence(rng: random.Random, sentences: list[str]) -> str:
    text = rng.choice(sentences)
    parts = rng.choice([1, 2, 2, 3, 3, 4])
    if parts >= 2:
        text += " " + rng.choice(PLACES)
    if parts >= 3:
        text += " " + rng.choice(WHO)
    if parts >= 4:
        text += ", " + rng.choice(WHY)
    return text + rng.choice(["", ".", "!", "."])


def volume_event(db: Any, count: int, now: datetime, seed: int = 7,
                 find_themes: bool = True) -> Event:
    """An event with four questions, ``count`` notes and (by default) themes per question."""
    event = events.create_event(db, EventDraft(name=f"Dialogkonferens {count} lappar",
                                                 date="2026-11-23", place="Örebro",
                                                 organiser="Region Örebro län"),
                                  random.Random(seed), now)
    questions = [store.insert_question(db, event.id, i, q) for i, q in enumerate(QUESTIONS)]
    rng = random.Random(seed)
    with db.atomic():
        for i, text in enumerate(note_texts(count, seed)):
            note_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            store.insert_note(db, Note(note_id, event.id, text, utc_iso(now),
                                       questions[i % len(questions)].id))
    if find_themes:
        for question in questions:
            themes.find(db, event, question.id, now)
    return event
