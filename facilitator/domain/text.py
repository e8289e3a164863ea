"""Swedish-first text handling shared by the word cloud and themes.

Lowercase keeping å, ä, ö; Swedish and English stop words; language guessed
per note from its stop words; Snowball stemming, with Swedish definite and
plural endings folded so "skolan", "skolor" and "skola" meet; Swedish compounds split
by word frequencies (wordfreq, optional).
"""
from __future__ import annotations

import functools
import math
import re
from importlib import resources

import snowballstemmer

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
SWEDISH_ENDINGS = ("ornas", "arnas", "ernas", "orna", "arna", "erna", "ens", "ans", "ets",
                   "an", "en", "et")
MIN_STEM = 4


@functools.cache
def stop_words(language: str) -> frozenset[str]:
    text = (resources.files("facilitator") / "data" / "stopwords" / f"{language}.txt").read_text(
        encoding="utf-8")
    lines = (line for line in text.splitlines() if not line.startswith("#"))
    return frozenset(word for line in lines for word in line.split())


@functools.cache
def _stemmer(language: str):
    return snowballstemmer.stemmer("swedish" if language == "sv" else "english")


def words(text: str) -> list[str]:
    """Lower-cased words of a note, keeping å/ä/ö and hyphenated compounds."""
    return WORD.findall(text.lower())


def language_of(tokens: list[str]) -> str:
    """'sv' or 'en' by which language's stop words the note uses more (Swedish on a tie)."""
    sv = sum(t in stop_words("sv") for t in tokens)
    en = sum(t in stop_words("en") for t in tokens)
    return "en" if en > sv else "sv"


@functools.lru_cache(maxsize=100_000)   # themes stem every word of 2,000 notes; words repeat
def stem(word: str, language: str = "sv") -> str:
    """A stem that inflections of one word share."""
    if language == "sv":
        for ending in SWEDISH_ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
                word = word[: -len(ending)]
                break
        stemmer = _stemmer("sv")
        for _ in range(3):  # to a fixed point: "elevhälsan" and "elevhälsa" meet
            shorter = stemmer.stemWord(word)
            if shorter == word:
                break
            word = shorter
        return word
    return _stemmer("en").stemWord(word)


def content_words(text: str) -> list[tuple[str, str]]:
    """(surface word, stem) for the words of a note that carry meaning."""
    tokens = words(text)
    language = language_of(tokens)
    stops = stop_words("sv") | stop_words("en")
    return [(t, stem(t, language)) for t in tokens if len(t) >= 3 and t not in stops]


@functools.cache
def _frequencies() -> dict[str, float]:
    try:
        import wordfreq
    except ImportError:
        return {}
    return wordfreq.get_frequency_dict("sv", wordlist="best")


def frequency(word: str) -> float:
    """The word's frequency in written Swedish (wordfreq), 0.0 when unknown or not installed."""
    return _frequencies().get(word, 0.0)


MIN_PART = 4
# A tail that starts like a derivation ending is no word of its own (sätt|ningen, under|visningen).
SUFFIX_LIKE = ("ning", "ande", "ende", "ing", "het", "lig", "else", "skap", "isk", "are", "ens",
               "sen", "iga", "igt", "era")


def _head_forms(head: str) -> list[str]:
    """How a compound's first part may stand alone: skol -> skola, hälso -> hälsa, betygs -> betyg."""
    forms = [head]
    if head.endswith("s") and len(head) > MIN_PART:
        forms.append(head[:-1])
    if head[-1:] in ("o", "u"):
        forms.append(head[:-1] + "a")
    forms += [head + "a", head + "e", head + "r"]
    return forms


@functools.lru_cache(maxsize=100_000)
def compound_parts(word: str, depth: int = 2) -> tuple[str, ...]:
    """The parts of a Swedish compound by word frequencies (Koehn & Knight): a split wins
    when the geometric mean of its parts' frequencies beats the whole word's.
    "skolutveckling" -> ("skola", "utveckling"); () when it is no compound (or no frequencies)."""
    if "-" in word:
        return tuple(p for p in word.split("-") if len(p) >= MIN_PART)
    freq = _frequencies()
    if not freq or len(word) < 2 * MIN_PART - 1:
        return ()
    best, best_score = (), freq.get(word, 0.0)
    for k in range(MIN_PART - 1, len(word) - MIN_PART + 1):
        head, tail = word[:k], word[k:]
        f_tail = (freq.get(tail, 0.0) if not tail.startswith(SUFFIX_LIKE)
                  and tail not in stop_words("sv") else 0.0)
        if not f_tail:
            continue
        for form in _head_forms(head):
            # a particle or other stop word is no topic: före|byggande, under|visning stay whole
            f_head = freq.get(form, 0.0) if form not in stop_words("sv") else 0.0
            if len(form) >= MIN_PART and f_head:
                score = math.sqrt(f_head * f_tail)
                if score > best_score:
                    best, best_score = (form, tail), score
    if not best or depth <= 1:
        return best
    parts = []
    for part in best:
        parts.extend(compound_parts(part, depth - 1) or (part,))
    return tuple(parts)
