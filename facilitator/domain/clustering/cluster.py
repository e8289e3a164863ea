"""Themes in a question's notes: clusters with readable labels, an "Övrigt" bucket, manual work kept.

Method (docs/themes.md has the measurements):
1. Each note is read in its own language (or the one given): lower case keeping
   å/ä/ö, Swedish and English stop words dropped, Snowball stems, and the curated
   synonym groups of the field (data/thesaurus_sv.txt), so "samverkan",
   "samarbete" and "jobba ihop" meet, and so do compounds that start with them.
2. Three similarities between notes, mixed with fixed weights: TF-IDF over stems
   and synonym groups, TF-IDF over character 4-grams (typos, compounds), and the
   cosine of multilingual-e5 sentence vectors when they exist (optional model).
3. Average-linkage agglomerative clustering on that similarity, cut at a fixed
   height (or at about `n_themes`). Small clusters and notes with nothing but
   logistics or pleasantries ("bra fika!") go to Övrigt.
4. Labels from the notes' own words: the best one or two terms by class TF-IDF,
   each shown as the form the notes use most (a synonym group shows its most used
   member, an acronym as written), filler words never.
Pure and deterministic: same input, same output.
"""
from __future__ import annotations

import math
import numbers
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse import csr_matrix

from . import embedding, thesaurus
from ..text import compound_parts, language_of, stem, stop_words

OTHER_LABEL = {"sv": "Övrigt", "en": "Other"}
MAX_LABEL = 40
p_second = 0.6          # a second label word needs this share of the first one's score
TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# Words that say how much or how important, never what about: not labels.
FILLER = frozenset("""
behöver behövs mer mera fler flera viktigt viktig viktiga bra bättre sämre måste borde ska
alltid aldrig många mycket lite tydlig tydligare tydliga tid idag dag ofta oftare sällan
göra gör jobba arbeta finns kommer saknas fungerar faktiskt riktigt verkligen helt olika egen
egna hela stort större stor liten små mindre inte alla varje också igen tidigt tidigare
need needs more better must should important many much really every time clear clearer
prata pratar analysera kräver kräva hjälper hjälpa leda används använda fungera hantera skapa
stödja stötta lära lösa följa komma jobbar arbetar känna känner läser svarar hinner räcker
startar tappar slutar ökar mår få får ge ger sitta finnas gäller syfte känns följer leder
saknar blir görs ges tas händer syns sjunkit
make makes help helps keep feel talk use work works get gets start stop
""".split())

PARAMS = {
    "w_embed": 1.0, "w_terms": 1.0, "w_chars": 0.5,   # weights of the three similarities
    "w_group": 3.0,                  # a synonym group counts as much as this many words
    "center": True,                  # subtract the mean sentence vector (spreads e5's cosines)
    "cut": 0.97,                     # average-linkage height (1 - similarity) with the model
    "cut_lexical": 0.96,             # ... and without it
    "min_size": 3,                   # smaller clusters go to Övrigt (2 for < 40 notes)
    "join": 0.25,                    # an Övrigt note joins a theme this similar to it
    "max_themes": 12,
    "refine": 1,                     # passes moving notes to their nearest cluster
    "part_grams": True,              # a Swedish compound's parts add their char 4-grams
    "w_part": 0.0,                   # ... and count as this many words (0: not as words)
}


@dataclass(frozen=True)
class Theme:
    label: str
    notes: tuple[int, ...]        # indices into the input list
    other: bool = False           # the "Övrigt"/"Other" bucket
    quotes: tuple[int, ...] = ()  # up to 3 representative indices (most central first)


@dataclass
class _Note:
    terms: Counter                # "s:stem" and "g:group" -> weight
    surfaces: dict                # term -> Counter of forms as the note writes them
    chars: Counter                # character n-grams
    lang: str
    off_topic: bool               # nothing but logistics/pleasantries, or nothing at all
    chatter: bool                 # speaks of logistics or pleasantries at all


