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
from typing import Sequence, TypeVar

T = TypeVar("T")

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
    first earlier stack whose first text is near-identical to it. Only heads that
    can reach the similarity are compared: of a similar size, and sharing one of
    the text's rarest trigrams (prefix filtering; same result as
    comparing with every head, 2,000 notes in well under a second).
    """
    by_key: dict[str, int] = {}
    groups: list[list[int]] = []
    keys = [normalise(text) for text in texts]
    heads = _Heads(keys)
    for index, key in enumerate(keys):
        group = by_key.get(key)
        if group is None and len(key) >= NEAR_MIN_CHARS:
            grams = _trigrams(key)
            group = heads.first_similar(grams)
            if group is None:
                heads.add(len(groups), grams)
        if group is None:
            group = len(groups)
            groups.append([])
        by_key.setdefault(key, group)
        groups[group].append(index)
    return [Stack(tuple(members)) for members in groups]


class _Heads:
    """The first texts of the longer stacks, indexed by the trigrams that start them.

    Two sets with Jaccard similarity >= s share at least one of each set's first
    len - ceil(s * len) + 1 members in any one fixed order; the order is rarest
    first (over all the texts), so the lists to look through stay short.
    """

    def __init__(self, keys: list[str]) -> None:
        self.grams: dict[int, frozenset[str]] = {}
        self.index: dict[str, list[int]] = {}
        self.often: Counter = Counter()
        for key in dict.fromkeys(keys):
            if len(key) >= NEAR_MIN_CHARS:
                self.often.update(_trigrams(key))

    def _prefix(self, grams: frozenset[str]) -> list[str]:
        size = len(grams)
        ordered = sorted(grams, key=lambda g: (self.often[g], g))
        return ordered[:size - math.ceil(NEAR_SIMILARITY * size - 1e-9) + 1]

    def first_similar(self, grams: frozenset[str]) -> int | None:
        candidates = {g for gram in self._prefix(grams) for g in self.index.get(gram, ())}
        return next((g for g in sorted(candidates)
                     if _similar(grams, self.grams[g]) >= NEAR_SIMILARITY), None)

    def add(self, group: int, grams: frozenset[str]) -> None:
        self.grams[group] = grams
        for gram in self._prefix(grams):
            self.index.setdefault(gram, []).append(group)


def counts(texts: list[str]) -> list[int]:
    """For each text, how many notes its stack holds (1 for a note with no copies)."""
    result = [1] * len(texts)
    for group in stack(texts):
        for index in group.members:
            result[index] = group.count
    return result


def stack_items(items: Sequence[T], text_of) -> list[tuple[T, ...]]:
    """``items`` (notes, or anything with a text) grouped by stack(): each group in the
    order given, the groups in the order their first item appears. The note wall, the
    control page's copies and the themes page all stack through this."""
    return [tuple(items[i] for i in group.members) for group in stack([text_of(x) for x in items])]
