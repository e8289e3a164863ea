"""Build facilitator/data/wordclass/sv.txt and en.txt: the word forms a theme label never
leads with (verbs, adjectives, adverbs, time words), and those that are also common nouns.

    .venv/bin/python scripts/build_wordclass.py        # needs wordfreq (the `themes` extra)

How: the lemma lists below were written by hand (the common verbs and adjectives of everyday
Swedish and English, whatever the topic; no topic's words). Regular inflections are made by
rule (Swedish verb conjugations 1, 2a, 2b and 3, adjective -t/-a/-are/-ast; English -s, -ed,
-er, -est, -ly) and kept only when wordfreq knows the form (so no made-up forms ship); the
strong and irregular forms are written out and always kept. A form that is also a common noun
(hjälp, stöd, lek, resa, rest; help, support, plan) goes to the "noun" class as well: the
notes' own noun evidence decides such a word (wordclass.py). Present participles and English
-ing forms are left out (boende, förebyggande, parking, housing are nouns).

No part-of-speech resource on PyPI is both offline, permissive and Swedish: simplemma (MIT)
lemmatises without word classes, hunspell-sv and saldo-python are LGPL and give inflection
paradigms or spelling flags, not classes; lemminflect is English only.
"""
from __future__ import annotations

import sys
from pathlib import Path

from wordfreq import zipf_frequency

OUT = Path(__file__).resolve().parent.parent / "facilitator" / "data" / "wordclass"
MIN_ZIPF = 1.5          # a generated form must be this common in wordfreq (about 3 per 100M words)
MIN_ZIPF_EN = 2.5       # English: wordfreq knows many misspellings (gooder, runned)

# ---------------------------------------------------------------- Swedish verbs
# Conjugation 1: tala talar talade talat talad talas.
SV_V1 = """
tala prata fråga svara arbeta jobba titta lyssna vänta öppna laga baka städa tvätta handla betala
kosta spela hoppa dansa cykla jogga simma bada duscha vila önska mena starta stoppa sluta börja
ändra förändra förbättra försämra utveckla samarbeta samverka undra tacka hälsa ordna fixa kolla
lova lämna hämta skicka boka stanna vandra skapa satsa minska öka visa pröva testa orka klara
verka peka rita måla skratta träna flytta samla dela låna spara kasta plocka vakna somna koka
räkna plugga undervisa kämpa mejla maila googla klicka logga surfa chatta scrolla ladda gilla
tvinga påverka begränsa förhindra förklara utbilda anordna träffa kontakta välkomna bevara
skydda rädda ägna tillämpa ansvara smaka tappa sakna hata älska lita stötta  
fundera diskutera  omfatta  avsluta   uppmuntra uppmärksamma
underlätta förenkla   efterfråga  förvänta tolka granska  värdera
prioritera anpassa  berätta  dokumentera  förmedla förvalta hantera
 inspirera  leverera motivera meddela organisera planera reagera reparera
rekrytera renovera sortera studera  uppdatera utvärdera vårda   parkera
promenera informera kommunicera engagera involvera inkludera investera finansiera subventionera
kontrollera markera registrera reservera acceptera respektera protestera fokusera
""".split()
# Conjugation 2a (voiced stem): stänga stänger stängde stängt stängd stängs, stäng!
SV_V2A = """
stänga behöva höja glömma använda följa känna ställa hända vända tända sända hyra köra höra lära
röra styra bygga leva ringa slänga hänga svänga fylla kräva bränna begära leda betyda bero förstöra
störa föda äga väga nämna påminna stämma drömma gömma tömma skylla spilla tåla uppleva
tillhöra anställa anmäla fälla böja tänja jämföra inleda förbereda genomföra bedöma återvända
""".split()
# Conjugation 2b (voiceless stem): sänka sänker sänkte sänkt sänks, sänk!
SV_V2B = """
sänka köpa hjälpa tycka leka söka läsa resa åka märka tänka mäta möta besöka steka röka släcka
väcka täcka räcka stöta byta sköta låsa lösa läcka knäcka klippa välta trycka släppa
växa tänka stärka förstärka ansöka
""".split()
# Conjugation 3: bo bor bodde bott bos.
SV_V3 = "bo tro må nå klä sy ske bero förmå bry".split()
# Strong and irregular verbs, every form written out.
SV_STRONG = """
vara är var varit
ha har hade haft
bli blir blev blivit
få får fick fått
gå går gick gått
stå står stod stått stås
förstå förstår förstod förstått
bestå består bestod bestått
uppstå uppstår uppstod uppstått
se ser såg sett ses
ta tar tog tagit tas tagen tagna
ge ger gav gett givit ges
komma kommer kom kommit
göra gör gjorde gjort görs gjord gjorda
säga säger sa sade sagt sägs
veta vet visste vetat
kunna kan kunde kunnat
vilja vill ville velat
ska skall skulle
måste
böra bör borde
låta låter lät låtit
tillåta tillåter tillät tillåtit tillåts
sova sover sov sovit
äta äter åt ätit äts
dricka dricker drack druckit
sitta sitter satt suttit
ligga ligger låg legat
springa springer sprang sprungit
hinna hinner hann hunnit hinns
finna finner fann funnit
vinna vinner vann vunnit
försvinna försvinner försvann försvunnit
brinna brinner brann brunnit
binda binder band bundit
sjunga sjunger sjöng sjungit
skriva skriver skrev skrivit skrivs
driva driver drev drivit drivs
bjuda bjuder bjöd bjudit
erbjuda erbjuder erbjöd erbjudit erbjuds
flyga flyger flög flugit
frysa fryser frös frusit
dra drar drog dragit dras
slå slår slog slagit slås
falla faller föll fallit
hålla håller höll hållit hålls
gråta gråter grät gråtit
heta heter hette hetat
bära bär bar burit
skära skär skar skurit
stjäla stjäl stal stulit
välja väljer valde valt väljs
sälja säljer sålde sålt säljs
lägga lägger lade la lagt läggs
sätta sätter satte satt sätts
ersätta ersätter ersatte ersatt ersätts
fortsätta fortsätter fortsatte fortsatt
dö dör dog dött
le ler log lett
gälla gäller gällde gällt
skjuta skjuter sköt skjutit
njuta njuter njöt njutit
sjunka sjunker sjönk sjunkit
stiga stiger steg stigit
gripa griper grep gripit
glida glider gled glidit
kliva kliver klev klivit
lida lider led lidit
slita sliter slet slitit
bryta bryter bröt brutit bryts
ljuga ljuger ljög ljugit
krypa kryper kröp krupit
sticka sticker stack stuckit
slippa slipper slapp sluppit
finnas finns fanns funnits
synas syns syntes synts
kännas känns kändes känts
märkas märks märktes märkts
hoppas hoppades hoppats
lyckas lyckades lyckats
minnas minns mindes mints
trivas trivs trivdes trivts
verkas
saknas saknades
behövas behövs behövdes
glädja gläder gladde glatt
dölja döljer dolde dolt
stödja stöder stödjer stödde stött stöds stöd
lära lär lärde lärt
göras
beskriva beskriver beskrev beskrivit beskrivs
bidra bidrar bidrog bidragit
delta deltar deltog deltagit
avgöra avgör avgjorde avgjort avgörs
ifrågasätta ifrågasätter ifrågasatte ifrågasatt
kartlägga kartlägger kartlade kartlagt
sprida sprider spred spridde spridit spritt sprids
hända händer hände hänt
""".split("\n")
# Also common nouns: the notes' own use decides (hjälpen, ett stöd, mer hjälp).
SV_BOTH = """
hjälp stöd svar köp lek bygg tryck lyft rest växt hälsa resa fråga hyra vila fika skola ring
dröm steg bär rör kör start stopp slut tal lov bad hopp val vård tvätt lån byte plan kamp hem
lugn ljus lokal fall vinst mål spel jobb dans sång mat möte tanke minne sorg glädje oro
hat hot lukt smak syn ro ordning skydd drag skott tur slag tag fart spår stöt bud köp kast
sätt dom vakt skatt test sort snö regn frost sol vind form grupp central tunna vana bar
spill mås lås tunga led mått
""".split()

