"""Is a word a thing? Word-class rules for theme labels, with a small word-class lexicon.

A theme is named by a noun ("Biljetter", "Pharmacy"), never by a bare verb, adjective, adverb
or time word ("Höjs", "Står", "Dålig", "Grå", "Tydligen", "Kvällen"; "Finish", "Huge", "Year").
The word-class lexicon (facilitator/data/wordclass/sv.txt and en.txt, made by
scripts/build_wordclass.py from hand-written lemma lists of the common verbs, adjectives,
adverbs and time words of any topic, inflected by rule and checked against wordfreq) says
which forms never lead (``never_leads``); a form that is a common noun as well (hjälp, stöd,
cyklar; help, plan) leads only when the notes use it as a noun (after an article, possessive,
quantifier or a verb taking an object: "en hjälp.", "mer stöd", "få hjälp"; or in its
definite form: hjälpen). Words the lexicon does not hold are read by the rules as before:
the word's ending, the closed-class and commonest verbs and adjectives below, and how the
notes themselves use it: a word the notes write in a noun form (bussen, linjer) or after an
article or possessive that ends its phrase ("en kurs.", "the pharmacy in town", "min mamma")
is a noun. Pure apart from reading the lexicon files once.
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from importlib import resources

from ..text import frequency, stop_words

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
# The commonest adjectives of any topic (their comparatives are adjectives too: billigare, cheaper).
ADJECTIVES = frozenset("""
ny nya nytt gammal gamla gammalt unga ung ungt dyr dyra dyrt billig billiga gratis lätt
svårt svår svåra långa lång långt kort korta hög höga högt låg låga äldre yngre
dålig dåligt dåliga tom tomt tomma full fullt fulla kall kallt kalla varm varmt varma
trasig trasigt trasiga sönder ren rent rena säker säkert säkra osäker rädd rädda orolig
trött trötta glad glada samma annan annat vanlig vanligt vanliga hel helt
new old young big small large free long short hard easy good bad high low cheap expensive
dry wet hot cold warm busy empty full noisy dirty clean safe unsafe scared worried tired
afraid happy sad nice great lovely terrible awful poor real whole own same different
other main best worst less least most fewer able unable sure
snabb snabba långsam långsamma tät täta gles glesa stängd stängda öppen öppna enkel enkla
enkelt större mindre högre lägre färre fler bättre sämre längre lågt
near far late early fast slow quick
""".split())
# The organiser and its kind: the context of every note at a municipal dialogue ("kommunen
# borde ..."). A theme is named by what is asked for, not by who is asked: such a word leads
# a label only when the notes share no better one.
ORGANISERS = frozenset("""
kommun kommunen kommunens kommuner kommunerna region regionen regionens regioner
landsting landstinget municipality municipalities council councils
""".split())
# Words a person would not call a theme by, of any topic: numbers, greetings, and the
# commonest verbs, adjectives and adverbs (a theme is named by a thing: "Biljetter", not "Dyra"),
# the commonest -s verbs (hörs, syns) and supines (hunnit, fått).
NOT_NOUNS = frozenset("""
en ett två tre fyra fem sex sju åtta nio tio tolv hundra första andra tredje
one two three four five six seven eight nine ten first second third
tack hej hejsan hallå thanks thank hello hi please
vill vilja vågar våga åka åker går gå tar ta kan kunna bör låta låter gick kom sa säga
ser se vet veta tror tro tycker tycka betala kostar ringer ringa väntar vänta hitta hittar
höjs höja höjer sänks sänka ökas minskar minskas stängs stänger stängde öppnar öppnas
välja väljer
bring brings go goes take takes give gives want wants let lets see sees say says pay pays
wait waits ask asks try tries find finds think thinks know knows like likes run runs buy
open opens close closes closed finish finished eat eats recruit hire seem seems went came
made said told got put kept left done gone hear hears listen ones another
tänk tänka behåll behålla
ingenting inget inga något någon några nåt nån nåra alls dit hit där här hemma borta ute inne ingenstans
någonstans överallt nu då sen sedan redan bara kvar tillbaka ändå även därför kanske nog
ganska väldigt istället iställe själv själva ensam ensamma ensamt trygg trygga tryggt otrygg otrygga otryggt
skönt kul roligt rolig trevligt trevlig givande intressant intressanta bor bo bodde
nothing something anything anywhere nowhere everywhere here there again also already still
just only available possible back instead rather maybe probably enough even though yet soon
later ago ever never often away together around across else
först sist sent snabbt fort bort nästan alldeles länge lagom precis direkt genast snart
tillsammans mest minst oftast särskilt speciellt dessutom gärna hellre knappt tyvärr absolut
heller endast enbart plötsligt ibland jämt fortfarande ännu längre hemifrån härifrån därifrån
framåt bakåt uppåt neråt ner ned upp ut bak fram framme uppe nere bakom utanför innanför
bredvid emot rätt fel väl illa bäst sämst främst tätt glest långsamt hårt lätt mitt
hörs syns känns märks sägs verkar lyckas hunnit blivit varit fått gått sett tagit kommit
gett gjort sagt velat kunnat behövt försökt funnits
längst närmast högst lägst senast tidigast
almost nearby last next right left quickly sometimes usually always quite very too well
worse further farther ahead behind along down up out off over through today tonight
tomorrow yesterday weekly daily outside inside mean
nobody somebody anybody everybody someone anyone everyone noone
""".split()) | ADJECTIVES | frozenset("""
längs trots per förbi ovanför nedanför omkring angående gällande beträffande utmed utefter
bortom jämte ihop igenom dom dej mej sej lol haha hihi asså ba jaa nej ja okej ok wow
yes yeah nah omg within without towards toward despite beside besides onto upon amongst
""".split())   # prepositions, phones' pronouns and interjections the stop words lack
PARTICLES = frozenset("ihop upp ut in av på om till med bort fram över under igenom".split())
# A phone's abbreviation of one word ("ggr" for gånger, "lgh" for lägenhet): not what a person
# would call a theme. A closed list: an initialism of a name (NPF, BVC, LSS, BUP) is open-ended,
# often written small on a phone, and does name a theme. (Those the stop words or NOT_NOUNS
# hold already, such as dvs, osv, nån, are not repeated here.)
ABBREVIATIONS = frozenset("""
ggr gg lgh lgt mkt tfn tel ngn ngt ngr st stk kr kvm mvh pga tex bla resp ca
inkl exkl jmf sthlm gbg vrf nt iaf kl mån tis ons tors fre lör sön
pls plz thx govt dept hrs hr mins wk wks yr yrs approx esp
""".split())
# Swedish verbs of the -era kind (rekrytera, informerar, digitaliserade), passives
# (avskaffas, åtgärdas) and English adjective endings: a label names a thing.
VERB_ENDINGS = ("era", "erar", "erade", "erat", "eras", "erad", "lagd", "lagda")
SWEDISH_PASSIVE = ("as",)
ENGLISH_ADJECTIVE_ENDINGS = ("able", "ible", "ful", "ous", "less")
ADJECTIVE_ENDINGS = ("iga", "iskt", "iska", "isk", "liga", "ligt", "ala", "ig", "lig", "ella",
                     "ellt", "iva", "ivt", "samma", "samt", "sam", "alt", "elt")
SWEDISH_NOUN_ENDINGS = ("en", "et", "na", "arna", "erna", "orna", "or", "ar", "er", "ning",
                        "het", "else", "skap", "tion", "ism", "ist", "are")
# A Swedish genitive of a definite or plural noun: "bostadsbolagets", "ungdomarnas".
GENITIVE_ENDINGS = ("ets", "arnas", "ernas", "ornas", "nas")
# Before a noun that ends its phrase: articles and possessives ("det", "that" are pronouns too).
DETERMINERS = frozenset("""
en ett min mitt mina din ditt dina vår vårt våra sin sitt sina hans hennes deras varje
the a an my our your their his its these those every
""".split())
# Before a noun, not a verb: "mer hjälp", "inget stöd", "fler cyklar", "more support".
QUANTIFIERS = frozenset("""
mer mera ingen inget inga någon något några fler flera många mycket lite extra bättre sämre bra
dålig dåligt god gott ökad ökat minskad minskat eget egen egna
more no some any better good extra much less enough own another each
""".split())
# Verbs whose object is a noun: a verb's own form after them is one ("få hjälp", "need help").
OBJECT_VERBS = frozenset("""
få får fick fått ge ger gav gett behöver behövde söka söker sökte erbjuda erbjuder kräva kräver
saknar saknade ha har hade
get gets got need needs needed give gives gave offer offers want wants have has had
""".split())
NOUN_BEFORE = DETERMINERS | QUANTIFIERS | OBJECT_VERBS    # what a noun follows: "mer hjälp"
NOT_SUPERLATIVE = ("quest", "chest", "rest", "test", "vest", "guest")
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|[.,;:!?()]")


def noun_evidence(texts) -> frozenset[str]:
    """Words the notes write after an article or possessive at the end of a phrase (the next
    word is a stop word, a punctuation mark, or none): "en kurs", "the pharmacy in town".
    An adjective there is followed by its noun ("en dålig väg"), so it does not count. A form
    the lexicon has as a verb and a noun (hjälp, cyklar, help) counts after an article, a
    possessive, a quantifier or a verb whose object is a noun, whatever follows: "mer hjälp
    med", "fler cyklar", "the park is", "få hjälp av", "hire another cook"."""
    stops = stop_words("sv") | stop_words("en")
    found = set()
    for text in texts:
        tokens = [t.lower() for t in WORD.findall(text[:2000])]
        for k in range(1, len(tokens)):
            after = tokens[k + 1] if k + 1 < len(tokens) else "."
            if (tokens[k - 1] in DETERMINERS and tokens[k].isalpha() and tokens[k] not in stops
                    and (after in stops or not after.isalpha())):
                found.add(tokens[k])
            elif tokens[k - 1] in NOUN_BEFORE and "noun" in lexicon_classes(tokens[k]):
                found.add(tokens[k])      # "mer hjälp", "the park is": a verb's form as a noun
    return frozenset(found)


