"""Word vectors for a plain install: a note read as the mean of its words' vectors.

Without the `themes` extra there is no sentence-vector model, but the package ships
`data/words/e5-words.npz` (scripts/build_word_table.py): the commonest Swedish and English
words, each read alone by multilingual-e5-small once, kept as signed bytes, with each word's
frequency. A note's vector is the frequency-weighted mean of its content words' vectors
(reading.content_text; a common word weighs less, a / (a + frequency), as in SIF): synonyms
that share no letters ("bussen" / "kollektivtrafik") come near each other, which the words
alone cannot do. A word the table lacks is read as its known parts (a Swedish compound:
"skolbiblioteket" -> skol(a) + biblioteket) or its stem, else skipped.

A mean of word vectors is not what the model makes of the sentence, so the mean goes through
a linear map (`data/words/e5-map.npz`, scripts/build_word_map.py): a ridge regression from the
table's means to the model's own vectors of the same notes (the mean of its two readings,
embedding.pairs), fitted on the labelled tuning sets' notes (never on a held-out group). Pure,
read once.
"""
from __future__ import annotations

import functools
import zipfile
from dataclasses import dataclass
from importlib import resources

import numpy as np

FILE = ("data", "words", "e5-words.npz")
MAP_FILE = ("data", "words", "e5-map.npz")
SIF_A = 1e-4          # the weight's a: tuned on the 32 unseen-topic sets (docs/themes-history.md, round 6)
MIN_PART = 3
ENDINGS = ("arnas", "ernas", "ornas", "arna", "erna", "orna", "ens", "ets", "en", "et", "na",
           "ar", "er", "or", "s", "n", "t", "a", "e")


@dataclass(frozen=True)
class Table:
    index: dict[str, int]
    vectors: np.ndarray      # int8, one row a word
    scale: np.ndarray        # float32, the row's scale back to a unit vector
    freq: np.ndarray         # float32, the word's frequency (the larger of sv / en)

    @property
    def dim(self) -> int:
        return int(self.vectors.shape[1])

    def row(self, word: str) -> np.ndarray:
        i = self.index[word]
        return self.vectors[i].astype(np.float32) * self.scale[i]


@functools.cache
def table() -> Table | None:
    """The shipped table, or None when it is missing or unreadable."""
    return load(resources.files("facilitator").joinpath(*FILE))


def load(path) -> Table | None:
    """A table file (np.savez of words, vectors, scale, freq), or None when it is unusable."""
    try:
        with path.open("rb") as fh, np.load(fh) as data:
            words = bytes(data["words"]).decode("utf-8").split("\n")
            vectors, scale, freq = data["vectors"], data["scale"], data["freq"]
    except (OSError, ValueError, KeyError, EOFError, UnicodeDecodeError, zipfile.BadZipFile):
        return None
    if (vectors.ndim != 2 or vectors.dtype != np.int8
            or not len(words) == len(vectors) == len(scale) == len(freq)):
        return None
    return Table({w: i for i, w in enumerate(words)}, vectors, scale, freq)


def available() -> bool:
    return table() is not None


@functools.cache
def word_map() -> np.ndarray | None:
    """The shipped map (the table's width squared, float32), or None when it is missing or
    does not fit the table: then the means are used as they are."""
    t = table()
    return load_map(resources.files("facilitator").joinpath(*MAP_FILE), t.dim if t else 0)


def load_map(path, dim: int) -> np.ndarray | None:
    try:
        with path.open("rb") as fh, np.load(fh) as data:
            matrix = np.asarray(data["map"], dtype=np.float32)
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):
        return None
    if matrix.shape != (dim, dim) or not np.isfinite(matrix).all():
        return None
    return matrix


def known_parts(word: str, t: Table, depth: int = 2) -> tuple[str, ...]:
    """The table's words that make up ``word``: itself, a stem, or a compound's parts
    (the longest known tail first; a linking s or a head's lost -a allowed)."""
    if word in t.index:
        return (word,)
    if "-" in word:
        return tuple(p for part in word.split("-") for p in known_parts(part, t, depth))
    for ending in ENDINGS:
        stem = word[:-len(ending)]
        if word.endswith(ending) and len(stem) >= 4 and stem in t.index:
            return (stem,)
    if depth <= 0:
        return ()
    for k in range(MIN_PART, len(word) - MIN_PART + 1):
        head, tail = word[:k], word[k:]
        tail_parts = known_parts(tail, t, 0) if len(tail) >= 4 else ()
        if not tail_parts:
            continue
        for form in (head, head[:-1] if head.endswith("s") else "", head + "a", head + "e"):
            if len(form) >= MIN_PART:
                head_parts = known_parts(form, t, depth - 1)
                if head_parts:
                    return head_parts + tail_parts
    return ()


def _words_of(text: str) -> list[str]:
    from ..text import words
    from .reading import content_text

    return content_text(text).split() or words(text)


def embed(texts: list[str], mapped: bool = True) -> list[list[float]] | None:
    """Unit vectors (the table's width) of ``texts``; a text with no known word gets a
    zero row (near nothing: it lands in Övrigt unless its words say otherwise). None
    without the table. ``mapped`` False: the words' means without the map (to fit it)."""
    t = table()
    if t is None:
        return None
    matrix = word_map() if mapped else None
    out = []
    for text in texts:
        parts = [p for w in _words_of(text or "") for p in known_parts(w.lower(), t)]
        if not parts:
            out.append([0.0] * t.dim)
            continue
        weights = np.asarray([SIF_A / (SIF_A + float(t.freq[t.index[p]])) for p in parts])
        vector = np.average(np.stack([t.row(p) for p in parts]), axis=0, weights=weights)
        norm = float(np.linalg.norm(vector))
        if norm > 0 and matrix is not None:
            vector = (vector / norm) @ matrix
            norm = float(np.linalg.norm(vector))
        out.append((vector / norm).tolist() if norm > 0 else [0.0] * t.dim)
    return out
