""""Sort the rest": the facilitator's own themes, with a few notes each, take the other notes.

The facilitator names a few themes and places one to three notes in each by hand;
every other note goes to the theme whose hand-placed notes it is most like, when
it is close enough. Notes close to none are clustered among themselves into new
suggested themes, or go to Övrigt (small talk always does). Hand-placed Övrigt
notes teach it too: notes like them go to Övrigt. The least certain placements
(the smallest lead of the best theme over the next) are marked for review.

Three rounds (self-training): first by the hand-placed notes alone, then each
theme pulls by its hand-placed notes plus the most certain half of the notes the
round before gave it (a theme's centre moves into its own notes; the uncertain
half does not drag it). A note joins its best theme when it is more like it than
not (centred similarity above 0). Sentence vectors weigh double here: the facilitator's notes say what a theme means, words
alone do not. Pure and deterministic.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .cluster import OTHER_LABEL, PARAMS, Prepared, Theme, assemble, kept_themes, prepare
from .tree import cluster

SORT_PARAMS = {
    "seed_w_embed": 2.0,     # the sentence vectors' weight when sorting by the facilitator's notes
    "sort_join": 0.0,        # a note joins a theme more like its notes than not (else: new or Övrigt)
    "rounds": 3,             # later rounds also look at the notes the round before placed
    "confident": 0.5,        # ... the most certain half of them (self-training)
    "hand_weight": 0.1,      # ... the hand-placed notes' own share in a theme's pull then
    "review_share": 0.15,    # this share of the placed notes, the least certain, is marked
}


@dataclass(frozen=True)
class Sorted:
    themes: list[Theme]            # the facilitator's themes (labels kept), suggested ones, Övrigt
    review: tuple[int, ...] = ()   # notes placed with the least certainty, least certain first


def sort_rest(texts: list[str], placed: list[tuple[str, tuple[int, ...]]], *,
              lang: str = "auto", vectors: list | None = None, locale: str = "sv",
              params: dict | None = None) -> Sorted:
    """Every note not in ``placed`` (label, hand-placed note indices) goes to a theme.

    A placed theme named Övrigt/Other holds notes the facilitator calls small talk.
    Bad indices are dropped; a label given twice keeps its first notes.
    """
    p = {**PARAMS, **SORT_PARAMS, **(params or {})}
    texts = [t if isinstance(t, str) else "" for t in texts]
    if not texts:
        return Sorted([])
    other_label = OTHER_LABEL.get(locale, OTHER_LABEL["en"])
    kept, taken, hand_other = kept_themes(placed, len(texts), other_label)
    kept = [(label, members) for label, members in kept if members]
    prep = prepare(texts, lang=lang, vectors=vectors, p=p, w_embed=p["seed_w_embed"],
                   label_lang=locale if locale in OTHER_LABEL else "en")
    copies = {c for cs in prep.copies.values() for c in cs}
    free = [i for i in range(len(texts)) if i not in taken and i not in copies]
    talk = [i for i in free if not prep.notes[i].off_topic]
    hands = [m for _, m in kept] + ([hand_other] if hand_other else [])
    joined, certainty, rest = _place(talk, hands, prep, p)
    small_talk = [i for i in free if prep.notes[i].off_topic]
    if hand_other:
        rest += joined.pop()          # notes like the hand-placed Övrigt ones
    new = [(c, "") for c in cluster(rest, prep.graph, None, p, len(texts))]
    left = [i for i in rest if i not in {j for c, _ in new for j in c}]
    groups = [(label, members + j) for (label, members), j in zip(kept, joined)]
    themes = assemble(prep, groups, new, left + small_talk + hand_other, other_label)
    return Sorted(themes, _review(certainty, p["review_share"]))


def _place(candidates: list[int], hands: list[list[int]], prep: Prepared, p: dict):
    """(notes each group gains, {note: lead over the runner-up}, notes close to none)."""
    if not hands or not candidates:
        return [[] for _ in hands], {}, list(candidates)
    sim = prep.sim
    by_hand = np.stack([sim[np.ix_(candidates, h)].mean(axis=1) for h in hands], axis=1)
    score = by_hand
    for _ in range(max(0, int(p["rounds"]) - 1)):
        pulls = [sim[np.ix_(candidates, hand + _confident(candidates, score, g, p["confident"]))]
                 .mean(axis=1) for g, hand in enumerate(hands)]
        score = p["hand_weight"] * by_hand + (1 - p["hand_weight"]) * np.stack(pulls, axis=1)
    # A note that speaks of logistics ("tack för en bra dag") must be really close.
    needs = [p["join"] if prep.notes[i].chatter else p["sort_join"] for i in candidates]
    return _decide(candidates, np.round(score, 6), len(hands), needs)


def _confident(candidates: list[int], score: np.ndarray, group: int, share: float) -> list[int]:
    """The notes the last round gave to ``group``, the most certain ``share`` of them
    (at least one): they move the theme's centre into its own notes."""
    rows = np.flatnonzero(score.argmax(axis=1) == group)
    if not len(rows):
        return []
    keep = max(1, int(len(rows) * share))
    order = sorted(rows, key=lambda r: (-round(float(score[r, group]), 6), r))[:keep]
    return [candidates[r] for r in order]


def _decide(candidates: list[int], score: np.ndarray, groups: int, needs: list[float]):
    joined: list[list[int]] = [[] for _ in range(groups)]
    certainty: dict[int, float] = {}
    rest = []
    for row, (i, threshold) in enumerate(zip(candidates, needs)):
        order = np.argsort(-score[row], kind="stable")
        best = float(score[row, order[0]])
        if best < threshold:
            rest.append(i)
            continue
        runner_up = float(score[row, order[1]]) if groups > 1 else threshold
        joined[int(order[0])].append(i)
        certainty[i] = best - runner_up
    return joined, certainty, rest


def _review(certainty: dict[int, float], share: float) -> tuple[int, ...]:
    """The least certain placements, least certain first (ties by note order)."""
    count = math.ceil(len(certainty) * share) if certainty else 0
    order = sorted(certainty, key=lambda i: (round(certainty[i], 6), i))
    return tuple(order[:count])
