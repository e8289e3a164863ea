"""What a control page sends: the timer, the box, moderation and the projector's view.
Every handler is for a facilitator of the event only (guards.facilitator_only)."""
from __future__ import annotations

from typing import Any

from .. import protocol
from ..clock import now_ms
from ..db import get_db
from ..usecases import notes, timing
from .guards import facilitator_only, field


class ControlEvents:
    """The control page's handlers (a part of sockets.Handlers: uses its screens)."""

    @facilitator_only
    def on_timer_command(self, event_id: str, data: Any) -> dict[str, Any]:
        """A facilitator drives the timer; every screen gets timer_state."""
        data = data if isinstance(data, dict) else {}
        step_before = timing.timer_state(get_db(), event_id).step_id
        after = timing.timer_command(get_db(), event_id, str(data.get("action")), now_ms(),
                                     step_id=data.get("step_id"), on=data.get("on"))
        self.screens.timer(event_id, entered_step=after.step_id != step_before)
        return protocol.ok()

    @facilitator_only
    def on_note_moderate(self, event_id: str, data: Any) -> dict[str, Any]:
        """A facilitator hides/restores or stars a note; control pages and projector update."""
        note = notes.moderate(get_db(), event_id, data)
        return protocol.ok(note=self.screens.note_updated(note))

    @facilitator_only
    def on_box_set(self, event_id: str, data: Any) -> dict[str, Any]:
        """A facilitator opens or closes the box; every screen gets box_state."""
        notes.set_box(get_db(), event_id, field(data, "open"))
        self.screens.box(event_id)
        return protocol.ok()

    @facilitator_only
    def on_table_numbers(self, event_id: str, data: Any) -> dict[str, Any]:
        """A facilitator lets phones add an optional table number to their notes."""
        notes.set_table_numbers(get_db(), event_id, field(data, "on"))
        self.screens.box(event_id)
        self.screens.tables(event_id)
        return protocol.ok()

    @facilitator_only
    def on_scope_set(self, event_id: str, data: Any) -> dict[str, Any]:
        """A facilitator lets phones say whether a note is for the shared or the own work."""
        notes.set_ask_scope(get_db(), event_id, field(data, "on"))
        self.screens.box(event_id)
        return protocol.ok()

    @facilitator_only
    def on_projector_view(self, event_id: str, data: Any) -> dict[str, Any]:
        """A facilitator switches the projector between timer, note wall and word cloud."""
        notes.set_projector_view(get_db(), event_id, field(data, "view"))
        self.screens.projector_view(event_id)
        return protocol.ok()
