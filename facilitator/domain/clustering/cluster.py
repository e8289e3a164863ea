"""Themes in a question's notes: clusters with readable labels, an "Övrigt" bucket, manual work kept.

Method (docs/themes.md; the measurements in docs/themes-history.md):
1. Each note is read in its own language (clustering_notes): stems, character
   4-grams, compound parts; the thesaurus's synonym groups when it is on.
2. Similarity (clustering_similarity): TF-IDF over terms and 4-grams and, with
   the optional model, e5 sentence vectors centred per language; for the
   clustering also read as shared nearest neighbours.
3. Identical and near-identical notes (domain.duplicates) are one note while
   clustering and come back together.
4. Spectral clustering of the neighbour graph (clustering_spectral); the number
   of themes is the one with the best cosine silhouette (with `n_themes`: the
   average-linkage tree cut at about that many). Small clusters and small talk
   ("bra fika!", "wifi funkar inte", "Where is the toilet?": chatter.py) go to Övrigt.
5. The new clusters are re-sorted from their 3 most central notes by the
   self-training of "Sortera resten" (clustering_training).
6. Labels from the notes' own words (clustering_labels), the most central
   note first as the theme's quote.
Pure and deterministic: same input, same output.
"""
from __future__ import annotations

import functools
import numbers
from collections import Counter
from dataclasses import dataclass

import numpy as np
from . import chatter, similarity
from .labels import (MAX_LABEL, document_counts, label as make_label, quotes as central,
                     spread_of, warm)
from .reading import Note, read
from .training import TRAIN_PARAMS, settle
from .tree import cluster
from ..duplicates import stack

OTHER_LABEL = {"sv": "Övrigt", "en": "Other"}

PARAMS = {
    "w_embed": 1.0, "w_terms": 1.0, "w_chars": 0.5,   # weights of the three similarities
    "w_group": 3.0,                  # a synonym group counts as much as this many words
    "idf_power": 1.0,                # rarer words weigh more (a topic's own word, "buss", less)
    "thesaurus": True,               # the field's synonym groups (data/thesaurus_sv.txt)
    "center": True,                  # subtract the mean sentence vector (spreads e5's cosines)
    "per_language": True,            # ... each language's own mean
    "content_below": 0.5,            # the content words' vector joins the note's (pairs) unless
                                     # the thesaurus knows this share of the notes (round 5)
    "neighbours": 10,                # shared-nearest-neighbour graph for the clustering
    "share": 0.5,                    # ... its weight against the similarity itself
    "min_size": 3,                   # smaller clusters go to Övrigt (2 for < 40 notes)
    "join": 0.25,                    # an Övrigt note joins a theme this similar to it
    "join_rest": 0.05,               # a left-over note joins a new theme this similar to it
    "max_themes": 20,                # the silhouette looks at 2..this many themes
    "spectral": True,                # spectral clustering of the neighbour graph (else the tree's cuts)
    "refine": 1,                     # passes moving notes to their nearest cluster
    "part_grams": True,              # a Swedish compound's parts add their char 4-grams
    "stack": True,                   # identical notes are clustered as one
    "settle": True,                  # re-sort the new clusters from their cores (training.py)
    **TRAIN_PARAMS,
}


@dataclass(frozen=True)
class Theme:
    label: str
    notes: tuple[int, ...]        # indices into the input list
    other: bool = False           # the "Övrigt"/"Other" bucket
    quotes: tuple[int, ...] = ()  # up to 3 representative indices (most central first)


@dataclass
class Prepared:
    """The notes read and compared once; what the clustering and "sort the rest" share."""
    texts: list[str]
    notes: list[Note]              # texts then seed labels
    sim: np.ndarray                # the mixed similarity (texts then seed labels)
    graph: np.ndarray              # the same read as shared nearest neighbours (texts only)
    copies: dict[int, list[int]]   # a stack's first note -> its other copies
    model: bool                    # the sentence vectors were used
    lang: str = "sv"               # the event's language: labels in it first
    parts: tuple = ()              # (lexical cosines, vector cosines or None): to mix again
    vectors: np.ndarray | None = None  # the notes' own sentence vectors (unit rows): labels

    def mixed(self, w_embed: float, p: dict) -> np.ndarray:
        """The similarity again with another weight of the sentence vectors."""
        return similarity.mix(self.parts, p, w_embed)

    @functools.cached_property
    def counts(self) -> Counter:
        """In how many notes each term is written: every label of these notes uses it."""
        return document_counts(self.notes, len(self.texts))


