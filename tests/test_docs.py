"""Every Socket.IO event in protocol.py is documented in docs/events.md."""
from pathlib import Path

from facilitator import protocol

DOC = Path(__file__).resolve().parent.parent / "docs" / "events.md"


def test_every_event_is_documented():
    text = DOC.read_text(encoding="utf-8")
    for name in (*protocol.CLIENT_EVENTS, *protocol.SERVER_EVENTS):
        assert f"### `{name}`" in text, name
