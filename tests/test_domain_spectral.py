"""Spectral clustering of the notes' neighbour graph (clustering/spectral.py): it finds groups the
similarity joins by many paths, picks their number by silhouette, and is deterministic at any size."""
import numpy as np
import pytest

from facilitator.domain.clustering import spectral
from facilitator.domain.clustering.tree import silhouette


def blobs(sizes, dims=40, spread=0.15, seed=3):
    """Unit vectors around len(sizes) random directions; their cosine similarity."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(len(sizes), dims))
    rows = np.concatenate([centres[g] + spread * rng.normal(size=(s, dims))
                           for g, s in enumerate(sizes)])
    rows /= np.linalg.norm(rows, axis=1)[:, None]
    truth = np.repeat(np.arange(len(sizes)), sizes)
    return rows @ rows.T, truth


def run(sim, k=8, max_themes=20):
    dist = np.clip(1 - sim, 0, None)
    np.fill_diagonal(dist, 0)
    return spectral.by_silhouette(sim, dist, k, max_themes, silhouette)


def same_partition(a, b):
    pairs_a = a[:, None] == a[None, :]
    pairs_b = b[:, None] == b[None, :]
    return (pairs_a == pairs_b).all()


@pytest.mark.parametrize("sizes", [(8, 8, 8), (20, 12, 9, 6), (150, 120, 100, 90, 60)])
def test_finds_the_groups_and_their_number(sizes):
    sim, truth = blobs(sizes)
    labels = run(sim)
    assert same_partition(labels, truth)


def test_a_chain_of_notes_stays_one_theme():
    """Two themes; in one, each note is like only its neighbours in a chain (A~B~C...):
    the graph's embedding joins them by paths where no single similarity does."""
    n = 24
    sim = np.full((2 * n, 2 * n), -0.2)
    for i in range(n - 1):
        sim[i, i + 1] = sim[i + 1, i] = 0.8
        if i + 2 < n:
            sim[i, i + 2] = sim[i + 2, i] = 0.5
    sim[n:, n:] = 0.6
    np.fill_diagonal(sim, 1.0)
    labels = spectral.groups(spectral.embedding(sim, 2, 2), 2)
    assert same_partition(labels, np.repeat([0, 1], n))


def test_deterministic_and_the_same_from_either_eigen_solver(monkeypatch):
    sim, truth = blobs((160, 140, 120, 100))
    first = run(sim)
    assert (run(sim) == first).all()
    monkeypatch.setattr(spectral, "DENSE_UP_TO", 10_000)     # full decomposition instead of ARPACK
    assert same_partition(run(sim), first)


@pytest.mark.parametrize("m", [0, 1, 2, 3])
def test_too_few_notes_are_one_group(m):
    sim = np.eye(m)
    assert list(run(sim)) == [1] * m


def test_identical_and_unrelated_notes_do_not_break_it():
    sim = np.zeros((30, 30))
    sim[:10, :10] = 1.0            # ten copies of one note
    np.fill_diagonal(sim, 1.0)     # twenty notes like nothing else
    labels = run(sim)
    assert len(labels) == 30 and len(set(labels[:10])) == 1


def test_kmeans_takes_the_tightest_of_its_starts():
    x = np.array([[1.0, 0.0], [0.99, 0.1], [0.0, 1.0], [0.1, 0.99]])
    labels, cost = spectral.kmeans(x, 2, np.random.default_rng(0))
    assert labels[0] == labels[1] != labels[2] == labels[3]
    assert cost < 0.02
