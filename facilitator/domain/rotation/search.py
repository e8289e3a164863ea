"""The search behind mix and hosts rounds, on integer indexes 0..n-1.

All planned rounds are searched together: a move swaps two people at different
tables of one round, and its cost change is computed from the pair counts M
(history and every planned round) in O(table size). A greedy start (or a
repeat-free design), then steepest descent on the people in conflict, then
simulated annealing while repeats remain and the room is small enough for it to pay.
Every random choice comes from the seeded rng, and the budgets count moves,
not seconds, so one seed gives one plan.
"""
from __future__ import annotations

import math
import random
from itertools import combinations

W_WISH, W_REVISIT, W_REPEAT, W_ORG = 100_000, 10_000, 1_000, 10
ANNEAL_MOVES = 150_000     # swaps the annealing may try (small rooms only)
STALE_MOVES = 15_000       # once cool, it gives up after this many without a better plan
DESCENT_WORK = 4_000_000   # pair look-ups the descent may spend


class Room:
    """People as indexes: organisations, wishes and how often each pair has met."""

    def __init__(self, n: int, org: list[int], apart=(), together=()):
        self.n, self.org = n, org
        self.wish: dict[int, int] = {}
        self.partners: list[list[int]] = [[] for _ in range(n)]
        for a, b in apart:
            self.wish[a * n + b] = self.wish[b * n + a] = W_WISH
        for a, b in together:
            self.wish[a * n + b] = self.wish[b * n + a] = -W_WISH
            self.partners[a].append(b)
            self.partners[b].append(a)
        self.M = [bytearray(n) for _ in range(n)]

    def add(self, tables: list[list[int]], sign: int = 1) -> None:
        M = self.M
        for table in tables:
            for a, b in combinations(table, 2):
                M[a][b] += sign
                M[b][a] += sign

    def weight(self, a: int, b: int) -> int:
        """The fixed cost of a and b at one table (organisation, wishes)."""
        o = self.org[a]
        w = W_ORG if o >= 0 and o == self.org[b] else 0
        return w + self.wish.get(a * self.n + b, 0) if self.wish else w


