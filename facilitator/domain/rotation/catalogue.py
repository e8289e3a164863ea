"""Base rounds of repeat-free social golfer schedules, developed by cyclic.develop.

CATALOGUE[(table size k, tables g)] = (m, c, f, base rounds[, shifts]): the k*g people
are points (x, i) -> i*m + x with x in Z_m and i < c, then f fixed points; each base
round ("a b c|d e f|...": its tables) shifted by 0..m-1 gives m rounds in which
nobody meets anyone twice. With a fifth number s, only the shifts 0..s-1 are used:
the base round is mapped onto itself by +s (a 1-rotational design). The entries were
found by cyclic.find_base, labelled.find_labelled_base (the entries marked LRB) or by
an offline constraint search (docs/rotation.md says which, and where each design is
known from); CONSTRUCTED names the sizes built another way (labelled.py: 32 people
for 10 rounds). tests/test_rotation_golfer.py checks every one.
"""
from __future__ import annotations

from functools import lru_cache

from .cyclic import develop
from .labelled import planes_rounds

CATALOGUE: dict[tuple[int, int], tuple] = {
    (3, 5): (7, 2, 1, (  # 15 people, 7 rounds
        '14 13 4|12 10 0|11 7 3|9 8 2|6 5 1',
    )),
    (3, 6): (4, 4, 2, (  # 18 people, 8 rounds
        '17 10 4|16 14 2|15 9 8|13 6 5|12 11 1|7 3 0',
        '17 13 3|16 11 7|15 12 6|14 10 1|9 4 2|8 5 0',
    )),
    (3, 7): (5, 4, 1, (  # 21 people, 10 rounds
        '20 11 1|19 6 5|18 12 0|17 13 10|16 15 4|14 9 7|8 3 2',
        '20 17 6|19 7 4|18 16 13|15 5 1|14 3 0|12 11 8|10 9 2',
    )),
    (3, 8): (11, 2, 2, (  # 24 people, 11 rounds
        '23 19 2|22 12 10|21 17 5|20 15 1|18 8 3|16 14 13|11 4 0|9 7 6',
    )),
    (3, 9): (13, 2, 1, (  # 27 people, 13 rounds
        '26 23 7|25 3 0|24 18 5|22 13 8|21 16 1|20 10 9|19 11 2|17 15 14|12 6 4',
    )),
    (3, 10): (7, 4, 2, (  # 30 people, 14 rounds
        '29 15 3|28 18 11|27 22 12|26 16 6|25 20 0|24 21 8|23 14 9|19 10 1|17 13 7|5 4 2',
        '29 21 9|28 23 4|27 26 3|25 19 17|24 13 2|22 18 15|20 14 6|16 8 0|12 10 5|11 7 1',
    )),
    (3, 11): (32, 1, 1, (  # 33 people, 16 rounds: Z_32 + 1 fixed, +16 maps the round onto itself
        '32 0 16|1 19 9|2 5 11|4 6 31|7 24 28|10 29 30|17 3 25|18 21 27|20 22 15|23 8 12|26 13 14',
    ), 16),
    (3, 12): (17, 2, 2, (  # 36 people, 17 rounds
        '35 18 2|34 26 0|33 30 25|32 15 9|31 24 12|29 27 23|28 10 3|22 8 7|21 14 11|20 19'
        ' 16|17 6 4|13 5 1',
    )),
    (3, 13): (19, 2, 1, (  # 39 people, 19 rounds
        '38 34 12|37 21 20|36 25 1|35 28 18|33 3 2|32 26 22|31 11 5|30 16 9|29 24 6|27 14'
        ' 0|23 8 4|19 13 10|17 15 7',
    )),
    (4, 6): (7, 3, 3, (  # 24 people, 7 rounds
        '23 20 12 4|22 14 7 3|21 15 10 0|19 17 16 13|18 6 5 1|11 9 8 2',
    )),
    (4, 7): (9, 3, 1, (  # 28 people, 9 rounds
        '27 23 9 6|26 24 20 2|25 15 13 12|22 16 11 1|21 14 7 5|19 18 10 8|17 4 3 0',
    )),
    (4, 9): (11, 3, 3, (  # 36 people, 11 rounds: LRB(4, 3, 12), the copies x, x+11, x+22 never meet
        '33 13 4 32|34 24 15 10|35 2 26 21|0 1 27 31|11 12 5 9|22 23 16 20|3 6 18 8|14 17 29 19|'
        '25 28 7 30',
    )),
    (4, 10): (39, 1, 1, (  # 40 people, 13 rounds: Z_39 + 1 fixed, +13 maps the round onto itself
        '39 0 13 26|1 18 21 25|14 31 34 38|27 5 8 12|2 3 36 11|15 16 10 24|28 29 23 37|4 6 33 22|'
        '17 19 7 35|30 32 20 9',
    ), 13),
    (5, 6): (6, 5, 0, (  # 30 people, 6 rounds
        '29 23 16 7 0|28 26 21 17 12|27 19 18 10 6|25 24 11 5 3|22 20 14 2 1|15 13 9 8 4',
    )),
    (4, 12): (15, 3, 3, (  # 48 people, 15 rounds: LRB(4, 3, 16)
        '45 15 3 41|46 30 18 11|47 0 33 26|1 9 12 29|16 24 27 44|31 39 42 14|2 21 37 23|'
        '17 36 7 38|32 6 22 8|4 5 10 28|19 20 25 43|34 35 40 13',
    )),
}

# Sizes built by a construction rather than developed from base rounds.
CONSTRUCTED = {(4, 8): planes_rounds}     # 32 people, 10 rounds: two affine planes, labelled


def golfer_rounds(k: int, g: int, count: int) -> list[list[list[int]]] | None:
    """Up to `count` repeat-free rounds of g tables of k over points 0..k*g-1, or None."""
    if (k, g) not in CONSTRUCTED and (k, g) not in CATALOGUE:
        return None
    return [[list(table) for table in tables] for tables in _schedule(k, g)[:count]]


@lru_cache(maxsize=None)
def _schedule(k: int, g: int) -> list[list[list[int]]]:
    """All rounds of the stored schedule, numbered so that who never meets is consecutive
    (over all its rounds: fewer rounds are a prefix, whatever their count)."""
    if (k, g) in CONSTRUCTED:
        return never_met_together(CONSTRUCTED[k, g](), k * g)
    m, c, f, base, *shifts = CATALOGUE[k, g]
    rounds = [[[int(p) for p in table.split()] for table in text.split("|")] for text in base]
    return never_met_together(develop(rounds, m, c, f, *shifts), k * g)


def never_met_together(rounds: list[list[list[int]]], n: int) -> list[list[list[int]]]:
    """The same rounds with the points renumbered so that points that never meet come in
    runs of consecutive numbers (a run: a component of the never-met graph in
    breadth-first order). The planner seats colleagues on consecutive points, so in a
    schedule whose never-met pairs are groups (a resolvable group divisible design) a
    whole organisation of the group's size never shares a table."""
    met = [{p} for p in range(n)]
    for tables in rounds:
        for table in tables:
            for p in table:
                met[p].update(table)
    order: list[int] = []
    placed: set[int] = set()
    for start in range(n):
        if start not in placed:
            run = [start]
            placed.add(start)
            for p in run:                       # the run grows while it is read
                fresh = [q for q in range(n) if q not in placed and q not in met[p]]
                placed.update(fresh)
                run.extend(fresh)
            order.extend(run)
    number = {p: i for i, p in enumerate(order)}
    return [[[number[p] for p in table] for table in tables] for tables in rounds]