# ---------------------------------------------------------------- Swedish adjectives
SV_ADJ = """
ny ung stor lång kort hög låg bred smal tjock tunn tung lätt svår enkel dyr billig fin ful
vacker snygg söt god ren smutsig torr våt blöt kall varm het ljum sval mörk ljus tyst lugn stökig
rolig tråkig glad ledsen arg rädd orolig trött pigg sjuk frisk stark svag snabb långsam tidig
modern digital lokal social fri öppen stängd tom full hel trasig säker osäker trygg otrygg farlig
viktig nödvändig möjlig omöjlig vanlig ovanlig konstig bekväm obekväm nöjd missnöjd vänlig ovänlig
snäll elak hård mjuk rak krokig tät gles rik fattig dum smart klok duktig flitig lat nyfiken
lycklig olycklig ensam gemensam tillgänglig otillgänglig begriplig tydlig otydlig grön blå gul
röd svart vit grå brun rosa lila orange sen nära jobbig skön härlig underbar fantastisk
hemsk fruktansvärd dålig gammal liten god bra stilla bred djup grund vid trång rymlig rörig
noggrann slarvig ärlig falsk äkta rätt fel bred fri säll hal blank skarp slö ljummen mogen
egen vaken naken trogen ledig upptagen sur sötsur salt kort nöjd förvånad besviken arg
utländsk internationell nationell kommunal statlig privat offentlig extra
ekonomisk politisk teknisk praktisk fysisk psykisk mental total lokal regional central
global allmän speciell särskild generell normal vanlig verklig faktisk aktuell tidigare
senare nuvarande framtida hållbar ansvarsfull flexibel stabil säker osäker enkel komplicerad
attraktiv effektiv aktiv passiv positiv negativ kreativ intensiv exklusiv inkluderande
begränsad obegränsad tillräcklig otillräcklig lämplig olämplig rimlig orimlig självklar
tydlig ovan van värdefull meningsfull hopplös hjälplös
""".split()
SV_ADJ_FORMS = """
gammal gammalt gamla gamle äldre äldst äldsta
liten litet lilla lille små mindre minst minsta
stor stort stora store större störst största
god gott goda bättre bäst bästa
dålig dåligt dåliga sämre sämst sämsta värre värst värsta
bra
lång långt långa längre längst längsta
ung ungt unga yngre yngst yngsta
hög högt höga högre högst högsta
låg lågt låga lägre lägst lägsta
tung tungt tunga tyngre tyngst tyngsta
få färre färst
många fler flera flest
tom tomt tomma tommare
dum dumt dumma dummare dummast
grym grymt grymma grymmare
säll sällt
snäll snällt snälla snällare snällast
blå blått blåa
grå grått gråa
ny nytt nya nyare nyast nyaste
fri fritt fria friare
rosa lila orange extra äkta stilla
sen sent sena senare senast senaste
nära närmare närmast närmaste
""".split("\n")
SV_ADJ_BOTH = "ljus lokal central rätt fel salt blank grund".split()