class Plan:
    """Planned rounds (tables of indexes) with fixed seats and, in hosts mode, table visits."""

    def __init__(self, room: Room, rounds: list[list[list[int]]], fixed: list[set[int]],
                 visits: list[list[int]] | None, rng: random.Random):
        self.room, self.rounds, self.fixed, self.visits, self.rng = room, rounds, fixed, visits, rng
        self.pos = []
        for tables in rounds:
            where = {}
            for t, table in enumerate(tables):
                for p in table:
                    where[p] = t
            self.pos.append(where)

    # -- cost of one person at one table ------------------------------------------------
    def conflicted(self, r: int, hard_only: bool = False) -> list[int]:
        """Movable people in round r with a repeat, a broken wish, a revisit (or an org pair)."""
        room, M, fixed = self.room, self.room.M, self.fixed[r]
        found = set()
        for t, table in enumerate(self.rounds[r]):
            for a, b in combinations(table, 2):
                w = room.weight(a, b)
                if (M[a][b] >= 2 and w >= 0) or w >= W_WISH or (w > 0 and not hard_only):
                    found.update((a, b))
            if self.visits:
                found.update(p for p in table if self.visits[p][t] >= 2)
        if room.wish:
            where = self.pos[r]
            found.update(p for p in where for q in room.partners[p]
                         if q in where and where[q] != where[p])
        return sorted(found - fixed)

    def delta(self, r: int, a: int, b: int) -> int:
        """Cost change if a and b (at different tables of round r) change seats."""
        room, where = self.room, self.pos[r]
        ta, tb = where[a], where[b]
        A, B = self.rounds[r][ta], self.rounds[r][tb]
        M, org, wish, n = room.M, room.org, room.wish, room.n
        Ma, Mb, oa, ob = M[a], M[b], org[a], org[b]
        d = 0
        for x in A:
            if x != a:
                d += (W_REPEAT if Mb[x] else 0) - (W_REPEAT if Ma[x] >= 2 else 0)
                ox = org[x]
                if ox >= 0:
                    d += W_ORG * ((ob == ox) - (oa == ox))
                if wish:
                    d += wish.get(b * n + x, 0) - wish.get(a * n + x, 0)
        for y in B:
            if y != b:
                d += (W_REPEAT if Ma[y] else 0) - (W_REPEAT if Mb[y] >= 2 else 0)
                oy = org[y]
                if oy >= 0:
                    d += W_ORG * ((oa == oy) - (ob == oy))
                if wish:
                    d += wish.get(a * n + y, 0) - wish.get(b * n + y, 0)
        if self.visits:
            va, vb = self.visits[a], self.visits[b]
            d += W_REVISIT * ((va[tb] >= 1) - (va[ta] >= 2) + (vb[ta] >= 1) - (vb[tb] >= 2))
        return d

    def apply(self, r: int, a: int, b: int) -> None:
        where, tables = self.pos[r], self.rounds[r]
        ta, tb = where[a], where[b]
        A, B = tables[ta], tables[tb]
        M = self.room.M
        for x in A:
            if x != a:
                M[a][x] -= 1; M[x][a] -= 1; M[b][x] += 1; M[x][b] += 1  # noqa: E702
        for y in B:
            if y != b:
                M[b][y] -= 1; M[y][b] -= 1; M[a][y] += 1; M[y][a] += 1  # noqa: E702
        A[A.index(a)], B[B.index(b)] = b, a
        where[a], where[b] = tb, ta
        if self.visits:
            self.visits[a][ta] -= 1; self.visits[a][tb] += 1  # noqa: E702
            self.visits[b][tb] -= 1; self.visits[b][ta] += 1  # noqa: E702

    def best_swap(self, r: int, a: int):
        """(delta, b) of the best partner for a in round r, ties broken by the rng."""
        where, fixed, ta = self.pos[r], self.fixed[r], self.pos[r][a]
        best, chosen, ties = None, None, 0
        for b, tb in where.items():
            if tb == ta or b in fixed:
                continue
            d = self.delta(r, a, b)
            if best is None or d < best:
                best, chosen, ties = d, b, 1
            elif d == best:
                ties += 1
                if self.rng.randrange(ties) == 0:
                    chosen = b
        return best, chosen

    # -- the search ---------------------------------------------------------------------
    def descend(self, work: int = DESCENT_WORK) -> None:
        """Best swaps for people in conflict while they lower the cost, within a work budget."""
        spent = 0
        while spent < work:
            improved = False
            for r in range(len(self.rounds)):
                widest = max(map(len, self.rounds[r]), default=1)
                cost_per_try = 4 * len(self.pos[r]) * max(1, widest)
                people = self.conflicted(r)
                self.rng.shuffle(people)
                for a in people:
                    if spent >= work:
                        return
                    spent += cost_per_try
                    d, b = self.best_swap(r, a)
                    if b is not None and d < 0:
                        self.apply(r, a, b)
                        improved = True
            if not improved:
                return

    def anneal(self, moves: int = ANNEAL_MOVES, hot: float = 500.0, cold: float = 30.0) -> None:
        """Simulated annealing on swaps that move someone with a repeat (or revisit, or broken
        wish), until none is left or the moves are spent; the best plan seen is kept."""
        rounds, rng = range(len(self.rounds)), self.rng
        movable = [[p for p in self.pos[r] if p not in self.fixed[r]] for r in rounds]
        current = best = last_best = 0
        snapshot, conflicts, temp = self._snapshot(), [], hot
        for step in range(moves):
            if step > moves // 2 and step - last_best > STALE_MOVES:
                break
            if step % 100 == 0:
                temp = hot * (cold / hot) ** (step / moves)
                conflicts = [(r, a) for r in rounds for a in self.conflicted(r, hard_only=True)]
                if not conflicts:
                    break
            r, a = conflicts[rng.randrange(len(conflicts))]
            b = movable[r][rng.randrange(len(movable[r]))]
            if self.pos[r][a] == self.pos[r][b]:
                continue
            d = self.delta(r, a, b)
            if d <= 0 or rng.random() < math.exp(-d / temp):
                self.apply(r, a, b)
                current += d
                if current < best:
                    best, snapshot, last_best = current, self._snapshot(), step
        if current > best:
            self._restore(snapshot)

    def _snapshot(self):
        return [[list(t) for t in tables] for tables in self.rounds]

    def _seat_all(self, sign: int) -> None:
        for tables in self.rounds:
            self.room.add(tables, sign)
            if self.visits:
                for t, table in enumerate(tables):
                    for p in table:
                        self.visits[p][t] += sign

    def _restore(self, snapshot) -> None:
        self._seat_all(-1)
        self.rounds = [[list(t) for t in tables] for tables in snapshot]
        self._seat_all(1)
        self.pos = [{p: t for t, table in enumerate(tables) for p in table}
                    for tables in self.rounds]


