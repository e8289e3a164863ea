"""The projector's note wall: copies stacked into one card, featured cards first.

Pure: notes in (oldest first, hidden ones already left out), cards out. The
stacking rule is duplicates.stack, the same one the themes and the report use.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Note
from .duplicates import stack_items

# A card shows at most this many characters, cut at a word: a 2,000-character
# note would otherwise fill the screen, and no card is ever clipped.
CARD_MAX_CHARS = 240
_LAST_SPACE = re.compile(r"\s+\S*$")


@dataclass(frozen=True)
class WallCard:
    """One card: the first note of a stack (its id and text), how many notes it holds."""
    id: str
    text: str
    count: int
    starred: bool
    latest: str          # created_at of the stack's newest note: a new copy brings it forward
    ids: tuple[str, ...]  # every note in the stack

    def payload(self) -> dict[str, object]:
        return {"id": self.id, "text": self.text, "count": self.count, "starred": self.starred,
                "latest": self.latest}


def shorten(text: str, limit: int = CARD_MAX_CHARS) -> str:
    """The text, or its first whole words up to ``limit`` characters and an ellipsis."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = _LAST_SPACE.sub("", text[:limit + 1]) or text[:limit]
    return cut.rstrip(" ,.;:–-") + " …"


def wall_cards(notes: list[Note]) -> list[WallCard]:
    """Featured cards first, then the rest; newest first within each."""
    cards = []
    for members in stack_items(notes, lambda n: n.text):
        first = members[0]
        cards.append(WallCard(first.id, shorten(first.text), len(members),
                              any(n.starred for n in members),
                              max(n.created_at for n in members), tuple(n.id for n in members)))
    cards.sort(key=lambda c: c.latest, reverse=True)
    return sorted(cards, key=lambda c: not c.starred)   # stable: newest first stays within