def prepare(texts: list[str], *, lang: str = "auto", vectors=None, extra: list[str] = (),
            p: dict, w_embed: float | None = None, label_lang: str = "sv",
            given: list[str] = ()) -> Prepared:
    """Read and compare the notes (and ``extra`` texts after them, e.g. seed labels);
    ``given``: the facilitator's words for themes (chatter.judge)."""
    extra = list(extra)
    notes = [read(t, lang, p) for t in texts + extra]
    for note, (talk, speaks) in zip(notes, chatter.judge(texts, list(extra) + list(given))):
        note.off_topic = note.off_topic or talk
        note.chatter = speaks
    group_weight = p["w_group"] if p.get("thesaurus", True) else 0.0
    terms = similarity.tfidf([n.terms for n in notes],
                             lambda t: group_weight if t.startswith("g:") else 1.0,
                             p["idf_power"])
    chars = similarity.tfidf([n.chars for n in notes], power=p["idf_power"])
    weight = p["w_embed"] if w_embed is None else w_embed
    matrix = similarity.vectors_of(texts, extra, vectors) if weight > 0 else None
    if matrix is not None:
        matrix = similarity.readings(matrix, _known_to_thesaurus(notes[:len(texts)], p), p)
    raw = None if matrix is None else matrix[:len(texts)] / np.maximum(
        np.linalg.norm(matrix[:len(texts)], axis=1), 1e-12)[:, None]
    if matrix is not None and p["center"] and len(texts) >= 2:
        matrix = similarity.centred(matrix, [n.lang for n in notes], len(texts),
                                    p["per_language"])
    elif matrix is not None:
        matrix = matrix / np.maximum(np.linalg.norm(matrix, axis=1), 1e-12)[:, None]
    parts = similarity.cosines(terms, chars, matrix, p)
    sim = similarity.mix(parts, p, weight)
    n = len(texts)
    graph = similarity.shared_neighbours(sim[:n, :n], similarity.neighbour_count(n, p),
                                         p["share"])
    copies = _copies(texts) if p["stack"] else {}
    return Prepared(texts, notes, sim, graph, copies, matrix is not None, label_lang, parts, raw)


def _known_to_thesaurus(notes: list[Note], p: dict) -> float:
    """The share of the notes that write a word of the thesaurus's groups (0 with it off)."""
    if not notes or not p.get("thesaurus", True):
        return 0.0
    return sum(any(t.startswith("g:") for t in n.terms) for n in notes) / len(notes)


def _copies(texts: list[str]) -> dict[int, list[int]]:
    return {s.first: list(s.members[1:]) for s in stack(texts) if s.count > 1}


