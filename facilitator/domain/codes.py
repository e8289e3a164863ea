"""Identifiers: event ids and the join code people type or scan."""
from __future__ import annotations

import random

# No 0/O, 1/I/L: a join code is read off a projector and typed on a phone.
JOIN_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
ID_ALPHABET = "abcdefghijkmnopqrstuvwxyz23456789"


def new_join_code(rng: random.Random, length: int = 6) -> str:
    return "".join(rng.choice(JOIN_ALPHABET) for _ in range(length))


def new_event_id(rng: random.Random, length: int = 10) -> str:
    return "".join(rng.choice(ID_ALPHABET) for _ in range(length))


def normalise_join_code(raw: str) -> str:
    """Upper-case and strip spaces/dashes so 'abc-234' finds 'ABC234'."""
    return "".join(ch for ch in raw.upper() if ch.isalnum())
