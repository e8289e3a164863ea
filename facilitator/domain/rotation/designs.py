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

# x^m + ... as bit masks: irreducible polynomials for GF(2^m).
_GF2_POLY = {2: 0b111, 3: 0b1011, 4: 0b10011, 5: 0b100101, 6: 0b1000011}


def _field(q: int):
    """(add, mul) for GF(q) on 0..q-1, or None when q is not a supported prime power."""
    if q >= 2 and all(q % d for d in range(2, int(q ** 0.5) + 1)):
        return (lambda a, b: (a + b) % q), (lambda a, b: a * b % q)
    m = q.bit_length() - 1
    if q == 1 << m and m in _GF2_POLY:
        poly = _GF2_POLY[m]

        def mul(a: int, b: int) -> int:
            product = 0
            while b:
                if b & 1:
                    product ^= a
                b >>= 1
                a <<= 1
                if a >> m:
                    a ^= poly
            return product
        return (lambda a, b: a ^ b), mul
    return None


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

    Mover x*q + y (x in 0..k-1, standing for the field element x+1) sits at
    table y + s*(x+1) in round s. As s varies that table runs through every
    table, so nobody returns to a table; two movers share a table in at most
    one round; and a host (fixed at a table) meets each mover at most once.
    Needs k <= q - 1 (the non-zero field elements).
    """
    field = _field(q) if 1 <= k <= q - 1 else None
    if field is None:
        return None
    add, mul = field
    rounds = []
    for s in range(min(count, q)):
        tables = [[] for _ in range(q)]
        for x in range(k):
            for y in range(q):
                tables[add(y, mul(s, x + 1))].append(x * q + y)
        rounds.append(tables)
    return rounds