# ---------------------------------------------------------------- Swedish adverbs
SV_ADV = """
tydligen troligen förmodligen antagligen säkerligen egentligen verkligen faktiskt knappast
nästan alltid aldrig ofta sällan ibland snart sedan redan fortfarande ännu just precis endast
bara också även dessutom därför alltså ändå kanske möjligen absolut definitivt självklart
givetvis naturligtvis uppenbarligen förhoppningsvis slutligen äntligen plötsligt gradvis delvis
huvudsakligen främst särskilt speciellt ganska väldigt extremt otroligt oerhört alldeles helt
totalt tillräckligt hellre gärna lagom direkt omedelbart genast strax tidigare efteråt förut först
sist hemma borta ute inne här där hit dit överallt ingenstans någonstans uppe nere framme tillbaka
iväg hem bort fram upp ned ner ut in igenom förbi runt omkring tillsammans snabbt långsamt
ordentligt noga tyvärr lyckligtvis olyckligtvis hursomhelst typ liksom nog ju visst inte icke ej
annars sådär såhär hur när varför vart varifrån därifrån härifrån samtidigt emellertid däremot
dock kvar länge jämt ständigt oftast mestadels vanligtvis normalt ungefär cirka drygt knappt
exakt enbart bokstavligen personligen ärligt uppriktigt vidare likaså likadant annorlunda
sedermera hittills numera nuförtiden tidigt sent ofta fort hastigt lugnt tyst högt lågt
mycket lite mer mera mest minst jättemycket jättebra jätte superbra
""".split()

# ---------------------------------------------------------------- Swedish time words
SV_TIME = """
januari februari mars april maj juni juli augusti september oktober november december
måndag tisdag onsdag torsdag fredag lördag söndag
måndagen tisdagen onsdagen torsdagen fredagen lördagen söndagen
måndagar tisdagar onsdagar torsdagar fredagar lördagar söndagar
måndagarna tisdagarna onsdagarna torsdagarna fredagarna lördagarna söndagarna
måndags tisdags onsdags torsdags fredags lördags söndags
morgon morgonen morgnar morgnarna morgnarna förmiddag förmiddagen förmiddagar förmiddagarna
eftermiddag eftermiddagen eftermiddagar eftermiddagarna kväll kvällen kvällar kvällarna
natt natten nätter nätterna dag dagen dagar dagarna dygn dygnet
vecka veckan veckor veckorna månad månaden månader månaderna år året åren åren årets

idag igår imorgon ikväll inatt ifjol iår förra nästa
sommar sommaren somrar somrarna vinter vintern vintrar vintrarna höst hösten höstar våren
""".split()

