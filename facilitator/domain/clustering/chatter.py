"""Small talk and one-offs: which notes of a question go to Övrigt, decided in one place.

The general resource data/smalltalk.txt lists what any conference's notes say about the
day itself (the room, sound, wifi, fika, toilets, slides, minutes, the next meeting,
thanks, greetings), Swedish and English. A note is **small talk** when it is short and
says more of such things than of anything else ("wifi funkar inte", "Where is the
toilet?", "Tack för en givande dag!"); it **speaks of the day** (``chatter``) when such
words are at least a third of it, and must then be really close to a theme to join it.

Relative to the notes, never a fixed list alone: a logistics word that many of this
question's notes use is its topic, not small talk (parking in a town centre, lunch in
school meals, toilets in parks), and so is one in a theme's name the facilitator gave.
Used by find_themes and sort_rest alike (cluster.prepare). Pure.
"""
from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from importlib import resources

from .. import smalltalk
from ..text import stop_words

PREFIX = 6               # an entry this long also matches the words it starts
MAX_WORDS = 12           # longer notes say something about the question
TOPIC_SHARE = 0.04       # a logistics word in this share of the notes (at least TOPIC_MIN) ...
TOPIC_MIN = 4            # ... is the question's topic there
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@dataclass(frozen=True)
class Lexicon:
    event: tuple[str, ...]          # the day's logistics: word starts, or phrases
    kind: tuple[str, ...]           # thanks, greetings, pleasantries
    neutral: frozenset[str]         # how something was: counts for neither side
    patterns: tuple[re.Pattern, ...]
    phrases: tuple[tuple[str, re.Pattern], ...] = ()   # the event entries of several words


@dataclass(frozen=True)
class Reading:
    small: int                      # small-talk words and patterns
    other: int                      # other content words
    events: frozenset[str]          # the logistics entries it uses
    words: int


@functools.cache
def lexicon() -> Lexicon:
    text = (resources.files("facilitator") / "data" / "smalltalk.txt").read_text(encoding="utf-8")
    sections: dict[str, list[str]] = {}
    current = ""
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            continue
        items = [line] if current == "pattern" else [t.strip() for t in line.split(",")]
        sections.setdefault(current, []).extend(t for t in items if t)
    event = tuple(sections.get("event", ()))
    return Lexicon(event, tuple(sections.get("kind", ())),
                   frozenset(sections.get("neutral", ())),
                   tuple(re.compile(p) for p in sections.get("pattern", ())),
                   tuple((e, re.compile(rf"\b{re.escape(e)}\b")) for e in event if " " in e))


def fold(text: str) -> str:
    """smalltalk.fold (the report's rule reads notes the same way), single spaces."""
    return " ".join(smalltalk.fold(text[:2000]).split())


@functools.cache
def _index(section: str) -> tuple[frozenset[str], dict[int, frozenset[str]]]:
    """(the section's one-word entries, {length: entries that long that also match the
    words they start}) for quick look-ups."""
    entries = [e for e in getattr(lexicon(), section) if " " not in e]
    lengths = sorted({len(e) for e in entries if len(e) >= PREFIX})
    return frozenset(entries), {n: frozenset(e for e in entries if len(e) == n) for n in lengths}


def _match(word: str, section: str) -> str | None:
    exact, prefixes = _index(section)
    if word in exact:
        return word
    for n, starts in prefixes.items():
        if len(word) > n and word[:n] in starts:
            return word[:n]
    return None


def is_kind(word: str) -> bool:
    """A word of thanks, greeting or pleasantry (smalltalk.txt's [kind]), folded or not."""
    return _match(smalltalk.fold(word), "kind") is not None


@functools.lru_cache(maxsize=20000)
def read(text: str) -> Reading:
    """How much of a note is small talk, and how much is something else."""
    folded = fold(text)
    lex = lexicon()
    stops = _stops()
    events = {e for e, phrase in lex.phrases if phrase.search(folded)}
    small = len(events) + sum(bool(p.search(folded)) for p in lex.patterns)
    other = 0
    tokens = _WORD.findall(folded)
    for word in tokens:
        event = _match(word, "event")
        if event:
            events.add(event)
            small += 1
        elif _match(word, "kind"):
            small += 1
        elif word not in lex.neutral and word not in stops and len(word) >= 3:
            other += 1
    return Reading(small, other, frozenset(events), len(tokens))


@functools.cache
def _stops() -> frozenset[str]:
    return stop_words("sv") | stop_words("en")


def topics(readings: list[Reading], texts: list[str]) -> frozenset[str]:
    """The logistics entries that are this question's topic: used by many distinct notes."""
    seen: dict[str, Reading] = {}
    for text, reading in zip(texts, readings):
        seen.setdefault(fold(text), reading)
    need = max(TOPIC_MIN, math.ceil(TOPIC_SHARE * len(seen)))
    counts: dict[str, int] = {}
    for reading in seen.values():
        for event in reading.events:
            counts[event] = counts.get(event, 0) + 1
    return frozenset(e for e, c in counts.items() if c >= need)


def judge(texts: list[str], given: list[str] = ()) -> list[tuple[bool, bool]]:
    """(small talk, speaks of the day) for each note, relative to the others. ``given``:
    the names the facilitator gave themes: a logistics word there is a topic ("Toaletter")."""
    readings = [read(t) for t in texts]
    topical = topics(readings, texts) | {e for t in given for e in read(t).events}
    found = []
    for r in readings:
        small = r.small - len(r.events & topical)
        other = r.other + len(r.events & topical)
        talk = small >= 1 and r.words <= MAX_WORDS and other <= small
        found.append((talk, small >= 1 and other <= 2 * small))
    return found