@functools.cache
def _lexicon(lang: str) -> dict[str, frozenset[str]]:
    """facilitator/data/wordclass/{sv,en}.txt: form -> its classes (verb, adj, adv, time, and
    noun when it is a common noun too). Made by scripts/build_wordclass.py."""
    text = (resources.files("facilitator") / "data" / "wordclass" / f"{lang}.txt").read_text(
        encoding="utf-8")
    found = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            form, _, kinds = line.partition("\t")
            found[form] = frozenset(kinds.split(","))
    return found


def lexicon_classes(word: str, english: bool | None = None) -> frozenset[str]:
    """The word's classes in the word-class lexicon of Swedish (``english`` False), English
    (True) or either (None): {"verb"}, {"adj", "noun"}..., empty when it holds no such form."""
    word = word.lower()
    if english is None:
        return _lexicon("sv").get(word, frozenset()) | _lexicon("en").get(word, frozenset())
    return _lexicon("en" if english else "sv").get(word, frozenset())


def never_leads(form: str, forms: Counter | None = None, english: bool = False,
                evidence: frozenset[str] = frozenset()) -> bool:
    """A verb, adjective, adverb or time word of the lexicon (står, sänk, öppet, grå, tydligen,
    juli, kväll; huge, brown, year): never a theme's name. A form that is a common noun as well
    (hjälp, stöd, cyklar; help, plan) only when the notes never use it as one: never after an
    article or a quantifier ("en hjälp.", "mer stöd") nor in its definite form (hjälpen)."""
    word = form.lower()
    if form.isupper() or " " in word:
        return False
    kinds = lexicon_classes(word, english)
    if not kinds:                         # a month or weekday of the other language: "August"
        return lexicon_classes(word, not english) == {"time"}
    if "noun" not in kinds:
        return True
    written = {w.lower() for w in forms or ()} | {word}
    if written & evidence:
        return False
    if english:
        return True
    definite = {word + "en", word + "et"}         # the notes write its definite form: a noun
    if word[-1:] in "aeiouyåäö":
        definite.add(word + "n")                  # resan
    if word.endswith(("ar", "er", "or")):
        definite.add(word + "na")                 # cyklarna
    return not definite & written