# ---------------------------------------------------------------- English
EN_VERBS = """
listen bring go take give want seem become tell ask think know believe agree disagree decide
allow include provide improve reduce seem suppose mean happen appear remember forget understand
explain describe discuss consider expect hope wish prefer enjoy hate love like feel sound look
seem try manage continue begin stop start finish close open leave arrive stay wait spend pay
buy sell send receive bring carry hold keep put set let make do say speak talk write read
learn teach study meet join follow lead win lose fail succeed choose pick collect gather
build create develop grow rise fall drop raise lower increase decrease cut add remove replace
change move turn return visit travel drive ride walk run sit stand lie sleep wake eat drink cook
clean wash fix repair check test measure count compare prove show hide find search seek lose
miss catch throw hit break hurt kill save protect prevent avoid ignore notice recognise
recognize realise realize accept refuse deny admit complain argue encourage support help
serve offer sign apply hire employ recruit train educate inform contact call phone email text
share post upload download install update delete print scan book order deliver cancel
organise organize plan prepare arrange schedule attend invite welcome celebrate
get got gets getting put puts
""".split()
EN_STRONG = """
go goes went gone
take takes took taken
give gives gave given
bring brings brought
become becomes became
tell tells told
think thinks thought
know knows knew known
mean means meant
understand understands understood
forget forgets forgot forgotten
feel feels felt
begin begins began begun
leave leaves left
spend spends spent
pay pays paid
buy buys bought
sell sells sold
send sends sent
hold holds held
keep keeps kept
make makes made
do does did done
say says said
speak speaks spoke spoken
write writes wrote written
read reads
teach teaches taught
meet meets met
lead leads led
win wins won
lose loses lost
choose chooses chose chosen
build builds built
grow grows grew grown
rise rises rose risen
fall falls fell fallen
cut cuts
drive drives drove driven
ride rides rode ridden
run runs ran
sit sits sat
stand stands stood
lie lies lay lain
sleep sleeps slept
wake wakes woke woken
eat eats ate eaten
drink drinks drank drunk
show shows showed shown
hide hides hid hidden
find finds found
seek seeks sought
catch catches caught
throw throws threw thrown
hit hits
break breaks broke broken
hurt hurts
come comes came
see sees saw seen
get gets got gotten
let lets
set sets
put puts
hear hears heard
be is are was were been being am
have has had having
can could will would shall should may might must
""".split("\n")
# English verbs that are common nouns as well: their base and -s forms are "noun" too.
EN_VERB_NOUNS = """
help support plan change need use cost work play walk visit park ride repair book queue wait
lift train run stop start call care cut fix drive fund lead love rent report request return search
share shop sign study talk test trade travel vote wish check order offer post print scan update
cook clean wash break hit show set fall rise drop move turn count measure catch throw sleep drink
meet build hold look sound hope text email phone contact schedule increase decrease stand wake
stay leave finish close open try win hire download upload answer pay raise notice welcome spend
hide stay save feel deal rest view sort worry fear struggle
""".split()
# English adjectives that are common nouns as well (the notes' use decides): green, a local.
EN_BOTH = """
light dark right wrong fine orange green local public main general current past present kind
fair rose
""".split()
EN_ADJ = """
huge big small large tiny little great good bad nice lovely ugly beautiful pretty brown black
white red green blue yellow grey gray pink purple dark light bright dull quiet loud noisy calm busy
crowded empty full clean dirty safe dangerous scary cheap expensive free costly poor rich old new
young modern fresh hot cold warm cool wet dry hard soft easy difficult simple complex clear unclear
strong weak fast slow quick late early long short tall high low wide narrow deep shallow thick thin
heavy near far close open closed broken wrong right sure able happy sad angry glad afraid scared
worried tired sick ill healthy fit lonely friendly unfriendly kind rude polite helpful useful
useless important necessary possible impossible available unavailable accessible inaccessible
local public private social digital mental physical national regional general special common normal
usual unusual regular real true false main major minor whole entire certain various several extra
same different similar other own total final annual daily weekly monthly current recent previous
next last awful terrible horrible amazing awesome fantastic wonderful brilliant excellent perfect
fine okay ok proper nasty silly stupid smart clever lazy weird strange odd funny boring exciting
interesting annoying frustrating confusing confused disappointed disappointing pleased satisfied
unsafe unhealthy unfair fair honest open-minded elderly extra wild
""".split()
EN_ADJ_FORMS = """
good better best
bad worse worst
far farther further farthest furthest
little less least
many more most
much
few fewer fewest
""".split("\n")
EN_ADV = """
very quite rather too so just only even still yet already soon often always never sometimes usually
maybe perhaps probably apparently obviously actually really basically especially generally definitely
unfortunately hopefully finally clearly quickly slowly easily simply certainly possibly likely
here there now then today away back together almost ahead instead anyway anymore somehow somewhere
everywhere nowhere anywhere otherwise however therefore thus also again later earlier recently
currently mostly mainly nearly hardly barely fairly pretty super extremely totally completely fully
absolutely exactly honestly seriously literally personally truly indeed else once twice ever
""".split()
EN_TIME = """
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
mondays tuesdays wednesdays thursdays fridays saturdays sundays
morning mornings afternoon afternoons evening evenings night nights tonight today tomorrow
yesterday day days week weeks month months year years
summer summers winter winters autumn
""".split()


