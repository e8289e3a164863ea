"""A real server process killed with SIGKILL loses nothing it acknowledged."""
from __future__ import annotations

import sqlite3
import time
import uuid

import socketio

from .live_server import LiveServer, wait_for


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
    return server.login().socket_token(server.demo["event_id"])




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


def test_sigkill_mid_burst_then_resend(tmp_path):
    """Phones keep sending while the server dies; after a restart they resend what had no ack.

    Every acknowledged note is in the database exactly once, and so is every note that was
    unacknowledged when the server died.
    """
    import threading

    server = LiveServer(tmp_path)
    server.create_demo()
    server.start()
    phones = [connect(server)[0] for _ in range(5)]
    outbox = {i: [{"id": str(uuid.uuid4()), "text": f"telefon {i} lapp {n}"} for n in range(200)]
              for i in range(len(phones))}
    acked: set[str] = set()
    some_acked = threading.Event()

    def send_all(i):
        for note in outbox[i]:
            try:
                if phones[i].call("note_submit", note, timeout=2)["ok"]:
                    acked.add(note["id"])
                    if len(acked) >= 60:
                        some_acked.set()
            except Exception:  # the server is gone: keep the rest for later
                return

    threads = [threading.Thread(target=send_all, args=(i,)) for i in range(len(phones))]
    try:
        for t in threads:
            t.start()
        assert some_acked.wait(30)
        server.kill()
        for t in threads:
            t.join(30)
        acked_before = set(acked)
        assert 60 <= len(acked_before) < 1000, "the kill should land mid-burst"
        server.start()
        assert wait_for(lambda: all(p.connected for p in phones)), "phones did not reconnect"
        for i, phone in enumerate(phones):          # resend everything without an ack
            for note in outbox[i]:
                if note["id"] not in acked:
                    assert phone.call("note_submit", note, timeout=10)["ok"]
                    acked.add(note["id"])
        with sqlite3.connect(server.db_path) as db:
            rows = [r[0] for r in db.execute("SELECT id FROM notes")]
        assert len(rows) == len(set(rows)) == 1000
        assert acked_before <= set(rows)
        for phone in phones:
            phone.disconnect()
    finally:
        server.stop()


def test_thirty_phones_reconnect_after_a_restart_and_see_the_timer(tmp_path):
    server = LiveServer(tmp_path)
    server.create_demo()
    server.start()
    phones = []
    try:
        control, _ = connect(server, "facilitator", facilitator_token(server))
        control.call("timer_command", {"action": "start"}, timeout=10)
        control.disconnect()
        phones = [connect(server) for _ in range(30)]
        server.kill()
        for _client, states in phones:
            states.clear()
        started = time.monotonic()
        server.start()
        assert wait_for(lambda: all(c.connected and s for c, s in phones), timeout=30)
        print(f"\n30 phones back with the timer after {time.monotonic() - started:.1f} s")
        assert all(s[-1]["status"] == "running" for _c, s in phones)
    finally:
        for client, _states in phones:
            client.disconnect()
        server.stop()


def test_a_phone_that_stops_reading_does_not_stall_the_room(tmp_path):
    """A phone whose socket no longer reads (a frozen browser) must not delay the others."""
    import json
    import socket

    import websocket

    server = LiveServer(tmp_path)
    server.create_demo()
    server.start()
    slow = websocket.create_connection(
        f"ws://127.0.0.1:{server.port}/socket.io/?EIO=4&transport=websocket",
        sockopt=[(socket.SOL_SOCKET, socket.SO_RCVBUF, 2048)], timeout=10)
    try:
        slow.recv()                                             # engine.io open packet
        slow.send("40" + json.dumps({"event": server.demo["event_id"], "role": "participant"}))
        fast, states = connect(server)
        control, _ = connect(server, "facilitator", facilitator_token(server))
        for i in range(150):                                    # fills the slow phone's buffers
            control.call("timer_command", {"action": "extend" if i % 2 else "shorten"}, timeout=10)
        states.clear()
        sent = time.monotonic()
        control.call("timer_command", {"action": "start"}, timeout=10)
        assert wait_for(lambda: any(s["status"] == "running" for s in states), timeout=5)
        assert time.monotonic() - sent < 2
        fast.disconnect()
        control.disconnect()
    finally:
        slow.close()
        server.stop()
