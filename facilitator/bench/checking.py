"""The facilitator checks the marked placements: what "Sortera resten" reaches with her hand.

One draw: two hand-placed notes per true theme, "Sortera resten"; then she looks at
``check`` of the notes marked "kolla" (chosen at random among them, as the page shows
them in their themes, not in order of certainty), moves each wrong one to its true theme
(Övrigt for small talk and one-offs) and presses "Stämmer" on each right one: both count
as placed by hand. Then "Sortera resten" again, which learns from every note placed by
hand. The ARI after each round, the first without any checking (``rounds``, pure);
``CHECKED`` are the rows `facilitator bench themes --checked` adds, per labelled set.
"""
from __future__ import annotations

import random

from ..domain.clustering.scores import OTHER_THEMES, adjusted_rand_index, theme_of_each
from ..domain.clustering.sort import sort_rest
from .labelled_sets import DRAWS, labelled, locale_of, seeds_of

CHECK = 10      # marked notes looked at per round
ROUNDS = 3      # rounds of checking after the first sorting


def rounds(labels: list[str], notes: list[str], seeds: list[tuple[str, tuple[int, ...]]], *,
           vectors, params: dict, locale: str, draw: int, check: int = CHECK,
           rounds_: int = ROUNDS) -> list[float]:
    """The ARI after the first sorting and after each round of checking (1 + ``rounds_``)."""
    def truth(i: int) -> str:
        return "Övrigt" if labels[i] in OTHER_THEMES else labels[i]

    placed = {label: list(ids) for label, ids in seeds}
    rng = random.Random(draw)
    looked: set[int] = set()
    scores = []
    for step in range(rounds_ + 1):
        result = sort_rest(notes, [(k, tuple(v)) for k, v in placed.items()], vectors=vectors,
                           params=params, locale=locale)
        found = theme_of_each(result.themes, len(notes))
        scores.append(adjusted_rand_index(labels, found))
        if step == rounds_:
            break
        by_hand = {i for ids in placed.values() for i in ids}
        marked = [i for i in result.review if i not in by_hand and i not in looked]
        for i in rng.sample(marked, min(check, len(marked))):
            # Wrong: moved to its true theme; right (already there): "Stämmer". Either way
            # it is now placed by hand in its true theme.
            looked.add(i)
            placed.setdefault(truth(i), []).append(i)
    return scores


CHECKS: dict = {}       # (set, lexical, params) -> the ARI after each round of checking


def ari_checked(name: str, vectors, params: dict) -> list[float]:
    """The mean over DRAWS of the ARI after "sort the rest" and after each round of
    checking CHECK marked notes by hand (``rounds``); computed once per set."""
    key = (name, vectors is None, tuple(sorted(params.items())))
    if key not in CHECKS:
        labels, notes = labelled(name)
        runs = [rounds(labels, notes, seeds_of(labels, 2, draw), vectors=vectors,
                       params=params, locale=locale_of(name), draw=draw)
                for draw in range(DRAWS)]
        CHECKS[key] = [round(sum(r[k] for r in runs) / DRAWS, 3) for k in range(len(runs[0]))]
    return CHECKS[key]


CHECKED = [   # with --checked: "sort the rest, e5", then 10, 20, 30 marked notes checked by hand
    (f"sort the rest, e5, {CHECK * k} checked", False, {},
     lambda name, vectors, params, k=k: ari_checked(name, vectors, params)[k])
    for k in range(1, ROUNDS + 1)
]
