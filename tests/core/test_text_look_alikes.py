"""Everyday posts that reuse the words of the text rules' newer constructions: none may warn or block.

Written by a reviewer asked to break the constructions added from the probes and batch 8 (threats,
hate against groups, attacks, competitors, internal labels, ongoing trips); a first version of the
constructions flagged 76 of them. Each post here is a hard negative the rules must keep silent on.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from prepub.core.policy import load_policy

from test_text_understanding import DK, DK_RIVAL, SE, SE_RIVAL, _rules

ALARMS = {"text.threat", "text.slur", "text.personal_attack", "text.insult", "text.competitor_negative",
          "text.internal_marker", "text.trip_ongoing"}

POSTS = [
    (SE, "Utomhusbadet stänger av värmen på måndag, så nästa gång blir det inte lika trevligt för er."),
    (SE, "Bra kämpat i derbyt, P12! Nästa gång blir det inte lika roligt för er, Bollnäs IF!"),
    (SE, "Sista dagen med gratis glass på sommarlovet i dag. Nästa gång blir det inte lika roligt för er, barn!"),
    (SE, "Tack för en härlig solig höstmarknad! Prognosen lovar regn till vårmarknaden, så nästa gång blir det inte så trevligt för er som står ute."),
    (DK, "Vi slukker for varmen i udendørsbadet mandag, så næste gang bliver det ikke lige så rart for jer."),
    (DK, "Tillykke med sejren, U14! Næste gang bliver det ikke så sjovt for jer, Viby IF!"),
    (DK, "Gratis kaffe til alle morgenbadere i dag! Næste gang bliver det ikke lige så hyggeligt for jer, for så er kaffen slut."),
    (SE, "The heated outdoor pool switches off its heating on Monday, so next time it won't be as nice for you."),
    (SE, "Great derby, Riverside! Next time it won't be so nice for you, lads!"),
    (SE, "Free cake for every blood donor today. Next time it won't be quite as nice for you, sorry!"),
    (SE, "Tack för 30 år, Anna! Ta hand om dig framöver – man vet aldrig vad som kan hända, så njut av varje dag som pensionär!"),
    (SE, "Var rädd om er själva framöver och se över hemförsäkringen. Man vet aldrig vad som kan hända."),
    (DK, "Tak for 25 gode år, Line! Pas godt på dig selv fremover – man ved aldrig, hvad der kan ske, så nyd hver dag."),
    (DK, "Pas på jer selv fremover og tjek jeres indboforsikring. Man ved aldrig, hvad der kan ske."),
    (SE, "Happy retirement, Hans! Look after yourself from now on – you never know what might happen, so enjoy every day."),
    (SE, "Take care of yourselves going forward and get your home insurance checked – you never know what could happen."),
    (SE, "Keep following @sundsvallkommun and see what happens in the park this summer!"),
    (SE, "Keep tagging @sundsvallbibliotek in your reading photos and see what happens – the best ones win a prize!"),
    (SE, "Keep cheering for @IFK_U16 and see what happens in the final on Sunday!"),
    (SE, "Keep sending your ideas to @ungdomsradet and see what happens with them at the council meeting."),
    (SE, "Råttor har setts vid återvinningsstationen på Norra vägen. Skadedjursbekämpning är beställd."),
    (SE, "Råttor! Vi har fått in råttor i källaren på Kyrkskolan, så förrådet är stängt tills vidare."),
    (SE, "Välkommen till kinesiskt nyår på biblioteket – i år är det råttans år!"),
    (SE, "Fritidsgården har fått ett nytt djur: en råtta som heter Sixten. Kom och hälsa på honom!"),
    (DK, "Vi har set rotter ved containerne på Skolevej – husk at lukke låget på skraldespanden."),
    (DK, "Naboerne rotter sig sammen om at gøre gaden grøn – vi giver blomsterløg gratis!"),
    (DK, "Rotter! Der er rotter i kælderen under hallen, så omklædningsrummene er lukket i dag."),
    (DK, "Vores nye klubmaskot er en rotte ved navn Rasmus. Kom og sig hej til ham på lørdag!"),
    (SE, "Polisen varnar: lycksökare som lurar äldre på nätdejtingsajter är kriminella och ska polisanmälas."),
    (SE, "Ny utställning om guldrushen: lycksökarna som reste till Klondike var ofta bara unga män från fattiga byar."),
    (SE, "Lycksökare på nätet är tjuvar – ge aldrig ut ditt BankID, påminner vi på seniorträffen."),
    (SE, "Stress är roten till alla problem för många kvinnor i vården, visar vår nya enkät."),
    (SE, "Myten att invandrare är roten till alla våra problem bemöts i vår nya faktaskrift."),
    (DK, "Stress er roden til alle problemer for mange kvinder i plejesektoren, viser vores nye undersøgelse."),
    (SE, "Poor sleep is the root of all our problems, said the women in our health survey."),
    (SE, "Our new leaflet tackles the myth that immigrants are the root of all our problems."),
    (SE, "Pushbacks av flyktingar vid EU:s gränser borde förbjudas, säger Röda korset."),
    (SE, "Barnäktenskap måste förbjudas överallt, säger kvinnor i vårt nätverk."),
    (DK, "Tvangsægteskaber bør forbydes overalt, siger kvinder i vores netværk."),
    (DK, "Tilbageholdelse af flygtninge børn skal forbydes, mener Red Barnet."),
    (SE, "Detention of child refugees should be banned, say our volunteers."),
    (SE, "Women in our club say catcalling at matches should be banned."),
    (SE, "Ingen homosexuell idrottare ska behöva hålla sig i garderoben. Glad Pride från IFK!"),
    (SE, "Kvinnor hör hemma i köket – när de är kockar! Möt länets bästa kvinnliga kockar på matmässan."),
    (DK, "Ingen homoseksuel fodboldspiller skal blive i skabet af frygt. Glædelig Pride!"),
    (DK, "Kvinder hører til i køkkenet – når de er kokke! Mød byens bedste kvindelige kokke på madfestivalen."),
    (SE, "No gay athlete should stay in the closet out of fear. Happy Pride from the club!"),
    (SE, "Föreläsningen slår hål på myten att kvinnor är för känslosamma för att leda."),
    (SE, "Nyanlända ska inte behöva vänta i åratal – nu öppnar vi språkcaféet på lördagar."),
    (SE, "Visste du att utländska medborgare får rösta i kommunvalet? Invandrare ska inte bestämma själva om de vill registrera sig – det sker automatiskt."),
    (DK, "Foredraget gør op med myten om, at kvinder er for følsomme til at lede."),
    (DK, "Ny undersøgelse: handicappede skal ikke stemme på et utilgængeligt valgsted – kommunen indretter alle valgsteder med rampe."),
    (SE, "Our workshop challenges the old myth that women are too emotional to lead."),
    (SE, "Research shows refugees are not too weak to run their own businesses – meet five of them at the fair."),
    (SE, "Kvinnor kan inte bli riktiga präster, sades det förr. I år firar vi 65 år med kvinnliga präster!"),
    (SE, "Flyktingbarn som inte lärt sig simma kan inte vara riktiga medlemmar i simklubben? Fel! Alla är välkomna i nybörjargruppen."),
    (DK, "Kvinder kan ikke være rigtige fodboldspillere – sådan lød det i 1970. I dag har klubben 300 kvindelige spillere."),
    (DK, "Flygtninge kan aldrig blive rigtige danskere, siger nogle. Mød Ahmad, der i dag er formand for vores boldklub."),
    (SE, "Refugees will never be real Swedes, some say. Our new campaign proves them wrong."),
    (SE, "Women will not be real winners of the pension reform, our report warns."),
    (SE, "Bingo i kväll! När ditt nummer ropas, se till att your card is marked innan du ropar BINGO."),
    (SE, "Bingo night at the community centre! Make sure your card is marked before you shout BINGO."),
    (SE, "Hat-trick on Saturday, Erik – you're a marked man now, every defender in the league knows your name!"),
    (SE, "Wait till we get our hands on you, new students – freshers' week is going to be epic!"),
    (SE, "Vänta bara tills vi får tag på er, nya studenter – nollningen blir episk!"),
    (SE, "Kattungen Sixten rymde från härbärget i natt. Vänta bara tills vi får tag på dig, din lilla rackare! 🐱"),
    (DK, "Vent bare til vi får fat i jer, nye studerende – rusugen bliver vild!"),
    (DK, "Hunden Bella stak af fra internatet igen. Vent bare til vi får fat i dig, din lille skælm! 🐶"),
    (SE, "Det enda vår hund Bamse är bra på är att gnälla efter godis 😄 Kom och träffa honom på öppet hus!"),
    (SE, "Det enda vårt lag var bra på i dag var att klaga på domaren – skärpning till nästa match, grabbar!"),
    (DK, "Det eneste vores hund er god til er at brokke sig over maden 😄"),
    (SE, "The only thing my cat is good at is complaining about breakfast. Share your pet photos with us!"),
    (SE, "Happy 90th birthday, Margaret! Stick to the dancing, sweetheart – it clearly keeps you young."),
    (SE, "Grattis på 90-årsdagen, Margit! Håll dig till dansen, gumman – den håller dig uppenbarligen ung."),
    (DK, "Tillykke med de 90 år, Ellen! Hold dig til dansen, lille skat – den holder dig ung."),
    (SE, "Sista träningen före semestern: gå tillbaka till grunderna, tjejen! Tack för i år, Elsa."),
    (SE, "Even someone as clueless about tech as me managed it – thanks to @sundsvallbib's IT café!"),
    (SE, "Never danced before? Our beginners' course is for anyone as clueless as you think you are!"),
    (SE, "Do you know someone as useless at cooking as me? Tag them and join the free cooking class with @matkalle!"),
    (SE, "We need ice that is at least 10 cm thick before anyone can skate – @anna_s measured it this morning, and nobody this stupid enough to go out early, please!"),
    (SE_RIVAL, "Vädret var under all kritik, men Nordbolaget AB:s bussar gick ändå i tid till cupen. Tack!"),
    (SE_RIVAL, "Vår leverantör svek oss i sista minuten, men Nordbolaget AB ställde upp direkt – stort tack!"),
    (SE_RIVAL, "Nordbolaget AB har aldrig svikit oss under tio års samarbete. Tack för allt!"),
    (SE_RIVAL, "Till skillnad från Nordbolaget AB har vi faktiskt inte öppet på söndagar – gå gärna dit!"),
    (DK_RIVAL, "Vores leverandør svigtede os i sidste øjeblik, men Rival A/S trådte til – tusind tak!"),
    (DK_RIVAL, "Rival A/S har aldrig svigtet os i ti års samarbejde. Tak for det!"),
    (DK_RIVAL, "I modsætning til Rival A/S har vi faktisk ikke åbent om søndagen – så kig gerne forbi dem."),
    (SE_RIVAL, "Our supplier let us down at the last minute, but Nordbolaget AB stepped in – thank you!"),
    (SE_RIVAL, "Unlike last year, we actually have Nordbolaget AB on board as our main sponsor!"),
    (SE_RIVAL, "Nordbolaget AB staff let down their hair at our joint summer party – what a night!"),
    (SE, "Parkering vid simhallen:\nBesökare – P1 framför entrén\nEndast för personal – P2 bakom hallen"),
    (SE, "Ny skylt på plats vid bakdörren:\nENDAST FÖR PERSONAL\nBesökare går in via huvudentrén."),
    (DK, "Parkering ved svømmehallen:\nGæster: P1 foran indgangen\nKun for medarbejdere: P2 bag hallen"),
    (DK, "Ny skiltning ved bagindgangen:\nKUN FOR PERSONALET\nGæster bruger hovedindgangen."),
    (SE, "Parking at the pool:\nVisitors – P1 by the entrance\nStaff only – P2 behind the hall"),
    (SE, "Staff only? Not any more! The lift by the east door is now open to all visitors."),
    (SE, "Employees only, you might think – but our canteen is open to everyone from Monday!"),
    (SE, "Endast för anställda? Nej! Från måndag är personalmatsalen öppen för alla besökare."),
    (SE, "Nu är vi hemma igen lagom till jul! Här är några bilder från sista dagen i Kraków."),
    (DK, "Så er vi hjemme igen lige til jul! Her er billeder fra sidste dag i Kraków."),
    (SE, "We got back home on Monday after a fantastic week. Our last day in Lisbon was the highlight!"),
    (SE, "Safely home in time for Christmas! Thanks to everyone who followed our updates from Kampala – here are pictures from our first day in Kampala."),
    (SE, "Back home next to our own fireplace after ten days of snow. Greetings from Tromsø will have to wait until next year!"),
    (SE, "Tillbaka hemma nästa dag efter en lång resa. Tack för alla hälsningar från Nairobi!"),
    (SE, "För hundra år sedan hette det att kvinnor inte ska rösta. I år firar vi 100 år av kvinnlig rösträtt!"),
    (SE, "Elevrådet: vuxna ska inte bestämma allt – nu får eleverna själva välja temat för skoldansen."),
    (SE, "Invandrare ska inte behöva vänta ett år på SFI – nu startar nya grupper varje månad."),
    (DK, "Kvinder skal ikke lede alene – derfor starter vi et mentorprogram for nye kvindelige ledere."),
    (SE, "Mobiltelefoner i klassrummet borde förbjudas, tycker 70 procent av föräldrarna – och många kvinnor i personalen."),
    (SE, "Rökning på lekplatser bör förbjudas, anser muslimska och kristna församlingar i ett gemensamt upprop."),
    (SE, "Tack till kvinnorna i köket som hör hemma i köket varje lördag – utan er ingen klubbmiddag!"),
    (SE, "Congrats on the win, Hanna! Stick to that serve, sweetheart – it's unbeatable."),
]


@pytest.mark.parametrize("policy,text", POSTS)
def test_everyday_look_alikes_stay_silent(policy, text: str) -> None:
    assert not ALARMS & set(_rules(text, policy)), text


# A decision reported as news, with its source in the sentence: no hate. Each pair's second post is
# the same claim made by the writer, which must still be reported.
DECISIONS = [
    (SE, "Asylsökande som fått avslag ska skickas tillbaka, enligt det nya beslutet.",
     "Asylsökande som fått avslag ska skickas tillbaka."),
    (DK, "Afviste asylansøgere skal sendes tilbage, ifølge den nye afgørelse fra Udlændingestyrelsen.",
     "Afviste asylansøgere skal sendes tilbage."),
    (SE, "Rejected asylum seekers should be sent back within four weeks, according to the new ruling.",
     "Rejected asylum seekers should be sent back within four weeks."),
]


@pytest.mark.parametrize("policy,reported,claimed", DECISIONS)
def test_a_decision_reported_as_news_is_no_hate(policy, reported: str, claimed: str) -> None:
    assert not ALARMS & set(_rules(reported, policy)), reported
    assert "text.slur" in _rules(claimed, policy), claimed


# Words read by what they are in the sentence: a shouted word is no acronym, a shop's letters need
# no explaining, a short form of a swear word is no part of a sport, a slur is one after "no more",
# and an insult said to several people ("ni", "I") is an insult, not an attack on one person.
READINGS = [
    (SE, "Rullstolsbasket för alla åldrar i Sporthallen på lördag – kom och prova!", set()),
    (SE, "Det var skiten som hände i fjol.", {"text.profanity"}),
    (SE, "ONLY TODAY: free coffee for first-time visitors. NOTE: the café opens at nine.", set()),
    (SE, "Handla på ICA eller COOP, och fråga HR om friskvårdsbidraget. Kurs i HLR på torsdag.", set()),
    (SE, "our youth team won 4-0 and the coach STILL found something to complain about 😂 legend.", set()),
    (SE, "RUMOUR CHECK ✅ Some of you have heard that our charity shop is moving. It isn't.", set()),
    (SE, "Enligt regionen har BB i Sundsvall öppet hela sommaren.", set()),
    (SE, "Möte med LMU på tisdag om nya lokalerna.", {"text.acronym_undefined"}),
    (SE, "[INTERNT – SKICKA INTE VIDARE] Presskonferensen flyttas till fredag.", {"text.internal_marker"}),
    (SE, "OBS internt!! styrelsen har beslutat att säga upp avtalet med städfirman", {"text.internal_marker"}),
    (DK, "Deler lige her (fortroligt, så hold det for jer selv): vi er i dialog om en fusion.", {"text.internal_marker"}),
    (DK, "Internt notat fra ledelsen: husk at vi ikke kommenterer sagen udadtil.", {"text.internal_marker"}),
    (SE, "Internal note, not for the website yet: the summer camp price goes up.", {"text.internal_marker"}),
    (SE, "Hej allihop, det här är egentligen internt men ni får väl veta ändå: vi flyttar i november 🎉",
     {"text.internal_marker"}),
    (SE, "OBS! Internationella kvällen börjar redan kl 17.", set()),
    (DK, "Vores interne notatsystem er nu skiftet ud – tak for tålmodigheden!", set()),
    (SE, "Internt arbete pågår i simhallen hela veckan, därför är bastun stängd.", set()),
    (DK, "Vi gider ikke flere perkere i klubben.", {"text.slur"}),
    (SE, "Till er som parkerar på cykelbanan: ni är precis så egoistiska och hjärndöda som ni verkar.",
     {"text.insult"}),
    (DK, "I er en flok nikkedukker.", {"text.insult"}),
    (SE, "Du är en idiot.", {"text.personal_attack"}),
    # cheering someone on is no condition put to them; the same menace aimed at someone still is one
    (SE, "Nine weeks of training done, team. Keep going and see what happens!", set()),
    (SE, "Fortsätt träna hela vintern och se vad som händer till våren!", set()),
    (DK, "Bliv ved og se hvad der sker 💪", set()),
    (SE, "Keep going and see what happens, @mayor.", {"text.threat"}),
    (SE, "Fortsätt tjata om nedläggningen så får du se vad som händer.", {"text.threat"}),
    (DK, "Bliv ved med at skrive om mig, og se hvad der sker med din bil.", {"text.threat"}),
    (DK, "Bliver I ved med det her, så får I det at mærke.", {"text.threat"}),
    # whom the abuse is said of: several people is an insult, one person an attack, the speakers
    # themselves nobody, a title a work
    (SE, 'Vi har fått in kommentarer som kallar personalen på återvinningscentralen för "lata idioter".',
     {"text.insult"}),
    (DK, "En af dem kaldte alle vores frivillige for 'naive, nytteløse idioter'. Det accepterer vi ikke.",
     {"text.insult"}),
    (SE, 'Comments calling our night-shift volunteers "lazy idiots" have been hidden.', {"text.insult"}),
    (SE, 'En förälder skrev till oss att "alla fritidspedagoger är dumma i huvudet".', {"text.insult"}),
    (SE, "Gnällspikarna i kommentarsfältet kan dra åt helvete, vi lägger inte ner biblioteket.",
     {"text.insult", "text.profanity"}),
    (DK, "Cyklisterne på Åboulevarden er en flok egoistiske tumper.", {"text.insult"}),
    (SE, 'The comments calling Roma families "parasites" have been removed and reported to the police.',
     {"text.slur"}),
    (SE, 'En medborgare skrev till vår lärare Maria Holm att hon är ”en värdelös människa”. Den är borttagen.',
     {"text.personal_attack"}),
    (SE, "Hundägarna som inte plockar upp efter sig i Norra stadsberget är helt enkelt asociala svin.", {"text.insult"}),
    (DK, "Forældrene der dobbeltparkerer ved skolen hver morgen er simpelthen hjernedøde.", {"text.insult"}),
    (SE, "påminnelse till alla hjärndöda som grillar i skogen trots eldningsförbudet 🔥", {"text.insult"}),
    (SE, "Barnen som var med på lägret är helt slut men glada.", set()),
    (SE, "Här får du svar på alla dumma frågor du inte vågat ställa om pensionen!", set()),
    (SE, "The farmers raising pigs here are proud of their work.", set()),
    (SE, "Vi kände oss som riktiga idioter när vi glömde låsa upp biblioteket i morse 🙈", set()),
    (SE, "Filmklubben visar Lars von Triers Idioterna på torsdag kl 19.", set()),
    (DK, "Dogme-aften i foreningen: vi viser 'Idioterne' og 'Festen' på fredag 🎬", set()),
    # a rumour put right, a list that opens with a name-like word, a race
    (SE, "Några har hört att kommunen ska sälja badhuset. Det finns inga sådana planer.", set()),
    (DK, "Mark, skov og strand: vores naturvandring går langs kysten på søndag 🌿", set()),
    (DK, "Mark, kan du tage kameraet med på søndag?", {"text.person_first_name"}),
    (DK, "Vi kommer efter jer! 🏃 Stafetholdet fra sekretariatet er klar til løbet i Mindeparken.", set()),
    (DK, "Vi kommer efter jer. I ved godt hvorfor.", {"text.threat"}),
    # an adjective said of rules or a decision criticises a thing; of people it insults them;
    # the fairy tale's Hans is no colleague
    (SE, "Reglerna som gäller är idiotiska.", set()),
    (SE, "Förslaget som lades fram i går är idiotiskt.", set()),
    (DK, "Reglerne er idiotiske.", set()),
    (SE, "Politikerna som skrev reglerna är idiotiska.", {"text.insult"}),
    (SE, "Grannarna är idioter.", {"text.insult"}),
    (SE, "Hans och Gretas pepparkakshus vann tävlingen på biblioteket!", set()),
    (DK, "Vi læser Hans og Grete for de små i Mindeparken.", set()),
    (SE, "Hans och Maria leder mötet.", {"text.person_first_name"}),
    # batch 10: hearsay in new words, internal labels in new forms, acronyms spelled out before or
    # glossed after, "kunne lide", quoted abuse is no irony, a passive call says whom
    (SE, "Det har vi från en säker källa: vi vet inte mer än så, men simhallen ska visst stänga.", {"text.rumour"}),
    (SE, "Lite skvaller från bygglovsdisken: det lär bli hotell på hamnplan 😉", {"text.rumour"}),
    (SE, "En källa på Trafikverket har tipsat oss om att E4-bygget ska ritas om igen.", {"text.rumour"}),
    (DK, "Og så det sjove: en lille fugl har sunget, at der kommer en gratis koncert i august.", {"text.rumour"}),
    (SE, "Rumour has it the ice rink won't reopen after the summer 🤫", {"text.rumour"}),
    (SE, "Rumour has it the snow will be gone by Friday! ☀️", set()),
    (SE, "Välkomna på öppet hus! 🌲\n\n// internt: kolla fotosamtycken innan detta går ut", {"text.internal_marker"}),
    (SE, "Ej för extern spridning.\nTalepunkter inför intervjun med lokalradion.", {"text.internal_marker"}),
    (DK, "Til internt brug: talepunkter til mødet med rådmanden på torsdag.", {"text.internal_marker"}),
    (SE, "Draft document review for the new plan is open to all residents.", set()),
    (SE, "Intern utbildning i Excel för alla anställda på torsdag.", set()),
    (SE, "Kårens fullmäktige, FUM, sammanträder 3 juni i aulan.", set()),
    (SE, "Översiktsplanen, ÖP 2040, är nu ute på samråd!", set()),
    (DK, "FGU, the Danish preparatory basic education, offers a second chance.", set()),
    (SE, "Vi ses på mötet, KLF.", {"text.acronym_undefined"}),
    (DK, "Du skal kunne lide mennesker, struktur og kaffe.", set()),
    (SE, "Vår ordförande Sara Ek har fått mejl där någon kallade henne ”en hjärnlös pajas”. Vi har anmält dem.",
     {"text.personal_attack"}),
    (SE, "Vår personal kallas ibland ”lata idioter” i kommentarerna.", {"text.insult"}),
    # batch 11's false alarms: an acronym named after it, currencies and time zones, "Santa Maria",
    # an emoji ending a thought before "Hans", "For Søren da!", rats in a post about pest control,
    # plural abuse said to "you" is an insult (several people), not an attack on one
    (SE, "Under vecka 23 gör vi OVK, obligatorisk ventilationskontroll, i alla lägenheter.", set()),
    (SE, "LBU, ledarutbildningen för nya scoutledare, hålls på Bosvedjan i september.", set()),
    (DK, "Vi samlede DKK 18.000 ind til fødevarebanken. Webinaret er kl. 14:00 CET.", set()),
    (SE, "Kören sjöng i kväll i kyrkan Santa Maria in Trastevere. 🎶", set()),
    (DK, "Vores nye frivillige har sat sit præg på caféen ☕️ Hans kanelsnegle er et hit.", set()),
    (SE, "Rats? 🐀\nWe've had calls about rats around the recycling bins. Pest control has placed bait boxes.", set()),
    (SE, "To the people who sign up and never show: you absolute clowns 🍕", {"text.insult"}),
    (SE, "You clown.", {"text.personal_attack"}),
    # batch 10's new names for people: said of people they insult; their everyday senses do not
    (SE, "Till er som satt och scrollade under andra akten: ni är kulturbarbarer.", {"text.insult"}),
    (SE, "Ni är bortskämda snorungar som aldrig behövt kämpa.", {"text.insult"}),
    (SE, "Moderator Jens Brix was frankly a smug, clueless windbag.", {"text.personal_attack"}),
    (SE, "Analfabeter får hjälp att läsa myndighetspost på biblioteket.", set()),
    (SE, "Vi läser om barbarerna i historien på torsdagens föreläsning.", set()),
    (SE, "The goblins in our board game night are cute this year.", set()),
    (DK, "Vi har sølle 3 grader i dag, så tag varmt tøj på.", set()),
    # praise passed on as hearsay is promotion
    (SE, "Word is the library's Saturday storytime is the most popular thing in town – come and see!", set()),
    (DK, "Rygtet siger, at lørdagens højtlæsning er den mest populære i byen. Kom og hør selv!", set()),
    (SE, "Word is the mayor is quietly selling the old library to a friend. Share before it's deleted!",
     {"text.rumour"}),
]
WARNINGS = {"text.profanity", "text.acronym_undefined", "text.slur", "text.insult", "text.personal_attack",
            "text.internal_marker", "text.abbreviation", "text.threat", "text.rumour", "text.person_first_name",
            "text.trip_ongoing"}


@pytest.mark.parametrize("policy,text,expected", READINGS)
def test_words_are_read_in_their_sentence(policy, text: str, expected: set[str]) -> None:
    assert WARNINGS & set(_rules(text, policy)) == expected, text


def test_a_town_within_the_home_radius_is_home() -> None:
    """"på plats i Timrå" is no trip for an office in Sundsvall with a home radius of 60 km (the
    offline city list's coordinates); Kiruna, 600 km away, is."""
    policy = load_policy(Path(__file__).resolve().parents[1] / "data" / "text" / "policy_se.toml")
    assert "text.trip_ongoing" not in _rules("På plats i Timrå för derbyt 🔥 kom och heja!", policy)
    assert "text.trip_ongoing" not in _rules("Just nu i Härnösand med ungdomarna!", policy)
    assert "text.trip_ongoing" in _rules("På plats i Kiruna för derbyt 🔥 kom och heja!", policy)


# A competitor named, and the next sentence: what runs it down there counts when the sentence goes
# on about it; a neutral mention beside an unrelated sentence does not.
COMPETITOR_READINGS = [
    # batch 10: run down in new words, a contrast that holds its own negation; a word taken back
    # or about us both is not
    (SE_RIVAL, "Nordbolaget tar dubbelt så mycket, och deras kundtjänst svarar aldrig. Valet är ditt 😉", True),
    (SE_RIVAL, "Vi är inte som Nordbolaget AB – vi svarar alltid inom en dag.", True),
    (DK_RIVAL, "Det kan man ikke sige om Rival A/S, hvor telefonen bare ringer ud.", True),
    (DK_RIVAL, "Vi har hørt, at Rival A/S mister kontrakten, fordi de har fusket med timeregistreringen.", True),
    (SE_RIVAL, "Another week, another botched project from Nordbolaget AB 🤦", True),
    (SE_RIVAL, "Tröttnat på kaoset hos Nordbolaget AB? Kom till oss i stället.", True),
    (SE_RIVAL, "Tired of Nordbolaget, where management changes every six months?", True),
    (DK_RIVAL, "Overvejer I at flytte sponsoratet til Rival A/S? Tænk jer godt om.", True),
    (SE_RIVAL, "Vi är trötta efter cupen, men Nordbolaget AB bjuder på kaffe i hamnen!", False),
    (SE_RIVAL, "Nordbolaget AB bjöd på kaffe och det var inte ett skämt – toppen!", False),
    (SE_RIVAL, "Nordbolaget AB är inte dåliga alls, vi samarbetar gärna.", False),
    (SE_RIVAL, "Vi och Nordbolaget AB hade båda sura miner efter förlusten i firmafotbollen 😅", False),
    (SE_RIVAL, "Många frågar varför vi avslutade samarbetet med Nordbolaget AB. Kort svar: slarv, förseningar och "
               "en företagskultur som inte håller måttet.", True),
    (SE_RIVAL, "Vi har valt bort Nordbolaget som partner. Oseriösa hyresvillkor och en kundtjänst som aldrig svarar.", True),
    (DK_RIVAL, "Skiftet fra Rival A/S? Klogt valg. Deres folk er dårligt uddannede.", True),
    (SE_RIVAL, "Unlike Nordbolaget AB, we actually pay our subcontractors on time.", True),
    (DK_RIVAL, "Vi er ikke som Rival, der tager pengene og løber 💸", True),
    (SE_RIVAL, "Tack Nordbolaget AB för samarbetet! Typiskt svenskt väder på invigningen, men vi hade kul.", False),
    (SE_RIVAL, "Nordbolaget AB sponsrar loppet. Tack och lov för alla sponsorer och funktionärer!", False),
    (SE_RIVAL, "Nordbolaget AB sponsrar loppet. Tack alla! Dålig väderprognos dock.", False),
    (SE_RIVAL, "Med Nordbolaget AB:s nya app slipper du köa till badhuset.", False),
    (DK_RIVAL, "Rival A/S holder åbent hus på lørdag. Vi glæder os til at se jer alle sammen der!", False),
    (SE_RIVAL, "Till skillnad från Nordbolaget AB har vi inte öppet på söndagar – gå gärna dit!", False),
]


@pytest.mark.parametrize("policy,text,flagged", COMPETITOR_READINGS)
def test_a_competitor_run_down_in_the_sentence_after(policy, text: str, flagged: bool) -> None:
    assert ("text.competitor_negative" in _rules(text, policy)) is flagged, text


# Where people are now, said in new ways (batch 9); things, titles, returns and future visits are not.
TRIPS = [
    ("se", "Lars Andersson och jag är i Erbil fram till fredag för uppföljning av kvinnoprojektet.", True),
    ("dk", "Mark og Line er stadig i Accra og kommer først hjem på søndag.", True),
    ("se", "Touched down in Beirut! Hans and Mette are heading straight to the clinic.", True),
    ("dk", "Skriver dette fra vores hotel i Ramallah, hvor internettet endelig virker igen.", True),
    ("se", "Sara is in Bogotá this week with the women's rights network.", True),
    ("se", "bussen har precis rullat in i Malmö 🚌 nu vila, sen match ikväll!", True),
    ("se", "Anna Svensson är i Stockholm på måndag för att ta emot priset.", False),
    ("se", "Boktips: 'Dag 3 i Paris' finns nu på biblioteket.", False),
    ("se", "Utställningen är fortfarande i Köpenhamn fram till fredag, sen kommer den hit.", False),
    ("se", "Our grant application is still in Brussels awaiting a decision.", False),
    ("dk", "Vi landede i Billund i går aftes, og alle er kommet godt hjem.", False),
    ("se", "Laget har kommit hem från Malmö efter en fin helg. Tack för stödet!", False),
    # batch 10: greetings in other languages, datelines, "still in", advisers as people, passing a
    # town; a greeting from an event readers are asked to come to, and a stop still to come, are not
    ("se", "Hej from Gdańsk 🇵🇱 Our exchange group is touring the shipyard museum.", True),
    ("se", "BRUSSELS – Our delegation is at the conference right now. Stop by stand 14 if you're here too!", True),
    ("dk", "Bruxelles, tirsdag morgen. Vores delegation sidder klar i Europa-Parlamentet.", True),
    ("dk", "Still in Copenhagen for the climate summit, second day of sessions 🌍", True),
    ("se", "Our housing advisers are in Kiruna this week, meeting employers.", True),
    ("se", "Bussen rullar! 🚌 Vi har precis passerat Gävle och laddar för kvartsfinalen.", True),
    ("se", "Våra två sjuksköterskor befinner sig nu i norra Gaza.", True),
    ("dk", "Lige nu står Hans Jensen og Mette Nielsen på perronen i Hamborg. Toget videre er forsinket.", True),
    ("dk", "Mette Nielsen fortæller i dag om sin tid i Berlin.", False),
    ("se", "Our partners opened a new water point in Adjumani district today! 1,500 people now have clean water.", False),
    ("se", "Our partners in Kharkiv received an anonymous threat this week. They continue their work.", False),
    ("se", "Our team is in Kampala today, visiting partners.", True),
    ("dk", "Lige nu er vi i Accra sammen med vores partnere, og i morgen tager vi ud til landsbyerne.", True),
    ("se", "Maria Holm har i dag skrivit en krönika om livet i Kyiv.", False),
    ("se", "Greetings from Alnö! 🌊 Our summer team is at the beach all day today. Come say hej!", False),
    ("dk", "Live from Dokk1! 📚 The fair is in full swing until 17:00. Drop by for coffee.", False),
    ("se", "Vi är så stolta över 9B! 🏆 Nästa stopp: riksfinalen i Stockholm i höst.", False),
    ("se", "SUNDSVALL – Kommunen bygger en ny simhall.", False),
    ("se", "OBS – nya öppettider i simhallen från måndag.", False),
    ("dk", "Aarhus, tirsdag morgen. Vi er klar til årsmødet.", False),
]


@pytest.mark.parametrize("org,text,flagged", TRIPS)
def test_where_people_are_now(org: str, text: str, flagged: bool) -> None:
    policy = load_policy(Path(__file__).resolve().parents[1] / "data" / "text" / f"policy_{org}.toml")
    assert ("text.trip_ongoing" in _rules(text, policy)) is flagged, text


# Threats in batch 9's words, and the same words said harmlessly.
THREATS = [
    # batch 11: "otherwise" is the condition and its consequence at once, when someone will do it
    (SE, "Ställ tillbaka kanoterna före fredag. Annars letar vi upp dig, och då blir det inte trevligt.", True),
    (SE, "Whoever nicked the generator: bring it back by Friday or we'll come round and take it out of your hide.", True),
    (SE, "Anmäl dig före fredag, annars blir det inga platser kvar.", False),
    (SE, "Ta med regnkläder, annars blir det inte trevligt på utflykten!", False),
    (SE, "Sign up by Friday or we'll give your place away.", False),
    (DK, "Tilmeld dig inden fredag, ellers er der ingen pladser.", False),
    (SE, "Last week a youth worker found a note: »Stop helping them or your kids are next«. It is reported.", True),
    # batch 10: a condition put by an inverted verb, harm in new words; questions and recipes are not
    (SE, "Sista varningen till dig som snor mat: nästa gång står vi och väntar. Då går du hem med en blåtira 😤", True),
    (SE, "To whoever keeps slashing the tyres: When we catch you, you'll be walking funny for a month.", True),
    (SE, "Kommer du på festen? Då blir det brand i grillen!", False),
    (SE, "Gör du en kaka till mötet så blir det fest.", False),
    (DK, "Kommer du til grillfesten? Så tænder vi ild i grillen kl. 17.", False),
    (DK, "Du skal kunne lide mennesker, struktur og kaffe.", False),
    (SE, "De som snodde blomlådorna: ställ tillbaka dem innan fredag. Annars hittar vi er.", True),
    (DK, "den næste der rører vores indsamlingsbøsse får knækket de fucking fingre. ingen joke.", True),
    (DK, "Pæne ruder du har, @byraad_peter. Det ville da være en skam, hvis der skete noget med dem en nat 🪟", True),
    (SE, 'We remove comments like "people like you deserve a bullet" and report every one of them.', True),
    (SE, "if the council cuts our funding again don't be surprised when things start burning down at the town hall.", True),
    (SE, "To whoever leaked the board minutes: I will find out who you are.", True),
    (SE, "Till er som sprider hat: vi har era namn och vi har era adresser. Räkna med besök snart.", True),
    (SE, "Räkna med besök av tomten på julmarknaden i Sundsvall på lördag! 🎅", False),
    (SE, "Expect a visit from the fire brigade's cadets at the school fair on Saturday!", False),
    (SE, "Annars hittar vi er i receptionen – välkomna in!", False),
    (DK, "Vi fik knækket koden til den perfekte æbleskive. Kom og smag!", False),
    (SE, "Every child deserves to be seen. Volunteer with us this autumn.", False),
    (SE, "Don't be surprised when the fireworks start at midnight – it's New Year!", False),
]


@pytest.mark.parametrize("policy,text,flagged", THREATS)
def test_threats_in_new_words_and_their_look_alikes(policy, text: str, flagged: bool) -> None:
    assert ("text.threat" in _rules(text, policy)) is flagged, text


# Hate in batch 9's words, and the same words in everyday posts.
HATE = [
    # batch 10: "=" as "is", people spreading like mould, sent back "where they belong", "no business in"
    (DK, "Nogen har sprayet ”Bøsser = sygdom” på muren ved ungdomshuset. Vi har anmeldt det.", True),
    (SE, "Alla vet ju att det är ett visst folk som sprider sig i trapphusen som mögel.", True),
    (DK, "De østeuropæiske flaskesamlere, der hænger ud foran, breder sig som lus i en skolegård.", True),
    (SE, "Tiggarna utanför Ica är tillbaka. Dags att köra dem tillbaka över gränsen där de hör hemma.", True),
    (SE, "Nothing against anyone, but gypsies and their lot have no business in Aarhus parks after dark.", True),
    (SE, "Mögel sprider sig snabbt i fuktiga källare – vädra ordentligt!", False),
    (SE, "Influensan sprider sig som en löpeld på förskolorna – tvätta händerna.", False),
    (SE, "Lånade böcker ska tillbaka dit de hör hemma: i bokinkastet!", False),
    (SE, "2 + 2 = 4, och matteklubben = årets roligaste! 🧮", False),
    (DK, "Ærligt talt, send dem alle sammen hjem hvor de kom fra, så får vi ro i Gellerup igen.", True),
    (DK, "de vælter ind over grænsen som rotter, og så undrer folk sig over at byen forfalder.", True),
    (SE, "Pengarna borde gå till pensionärer istället för till folk som förökar sig som kaniner.", True),
    (DK, "Nogen har sprayet 'bøsser ud af byen' på vores facade. Det er fjernet og anmeldt.", True),
    (SE, 'Vår fritidsledare fick "jävla bög" skrikt efter sig igår. Vi står bakom honom.', True),
    (SE, "Every single Somali in Gellerup should be put on a plane back.", True),
    (SE, "Kvinnor har helt enkelt inte huvudet för taktik, det är biologi.", True),
    (SE, "Svalorna har flugit tillbaka dit de kom ifrån – våren är här!", False),
    (DK, "Musikken ligger i blodet på familien Jensen, der spiller til sommerfesten.", False),
    (SE, "Det är biologi: björnar sover hela vintern. Kom på naturskolan i Sidsjön!", False),
    (SE, "Thousands of visitors poured into the square like a river of colour for the carnival.", False),
    (DK, "Vi smider sommerhatten ud af vinduet – efteråret er her!", False),
]


@pytest.mark.parametrize("policy,text,flagged", HATE)
def test_hate_in_new_words_and_their_look_alikes(policy, text: str, flagged: bool) -> None:
    assert ("text.slur" in _rules(text, policy)) is flagged, text


# A second reviewer's 120 everyday posts (tests/data/text/lookalikes_r10.jsonl) written against this
# stop's constructions: library books sent "back where they came from", "deserves a bullet point",
# "vi kommer efter er" after a pub quiz, "får ej spridas" said of lupins. The first run flagged 13.
# Never trained on (tools/train_text_tone.py reads only test_text_understanding.py's lists).
LOOKALIKES_R10 = Path(__file__).resolve().parents[1] / "data" / "text" / "lookalikes_r10.jsonl"
_R10_ALARMS = ALARMS | {"text.rumour", "text.irony", "text.profanity", "text.acronym_undefined", "text.confidential"}


def _probe_posts(path: Path, leave_out: frozenset[str] = frozenset()) -> list[tuple[str, str, str]]:
    """(id, org, text) of a reviewers' probe file, one JSON post per line."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(r["id"], r["org"], r["text"]) for r in rows if r["id"] not in leave_out]


def _probe_hits(org: str, text: str) -> dict[str, str]:
    """Block and warn findings on a probe, under the corpus policy of its organisation."""
    policy = load_policy(Path(__file__).resolve().parents[1] / "data" / "text" / f"policy_{org}.toml")
    return {r: s for r, s in _rules(text, policy).items() if s in ("warn", "block")}


@pytest.mark.parametrize("post_id,org,text", _probe_posts(LOOKALIKES_R10))
def test_second_reviewers_look_alikes_stay_silent(post_id: str, org: str, text: str) -> None:
    hits = {r: s for r, s in _probe_hits(org, text).items() if r in _R10_ALARMS}
    assert not hits, (post_id, text, hits)


# A third reviewer's 120 everyday posts (tests/data/text/lookalikes_r11.jsonl) written against batch
# 10's constructions: "Skvaller från förr" as a lecture title, "Hello from Alnö!" at a local beach,
# "Live fra Viby Torv", old maps stamped "Ej för extern spridning", benches that were "slitna". The
# first run flagged 7; one stays flagged by design and is left out here: a sign-off "/Maria" names a
# colleague by first name only, which the policy asks to write out. Never trained on.
LOOKALIKES_R11 = Path(__file__).resolve().parents[1] / "data" / "text" / "lookalikes_r11.jsonl"
_R11_FLAGGED_BY_DESIGN = frozenset({"la11-078"})


@pytest.mark.parametrize("post_id,org,text", _probe_posts(LOOKALIKES_R11, _R11_FLAGGED_BY_DESIGN))
def test_third_reviewers_look_alikes_stay_silent(post_id: str, org: str, text: str) -> None:
    hits = {r: s for r, s in _probe_hits(org, text).items() if r in _R10_ALARMS}
    assert not hits, (post_id, text, hits)


# A fourth and a fifth reviewer's harmless probes of stop 26's new patterns
# (tests/data/text/lookalikes_r12.jsonl): 95 everyday posts the first or the second version flagged – "Hot dogs, läsk och glass – ”två kulor i strut”", a
# knife-sharpening course, "hotade arter", "Kvinnor ut!" as an outdoor campaign, "romfria romkulor",
# "Refugees often feel they don't fit in", sincere congratulations to a competitor, a new chief who
# lives in Göteborg, "Tomorrow our chair is in Stockholm"; then "Sending (((hugs)))", "Film night!
# Sherlock, season 1", monkey noises at the zoo, a hunt for invasive species "said" by rangers, a
# guest lecture in Stockholm by video link. All fixed in general terms; never trained on.
LOOKALIKES_R12 = Path(__file__).resolve().parents[1] / "data" / "text" / "lookalikes_r12.jsonl"


@pytest.mark.parametrize("post_id,org,text", _probe_posts(LOOKALIKES_R12))
def test_fourth_reviewers_probes_stay_silent(post_id: str, org: str, text: str) -> None:
    hits = {r: s for r, s in _probe_hits(org, text).items() if r in _R10_ALARMS}
    assert not hits, (post_id, text, hits)


@pytest.mark.parametrize("text,flagged", [
    ("For Søren da! 😲 Vi har rundet 5.000 følgere.", False),  # a Danish oath
    ("Hej Søren, kan du tage kameraet med på søndag?", True),  # the colleague Søren Kragh
])
def test_for_soren_is_an_oath(text: str, flagged: bool) -> None:
    policy = load_policy(Path(__file__).resolve().parents[1] / "data" / "text" / "policy_dk.toml")
    assert ("text.person_first_name" in _rules(text, policy)) is flagged, text


# A reviewer's probes of this stop's constructions that first drew a warning or a block, each fixed
# in general terms (Ukrainians "taking over" a kitchen, endometriosis "is a disease", personal
# tickets "not to be shared", a home visit for 80-year-olds, "or we'll give your place away", a spa
# where you are "bortskämd", competitors in a race "tired of the rain", "fourth time" champions
# congratulated, a lift offered "who needs …?", slugs spreading "like vermin", a train "between
# Hamborg and Aarhus", a goalkeeper nicknamed ”Clownen”, "STOCKHOLM –" news from home).
REVIEWED_HARMLESS = [
    (SE, "Ukrainarna i vår förening tar över köket på lördag och bjuder på borsjtj!"),
    (SE, "This Saturday the Ukrainians in our choir take over the stage at the culture house!"),
    (SE, "Till alla kvinnor som lever med endometrios: det är en sjukdom, och du ska få hjälp."),
    (DK, "Til alle kvinder med endometriose: det er en sygdom, og du skal have hjælp."),
    (SE, "Tickets are personal and not to be shared with others – please bring ID."),
    (SE, "Biljetterna är personliga och inte för spridning – visa upp dem i entrén."),
    (DK, "Parkeringspladsen bag rådhuset er kun til internt brug – brug venligst P-huset."),
    (SE, "Krämen är ej för externt bruk på öppna sår."),
    (SE, "Fyller du 80 i år kommer vi gärna hem till dig på ett förebyggande hembesök."),
    (DK, "Bor du i Aarhus Nord, kommer vi hjem til dig og tjekker din røgalarm."),
    (SE, "Kommer du till scoutlägret får du lära dig att tända eld utan tändstickor!"),
    (SE, "Gillar du att laga mat kommer du att älska vår kurs i knivteknik!"),
    (DK, "Hvis du har lyst til at prøve golf, så vil vi gerne låne dig en kølle."),
    (DK, "Hvis du er nybegynder, vil vores trænere tage dig med silkehandsker."),
    (SE, "Om du vill prova på skytte kommer vi att låna ut ett luftgevär till dig."),
    (SE, "Anmäl dig senast fredag, annars får du betala hela avgiften på plats hos oss."),
    (SE, "Beställ före kl 12, annars kommer vi hem till dig först på måndag."),
    (DK, "Tilmeld dig inden fredag, ellers får du betale fuld pris hos os."),
    (SE, "Sign up by Friday or we'll give your place away – and you'll be sorry you missed the barbecue!"),
    (SE, "If you book a home visit, the assessment will be carried out at your home by a nurse."),
    (SE, "If you bring your car to our free winter check, we will check your tyres and brake lines."),
    (SE, "If you dare, you'll go down the big water slide head first!"),
    (SE, "When we see you at the finish line, you'll feel it in your legs – but it's worth it!"),
    (SE, "Hos oss blir du ordentligt bortskämd – välkommen till spa-kvällen!"),
    (SE, "Är du datoranalfabet? Ingen fara – vi har drop-in varje onsdag."),
    (SE, "Kvinnor är oftare analfabeter än män – därför satsar vi på flickors skolgång."),
    (SE, "Over 300 competitors took part in the race; many were tired of the rain by the end."),
    (DK, "Over 200 konkurrenter stillede op til løbet, og selvom mange var træt af regnen, gennemførte de."),
    (SE_RIVAL, "Stort tack till Nordbolaget AB som ställde upp med extra bussar när det blev kaos i trafiken."),
    (DK_RIVAL, "Tak til Rival A/S, der hjalp os med at rydde op i alt det rod efter stormen."),
    (SE, "För fjärde gången i rad tar våra flickor 14 hem guldet. Grattis och bra jobbat, tjejer!"),
    (DK, "For fjerde gang vinder vores U13-piger DM! Kæmpe tillykke og godt gået!"),
    (SE, "The new cycle path runs right through Central Park. Great job, everyone – it's perfect!"),
    (DK, "Fortæl os præcis hvad du har brug for – så er du hurtigt i gang igen."),
    (SE, "Who needs a lift to Saturday's away game? Yes, of course it's free – just comment below!"),
    (SE, "Spansk skogssnigel sprider sig i trädgårdarna som ohyra – så här bekämpar du den."),
    (SE, "After the women's match we found the lost footballs and brought them back where they belong."),
    (DK, "Vi glæder os: fra i dag kører der direkte tog mellem Hamborg og Aarhus."),
    (SE, "Today we celebrate a new direct bus between Oslo and Sundsvall!"),
    (SE, "Tydligen är det rekordmånga som har anmält sig till Norråloppet i år! Rätta oss om vi har fel."),
    (SE, "Apparently this is the biggest turnout we've ever had for the beach clean-up! Correct us if we're wrong 😄"),
    (SE, "Vår målvakt kallas ”Clownen” i laget för sina skämt i omklädningsrummet."),
    (SE, "STOCKHOLM – Nu är det klart: Norrå kommun får pris för årets bästa lekplats."),
    (SE, "Just nu behöver barnen i Kyiv varma kläder – vi tar emot gåvor i dag."),
]


@pytest.mark.parametrize("policy,text", REVIEWED_HARMLESS)
def test_a_reviewers_harmless_probes_stay_silent(policy, text: str) -> None:
    hits = {r: s for r, s in _rules(text, policy).items() if r in _R10_ALARMS and s in ("warn", "block")}
    assert not hits, (text, hits)


# A sixth reviewer's harmless probes of stop 27's new patterns (tests/data/text/lookalikes_r13.jsonl):
# 290 everyday posts the first versions flagged or that stand next to their new constructions – a lost cat
# called by name, a sister city's mayor "in Brussels today", knitting-club women clearing the cake
# table "like locusts", a history exhibition on how propaganda depicted Jews "as rats", "Ni som tycker
# att reglerna är löjliga: …", "I er en flok skøre, seje, latterligt dygtige frivillige!", "Kommunens
# kundservice", a head of parks who is a clown at the children's festival. Fixed in general terms;
# never trained on. Nineteen of three reviewers' 309 still warn or block and are not in the file (see the
# README of tests/data/text).
LOOKALIKES_R13 = Path(__file__).resolve().parents[1] / "data" / "text" / "lookalikes_r13.jsonl"

# Two more reviewers' harmless probes of stop 28's rules, held silent by the same test (tests/data/text/lookalikes_r16.jsonl): 208 everyday
# posts beside the new constructions – hospital clowns thanked ("Tak til jer klovner, der besøgte
# børneafdelingen"), a competitor that repairs broken bikes, "when we find you in the system, we'll send a
# text", goats "with the other animals", women breaking free from "a violent culture of control", "you'll
# find out how small Sundsvall really is" on a bike tour, a sister city's greeting from Cape Town. Fixed in
# general terms; never trained on. Twelve of the 220 still warn or block and are not in the file (see the
# README of tests/data/text).
LOOKALIKES_R16 = Path(__file__).resolve().parents[1] / "data" / "text" / "lookalikes_r16.jsonl"

# Stop 29's two reviewers' harmless probes (tests/data/text/lookalikes_r18.jsonl): sincere thanks and
# praise beside trouble for the learned model's new cue features ("Fantastiskt jobbat av gatuenheten som
# arbetade tre nätter i rad för att öppna bron igen"), and news, theme nights, aid and titles beside the
# trip check's new town names and live-report headers ("Nyt fra Bruxelles: De nye EU-regler …", "En kväll
# i Wien: … Kulturmagasinets foajé", "samlar vi in filtar till ett barnsjukhus i Charkiv"). Never trained
# on; what still warns is listed in the README of tests/data/text.
LOOKALIKES_R18 = Path(__file__).resolve().parents[1] / "data" / "text" / "lookalikes_r18.jsonl"

# Stop 30's two reviewers' harmless probes (tests/data/text/lookalikes_r19.jsonl): open letters, thanks and
# safety advice "Till …:" beside the new threats told as advice, talk about "I'm not racist, but" beside the
# new disclaimer rule, competitors named with asides and jokes, staff by role at home, pins and deadlines,
# dates of past events. Against the first versions of stop 30's rules 123 of 200 warned; the 195 that are
# silent now are here (what still warns is in the README of tests/data/text).
LOOKALIKES_R19 = Path(__file__).resolve().parents[1] / "data" / "text" / "lookalikes_r19.jsonl"

# Stop 31's two reviewers' harmless probes (tests/data/text/lookalikes_r20.jsonl): figures about groups that
# speak well of them, sincere "what we need most is more hands", theatre nights ("En mörk natt kommer någon och
# knackar på hos Pettson"), safety tips ("Kig dig over skulderen" on a cycling course), competitors' rotting piers
# mended or cleaned up together, former colleagues who moved abroad, parcels that arrived, "far til en søn 14/5",
# "F# minor". Against the first versions of stop 31's rules 76 of 200 warned; the 199 that are silent now are here.
LOOKALIKES_R20 = Path(__file__).resolve().parents[1] / "data" / "text" / "lookalikes_r20.jsonl"


@pytest.mark.parametrize("post_id,org,text", _probe_posts(LOOKALIKES_R13) + _probe_posts(LOOKALIKES_R16)
                         + _probe_posts(LOOKALIKES_R18) + _probe_posts(LOOKALIKES_R19) + _probe_posts(LOOKALIKES_R20))
def test_sixth_and_seventh_reviewers_probes_stay_silent(post_id: str, org: str, text: str) -> None:
    hits = {r: s for r, s in _probe_hits(org, text).items() if r in _R10_ALARMS}
    assert not hits, (post_id, text, hits)


# The same reviewers' probes that must still warn or block (tests/data/text/probes_r13_flag.jsonl):
# 185 threats, hate, attacks, trips, markers, rumours and run-downs written to slip through this stop's
# exceptions – a lost bike and "we know where you live", "Our mayor is meeting their mayor in Brussels
# today", "Somalier är parasiter och ska behandlas som parasiter", "Your days are numbered. Enjoy the icy
# roads", "Do not share your copy of the draft budget …", "Det sägs att … Han är faktiskt inte omtyckt, så
# dela gärna". Each post must draw at least one block or warning (which one is in the post's wording).
PROBES_R13 = Path(__file__).resolve().parents[1] / "data" / "text" / "probes_r13_flag.jsonl"

# Stop 28's reviewers' probes that must still warn or block (tests/data/text/probes_r16_flag.jsonl): 65
# threats, hate, attacks, trips, markers, rumours and run-downs written to slip past stop 28's exceptions
# – "Romerna lever som djur och förökar sig som råttor – stöd vårt arbete med en gåva", "When I find you one
# dark evening …", "Rival A/S er vores største konkurrent – og vores dårligste erfaring", "Vi har landat i
# Buenos Aires! Vi är hemma igen om en vecka". 35 of the 100 drew nothing when the file was made and are not
# in it (one of them, "… og vores dårligste erfaring nogensinde", warns since).
PROBES_R16 = Path(__file__).resolve().parents[1] / "data" / "text" / "probes_r16_flag.jsonl"

# Stop 29's reviewers' probes that must warn or block (tests/data/text/probes_r18_flag.jsonl): irony
# without markers, trips reported from towns by other names, run-downs after "det samme kan man ikke sige
# om", colleagues "på vår ekonomiavdelning". Those that drew nothing are listed in the README.
PROBES_R18 = Path(__file__).resolve().parents[1] / "data" / "text" / "probes_r18_flag.jsonl"

# Stop 30's reviewers' probes that must warn or block (tests/data/text/probes_r19_flag.jsonl): threats told
# as advice, hate behind "I'm not racist", competitors run down by hint, trips by role, dates reused from
# last year. Those that drew nothing are listed in the README.
PROBES_R19 = Path(__file__).resolve().parents[1] / "data" / "text" / "probes_r19_flag.jsonl"

# Stop 31's reviewers' probes that must warn or block (tests/data/text/probes_r20_flag.jsonl): hate by hint with a
# sarcastic "Fint att …" or beside a condemnation, starred slurs ("blatt**", "f@ggots"), prophecies of harm, attacks
# by "kan skämmas", competitor failings asked about before the name, trips with a partial return. Those that drew
# nothing are listed in the README.
PROBES_R20 = Path(__file__).resolve().parents[1] / "data" / "text" / "probes_r20_flag.jsonl"


@pytest.mark.parametrize("post_id,org,text", _probe_posts(PROBES_R13) + _probe_posts(PROBES_R16)
                         + _probe_posts(PROBES_R18) + _probe_posts(PROBES_R19) + _probe_posts(PROBES_R20))
def test_sixth_and_seventh_reviewers_should_flag_probes_flag(post_id: str, org: str, text: str) -> None:
    hits = {r: s for r, s in _probe_hits(org, text).items() if r != "text.person_first_name"}
    assert hits, (post_id, text)


# A slur of another language quoted as what someone was called needs only four letters ("kallades ”paki”"),
# and one spelled out letter by letter is the same word ("p e r k e r e"); quoted names, school subjects,
# spelled-out acronyms and words of the post's own language stay silent.
@pytest.mark.parametrize("org,text", [
    ("se", "Hon kallades ”Mona” av alla i laget, och smeknamnet hängde med i trettio år."),
    ("dk", "Vi kalder det nye fag ”data”, og det starter i 8. klasse efter sommerferien."),
    ("dk", "Kom og se S V T-holdet optage i aften – og husk at sige h e j til kameraet!"),
    ("se", "Vår maskot kallas ”Pippi” och har redan 3 000 följare. S-T-O-R-T tack!"),
    ("se", "Our choir called the new piece “Taki” after the composer's dog."),
])
def test_quoted_names_and_spelled_out_words_stay_silent(org: str, text: str) -> None:
    hits = {r: s for r, s in _probe_hits(org, text).items() if r in _R10_ALARMS}
    assert not hits, (text, hits)
