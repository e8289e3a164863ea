"""The clustering itself: spectral groups of the neighbour graph, as many as the silhouette likes.

The themes are the spectral grouping (2..max_themes clusters, clustering/spectral.py)
with the best mean cosine silhouette; with ``n_themes`` asked (or ``spectral`` off)
the average-linkage tree is cut instead (about ``n_themes``, or at the best
silhouette). Clusters smaller than ``min_size`` are left out (they go to Övrigt);
one pass then moves each note to the cluster it is most like on average. Pure.
"""
from __future__ import annotations

from collections import Counter, defaultdict

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage

from . import spectral
from .similarity import neighbour_count


def cluster(active: list[int], graph: np.ndarray, n_themes, p: dict, n: int) -> list[list[int]]:
    """Clusters of the active notes, biggest first; small ones left out (Övrigt)."""
    min_size = p["min_size"] if n >= 40 else 2
    if len(active) < max(min_size, 2):
        return []
    sub = graph[np.ix_(active, active)]
    dist = np.clip(1.0 - sub, 0.0, None)
    np.fill_diagonal(dist, 0.0)
    if p["spectral"] and not n_themes:
        labels = spectral.by_silhouette(sub, dist, neighbour_count(n, p), p["max_themes"],
                                        silhouette)
    else:
        tree = linkage(dist[np.triu_indices(len(active), k=1)], method="average")
        labels = _by_count(tree, n_themes, min_size, len(active)) if n_themes else \
            _by_silhouette(tree, dist, p["max_themes"])
    groups: dict[int, list[int]] = defaultdict(list)
    for i, lab in zip(active, labels):
        groups[lab].append(i)
    clusters = [m for m in groups.values() if len(m) >= min_size]
    for _ in range(p["refine"]):     # move each note to the cluster it is most like on average
        clusters = _refine(clusters, graph, min_size)
    clusters.sort(key=lambda m: (-len(m), min(m)))
    limit = int(n_themes) if n_themes else p["max_themes"]
    return [sorted(m) for m in clusters[:limit]]


def _by_count(tree, n_themes: int, min_size: int, size: int) -> np.ndarray:
    want = max(1, int(n_themes))
    labels = fcluster(tree, t=want, criterion="maxclust")
    for k in range(want, min(size, want * 4) + 1):
        labels = fcluster(tree, t=k, criterion="maxclust")
        if sum(c >= min_size for c in Counter(labels).values()) >= want:
            break
    return labels


def _by_silhouette(tree, dist: np.ndarray, max_themes: int) -> np.ndarray:
    """The cut of the tree (2..max_themes clusters) with the best mean silhouette."""
    best, best_score = np.ones(dist.shape[0], dtype=int), -2.0
    for k in range(2, min(max_themes, dist.shape[0] // 2) + 1):
        labels = fcluster(tree, t=k, criterion="maxclust")
        score = round(silhouette(dist, labels), 6)
        if score > best_score:
            best, best_score = labels, score
    return best


def silhouette(dist: np.ndarray, labels: np.ndarray) -> float:
    """Mean silhouette of a labelling under a distance matrix (a singleton counts 0)."""
    keys, index = np.unique(labels, return_inverse=True)
    if len(keys) < 2:
        return -1.0
    onehot = np.eye(len(keys))[index]
    counts = onehot.sum(axis=0)
    mean_to = dist @ onehot / counts
    rows = np.arange(len(labels))
    size = counts[index]
    own = mean_to[rows, index] * size / np.maximum(size - 1, 1)
    mean_to[rows, index] = np.inf
    other = mean_to.min(axis=1)
    score = np.where(size > 1, (other - own) / np.maximum(np.maximum(own, other), 1e-12), 0.0)
    return float(score.mean())


def _refine(clusters: list[list[int]], sim: np.ndarray, min_size: int) -> list[list[int]]:
    if len(clusters) < 2:
        return clusters
    members = sorted(i for c in clusters for i in c)
    score = np.stack([sim[np.ix_(members, c)].mean(axis=1) for c in clusters], axis=1)
    best = score.argmax(axis=1)
    moved: list[list[int]] = [[] for _ in clusters]
    for i, k in zip(members, best):
        moved[int(k)].append(i)
    return [c for c in moved if len(c) >= min_size] or clusters
