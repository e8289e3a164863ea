"""The curated synonym groups of the field (data/thesaurus_sv.txt) and how notes match them.

A term matches a word by its inflection (Snowball stem, Swedish endings folded),
or as the first part of a compound ("samverkansavtal" holds "samverkan").
Terms that are also stop words ("ska") match only when written in capitals
(SKA = systematiskt kvalitetsarbete), so "vi ska" stays a verb.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from ..text import stem, stop_words, words

MIN_PREFIX = 5          # a compound's first part must be this long to count


@dataclass(frozen=True)
class Group:
    key: str
    words: frozenset[str]                  # one-word terms, lower case
    phrases: tuple[tuple[str, ...], ...]   # several-word terms


@functools.cache
def groups() -> tuple[Group, ...]:
    text = (resources.files("facilitator") / "data" / "thesaurus_sv.txt").read_text(
        encoding="utf-8")
    found = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or ":" not in line:
            continue
        key, _, terms = line.partition(":")
        items = [words(t) for t in terms.split(",")]
        found.append(Group(key.strip(), frozenset(t[0] for t in items if len(t) == 1),
                           tuple(tuple(t) for t in items if len(t) > 1)))
    return tuple(found)


@functools.cache
def order(key: str) -> dict[str, int]:
    """A group's terms by their place on its line (the best label words come first)."""
    text = (resources.files("facilitator") / "data" / "thesaurus_sv.txt").read_text(
        encoding="utf-8")
    for line in text.splitlines():
        name, _, terms = line.partition(":")
        if name.strip() == key and not line.startswith("#"):
            items = [" ".join(words(t)) for t in terms.split(",")]
            return {t: k for k, t in reversed(list(enumerate(items)))}
    return {}


@functools.cache
def _index() -> tuple[dict[str, set[str]], dict[str, set[str]], list[tuple[str, str]]]:
    """(exact word -> keys, stem -> keys, [(prefix, key)]) over the one-word terms."""
    exact: dict[str, set[str]] = {}
    stems: dict[str, set[str]] = {}
    prefixes: list[tuple[str, str]] = []
    for group in groups():
        for word in group.words:
            exact.setdefault(word, set()).add(group.key)
            if _is_stop(word):
                continue
            for language in ("sv", "en"):
                stems.setdefault(stem(word, language), set()).add(group.key)
            base = stem(word, "sv")
            if len(base) >= MIN_PREFIX:
                prefixes.append((base, group.key))
    prefixes.sort(key=lambda item: (-len(item[0]), item))
    return exact, stems, prefixes


def _is_stop(word: str) -> bool:
    return word in stop_words("sv") or word in stop_words("en")


@functools.cache
def word_groups(word: str, written: str = "") -> frozenset[str]:
    """Keys of the groups one lower-case word belongs to; `written` is its original spelling."""
    exact, stems, prefixes = _index()
    if _is_stop(word):
        # a stop word counts only as a capitalised acronym (SKA, not "ska")
        return frozenset(exact.get(word, ())) if written.isupper() and len(written) > 1 else frozenset()
    keys = set(exact.get(word, ()))
    for language in ("sv", "en"):
        keys |= stems.get(stem(word, language), set())
    if not keys:
        for prefix, key in prefixes:
            if len(word) > len(prefix) + 2 and word.startswith(prefix):
                keys.add(key)
                break
    return frozenset(keys)


@functools.cache
def _phrases() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """First word's stem -> [(stems of the phrase, key)]."""
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for group in groups():
        for phrase in group.phrases:
            stems = tuple(stem(w, "sv") for w in phrase)
            index.setdefault(stems[0], []).append((stems, group.key))
    return index


def phrase_matches(tokens: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, key) for each several-word term found in a note's lower-case tokens."""
    found = []
    stems = [stem(t, "sv") for t in tokens]
    index = _phrases()
    for start, first in enumerate(stems):
        for phrase, key in index.get(first, ()):
            end = start + len(phrase)
            if tuple(stems[start:end]) == phrase and (start, end, key) not in found:
                found.append((start, end, key))
    return found
