"""The bench's own Socket.IO client: Engine.IO 4 / Socket.IO 5 framed by hand over aiohttp's
WebSocket client (its frame reader is C-accelerated), the default namespace only.

python-socketio's AsyncClient spent a task, a packet object and a JSON decode on every
message; with 500 phones per process on the server's two cores the bench measured its own
client (median 1.47 times the independent generator's p99, docs/performance.md). Here a
received frame costs one `receive()` and a prefix test: `on_frame(text, at)` gets the raw
text and `time.monotonic()` taken as the frame came out of the reader, so a timer_state is
stamped before anything parses it. Only acks ("43<id>[...]") are decoded here.

Independent of `facilitator bench outside` (outside.py, the `websockets` library) on purpose:
nothing is shared with it, so it stays a check of this code.
"""
from __future__ import annotations

import asyncio
import json
import sys
import time
from typing import Any, Callable

import aiohttp

FrameHandler = Callable[[str, float], None]


def socket_url(base: str) -> str:
    return base.rstrip("/") + "/socket.io/?EIO=4&transport=websocket"


def session() -> aiohttp.ClientSession:
    """One HTTP session per process: no connection limit (every phone holds a socket)."""
    return aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0))


async def stdin_reader() -> asyncio.StreamReader:
    """stdin as a stream on this loop (the bench's processes take their commands there): a
    command wakes the loop, no reader thread polls or competes for the GIL."""
    reader = asyncio.StreamReader(limit=2 ** 20)
    loop = asyncio.get_running_loop()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    return reader


class SocketError(Exception):
    """The server refused the namespace connection or the socket ended."""


class Socket:
    """One connected client: ``emit``/``call`` out, ``on_frame`` for every event frame in."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse, on_frame: FrameHandler | None):
        self.ws, self.on_frame = ws, on_frame
        self.next_id = 0
        self.pending: dict[int, asyncio.Future] = {}
        self.reading: asyncio.Task | None = None

    @classmethod
    async def connect(cls, http: aiohttp.ClientSession, base: str, auth: dict,
                      on_frame: FrameHandler | None = None, timeout: float = 60) -> "Socket":
        ws = await http.ws_connect(socket_url(base), autoping=True, max_msg_size=0, compress=0,
                                   timeout=aiohttp.ClientWSTimeout(ws_receive=None, ws_close=5))
        sock = cls(ws, on_frame)
        try:
            await asyncio.wait_for(sock._handshake(auth), timeout)
        except BaseException:
            await ws.close()
            raise
        sock.reading = asyncio.ensure_future(sock._read())
        return sock

    async def _handshake(self, auth: dict) -> None:
        """Engine.IO open ("0{...}"), then the namespace: "40" + auth until "40{sid}" or
        "44". The server's connect handler emits its state before "40", so event frames
        here go to ``on_frame`` too."""
        ws = self.ws
        opening = await ws.receive()
        if opening.type is not aiohttp.WSMsgType.TEXT or not opening.data.startswith("0"):
            raise SocketError(f"no Engine.IO open packet: {str(opening.data)[:40]!r}")
        await ws.send_str("40" + json.dumps(auth))
        while True:
            msg = await ws.receive()
            at = time.monotonic()
            if msg.type is not aiohttp.WSMsgType.TEXT:
                raise SocketError("the socket closed during the handshake")
            data = msg.data
            if data.startswith("40"):
                return
            if data.startswith("44"):
                raise SocketError(data[2:200])
            if data == "2":
                await ws.send_str("3")
            elif data[:2] == "42" and self.on_frame is not None:
                self.on_frame(data, at)

    async def _read(self) -> None:
        ws, monotonic, text = self.ws, time.monotonic, aiohttp.WSMsgType.TEXT
        while True:
            msg = await ws.receive()
            at = monotonic()
            if msg.type is not text:
                break
            data = msg.data
            if data[:2] == "42":
                if self.on_frame is not None:
                    try:
                        self.on_frame(data, at)
                    except (ValueError, LookupError, TypeError):
                        pass  # a frame the handler could not read; the socket goes on
            elif data == "2":
                await ws.send_str("3")
            elif data[:2] == "43":
                self._acked(data)
            elif data[:2] == "41":
                break
        for future in self.pending.values():
            if not future.done():
                future.set_exception(SocketError("the socket closed"))

    def _acked(self, data: str) -> None:
        bracket = data.find("[")
        future = self.pending.pop(int(data[2:bracket]), None)
        if future is not None and not future.done():
            args = json.loads(data[bracket:])
            future.set_result(args[0] if len(args) == 1 else args)

    def frame(self, event: str, data: Any) -> tuple[str, asyncio.Future]:
        """An event frame with a fresh ack id, and the future its ack will resolve."""
        self.next_id += 1
        future = asyncio.get_running_loop().create_future()
        self.pending[self.next_id] = future
        return f"42{self.next_id}" + json.dumps([event, data]), future

    async def call(self, event: str, data: Any, timeout: float) -> Any:
        """Emit with an ack id and wait for the ack; asyncio.TimeoutError after ``timeout``."""
        text, future = self.frame(event, data)
        await self.ws.send_str(text)
        return await self.wait(future, timeout)

    async def wait(self, future: asyncio.Future, timeout: float) -> Any:
        try:
            return await asyncio.wait_for(future, timeout)
        finally:
            self.pending = {k: f for k, f in self.pending.items() if f is not future}

    async def close(self) -> None:
        try:
            await self.ws.send_str("41")
        except (ConnectionError, RuntimeError, aiohttp.ClientError):
            pass
        await self.ws.close()
        if self.reading:
            await asyncio.gather(self.reading, return_exceptions=True)
