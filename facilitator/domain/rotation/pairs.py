""""Rotera 2 och 2": each table splits into pairs (a trio where it is odd) that move together.

A unit is a pair, trio or single with the table it comes from. Each unit goes
to another table than its own; a table takes at most one unit from any one
table where that can be avoided; other repeat encounters and same-organisation
pairs are minimised. People who left are simply not in a unit; late joiners
fill the tables with the most room left. Indexes, not ids, as in rotation_search.
"""
from __future__ import annotations

import random

from .search import W_REPEAT, W_REVISIT, W_WISH, Room

PAIRS_WORK = 600_000     # unit-pair look-ups the descent of one round may spend
PAIRS_TRIES, PAIRS_SEATS = 10, 400   # placements to choose from: 10 for up to 40 people


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
                neighbours: list[set[int]], rng: random.Random,
                work: int = PAIRS_WORK) -> list[list[int]]:
    """The next round of tables (given sizes) from the previous one, pairs kept together.

    neighbours[p]: everyone p has met (the non-zero entries of room.M[p]).
    """
    here = set(present)
    best, best_cost = None, None
    for _ in range(max(1, min(PAIRS_TRIES, PAIRS_SEATS // max(1, len(present))))):
        units = split_units(previous, here, room.M, rng)
        moved = {q for _, members in units for q in members}
        joiners = [p for p in present if p not in moved]
        units, trios = fit_units(units, len(joiners), sizes, rng)
        state = _Tables(room, sizes, neighbours, trios)
        _place_all(state, units, joiners, rng)
        state.descend(rng, work)
        cost = sum(state.cost(u, t) for t, table in enumerate(state.tables) for u in table)
        if best_cost is None or cost < best_cost:
            best, best_cost = state, cost
    return [[p for _, members in table for p in members] for table in best.tables]


def fit_units(units: list[tuple[int, list[int]]], joiners: int, sizes: list[int],
              rng: random.Random) -> tuple[list[tuple[int, list[int]]], list[int]]:
    """The units cut as little as the table sizes allow, and how many trios each table takes.

    Pairs and trios go whole wherever some packing into the tables exists. Where
    none does (say, only tables of three are left and the units are pairs), the
    fewest people move alone: a trio gives up one member before a pair is split.
    """
    trios = [u for u in units if len(u[1]) == 3]
    pairs = [u for u in units if len(u[1]) == 2]
    for alone in range(len(trios) + 2 * len(pairs) + 1):
        for split_pairs in range(alone // 2 + 1):
            cut_trios = alone - 2 * split_pairs
            if cut_trios > len(trios) or split_pairs > len(pairs):
                continue
            layout = trio_layout(sizes, len(trios) - cut_trios)
            if layout is not None and _pair_room(sizes, layout) >= len(pairs) + cut_trios - split_pairs:
                return _cut(units, trios, pairs, cut_trios, split_pairs, rng), layout
    raise AssertionError("units always fit as singles")     # alone = everyone always fits


def trio_layout(sizes: list[int], trios: int) -> list[int] | None:
    """Trios per table leaving the most room for pairs (None if they do not fit).

    A table's leftover after its trios is even where it holds an odd number of
    trios if its size is odd (an even number if even); each table that cannot
    costs one seat a pair cannot use.
    """
    layout = [size % 2 if size >= 3 else 0 for size in sizes]
    count = sum(layout)
    for t in range(len(sizes)):                    # too many odd tables: some take none
        if count > trios and layout[t]:
            layout[t], count = 0, count - 1
    for step in (2, 1):                            # more trios: two at a time, then one
        for t, size in enumerate(sizes):
            while count + step <= trios and 3 * (layout[t] + step) <= size:
                layout[t], count = layout[t] + step, count + step
    return layout if count == trios else None


def _pair_room(sizes: list[int], layout: list[int]) -> int:
    return sum((size - 3 * b) // 2 for size, b in zip(sizes, layout))


def _cut(units, trios, pairs, cut_trios: int, split_pairs: int, rng: random.Random):
    cut = {id(u) for u in rng.sample(trios, cut_trios) + rng.sample(pairs, split_pairs)}
    result = []
    for unit in units:
        origin, members = unit
        if id(unit) not in cut:
            result.append(unit)
        elif len(members) == 3:
            result.extend([(origin, members[:2]), (origin, members[2:])])
        else:
            result.extend((origin, [p]) for p in members)
    return result


def _place_all(state: "_Tables", units, joiners: list[int], rng: random.Random) -> None:
    """Trios, then pairs, then singles, then late joiners (to the smallest tables)."""
    for size in (3, 2, 1):
        group = [u for u in units if len(u[1]) == size]
        rng.shuffle(group)
        for unit in group:
            if not state.place(unit, rng):
                for p in unit[1]:                  # never happens: fit_units made room
                    state.place((unit[0], [p]), rng)
    for person in joiners:
        state.place((-1, [person]), rng, smallest=True)


class _Tables:
    def __init__(self, room: Room, sizes: list[int], neighbours: list[set[int]],
                 trios: list[int] | None = None):
        self.room, self.sizes, self.neighbours = room, sizes, neighbours
        self.tables: list[list[tuple[int, list[int]]]] = [[] for _ in sizes]
        self.free = list(sizes)
        # Seats by unit size: trios where trio_layout put them, pairs in the room left.
        trios = trios if trios is not None else [0] * len(sizes)
        self.slots = {3: list(trios), 2: [(s - 3 * b) // 2 for s, b in zip(sizes, trios)]}
        # While placing: where people, organisations and origins sit, tables by free seats.
        self.where: dict[int, int] = {}
        self.org_tables: dict[int, list[int]] = {}
        self.origin_tables: dict[int, list[int]] = {}
        self.buckets: dict[int, list[int]] = {}
        for t, size in enumerate(sizes):
            self.buckets.setdefault(size, []).append(t)

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

    def fits(self, t: int, size: int) -> bool:
        return self.free[t] >= size and (size == 1 or self.slots[size][t] > 0)

    def place(self, unit, rng, smallest: bool = False) -> bool:
        """Seat the unit at the open table that costs least (False if none has room).

        Only tables holding someone the unit has met, its organisation, its origin or
        a wish are costed one by one; the others cost nothing and are found by free seats.
        """
        size = len(unit[1])

        def key(free: int, cost: int) -> tuple:
            return (-free, cost) if smallest else (cost, -free)
        touched = self._touched(unit)
        best, chosen = None, None
        for t in touched:
            if self.fits(t, size):
                candidate = key(self.free[t], self.cost(unit, t)) + (rng.random(),)
                if best is None or candidate < best:
                    best, chosen = candidate, t
        for free in sorted((f for f, b in self.buckets.items() if f >= size and b),
                           key=lambda f: key(f, 0)):
            untouched = self._untouched(self.buckets[free], touched, size, rng)
            if untouched is not None:
                candidate = key(free, 0) + (rng.random(),)
                if best is None or candidate < best:
                    best, chosen = candidate, untouched
                break
        if chosen is None:
            return False
        self._seat(unit, chosen)
        return True

    def _untouched(self, bucket: list[int], touched: set[int], size: int,
                   rng: random.Random) -> int | None:
        """A table of the bucket no one of the unit touches and with a seat of its size."""
        for _ in range(4):
            t = bucket[rng.randrange(len(bucket))]
            if t not in touched and self.fits(t, size):
                return t
        free = [t for t in bucket if t not in touched and self.fits(t, size)]
        return free[rng.randrange(len(free))] if free else None

    def _touched(self, unit) -> set[int]:
        origin, members = unit
        room, where = self.room, self.where
        touched = set(self.origin_tables.get(origin, ())) if origin >= 0 else set()
        if 0 <= origin < len(self.sizes):
            touched.add(origin)
        for p in members:
            touched.update(where[x] for x in self.neighbours[p] if x in where)
            touched.update(self.org_tables.get(room.org[p], ()))
            if room.wish:
                touched.update(t for x, t in where.items() if room.wish.get(p * room.n + x))
        return touched

    def _seat(self, unit, t: int) -> None:
        origin, members = unit
        self.tables[t].append(unit)
        self.buckets[self.free[t]].remove(t)
        self.free[t] -= len(members)
        self.buckets.setdefault(self.free[t], []).append(t)
        if len(members) > 1:
            self.slots[len(members)][t] -= 1
        if origin >= 0:
            self.origin_tables.setdefault(origin, []).append(t)
        for p in members:
            self.where[p] = t
            if self.room.org[p] >= 0:
                self.org_tables.setdefault(self.room.org[p], []).append(t)

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
