"""The facilitator's laptop in its own process: `python -m facilitator.bench.remote URL EVENT TOKEN`.

In a real room the control page runs on another machine. Sharing the phones' loop, the
bench's timer command waited behind a thousand phones' acks on the client side before it
was even sent. This process connects as the facilitator (the phones' client, client.py),
then reads one timer action per line on stdin, sends it and prints {"ack": ...,
"sent_at": ...} as one JSON line once the ack is in. `sent_at` is time.monotonic() taken
after the frame is built, right before it is written to the socket (the phone processes
stamp receipts with the same clock).
"""
from __future__ import annotations

import asyncio
import json
import sys
import time

from .client import Socket, session, stdin_reader

ACK_TIMEOUT_S = 15


async def run(base: str, event_id: str, token: str) -> None:
    reader = await stdin_reader()
    async with session() as http:
        client = await Socket.connect(http, base, {"event": event_id, "role": "facilitator",
                                                   "token": token})
        print(json.dumps({"ok": True}), flush=True)
        while line := await reader.readline():
            text, acked = client.frame("timer_command", {"action": line.decode().strip()})
            sent_at = time.monotonic()
            await client.ws.send_str(text)
            ack = await client.wait(acked, ACK_TIMEOUT_S)
            print(json.dumps({"ack": ack, "sent_at": sent_at}), flush=True)
        await client.close()


def main(base: str, event_id: str, token: str) -> None:
    asyncio.run(run(base, event_id, token))


if __name__ == "__main__":
    main(*sys.argv[1:4])