def genitive(word: str) -> bool:
    """A Swedish genitive of a definite or plural noun: bostadsbolagets, ungdomarnas; -ens
    (ungdomens) only when wordfreq knows the word without its -s better (kompetens ends so too)."""
    if len(word) >= 7 and word.endswith(GENITIVE_ENDINGS):
        return True
    return len(word) >= 6 and word.endswith("ens") and frequency(word[:-1]) > frequency(word)


def noun_likeness(form: str, forms: Counter, english: bool = False,
                  evidence: frozenset[str] = frozenset(), lexicon: bool = True) -> float:
    """Nouns make labels (1.0). A Swedish adjective ending (digitala, dålig) or an English
    -ly, -ing or -al halves a word's chance, so does a word that reads like a verb (vågar,
    samverka) unless the notes also write it as a noun (bussen, linjer); -era verbs,
    passives, English -ed and -able a quarter. A verb, adjective, adverb or time word of the
    word-class lexicon (``never_leads``) or a phone's abbreviation ("ggr") 0: no label.
    ``english``: the word is of English notes; ``lexicon`` False: the ending rules alone."""
    word = form.lower()
    if " " in word and word.split()[-1] in PARTICLES:
        return 0.25                       # a verb with its particle: "jobba ihop"
    if form.isupper() or " " in word:
        return 1.0
    if lexicon and never_leads(form, forms, english, evidence):
        return 0.0                        # the lexicon's verb, adjective, adverb or time word
    if lexicon and abbreviation(form, forms):
        return 0.0                        # "ggr", "lgh": a theme is named in whole words
    written = [w.lower() for w in forms] or [word]
    if any(w in evidence for w in written):
        return 1.0                        # "en kurs", "the pharmacy": the notes use it as a noun
    if english:
        return _english(word)
    if word.endswith("ly") or (len(word) >= 5 and word.endswith(ADJECTIVE_ENDINGS)):
        return 0.5
    if len(word) >= 7 and word.endswith(("aste", "asta")):
        return 0.25                       # a superlative: viktigaste, största
    if _comparative(word):
        return 0.25                       # tätare, billigare; not lärare, bagare
    if _inflected_as_adjective(word, written):
        return 0.5                        # digital, digitala, digitalt and never "digitalen"
    if len(word) >= 6 and word.endswith(VERB_ENDINGS + ENGLISH_ADJECTIVE_ENDINGS + SWEDISH_PASSIVE):
        return 0.25
    if len(word) == 5 and word.endswith("as") and word[2] not in "aeiouyåäö":
        return 0.25                       # mötas, läsas: a short passive (not atlas, ananas)
    as_noun = any(w.endswith(SWEDISH_NOUN_ENDINGS[:7]) and len(w) > 4 for w in written)
    if word.endswith(("ar", "er", "ir", "a", "de", "te")) and not as_noun and len(word) < 10:
        return 1.0 if _plural_noun(word) else 0.5
    return 1.0


