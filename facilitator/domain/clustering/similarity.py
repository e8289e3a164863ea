"""How alike two notes are: words, character 4-grams and sentence vectors, mixed.

Three similarities between notes (docs/themes-history.md has the measurements):
* TF-IDF cosine over stems (plus the thesaurus's synonym groups when it is on),
* TF-IDF cosine over character 4-grams of the content words (typos, compounds),
* the cosine of multilingual-e5 sentence vectors when they exist (optional model),
  **centred per language**: Swedish notes minus the Swedish notes' mean vector,
  English minus the English mean. Raw e5 cosines of unrelated notes sit at
  0.75-0.85 and the two languages sit apart; centring each on its own mean spreads
  both around 0 and lets a Swedish and an English note on one topic meet.
For the clustering the mix is also read as a graph: two notes are alike when their
nearest neighbours are the same notes (shared nearest neighbours), which holds
better than the raw similarity on short notes of a topic nobody prepared for.
Pure: numbers in, numbers out.
"""
from __future__ import annotations

import math
from collections import Counter

import numpy as np
from scipy.sparse import csr_matrix

from . import embedding

MIN_LANGUAGE_NOTES = 5   # fewer notes of a language: centred on the mean of all notes


def tfidf(bags: list[Counter], weight=lambda term: 1.0, power: float = 1.0) -> csr_matrix:
    """Rows of unit length: (1 + log tf) * smoothed idf ** power * weight(term)."""
    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    df: Counter = Counter()
    for bag in bags:
        df.update(bag.keys())
    n = len(bags)
    for r, bag in enumerate(bags):
        for term in sorted(bag):
            c = vocab.setdefault(term, len(vocab))
            idf = math.log((1 + n) / (1 + df[term])) + 1
            rows.append(r)
            cols.append(c)
            vals.append((1 + math.log(bag[term])) * idf ** power * weight(term))
    matrix = csr_matrix((vals, (rows, cols)), shape=(n, max(1, len(vocab))), dtype=np.float64)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return csr_matrix(matrix.multiply(1 / norms[:, None]))


def vectors_of(texts: list[str], extra: list[str], vectors) -> np.ndarray | None:
    """The sentence vectors of texts then extra texts, computing the missing ones;
    None: lexical only (no model, or vectors of the wrong shape or with NaN).
    The missing ones are read as the given ones are: two readings a row
    (embedding.pairs) unless the given rows are single vectors."""
    given = list(vectors) if vectors is not None else [None] * len(texts)
    given = (given + [None] * len(texts))[:len(texts)] + [None] * len(extra)
    missing = [i for i, v in enumerate(given) if v is None]
    if missing:
        known = next((v for v in given if v is not None), None)
        single = known is not None and not is_pair(np.asarray(known, dtype=np.float64))
        read_them = embedding.embed if single else embedding.pairs
        computed = read_them([(texts + extra)[i] for i in missing])
        if computed is None:
            return None
        for i, v in zip(missing, computed):
            given[i] = v
    try:
        matrix = np.asarray(given, dtype=np.float64)
    except (ValueError, TypeError):
        return None
    if matrix.ndim != 2 or not np.isfinite(matrix).all():
        return None
    return matrix


