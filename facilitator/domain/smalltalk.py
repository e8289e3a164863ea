"""Small talk: notes about the day itself, not about the question.

"Bra fika!", "Lokalen var för varm", "Tack för en bra dag", "Can we get the
slides?" are kind words and venue feedback. The report keeps them out of
the themes and the summary and lists them under "Övriga kommentarer".

The rule is deliberately narrow, because hiding a finding is worse than
showing a "thank you": only short notes (at most MAX_WORDS words) whose
words are all about thanks, food, the room or the programme's logistics
count. "Lokala mötesplatser för unga saknas" or "Tack vare samverkan fick
vi ..." stay findings. Pure: text in, answer out; Swedish and English.
"""
from __future__ import annotations

import re

MAX_WORDS = 12

# Whole-note patterns, matched against the folded text (lower case, single spaces,
# no punctuation). Each says what the note is about; the note must match one.
_PATTERNS = {
    "thanks": r"(stort |tusen |varmt |ett stort )?tack(?! vare)( .*)?|(many )?thanks?( .*)?"
              r"|thank you( .*)?",
    "praise": r"(en )?(v[aä]ldigt |riktigt |j[aä]tte|super)?(bra|fin|givande|trevlig|rolig|"
              r"intressant|l[aä]rorik|toppen|grym|h[aä]rlig|kul) "
              r"(dag|konferens|tr[aä]ff|f[oö]rmiddag|eftermiddag|arrangemang|upplägg)( idag)?"
              r"( tack)?|(a |what a )?(great|good|lovely|nice|fun|useful|wonderful) "
              r"(day|event|conference|session|workshop|meeting)( thanks| thank you)?",
    "logistics": r".*\b(presentationen|presentationerna|bilderna|powerpointen|slides|"
                 r"presentation|dokumentationen)\b.*\b(efter[aå]t|skickas|mejlas|mailas|f[aå]|"
                 r"afterwards|sent|shared|share|get)\b.*|.*\b(kan vi|f[aå]r vi|can we|could we|"
                 r"will we)\b.*\b(presentationen|bilderna|slides|presentation|"
                 r"dokumentationen)\b.*",
}
# Words that make a note about the subject even if it also mentions the room or food:
# "Maten i skolan är viktig för barns hälsa" is a finding, not a thank-you.
_SUBJECT = re.compile(r"\b(barn|barnen|unga|ungdomar|elev|elever|eleverna|skola|skolan|skolor|"
                      r"kommun|kommunen|kommuner|samverkan|familj|familjer|v[aå]rdnadshavare|"
                      r"f[oö]r[aä]ldrar|socialtj[aä]nst|h[aä]lsa|m[aå]l|children|young|pupils|"
                      r"students|school|schools|municipality|families|parents|health)\b")
# About the day when short or said with a verdict ("Fikat var gott", "Lokalen var för varm").
_TOPICS = {
    "food": r"fika|fikat|fikan|kaffe|kaffet|lunch|lunchen|maten|mat|bullar|bullarna|kakor|kakan|"
            r"te|teet|frukt|snacks|coffee|food|cake|cakes|biscuits|pastries|tea",
    "venue": r"lokal|lokalen|rummet|salen|room|venue|hall|ventilationen|luften|wifi|wi fi|n[aä]tet|"
             r"parkeringen|parkering|parking|stolarna|chairs|ljudet|mikrofonen|sound|microphone|mic|"
             r"akustiken|acoustics|temperaturen|temperature|air",
}
_VERDICT = re.compile(r"\b(bra|god|gott|goda|gode|fin|fint|utm[aä]rkt|fantastisk\w*|toppen|"
                      r"super|j[aä]ttegod\w*|mums|slut|mer|varm|varmt|kall|kallt|tr[aä]ng|"
                      r"tr[aä]ngt|kvav|kvavt|m[oö]rk|m[oö]rkt|d[aå]lig|d[aå]ligt|h[oö]gt|l[aä]gt|"
                      r"funkade|fungerade|h[oö]rde|saknades|great|good|lovely|nice|delicious|"
                      r"tasty|more|hot|cold|warm|stuffy|noisy|loud|dark|bad|poor|worked|hear)\b")
_COMPILED = {kind: re.compile(pattern) for kind, pattern in _PATTERNS.items()}
_TOPIC_WORDS = {kind: re.compile(rf"\b({words})\b") for kind, words in _TOPICS.items()}
SHORT_WORDS = 5
_FOLD = re.compile(r"[^\w]+", re.UNICODE)


def fold(text: str) -> str:
    """Lower case, punctuation and emoji as spaces, single spaces."""
    return _FOLD.sub(" ", text.casefold()).replace("_", " ").strip()


def kind(text: str) -> str | None:
    """What a small-talk note is about ("thanks", "praise", "logistics", "food", "venue"),
    or None when it is (or may be) about the question."""
    folded = fold(text)
    if not folded or len(folded.split()) > MAX_WORDS or _SUBJECT.search(folded):
        return None
    found = next((name for name, pattern in _COMPILED.items() if pattern.fullmatch(folded)), None)
    return found or _topic(folded)


def _topic(folded: str) -> str | None:
    """Food or the room, when the note is short or passes a verdict on it."""
    if len(folded.split()) > SHORT_WORDS and not _VERDICT.search(folded):
        return None
    return next((name for name, words in _TOPIC_WORDS.items() if words.search(folded)), None)


def is_small_talk(text: str) -> bool:
    return kind(text) is not None