# ---------------------------------------------------------------- widened (issue 18 part 3)
# Added from a pass over wordfreq's 6000 commonest Swedish and 5000 commonest English forms:
# every verb, adjective, adverb and time word among them that the lists above missed, of any
# topic (no topic's words, no nouns).
SV_V1 += """
bruka fatta kalla funka hitta passa rösta skaffa snacka hamna leta gissa prova tjäna vägra
förlora ursäkta missa lukta fira försvara råka bevisa rekommendera agera riskera uppskatta
basera syfta längta oroa klaga presentera koppla dejta drabba existera hävda blanda behandla
spendera likna närma fungera packa utnyttja fånga jaga kommentera notera rapportera motsvara
sparka garantera hindra lura rulla backa bilda identifiera representera variera ångra locka
tävla kika mörda rensa skoja orsaka avslöja tvivla bekräfta konstatera producera passera
placera bekämpa krossa skaka tipsa övertyga käka strunta betrakta publicera beklaga kritisera
skämta blunda pressa slösa bråka etablera filma förneka uttala besluta mata förhandla fastna
uppmana akta ignorera påpeka rikta gynna skippa straffa utmana besvara klättra resultera ropa
anklaga matcha odla offra tillverka avskaffa radera spegla innefatta döda skada syssla hylla
våga ana
""".split()
SV_V2A += """
bestämma erkänna gräva skrämma gnälla instämma överleva föreställa godkänna beställa tyda
lyda antyda försörja överväga upphöra beröra
""".split()
SV_V2B += """
försöka upptäcka undersöka lyfta blåsa lysa sträcka uttrycka smälta misstänka kränka gifta
""".split()
SV_V3 += "fly sno avsky bete uppnå".split()
SV_STRONG += """
vore vare
låt
håll hållas
lägg lades läggas
säg sägas
fortsätt
gjordes gjorts
taget togs tagits
skriven skrivet skrivna skrevs
välj vald valt valda
drick
njut
spring
sågs
tillåten tillåtet tillåtna
skjuten
vuxit
försvunnen försvunnet försvunna
ställas
användas användes använts
byggas
betalt
innebära innebär innebar inneburit
ingå ingår ingick ingått
pågå pågår pågick pågått
utgå utgår utgick utgått
framgå framgår framgick framgått
begå begår begick begått
avgå avgår avgick avgått
umgås umgicks umgåtts
förlåta förlåter förlät förlåtit
innehålla innehåller innehöll innehållit
upprätthålla upprätthåller upprätthöll upprätthållit
behålla behåller behöll behållit
anta antar antog antagit antas
föredra föredrar föredrog föredragit
anse anser ansåg ansett anses ansågs
inse inser insåg insett
avse avser avsåg avsett
uppge uppger uppgav uppgett uppgivit
ange anger angav angett anges
påstå påstår påstod påstått
föreslå föreslår föreslog föreslagit
återstå återstår återstod återstått
avstå avstår avstod avstått
dyka dyker dök dykt
undvika undviker undvek undvikit
suga suger sög sugit
skrika skriker skrek skrikit
duga duger dög dugt
förbjuda förbjuder förbjöd förbjudit förbjuden förbjudet förbjudna
rida rider red ridit
bita biter bet bitit
riva river rev rivit
svära svär svor svurit
be ber bad bett
skita skiter sket skitit
rinna rinner rann runnit
förekomma förekommer förekom förekommit
återkomma återkommer återkom återkommit
förbli förblir förblev förblivit
befinna befinner befann befunnit
fara far farit
skilja skiljer skilde skilt
råda råder rådde rått
utgöra utgör utgjorde utgjort
översätta översätter översatte översatt
utsätta utsätter utsatte utsatt utsätts utsatta
förutsätta förutsätter förutsatte förutsatt
skämmas skäms skämdes skämts
andas andades andats
låtsas låtsades låtsats
misslyckas misslyckades misslyckats
vistas vistades vistats
slåss slogs slagits
bedriva bedriver bedrev bedrivit
torde
föra förde fört förs förd förda fördes
utföra utför utförde utfört utförs utförd utförda utfördes
införa införde infört införs införd införda infördes
medföra medför medförde medfört
""".split("\n")
SV_BOTH += """
låt håll försök skada hylla syssla gift bett fara far gnäll uttryck sträcka blåst
misstänkt flytt avsky bete utsatt utsatta ända
""".split()
SV_ADJ += """
klar viss död sann ond övrig riktig perfekt värd halv tvungen stolt allvarlig seriös kär
märklig personlig rejäl galen mänsklig korrekt kraftig enskild fullständig lik pinsam enorm
ansvarig eventuell naturlig sannolik uppenbar nervös typisk cool mysig onödig hungrig löjlig
religiös automatisk medveten skyldig bekant gravid tacksam klassisk officiell trist dubbel
relevant fet konstant färdig förbannad kristen övertygad förvirrad trevlig äcklig akut rysk
tuff brittisk hemlig populär rättvis sorglig försiktig häftig manlig olaglig lustig permanent
tysk vetenskaplig frivillig läskig civil grov oklar platt demokratisk hyfsad oväntad
ursprunglig imponerad inblandad specifik tragisk värdelös evig komplett oskyldig blind helig
kvinnlig liberal logisk okänd trolig orättvis traditionell professionell tillfällig vettig
kritisk rasistisk regelbunden sned desperat borgerlig fast unik vidrig framgångsrik korkad
schysst separat skild vild knapp fransk irriterad konkret laglig känslig sexig extrem
felaktig medicinsk berömd obehaglig otrolig magisk nyttig usel bitter individuell kunglig
likadan nordisk stressad underlig villig finsk kulturell polsk engelsk smidig absolut anonym
extern konservativ långsiktig meningslös sexuell deprimerad egentlig ordentlig potentiell
spontan fräsch indisk intern skeptisk sund avancerad avsevärd biologisk dryg japansk
juridisk våldsam absurd afrikansk amerikansk svensk dansk norsk kinesisk arabisk europeisk
alternativ arbetslös militär historisk jämn
""".split()
SV_ADJ_FORMS += """
välkommen välkommet välkomna
sista mesta flesta främsta närmsta
spännande liknande följande gällande levande kommande motsvarande omfattande grundläggande
skrämmande imponerande ledande fungerande främmande närvarande irriterande passande betydande
existerande rörande resterande förvånande kränkande stående blivande förekommande inspirerande
sittande ovanstående tillhörande bestående bristande strålande underhållande återkommande
föregående pågående lysande växande brinnande ökande fascinerande flytande
redo stackars diverse ordinarie udda gyllene jävla samtliga
södra norra västra östra högra vänstra övre nedre yttre inre
fjärde femte sjätte sjunde åttonde nionde tionde
smått
utmärkt utmärkta
beredd berett beredda
upprörd upprört upprörda
avstängd avstängt avstängda
inställd inställt inställda
""".split("\n")
SV_ADJ_BOTH += """
död värd lik alternativ arbetslös arbetslösa militär kristen bekant frivillig frivilliga akut
fett platta vilt fast fasta knapp rättvisa halva svenska engelska tyska franska finska danska
norska ryska kinesiska arabiska japanska polska
""".split()
SV_ADV += """
ens lika helst okej ifrån dags ihåg igång oavsett förr såklart åtminstone därefter jävligt
undan allra dels överens betydligt iallafall iaf nyss förresten relativt framförallt nyligen
desto åter återigen tvärtom ihjäl nämligen rejält respektive alltför framöver näst således
tillbaks sakta asså loss nånstans alternativt dagligen troligtvis visserligen ytterst
efterhand överhuvudtaget annanstans minsann nedan emellan oxå isär fullkomligt inomhus
utomhus årligen möjligtvis ikapp snarast bråttom onekligen nödvändigtvis tämligen försent
längesen alltmer påväg vanligen itu norrut söderut fortare himla småningom dessvärre vänligen
tillslut sammanlagt inuti ursprungligen snarare ytterligare förväg ända
""".split()
SV_TIME += "morse imorse häromdagen somras".split()

