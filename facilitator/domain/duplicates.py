"""Stacking identical and near-identical notes ("×6").

A room often sends the same note several times (six phones at one table, a
resend typed again by hand). Screens show one card with a count, the themes
count every copy, and the report quotes the text once with its count.

Two notes stack when their normalised texts are equal (case, punctuation,
spacing and emoji ignored) or when they are near-identical: the same words
but one or two typos or a different word order. Short notes stack only when
equal, so "Ja" and "Nej" never merge. Pure: text in, groups out.
"""
from __future__ import annotations

import math
import re
from collections import Counter
import unicodedata
from dataclasses import dataclass

# Below this many characters (normalised) only exact copies stack.
NEAR_MIN_CHARS = 12
# Character-trigram Jaccard similarity from which two longer notes are copies.
NEAR_SIMILARITY = 0.8
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)


def normalise(text: str) -> str:
    """Lower case, accents kept (å/ä/ö are letters), punctuation and spacing folded."""
    folded = unicodedata.normalize("NFC", text).casefold()
    return _NON_WORD.sub(" ", folded).strip()


def _trigrams(key: str) -> frozenset[str]:
    padded = f"  {key} "
    return frozenset(padded[i:i + 3] for i in range(len(padded) - 2))


def _similar(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)


@dataclass(frozen=True)
class Stack:
    """Indexes (into the list given to stack()) of notes that are one note; first is the oldest."""

    members: tuple[int, ...]

    @property
    def first(self) -> int:
        return self.members[0]

    @property
    def count(self) -> int:
        return len(self.members)


def stack(texts: list[str]) -> list[Stack]:
    """Group texts into stacks, in the order each stack's first text appears.

    Exact copies (after normalise) always stack. A longer text also joins the
    first earlier stack whose first text is near-identical to it. Only stacks
    that share a trigram with the text's prefix are compared (a prefix filter:
    two sets this similar always share one there), so a few thousand distinct
    notes take milliseconds, not seconds; the result is the same as comparing
    with every earlier stack.
    """
    keys = [normalise(text) for text in texts]
    grams_of = {key: _trigrams(key) for key in keys if len(key) >= NEAR_MIN_CHARS}
    rarity = Counter(gram for grams in grams_of.values() for gram in grams)
    by_key: dict[str, int] = {}
    groups: list[list[int]] = []
    heads: list[frozenset[str]] = []       # per near-matchable group: its first text's trigrams
    head_group: list[int] = []
    index: dict[str, list[int]] = {}       # trigram -> heads whose prefix holds it
    for position, key in enumerate(keys):
        group = by_key.get(key)
        if group is None and key in grams_of:
            grams = grams_of[key]
            prefix = _prefix(grams, rarity)
            group = _near(grams, prefix, heads, head_group, index)
            if group is None:
                for gram in prefix:
                    index.setdefault(gram, []).append(len(heads))
                heads.append(grams)
                head_group.append(len(groups))
        if group is None:
            group = len(groups)
            groups.append([])
        by_key.setdefault(key, group)
        groups[group].append(position)
    return [Stack(tuple(members)) for members in groups]


def _prefix(grams: frozenset[str], rarity: Counter[str]) -> list[str]:
    """The first |a| - ceil(t|a|) + 1 trigrams, rarest first (one fixed order per call)."""
    keep = len(grams) - math.ceil(NEAR_SIMILARITY * len(grams) - 1e-9) + 1
    return sorted(grams, key=lambda gram: (rarity[gram], gram))[:keep]


def _near(grams: frozenset[str], prefix: list[str], heads: list[frozenset[str]],
          head_group: list[int], index: dict[str, list[int]]) -> int | None:
    """The group of the earliest head near-identical to ``grams``, or None."""
    size = len(grams)
    low, high = NEAR_SIMILARITY * size - 1e-9, size / NEAR_SIMILARITY + 1e-9
    candidates = sorted({h for gram in prefix for h in index.get(gram, ())
                         if low <= len(heads[h]) <= high})  # Jaccard <= smaller/larger
    return next((head_group[h] for h in candidates
                 if _similar(grams, heads[h]) >= NEAR_SIMILARITY), None)


def counts(texts: list[str]) -> list[int]:
    """For each text, how many notes its stack holds (1 for a note with no copies)."""
    result = [1] * len(texts)
    for group in stack(texts):
        for index in group.members:
            result[index] = group.count
    return result
