"""Spectral clustering of the notes' neighbour graph, the number of themes by silhouette.

Each note keeps its k most similar notes (the same k as the shared-neighbour graph);
the symmetric normalised affinity's leading eigenvectors place the notes so that
notes joined by many paths sit together even when no single similarity between them
is high (short notes of one theme that share words only through others). For each
number of themes c (2..max_themes) the first c eigenvectors, rows of unit length, are
grouped into c clusters (k-means from one k-means++ start, fixed seed: deterministic);
the c whose grouping has the best cosine silhouette on the similarity itself wins
(Ng, Jordan and Weiss 2001; von Luxburg 2007), and at that c the tightest of
``RESTARTS`` k-means starts is the result. Pure.
"""
from __future__ import annotations

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.linalg import ArpackError, eigsh

DENSE_UP_TO = 400     # a full eigendecomposition below this many notes, ARPACK above
RESTARTS = 5          # the final k-means from this many seeded starts; the tightest wins


def affinity(sim: np.ndarray, k: int) -> csr_matrix:
    """The similarity kept on each note's k nearest neighbours (either way), negatives 0.

    A note's neighbours are every note at least as similar as its k-th nearest: a tie
    keeps them all, so ten equal notes are ten notes joined to each other, not a chain
    whose ends lose their edge because the lower indices won the tie."""
    m = sim.shape[0]
    a = np.clip(sim, 0.0, None)
    np.fill_diagonal(a, 0.0)
    k = max(1, min(k, m - 1))
    kth = -np.partition(-a, k - 1, axis=1)[:, k - 1]
    near = (a >= kth[:, None]) & (a > 0)
    near |= near.T
    rows, cols = np.nonzero(near)
    return csr_matrix((a[rows, cols], (rows, cols)), shape=(m, m))


def embedding(sim: np.ndarray, k: int, dims: int) -> np.ndarray:
    """The ``dims`` leading eigenvectors of D^-1/2 A D^-1/2 (columns, largest first)."""
    a = affinity(sim, k)
    degree = np.asarray(a.sum(axis=1)).ravel()
    scale = 1.0 / np.sqrt(np.maximum(degree, 1e-12))
    norm = csr_matrix(a.multiply(scale[:, None]).multiply(scale[None, :]))
    m = sim.shape[0]
    values = None
    if m > DENSE_UP_TO and dims < m - 1:
        try:
            values, vectors = eigsh(norm, k=dims, which="LA", v0=np.ones(m), tol=1e-6)
        except ArpackError:     # no convergence: the full decomposition below
            values = None
    if values is None:
        values, vectors = np.linalg.eigh(norm.toarray())
    order = np.argsort(-values, kind="stable")[:dims]
    vectors = vectors[:, order]
    # An eigenvector's sign is arbitrary: fix it so the result does not depend on the solver.
    signs = np.sign(vectors[np.abs(vectors).argmax(axis=0), np.arange(vectors.shape[1])])
    return vectors * np.where(signs == 0, 1.0, signs)


def groups(emb: np.ndarray, c: int, restarts: int = RESTARTS) -> np.ndarray:
    """c groups (labels 1..c) of the rows of the first c eigenvectors, rows of unit length."""
    x = emb[:, :c]
    x = x / np.maximum(np.linalg.norm(x, axis=1), 1e-12)[:, None]
    best, best_cost = None, np.inf
    for seed in range(restarts):
        labels, cost = kmeans(x, c, np.random.default_rng(seed))
        if cost < best_cost - 1e-9:
            best, best_cost = labels, cost
    return best + 1


def kmeans(x: np.ndarray, c: int, rng, rounds: int = 30) -> tuple[np.ndarray, float]:
    """Lloyd's k-means from a k-means++ start: (labels, sum of squared distances)."""
    centres = [x[rng.integers(len(x))]]
    closest = ((x - centres[0]) ** 2).sum(axis=1)
    for _ in range(1, c):
        total = closest.sum()
        pick = rng.choice(len(x), p=closest / total) if total > 0 else rng.integers(len(x))
        centres.append(x[pick])
        closest = np.minimum(closest, ((x - x[pick]) ** 2).sum(axis=1))
    centres = np.array(centres)
    labels = np.full(len(x), -1)
    for _ in range(rounds):
        d = (x ** 2).sum(axis=1)[:, None] - 2 * x @ centres.T + (centres ** 2).sum(axis=1)[None, :]
        new = d.argmin(axis=1)
        if (new == labels).all():
            break
        labels = new
        onehot = np.eye(c)[labels]
        counts = onehot.sum(axis=0)
        filled = counts > 0                # an empty group keeps its old centre
        centres[filled] = (onehot.T @ x)[filled] / counts[filled][:, None]
    return labels, float(np.clip(d[np.arange(len(x)), labels], 0, None).sum())


def by_silhouette(sim: np.ndarray, dist: np.ndarray, k: int, max_themes: int, score
                  ) -> np.ndarray:
    """The spectral grouping (2..max_themes groups) with the best ``score(dist, labels)``."""
    m = sim.shape[0]
    top = min(max_themes, m // 2)
    best, best_score = np.ones(m, dtype=int), -2.0
    if top < 2:
        return best
    emb = embedding(sim, k, top)
    best_c = 1
    for c in range(2, top + 1):             # the number: one k-means start per c
        labels = groups(emb, c, 1)
        value = round(score(dist, labels), 6)
        if value > best_score:
            best, best_score, best_c = labels, value, c
    return groups(emb, best_c) if best_c > 1 else best   # the grouping: the tightest start
