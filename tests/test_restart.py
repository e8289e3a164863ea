"""A real server process killed with SIGKILL loses nothing it acknowledged."""
from __future__ import annotations

import re
import sqlite3
import time
import urllib.request
import uuid

import socketio

from .live_server import LiveServer


def connect(server, role="participant", token=None):
    client = socketio.Client(reconnection=True, reconnection_delay=0.2, reconnection_delay_max=0.5)
    states = []
    client.on("timer_state", states.append)
    auth = {"event": server.demo["event_id"], "role": role}
    if token:
        auth["token"] = token
    client.connect(server.base, auth=auth, wait_timeout=10)
    return client, states


def facilitator_token(server):
    with urllib.request.urlopen(server.demo["facilitator_url"]) as response:
        return re.search(r'data-token="([^"]+)"', response.read().decode()).group(1)


def wait_for(condition, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_sigkill_after_acks_loses_nothing_and_clients_come_back(tmp_path):
    server = LiveServer(tmp_path)
    server.create_demo()
    server.start()
    try:
        facilitator, _ = connect(server, "facilitator", facilitator_token(server))
        assert facilitator.call("timer_command", {"action": "start"}, timeout=10) == {"ok": True}
        phone, states = connect(server)
        acked = []
        for i in range(50):
            note = {"id": str(uuid.uuid4()), "text": f"Lapp nummer {i} – åäö"}
            if phone.call("note_submit", note, timeout=10)["ok"]:
                acked.append(note["id"])
        server.kill()                       # no graceful shutdown at all
        with sqlite3.connect(server.db_path) as db:
            stored = {row[0] for row in db.execute("SELECT id FROM notes")}
        assert set(acked) <= stored and len(acked) == 50

        states.clear()
        server.start()                      # same port, same database
        assert wait_for(lambda: phone.connected and states), "phone did not reconnect"
        state = states[-1]
        assert state["status"] == "running"
        assert 18 * 60_000 < state["remaining_ms"] < 20 * 60_000
        phone.disconnect()
        facilitator.disconnect()
    finally:
        server.stop()
