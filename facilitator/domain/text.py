"""Swedish-first text handling shared by the word cloud and themes.

Lowercase keeping å, ä, ö; Swedish and English stop words; language guessed
per note from its stop words; Snowball stemming, with Swedish definite and
plural endings folded so "skolan", "skolor" and "skola" meet.
"""
from __future__ import annotations

import functools
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
