"""The projector's word cloud: the words the notes share, inflections counted as one."""
from __future__ import annotations

from collections import Counter, defaultdict

from .text import content_words


def word_cloud(texts: list[str], limit: int = 40) -> list[dict[str, object]]:
    """[{"word", "count"}] by how many notes use a word, biggest first.

    Each group of inflections is shown as its most common form, so the cloud
    says "skolan" and never a stem like "skol".
    """
    notes_with = Counter()
    forms: dict[str, Counter] = defaultdict(Counter)
    for text in texts:
        pairs = set(content_words(text))       # each form counts once per note
        for surface, stem in pairs:
            forms[stem][surface] += 1
        notes_with.update({stem for _, stem in pairs})
    ranked = sorted(notes_with.items(), key=lambda item: (-item[1], _label(forms[item[0]])))
    return [{"word": _label(forms[stem]), "count": count} for stem, count in ranked[:limit]]


def _label(surfaces: Counter) -> str:
    """The most used form; on a tie the shortest, then alphabetical."""
    return min(surfaces, key=lambda w: (-surfaces[w], len(w), w))
