"""A note as the themes read it: its terms, the forms it writes them in, its character 4-grams.

Words keep å/ä/ö and hyphenated compounds; the language per note from its stop
words (or the one given); Swedish and English stop words dropped; Snowball stems
with Swedish endings folded; a Swedish compound's parts add their character
4-grams (wordfreq, optional). With the thesaurus on, its synonym groups join the
terms ("g:samverkan"). Whether a note is small talk is decided for all the notes
together (chatter.py, from the general resource data/smalltalk.txt); here only a note
with no content word at all ("???", ":)") is marked off topic. Pure.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from . import thesaurus
from ..text import compound_parts, language_of, stem, stop_words

TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@dataclass
class Note:
    terms: Counter                # "s:stem" and "g:group" -> weight
    surfaces: dict                # term -> Counter of forms as the note writes them
    chars: Counter                # character n-grams
    lang: str
    off_topic: bool               # small talk (chatter.judge), or nothing at all
    chatter: bool = False         # speaks of the day itself (chatter.judge)


def _grams(word: str, chars: Counter) -> None:
    padded = f"<{word}>"
    for j in range(len(padded) - 3):
        chars[padded[j:j + 4]] += 1


def read(text: str, lang: str, p: dict) -> Note:
    """The note's terms; ``p["thesaurus"]`` False leaves the topical synonym groups out."""
    written = TOKEN.findall(text[:5000])
    lower = [w.lower() for w in written]
    language = lang if lang in ("sv", "en") else language_of(lower)
    stops = stop_words("sv") | stop_words("en")
    use_groups = p.get("thesaurus", True)
    terms: Counter = Counter()
    surfaces: dict[str, Counter] = defaultdict(Counter)
    chars: Counter = Counter()
    covered: set[int] = set()
    content = 0
    for start, end, key in thesaurus.phrase_matches(lower) if use_groups else ():
        terms[f"g:{key}"] += 1
        surfaces[f"g:{key}"][" ".join(lower[start:end])] += 1
        covered.update(range(start, end))
        content += 1
    for i, (word, orig) in enumerate(zip(lower, written)):
        acronym = orig.isupper() and 2 <= len(orig) <= 5
        use = use_groups and i not in covered
        groups = thesaurus.word_groups(word, orig) if use else frozenset()
        for key in sorted(groups):
            terms[f"g:{key}"] += 1
            surfaces[f"g:{key}"][orig if acronym else word] += 1
        if (word in stops and not groups) or (len(word) < 3 and not acronym):
            continue
        content += 1
        term = f"s:{stem(word, language)}"
        terms[term] += 1
        surfaces[term][orig if acronym else word] += 1
        if p.get("part_grams", True) and language == "sv" and not acronym:
            # A Swedish compound's parts: their character 4-grams with word boundaries,
            # so "skolbiblioteket" meets "<bibliotek>".
            for part in compound_parts(word):
                _grams(part, chars)
        _grams(word, chars)
    return Note(terms, surfaces, chars, language, content == 0)


def content_text(text: str) -> str:
    """The note's content words only, lower case, in their order, for a second sentence
    vector (embedding.pairs): no Swedish or English stop words, punctuation, numbers,
    words under 3 letters, thanks, greetings or words that only say how something was
    (smalltalk.txt's [kind] and [neutral]). The day's logistics words stay (they may be
    the question's topic), and so does an acronym that is also a stop word ("SKA").
    A Swedish note's compounds are written as their parts (wordfreq, when installed):
    "skolbiblioteket" reads "skol biblioteket". "" when nothing is left."""
    from . import chatter

    stops = stop_words("sv") | stop_words("en")
    neutral = chatter.lexicon().neutral
    written = TOKEN.findall(text[:5000])
    swedish = language_of([w.lower() for w in written]) == "sv"
    kept: list[str] = []
    for orig in written:
        word = orig.lower()
        acronym = orig.isupper() and 2 <= len(orig) <= 5
        if not acronym and (word in stops or len(word) < 3 or word in neutral
                            or chatter.is_kind(word)):
            continue
        parts = compound_parts(word) if swedish and not acronym else ()
        kept.extend(parts or [word])
    return " ".join(kept)
