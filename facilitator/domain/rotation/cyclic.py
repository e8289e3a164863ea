"""Repeat-free rounds developed from base rounds under a cyclic group (social golfer designs).

The people are m*c + f points: (x, i) with x in Z_m ("orbit" i of c) and f fixed
points. A base round is a partition of all points into tables of k; adding t to
every x (fixed points stay) gives round t, so b base rounds give b*m rounds. Two
points meet in exactly as many rounds as their *pair orbit* is covered by the base
tables: (i, j, y - x) for points of two orbits, (i, ±d) for one orbit, (fixed,
orbit) for a fixed point. So the rounds are repeat-free exactly when no base table
pair repeats an orbit, a pair at distance m/2 in one orbit never sits together
(its orbit is half as long and would be covered twice), and fixed points never
meet. This is the method of differences of design theory (1-rotational and
cyclic resolvable designs); `find_base` searches for base rounds with it and
CATALOGUE (catalogue.py) stores the ones it found, so that planning
never searches.
"""
from __future__ import annotations

import random
from itertools import combinations

Rounds = list[list[list[int]]]


def pair_orbits(m: int, c: int, f: int) -> list[list[int]]:
    """orbit[p][q]: the pair orbit of points p and q as a number, -1 where they must never meet."""
    n = m * c + f
    key: dict[tuple, int] = {}
    orbit = [[-1] * n for _ in range(n)]
    for p, q in combinations(range(n), 2):
        name = _orbit_name(p, q, m, c)
        if name is not None:
            orbit[p][q] = orbit[q][p] = key.setdefault(name, len(key))
    return orbit


def _orbit_name(p: int, q: int, m: int, c: int) -> tuple | None:
    finite = m * c
    if p >= finite and q >= finite:
        return None                                    # two fixed points: every round
    if q >= finite:
        return ("fixed", q - finite, p // m)
    (i, x), (j, y) = divmod(p, m), divmod(q, m)
    if i == j:
        d = (y - x) % m
        d = min(d, m - d)
        return None if 2 * d == m else ("pure", i, d)
    return ("mixed", i, j, (y - x) % m)


def develop(base: Rounds, m: int, c: int, f: int, shifts: int | None = None) -> Rounds:
    """All b*shifts rounds: each base round shifted by t = 0..shifts-1 (all m shifts unless
    told), tables in base order. A base round that shifting by s = shifts maps onto itself
    (a 1-rotational design: fixed points stay, the tables are swapped) gives only `shifts`
    distinct rounds, and then every pair orbit, the half-length one too, is covered once."""
    finite = m * c

    def shift(p: int, t: int) -> int:
        return p if p >= finite else (p // m) * m + (p % m + t) % m
    return [[[shift(p, t) for p in table] for table in tables]
            for tables in base for t in range(shifts or m)]


def repeat_free(rounds: Rounds, n: int) -> bool:
    """Every round a partition of 0..n-1 and no two people together twice."""
    seen: set[tuple[int, int]] = set()
    for tables in rounds:
        if sorted(p for table in tables for p in table) != list(range(n)):
            return False
        for table in tables:
            for pair in combinations(sorted(table), 2):
                if pair in seen:
                    return False
                seen.add(pair)
    return True


def find_base(k: int, m: int, c: int, f: int, b: int, seed: int = 0,
              nodes: int = 200_000, restarts: int = 50) -> Rounds | None:
    """b base rounds of tables of k (None if the restarts run out): a randomised depth-first
    search, each table filled from the lowest free point, orbits used at most once."""
    n = m * c + f
    if n % k:
        return None
    orbit = pair_orbits(m, c, f)
    rng = random.Random(seed)
    for _ in range(restarts):
        search = _Search(k, n, b, orbit, rng, nodes)
        try:
            if search.fill(0, [], set(range(n))):
                return search.base
        except _OutOfNodes:
            continue
    return None


class _OutOfNodes(Exception):
    pass


class _Search:
    def __init__(self, k, n, b, orbit, rng, nodes):
        self.k, self.n, self.b, self.orbit, self.rng, self.left = k, n, b, orbit, rng, nodes
        self.used = bytearray(max(max(row) for row in orbit) + 2)
        self.base: Rounds = [[] for _ in range(b)]
        self.order = list(range(n))[::-1]          # fixed points (the highest) lead first

    def fill(self, r: int, table: list[int], free: set[int]) -> bool:
        self.left -= 1
        if self.left < 0:
            raise _OutOfNodes
        if not table:
            if not free:
                return r + 1 == self.b or self.fill(r + 1, [], set(range(self.n)))
            lead = next(p for p in self.order if p in free)
            return self._extend(r, [lead], free - {lead})
        return self._extend(r, table, free)

    def _extend(self, r: int, table: list[int], free: set[int]) -> bool:
        if len(table) == self.k:
            self.base[r].append(table)
            if self.fill(r, [], free):
                return True
            self.base[r].pop()
            return False
        candidates = [q for q in free if q < table[-1] and self._fits(table, q)]
        self.rng.shuffle(candidates)
        for q in candidates:
            keys = [self.orbit[p][q] for p in table]
            for key in keys:
                self.used[key] = 1
            if self._extend(r, table + [q], free - {q}):
                return True
            for key in keys:
                self.used[key] = 0
        return False

    def _fits(self, table: list[int], q: int) -> bool:
        keys = [self.orbit[p][q] for p in table]
        return all(key >= 0 and not self.used[key] for key in keys) and len(set(keys)) == len(keys)
