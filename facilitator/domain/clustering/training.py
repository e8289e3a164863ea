"""Self-training from a few notes per theme: what "Sortera resten" and "Find themes" share.

Each theme starts from a few notes (the facilitator's hand-placed ones, or a new
cluster's most central ones). Round one scores every other note by its mean
similarity to them; each later round, a theme pulls by those notes plus the most
certain half of the notes the round before gave it, so its centre moves into its
own notes while the uncertain half does not drag it. A note joins its best theme
when it is more like it than not (a centred similarity above ``sort_join``); a
note that speaks of logistics or pleasantries must be really close (``join``).
Measured in docs/themes-history.md. Pure and deterministic.
"""
from __future__ import annotations

import math

import numpy as np

from .labels import quotes as central
from .tree import cluster

TRAIN_PARAMS = {
    "seed_w_embed": 2.0,     # the sentence vectors' weight when sorting by a theme's notes
    "sort_join": 0.03,       # a note joins a theme this like its notes (else: a new theme, or back)
    "rounds": 3,             # later rounds also look at the notes the round before placed
    "confident": 0.5,        # ... the most certain half of them
    "hand_weight": 0.1,      # ... the starting notes' own share in a theme's pull then
    "back_join": 0.0,        # a note no new theme took goes back to its best theme above this
}


def place(candidates: list[int], hands: list[list[int]], sim: np.ndarray,
          chatter: list[bool], p: dict):
    """(notes each group gains, {note: lead over the runner-up}, notes close to none,
    {note close to none: (its best group, the score)} for ``take_back``)."""
    if not hands or not candidates:
        return [[] for _ in hands], {}, list(candidates), {}
    rows = sim[candidates]                     # one copy; each round is one product
    by_hand = rows @ _weights(hands, sim.shape[1])
    score = by_hand
    for _ in range(max(0, int(p["rounds"]) - 1)):
        pulls = [hand + _confident(candidates, score, g, p["confident"])
                 for g, hand in enumerate(hands)]
        score = p["hand_weight"] * by_hand + (1 - p["hand_weight"]) * (
            rows @ _weights(pulls, sim.shape[1]))
    needs = [p["join"] if talk else p["sort_join"] for talk in chatter]
    return _decide(candidates, np.round(score, 6), len(hands), needs, chatter)


def _weights(groups: list[list[int]], n: int) -> np.ndarray:
    """(n, groups) with 1/len(group) on each group's notes: ``rows @ it`` is the mean."""
    weights = np.zeros((n, len(groups)))
    for g, members in enumerate(groups):
        for i in members:
            weights[i, g] += 1.0 / len(members)
    return weights


def _confident(candidates: list[int], score: np.ndarray, group: int, share: float) -> list[int]:
    """The notes the last round gave to ``group``, the most certain ``share`` of them
    (at least one)."""
    rows = np.flatnonzero(score.argmax(axis=1) == group)
    if not len(rows):
        return []
    keep = max(1, int(len(rows) * share))
    order = sorted(rows, key=lambda r: (-round(float(score[r, group]), 6), r))[:keep]
    return [candidates[r] for r in order]


def _decide(candidates: list[int], score: np.ndarray, groups: int, needs: list[float],
            chatter: list[bool]):
    joined: list[list[int]] = [[] for _ in range(groups)]
    certainty: dict[int, float] = {}
    rest, nearest = [], {}
    for row, (i, threshold) in enumerate(zip(candidates, needs)):
        order = np.argsort(-score[row], kind="stable")
        best = float(score[row, order[0]])
        if best < threshold:
            rest.append(i)
            if not chatter[row]:
                nearest[i] = (int(order[0]), best)
            continue
        runner_up = float(score[row, order[1]]) if groups > 1 else threshold
        joined[int(order[0])].append(i)
        certainty[i] = best - runner_up
    return joined, certainty, rest, nearest


def take_back(left: list[int], nearest: dict, joined: list[list[int]], certainty: dict,
              floor: float) -> list[int]:
    """Notes close to no theme that no new theme took either go back to their best theme
    when they are more like it than ``floor`` (marked least certain); returns the others
    (for Övrigt). With a theme for every topic nothing is lost to Övrigt; with themes for
    only some topics the others have formed new themes first."""
    others = []
    for i in left:
        group, score = nearest.get(i, (None, floor - 1))
        if score < floor:
            others.append(i)
            continue
        joined[group].append(i)
        certainty[i] = -1.0 + score          # below every real lead: reviewed first
    return others


def review(certainty: dict[int, float], share: float) -> tuple[int, ...]:
    """The least certain placements, least certain first (ties by note order)."""
    count = math.ceil(len(certainty) * share) if certainty else 0
    order = sorted(certainty, key=lambda i: (round(certainty[i], 6), i))
    return tuple(order[:count])


def settle(clusters: list[tuple[list[int], str]], rest: list[int], sim: np.ndarray,
           graph: np.ndarray, movable, chatter, named, p: dict, n: int, new: bool = True):
    """New clusters re-sorted from their cores: each keeps its 3 most central notes and
    the other notes (its own, the other clusters', the movable left-overs) are sorted to
    them by self-training; notes close to none form new clusters (with ``new``) or stay
    left over (``named(members)``: the label a new cluster would get, "" for none).

    Returns (clusters with their labels, notes left over)."""
    if not clusters:
        return clusters, rest
    cores = [list(central(sorted(m), sim)) for m, _ in clusters]
    in_core = {i for c in cores for i in c}
    candidates = sorted({i for m, _ in clusters for i in m} | {i for i in rest if movable(i)}
                        - in_core)
    joined, _, left, nearest = place(candidates, cores, sim, [chatter(i) for i in candidates], p)
    more = [(c, "") for c in cluster(left, graph, None, p, n) if named(c)] if new else []
    in_more = {i for c, _ in more for i in c}
    take_back([i for i in left if i not in in_more], nearest, joined, {}, p["back_join"])
    settled = [(sorted(c + j), label) for c, j, (_, label) in zip(cores, joined, clusters)]
    grouped = {i for c, _ in settled + more for i in c}
    return settled + more, [i for i in sorted(set(rest) | set(left)) if i not in grouped]