EN_VERBS += """
marry imagine announce publish require remain enter suggest appreciate discover exist
introduce ensure intend propose combine connect contain perform select confirm maintain reveal
affect approve determine extend identify inspire elect destroy recommend deserve represent
achieve afford assume tend define promote declare earn depend respond attach engage suffer
survive adopt expose oppose operate obtain defend divide accuse establish solve suck
participate abandon acquire bury convince pray bother compete consist contribute observe
reflect belong reject remind indicate expand involve pretend invest occupy suspend attract
dare distribute explore investigate enable cite construct derive integrate recover relax rely
equip compose execute breathe disappear pursue accompany vary modify relate implement
demonstrate generate sue sponsor certify isolate impress direct locate complete retire
surround injure
""".split()
EN_VERB_NOUNS += """
live watch present release limit claim wonder pass touch attempt reach cover mention pull
push draw gain spread handle surprise treat fly kick advance mix promise purchase jump express
joke appeal feed laugh pack strike focus split arrest escape smile blame cry kiss excuse crash
burn grab paint defeat lock reply hunt repeat smell rescue chase assist boost crack recall
spin regret reverse knock stretch tear shake praise encounter ruin screw climb bear fight dig
control wear stick
""".split()
EN_STRONG += """
wear wears wore worn
shut shuts
shoot shoots shot
draw draws drew drawn
spread spreads
fly flies flew flown
feed feeds fed
strike strikes struck stricken
split splits
hang hangs hung
fight fights fought
steal steals stole stolen
swear swears swore sworn
shake shakes shook shaken
freeze freezes froze frozen
tear tears tore torn
forgive forgives forgave forgiven
overcome overcomes overcame
dig digs dug
sing sings sang sung
bear bears bore borne born
stick sticks stuck
upset upsets
quit quits
lay lays laid
admit admits admitted
commit commits committed
prefer prefers preferred
refer refers referred
occur occurs occurred
regret regrets regretted
submit submits submitted
control controls controlled
permitted
cancel cancels cancelled canceled
travelled
founded
cannot ought
""".split("\n")
EN_ADJ += """
due ready personal dead online sorry alone average original official federal natural
complete economic serious crazy popular professional straight specific double potential
western female individual particular positive additional significant global successful active
civil independent commercial secret multiple direct sweet overall basic effective male holy
primary responsible actual northern powerful prior religious royal famous southern traditional
critical separate sexual correct negative aware eastern proud dear rare tough alive criminal
cultural slight technical unique evil mad democratic nuclear solid classic electric flat
initial massive willing alternative industrial joint environmental republican asian domestic
historical native supreme ancient sudden illegal scientific comfortable emotional internal
liberal relative cute equal fake numerous urban corporate pure secure incredible obvious giant
opposite capable conservative essential familiar guilty relevant creative extreme educational
careful reasonable rural typical random academic accurate chemical competitive favourite
favorite permanent representative tight ultimate exclusive frequent pregnant severe absolute
constant dumb worldwide attractive broad raw secondary solar unknown automatic blind brief
external immediate clinical exact valuable wise visual contemporary extensive historic rough
universal vast consistent practical sharp stable temporary impressive loose moral offensive
ridiculous sensitive superior violent administrative curious formal gross hungry innocent
silent concrete ideal islamic naked plain romantic strategic efficient electrical nervous
ordinary racist sexy dramatic remote decent insane organic smooth spiritual intense liquid
subsequent visible defensive rapid suitable valid vital genuine asleep comprehensive
extraordinary fancy gorgeous grateful delicious genetic instant progressive brave
constitutional ethnic fundamental mechanical precious prominent radical residential
substantial wooden aggressive apparent desperate painful sufficient virtual biological dynamic
literary steady triple unlikely collective intellectual racial talented awkward distinct
eligible intelligent reliable remarkable sole worthy bloody crucial dependent dual
experimental mature peaceful spare acceptable hilarious moderate parallel psychological bold
classical fiscal mutual oral considerable conventional enormous artificial diverse divine
functional jealous municipal naval neutral noble sacred toxic casual controversial dominant
legendary outdoor regulatory serial strict unexpected affordable handsome legitimate magical
pleasant productive british european canadian australian african american human
approximate occasional
""".split()
EN_ADJ_FORMS += """
based involved related interested married limited concerned excited advanced determined
experienced armed dedicated detailed entitled aged qualified complicated retired dressed
convinced alleged impressed proven frozen shocked stunning surprising challenging classified
designated outer pissed isolated blessed certified disgusting upper inner former worth latter
everyday ongoing upcoming fucking rid
""".split("\n")
EN_BOTH += """
average official professional female male potential individual commercial secret criminal
evil classic flat alternative joint republican native liberal relative giant conservative
academic chemical favourite favorite representative stable moral concrete ideal plain racist
liquid spare american human live present double
""".split()
EN_ADV += """
forward immediately eventually apart forever somewhat besides meanwhile elsewhere afterwards
alright respectively hence merely nevertheless furthermore formerly tho kinda abroad forth
sooner overseas partly increasingly regardless
""".split()
EN_TIME += "feb aug sept oct nov dec midnight".split()

