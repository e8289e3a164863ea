"""The public URLs of an event, built the same way by views and the CLI."""
from __future__ import annotations

from .models import Event


def event_links(base_url: str, event: Event) -> dict[str, str]:
    base = base_url.rstrip("/")
    return {
        "join_url": f"{base}/j/{event.join_code}",
        "projector_url": f"{base}/p/{event.id}",
        "facilitator_url": f"{base}/f/events/{event.id}",
    }
