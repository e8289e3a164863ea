"""Rounds with no repeat encounter by construction: resolvable transversal designs.

For n = k*q people at q tables of k, with q a prime power and q >= k, take the
points (x, y) with x among k elements of the field GF(q) and y in GF(q). The
lines y = m*x + c of one slope m are q disjoint tables of k, and two points
share a line of at most one slope: q rounds without a repeat. Each column
(x fixed, q points) has never met inside itself, so when k divides q one more
round splits every column into tables. For k = q this is the affine plane
AG(2, q): q + 1 rounds in which everybody meets everybody exactly once.
"""
from __future__ import annotations

from functools import lru_cache

# Irreducible polynomials for GF(p^m), lowest coefficient first (the leading 1 left out):
# x^m = -(c0 + c1 x + ...). GF(2^m) covers 4 ... 64, the others 9, 25, 27, 49.
_POLY = {(2, 2): (1, 1), (2, 3): (1, 1, 0), (2, 4): (1, 1, 0, 0), (2, 5): (1, 0, 1, 0, 0),
         (2, 6): (1, 1, 0, 0, 0, 0), (3, 2): (1, 0), (3, 3): (1, 2, 0), (5, 2): (2, 0),
         (7, 2): (1, 0)}


def _prime(q: int) -> bool:
    return q >= 2 and all(q % d for d in range(2, int(q ** 0.5) + 1))


@lru_cache(maxsize=None)
def _field(q: int):
    """(add, mul) for GF(q) on 0..q-1, or None when q is not a supported prime power.

    An element of GF(p^m) is the number whose base-p digits are its coefficients."""
    if _prime(q):
        return (lambda a, b: (a + b) % q), (lambda a, b: a * b % q)
    power = next(((p, m) for (p, m) in _POLY if p ** m == q), None)
    if power is None:
        return None
    p, m = power
    poly = _POLY[power]

    def digits(a: int) -> list[int]:
        return [(a // p ** i) % p for i in range(m)]

    def number(coefficients: list[int]) -> int:
        return sum(c * p ** i for i, c in enumerate(coefficients))

    def add(a: int, b: int) -> int:
        return number([(x + y) % p for x, y in zip(digits(a), digits(b))])

    def mul(a: int, b: int) -> int:
        product = [0] * (2 * m - 1)
        for i, x in enumerate(digits(a)):
            for j, y in enumerate(digits(b)):
                product[i + j] = (product[i + j] + x * y) % p
        for top in range(2 * m - 2, m - 1, -1):        # reduce x^top with x^m = -poly
            c, product[top] = product[top], 0
            for i, coefficient in enumerate(poly):
                product[top - m + i] = (product[top - m + i] - c * coefficient) % p
        return number(product[:m])
    table = [[mul(a, b) for b in range(q)] for a in range(q)]
    sums = [[add(a, b) for b in range(q)] for a in range(q)]
    return (lambda a, b: sums[a][b]), (lambda a, b: table[a][b])


def design_rounds(k: int, q: int, count: int) -> list[list[list[int]]] | None:
    """Up to `count` repeat-free rounds of q tables of k over points 0..k*q-1, or None.

    Point index = x*q + y; the rounds of the lines come first, the column round last.
    """
    field = _field(q) if 2 <= k <= q else None
    if field is None:
        return None
    add, mul = field
    rounds = []
    for slope in range(q):
        if len(rounds) == count:
            return rounds
        tables = [[] for _ in range(q)]
        for x in range(k):
            shift = mul(slope, x)
            for c in range(q):
                tables[c].append(x * q + add(shift, c))
        rounds.append(tables)
    if len(rounds) < count and q % k == 0:
        rounds.append([[x * q + y for y in range(start, start + k)]
                       for x in range(k) for start in range(0, q, k)])
    return rounds


def host_rounds(k: int, q: int, count: int) -> list[list[list[int]]] | None:
    """Up to min(count, q) rounds for k*q movers at q host tables, or None (World Café).

    Mover x*q + y (x in 0..k-1) sits at table y + s*a in round s, a the non-zero
    field element number (x mod (q-1)) + 1. As s varies that table runs through
    every table, so nobody returns to a table, and a host meets each mover once.
    Two movers with different multipliers share a table in exactly one round, so
    with k <= q - 1 nobody meets anyone twice. With more movers per table than
    that, movers x and x + (q - 1) sit together every round: the fewest repeats
    there are (proven optimal by exhaustive search for 3 tables of 4 and 5 seats
    and 4 tables of 5; docs/rotation.md).
    """
    field = _field(q) if k >= 1 and q >= 2 else None
    if field is None:
        return None
    add, mul = field
    rounds = []
    for s in range(min(count, q)):
        tables = [[] for _ in range(q)]
        for x in range(k):
            a = x % (q - 1) + 1
            for y in range(q):
                tables[add(y, mul(s, a))].append(x * q + y)
        rounds.append(tables)
    return rounds
