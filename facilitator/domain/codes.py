"""Identifiers: event ids and the join code people type or scan."""
from __future__ import annotations

import random

# No 0/O, 1/I/L: a join code is read off a projector and typed on a phone.
JOIN_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
ID_ALPHABET = "abcdefghijkmnopqrstuvwxyz23456789"


# 31^8 = 8.5e11 codes: with the limit on wrong codes (limits.py) guessing one of the
# events alive at a time stays hopeless for an event's whole retention period. Codes made
# with 6 characters before keep working.
JOIN_CODE_LENGTH = 8


def new_join_code(rng: random.Random, length: int = JOIN_CODE_LENGTH) -> str:
    return "".join(rng.choice(JOIN_ALPHABET) for _ in range(length))


def new_event_id(rng: random.Random, length: int = 10) -> str:
    return "".join(rng.choice(ID_ALPHABET) for _ in range(length))


def normalise_join_code(raw: str) -> str:
    """Upper-case and strip spaces/dashes so 'abc-234' finds 'ABC234'."""
    return "".join(ch for ch in raw.upper() if ch.isalnum())
