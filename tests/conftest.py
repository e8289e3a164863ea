"""Shared fixtures: a real app on a temp-file SQLite database, Socket.IO test clients.

Factories follow `gen_thing(db, **overrides)` so a test says only what matters to it.
"""
from __future__ import annotations

import random
import re
import uuid
from datetime import datetime, timezone

import pytest

from facilitator.auth import projector_token
from facilitator.usecases import accounts, demo_data, events
from facilitator import create_app
from facilitator.db import connect
from facilitator.models import EventDraft

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def app(tmp_path):
    app = create_app({
        "TESTING": True,
        "DB_PATH": str(tmp_path / "facilitator.sqlite3"),
        "INSTANCE_PATH": str(tmp_path / "instance"),
        "SECRET_KEY": "test-secret",
        "PUBLIC_URL": "http://venue.example:5000",
        # Forms and limits have their own tests (test_security.py); here they would only
        # get in the way of testing behaviour.
        "WTF_CSRF_ENABLED": False,
        "RATELIMIT_ENABLED": False,
        # Every notes_count and tables push at once, so a test sees each one.
        "PUSH_INTERVAL_MS": 0,
    })
    return app


PASSWORD = "rätt-lösenord-123"


@pytest.fixture
def user(db):
    return accounts.create_user(db, "anna", PASSWORD, NOW)


def log_in(client, username="anna", password=PASSWORD):
    response = client.post("/login", data={"username": username, "password": password})
    assert response.status_code == 302, response.get_data(as_text=True)
    return client


@pytest.fixture
def client(app, user):
    """A facilitator logged in as anna."""
    return log_in(app.test_client())


@pytest.fixture
def anonymous(app):
    return app.test_client()


@pytest.fixture
def db(app):
    database = connect(app.config["DB_PATH"])
    yield database
    database.close()


@pytest.fixture
def rng():
    return random.Random(1234)


def gen_event(db, rng=None, owner=None, **overrides):
    fields = {"name": "Dialogkonferens Örebro", "date": "2026-11-23", "place": "Örebro",
              "organiser": "Region Örebro län", "language": "sv", **overrides}
    return events.create_event(db, EventDraft(**fields), rng or random.Random(), NOW,
                                 owner_id=owner.id if owner else None)


@pytest.fixture
def demo(db, rng, user):
    """The seed-method demo event, run by anna."""
    event, _created = demo_data.ensure_demo_event(db, rng, NOW, owner_id=user.id)
    return event


def note_payload(text="Mer samverkan mellan skola och socialtjänst", **extra):
    return {"id": str(uuid.uuid4()), "text": text, **extra}


def facilitator_token(client, event_id):
    """Read the socket token the facilitator page hands its script."""
    html = client.get(f"/f/events/{event_id}").get_data(as_text=True)
    return re.search(r'data-token="([^"]+)"', html).group(1)


def keyed(app, event_id):
    """The projector key of an event (what the control page's projector link carries)."""
    return projector_token(app.config["SECRET_KEY"], event_id)


def projector_url(app, event_id, path=""):
    """``/p/<event><path>?key=...``: the keyed projector page or one of its data URLs."""
    return f"/p/{event_id}{path}?key={keyed(app, event_id)}"


def projector_key(client, event_id):
    """Read the key of the projector link on the facilitator page."""
    html = client.get(f"/f/events/{event_id}").get_data(as_text=True)
    return re.search(r'data-link="projector" href="[^"?]+\?key=([^"]+)"', html).group(1)


@pytest.fixture
def sockets(app, client):
    """Make Socket.IO test clients: sockets(event_id, role, token=None)."""
    socketio = app.extensions["socketio"]
    made = []

    def make(event_id, role="participant", token=None, flask_client=client, phone_key=None,
             claim=True):
        """A participant claims a phone key at once (as realtime.js does): ``phone_key`` to
        be a phone seen before; ``claim=False`` for a script that never asks for one."""
        auth = {"event": event_id, "role": role}
        if token is not None:
            auth["token"] = token
        elif role == "facilitator":
            auth["token"] = facilitator_token(flask_client, event_id)
        elif role == "projector":
            auth["token"] = keyed(app, event_id)
        sio = socketio.test_client(app, auth=auth, flask_test_client=flask_client)
        made.append(sio)
        if role == "participant" and claim and sio.is_connected():
            ack = sio.emit("phone_key", {"key": phone_key}, callback=True)
            sio.phone_key = ack.get("key")
        return sio

    yield make
    for sio in made:
        if sio.is_connected():
            sio.disconnect()


def room_quotes(document):
    """(style, text) of the quotes in the questions' chapters: the notes from the room."""
    quotes, inside = [], False
    for paragraph in document.paragraphs:
        if paragraph.style.name == "Heading 1":
            inside = paragraph.text.startswith(("Fråga ", "Question "))
        elif inside and paragraph.style.name == "List Bullet":
            quotes.append((paragraph.style.name, paragraph.text))
    return quotes