def find_themes(texts: list[str], *, lang: str = "auto", n_themes: int | None = None,
                vectors: list | None = None, seeds: list[str] = (), locale: str = "sv",
                keep: list[tuple[str, tuple[int, ...]]] = (),
                params: dict | None = None) -> list[Theme]:
    """Cluster; `vectors[i]` is the stored embedding of texts[i] or None (then computed if the model is available, else lexical only).

    `keep`: manual themes (label, note indices) that must survive unchanged — their
    notes stay put, and the remaining notes are assigned to the nearest kept theme
    when close enough, otherwise clustered into new themes (or Övrigt). `seeds`:
    theme labels given in advance (e.g. a question's expected topics) used as
    initial centroids/labels when notes match them. Other label is "Övrigt"
    (locale sv) or "Other" (en). Themes sorted by size descending, Övrigt last.
    Deterministic. `params` overrides PARAMS (for tuning and the bench).
    """
    p = {**PARAMS, **(params or {})}
    texts = [t if isinstance(t, str) else "" for t in texts]
    n = len(texts)
    if n == 0:
        return []
    other_label = OTHER_LABEL.get(locale, OTHER_LABEL["en"])
    seeds = [s for s in dict.fromkeys(s.strip() for s in seeds if isinstance(s, str)) if s]
    notes = [_read(t, lang, p) for t in texts + seeds]
    sim = _similarity(notes, texts, seeds, vectors, p)

    kept, taken, kept_other = _kept(keep, n, other_label)
    free = [i for i in range(n) if i not in taken]
    # Notes with something to say get clustered; the rest wait for Övrigt.
    active = [i for i in free if not notes[i].off_topic]
    assigned, active = _join_nearest(active, [members for _, members in kept], sim, p["join"])

    clusters = _cluster(active, sim, n_themes, p, n)
    clusters = _seed(clusters, seeds, n, sim, p)
    placed = {i for c, _ in clusters for i in c} | {i for v in assigned for i in v}
    leftovers = [i for i in free if i not in placed]
    # A left-over note close enough to a new theme joins it rather than Övrigt.
    _, rest = _join_nearest(leftovers, [c for c, _ in clusters], sim, p["join"] * 1.5,
                            can_join=lambda i: not notes[i].off_topic, grow=True)
    rest = _gather_seeds(rest, seeds, clusters, notes, sim, n, p)
    return _assemble(kept, assigned, clusters, rest, kept_other, notes, texts, sim, other_label)


