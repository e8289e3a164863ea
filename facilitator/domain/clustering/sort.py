""""Sort the rest": the facilitator's own themes, with a few notes each, take the other notes.

The facilitator names a few themes and places one to three notes in each by hand;
every other note goes to the theme whose hand-placed notes it is most like, when
it is close enough. Notes close to none are clustered among themselves into new
suggested themes, or go to Övrigt (small talk always does: chatter.py decides it, as
for the automatic themes; a logistics word in a theme's name is that theme's topic).
Hand-placed Övrigt notes teach it too: a note that speaks of the day and is more like
them than like its theme goes to Övrigt (or a new theme). The least certain placements
(the smallest lead of the best theme over the next) are marked for review.

The facilitator's name for a theme ("Biljetter", "Mental health") is read like
a note and counts as much as the theme's hand-placed notes together: it says what
the theme means in the facilitator's own word, where two notes say it only by
example. A default name ("Nytt tema") says nothing and is not used.

Self-training from the hand-placed notes (training.py), three rounds.
Sentence vectors weigh double here: the facilitator's notes say what a
theme means, words alone do not. Pure and deterministic.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import embedding
from ..themes import NEW_LABEL
from .cluster import OTHER_LABEL, PARAMS, Theme, assemble, is_theme, kept_themes, prepare
from .training import TRAIN_PARAMS, place, review, take_back
from .tree import cluster

SORT_PARAMS = {
    **TRAIN_PARAMS,          # self-training from the hand-placed notes (training.py)
    "review_share": 0.15,    # this share of the placed notes, the least certain, is marked
    "use_names": True,       # a theme's name pulls as much as its hand-placed notes together
}
# "Nytt tema", "New theme 2": the name a theme gets before the facilitator gives it one.
_DEFAULT_NAME = re.compile(
    "(" + "|".join(re.escape(v) for v in NEW_LABEL.values()) + r")\s*\d*", re.IGNORECASE)


@dataclass(frozen=True)
class Sorted:
    themes: list[Theme]            # the facilitator's themes (labels kept), suggested ones, Övrigt
    review: tuple[int, ...] = ()   # notes placed with the least certainty, least certain first


def sort_rest(texts: list[str], placed: list[tuple[str, tuple[int, ...]]], *,
              lang: str = "auto", vectors: list | None = None, locale: str = "sv",
              params: dict | None = None) -> Sorted:
    """Every note not in ``placed`` (label, hand-placed note indices) goes to a theme.

    A placed theme named Övrigt/Other holds notes the facilitator calls small talk.
    Bad indices are dropped; a label given twice keeps its first notes.
    """
    p = {**PARAMS, **SORT_PARAMS, **(params or {})}
    texts = [t if isinstance(t, str) else "" for t in texts]
    if not texts:
        return Sorted([])
    other_label = OTHER_LABEL.get(locale, OTHER_LABEL["en"])
    kept, taken, hand_other = kept_themes(placed, len(texts), other_label)
    kept = [(label, members) for label, members in kept if members]
    names = _names(kept, vectors, p)
    prep = prepare(texts, lang=lang, vectors=vectors, p=p, w_embed=p["seed_w_embed"],
                   extra=[name for name, _ in names],
                   label_lang=locale if locale in OTHER_LABEL else "en",
                   given=[label for label, _ in kept])
    copies = {c for cs in prep.copies.values() for c in cs}
    free = [i for i in range(len(texts)) if i not in taken and i not in copies]
    talk = [i for i in free if not prep.notes[i].off_topic]
    hands = [m + _name_rows(g, names, len(texts), len(m)) for g, (_, m) in enumerate(kept)]
    joined, certainty, rest, nearest = place(talk, hands, prep.sim,
                                             [prep.notes[i].chatter for i in talk], p)
    small_talk = [i for i in free if prep.notes[i].off_topic]
    if hand_other:
        rest += _like_other(hand_other, kept, joined, certainty, prep)
    new = [(c, "") for c in cluster(rest, prep.graph, None, p, len(texts)) if is_theme(c, prep)]
    left = [i for i in rest if i not in {j for c, _ in new for j in c}]
    left = take_back(left, nearest, joined, certainty, p["back_join"])
    groups = [(label, members + j) for (label, members), j in zip(kept, joined)]
    themes = assemble(prep, groups, new, left + small_talk + hand_other, other_label)
    return Sorted(themes, review(certainty, p["review_share"]))


def _like_other(hand_other: list[int], kept: list[tuple[str, list[int]]],
                joined: list[list[int]], certainty: dict, prep) -> list[int]:
    """Notes that speak of the day and are more like the hand-placed Övrigt notes than
    like the rest of the theme they joined (its hand-placed notes and the others that
    joined it) leave it (for a new theme or Övrigt)."""
    moved = []
    for (_, hands), members in zip(kept, joined):
        for i in list(members):
            if not prep.notes[i].chatter:
                continue
            theme = hands + [j for j in members if j != i]
            if float(prep.sim[i, hand_other].mean()) > float(prep.sim[i, theme].mean()):
                members.remove(i)
                certainty.pop(i, None)
                moved.append(i)
    return moved


def _names(kept: list[tuple[str, list[int]]], vectors, p: dict) -> list[tuple[str, int]]:
    """(name, its theme's position) for the themes the facilitator has named. A default
    name ("Nytt tema") or a numbered one ("Tema 1", "Tema 2", "Grupp A") says nothing.
    Not used when stored vectors are given but no model can read the names (the notes
    keep their vectors rather than all falling back to words)."""
    if not p["use_names"] or (vectors is not None and p["seed_w_embed"] > 0
                              and not embedding.available()):
        return []
    stems = [_stem(label) for label, _ in kept]
    return [(label.strip(), g) for g, (label, _) in enumerate(kept)
            if stems[g] and not _DEFAULT_NAME.fullmatch(label.strip())
            and stems.count(stems[g]) == 1]


def _stem(label: str) -> str:
    """A name without its numbers and single letters: "Tema 2" and "Tema 3" are both "tema"."""
    return " ".join(w for w in re.findall(r"[^\W\d_]+", label.lower()) if len(w) > 1)


def _name_rows(group: int, names: list[tuple[str, int]], n: int, weight: int) -> list[int]:
    """The name's row in the similarity (after the n notes), ``weight`` times: a theme's
    mean pull is then half its name, half its hand-placed notes."""
    rows = [n + k for k, (_, g) in enumerate(names) if g == group]
    return rows * weight
