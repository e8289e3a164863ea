"""The facilitator's laptop in its own process: `python -m facilitator.bench.remote URL EVENT TOKEN`.

In a real room the control page runs on another machine. Sharing the phones' gevent loop,
the bench's timer command waited behind a thousand phones' acks on the client side before it
was even sent. This process connects as the facilitator, then reads one timer action per line
on stdin, sends it and prints {"ack": ..., "sent_at": time.monotonic() just before sending}
as one JSON line (the phone processes stamp receipts with the same clock).
"""
from __future__ import annotations

import json
import sys
import time

import socketio


def main(base: str, event_id: str, token: str) -> None:
    client = socketio.Client(reconnection=False)
    client.connect(base, auth={"event": event_id, "role": "facilitator", "token": token},
                   transports=["websocket"], wait_timeout=60)
    print(json.dumps({"ok": True}), flush=True)
    for line in sys.stdin:
        sent_at = time.monotonic()
        ack = client.call("timer_command", {"action": line.strip()}, timeout=15)
        print(json.dumps({"ack": ack, "sent_at": sent_at}), flush=True)
    client.disconnect()


if __name__ == "__main__":
    main(*sys.argv[1:4])