def _join_nearest(candidates: list[int], groups: list[list[int]], sim: np.ndarray,
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
            best, score = _nearest(i, groups, sim)
        if best is not None and score >= threshold:
            (groups[best] if grow else gained[best]).append(i)
        else:
            rest.append(i)
    return gained, rest


def _gather_seeds(rest: list[int], seeds: list[str], clusters: list, notes: list[_Note],
                  sim: np.ndarray, n: int, p: dict) -> list[int]:
    """A seed no cluster took gathers the left-over notes close to it, if there are enough
    (appended to ``clusters``); returns the notes still left over."""
    taken_seeds = {label for _, label in clusters if label}
    for s, seed in enumerate(seeds):
        if seed[:MAX_LABEL] in taken_seeds:
            continue
        near = [i for i in rest if not notes[i].off_topic and sim[n + s, i] >= p["join"]]
        if len(near) >= (p["min_size"] if n >= 40 else 2):
            clusters.append((near, seed[:MAX_LABEL]))
            rest = [i for i in rest if i not in near]
    return rest


def _assemble(kept, assigned, clusters, rest, kept_other, notes, texts, sim,
              other_label: str) -> list[Theme]:
    """Kept themes with the notes that joined them, the new themes labelled (a cluster of
    mostly chatter, or one with no label, goes to Övrigt), by size, Övrigt last."""
    n = len(texts)
    rest = list(rest)
    themes = []
    for (label, members), joined in zip(kept, assigned):
        all_members = sorted(set(members) | set(joined))
        themes.append(Theme(label, tuple(all_members), False, _quotes(all_members, sim)))
    used = {t.label.lower() for t in themes} | {other_label.lower()}
    for members, seed_label in sorted(clusters, key=lambda c: (-len(c[0]), min(c[0]))):
        label = seed_label if seed_label and seed_label.lower() not in used else None
        chatter = sum(notes[i].chatter for i in members)
        label = label or ("" if chatter * 2 >= len(members)
                          else _label(sorted(members), notes, texts, used, n))
        if not label:
            rest.extend(members)
            continue
        used.add(label.lower())
        themes.append(Theme(label, tuple(sorted(members)), False, _quotes(sorted(members), sim)))
    themes.sort(key=lambda t: (-len(t.notes), min(t.notes) if t.notes else n))
    other = sorted(set(rest) | set(kept_other))
    if other:
        themes.append(Theme(other_label, tuple(other), True, _quotes(other, sim)))
    return themes


# ---- reading notes --------------------------------------------------------------------

def _read(text: str, lang: str, p: dict = PARAMS) -> _Note:
    written = TOKEN.findall(text[:5000])
    lower = [w.lower() for w in written]
    language = lang if lang in ("sv", "en") else language_of(lower)
    stops = stop_words("sv") | stop_words("en")
    terms: Counter = Counter()
    surfaces: dict[str, Counter] = defaultdict(Counter)
    chars: Counter = Counter()
    covered = set()
    content = 0
    other_only = True
    chatter = False
    for start, end, key in thesaurus.phrase_matches(lower):
        terms[f"g:{key}"] += 1
        surfaces[f"g:{key}"][" ".join(lower[start:end])] += 1
        covered.update(range(start, end))
        other_only = other_only and key == thesaurus.OTHER
        content += 1
    for i, (word, orig) in enumerate(zip(lower, written)):
        acronym = orig.isupper() and 2 <= len(orig) <= 5
        groups = thesaurus.word_groups(word, orig) if i not in covered else frozenset()
        for key in sorted(groups):
            terms[f"g:{key}"] += 1
            surfaces[f"g:{key}"][orig if acronym else word] += 1
        if (word in stops and not groups) or (len(word) < 3 and not acronym):
            continue
        content += 1
        other_only = other_only and groups == {thesaurus.OTHER}
        chatter = chatter or thesaurus.OTHER in groups
        term = f"s:{stem(word, language)}"
        terms[term] += 1
        surfaces[term][orig if acronym else word] += 1
        if (p["part_grams"] or p["w_part"]) and language == "sv" and not acronym:
            # A Swedish compound's parts (word frequencies, text.compound_parts): their
            # character 4-grams with word boundaries, so "skolbiblioteket" meets "<bibliotek";
            # w_part > 0 adds them as stems too (measured, not the default: docs/themes.md).
            for part in compound_parts(word):
                if p["part_grams"]:
                    padded_part = f"<{part}>"
                    for j in range(len(padded_part) - 3):
                        chars[padded_part[j:j + 4]] += 1
                part_term = f"s:{stem(part, 'sv')}"
                if p["w_part"] and part_term != term:
                    terms[part_term] += p["w_part"]
        padded = f"<{word}>"
        for j in range(len(padded) - 3):
            chars[padded[j:j + 4]] += 1
    terms.pop(f"g:{thesaurus.OTHER}", None)
    return _Note(terms, surfaces, chars, language, content == 0 or other_only, chatter)


# ---- similarity ------------------------------------------------------------------------

def _tfidf(bags: list[Counter], weight=lambda term: 1.0) -> csr_matrix:
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
            vals.append((1 + math.log(bag[term])) * idf * weight(term))
    matrix = csr_matrix((vals, (rows, cols)), shape=(n, max(1, len(vocab))), dtype=np.float64)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return csr_matrix(matrix.multiply(1 / norms[:, None]))


def _vectors(texts: list[str], seeds: list[str], vectors) -> np.ndarray | None:
    """The sentence vectors of notes then seeds, computing the missing ones; None: lexical only."""
    given = list(vectors) if vectors is not None else [None] * len(texts)
    given = (given + [None] * len(texts))[:len(texts)] + [None] * len(seeds)
    missing = [i for i, v in enumerate(given) if v is None]
    if missing:
        computed = embedding.embed([(texts + seeds)[i] for i in missing])
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


def _similarity(notes: list[_Note], texts, seeds, vectors, p) -> np.ndarray:
    terms = _tfidf([n.terms for n in notes],
                   lambda t: p["w_group"] if t.startswith("g:") else 1.0)
    chars = _tfidf([n.chars for n in notes])
    total = p["w_terms"] * (terms @ terms.T).toarray() + p["w_chars"] * (chars @ chars.T).toarray()
    weight = p["w_terms"] + p["w_chars"]
    matrix = _vectors(texts, seeds, vectors) if p["w_embed"] > 0 else None
    if matrix is not None:
        if p["center"] and len(texts) >= 2:
            matrix = matrix - matrix[:len(texts)].mean(axis=0)
        norms = np.linalg.norm(matrix, axis=1)
        norms[norms == 0] = 1.0
        matrix = matrix / norms[:, None]
        total += p["w_embed"] * (matrix @ matrix.T)
        weight += p["w_embed"]
    p["_model"] = matrix is not None
    sim = np.round(total / weight, 6)     # rounding: ties break the same way every run
    np.fill_diagonal(sim, 1.0)
    return sim


# ---- clustering ------------------------------------------------------------------------

def _cluster(active: list[int], sim: np.ndarray, n_themes, p, n) -> list[tuple[list[int], str]]:
    """[(members, seed label or "")] of the active notes; small clusters left out (Övrigt)."""
    min_size = p["min_size"] if n >= 40 else 2
    if len(active) < min_size:
        return []
    if len(active) == 1:
        return []
    sub = sim[np.ix_(active, active)]
    dist = np.clip(1.0 - sub, 0.0, None)
    condensed = dist[np.triu_indices(len(active), k=1)]
    tree = linkage(condensed, method="average")
    if n_themes:
        want = max(1, int(n_themes))
        labels = None
        for k in range(want, min(len(active), want * 4) + 1):
            labels = fcluster(tree, t=k, criterion="maxclust")
            if sum(c >= min_size for c in Counter(labels).values()) >= want:
                break
    else:
        labels = fcluster(tree, t=p["cut"] if p["_model"] else p["cut_lexical"], criterion="distance")
    groups: dict[int, list[int]] = defaultdict(list)
    for i, label in zip(active, labels):
        groups[label].append(i)
    clusters = [m for m in groups.values() if len(m) >= min_size]
    for _ in range(p["refine"]):     # move each note to the cluster it is most like on average
        clusters = _refine(clusters, sim, min_size)
    clusters.sort(key=lambda m: (-len(m), min(m)))
    limit = int(n_themes) if n_themes else p["max_themes"]
    return [(sorted(m), "") for m in clusters[:limit]]


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


def _nearest(i: int, groups: list[list[int]], sim: np.ndarray) -> tuple[int | None, float]:
    best, score = None, -1.0
    for k, members in enumerate(groups):
        if not members:
            continue
        value = float(sim[i, members].mean())
        if value > score:
            best, score = k, value
    return best, score


def _kept(keep, n: int, other_label: str):
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


def _quotes(members: list[int], sim: np.ndarray) -> tuple[int, ...]:
    if not members:
        return ()
    centrality = sim[np.ix_(members, members)].mean(axis=1)
    order = sorted(range(len(members)), key=lambda k: (-round(float(centrality[k]), 6), members[k]))
    return tuple(members[k] for k in order[:3])


# ---- labels ----------------------------------------------------------------------------

def _label(members: list[int], notes: list[_Note], texts, used: set[str], n: int) -> str:
    """The one or two best terms of a cluster as the notes write them: "Samverkan · Kommunerna"."""
    inside: Counter = Counter()
    forms: dict[str, Counter] = defaultdict(Counter)
    for i in members:
        for term in notes[i].terms:
            inside[term] += 1
            forms[term].update(notes[i].surfaces.get(term, {}))
    everywhere: Counter = Counter()
    for note in notes[:n]:
        everywhere.update(note.terms.keys())
    scored = []
    for term, count in inside.items():
        form = _group_form(term[2:], forms[term]) if term.startswith("g:") else _form(forms[term])
        if not form or (form.lower() in FILLER and not form.isupper()) or count < 2:
            continue
        bonus = (1.3 if term.startswith("g:") else 1.0) * _noun_likeness(form)
        score = count / len(members) * math.log(1 + n / everywhere[term]) * bonus
        scored.append((-round(score, 6), form, term))
    scored.sort()
    picked: list[str] = []
    groups_picked: set[str] = set()
    for score, form, term in scored:
        if any(_same(form, other) for other in picked):
            continue
        groups = thesaurus.word_groups(form.lower(), form) | ({term[2:]} if term[:2] == "g:" else set())
        if picked and (groups & groups_picked or -score < -scored[0][0] * p_second):
            continue
        picked.append(form)
        groups_picked |= groups
        if len(picked) == 2:
            break
    candidates = []
    if picked:
        candidates.append(" · ".join(_capital(f) for f in picked))
        candidates.append(_capital(picked[0]))
    candidates += [_capital(f) for _, f, _ in scored[:6]]
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


def _group_form(key: str, forms: Counter) -> str:
    """A synonym group shown as the word the notes use for it: its key word counts double
    ("Samverkan"), then the most used, then the thesaurus's order (the best label first)."""
    if not forms:
        return ""
    order = thesaurus.order(key)

    def rank(form: str):
        own = 2 if stem(form.lower(), "sv") == stem(key, "sv") else 1
        return (-forms[form] * own * _noun_likeness(form), order.get(form.lower(), len(order)),
                len(form), form)
    return min(forms, key=rank)


ADJECTIVE_ENDINGS = ("iga", "iskt", "iska", "isk", "liga", "ligt", "ala", "ig", "lig")


def _noun_likeness(form: str) -> float:
    """Nouns make labels: a Swedish adjective ending (digitala, tydlig) halves a word's chance."""
    word = form.lower()
    if form.isupper() or " " in word or len(word) < 6:
        return 1.0
    return 0.5 if word.endswith(ADJECTIVE_ENDINGS) else 1.0


def _form(forms: Counter) -> str:
    """The most used written form; on a tie the shortest, then alphabetical."""
    if not forms:
        return ""
    return min(forms, key=lambda w: (-forms[w], len(w), w))


def _same(a: str, b: str) -> bool:
    """Two label words that say the same: one starts the other, or they share a word's stem."""
    a, b = a.lower(), b.lower()
    if a.startswith(b) or b.startswith(a):
        return True
    return bool({stem(w, "en") for w in a.split()} & {stem(w, "en") for w in b.split()})


def _capital(form: str) -> str:
    return form if form.isupper() else form[:1].upper() + form[1:]
