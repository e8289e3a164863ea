"""The facilitator's laptop in its own process: `python -m facilitator.bench.remote URL EVENT TOKEN`.

In a real room the control page runs on another machine. Sharing the phones' gevent loop,
the bench's timer command waited behind a thousand phones' acks on the client side before it
was even sent. This process connects as the facilitator, then reads one timer action per line
on stdin, sends it and prints {"ack": ..., "sent_at": time.monotonic() just before sending}
as one JSON line (the phone processes stamp receipts with the same clock).
"""
from __future__ import annotations

import asyncio
import json
import sys
import time

import socketio


async def run(base: str, event_id: str, token: str) -> None:
    """The same asyncio client as the phones (phones.py), so one `bench` extra serves both."""
    loop = asyncio.get_running_loop()
    client = socketio.AsyncClient(reconnection=False)
    await client.connect(base, auth={"event": event_id, "role": "facilitator", "token": token},
                         transports=["websocket"], wait_timeout=60)
    print(json.dumps({"ok": True}), flush=True)
    while line := await loop.run_in_executor(None, sys.stdin.readline):
        sent_at = time.monotonic()
        ack = await client.call("timer_command", {"action": line.strip()}, timeout=15)
        print(json.dumps({"ack": ack, "sent_at": sent_at}), flush=True)
    await client.disconnect()


def main(base: str, event_id: str, token: str) -> None:
    asyncio.run(run(base, event_id, token))


if __name__ == "__main__":
    main(*sys.argv[1:4])