def find_themes(texts: list[str], *, lang: str = "auto", n_themes: int | None = None,
                vectors: list | None = None, seeds: list[str] = (), locale: str = "sv",
                keep: list[tuple[str, tuple[int, ...]]] = (),
                params: dict | None = None) -> list[Theme]:
    """Cluster; `vectors[i]` is the stored embedding of texts[i] or None (then computed if the model is available, else lexical only).

    `keep`: manual themes (label, note indices) that must survive unchanged — their
    notes stay put, and the remaining notes join the nearest kept theme when close
    enough, otherwise they are clustered into new themes (or Övrigt). `seeds`:
    theme labels given in advance that name the clusters they match. Other label
    is "Övrigt" (locale sv) or "Other" (en). Themes sorted by size descending,
    Övrigt last. Deterministic. `params` overrides PARAMS (tuning and the bench).
    """
    p = {**PARAMS, **(params or {})}
    texts = [t if isinstance(t, str) else "" for t in texts]
    n = len(texts)
    if n == 0:
        return []
    other_label = OTHER_LABEL.get(locale, OTHER_LABEL["en"])
    seeds = [s for s in dict.fromkeys(s.strip() for s in seeds if isinstance(s, str)) if s]
    prep = prepare(texts, lang=lang, vectors=vectors, extra=seeds, p=p,
                   label_lang=locale if locale in OTHER_LABEL else "en")
    kept, taken, kept_other = kept_themes(keep, n, other_label)
    free = [i for i in range(n) if i not in taken]
    copies = {c for cs in prep.copies.values() for c in cs}
    heads = [i for i in free if i not in copies]
    # Notes with something to say get clustered; the rest wait for Övrigt.
    active = [i for i in heads if not prep.notes[i].off_topic]
    assigned, active = join_nearest(active, [m for _, m in kept], prep.sim, p["join"])
    clusters = [(c, "") for c in cluster(active, prep.graph, n_themes, p, n)]
    clusters = [(_without_weak_chatter(c, prep, p["join"]), label) for c, label in clusters]
    clusters = _seed(clusters, seeds, n, prep.sim, p)
    placed = {i for c, _ in clusters for i in c} | {i for v in assigned for i in v}
    leftovers = [i for i in heads if i not in placed]
    # A left-over note close enough to a new theme joins it rather than Övrigt.
    _, rest = join_nearest(leftovers, [c for c, _ in clusters], prep.sim, p["join_rest"],
                           can_join=lambda i: not prep.notes[i].off_topic, grow=True)
    rest = _gather_seeds(rest, seeds, clusters, prep, p)
    if p["settle"]:
        clusters, rest = settle(clusters, rest, prep.mixed(p["seed_w_embed"], p), prep.graph,
                                lambda i: not prep.notes[i].off_topic,
                                lambda i: prep.notes[i].chatter, lambda c: is_theme(c, prep), p, n,
                                new=not n_themes)
    groups = [(label, m + j) for (label, m), j in zip(kept, assigned)]
    return assemble(prep, groups, clusters, rest + kept_other, other_label)


def _without_weak_chatter(members: list[int], prep: Prepared, threshold: float) -> list[int]:
    """A note that speaks of logistics ("parkeringen var full") stays in a new theme only
    when it is really like the theme's notes; otherwise it waits for Övrigt."""
    return [i for i in members if not prep.notes[i].chatter
            or float(prep.sim[i, members].mean()) >= threshold]


def join_nearest(candidates: list[int], groups: list[list[int]], sim: np.ndarray,
                 threshold: float, can_join=None, grow: bool = False):
    """Each candidate joins its nearest group when the similarity reaches ``threshold``.

    Returns (what each group gained, the others in order). With ``grow`` a note joins
    the group's own list at once, so the next candidate compares with it too.
    """
    gained: list[list[int]] = [[] for _ in groups]
    rest = []
    for i in candidates:
        best, score = (None, 0.0)
        if groups and (can_join is None or can_join(i)):
            best, score = nearest(i, groups, sim)
        if best is not None and score >= threshold:
            (groups[best] if grow else gained[best]).append(i)
        else:
            rest.append(i)
    return gained, rest


def _gather_seeds(rest: list[int], seeds: list[str], clusters: list, prep: Prepared,
                  p: dict) -> list[int]:
    """A seed no cluster took gathers the left-over notes close to it, if there are enough
    (appended to ``clusters``); returns the notes still left over."""
    n = len(prep.texts)
    taken_seeds = {label for _, label in clusters if label}
    for s, seed in enumerate(seeds):
        if seed[:MAX_LABEL] in taken_seeds:
            continue
        near = [i for i in rest if not prep.notes[i].off_topic and prep.sim[n + s, i] >= p["join"]]
        if len(near) >= (p["min_size"] if n >= 40 else 2):
            clusters.append((near, seed[:MAX_LABEL]))
            rest = [i for i in rest if i not in near]
    return rest