def abbreviation(form: str, forms: Counter | None = None) -> bool:
    """A phone's abbreviation of one word ("ggr", "lgh", "mkt"), never written in capitals."""
    written = list(forms or ()) or [form]
    return form.lower() in ABBREVIATIONS and not any(w.isupper() for w in written)


def _comparative(word: str) -> bool:
    """A Swedish comparative in -are: its base is a common adjective (billig, dyr) or wordfreq
    knows its superlative (tätaste); an agent noun (lärare, förare) has none."""
    if len(word) < 6 or not word.endswith("are"):
        return False
    base = word[:-3]
    if base in ADJECTIVES:
        return True
    return frequency(base + "aste") + frequency(base + "ast") > 0.01 * frequency(word) > 0


def _plural_noun(word: str) -> bool:
    """An -ar/-er word whose infinitive Swedish hardly writes is a plural noun (kontanter,
    linjer, avgångar; not väntar, kostar, regnar). Needs wordfreq; without it: no."""
    if not word.endswith(("ar", "er")) or frequency(word) == 0:
        return False
    return frequency(word[:-2] + "a") < 0.2 * frequency(word)


def _inflected_as_adjective(word: str, written: list[str]) -> bool:
    """The notes write the word with a Swedish adjective's -t (or -a after an adjective's
    -al, -el, -iv...) and never as a noun (digital, digitala, digitalt: each of the three)."""
    if word[-1:] in ("a", "t") and word[:-1] in written and word[:-1] + "en" not in written:
        word = word[:-1]
    if word.endswith("e"):
        return False                      # förtroende, förtroendet: a noun's definite -t
    if word + "t" not in written and not (
            word + "a" in written and word.endswith(("al", "el", "iv", "är", "ent", "ant"))):
        return False                      # hjälp, hjälpa: a verb's -a is no adjective's
    return not any(w.startswith(word) and w[len(word):] in ("en", "et", "er", "ar", "na", "n")
                   for w in written)


def _english(word: str) -> float:
    """An English word by its ending: -ed, -able, -ful, -ous, -less a quarter; -ly, -ing, -al,
    -ive, -ic half (booking or hospital come back when the notes write "the booking")."""
    if word.endswith("er") and ({word[:-2], word[:-3], word[:-3] + "y", word[:-1]} & ADJECTIVES):
        return 0.25                       # cheaper, bigger, easier, safer: a comparative
    if len(word) >= 6 and word.endswith("est") and not word.endswith(NOT_SUPERLATIVE):
        return 0.25                       # youngest, biggest; not interest, contest
    if len(word) >= 5 and (word.endswith(ENGLISH_ADJECTIVE_ENDINGS) or
                           (word.endswith("ed") and not word.endswith("eed"))):
        return 0.25
    if len(word) >= 5 and word.endswith(("ly", "ing", "al", "ive", "ic")):
        return 0.5
    return 1.0


def surely_noun(form: str, forms: Counter, english: bool, evidence: frozenset[str]) -> bool:
    """Positive evidence of a noun, for a label's second word: an acronym or phrase, a form
    after an article, a Swedish definite or plural form (bussen, linjerna), an English plural."""
    written = [w.lower() for w in forms] or [form.lower()]
    if form.isupper() or " " in form or any(w in evidence for w in written):
        return True
    if english:
        return any(len(w) > 4 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ous"))
                   for w in written)
    return any(len(w) > 5 and w.endswith(("en", "et", "na", "or", "ar", "er")) for w in written)
