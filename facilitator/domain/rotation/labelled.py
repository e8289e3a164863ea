"""Labelled resolvable designs: repeat-free rounds in which each point of a design becomes
several people whose places at a table are set by labels (Shen 1992).

`planes_rounds`: 32 people at 8 tables of 4 for 10 rounds with no repeat (the social
golfer problem 8-4-10). `find_labelled_base`: the offline search behind the catalogue
entries for 36 and 48 people at tables of 4.

Two affine planes of order 4 on the 16 vectors of GF(2)^4 (as the numbers 0..15, XOR
is addition): the lines of a plane are the cosets of the five 2-dimensional subspaces of
a *spread* (subspaces that share only 0 and together hold every vector). SPREADS holds
two spreads with no subspace in common, so no line, nor three points of one, lies in both
planes. Together the two planes are a resolvable (16, 4, 2) design: every pair of points
on exactly two lines, one of each plane.

Every point x becomes two people (x, 0) and (x, 1), numbered 2x and 2x + 1. A line L with
a label bit n(x) for each of its points gives two tables {(x, n(x) XOR j) : x on L},
j = 0, 1; a parallel class of 4 lines is a round of 8 tables, and the 10 classes are 10
rounds. (x, 0) and (x, 1) never meet. (x, i) and (y, j) with x != y share a table on the
line of plane 1 through x and y when i XOR j = n(x) XOR n(y) there, and likewise on the
line of plane 2: they meet exactly once when the two lines give different label sums.
Those 120 conditions are linear over GF(2) in the 160 labels; `_labels` solves them by
Gaussian elimination (they are solvable for every pair of disjoint spreads of PG(3, 2)).
This is a labelled resolvable design in the sense of Shen (1992); the result is a
resolvable 4-GDD of type 2^16, whose existence answered the original social golfer
question (Aguado 2004). tests/test_rotation_planes.py checks it.
"""
from __future__ import annotations

import random
from functools import lru_cache
from itertools import combinations

Rounds = list[list[list[int]]]
Line = tuple[int, ...]

# Two disjoint spreads of GF(2)^4, each subspace by its three non-zero vectors.
SPREADS = (((1, 12, 13), (2, 4, 6), (3, 9, 10), (5, 11, 14), (7, 8, 15)),
           ((1, 10, 11), (2, 13, 15), (3, 4, 7), (5, 9, 12), (6, 8, 14)))


def planes_rounds(count: int = 10) -> Rounds:
    """Up to `count` of the 10 repeat-free rounds of 8 tables of 4 over people 0..31."""
    label = _labels()
    rounds = []
    for line_class in _classes()[:count]:
        rounds.append([[2 * x + (label[line, x] ^ j) for x in line]
                       for line in line_class for j in (0, 1)])
    return rounds


@lru_cache(maxsize=None)
def _classes() -> tuple[tuple[Line, ...], ...]:
    """The 10 parallel classes: plane 1's five, then plane 2's; lines by their first point."""
    return tuple(tuple(sorted({tuple(sorted({x} | {x ^ v for v in subspace})) for x in range(16)}))
                 for spread in SPREADS for subspace in spread)


@lru_cache(maxsize=None)
def _labels() -> dict[tuple[Line, int], int]:
    """A label bit for every (line, point on it) such that the two lines through any two
    points give different label sums (free labels are 0, so the result is fixed)."""
    lines = [line for line_class in _classes() for line in line_class]
    slot = {(line, x): i for i, (line, x) in enumerate((l, x) for l in lines for x in l)}
    through: dict[tuple[int, int], list[Line]] = {}
    for line in lines:
        for pair in combinations(line, 2):
            through.setdefault(pair, []).append(line)
    equations = []
    for (x, y), (one, other) in sorted(through.items()):
        row = (1 << slot[one, x]) ^ (1 << slot[one, y]) ^ (1 << slot[other, x]) ^ (
            1 << slot[other, y])
        equations.append((row, 1))
    values = _solve(equations)
    return {key: values.get(i, 0) for key, i in slot.items()}


def _solve(equations: list[tuple[int, int]]) -> dict[int, int]:
    """A solution of rows (bitmask of variables, right-hand side) over GF(2); free
    variables are 0. Raises ValueError when the system has none."""
    pivots: dict[int, tuple[int, int]] = {}
    for row, rhs in equations:
        while row and row.bit_length() - 1 in pivots:
            top, top_rhs = pivots[row.bit_length() - 1]
            row, rhs = row ^ top, rhs ^ top_rhs
        if row:
            pivots[row.bit_length() - 1] = (row, rhs)
        elif rhs:
            raise ValueError("the label equations have no solution")
    values: dict[int, int] = {}
    for lead in sorted(pivots):                     # lower variables are already known
        row, rhs = pivots[lead]
        rest = row ^ (1 << lead)
        values[lead] = rhs ^ (sum(values.get(v, 0) for v in _bits(rest)) & 1)
    return values


def _bits(mask: int) -> list[int]:
    return [i for i in range(mask.bit_length()) if mask >> i & 1]


def find_labelled_base(k: int, m: int, seed: int = 0) -> Rounds | None:
    """A base round for the cyclic model Z_m x (k-1) + (k-1) fixed points (catalogue.py) that
    is a labelled resolvable design LRB(k, k-1, m+1) over Z_m and a point inf, or None.

    One parallel class of blocks of k on Z_m + {inf}, each point with a label in
    Z_(k-1), such that the k-1 blocks through each pair orbit (a difference +-d, or inf
    with a point) carry k-1 different label differences. Block B then gives the k-1
    tables {(x, label(x) + j)}, and the m shifts of the class are m repeat-free rounds
    for (k-1)(m+1) people in which the k-1 copies of a point never meet (a resolvable
    k-GDD of type (k-1)^(m+1)). An exhaustive depth-first search, candidates shuffled."""
    lam, blocks, used = k - 1, [], set()
    rng = random.Random(seed)

    def fill(free: frozenset, block: list[tuple[int, int]]) -> bool:
        if len(block) == k:
            blocks.append(block)
            if not free or fill(free, []):
                return True
            blocks.pop()
            return False
        if not block:
            lead = m if m in free else min(free)
            return fill(free - {lead}, [(lead, 0)])
        last = -1 if block[-1][0] == m else block[-1][0]
        options = [(q, a) for q in sorted(free) if last < q < m for a in range(lam)]
        rng.shuffle(options)
        for q, a in options:
            keys = [_orbit_label(p, b, q, a, m, lam) for p, b in block]
            if len(set(keys)) == len(keys) and not used.intersection(keys):
                used.update(keys)
                if fill(free - {q}, block + [(q, a)]):
                    return True
                used.difference_update(keys)
        return False
    if (m + 1) % k or m % 2 == 0 or not fill(frozenset(range(m + 1)), []):
        return None
    def point(x: int, a: int) -> int:
        return lam * m + a % lam if x == m else (a % lam) * m + x
    return [[[point(x, a + j) for x, a in block] for block in blocks for j in range(lam)]]


def _orbit_label(p: int, a: int, q: int, b: int, m: int, lam: int) -> tuple[int, int]:
    """(pair orbit, label difference) of points p < q with labels a, b; orbit m is inf's."""
    if p == m:
        return m, (b - a) % lam
    d = (q - p) % m
    return (d, (b - a) % lam) if 2 * d < m else (m - d, (a - b) % lam)
