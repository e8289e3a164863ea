"""Theme labels from the notes' own words, and the theme's quotes.

The one or two best terms of a cluster by class TF-IDF (a term must occur in at
least 2 notes), each shown as the form the notes write most; a synonym group
shows its key word if the notes use it; acronyms as written. Nouns first: a
Swedish adjective or verb ending lowers a word's chance and filler words
(behöver, mer, viktigt, need, more...) are never labels. Pure.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict

import numpy as np

from . import thesaurus
from ..text import stem

MAX_LABEL = 40
p_second = 0.6          # a second label word needs this share of the first one's score
# Words that say how much or how important, never what about: not labels.
FILLER = frozenset("""
behöver behövs mer mera fler flera viktigt viktig viktiga bra bättre sämre måste borde ska
alltid aldrig många mycket lite tydlig tydligare tydliga tid idag dag ofta oftare sällan
göra gör jobba arbeta finns kommer saknas fungerar faktiskt riktigt verkligen helt olika egen
egna hela stort större stor liten små mindre inte alla varje också igen tidigt tidigare
need needs more better must should important many much really every time clear clearer
prata pratar analysera kräver kräva hjälper hjälpa leda används använda fungera hantera skapa
stödja stötta lära lösa följa komma jobbar arbetar känna känner läser svarar hinner räcker
startar tappar slutar ökar mår få får ge ger sitta finnas gäller syfte känns följer leder
saknar blir görs ges tas händer syns sjunkit
make makes help helps keep feel talk use work works get gets start stop
""".split())
# Words a person would not call a theme by, of any topic: numbers, greetings, and the
# commonest verbs and adjectives (a theme is named by a thing: "Biljetter", not "Dyra").
NOT_NOUNS = frozenset("""
en ett två tre fyra fem sex sju åtta nio tio tolv hundra första andra tredje
one two three four five six seven eight nine ten first second third
tack hej hejsan hallå thanks thank hello hi
vill vilja vågar våga åka åker går gå tar ta kan kunna bör låta låter gick kom sa säga
ser se vet veta tror tro tycker tycka betala kostar ringer ringa väntar vänta hitta hittar
bring brings go goes take takes give gives want wants let lets see sees say says pay pays
wait waits ask asks try tries find finds think thinks know knows like likes run runs buy
open opens close closes
ny nya nytt gammal gamla gammalt unga ung ungt dyr dyra dyrt billig billiga gratis lätt
svårt svår svåra långa lång långt kort korta hög höga högt låg låga låga äldre yngre
new old young big small large free long short hard easy good bad high low cheap expensive
ingenting inget inga något någon några alls dit hit där här hemma borta ute inne ingenstans
någonstans överallt nu då sen sedan redan bara kvar tillbaka ändå även därför kanske nog
ganska väldigt själv själva ensam ensamma ensamt trygg trygga tryggt otrygg otrygga otryggt
skönt kul roligt rolig trevligt trevlig givande intressant intressanta bor bo bodde
nothing something anything anywhere nowhere everywhere here there again also already still
just only available possible
""".split())
# Swedish verbs of the -era kind (rekrytera, informerar, digitaliserade) and English
# adjective endings: a label names a thing ("Rekrytering", "Accessibility").
PARTICLES = frozenset("ihop upp ut in av på om till med bort fram över under igenom".split())
VERB_ENDINGS = ("era", "erar", "erade", "erat", "eras", "erad", "lagd", "lagda")
ENGLISH_ADJECTIVE_ENDINGS = ("able", "ible", "ful", "ous", "less")
SWEDISH_NOUN_ENDINGS = ("en", "et", "na", "arna", "erna", "orna", "or", "ar", "er", "ning",
                        "het", "else", "skap", "tion", "ism", "ist", "are")


def quotes(members: list[int], sim: np.ndarray) -> tuple[int, ...]:
    """Up to 3 members with the highest mean similarity to the rest (most central first)."""
    if not members:
        return ()
    centrality = sim[np.ix_(members, members)].mean(axis=1)
    order = sorted(range(len(members)), key=lambda k: (-round(float(centrality[k]), 6), members[k]))
    return tuple(members[k] for k in order[:3])


def label(members: list[int], notes: list, used: set[str], n: int, lang: str = "sv") -> str:
    """The one or two best terms of a cluster as the notes write them: "Samverkan · Kommunerna".

    Nouns first (a bare verb or adjective never leads); words of the event's language
    (``lang``) before words of notes in the other one."""
    scored = _scored(members, notes, n, lang)
    picked: list[str] = []
    groups_picked: set[str] = set()
    for score, form, term, nounish in scored:
        if any(_same(form, other) for other in picked) or (picked and nounish < 1):
            continue
        groups = thesaurus.word_groups(form.lower(), form) | ({term[2:]} if term[:2] == "g:" else set())
        if picked and (groups & groups_picked or -score < -scored[0][0] * p_second):
            continue
        picked.append(form)
        groups_picked |= groups
        if len(picked) == 2:
            break
    candidates = []
    if picked:
        candidates.append(" · ".join(_capital(f) for f in picked))
        candidates.append(_capital(picked[0]))
    candidates += [_capital(f) for _, f, _, _ in scored[:6]]
    for candidate in candidates:
        if len(candidate) <= MAX_LABEL and candidate.lower() not in used:
            return candidate
    if not picked:
        return ""                  # nothing the notes share: not a theme
    base = _capital(picked[0])[:MAX_LABEL - 4]
    k = 2
    while f"{base} {k}".lower() in used:
        k += 1
    return f"{base} {k}"


def _scored(members: list[int], notes: list, n: int, lang: str) -> list[tuple]:
    """(-score, form, term, noun-likeness) of every term two or more members share, best first."""
    inside: Counter = Counter()
    forms: dict[str, Counter] = defaultdict(Counter)
    own_language: Counter = Counter()
    for i in members:
        for term in notes[i].terms:
            inside[term] += 1
            own_language[term] += notes[i].lang == lang
            forms[term].update(notes[i].surfaces.get(term, {}))
    everywhere: Counter = Counter()
    for note in notes[:n]:
        everywhere.update(note.terms.keys())
    scored = []
    for term, count in inside.items():
        form = _group_form(term[2:], forms[term]) if term.startswith("g:") else _form(forms[term])
        if not form or (form.lower() in FILLER | NOT_NOUNS and not form.isupper()) or count < 2:
            continue
        nounish = _noun_likeness(form, forms[term])
        language = 0.6 + 0.4 * own_language[term] / count
        bonus = (1.3 if term.startswith("g:") else 1.0) * nounish * language
        score = count / len(members) * math.log(1 + n / everywhere[term]) * bonus
        scored.append((-round(score, 6), form, term, nounish))
    scored.sort()
    return scored


def _group_form(key: str, forms: Counter) -> str:
    """A synonym group shown as the word the notes use for it: its key word counts double
    ("Samverkan"), then the most used, then the thesaurus's order (the best label first)."""
    if not forms:
        return ""
    order = thesaurus.order(key)

    def rank(form: str):
        own = 2 if stem(form.lower(), "sv") == stem(key, "sv") else 1
        return (-forms[form] * own * _noun_likeness(form, forms), order.get(form.lower(), len(order)),
                len(form), form)
    return min(forms, key=rank)


