"""How close found themes are to labelled ones: the adjusted Rand index, and the labelled sets' format."""
from __future__ import annotations

from collections import Counter
from math import comb

from ..text import stem


def adjusted_rand_index(truth: list, found: list) -> float:
    """ARI of two labelings of the same items (1 = identical, ~0 = chance)."""
    if len(truth) != len(found):
        raise ValueError("labelings differ in length")
    n = len(truth)
    if n < 2:
        return 1.0
    pairs = sum(comb(c, 2) for c in Counter(zip(truth, found)).values())
    rows = sum(comb(c, 2) for c in Counter(truth).values())
    cols = sum(comb(c, 2) for c in Counter(found).values())
    expected = rows * cols / comb(n, 2)
    top = (rows + cols) / 2
    if top == expected:
        return 1.0
    return (pairs - expected) / (top - expected)


def read_labelled(text: str) -> tuple[list[str], list[str]]:
    """(labels, notes) of a `label<TAB>note` file; lines starting with # are comments."""
    labels, notes = [], []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        label, _, note = line.partition("\t")
        labels.append(label.strip())
        notes.append(note.strip())
    return labels, notes


def theme_of_each(themes, n: int) -> list[str]:
    """Each note's theme label (themes as returned by find_themes)."""
    found = [""] * n
    for theme in themes:
        for i in theme.notes:
            found[i] = theme.label
    return found


# Label words (issue 18): "#words<TAB>THEME_LABEL<TAB>word1, word2" comment lines name, per
# true theme, the words a person would write on the whiteboard as its name.
SEPARATOR = " · "
OTHER_THEMES = ("övrigt", "other")


def read_label_words(text: str) -> dict[str, tuple[str, ...]]:
    """{true theme: its whiteboard words (case-folded)} from a labelled file's #words lines."""
    words: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        if line.startswith("#words\t"):
            _, theme, listed = (line.split("\t") + ["", ""])[:3]
            found = tuple(w.strip().casefold() for w in listed.split(",") if w.strip())
            if theme.strip() and found:
                words[theme.strip()] = found
    return words


def _word_matches(found: str, wanted: str) -> bool:
    """One word of a label against one whiteboard word: the same, the same stem (Swedish
    or English), or a compound whose stem starts or ends with the word's stem (4+ letters)."""
    if found == wanted:
        return True
    for lang in ("sv", "en"):
        a, b = stem(found, lang), stem(wanted, lang)
        if a == b or (len(b) >= 4 and (a.startswith(b) or a.endswith(b)
                                       or found.startswith(b) or found.endswith(b))):
            return True
    return False


def part_matches(part: str, wanted: str) -> bool:
    """A label part ("Bostadskön", "Mental health") against a whiteboard word or phrase: word
    by word when they have as many words, else their last (head) words."""
    found_words, wanted_words = part.casefold().split(), wanted.casefold().split()
    if not found_words or not wanted_words:
        return False
    if len(found_words) == len(wanted_words):
        return all(map(_word_matches, found_words, wanted_words))
    return _word_matches(found_words[-1], wanted_words[-1]) and (
        len(found_words) == 1 or len(wanted_words) == 1)


def label_hit(label: str, words: tuple[str, ...]) -> bool:
    """The label's first part matches one of the theme's words and its second part, if any,
    too. No words (the true Övrigt): a miss."""
    parts = [p for p in label.split(SEPARATOR) if p.strip()]
    if not parts or not words:
        return False
    return all(any(part_matches(part, w) for w in words) for part in parts[:2])


def label_hits(themes, truth: list[str], words: dict[str, tuple[str, ...]]) -> list[tuple]:
    """(label, true theme most of its notes have, hit) of each found theme that is not
    Övrigt; a theme whose majority is the true Övrigt is a miss (chatter named as a theme)."""
    rows = []
    for theme in themes:
        if theme.other or not theme.notes:
            continue
        counts = Counter(truth[i] for i in theme.notes)
        major = min(counts, key=lambda t: (-counts[t], t))
        wanted = () if major.casefold() in OTHER_THEMES else words.get(major, ())
        rows.append((theme.label, major, label_hit(theme.label, wanted)))
    return rows
