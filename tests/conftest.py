"""Shared fixtures: a real app on a temp-file SQLite database, Socket.IO test clients.

Factories follow `gen_thing(db, **overrides)` so a test says only what matters to it.
"""
from __future__ import annotations

import random
import re
import uuid
from datetime import datetime, timezone

import pytest

from facilitator import create_app, services
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
    })
    return app


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def db(app):
    database = connect(app.config["DB_PATH"])
    yield database
    database.close()


@pytest.fixture
def rng():
    return random.Random(1234)


def gen_event(db, rng=None, **overrides):
    fields = {"name": "Dialogkonferens Örebro", "date": "2026-11-23", "place": "Örebro",
              "organiser": "Region Örebro län", "language": "sv", **overrides}
    return services.create_event(db, EventDraft(**fields), rng or random.Random(), NOW)


@pytest.fixture
def demo(db, rng):
    event, _created = services.ensure_demo_event(db, rng, NOW)
    return event


def note_payload(text="Mer samverkan mellan skola och socialtjänst", **extra):
    return {"id": str(uuid.uuid4()), "text": text, **extra}


def facilitator_token(client, event_id):
    """Read the socket token the facilitator page hands its script."""
    html = client.get(f"/f/events/{event_id}").get_data(as_text=True)
    return re.search(r'data-token="([^"]+)"', html).group(1)


@pytest.fixture
def sockets(app, client):
    """Make Socket.IO test clients: sockets(event_id, role, token=None)."""
    socketio = app.extensions["socketio"]
    made = []

    def make(event_id, role="participant", token=None, flask_client=client):
        auth = {"event": event_id, "role": role}
        if token is not None:
            auth["token"] = token
        elif role == "facilitator":
            auth["token"] = facilitator_token(flask_client, event_id)
        sio = socketio.test_client(app, auth=auth, flask_test_client=flask_client)
        made.append(sio)
        return sio

    yield make
    for sio in made:
        if sio.is_connected():
            sio.disconnect()
