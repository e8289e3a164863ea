"""Group rotations that maximise new encounters: pure functions, the seed a parameter.

A round is a list of tables, each a list of person ids. History is the rounds
already played; they never change. Planning minimises, in this order of
weight: broken keep-apart/keep-together wishes, repeat encounters (two people
at one table again), and same-organisation pairs at a table.
"""
from __future__ import annotations

import math
import random
from collections import Counter
from dataclasses import dataclass
from itertools import combinations

Round = list[list[int]]

W_WISH, W_REPEAT, W_ORG, W_REVISIT = 100_000, 1_000, 10, 500
MIN_TABLE = 3


@dataclass(frozen=True)
class Person:
    id: int
    org: str = ""
    host: bool = False


def table_sizes(people: int, tables: int | None = None, size: int | None = None) -> list[int]:
    """Balanced table sizes (differing by at most one), no table under three unless fewer people.

    Give either the number of tables or the wished table size.
    """
    if people <= 0:
        return []
    if tables is None:
        tables = max(1, math.ceil(people / max(1, size or 4)))
    tables = max(1, min(tables, people // MIN_TABLE if people >= MIN_TABLE else 1))
    base, extra = divmod(people, tables)
    return [base + 1 if i < extra else base for i in range(tables)]


def met(history: list[Round]) -> Counter:
    """How often each pair (frozenset of two ids) has shared a table."""
    pairs: Counter = Counter()
    for played in history:
        for table in played:
            pairs.update(frozenset(p) for p in combinations(table, 2))
    return pairs


def cost(plan: Round, people: dict[int, Person], seen: Counter, wishes: "Wishes",
         visited: dict[int, set[int]] | None = None) -> int:
    """The weighted count of what a plan should avoid (lower is better)."""
    where = {p: i for i, table in enumerate(plan) for p in table}
    tables = sum(_table_cost(i, t, people, seen, wishes, visited) for i, t in enumerate(plan))
    return tables + W_WISH * sum(1 for a, b in wishes.together if where.get(a) != where.get(b))


def _table_cost(index: int, table: list[int], people: dict[int, Person], seen: Counter,
                wishes: "Wishes", visited: dict[int, set[int]] | None) -> int:
    total = 0
    for a, b in combinations(table, 2):
        pair = frozenset((a, b))
        total += W_REPEAT * seen[pair]
        if people[a].org and people[a].org == people[b].org:
            total += W_ORG
        if pair in wishes.apart:
            total += W_WISH
    if visited:
        total += W_REVISIT * sum(1 for p in table if index in visited.get(p, ()))
    return total


@dataclass(frozen=True)
class Wishes:
    apart: frozenset = frozenset()      # frozensets of two ids
    together: tuple = ()                # (id, id) pairs


def plan_mix(people: list[Person], sizes: list[int], history: list[Round], seed: int,
             wishes: Wishes = Wishes()) -> Round:
    """Everyone to new balanced tables, as few repeat encounters as possible."""
    rng = random.Random(seed)
    ids = [p.id for p in people]
    rng.shuffle(ids)
    plan, start = [], 0
    for size in sizes:
        plan.append(ids[start:start + size])
        start += size
    return _improve(plan, {p.id: p for p in people}, met(history), wishes, rng)


def plan_hosts(people: list[Person], sizes: list[int], history: list[Round], seed: int,
               wishes: Wishes = Wishes()) -> Round:
    """World Café: each host keeps a table; the others move, never back to a table they sat at."""
    rng = random.Random(seed)
    hosts = [p.id for p in people if p.host][:len(sizes)]
    movers = [p.id for p in people if p.id not in hosts]
    rng.shuffle(movers)
    plan = [[h] for h in hosts] + [[] for _ in range(len(sizes) - len(hosts))]
    for person in movers:
        open_tables = [i for i, t in enumerate(plan) if len(t) < sizes[i]]
        plan[rng.choice(open_tables)].append(person)
    visited = {p: {i for played in history for i, t in enumerate(played) if p in t} for p in movers}
    fixed = set(hosts)
    return _improve(plan, {p.id: p for p in people}, met(history), wishes, rng, visited, fixed)


def plan_pairs(current: Round, people: list[Person], history: list[Round], seed: int) -> Round:
    """"Rotera 2 och 2": each table splits into pairs (a trio if odd); pairs move together to
    other tables, no table taking two pairs from the same table where that can be avoided."""
    rng = random.Random(seed)
    units: list[tuple[int, list[int]]] = []
    for origin, table in enumerate(current):
        members = list(table)
        rng.shuffle(members)
        while members:
            take = 3 if len(members) == 3 else 2
            units.append((origin, members[:take]))
            members = members[take:]
    sizes = [len(t) for t in current]
    seen = met(history + [current])
    best, best_cost = None, None
    for _attempt in range(200):
        rng.shuffle(units)
        plan = _place_units(units, sizes, rng)
        if plan is None:
            continue
        score = _pairs_cost(plan, units, seen)
        if best_cost is None or score < best_cost:
            best, best_cost = plan, score
    return [sorted(sum((u[1] for u in table), [])) for table in best] if best else current


def _place_units(units, sizes, rng):
    plan: list[list] = [[] for _ in sizes]
    for unit in units:
        fits = [i for i in range(len(sizes)) if sum(len(u[1]) for u in plan[i]) + len(unit[1]) <= sizes[i] + 1]
        if not fits:
            return None
        plan[rng.choice(fits)].append(unit)
    return plan


def _pairs_cost(plan, units, seen) -> int:
    total = 0
    for index, table in enumerate(plan):
        origins = Counter(origin for origin, _ in table)
        total += W_WISH * sum(1 for origin in origins if origin == index)
        total += W_REVISIT * sum(c - 1 for c in origins.values())
        people = [p for _, members in table for p in members]
        total += W_REPEAT * sum(seen[frozenset(pair)] for pair in combinations(people, 2)
                                if not any(set(pair) <= set(m) for _, m in table))
    sizes = [sum(len(m) for _, m in table) for table in plan]
    return total + W_ORG * (max(sizes) - min(sizes))


def _improve(plan: Round, people: dict[int, Person], seen: Counter, wishes: Wishes,
             rng: random.Random, visited=None, fixed: set[int] = frozenset()) -> Round:
    """Swap two people at different tables while that lowers the cost (bounded passes).

    Only the two tables a swap touches are re-scored, so a room of a few hundred
    people plans in well under a second.
    """
    partners: dict[int, list[int]] = {}
    for a, b in wishes.together:
        partners.setdefault(a, []).append(b)
        partners.setdefault(b, []).append(a)
    scores = [_table_cost(i, t, people, seen, wishes, visited) for i, t in enumerate(plan)]

    def together(person: int, where: int) -> int:
        return sum(1 for other in partners.get(person, ()) if other not in plan[where])

    for _pass in range(20):
        improved = False
        positions = [(t, s) for t, table in enumerate(plan) for s in range(len(table))
                     if table[s] not in fixed]
        rng.shuffle(positions)
        for (t1, s1), (t2, s2) in combinations(positions, 2):
            if t1 == t2:
                continue
            a, b = plan[t1][s1], plan[t2][s2]
            before = scores[t1] + scores[t2] + W_WISH * (together(a, t1) + together(b, t2))
            plan[t1][s1], plan[t2][s2] = b, a
            new1 = _table_cost(t1, plan[t1], people, seen, wishes, visited)
            new2 = _table_cost(t2, plan[t2], people, seen, wishes, visited)
            after = new1 + new2 + W_WISH * (together(a, t2) + together(b, t1))
            if after < before:
                scores[t1], scores[t2], improved = new1, new2, True
            else:
                plan[t1][s1], plan[t2][s2] = a, b
        if not improved:
            break
    return [sorted(table) for table in plan]


def encounter_stats(history: list[Round], people: list[Person]) -> dict[str, float]:
    """People met per participant (average) and the share of tables that mixed organisations."""
    seen = met(history)
    orgs = {p.id: p.org for p in people}
    per_person = Counter()
    for pair in seen:
        for person in pair:
            per_person[person] += 1
    tables = [t for played in history for t in played if t]
    mixed = sum(1 for t in tables if len({orgs.get(p, "") for p in t}) > 1)
    return {"met_per_person": round(sum(per_person.values()) / max(1, len(people)), 2),
            "mixed_tables_share": round(mixed / max(1, len(tables)), 2)}
