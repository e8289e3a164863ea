"""Realistic Swedish demo notes, so the wall, the cloud and the report can be tried at size."""
from __future__ import annotations

import random
from typing import Any


def demo_notes(data: dict[str, Any], count: int, seed: int = 2026) -> list[tuple[str, str]]:
    """``count`` (theme, text) pairs, deterministic for a seed; about one in twelve off-topic."""
    rng = random.Random(seed)
    themes = sorted(data["themes"])
    notes = []
    for _ in range(count):
        if rng.random() < 1 / 12:
            notes.append(("övrigt", rng.choice(data["off_topic"])))
            continue
        theme = rng.choice(themes)
        sentence = rng.choice(data["themes"][theme])
        for key, options in data["fillers"].items():
            sentence = sentence.replace("{" + key + "}", rng.choice(options))
        sentence = sentence[0].upper() + sentence[1:]
        notes.append((theme, sentence + rng.choice(data["endings"])))
    return notes
