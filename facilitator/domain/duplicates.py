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
    return len(a & b) / len(a | b)


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
    first earlier stack whose first text is near-identical to it. Candidates
    come from prefix filtering (only stacks sharing one of a text's rarest
    trigrams can reach the similarity), so 2,000 different notes take well
    under a second instead of a quadratic scan.
    """
    keys = [normalise(text) for text in texts]
    grams = {key: _trigrams(key) for key in keys if len(key) >= NEAR_MIN_CHARS}
    rarity = _rarity(grams.values())
    by_key: dict[str, int] = {}
    groups: list[list[int]] = []
    heads: list[frozenset[str]] = []              # trigrams of each group's first text
    index: dict[str, list[int]] = {}              # prefix trigram -> groups
    for position, key in enumerate(keys):
        group = by_key.get(key)
        if group is None and key in grams:
            prefix = _prefix(grams[key], rarity)
            group = _near_group(grams[key], prefix, heads, index)
            if group is None:
                for gram in prefix:
                    index.setdefault(gram, []).append(len(groups))
        if group is None:
            group = len(groups)
            groups.append([])
            heads.append(grams.get(key, frozenset()))
        by_key.setdefault(key, group)
        groups[group].append(position)
    return [Stack(tuple(members)) for members in groups]


def _rarity(all_grams) -> dict[str, tuple[int, str]]:
    """A global order of trigrams, rarest first (ties by the trigram itself)."""
    frequency: dict[str, int] = {}
    for grams in set(all_grams):
        for gram in grams:
            frequency[gram] = frequency.get(gram, 0) + 1
    return {gram: (n, gram) for gram, n in frequency.items()}


def _prefix(grams: frozenset[str], rarity: dict[str, tuple[int, str]]) -> list[str]:
    """The rarest |A| - ceil(t|A|) + 1 trigrams: two sets with Jaccard >= t share one of them."""
    size = len(grams) - math.ceil(NEAR_SIMILARITY * len(grams) - 1e-9) + 1
    return sorted(grams, key=rarity.__getitem__)[:size]


def _near_group(grams: frozenset[str], prefix: list[str], heads: list[frozenset[str]],
                index: dict[str, list[int]]) -> int | None:
    """The first earlier group whose first text is near-identical, if any."""
    low, high = NEAR_SIMILARITY * len(grams), len(grams) / NEAR_SIMILARITY
    candidates = sorted({g for gram in prefix for g in index.get(gram, ())
                         if low <= len(heads[g]) <= high})     # Jaccard >= t needs similar sizes
    return next((g for g in candidates if _similar(grams, heads[g]) >= NEAR_SIMILARITY), None)


def counts(texts: list[str]) -> list[int]:
    """For each text, how many notes its stack holds (1 for a note with no copies)."""
    result = [1] * len(texts)
    for group in stack(texts):
        for index in group.members:
            result[index] = group.count
    return result
