"""The public URLs of an event, built the same way by views and the CLI."""
from __future__ import annotations

from . import auth
from .models import Event


def event_links(base_url: str, event: Event, secret_key: str) -> dict[str, str]:
    """The projector link carries its signed key: only who has it sees the big screen."""
    base = base_url.rstrip("/")
    key = auth.projector_token(secret_key, event.id)
    return {
        "join_url": f"{base}/j/{event.join_code}",
        "projector_url": f"{base}/p/{event.id}?key={key}",
        "facilitator_url": f"{base}/f/events/{event.id}",
    }