def assemble(prep: Prepared, groups: list[tuple[str, list[int]]], clusters: list,
             rest: list[int], other_label: str) -> list[Theme]:
    """Given themes (label, members) as they are, the new clusters labelled (a cluster of
    mostly chatter, or one with no label, goes to Övrigt), copies back with their first
    note, by size, Övrigt last."""
    n = len(prep.texts)
    rest = list(rest)
    found: list[tuple[str, list[int]]] = []
    used = {label.lower() for label, _ in groups} | {other_label.lower()}
    spread = spread_of([m for m, _ in clusters] + [m for _, m in groups], prep.notes)
    if prep.vectors is not None:      # the label words of every new theme in one model call
        warm([sorted(m) for m, seed in clusters if not seed], prep.notes, n, prep.lang,
             texts=prep.texts, sim=prep.sim, spread=spread, counts=prep.counts)
    for members, seed_label in sorted(clusters, key=lambda c: (-len(c[0]), min(c[0]))):
        name = seed_label if seed_label and seed_label.lower() not in used else None
        name = name or named(members, prep, used, spread)
        if not name:
            rest.extend(members)
            continue
        used.add(name.lower())
        found.append((name, members))
    themes = [_theme(label, members, prep) for label, members in groups + found]
    themes.sort(key=lambda t: (-len(t.notes), min(t.notes) if t.notes else n))
    other = _with_copies(rest, prep)
    other = sorted(set(other) - {i for t in themes for i in t.notes})
    if other:
        themes.append(Theme(other_label, tuple(other), True, central(other, prep.sim)))
    return themes


def named(members: list[int], prep: Prepared, used: set[str] = frozenset(),
          spread: dict | None = None, words: bool = True) -> str:
    """A new cluster's label, or "" when it is no theme: mostly chatter, or no word its
    notes share. ``words`` False: without the word vectors' re-ranking (whether there is a
    label does not depend on it)."""
    chatter = sum(prep.notes[i].chatter for i in members)
    if chatter * 2 >= len(members) + 1:
        return ""
    return make_label(sorted(members), prep.notes, set(used), len(prep.texts), prep.lang,
                      texts=prep.texts, sim=prep.sim, spread=spread,
                      vectors=prep.vectors if words else None, counts=prep.counts)


def is_theme(members: list[int], prep: Prepared) -> bool:
    """Whether a new cluster would get a label (named), without asking the model."""
    return bool(named(members, prep, words=False))


def _theme(label: str, members: list[int], prep: Prepared) -> Theme:
    everyone = sorted(set(_with_copies(members, prep)))
    return Theme(label, tuple(everyone), False, central(sorted(set(members)), prep.sim))


def _with_copies(members: list[int], prep: Prepared) -> list[int]:
    return [j for i in members for j in (i, *prep.copies.get(i, ()))]


# ---- naming clusters after seeds, joining kept themes ------------------------------

def _seed(clusters, seeds: list[str], n: int, sim: np.ndarray, p) -> list[tuple[list[int], str]]:
    """Give each seed the cluster it matches best (its label wins), once each."""
    if not seeds or not clusters:
        return clusters
    pairs = []
    for s in range(len(seeds)):
        for c, (members, _) in enumerate(clusters):
            pairs.append((float(sim[n + s, members].mean()), s, c))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    labels = {}
    used_seeds = set()
    for score, s, c in pairs:
        if score < p["join"] * 0.6 or s in used_seeds or c in labels:
            continue
        labels[c] = seeds[s][:MAX_LABEL]
        used_seeds.add(s)
    return [(members, labels.get(c, "")) for c, (members, _) in enumerate(clusters)]


def nearest(i: int, groups: list[list[int]], sim: np.ndarray) -> tuple[int | None, float]:
    best, score = None, -1.0
    for k, members in enumerate(groups):
        if not members:
            continue
        value = float(sim[i, members].mean())
        if value > score:
            best, score = k, value
    return best, score


def kept_themes(keep, n: int, other_label: str):
    """([(label, members)], all kept indices, kept Övrigt members); bad indices are dropped."""
    kept, taken, other = [], set(), []
    for label, members in keep or ():
        label = str(label).strip()[:200] or "?"
        good = sorted({int(i) for i in members if isinstance(i, numbers.Integral)
                       and not isinstance(i, bool) and 0 <= i < n} - taken)
        taken.update(good)
        if label.lower() in {v.lower() for v in OTHER_LABEL.values()} | {other_label.lower()}:
            other.extend(good)
        else:
            kept.append((label, good))
    return kept, taken, other
