""""Rotera 2 och 2": each table splits into pairs (a trio where it is odd) that move together.

A unit is a pair, trio or single with the table it comes from. Each unit goes
to another table than its own; a table takes at most one unit from any one
table where that can be avoided; other repeat encounters and same-organisation
pairs are minimised. People who left are simply not in a unit; late joiners
fill the tables with the most room left. Indexes, not ids, as in rotation_search.
"""
from __future__ import annotations

import random

from .rotation_search import W_ORG, W_REPEAT, W_REVISIT, W_WISH, Room

PAIRS_WORK = 600_000     # unit-pair look-ups the descent of one round may spend


def split_units(previous: list[list[int]], here: set[int], M: list[bytearray],
                rng: random.Random) -> list[tuple[int, list[int]]]:
    """(origin table, members) for the people present now: pairs, a trio if odd, a lone single.

    Each takes as partner the one at the table they have met least (a new partner each round).
    """
    units = []
    for origin, table in enumerate(previous):
        members = [p for p in table if p in here]
        rng.shuffle(members)
        while members:
            if len(members) <= 3:
                units.append((origin, members))
                break
            first = members.pop(0)
            partner = min(members, key=lambda p: M[first][p])
            members.remove(partner)
            units.append((origin, [first, partner]))
    return units


def pairs_round(room: Room, previous: list[list[int]], present: list[int], sizes: list[int],
                rng: random.Random, work: int = PAIRS_WORK) -> list[list[int]]:
    """The next round of tables (given sizes) from the previous one, pairs kept together."""
    here = set(present)
    units = split_units(previous, here, room.M, rng)
    moved = {p for _, members in units for p in members}
    joiners = [p for p in present if p not in moved]
    state = _Tables(room, sizes)
    singles: list[tuple[int, list[int]]] = []
    for size in (3, 2):
        group = [u for u in units if len(u[1]) == size]
        rng.shuffle(group)
        for unit in group:
            if not state.place(unit, rng, parity=True):
                singles.extend((unit[0], [p]) for p in unit[1])
    singles += [u for u in units if len(u[1]) == 1]
    rng.shuffle(singles)
    for unit in singles:
        state.place(unit, rng)
    for person in joiners:                       # late joiners: the smallest tables
        state.place((-1, [person]), rng, smallest=True)
    state.descend(rng, work)
    return [[p for _, members in table for p in members] for table in state.tables]


class _Tables:
    def __init__(self, room: Room, sizes: list[int]):
        self.room, self.sizes = room, sizes
        self.tables: list[list[tuple[int, list[int]]]] = [[] for _ in sizes]
        self.free = list(sizes)

    def cost(self, unit, t: int, skip=None) -> int:
        """What the unit adds at table t, leaving out the unit `skip` sitting there."""
        origin, members = unit
        room, M = self.room, self.room.M
        total = W_WISH if origin == t else 0
        for other in self.tables[t]:
            if other is skip or other is unit:
                continue
            if origin >= 0 and other[0] == origin:
                total += W_REVISIT
            for a in members:
                Ma = M[a]
                for b in other[1]:
                    total += (W_REPEAT if Ma[b] else 0) + room.weight(a, b)
        return total

    def place(self, unit, rng, parity: bool = False, smallest: bool = False) -> bool:
        size, best, chosen = len(unit[1]), None, None
        for t, free in enumerate(self.free):
            if free < size:
                continue
            cost = self.cost(unit, t)
            # a trio belongs where it leaves an even room, a pair where it leaves not one seat
            odd = parity and ((free - size) % 2 == 1 if size == 3 else free - size == 1)
            key = (-free, cost) if smallest else (odd, cost, -free)
            key += (rng.random(),)
            if best is None or key < best:
                best, chosen = key, t
        if chosen is None:
            return False
        self.tables[chosen].append(unit)
        self.free[chosen] -= size
        return True

    def descend(self, rng: random.Random, work: int) -> None:
        """Swap equally big units of two tables while that lowers the cost."""
        at = {id(u): t for t, table in enumerate(self.tables) for u in table}
        units = [u for table in self.tables for u in table]
        spent, improved = 0, True
        while improved and spent < work:
            improved = False
            rng.shuffle(units)
            for u in units:
                t1 = at[id(u)]
                base_u = self.cost(u, t1)
                if base_u == 0:
                    continue
                best, target = 0, None
                for t2, table in enumerate(self.tables):
                    if t2 == t1:
                        continue
                    spent += 4 * len(u[1]) * (self.sizes[t1] + self.sizes[t2]) * len(table)
                    for v in table:
                        if len(v[1]) != len(u[1]):
                            continue
                        d = (self.cost(u, t2, skip=v) - base_u
                             + self.cost(v, t1, skip=u) - self.cost(v, t2))
                        if d < best:
                            best, target = d, (t2, v)
                if target is not None:
                    t2, v = target
                    self.tables[t1][self.tables[t1].index(u)] = v
                    self.tables[t2][self.tables[t2].index(v)] = u
                    at[id(u)], at[id(v)] = t2, t1
                    improved = True
                if spent >= work:
                    return
