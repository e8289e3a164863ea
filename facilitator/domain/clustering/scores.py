"""How close found themes are to labelled ones: the adjusted Rand index, and the labelled sets' format."""
from __future__ import annotations

from collections import Counter
from math import comb


def adjusted_rand_index(truth: list, found: list) -> float:
    """ARI of two labelings of the same items (1 = identical, ~0 = chance)."""
    if len(truth) != len(found):
        raise ValueError("labelings differ in length")
    n = len(truth)
    if n < 2:
        return 1.0
    pairs = sum(comb(c, 2) for c in Counter(zip(truth, found)).values())
    rows = sum(comb(c, 2) for c in Counter(truth).values())
    cols = sum(comb(c, 2) for c in Counter(found).values())
    expected = rows * cols / comb(n, 2)
    top = (rows + cols) / 2
    if top == expected:
        return 1.0
    return (pairs - expected) / (top - expected)


def read_labelled(text: str) -> tuple[list[str], list[str]]:
    """(labels, notes) of a `label<TAB>note` file; lines starting with # are comments."""
    labels, notes = [], []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        label, _, note = line.partition("\t")
        labels.append(label.strip())
        notes.append(note.strip())
    return labels, notes


def theme_of_each(themes, n: int) -> list[str]:
    """Each note's theme label (themes as returned by find_themes)."""
    found = [""] * n
    for theme in themes:
        for i in theme.notes:
            found[i] = theme.label
    return found