def greedy_round(room: Room, present: list[int], sizes: list[int], seated: dict[int, int],
                 visits: list[list[int]] | None, neighbours: list[set[int]],
                 rng: random.Random) -> list[list[int]]:
    """One round built person by person, each to the open table that costs least.

    `seated` holds fixed seats (hosts: person -> table). Ties go to the table
    with the most room left, then by the rng. Only the tables a person's past
    partners, organisation, wishes or visits touch are costed one by one; among
    the rest (cost 0) the one with the most room is found by room-left buckets.
    """
    tables: list[list[int]] = [[] for _ in sizes]
    org_tables: dict[int, list[int]] = {}
    where: dict[int, int] = {}
    left = list(sizes)
    buckets: dict[int, list[int]] = {}
    for t, size in enumerate(sizes):
        buckets.setdefault(size, []).append(t)

    def sit(p: int, t: int) -> None:
        tables[t].append(p)
        where[p] = t
        if room.org[p] >= 0:
            org_tables.setdefault(room.org[p], []).append(t)
        buckets[left[t]].remove(t)
        left[t] -= 1
        buckets.setdefault(left[t], []).append(t)
    for p, t in seated.items():
        sit(p, t)
    movers = [p for p in present if p not in seated]
    rng.shuffle(movers)
    M, wish, n = room.M, room.wish, room.n
    for p in movers:
        extra: dict[int, int] = {}
        for x in neighbours[p]:
            t = where.get(x)
            if t is not None:
                extra[t] = extra.get(t, 0) + W_REPEAT * M[p][x]
        for t in org_tables.get(room.org[p], ()):
            extra[t] = extra.get(t, 0) + W_ORG
        if visits:
            for t, times in enumerate(visits[p]):
                if times:
                    extra[t] = extra.get(t, 0) + W_REVISIT * times
        if wish:
            for x, t in where.items():
                w = wish.get(p * n + x)
                if w:
                    extra[t] = extra.get(t, 0) + w
        chosen = _free_table(buckets, extra, rng) if all(v > 0 for v in extra.values()) else None
        if chosen is None:
            best = None
            for t, room_left in enumerate(left):
                if room_left > 0:
                    key = (extra.get(t, 0), -room_left, rng.random())
                    if best is None or key < best:
                        best, chosen = key, t
        sit(p, chosen)
    return tables


def _free_table(buckets: dict[int, list[int]], extra: dict[int, int],
                rng: random.Random) -> int | None:
    """An open table that costs nothing, with the most room left (None if every one costs)."""
    for room_left in sorted((r for r, b in buckets.items() if r > 0 and b), reverse=True):
        bucket = buckets[room_left]
        for _ in range(4):
            t = bucket[rng.randrange(len(bucket))]
            if t not in extra:
                return t
        free = [t for t in bucket if t not in extra]
        if free:
            return free[rng.randrange(len(free))]
    return None
