"""How Socket.IO frames are read: the standard JSON decoder, with a guard on nesting.

A frame like ``42["note_submit",[[[[...3,000 deep...]]]]]`` made the decoder raise
RecursionError inside python-socketio, before any handler ran, so the sender got no
answer and the log a traceback. Here such a frame decodes to its event name (when one
can be read) with ``TOO_DEEP`` as its only argument; the handlers answer that with a
``too_deep`` error in the ack (the sockets package), and the connection carries on.
"""
from __future__ import annotations

import json
import re
from typing import Any

# What a deep frame is read as when no event name can be made out of it.
UNREADABLE_EVENT = "unreadable_frame"
_EVENT_NAME = re.compile(r'\s*\[\s*"([A-Za-z_]{1,40})"\s*,')


class _TooDeep:
    """The argument of a frame nested too deeply to decode."""

    def __repr__(self) -> str:
        return "TOO_DEEP"


TOO_DEEP = _TooDeep()


def dumps(obj: Any, **kwargs: Any) -> str:
    return json.dumps(obj, **kwargs)


def loads(text: str | bytes, **kwargs: Any) -> Any:
    try:
        return json.loads(text, **kwargs)
    except RecursionError:
        head = text[:64].decode("utf-8", "replace") if isinstance(text, bytes) else text[:64]
        found = _EVENT_NAME.match(head)
        return [found.group(1) if found else UNREADABLE_EVENT, TOO_DEEP]


def too_deep(args: tuple[Any, ...]) -> bool:
    return any(arg is TOO_DEEP for arg in args)
