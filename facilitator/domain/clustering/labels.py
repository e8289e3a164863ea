"""Theme labels from the notes' own words, and the theme's quotes.

The best term of a cluster by class TF-IDF (a term must occur in at least 2
notes), weighted by how central the notes that write it are, shown as the form
the notes write most (never a genitive); a synonym group shows its key word if the
notes use it; acronyms as written. Nouns first (wordclass.py: a bare verb, adjective,
adverb or time word never leads, nor is second; the word-class lexicon's words are left out,
and a cluster whose notes share only such words is named by a noun one note writes, so
that the lexicon changes no clustering). A second term only when it is surely a noun and written
in half of the theme's notes: one strong noun rather than a weak pair. The theme's word,
not the topic's: a term written in several found themes weighs less and is never second;
with the notes' sentence vectors the best candidates are re-ranked by their own e5 word
vector's closeness to the theme (KeyBERT-like; skipped without the model). Pure apart from
the model call.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict

import numpy as np

from . import embedding, thesaurus
from .wordclass import (FILLER, NOT_NOUNS, ORGANISERS, genitive, noun_evidence, noun_likeness,
                        surely_noun)
from ..text import stem

MAX_LABEL = 40
p_second = 0.6          # a second label word needs this share of the first one's score
p_common = 0.5          # ... and to be written in at least half of the theme's notes
p_spread = 0.2          # a term written by this share of a theme's notes is one of its words
p_words = 6             # the best candidates the word vectors re-rank ...
p_near = 0.4            # ... those scoring at least this share of the best one
p_closeness = 30.0      # a word 0.1 less close to the theme (than the closest) weighs exp(-3)
p_topic = 0.5           # a term of k themes weighs 1 / k ** p_topic (the topic's word, not the theme's)
p_organiser = 0.25      # "Kommunen": who is asked, not what for (wordclass.ORGANISERS)
NEVER_LABELS = FILLER | NOT_NOUNS     # filler and closed-class words: never a label


def quotes(members: list[int], sim: np.ndarray) -> tuple[int, ...]:
    """Up to 3 members with the highest mean similarity to the rest (most central first)."""
    if not members:
        return ()
    centrality = sim[np.ix_(members, members)].mean(axis=1)
    order = sorted(range(len(members)), key=lambda k: (-round(float(centrality[k]), 6), members[k]))
    return tuple(members[k] for k in order[:3])


def label(members: list[int], notes: list, used: set[str], n: int, lang: str = "sv", *,
          texts: list[str] | None = None, sim: np.ndarray | None = None,
          spread: dict | None = None, vectors: np.ndarray | None = None,
          counts: Counter | None = None) -> str:
    """The one or two best terms of a cluster as the notes write them: "Samverkan · Kommunerna".

    Nouns first (a bare verb or adjective never leads); words of the event's language
    (``lang``) before words of notes in the other one. With the notes' ``texts`` a word they
    write after an article is a noun; with ``sim`` the words of the theme's central notes
    weigh more than a word of its edge. ``counts``: document_counts(notes, n), when the
    caller names several clusters of the same notes. "" when its notes share no word (not a
    theme)."""
    evidence = noun_evidence(texts[i] for i in members) if texts is not None else frozenset()
    counts = document_counts(notes, n) if counts is None else counts
    scored = _candidates(members, notes, n, lang, evidence, _centrality(members, sim),
                         spread or {}, counts)
    if vectors is not None and len(scored) > 1:
        scored = _closest(members, scored, vectors)
    picked = _picked(scored, len(members), spread or {})
    candidates = []
    if picked:
        candidates.append(" · ".join(_capital(f) for f in picked))
        candidates.append(_capital(picked[0]))
    candidates += [_capital(f) for _, f, *_ in scored[:6]]
    for candidate in candidates:
        if len(candidate) <= MAX_LABEL and candidate.lower() not in used:
            return candidate
    if not picked:
        return ""                  # nothing the notes share: not a theme
    base = _capital(picked[0])[:MAX_LABEL - 4]
    k = 2
    while f"{base} {k}".lower() in used:
        k += 1
    return f"{base} {k}"


def document_counts(notes: list, n: int) -> Counter:
    """In how many of the first ``n`` notes each term is written (the labels' idf)."""
    counts: Counter = Counter()
    for note in notes[:n]:
        counts.update(note.terms.keys())
    return counts


def _candidates(members: list[int], notes: list, n: int, lang: str, evidence: frozenset[str],
                central: dict[int, float], spread: dict, counts: Counter) -> list[tuple]:
    """The scored terms two or more members share (``_scored``). When they share only words
    of the word-class lexicon (a verb, adjective, adverb or time word: "öppet", "kvällen") the
    cluster is still a theme (the lexicon changes no clustering) and is named by the best
    noun one of its notes writes, the central notes' first; by the shared word itself only
    when its notes write no other word at all."""
    scored = _scored(members, notes, n, lang, counts, evidence, central, spread)
    if scored:
        return scored
    shared = _scored(members, notes, n, lang, counts, evidence, central, spread, lexicon=False)
    if not shared:
        return []
    return _scored(members, notes, n, lang, counts, evidence, central, spread, least=1) or shared


def _picked(scored: list[tuple], size: int, spread: dict = {}) -> list[str]:
    """The best term, and a second one only when it is a noun, scores at least ``p_second``
    of the first, is written in ``p_common`` of the notes and says something else."""
    picked: list[str] = []
    groups_picked: set[str] = set()
    for score, form, term, nounish, count, raw in scored:
        if any(_same(form, other) for other in picked):
            continue
        groups = thesaurus.word_groups(form.lower(), form)
        groups |= {term[2:]} if term[:2] == "g:" else set()
        if picked and (nounish < 1 or groups & groups_picked or raw < scored[0][5] * p_second
                       or count < p_common * size or spread.get(term, 0) > 1
                       or form.lower() in ORGANISERS):
            continue
        picked.append(form)
        groups_picked |= groups
        if len(picked) == 2:
            break
    return picked


def warm(clusters: list[list[int]], notes: list, n: int, lang: str, *, texts: list[str],
         sim: np.ndarray, spread: dict, counts: Counter | None = None) -> None:
    """The words the vectors would re-rank for all of these clusters, embedded in one model
    call: naming them then waits for the model once, not once a theme (the model is shared
    with the background embedding of new notes)."""
    words: set[str] = set()
    counts = document_counts(notes, n) if counts is None else counts
    for members in clusters:
        evidence = noun_evidence(texts[i] for i in members)
        scored = _candidates(members, notes, n, lang, evidence, _centrality(members, sim),
                             spread, counts)
        words.update(_top_words(scored))
    if words:
        embedding.embed(sorted(words))


def _top(scored: list[tuple]) -> list[tuple]:
    """The candidates the word vectors re-rank: the best ``p_words`` within ``p_near``."""
    top = [row for row in scored[:p_words] if row[0] <= scored[0][0] * p_near]
    return top if len(top) >= 2 else []


def _top_words(scored: list[tuple]) -> list[str]:
    return [form.lower() for _, form, *_ in _top(scored)] if scored else []


def _closest(members: list[int], scored: list[tuple], vectors: np.ndarray) -> list[tuple]:
    """The best candidates re-ranked by how close each word's own e5 vector is to the theme's
    centre, less its closeness to all the notes' centre (KeyBERT-like): the theme's word, not
    the topic's. Unchanged without the model."""
    top = _top(scored)
    if not top:
        return scored
    words = embedding.embed([form.lower() for _, form, *_ in top])
    if not words:
        return scored
    matrix = np.asarray(words, dtype=float)
    theme, everyone = vectors[members].mean(axis=0), vectors.mean(axis=0)
    theme /= max(float(np.linalg.norm(theme)), 1e-12)
    everyone /= max(float(np.linalg.norm(everyone)), 1e-12)
    closeness = matrix @ theme - matrix @ everyone
    weights = np.exp(p_closeness * (closeness - closeness.max()))
    ranked = [(-round(-row[0] * float(w), 6), *row[1:]) for row, w in zip(top, weights)]
    ranked = _nouns_first(ranked)
    return sorted(ranked, key=lambda row: row[0]) + scored[len(top):]


def _centrality(members: list[int], sim: np.ndarray | None) -> dict[int, float]:
    """Each member's rank by its mean similarity to the others, 0 (edge) to 1 (centre)."""
    if sim is None or len(members) < 3:
        return {}
    mean = sim[np.ix_(members, members)].mean(axis=1)
    order = sorted(range(len(members)), key=lambda k: (round(float(mean[k]), 6), members[k]))
    return {members[k]: rank / (len(members) - 1) for rank, k in enumerate(order)}


def _scored(members: list[int], notes: list, n: int, lang: str, everywhere: Counter,
            evidence: frozenset[str] = frozenset(), central: dict[int, float] = {},
            spread: dict = {}, lexicon: bool = True, least: int = 2) -> list[tuple]:
    """(-score, form, term, noun-likeness, notes, score before the topic's demotion) of every
    term ``least`` (two) or more members share, best first. A term written by the theme's
    central notes weighs up to 1.5, by its edge 0.5; a term of k found themes 1/sqrt(k)
    (``spread``). The word-class lexicon's verbs, adjectives, adverbs and time words are left
    out (``lexicon`` False: kept, by the ending rules alone)."""
    inside: Counter = Counter()
    forms: dict[str, Counter] = defaultdict(Counter)
    own_language, english, centre = Counter(), Counter(), Counter()
    for i in members:
        for term in notes[i].terms:
            inside[term] += 1
            own_language[term] += notes[i].lang == lang
            english[term] += notes[i].lang == "en"
            centre[term] += central.get(i, 0.5)
            forms[term].update(notes[i].surfaces.get(term, {}))
    scored = []
    for term, count in inside.items():
        form = _group_form(term[2:], forms[term]) if term.startswith("g:") else _form(forms[term])
        if not form or (form.lower() in NEVER_LABELS and not form.isupper()) or count < least:
            continue
        is_english = english[term] * 2 > count
        nounish = noun_likeness(form, forms[term], is_english, evidence, lexicon)
        if nounish == 0:
            continue                   # a verb, adjective, adverb or time word never leads
        if nounish == 1 and not surely_noun(form, forms[term], is_english, evidence):
            nounish = 0.99             # a noun by no rule against it: may lead, never second
        language = 0.6 + 0.4 * own_language[term] / count
        bonus = (1.3 if term.startswith("g:") else 1.0) * nounish * language
        bonus *= 0.5 + centre[term] / count
        raw = count / len(members) * math.log(1 + n / everywhere[term]) * bonus
        score = raw / max(spread.get(term, 1), 1) ** p_topic    # the topic's word: less
        score *= p_organiser if form.lower() in ORGANISERS else 1.0
        scored.append((-round(score, 6), form, term, nounish, count, raw))
    scored = _nouns_first(scored)
    scored.sort()
    return scored


def _nouns_first(scored: list[tuple]) -> list[tuple]:
    """A topic's noun demoted below a word that is no noun ("Samverkan", "brinner") is
    lifted back above it: the demotion orders nouns, it never makes a verb the label."""
    nouns = [row for row in scored if row[3] >= 0.99]
    out = []
    for row in scored:
        if row[3] < 0.99:
            above = [-noun[0] for noun in nouns if noun[5] >= row[5]]
            if above and min(above) < -row[0]:
                row = (-round(min(above) * 0.999, 6), *row[1:])
        out.append(row)
    return out


def spread_of(clusters, notes: list) -> Counter:
    """In how many of the clusters each term is written by at least two notes and
    ``p_spread`` of the cluster's notes: a term of several themes is the topic's word."""
    found: Counter = Counter()
    for members in clusters:
        counts: Counter = Counter()
        for i in members:
            counts.update(notes[i].terms.keys())
        found.update(t for t, c in counts.items() if c >= 2 and c >= p_spread * len(members))
    return found


def _group_form(key: str, forms: Counter) -> str:
    """A synonym group shown as the word the notes use for it: its key word counts double
    ("Samverkan"), then the most used, then the thesaurus's order (the best label first).
    When that is no noun ("digital"), the key word's form or a noun written twice wins."""
    if not forms:
        return ""
    order = thesaurus.order(key)

    def nounish(form: str) -> float:
        return noun_likeness(form, forms)

    def rank(form: str):                 # by the ending rules: a lexicon word may still win
        own = 2 if stem(form.lower(), "sv") == stem(key, "sv") else 1   # and hand over below
        return (-forms[form] * own * noun_likeness(form, forms, lexicon=False),
                order.get(form.lower(), len(order)), len(form), form)
    best = min(forms, key=rank)
    if nounish(best) < 1:
        nouns = [f for f in forms if nounish(f) == 1 and stem(f.lower(), "sv") == stem(key, "sv")]
        nouns = nouns or [f for f in forms if nounish(f) == 1 and forms[f] >= 2]
        best = min(nouns, key=rank) if nouns else best
    return best


def _form(forms: Counter) -> str:
    """The most used written form that is no genitive ("bostadsbolaget", not "-bolagets"); on
    a tie the shortest, then alphabetical. Only genitives: the first without its -s."""
    if not forms:
        return ""
    plain = [w for w in forms if not genitive(w.lower())]
    if plain:
        return min(plain, key=lambda w: (-forms[w], len(w), w))
    return min(forms, key=lambda w: (-forms[w], len(w), w))[:-1]


def _same(a: str, b: str) -> bool:
    """Two label words that say the same: one starts or ends the other (telefonbedrägerier,
    bedrägerier), or they share a word's stem."""
    a, b = a.lower(), b.lower()
    if a.startswith(b) or b.startswith(a) or a.endswith(b) or b.endswith(a):
        return True
    return bool({stem(w, "en") for w in a.split()} & {stem(w, "en") for w in b.split()})


def _capital(form: str) -> str:
    return form if form.isupper() else form[:1].upper() + form[1:]