# A second pass over what was left of the same wordfreq lists.
SV_V1 += """
förtjäna hota grunda ogilla varna landa öva regna beräkna slappna
""".split()
SV_V2A += "döma utreda".split()
SV_STRONG += """
förlåt
skriv
hölls
""".split("\n")
SV_ADJ += """
intresserad gullig vansinnig akademisk direkt judisk feministisk muslimsk italiensk grekisk
spansk avundsjuk överraskad årlig kriminell homosexuell sugen
""".split()
SV_ADJ_FORMS += """
allmän allmänt allmänna
enda enstaka förste jättekul jäkla
""".split("\n")
SV_ADJ_BOTH += """
sund civil civila spanska italienska grekiska kriminella homosexuella ansvarig ansvariga kristna
""".split()
SV_BOTH += """
anställd anställda drabbade skadade berörda inblandade döda intresserade taget
""".split()
SV_ADV += """
jäkligt sistone isåfall därav därtill därpå nedanför samman utomlands någonsin nånsin
""".split()
SV_TIME += "helg helgen helger helgerna".split()
EN_VERBS += """
die fill settle threaten conclude edit separate secure assign appoint
""".split()
EN_VERB_NOUNS += "guess freeze sponsor divide remain".split()   # a hiring freeze, the remains
EN_STRONG += """
beat beats beaten
""".split("\n")
EN_ADJ += """
international political medical financial foreign legal military central lucky appropriate
golden confident outstanding electronic presidential agricultural legislative elementary epic
catholic socialist prime
""".split()
EN_ADJ_FORMS += """
associated equipped bound
""".split("\n")
EN_BOTH += "military socialist".split()
EN_TIME += "weekend weekends noon".split()


def known(form: str, lang: str) -> bool:
    return zipf_frequency(form, lang) >= (MIN_ZIPF if lang == "sv" else MIN_ZIPF_EN)


def sv_verb(inf: str, group: str) -> tuple[list[str], list[str]]:
    """(forms always kept, forms kept when wordfreq knows them) of a regular Swedish verb."""
    if group == "1":
        return [inf], [inf + "r", inf + "de", inf + "t", inf + "d", inf + "s", inf + "des",
                       inf + "ts", inf + "da"]
    if group == "3":
        return [inf], [inf + "r", inf + "dde", inf + "tt", inf + "s", inf + "ddes"]
    full = inf[:-1]                          # glömm, känn, stäng
    stem = full[:-1] if full.endswith("mm") else full       # glöm! känn! stäng!
    short = full[:-1] if full.endswith(("mm", "nn")) else full  # glömde, kände
    present = full if full.endswith("r") else full + "er"
    passive = stem + "es" if stem.endswith("s") else stem + "s"
    vowel = "aeiouyåäö"
    if group == "2a":
        if full.endswith("d"):               # använde använt, ledde lett, betydde betytt
            after_consonant = full[-2] not in vowel
            past = full + "e" if after_consonant else full + "de"
            supine = full[:-1] + ("t" if after_consonant else "tt")
            part = full if after_consonant else full + "d"
        else:
            past, supine, part = short + "de", short + "t", short + "d"
        return [inf], [present, past, supine, part, part + "a", passive, short + "des", stem]
    if full.endswith("t") and full[-2] not in vowel:
        past, supine = full + "e", full        # välte vält
    elif full.endswith("t"):
        past, supine = full + "te", full + "t"  # mötte mött
    else:
        past, supine = full + "te", full + "t"  # sänkte sänkt
    return [inf], [present, past, supine, supine + "a", passive, full + "tes", stem]


def sv_adjective(base: str) -> list[str]:
    if base.endswith("en") and len(base) >= 4:
        plural, neuter = base[:-2] + "na", base[:-1] + "t"
    elif base.endswith("ad") and len(base) > 5:
        plural, neuter = base + "e", base[:-1] + "t"        # begränsad begränsat begränsade
    elif base.endswith("sam"):
        plural, neuter = base + "ma", base + "t"            # långsam långsamma
    elif base.endswith(("el", "er")) and len(base) > 4:
        plural, neuter = base[:-2] + base[-1] + "a", base + "t"
    else:
        plural = base + "a"
        if base[-1] in "aeiouyåäö":
            neuter = base + "tt"
        elif base.endswith("d"):
            neuter = base[:-1] + ("tt" if base[-2] in "aeiouyåäö" else "t")
        elif base.endswith("t"):
            neuter = base + "t" if base[-2] in "aeiouyåäö" and not base.endswith("tt") else base
        elif base.endswith("nn"):
            neuter = base[:-1] + "t"
        else:
            neuter = base + "t"
    stem = plural[:-1]
    return [base, neuter, plural, stem + "are", stem + "ast", stem + "aste"]


def sv_also_noun(form: str) -> bool:
    """A verb or adjective form that wordfreq shows is a noun's too: its definite plural
    (cyklar cyklarna, händer händerna; not spelar spelarna, an agent's spelare) or its definite
    singular (väg vägen, nämnd nämnden, kort kortet; not möt mötet, a neuter noun's möte)."""
    def z(word: str) -> float:
        return zipf_frequency(word, "sv")
    if form.endswith(("ar", "er", "or")):
        plural = z(form + "na")
        return plural >= 2.0 and z(form[:-2] + "are") < plural
    if form.endswith(("ig", "lig", "sen", "s", "a")):
        return False                        # möjligen, ledsen: adverbs; -a: väntan, påverkan
    if z(form + "e") >= 2.5 and z(form + "et") >= 2.5:
        return False                        # möt: a neuter noun's möte, mötet, möten
    return max(z(form + "en"), z(form + "et")) >= 2.5