ADJECTIVE_ENDINGS = ("iga", "iskt", "iska", "isk", "liga", "ligt", "ala", "ig", "lig", "ella", "ellt",
                     "iva", "ivt", "samma")


def _noun_likeness(form: str, forms: Counter) -> float:
    """Nouns make labels. A Swedish adjective ending (digitala, tydlig) halves a word's
    chance, so does an English -ly or a word that reads like a verb (vågar, samverka,
    inflected -ar/-er/-a) unless the notes also write it as a noun (bussen, linjer)."""
    word = form.lower()
    if " " in word and word.split()[-1] in PARTICLES:
        return 0.25                       # a verb with its particle: "jobba ihop"
    if form.isupper() or " " in word:
        return 1.0
    if word.endswith("ly") or (len(word) >= 6 and word.endswith(ADJECTIVE_ENDINGS)):
        return 0.5
    if len(word) >= 6 and word.endswith(VERB_ENDINGS + ENGLISH_ADJECTIVE_ENDINGS):
        return 0.25
    written = [w.lower() for w in forms] or [word]
    as_noun = any(w.endswith(SWEDISH_NOUN_ENDINGS[:7]) and len(w) > 4 for w in written)
    if word.endswith(("ar", "er", "ir", "a", "de", "te")) and not as_noun and len(word) < 10:
        return 0.5
    return 1.0


def _form(forms: Counter) -> str:
    """The most used written form; on a tie the shortest, then alphabetical."""
    if not forms:
        return ""
    return min(forms, key=lambda w: (-forms[w], len(w), w))


def _same(a: str, b: str) -> bool:
    """Two label words that say the same: one starts the other, or they share a word's stem."""
    a, b = a.lower(), b.lower()
    if a.startswith(b) or b.startswith(a):
        return True
    return bool({stem(w, "en") for w in a.split()} & {stem(w, "en") for w in b.split()})


def _capital(form: str) -> str:
    return form if form.isupper() else form[:1].upper() + form[1:]