def is_pair(row: np.ndarray) -> bool:
    """A row of two unit vectors end to end (embedding.pairs), not one unit vector."""
    width = row.shape[-1]
    if width % 2 or width < 2:
        return False
    halves = np.linalg.norm(row[..., :width // 2]), np.linalg.norm(row[..., width // 2:])
    return all(abs(h - 1.0) < 1e-3 for h in halves)


def readings(matrix: np.ndarray, covered: float, p: dict) -> np.ndarray:
    """One vector a row from rows of two readings (embedding.pairs): the note's own vector
    plus its content words' vector, or its own alone when the thesaurus knows at least
    ``p["content_below"]`` of the notes (``covered``). Rows of one vector stay as they are.

    Round 5 of issue 18: the content words' reading lifts the topics nobody prepared for
    (+0.035 automatic with e5 on 27 tuning sets, every group up on two seeds), where the
    words alone know little; where the thesaurus knows most notes (the field it was
    written for: 66-78 % of the notes, others at most 28 %) the words already carry
    them and the note's gist is what the vector adds (the field fell 0.886 -> 0.80)."""
    if not len(matrix) or not is_pair(matrix[0]):
        return matrix
    half = matrix.shape[1] // 2
    own, content = matrix[:, :half], matrix[:, half:]
    if covered >= p["content_below"]:
        return own
    both = own + content
    return both / np.maximum(np.linalg.norm(both, axis=1), 1e-12)[:, None]


def centred(matrix: np.ndarray, languages: list[str], n: int, per_language: bool = True
            ) -> np.ndarray:
    """Unit rows after subtracting each language's mean vector (of the first n rows)."""
    out = matrix.copy()
    overall = matrix[:n].mean(axis=0)
    langs = np.asarray(languages)
    for language in sorted(set(languages)):
        rows = langs == language
        own = rows[:n]
        mean = matrix[:n][own].mean(axis=0) if per_language and own.sum() >= MIN_LANGUAGE_NOTES \
            else overall
        out[rows] = matrix[rows] - mean
    norms = np.linalg.norm(out, axis=1)
    norms[norms == 0] = 1.0
    return out / norms[:, None]


def cosines(terms: csr_matrix, chars: csr_matrix, vectors: np.ndarray | None, p: dict
            ) -> tuple[np.ndarray, np.ndarray | None]:
    """(the weighted sum of the two lexical cosines, the vectors' cosines or None): computed
    once, mixed with any weight of the vectors (``mix``)."""
    # In place where it can be: at 2,000 notes each n x n array is 32 MB, and fresh memory
    # is what a busy (virtual) machine is slowest to give.
    lexical = (terms @ terms.T).toarray()
    lexical *= p["w_terms"]
    by_chars = (chars @ chars.T).toarray()
    by_chars *= p["w_chars"]
    lexical += by_chars
    return lexical, (vectors @ vectors.T if vectors is not None else None)


def mix(parts: tuple[np.ndarray, np.ndarray | None], p: dict, w_embed: float) -> np.ndarray:
    """The weighted mean of the three cosines (vectors already centred, or None)."""
    lexical, vectors = parts
    weight = p["w_terms"] + p["w_chars"]
    if vectors is not None and w_embed > 0:
        total = np.multiply(vectors, w_embed)
        total += lexical
        weight += w_embed
    else:
        total = lexical.copy()
    total /= weight
    np.round(total, 6, out=total)     # rounding: ties break the same way every run
    np.fill_diagonal(total, 1.0)
    return total


def neighbour_count(n: int, p: dict) -> int:
    """How many nearest neighbours a note keeps in the graphs: ``neighbours`` (10), fewer
    for a small question (n / 6, at least 3): with 20 notes, 10 is half the room."""
    return min(p["neighbours"], max(3, round(n / 6)))


def shared_neighbours(sim: np.ndarray, k: int, share: float) -> np.ndarray:
    """``share`` of (how many of their k nearest neighbours two notes share) / (k + 1),
    plus the rest of the similarity itself."""
    n = sim.shape[0]
    if share <= 0 or n < 3:
        return sim
    k = max(1, min(k, n - 1))
    # The k + 1 most similar (the note itself among them); ties broken by index.
    nearest = np.argpartition(-sim, k, axis=1)[:, :k + 1]
    rows = np.repeat(np.arange(n), k + 1)
    graph = csr_matrix((np.ones(n * (k + 1)), (rows, nearest.ravel())), shape=(n, n))
    shared = (graph @ graph.T).toarray()
    shared /= k + 1
    shared *= share
    out = np.multiply(sim, 1 - share)
    out += shared
    np.round(out, 6, out=out)
    np.fill_diagonal(out, 1.0)
    return out
