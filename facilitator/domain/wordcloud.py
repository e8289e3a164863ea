"""The projector's word cloud: the words and recurring phrases the notes share.

Inflections count as one word ("skolan", "skolor", "skola"), shown as their
most common form. A run of words that many notes share and that holds its
words together ("barn och unga", "one door in") is one entry, and its words
are then not counted again where they stand inside it. Counts are notes, not
occurrences: a note that says "skola" three times counts once.
"""
from __future__ import annotations

from collections import Counter, defaultdict

from .text import language_of, stem, stop_words, words

MIN_WORD = 3
PHRASE_SIZES = (3, 2)
# A phrase needs this many notes, and at least this share of the notes that use each of its words.
MIN_PHRASE_NOTES = 3
PHRASE_COHESION = 0.5
# A phrase may start with an article or end with a particle ("en väg in", "one door in").
LEADING_OK = frozenset({"en", "ett", "a", "an", "one"})
TRAILING_OK = frozenset({"in", "ut", "upp", "ihop", "fram", "bort", "out", "up"})


def _stops() -> frozenset[str]:
    return stop_words("sv") | stop_words("en")


def _is_content(token: str, stops: frozenset[str]) -> bool:
    return len(token) >= MIN_WORD and token not in stops


def _can_be_phrase(tokens: tuple[str, ...], stops: frozenset[str]) -> bool:
    first, last = tokens[0], tokens[-1]
    return ((_is_content(first, stops) or first in LEADING_OK)
            and (_is_content(last, stops) or last in TRAILING_OK)
            and any(_is_content(t, stops) for t in tokens))


def _ngrams(tokens: list[str], n: int):
    return (tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def phrases(token_lists: list[list[str]]) -> list[tuple[str, ...]]:
    """The recurring, cohesive phrases, longest first; none inside a longer one that holds it.

    A phrase is two or three words that at least MIN_PHRASE_NOTES notes share,
    that hold at least PHRASE_COHESION of the notes using each of its words, and
    that are not always next to the same word: then they are a piece of one
    repeated sentence ("cheferna måste ge" is always followed by "mandat").
    """
    stops = _stops()
    notes_with: Counter = Counter()
    word_notes: Counter = Counter()
    sides: dict[tuple[str, ...], tuple[set, set]] = defaultdict(lambda: (set(), set()))
    for tokens in token_lists:
        word_notes.update(set(tokens))
        grams = set()
        for n in PHRASE_SIZES:
            for i in range(len(tokens) - n + 1):
                gram = tuple(tokens[i:i + n])
                if _can_be_phrase(gram, stops):
                    grams.add(gram)
                    left, right = sides[gram]
                    left.add(_neighbour(tokens, i - 1, stops))
                    right.add(_neighbour(tokens, i + n, stops, TRAILING_OK))
        notes_with.update(grams)
    chosen: list[tuple[str, ...]] = []
    for gram, count in sorted(notes_with.items(), key=lambda kv: (-len(kv[0]), -kv[1], kv[0])):
        if count < MIN_PHRASE_NOTES or _extendable(gram, sides[gram]):
            continue
        if any(count < PHRASE_COHESION * word_notes[t] for t in gram if _is_content(t, stops)):
            continue
        if any(_inside(gram, longer) and notes_with[longer] >= 0.8 * count for longer in chosen):
            continue
        chosen.append(gram)
    return chosen


def _neighbour(tokens: list[str], i: int, stops: frozenset[str],
               keep: frozenset[str] = frozenset()) -> str:
    """The word beside a phrase, or "" for the note's edge or a stop word (unless kept)."""
    if not 0 <= i < len(tokens):
        return ""
    return tokens[i] if _is_content(tokens[i], stops) or tokens[i] in keep else ""


def _extendable(gram: tuple[str, ...], sides: tuple[set, set]) -> bool:
    """Always the same word on one side: the phrase is part of a longer run.

    A phrase ending in a particle is an idiom of its own ("one door in", "en väg
    in"): only its right side counts, and a phrase always followed by the particle
    gives way to it ("modellen one door" + "in").
    """
    checked = sides[1:] if gram[-1] in TRAILING_OK else sides
    return any(len(side) == 1 and "" not in side for side in checked)


def _inside(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    return any(long[i:i + len(short)] == short for i in range(len(long) - len(short) + 1))


def _cover(tokens: list[str], chosen: list[tuple[str, ...]]) -> tuple[set[tuple[str, ...]], set[int]]:
    """The phrases a note holds and the positions of its tokens inside them."""
    found, covered = set(), set()
    for gram in chosen:
        for i in range(len(tokens) - len(gram) + 1):
            if tuple(tokens[i:i + len(gram)]) == gram and not covered & set(range(i, i + len(gram))):
                found.add(gram)
                covered.update(range(i, i + len(gram)))
    return found, covered


def word_cloud(texts: list[str], limit: int = 60) -> list[dict[str, object]]:
    """[{"word", "count"}] by how many notes use a word or phrase (it has spaces), biggest first."""
    stops = _stops()
    token_lists = [words(text) for text in texts]
    chosen = phrases(token_lists)
    notes_with: Counter = Counter()
    forms: dict[object, Counter] = defaultdict(Counter)
    for tokens in token_lists:
        language = language_of(tokens)
        found, covered = _cover(tokens, chosen)
        pairs = {(t, stem(t, language)) for i, t in enumerate(tokens)
                 if i not in covered and _is_content(t, stops)}
        for surface, key in pairs:
            forms[key][surface] += 1
        for gram in found:
            forms[gram][" ".join(gram)] += 1
        notes_with.update({key for _, key in pairs} | found)
    ranked = sorted(notes_with.items(), key=lambda kv: (-kv[1], _label(forms[kv[0]])))
    return [{"word": _label(forms[key]), "count": count} for key, count in ranked[:limit]]


def _label(surfaces: Counter) -> str:
    """The most used form; on a tie the shortest, then alphabetical."""
    return min(surfaces, key=lambda w: (-surfaces[w], len(w), w))