def en_verb(base: str) -> list[str]:
    if base.endswith("e"):
        past, third = base + "d", base + "s"
    elif base.endswith("y") and base[-2] not in "aeiou":
        past, third = base[:-1] + "ied", base[:-1] + "ies"
    elif base.endswith(("s", "sh", "ch", "x", "z")):
        past, third = base + "ed", base + "es"
    else:
        double = (len(base) <= 4 and base[-1] in "bdgmnprt" and base[-2] in "aeiou"
                  and base[-3] not in "aeiou")
        past, third = base + (base[-1] if double else "") + "ed", base + "s"
    return [base, third, past]


def en_adjective(base: str) -> list[str]:
    if "-" in base:
        return [base]
    if base.endswith("e"):
        more = [base + "r", base + "st", base + "ly"]
        if base.endswith("le"):
            more += [base[:-1] + "y", base[:-1] + "ly"]   # simply, incredibly; wholly
    elif base.endswith("y") and base[-2] not in "aeiou":
        more = [base[:-1] + "ier", base[:-1] + "iest", base[:-1] + "ily"]
    elif base.endswith("ic"):
        more = [base + "ally", base + "ly"]     # specifically, automatically; publicly
    else:
        double = (len(base) <= 4 and base[-1] in "bdgmnpt" and base[-2] in "aeiou"
                  and base[-3:-2] not in ("a", "e", "i", "o", "u", ""))
        tail = base[-1] if double else ""
        more = [base + tail + "er", base + tail + "est", base + "ly"]
    return [base] + more


def collect() -> dict[str, dict[str, set[str]]]:
    lexicon: dict[str, dict[str, set[str]]] = {"sv": {}, "en": {}}

    def add(lang: str, form: str, kind: str, sure: bool = True) -> None:
        form = form.lower().strip()
        if len(form) < 3 or not form.replace("-", "").isalpha():
            return
        if not sure and not known(form, lang):
            return
        lexicon[lang].setdefault(form, set()).add(kind)

    def add_written(lang: str, adjective_lines, adverbs, time_words) -> None:
        """The forms written out: adjectives' irregular forms, adverbs, time words."""
        for line in adjective_lines:
            for form in line.split():
                add(lang, form, "adj")
        for word in adverbs:
            add(lang, word, "adv")
        for word in time_words:
            add(lang, word, "time")

    for group, verbs in (("1", SV_V1), ("2a", SV_V2A), ("2b", SV_V2B), ("3", SV_V3)):
        for inf in verbs:
            sure, maybe = sv_verb(inf, group)
            for form in sure:
                add("sv", form, "verb")
            for form in maybe:
                add("sv", form, "verb", sure=False)
    for line in SV_STRONG:
        for form in line.split():
            add("sv", form, "verb")
    for base in SV_ADJ:
        forms = sv_adjective(base)
        add("sv", forms[0], "adj")
        for form in forms[1:]:
            add("sv", form, "adj", sure=False)
    add_written("sv", SV_ADJ_FORMS, SV_ADV, SV_TIME)
    for form, kinds in lexicon["sv"].items():
        if kinds & {"verb", "adj"} and sv_also_noun(form):
            kinds.add("noun")
    for word in SV_BOTH + SV_ADJ_BOTH:
        if word in lexicon["sv"]:
            lexicon["sv"][word].add("noun")
        if word + "s" in lexicon["sv"] and "time" not in lexicon["sv"][word + "s"]:
            lexicon["sv"][word + "s"].add("noun")      # hjälps, stöds: a genitive too

    strong = {line.split()[0] for line in EN_STRONG if line.strip()}
    for base in EN_VERBS + EN_VERB_NOUNS:
        for form in en_verb(base) if base not in strong else [base]:
            add("en", form, "verb", sure=form == base)
    for line in EN_STRONG:
        for form in line.split():
            add("en", form, "verb")
    for base in EN_VERB_NOUNS:             # after the strong verbs: fights, tears are nouns too
        for form in en_verb(base)[:2]:
            if form in lexicon["en"]:
                lexicon["en"][form].add("noun")
    for base in EN_ADJ:
        forms = en_adjective(base)
        add("en", forms[0], "adj")
        for form in forms[1:]:
            if form.endswith("er") and zipf_frequency(form + "s", "en") >= 2.0:
                continue                    # owner, cleaner, stranger: a noun (owners)
            add("en", form, "adj" if not form.endswith("ly") else "adv", sure=False)
    add_written("en", EN_ADJ_FORMS, EN_ADV, EN_TIME)
    for word in EN_BOTH:
        for form in (word, word + "s"):
            if form in lexicon["en"] and "time" not in lexicon["en"][form]:
                lexicon["en"][form].add("noun")
    return lexicon


HEADER = """\
# Word classes for theme labels ({lang}): forms a theme's name never leads with.
# One form a line: FORM<TAB>CLASSES, classes among verb, adj, adv, time; "noun" as well means
# the form is also a common noun (hjälp, stöd; help, plan), and the notes' own noun evidence
# decides it (facilitator/domain/clustering/wordclass.py). Common words of any topic, no
# topic's words. Generated by scripts/build_wordclass.py from hand-written lemma lists with
# regular inflection rules (a generated form kept only when wordfreq knows it) and the
# irregular forms written out; edit the lists there and run it again.
"""


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for lang, forms in collect().items():
        lines = [f"{form}\t{','.join(sorted(kinds))}" for form, kinds in sorted(forms.items())]
        (OUT / f"{lang}.txt").write_text(HEADER.format(lang=lang) + "\n".join(lines) + "\n",
                                         encoding="utf-8")
        print(f"{lang}: {len(lines)} forms", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
