"""How the text checks read a post (issue 12): quotation and reported speech, negation, names that
are also words, credits, explained acronyms, sentence density, trips in the present tense,
internal labels, rumours, irony, severity by confidence, and languages (Danish where the
organisation is Danish)."""

from __future__ import annotations

from datetime import date

import pytest

from prepub.core.messages import message
from prepub.core.policy import default_policy_path, load_policy, parse_policy
from prepub.core.text import ImageCredit, check_text

SE = parse_policy('''
[organisation]
country = "SE"
home_name = "Sundsvall"
people = ["Anna Svensson", "Hans Nilsson", "Mark Lindqvist", "Maria Holm"]
''')
DK = parse_policy('''
[organisation]
country = "DK"
home_name = "Aarhus"
people = ["Hans Jensen", "Line Poulsen", "Mark Holm"]
''')
TODAY = date(2025, 5, 20)


def _hits(text: str, policy=SE, **kw) -> list[tuple[str, str, str]]:
    r = check_text(text, policy=policy, channels=kw.pop("channels", []), today=TODAY, **kw)
    return [(f.rule, f.severity.value, text[f.span[0]:f.span[1]]) for f in r.findings]


def _rules(text: str, policy=SE, **kw) -> dict[str, str]:
    return {rule: sev for rule, sev, _t in _hits(text, policy, **kw)}


# --- quotation, reported speech, condemnation ---------------------------------------------------

@pytest.mark.parametrize("policy,text,rule", [
    (SE, "Natten till söndag klottrade någon ”svartskallar ut” på skolan. Vi fördömer det.", "text.slur"),
    (SE, "På mötet kallade en man några ungdomar för blattar. Vi tar avstånd från det.", "text.slur"),
    (SE, "Vår ordförande fick ett sms: ”Vi vet var du bor.” Vi har polisanmält hotet.", "text.threat"),
    (DK, "Formanden fik en besked: ”Vi ved, hvor du bor.” Vi har meldt det til politiet.", "text.threat"),
    (SE, "Someone sprayed “pakis out” on the wall. We condemn it.", "text.slur"),
])
def test_quoted_or_reported_abuse_warns_and_never_blocks(policy, text: str, rule: str) -> None:
    r = check_text(text, policy=policy, channels=[], today=TODAY)
    [f] = [f for f in r.findings if f.rule == rule]
    assert f.severity.value == "warn" and f.params["quoted"] and not r.blocked
    assert "quoted or reported" in message(f, "en") and "citeras eller återges" in message(f, "sv")


def test_the_same_words_in_our_own_voice_block() -> None:
    assert _rules("Blattarna förstör allt.")["text.slur"] == "block"
    assert _rules("Vi vet var du bor.")["text.threat"] == "block"
    f = next(f for f in check_text("Vi vet var du bor.", policy=SE, channels=[]).findings)
    assert message(f, "en") == "“Vi vet var du bor” can be read as a threat."


# --- threats, hate and attacks beyond set phrases ---------------------------------------------

@pytest.mark.parametrize("policy,text,severity", [
    (DK, "Bliver planen vedtaget, så finder vi ud af, hvor hver eneste af jer bor.", "block"),
    (SE, "Under helgen skrev någon att ni kommer att hängas allihop.", "warn"),  # reported: "skrev"
    (SE, "Du ska få betala för det här.", "warn"),
    (SE, "Fortsätter du så här kommer det att sluta illa för dig.", "warn"),
    (SE, "We will find out where you live.", "block"),
    (SE, "Next time you show up here, you won't be walking out on your own legs.", "block"),
])
def test_threats_without_a_set_phrase(policy, text: str, severity: str) -> None:
    assert _rules(text, policy)["text.threat"] == severity


@pytest.mark.parametrize("text", ["Du kommer inte att ångra dig om du kommer på lördag!",
                                  "Ni kommer att få betala mindre för bussen från 1 juli.",
                                  "Akta dig för halkan i morgon.", "Come and kill some time at the museum.",
                                  "Vi kommer att hitta en lösning tillsammans med er."])
def test_no_threat(text: str) -> None:
    assert "text.threat" not in _rules(text)


@pytest.mark.parametrize("policy,text", [
    (SE, "De här invandrarna är parasiter som lever på våra skattepengar."),
    (DK, "De migranter er skadedyr, der lever af vores velfærd."),
    (SE, "Muslims are taking over our neighbourhoods and should be thrown out."),
    (SE, "Kärringarna i nämnden har ingen aning."),
    (DK, "Kællingerne i byrådet aner ikke noget."),
])
def test_hate_without_a_listed_form(policy, text: str) -> None:
    assert "text.slur" in _rules(text, policy)


@pytest.mark.parametrize("text", ["Invandrare är inte parasiter – de är våra grannar.",
                                  "Kvinnor är underrepresenterade bland cheferna.",
                                  "Muslimer, judar och kristna firade tillsammans."])
def test_group_words_alone_are_no_hate(text: str) -> None:
    assert "text.slur" not in _rules(text)


@pytest.mark.parametrize("policy,text,severity", [
    (SE, "@kalle_k du är en patetisk clown.", "block"),
    (SE, "Kommunalrådet är en skam för Sundsvall.", "block"),
    (SE, "The mayor is a disgrace to this city.", "block"),
    (DK, "@MetteK, hold op med at lyve, din hykler.", "block"),
    (SE, "Situationen är en skam.", "warn"),  # a capitalised word opening the sentence: maybe a person
])
def test_personal_attacks(policy, text: str, severity: str) -> None:
    assert _rules(text, policy)["text.personal_attack"] == severity


@pytest.mark.parametrize("text", ["Ingen är en idiot för att hen frågar.", "Asking never makes you an idiot.",
                                  "Det här är en patetisk ursäkt för en busstidtabell.",
                                  "Clownen Nisse kommer till biblioteket på lördag!"])
def test_no_attack(text: str) -> None:
    rules = _rules(text)
    assert "text.personal_attack" not in rules and "text.insult" not in rules


# --- names, credits, acronyms, sentences ------------------------------------------------------

@pytest.mark.parametrize("policy,text,flagged", [
    (SE, "Konstnären Per Olsson ställer ut. Hans bilder av kusten är fina.", False),
    (SE, "Hans leder passet på lördag.", True),
    (SE, "Mark your calendars! Open day on Saturday.", False),
    (SE, "Mark will present the plan on Wednesday.", True),
    (SE, "Mark och vatten är våra viktigaste resurser.", False),
    (SE, "Maria och hennes team har gjort ett fantastiskt jobb!", True),
    (DK, "Line dance i parken hver onsdag.", False),
    (DK, "Line fortæller om cykelplanen.", True),
    (DK, "Hans billeder af bugten kan ses hele maj.", False),
    (SE, "Hans Christian Andersens sagor på teatern.", False),
    (SE, "Tack Maria för en fin föreläsning!", True),
    (SE, "Mark from our parks team will be at the market on Saturday.", True),  # stop 29
    (DK, "Line fra vores borgerservice svarer på spørgsmål i dag.", True),
    (SE, "Mark from the start of the trail is easy to follow.", False),
    (SE, "Maria på vår ekonomiavdelning har svaren om nya taxan.", True),  # a reviewer's probes, stop 29
    (DK, "Mette at our front desk can help you with membership questions.", False),  # Mette is no colleague
    (DK, "Line at our front desk can help you with membership questions.", True),
    (SE, "Anna från vår läsarpanel tipsar om sommarens böcker.", False),  # a reader, not a unit of ours
])
def test_a_first_name_only_where_it_names_a_person(policy, text: str, flagged: bool) -> None:
    assert ("text.person_first_name" in _rules(text, policy)) is flagged


@pytest.mark.parametrize("text,credited", [
    ("Fin dag i parken! 📸 Omar Said", True),
    ("Great day in the park! Photo by Omar Said", True),
    ("Fin dag i parken! Tack Omar Said för bilderna.", True),
    ("Fin dag i parken! Foto: Omar", False),
    ("Fin dag i parken!", False),
])
def test_credits_in_their_common_forms(text: str, credited: bool) -> None:
    rules = _rules(text, images=[ImageCredit("Omar Said")])
    assert ("text.credit_missing" not in rules) is credited


@pytest.mark.parametrize("text,flagged", [
    ("Myndigheten för samhällsskydd och beredskap, MSB, skickar ut en broschyr.", False),
    ("The Swedish Civil Contingencies Agency, MSB, is sending a brochure.", False),
    ("MSB – Myndigheten för samhällsskydd och beredskap – skickar ut en broschyr.", False),
    ("MSB skickar ut en broschyr.", True),
    ("OBS! Biblioteket är stängt i dag.", False),
    ("Tillsammans med Nordbolaget AB bygger vi laddplatser.", False),
])
def test_acronyms_explained_beside_their_name(text: str, flagged: bool) -> None:
    assert ("text.acronym_undefined" in _rules(text)) is flagged


def test_clear_long_sentences_pass_and_dense_or_very_long_ones_do_not() -> None:
    clear = ("På lördag bjuder vi alla barn och deras familjer på korv, saft och tipspromenad i parken vid ån, "
             "och du behöver inte anmäla dig i förväg.")  # 26 short words
    assert "text.sentence_long" not in _rules(clear)
    dense = ("Förvaltningen kommer under hösten att genomföra en omfattande kartläggning av lokalbehoven "
             "avseende förskoleverksamheten i samtliga kommundelar i syfte att säkerställa ändamålsenlig "
             "resursfördelning för barn och unga under de kommande åren.")  # 29 words, most of them long
    assert _rules(dense)["text.sentence_long"] == "warn"
    parse_policy("[text]\nsentence_hard_max_words = 30\n")  # the limit is the policy's


def test_lix_is_not_reported_for_a_short_post() -> None:
    assert "text.lix" not in _rules("Eventuella olägenheter beklagas. Ytterligare information tillhandahålls.")


# --- trips, internal markers, rumours, irony --------------------------------------------------

@pytest.mark.parametrize("policy,text,severity", [
    (SE, "Dag tre här i Kampala. I kväll åker vi vidare norrut.", "block"),
    (SE, "Vi är i Maputo den här veckan och träffar våra partner.", "block"),
    (DK, "Vi er i Maputo hele ugen og mødes med vores partnere.", "block"),
    (SE, "Nu sitter vi på tåget mot Bryssel.", "block"),
    (SE, "Godmorgon från Kiev! I dag besöker vår ordförande en skola.", "block"),
    (SE, "Så här ser det ut utanför hotellet i Kigali just nu.", "warn"),  # place + now + us, no trip phrase
])
def test_ongoing_trips_in_the_present_tense(policy, text: str, severity: str) -> None:
    assert _rules(text, policy)["text.trip_ongoing"] == severity
    assert "text.trip_ongoing" not in _rules(text, policy, trip_ended=True)


@pytest.mark.parametrize("text", [
    "Förra veckan besökte vi våra partner i Kampala.",
    "Hemma igen efter tio dagar i Moçambique! I veckan berättar vi mer.",
    "Dag tre av Kulturveckan! I kväll blir det konsert i parken.",
    "Vi är i Stadshusets foajé hela dagen i dag.",
    "Välkommen till vår utställning om livet i Kampala, som öppnar i dag.",
    "I dag öppnar Pride i Göteborg, och vi hejar på alla som går.",
    # another body's people ("deras", "their"), not ours
    "Vänorten Tartu hälsar: deras borgmästare är i Bryssel i dag och talar om sjöfart.",
    "Our sister city says their mayor is in Brussels today.",
])
def test_no_trip(text: str) -> None:
    assert "text.trip_ongoing" not in _rules(text)


@pytest.mark.parametrize("policy,text,flagged", [
    # towns known by another name than the city list's ("Kharkiv", "Lviv", "Warsaw")
    (SE, "Just nu sitter vårt team på ett kafé i Charkiv och väntar på lastbilen.", "i Charkiv"),
    (DK, "Lige nu sover vores to sygeplejersker på et hotel i Kyiv.", "i Kyiv"),
    # a place of two words in a sentence about now
    (DK, "Lige nu holder vores sygeplejersker pause bag klinikken i Port Sudan.", "i Port Sudan"),
    # a live report's header and our people there
    (DK, "Quick update from Lviv: our team is staying near the station tonight.", "Quick update from Lviv"),
    (DK, "Evening in Przemyśl: the team from our refugee unit is still at the reception centre.",
     "Evening in Przemyśl"),
    (SE, "Rapport från Warszawa: delegationen sitter i möte på ministeriet hela dagen.", "Rapport från Warszawa"),
    (DK, "Her fra Kraków: drengene har lige spist morgenmad på hotellet, og om to timer starter kvartfinalen.",
     "Her fra Kraków"),
])
def test_trips_to_towns_by_other_names_and_live_headers(policy, text: str, flagged: str) -> None:
    assert ("text.trip_ongoing", "warn", flagged) in _hits(text, policy)


@pytest.mark.parametrize("policy,text,flagged", [
    # our people named by a role or by the body they belong to, doing something there now
    (SE, "Två av kommunens brandmän hjälper just nu till med räddningsarbetet i Charkiv.", "i Charkiv"),
    (SE, "Svar till Eva: Rektorn är på studiebesök i Tallinn hela veckan.", "i Tallinn hela veckan"),
    (DK, "Roklubbens veteranhold er i skrivende stund i Szczecin til regatta.", "i Szczecin"),
    (DK, "Lige nu hjælper to af vores sygeplejersker på hospitalet i Lviv.", "i Lviv"),
    # passing through, outside a town, until a day, since a day
    (DK, "Lige nu kører vi gennem Lviv på vej mod grænsen.", "gennem Lviv"),
    (SE, "Just nu är vi på väg igenom Polen mot Lviv.", "igenom Polen"),
    (DK, "Vores bestyrelse bor på et hotel i Kisumu frem til fredag.", "i Kisumu frem til fredag"),
    (DK, "Vindlaugets bestyrelse på besøg hos vores partnere i Kisumu – billedet er taget her til morgen.", "i Kisumu"),
    # a location pin or a dateline with a time of today
    (SE, "📍 Kampala, this afternoon. Our project lead is meeting the district water office.", "📍 Kampala, this afternoon"),
    (DK, "📍 Kraków, day three: our chair meets the city's volunteer centre.", "📍 Kraków, day three"),
])
def test_trips_told_by_a_role_a_pin_or_until_a_day(policy, text: str, flagged: str) -> None:
    assert any(h[0] == "text.trip_ongoing" and h[2] == flagged for h in _hits(text, policy)), _hits(text, policy)


@pytest.mark.parametrize("policy,text", [
    (SE, "Just nu samlar våra volontärer in filtar till sjukhuset i Charkiv."),  # sent there, not done there
    (DK, "Lige nu sender vi nødhjælp gennem Lviv til Kyiv."),  # through, but not travelling
    (SE, "Kommunens hemsida har just nu en sida om läget i Charkiv."),  # a body's thing, not its people
    (SE, "Nu kan du se vår utställning Barndom i Charkiv i entrén."),  # a title
    (DK, "Colleagues in Kyiv say the shelters are full right now."),  # people named by where they live
    (SE, "Partnerskolan i Kampala berättar att deras rektor är i Nairobi den här veckan."),  # their role
    (DK, "Our rowing team is back from the regatta in Poznań! They landed in Billund on Sunday."),  # over
    (SE, "Maria Holm svarar på mejl hela veckan, och Lars Andersson finns på plats i skolköket på Alnö."),
])
def test_no_trip_for_what_is_sent_named_or_over(policy, text: str) -> None:
    assert "text.trip_ongoing" not in _rules(text, policy)


@pytest.mark.parametrize("policy,text", [
    (DK, "News from Brussels: our application is approved today."),  # news about a place
    (DK, "Update from Oslo: we are proud to announce our new partnership."),
    (DK, "News from Lviv: our partners are in the shelters tonight, and we are raising money."),  # people who live there
    (SE, "Vi är på New York Deli på Storgatan i dag och bjuder på kaffe!"),  # a name of something in town
    (SE, "Next stop: New York! Our library's summer reading challenge continues today with American novels."),
    (SE, "Förra veckan var vi i Charkiv. Rapport från Charkiv: teamet sitter i möte med skolorna."),  # looks back
    (DK, "Her fra Aarhus: vi ønsker alle en god weekend."),  # home
])
def test_other_town_names_and_headers_need_our_people_there_now(policy, text: str) -> None:
    assert "text.trip_ongoing" not in _rules(text, policy)


@pytest.mark.parametrize("policy,text", [
    (SE, "Vi och deras borgmästare är i Bryssel i dag."),
    (SE, "Tillsammans med deras borgmästare är vi i Bryssel i dag."),
    (SE, "Their mayor met us, and our team is in Brussels today."),
    (DK, "Vores borgmester er i Bruxelles i dag."),
])
def test_our_people_beside_theirs_are_still_on_a_trip(policy, text: str) -> None:
    assert "text.trip_ongoing" in _rules(text, policy)


@pytest.mark.parametrize("policy,text,flagged", [
    (DK, "FORTROLIGT – må ikke deles: udkast til budget.", ["FORTROLIGT", "må ikke deles"]),
    (SE, "Internal only – do not share: draft budget.", ["Internal only", "do not share"]),
    (SE, "[INTERNT] Förslag till pressmeddelande.", ["INTERNT"]),
    (SE, "Utkast, ej för publicering: pressmeddelande.", ["Utkast", "ej för publicering"]),
    (SE, "Uppgifterna hanteras konfidentiellt.", []),
    (SE, "Utkast till ny detaljplan finns på webben – tyck till!", []),
    (DK, "Alle henvendelser behandles fortroligt.", []),
])
def test_internal_markers_in_every_language_and_only_as_labels(policy, text: str, flagged: list[str]) -> None:
    hits = _hits(text, policy)
    assert [t for rule, _s, t in hits if rule == "text.internal_marker"] == flagged
    assert not [t for rule, _s, t in hits if rule == "text.shouting"]  # one note per thing


@pytest.mark.parametrize("policy,text,flagged", [
    (SE, "Vi har hört att badhuset ska stänga. Sprid gärna vidare!", True),
    (DK, "Rygterne siger, at svømmehallen lukker.", True),
    (SE, "Hörde precis från en bekant att rektorn ska sparkas. Någon som vet mer?", True),
    (SE, "Word is the council will sell the harbour.", True),
    (SE, "Vi har hört många av er fråga om busstiderna. Här är svaren.", False),
    (SE, "Vi har hört att många uppskattar den nya parken. Tack!", False),
    (SE, "Nu kan du anmäla ditt barn till simskolan. Sprid gärna!", False),
    (SE, "Vi har fått frågor om ryktena kring badhuset. Här är fakta: det renoveras.", False),
])
def test_rumours(policy, text: str, flagged: bool) -> None:
    assert ("text.rumour" in _rules(text, policy)) is flagged


@pytest.mark.parametrize("text,severity", [
    ("Tack för ingenting, Trafikverket. Tredje inställda tåget 🙄", "warn"),
    ("Ja, verkligen genomtänkt att stänga badet mitt i juli. Bra jobbat.", "warn"),
    ("Busstrafiken är inställd igen 🙄", "info"),
    ("Våra så kallade ”experter” har talat.", "info"),
])
def test_irony_warns_only_when_it_is_clear(text: str, severity: str) -> None:
    assert _rules(text)["text.irony"] == severity


def test_praise_alone_is_no_irony() -> None:
    assert "text.irony" not in _rules("Bra jobbat, alla som städade stranden! Toppen!")


# --- languages and the default policies -------------------------------------------------------

def test_a_danish_organisation_reads_danish_posts_with_danish_rules() -> None:
    policy = load_policy(default_policy_path("da"))
    assert policy.country == "DK" and policy.post_languages == ("da", "en")
    r = check_text("Vi byder bl.a. på kaffe og kage, når biblioteket åbner.", policy=policy, channels=[])
    assert r.language == "da"
    [f] = [f for f in r.findings if f.rule == "text.abbreviation"]
    assert f.fix.replacement == "blandt andet"


@pytest.mark.parametrize("lang", ["sv", "en", "da"])
def test_shipped_policies_leave_the_languages_to_the_country(lang: str) -> None:
    policy = load_policy(default_policy_path(lang))
    assert policy.organisation.languages is None
    assert policy.text.dialogue_channels == []


def test_place_names_do_not_decide_the_language() -> None:
    r = check_text("Traffic update: Randersvej is closed near Trøjborg after an accident. Please choose "
                   "another route if you can.", policy=DK, channels=[])
    assert r.language == "en"


def test_the_dialogue_note_only_where_the_policy_asks_and_once() -> None:
    flat = "Biblioteket har öppet som vanligt i sommar."
    assert "text.dialogue_missing" not in _rules(flat, channels=["facebook", "instagram"])
    asks = parse_policy('[text]\ndialogue_channels = ["facebook", "instagram"]\n')
    hits = [h for h in _hits(flat, asks, channels=["facebook", "instagram"]) if h[0] == "text.dialogue_missing"]
    assert len(hits) == 1 and hits[0][1] == "info"
    assert "text.dialogue_missing" not in _rules("Biblioteket har öppet i sommar. Kom förbi!", asks,
                                                 channels=["facebook"])


# --- generalising the tone rules (issue 12, second round) -------------------------------------
# Sentences in the shape of the kinds of wording the first rules missed; none of them is a
# phrase the word lists hold as such.

@pytest.mark.parametrize("policy,text", [
    (SE, "@petra_k du är ju totalt oduglig som ordförande."),  # 2nd person + intensifier + inflected adjective
    (SE, "Hon är helt hjärndöd, vår nya förvaltningschef."),  # 3rd person pronoun
    (SE, "Ärligt talat är vår rektor den mest korrupta människa jag mött."),  # inverted: copula before the subject
    (SE, "Klas Berg på tekniska kontoret är en riktig skitstövel."),  # a name, a prepositional phrase, a compound
    (DK, "Rådmanden er en ynkelig gammel kryster."),  # role + adjective + modifier + noun
    (DK, "Hvor er du bare et latterligt fjols."),  # inverted copula, Danish
    (SE, "@jo_h what an utter coward you are"),  # exclamation, the target after it
    (SE, "Your so-called chairwoman is a spineless little weasel."),  # a noun the lists do not know, said of a role
    (SE, "Kalle, din falska orm."),  # vocative with an adjective
])
def test_attacks_are_read_from_the_clause(policy, text: str) -> None:
    assert "text.personal_attack" in _rules(text, policy)


@pytest.mark.parametrize("policy,text", [
    (SE, "Han är en riktig clown på scen – se honom i sommarteatern!"),  # a clown on stage
    (SE, "Vår orm i terrariet har fått en ny kompis! 🐍"),
    (SE, "We were fools to think the roadworks would finish on time – sorry!"),  # the speakers themselves
    (SE, "Det här är en patetisk ursäkt för en tidtabell."),  # the adjective describes a thing
    (DK, "Det var dumt af os ikke at informere tidligere."),
    (SE, "Nordbolaget AB är ett gäng bedragare som lurar pensionärer."),  # an organisation: for the competitor rule
    (SE, "Filmen ”Idioterna” visas på Kulturhuset i kväll."),  # the title of a work
])
def test_evaluative_words_that_attack_no_one(policy, text: str) -> None:
    rules = _rules(text, policy)
    assert "text.personal_attack" not in rules and "text.insult" not in rules


@pytest.mark.parametrize("policy,text,rule", [
    (SE, "Tjänstemännen på förvaltningen är ena riktiga dumhuvuden.", "text.insult"),  # a group: no attack
    (SE, "The clowns at the planning department have done it again.", "text.insult"),
    (DK, "Hvem er den klovn, der har planlagt vejarbejdet?", "text.insult"),  # no one in particular
    (SE, "En förälder skrev att rektorn är ”en värdelös idiot”. Vi tar det på allvar.",
     "text.personal_attack"),
])
def test_insults_about_groups_and_no_one_in_particular(policy, text: str, rule: str) -> None:
    rules = _rules(text, policy)
    assert rule in rules
    assert ("text.personal_attack" in rules) is (rule == "text.personal_attack")


@pytest.mark.parametrize("policy,text,severity", [
    (SE, "Vi vet precis vilken bil din fru kör, Johan.", "block"),  # knowing someone's private life
    (DK, "Vi har styr på din adresse og dine børn.", "warn"),
    (SE, "Vi har din adress nu. Sov gott.", "warn"),  # holding an address is menace beside "sov gott"
    (SE, "Det vore synd om det hände något med ditt hus i natt.", "warn"),
    (SE, "Your days are numbered, @cllr_b.", "warn"),
    (DK, "Du skal ikke regne med at kunne gå trygt hjem efter mødet.", "warn"),
    (SE, "Röstar ni för nedläggningen så kommer ni att få det jobbigt, det lovar jag.", "warn"),  # + menace
    (DK, "Hvis skolen lukker, så ender borgmesteren på skadestuen.", "warn"),  # condition + harm to a person
    (SE, "Someone should teach that councillor a lesson he won't forget.", "warn"),  # incitement
    (SE, "Stäng biblioteket så bränner vi ner stadshuset.", "block"),  # arson
    (DK, "Vi holder øje med dig, formand.", "warn"),
    (SE, "Stay away from the meeting if you know what's good for you.", "warn"),
    (SE, "Lägg ner projektet och det blir det sista beslutet du fattar.", "block"),
])
def test_threats_without_stock_phrases(policy, text: str, severity: str) -> None:
    assert _rules(text, policy)["text.threat"] == severity


@pytest.mark.parametrize("policy,text", [
    (SE, "Om du ser en brand, ring 112 och lämna byggnaden."),  # the harm is in the condition
    (SE, "Om du inte har en brandvarnare kan en brand sprida sig snabbt."),  # may happen: advice
    (SE, "If you fall on the ice you will end up in hospital – wear grips!"),  # an accident
    (SE, "Har du flyttat? Vi har din gamla adress i registret – uppdatera den på Mina sidor."),
    (SE, "If you miss the deadline, don't worry – we'll find you a place anyway."),
    (SE, "You'll regret missing this one! Tickets on sale now."),
    (SE, "Du kommer att ångra dig om du missar höstens loppis! 😄"),
    (DK, "Vi kommer hjem til dig og tjekker din røgalarm – gratis."),
    (SE, "We'll burn some calories at the charity run on Sunday!"),
    (SE, "Vi håller koll på dig som är över 80 och ringer under värmeböljan."),
    (DK, "Pas på dig selv i varmen, og drik masser af vand."),
])
def test_no_threat_in_advice_and_offers(policy, text: str) -> None:
    assert "text.threat" not in _rules(text, policy)


@pytest.mark.parametrize("policy,text,severity", [
    (SE, "Skicka hem hela invandrarpacket.", "block"),  # a group word joined to "pack", sent away
    (SE, "Migrant scum like them should be shipped back.", "block"),
    (DK, "Muslimerne formerer sig som rotter.", "block"),  # a simile
    (SE, "Alla dessa afghaner är en belastning och borde åka hem.", "warn"),  # weaker readings warn
    (SE, "This country would be better off without all these refugees.", "warn"),
    (DK, "Send alle de udlændinge hjem.", "block"),
    (DK, "Vi har mange udlændinge i byen. De er ikke mennesker.", "warn"),  # "de": the group named before
])
def test_hate_in_inflected_compound_and_indirect_forms(policy, text: str, severity: str) -> None:
    assert _rules(text, policy)["text.slur"] == severity


@pytest.mark.parametrize("policy,text", [
    (SE, "Skicka hem barnen med matsäck på fredag."),
    (SE, "Migrants are a vital part of our workforce."),
    (SE, "Kvinnor och barn bör hålla sig borta från området under sprängningen."),
    (SE, "Bögar, flator och alla andra – välkomna till Pride-picknick! 🏳️‍🌈"),
])
def test_group_words_without_hate(policy, text: str) -> None:
    assert "text.slur" not in _rules(text, policy)


@pytest.mark.parametrize("policy,text,flagged", [
    (SE, "Det går ett rykte om att simhallen stänger. Dela gärna!", True),
    (SE, "En kompis som jobbar på kommunen säger att biblioteket ska stänga. Sprid!", True),
    (DK, "Efter sigende stopper skolelederen til jul.", True),
    (DK, "Det lyder til, at borgmesteren stopper. Ved nogen noget?", True),  # an impression + asking
    (SE, "Apparently the pool is closing. Can anyone confirm?", True),
    (SE, "A little bird tells me the head coach has quit 👀", True),
    (SE, "Har du hört att biblioteket nu lånar ut cyklar? Kom förbi!", False),  # a question to the reader
    (SE, "Many people say the new library is the best in the region. Share with your friends!", False),  # praise
    (SE, "Det sägs att ingen kan stå emot våra kanelbullar! 😄", False),  # about ourselves
    (DK, "Rygterne er sande: vi åbner en ny afdeling i august! 🎉", False),  # our own news confirmed
    (DK, "Det lyder til at blive en dejlig dag i parken.", False),
])
def test_rumours_beyond_set_phrases(policy, text: str, flagged: bool) -> None:
    assert ("text.rumour" in _rules(text, policy)) is flagged


COMPETING = parse_policy('''
[organisation]
country = "SE"
home_name = "Sundsvall"
competitors = ["Nordbolaget AB"]
''')


@pytest.mark.parametrize("text,flagged", [
    ("Trött på Nordbolagets halvdana lösningar? Byt till oss!", True),  # genitive, inflected adjective
    ("Till skillnad från konkurrenterna tar vi inte ut ockerpriser.", True),  # competitors named as such
    ("Nordbolaget AB? Dyrt, långsamt och oprofessionellt.", True),  # a name as a heading
    ("Nordbolaget lovar mycket men levererar aldrig i tid.", True),
    ("Jämfört med Nordbolaget AB har vi lägre avgifter, men de har fler laddplatser.", False),
    ("Jämfört med konkurrenterna har vi längre öppettider men färre filialer.", False),
    ("Vi samarbetar med Nordbolaget AB om fiberutbyggnaden.", False),
    # what falls apart is theirs after "deras/their", ours after "våra/our" (stop 28)
    ("Nordbolaget AB won the tender again. Sadly – their solutions fall apart after a year.", True),
    ("Nordbolaget AB vann upphandlingen igen. Tyvärr – deras lösningar faller isär efter ett år.", True),
    ("Vi har tröttnat på Nordbolaget AB:s priser.", True),
    ("Nordbolaget AB:s tält är skräp, våra håller.", True),
    ("Tack till Nordbolaget AB som lånade ut tält när våra föll isär i stormen!", False),
    ("Thanks to Nordbolaget AB for lending us chairs after ours fell apart.", False),
    ("Vores gamle telte faldt fra hinanden, så Nordbolaget AB lånte os nye.", False),
    ("Nordbolaget AB delivered broken chairs again.", True),
    ("Nordbolaget AB:s bussar går sönder hela tiden.", True),
    ("Nordbolaget AB fixed our broken heater in an hour – thank you!", False),
    ("Nordbolaget AB lagade vår trasiga hiss på en timme.", False),
    # "one cannot say that of X", with a word between (stop 29)
    ("Vi tar aldrig chanser med säkerheten. Det kan man tyvärr inte säga om Nordbolaget AB.", True),
    ("Det samme kan man sige om Nordbolaget AB: de holder også åbent hele sommeren.", False),
])
def test_competitors_run_down(text: str, flagged: bool) -> None:
    assert ("text.competitor_negative" in _rules(text, COMPETING)) is flagged


# --- false alarms from the code review: benign municipal posts that looked like threats ---------
# Requests to know where someone lives, idioms, a reflexive, things found for the reader, play at a
# season or Santa, and knowledge tied to a service must stay silent; a stock opener followed by a
# service is at most a note; the same openers with no service, or beside a demand, still block.

_TONE = ("text.threat", "text.personal_attack", "text.insult", "text.rumour", "text.slur", "text.profanity")


@pytest.mark.parametrize("policy,text", [
    (SE, "Resvaneundersökningen: vi vill veta var du bor och hur du reser till jobbet. Svara senast 15 juni!"),
    (SE, "Flyttat? Vi behöver veta var du bor för att kunna skicka ditt röstkort."),
    (DK, "Vi skal vide, hvor du bor, så vi kan sende dit sygesikringskort."),
    (DK, "Vi vil gerne vide, hvor du bor, og hvordan du kommer på arbejde. Svar på spørgeskemaet."),
    (SE, "Vi hittar dig ett nytt jobb"),
    (SE, "Vi hittar dig en plats nära hemmet"),
    (SE, "Jag hittar dig i receptionen klockan 10"),
    (SE, "Se den nya revyn – du kommer att dö av skratt!"),
    (DK, "Se den nye revy – I kommer til at dø af grin!"),
    (SE, "Come to the comedy night – you'll die laughing!"),
    (SE, "Glöm inte solskyddet: du kommer att bränna dig fortare än du tror."),
    (SE, "Councillor Smith called the proposal stupid."),
    (SE, "We know your children's routines matter, so the school bus keeps its times."),
    (SE, "Winter, your days are numbered! Spring opening of the outdoor pool on 1 May."),
    (SE, "Ryktet säger att tomten kommer till torget på lördag 🎅"),
    (SE, "Vi vet vilken skola ditt barn går på, så du behöver inte anmäla det igen."),
    # variants written with the fix
    (SE, "Vi vill gärna veta var du bor och hur du reser. Svara på enkäten!"),
    (DK, "Flyttet? Vi har brug for at vide, hvor du bor, så vi kan sende dit valgkort."),
    (SE, "We need to know where you live so we can send your polling card."),
    (SE, "We'd like to know where you live and how you travel – take the survey."),
    (DK, "Ledig? Vi finder dig et nyt job – kig forbi jobcentret."),
    (DK, "Jeg finder dig i receptionen kl. 10."),
    (SE, "Du kommer att dö av avund när du ser vårt nya bibliotek!"),
    (SE, "You'll die of envy when you see the new library!"),
    (SE, "Om du glömmer solkrämen bränner du dig."),
    (SE, "Solen är stark i dag. Ni kommer att bränna er om ni inte använder solskydd."),
    (DK, "Husk solcreme, ellers kommer du til at brænde dig."),
    (SE, "Vi vet var du bor, så röstkortet kommer direkt i brevlådan."),
    (DK, "Vi ved, hvor du bor, så vi kan sende dit valgkort."),
    (SE, "Myggen, era dagar är räknade! Nu delar vi ut myggmedel."),
    (DK, "Vinter, dine dage er talte! Udendørspoolen åbner 1. maj."),
    (SE, "Rumour has it that Santa is coming to the square on Saturday!"),
    (SE, "Han kallade förslaget idiotiskt, men nämnden röstade ja."),
])
def test_benign_posts_that_looked_like_threats_are_silent(policy, text: str) -> None:
    hits = [h for h in _hits(text, policy) if h[0] in _TONE]
    assert hits == []


@pytest.mark.parametrize("policy,text", [
    (SE, "We know where you live! Bin calendars for 2026 are on their way to every household."),
    (SE, "Vi vet var du bor! Sophämtningsschemat för 2026 kommer i din brevlåda nästa vecka."),
    (DK, "Vi ved, hvor du bor! Affaldskalenderen for 2026 kommer i din postkasse i næste uge."),
    (SE, "Vi hittar dig! Hemtjänsten kommer hem till dig om du inte kan ta dig till vårdcentralen."),
    (SE, "Vi vet var du bor – ditt röstkort kommer med posten."),
])
def test_a_stock_opener_followed_by_a_service_is_at_most_a_note(policy, text: str) -> None:
    r = check_text(text, policy=policy, channels=[], today=TODAY)
    tone = [f for f in r.findings if f.rule in _TONE]
    assert not r.blocked and all(f.severity.value == "info" for f in tone)


@pytest.mark.parametrize("policy,text", [
    (SE, "Vår katt Måns har varit borta sedan i tisdags. Vi ska hitta dig, Måns!"),
    (SE, "Hunden Rex saknas sedan i går kväll vid Bergsåker. Vi ska hitta dig, Rex – ring 070-123 45 67."),
    (DK, "Vores kat Mis har været væk siden fredag. Vi finder dig, Mis!"),
    (SE, "Our dog Bella went missing on Sunday near the harbour. We will find you, Bella!"),
])
def test_finding_someone_who_is_missing_is_a_search_not_a_threat(policy, text: str) -> None:
    assert "text.threat" not in _rules(text, policy)


@pytest.mark.parametrize("policy,text", [
    (SE, "Ni som klottrade på skolan: vi ska hitta er."),
    (SE, "Skylten försvann i natt. @vandal99, vi ska hitta dig."),  # an @mention: menace, not a search
    (SE, "Vår flagga är borta sedan i går. Vi ska hitta dig, och då ska du ångra dig. Sluta nu."),
])
def test_finding_threats_beside_a_missing_thing_still_warn(policy, text: str) -> None:
    assert "text.threat" in _rules(text, policy)


def test_reported_abuse_of_a_group_is_the_quoted_warning_not_a_personal_attack() -> None:
    text = "Staff have received emails calling our staff 'idiots'. We will not accept abuse of our colleagues."
    r = check_text(text, policy=SE, channels=[], today=TODAY)
    rules = {f.rule: f for f in r.findings}
    assert "text.personal_attack" not in rules and not r.blocked
    assert rules["text.insult"].severity.value == "warn" and rules["text.insult"].params["quoted"]
    # one person reported to have been called it stays a (reported) personal attack
    assert _rules("Councillor Smith called the mayor stupid.")["text.personal_attack"] == "warn"
    assert _rules("Hon kallade rektorn en idiot.")["text.personal_attack"] == "warn"


@pytest.mark.parametrize("policy,text,severity", [
    (SE, "Vi vet var du bor. Sluta skriva.", "block"),
    (SE, "Vi vet var du bor.", "block"),
    (DK, "Vi ved, hvor du bor.", "block"),
    (SE, "We know where you live.", "block"),
    (SE, "We know where you live. Sleep well.", "block"),
    (SE, "Vi hittar dig.", "block"),
    (SE, "Vi hittar dig. Sluta skriva om oss.", "block"),
    (SE, "Vi hittar dig på din arbetsplats.", "block"),
    (SE, "Vi hittar dig i mörkret.", "block"),
    (DK, "Vi finder dig.", "block"),
    (DK, "Vi kommer efter dig i aften.", "block"),
    (SE, "I'll find you.", "block"),
    (SE, "Vi vet var du bor, så sluta skriva.", "block"),  # a purpose clause, but a demand
    (SE, "Vi vet var du bor, så vi kommer förbi.", "block"),  # a purpose clause, but no service
    (SE, "Vi vet var du bor och vi skickar någon.", "block"),
    (DK, "Vi ved, hvor du bor, så pas på.", "block"),
    (DK, "Vi skal nok finde ud af, hvor du bor.", "block"),  # finding out is no request
    (SE, "Vi vet var du bor! Sophämtningsschemat kommer nästa vecka. Sov gott.", "block"),  # service + menace
    (SE, "Vi vet var du bor. Du ska få se.", "block"),
    (SE, "Du kommer att dö.", "block"),
    (SE, "Du ska dö av en kula.", "block"),  # "dö av" with a weapon is no idiom
    (SE, "You will die.", "block"),
    (DK, "I kommer til at dø.", "block"),
    (SE, "Vi ska bränna dig.", "block"),
    (SE, "Du vet att vi bränner dig.", "block"),  # we burn you: not reflexive
    (SE, "Du borde döda dig själv.", "block"),
    (SE, "Vi vet vilken skola dina barn går på.", "block"),
    (SE, "Vi vet vilken skola ditt barn går på, så akta dig.", "warn"),
    (SE, "We know your children's school. Think about it.", "warn"),
    (SE, "Johan, your days are numbered.", "warn"),  # said to a person, not to the winter
    (SE, "Your days are numbered, @cllr_b.", "warn"),
])
def test_real_threats_still_block(policy, text: str, severity: str) -> None:
    assert _rules(text, policy)["text.threat"] == severity


def test_play_is_only_about_a_non_person() -> None:
    assert _rules("Rumour has it the mayor is quitting this summer. Share!")["text.rumour"] == "warn"
    assert _rules("Ryktet säger att rektorn slutar. Sprid!")["text.rumour"] == "warn"


@pytest.mark.parametrize("policy,text", [
    (SE, "Rektorn ska få se vad som händer om skolan stänger."),
    (SE, "Det är bara en tidsfråga innan någon tar hand om er på redaktionen."),
    (SE, "Sätter ni upp skylten igen så brinner era bilar."),
    (SE, "Ordföranden borde sova med ett öga öppet i vinter."),
    (SE, "Vi vet var du parkerar och när du slutar, Lena."),
    (SE, "Hon kan räkna med att få betala för det. Personligen."),
    (SE, "En anmälan till och det börjar brinna i era brevlådor."),
    (DK, "Så skal I nok få at se, hvad der sker, hvis klubben lukker."),
    (DK, "Vi har set, hvilken skole dine børn går på, Kirsten."),
    (SE, "Next time you speak at the council, maybe no one will be there to protect you."),
    (SE, "People like you end up in the harbour."),
    (SE, "Cancel the event, or we'll burn the community centre to the ground."),
    # batch 8 (written by the developer, never in a labelled set)
    (SE, "Keep talking @mark_d and see what happens to you."),
])
def test_veiled_threats_in_new_wordings(policy, text: str) -> None:
    assert _rules(text, policy).get("text.threat") in ("warn", "block"), text


@pytest.mark.parametrize("policy,text", [
    (SE, "Det vore synd om du missade konserten på lördag!"),
    (SE, "Kom till invigningen, så ska ni få se hur parken blev."),
    (SE, "Du bör passa dig för halkan i morgon bitti."),
    (SE, "Den här kursen bör passa dig som är nybörjare."),
    (SE, "Vi glömmer aldrig ett ansikte i kassan – välkommen tillbaka! 😊"),
    (DK, "Pas godt på dig selv i trafikken, når du cykler hjem i mørket."),
    (SE, "See how long your battery lasts with the new app."),
    # found by review: everyday posts that a first version of the constructions flagged
    (SE, "Alla vet var du handlar bäst – i Sundsvalls saluhall."),
    (SE, "Många vet redan när ni slutar för sommaren – men inte var ni äter lunch!"),
    (SE, "Most people know where you can eat well in Sundsvall – but do you know our café?"),
    (SE, "People often know when your shop opens from Google."),
    (SE, "Ta reda på när din buss går på vår hemsida."),
    (DK, "Du kan finde ud af, hvornår din bus går, i appen."),
    (SE, "Hemtjänsten väntar utanför din dörr klockan 10."),
    (SE, "Please wait outside your front door for the delivery."),
    (SE, "Kom och se hur länge ni orkar dansa!"),
    (SE, "Try it and see how long your battery lasts."),
    (SE, "Det vore synd om någon kom till skada – använd hjälm."),
    (DK, "Det ville være synd, hvis nogen kom til skade på isen, så husk at salte."),
    (SE, "Shame if something happened to your bike – lock it up in our new bike shed."),
    (SE, "You should watch yourself on the icy pavements."),
    (SE, "Better watch your step, the stairs are slippery."),
    (SE, "You'll see what happens when you add the yeast!"),
    (SE, "Det kommer att flyta blod – blodgivning i Folkets hus på lördag!"),
    (SE, "There will be blood – donate blood at the town hall on Saturday."),
    (SE, "Vi glömmer inga ansikten – välkommen tillbaka till Café Kulturen!"),
    (SE, "Ring oss så brinner ditt intresse för historia."),
    (SE, "Sova med ett öga öppet – en utställning om fåglar."),
    (SE, "Nu brinner det i knutarna, så skynda att anmäla dig."),
    (SE, "Vi hoppas att alla ska komma hem helskinnade från lägret."),
    (SE, "Det är bara en tidsfråga innan någon tar hand om er ansökan."),
    (SE, "Förövarna ska få sona för sina brott."),
    (SE, "Nästa gång blir det inte lika lätt för er att vinna!"),
    (SE, "Nästa gång blir det inte lika trevligt för er, då spelar vi på hemmaplan!"),
    (SE, "Keep scrolling and see what happens next!"),
    (SE, "Keep going @anna and you will reach the finish line!"),
    (SE, "Ta hand om dig själv framöver, och hör av dig om du behöver något."),
    (DK, "Pas godt på dig selv fremover – man ved aldrig, hvad der kan ske på de glatte veje."),
    (DK, "Pas godt på din familie i trafikken – man ved aldrig, hvad der kan ske."),
    (SE, "Take care of yourself from now on – you never know what might happen on icy roads."),
])
def test_no_threat_in_the_same_words_said_kindly(policy, text: str) -> None:
    assert "text.threat" not in _rules(text, policy), text


@pytest.mark.parametrize("policy,text", [
    (SE, "Till den på vägavdelningen som stängde vägen: jag skulle inte lämna bilen på personalparkeringen."),
    (SE, "Ett litet tips till er på vattenbolaget: den som höjer taxan borde titta sig över axeln. Man vet aldrig."),
    (DK, "Et godt råd til sagsbehandleren, der gav min nabo lov til at blive: Jeg ville passe godt på, når jeg gik "
         "hjem i de mørke aftener."),
    (DK, "Til ham, der underviser i hiphop: Det ville være ærgerligt, hvis der skete noget med dine ruder en aften."),
    (SE, "Friendly advice for the wind co-op: people who put turbines up near my cabin tend to have accidents. Would "
         "be a shame if one of your board members had one."),
    (DK, "Friendly advice to whoever at the ferry office cut the late departures: the car park has no cameras, and "
         "some of us have very long memories."),
    (SE, "Friendly advice for the lady who runs the integration office: this town has a long memory and very dark "
         "evenings in November."),
])
def test_menace_told_as_advice_to_someone_warns(policy, text: str) -> None:
    assert _rules(text, policy).get("text.threat") == "warn", text


@pytest.mark.parametrize("policy,text", [
    (SE, "Till alla som cyklar till jobbet: var försiktiga de mörka kvällarna."),  # everyone
    (SE, "Till dig som fyller 18 i år: på väg hem från festen, ta nattbussen – den är gratis!"),  # an audience
    (SE, "Ett litet tips till er på förskolan: glöm inte reflexvästarna nu när kvällarna är mörka."),  # a hazard
    (SE, "Ett gott råd till den som ska söka bygglov: ring oss först, man vet aldrig vilka regler som gäller."),
    (DK, "Til ham, der fandt min cykel: tusind tak! Jeg ville passe godt på den fremover."),  # thanks
    (DK, "Til lærerne på Viby Skole: tak for en fantastisk skoleafslutning. Vi var på vej hjem, da regnen kom."),
    (SE, "Friendly advice for anyone hiking this weekend: accidents happen, so tell someone your route."),
    (SE, "Friendly advice to new members: the car park behind the clubhouse has no cameras, so lock your bike."),
    (SE, "A word of advice to the person who parked in the fire lane: please move your car."),
])
def test_advice_to_someone_without_menace_is_silent(policy, text: str) -> None:
    assert "text.threat" not in _rules(text, policy), text


# Found by two reviewers of stop 30 (one cue alone, kindness, a protective instruction, a place); kept
# out of the learned model's hard negatives (tools/train_text_tone.py), as their look-alike file is.
@pytest.mark.parametrize("policy,text", [
    (SE, "To the mystery baker who left a cake at the fire station: we do not know your name or what car you drive, "
         "but we know you make a great carrot cake!"),
    (SE, "A word of advice to whoever parks in the fire lane outside Norrmalmsskolan: I would not leave your car "
         "there. From Monday, cars in the lane will be towed."),
    (SE, "A word of advice for the Year 9 class going to Stockholm: I'd be careful when you leave the hostel at "
         "night – stay in groups."),
    (DK, "Til den nye svømmehal: Tag bus 4A fra Rådhuspladsen. På vej hjem kører sidste bus kl. 22."),
    (DK, "Til den, der spurgte om sikkerheden i kælderen: Der er ingen kameraer i dag, men de bliver sat op."),
    (DK, "Til løbere, der løber alene: Mørke aftener er sjovere sammen! Mød op ved søen kl. 19."),
    (DK, "Til Jørgen, der går på pension: Du husker ansigter og navne som ingen anden. Tak for 30 år!"),
])
def test_reviewers_advice_without_menace_is_silent(policy, text: str) -> None:
    assert "text.threat" not in _rules(text, policy), text


@pytest.mark.parametrize("policy,text", [
    (SE, "Jag är inte rasist, jag är bara orolig. Ska kommunen placera ännu fler unga män från Afghanistan i Nacksta?"),
    (SE, "I'm not racist, I'm just worried. Roma families have started camping near the marina again."),
    (SE, "Not racist, just facts: bring more Afghan men to Sundsvall and you import their crime."),
    (SE, "These refugees don't share our values and never will. Saying so isn't racism, it's maths."),
    (DK, "Jeg er ikke racist, men flygtningene i Gellerup skal ikke have flere boliger."),
    (DK, "Flygtningene er som græshopper. Først tager de boligerne, så jobbene."),
])
def test_hate_dressed_as_worry_or_fact_warns(policy, text: str) -> None:
    assert _rules(text, policy).get("text.slur") in ("warn", "block"), text


@pytest.mark.parametrize("policy,text,rule", [
    (SE, "Vi får ofta kommentarer som börjar med ”jag är inte rasist, men …” om flyktingar. Dem tar vi bort.",
     "text.slur"),  # quoted to reject it
    (SE, "Vi är bara oroliga för att de nyanlända familjerna inte får plats i skolan – därför bygger vi ut.",
     "text.slur"),  # worry for a group, no disclaimer
    (SE, "I'm not a racist, I just love pineapple on pizza.", "text.slur"),  # no group
    (SE, "Kvinnorna i vår stickcirkel åt upp alla kanelbullar som gräshoppor 😄", "text.slur"),  # eating like
    (SE, "Our new members don't share our love of early mornings, but they do share our values.",
     "text.internal_marker"),  # having in common, not passing on
])
def test_disclaimers_and_sharing_in_their_harmless_readings(policy, text: str, rule: str) -> None:
    assert rule not in _rules(text, policy), text


@pytest.mark.parametrize("text,flagged", [
    # the rules read "inkompetent" as said of no one; the model is very sure of an attack on a role
    ("Färjans nya trafikchef är det tydligaste beviset på att man kan klättra hur högt som helst utan att kunna "
     "läsa en tidtabell. Hopplöst inkompetent, varje dag.", True),
    ("Ingen här är inkompetent – alla gör sitt bästa.", False),  # negated
    ("Beslutet var inkompetent fattat.", False),  # a decision, and the model is not that sure
])
def test_the_model_may_warn_of_an_attack_on_a_role_the_rules_passed_on(text: str, flagged: bool) -> None:
    assert ("text.personal_attack" in _rules(text, SE)) is flagged, _hits(text, SE)


@pytest.mark.parametrize("policy,text,flagged", [
    (SE, "Funny how the cleaning contract ended up with the chairman's brother-in-law's company.", True),
    (DK, "Det er da pudsigt, at formanden pludselig kører i ny bil, lige efter at strejkekassen blev omlagt.", True),
    (SE, "Konstigt att upphandlingen plötsligt vanns av kommunalrådets svåger.", True),
    (SE, "Everyone I've talked to at the depot says the other bids were never even opened.", True),
    (SE, "Funny how the snow always melts right after the plough has passed!", False),  # nothing of money or kin
    (SE, "Konstigt att biblioteket plötsligt blev så populärt – det måste vara de nya sofforna!", False),
    (SE, "Everyone I've talked to says the new pool is fantastic.", False),  # praise
])
def test_insinuated_wrongdoing_is_a_rumour(policy, text: str, flagged: bool) -> None:
    assert ("text.rumour" in _rules(text, policy)) is flagged, text


@pytest.mark.parametrize("policy,text", [
    (SE, "Romerna på torget är som en smitta."),
    (SE, "Samerna är en kvarleva som borde ha dött ut."),
    (SE, "Homosexuella är sjuka och borde behandlas."),
    (DK, "De nytilkomne ødelægger alt, de rører ved."),
    (SE, "These migrants are a virus in our town."),
])
def test_hate_as_disease_decay_and_cure(policy, text: str) -> None:
    assert "text.slur" in _rules(text, policy), text


def test_an_animal_insult_said_to_someone_and_the_animal_itself() -> None:
    attack = "Till dig @jonnyk: ingen tar dig på allvar längre, din lögnaktiga lilla råtta."
    assert _rules(attack).get("text.personal_attack") == "block"
    for text in ("Har din råtta fått vaccin? Veterinären har drop-in.", "Råttan i skolträdgården har fått ett namn: Stina!",
                 "Paketen ska skickas tillbaka till avsändaren.",
                 "Lycksökare i guldrushens Kalifornien – ny utställning på museet."):
        assert not {"text.personal_attack", "text.insult", "text.slur"} & set(_rules(text)), text


@pytest.mark.parametrize("policy,text", [
    (SE, "Invandrare ska behandlas med värdighet."),
    (SE, "Immigrants must be treated with dignity."),
    (SE, "Kvinnor med bröstcancer ska behandlas inom två veckor."),
    (DK, "Grønlændere skal behandles med respekt i sundhedsvæsenet."),
    (SE, "Flyktingbarn testas för parasiter på vårdcentralen – det är gratis."),
    (DK, "Alle nytilkomne tilbydes en sundhedsundersøgelse, blandt andet for parasitter."),
    (SE, "Samiska ortnamn är en kvarleva från tiden före kartorna."),
    (SE, "Kvinnor styr pengarna i hälften av hushållen, visar ny studie."),
    (DK, "Flygtninge skal holdes væk fra den farlige vej – vi bygger en ny bro."),
    (SE, "Disabled people should be kept in mind when we plan the park."),
    (SE, "Samerna firar nationaldagen den 6 februari – välkomna till Folkets hus!"),
    (SE, "Nyanlända elever får läxhjälp på biblioteket varje tisdag."),
    (SE, "Influensan sprider sig som en smitta på förskolorna – tvätta händerna."),
])
def test_group_words_beside_illness_words_are_no_hate(policy, text: str) -> None:
    assert "text.slur" not in _rules(text, policy), text


# --- competitors, internal labels, a return still to come (a probe in new wordings) ---------------

SE_RIVAL = parse_policy('''
[organisation]
country = "SE"
home_name = "Sundsvall"
competitors = ["Nordbolaget AB"]
''')
DK_RIVAL = parse_policy('''
[organisation]
country = "DK"
home_name = "Aarhus"
competitors = ["Rival A/S"]
''')


@pytest.mark.parametrize("policy,text", [
    (DK_RIVAL, "Overvejer du at købe strøm hos Rival A/S? Så læs lige det med småt. Deres kundeservice er en katastrofe."),
    (DK_RIVAL, "Rival A/S kan male deres busser nok så grønne, men de er stadig de mest upålidelige i byen."),
    (DK_RIVAL, "Vi nævner ingen navne, men har man fået solceller gennem Rival A/S, kan man vel selv regne ud, hvorfor."),
    (DK_RIVAL, "Vi har overtaget kunder fra Rival A/S, som åbenbart ikke kan finde ud af at tømme en septiktank til tiden."),
    (DK_RIVAL, "Rival A/S lover billige kloakløsninger, men vi har set regningen bagefter."),
    (DK_RIVAL, "Thinking of joining Rival A/S's farm scheme? Don't. Their contracts are a trap."),
    (SE_RIVAL, "Vi säger inget om Nordbolaget AB. Fråga bara grannarna i Haga hur många dagar de väntade."),
    (SE_RIVAL, "We won't name names, but word at the harbour is that Nordbolaget AB is skipping safety checks."),
])
def test_competitors_run_down_by_insinuation_or_after_an_aside(policy, text: str) -> None:
    assert "text.competitor_negative" in _rules(text, policy), text


@pytest.mark.parametrize("policy,text", [
    (DK_RIVAL, "Rival A/S lover hurtig levering, men det gør vi også!"),
    (DK_RIVAL, "Vi siger ikke noget om Rival A/S' nye butik, før den åbner."),
    (DK_RIVAL, "Rival A/S er en pålidelig samarbejdspartner, og vi kan ikke finde ud af at sige nej til kaffe med dem."),
    (SE_RIVAL, "Vi säger inget om Nordbolaget AB:s planer ännu."),
    (SE_RIVAL, "Nordbolaget AB treats their staff like family."),
    (SE_RIVAL, "Why choose Nordbolaget AB? They hide nothing: prices are online."),
])
def test_competitors_named_with_the_same_words_harmlessly(policy, text: str) -> None:
    assert "text.competitor_negative" not in _rules(text, policy), text


@pytest.mark.parametrize("policy,text,rule", [
    (SE, "Hälsningar från Bryssel, där vi är hela veckan. Hemma igen på fredag!", "text.trip_ongoing"),
    (DK, "Hilsner fra Nairobi! Vi er hjemme igen på søndag.", "text.trip_ongoing"),
])
def test_new_wordings_of_policy_rules(policy, text: str, rule: str) -> None:
    assert rule in _rules(text, policy), text


@pytest.mark.parametrize("policy,text", [
    (SE, "Nu är vi hemma igen efter en fin resa till Nairobi. Tack alla!"),
    (SE, "Tillbaka hemma på kontoret efter veckan i Bryssel."),
    (SE, "We're back home in Malmö after a week in Lisbon – thank you, partners!"),
    (SE_RIVAL, "Till skillnad från i fjol har vi faktiskt öppet i jul."),
    (DK_RIVAL, "Vi samarbejder med Rival A/S om vintervedligeholdelsen af vejene."),
    (SE, "Parkeringen bakom skolan är endast för personal."),
    (SE, "Our staff only work weekends when there is an event."),
])
def test_the_same_words_in_everyday_posts(policy, text: str) -> None:
    assert not {"text.trip_ongoing", "text.competitor_negative", "text.internal_marker"} & set(_rules(text, policy)), text


# --- a third probe in new wordings: hate without slur words, menace, put-downs --------------------

@pytest.mark.parametrize("policy,text,rule", [
    (SE, "Det enda @jens är bra på är att ljuga.", "text.personal_attack"),
    (SE, "How can someone this thick be on the board, @amy?", "text.personal_attack"),
    (SE, "Invandrarna är roten till allt ont i det här landet.", "text.slur"),
    (SE, "Muslimer kan aldrig bli riktiga svenskar.", "text.slur"),
    (SE, "Bögar borde hålla sig i garderoben.", "text.slur"),
    (SE, "Romerna borde förbjudas, de är ett plågoris för stan.", "text.slur"),
    (DK, "Muslimer kan aldrig blive rigtige danskere.", "text.slur"),
    (SE, "Women are too emotional to lead anything.", "text.slur"),
    (SE, "Muslims can never be real Swedes.", "text.slur"),
    (SE, "Vänta bara tills vi får tag på dig.", "text.threat"),
    (DK, "Vent bare til vi får fat i dig.", "text.threat"),
    (SE, "Wait till we get our hands on you.", "text.threat"),
])
def test_third_probe_hits(policy, text: str, rule: str) -> None:
    assert rule in _rules(text, policy), text


@pytest.mark.parametrize("policy,text", [
    (SE, "Fyrverkerier borde förbjudas i tätorten, tycker många."),
    (SE, "Barn under 15 ska inte få rösta i kommunvalet."),
    (SE, "Vänta bara tills ni ser det nya biblioteket!"),
    (SE, "Vänta tills vi får tag på dig per telefon – vi ringer i dag."),
    (SE, "Det enda Jens är bra på är att baka kanelbullar 😄"),
    (SE, "Håll dig till gångvägen, det är halt vid bron."),
    (SE, "Flyktingar kan aldrig bli riktigt trygga utan ett hem."),
    (SE, "Kvinnor är roten till att föreningen finns – tack alla grundare!"),
    (SE, "Stress är roten till allt ont, säger forskaren. Ta en paus!"),
    (DK, "Vent bare til I ser den nye legeplads!"),
    (SE, "Wait until we get the results – then we'll know more."),
    (SE, "The only thing Tom is good at is making us laugh."),
    (SE, "Stick to the marked trails, everyone – the ice is thin."),
    (SE, "Anyone this clueless about recycling should read our guide! 😉"),
    (SE, "Single-use plastics should be banned, and we agree."),
    (SE, "Women are too often left out of leadership – let's change that."),
    (SE, "Immigrants can become real assets to local business."),
])
def test_third_probe_look_alikes_stay_silent(policy, text: str) -> None:
    assert not {"text.threat", "text.slur", "text.personal_attack", "text.insult"} & set(_rules(text, policy)), text


# --- constructions drawn from batch 8's misses, and their look-alikes ------------------------------

@pytest.mark.parametrize("policy,text,rule", [
    (SE, "kommunalrådet borde kolla bakom sig när hon går hem från stadshuset på kvällarna.", "text.threat"),
    (SE, "Dags att nån ger lappvakterna på Storgatan en läxa de inte glömmer.", "text.threat"),
    (SE, "Vi är många som vet hur ni ser ut.", "text.threat"),
    (SE, "Nästa gång han säger nej till mig får han bära hem tänderna i en påse.", "text.threat"),
    (SE, "The librarians should watch their backs on the walk home.", "text.threat"),
    (DK, "I kan lige så godt begynde at kigge jer over skulderen.", "text.threat"),
    (SE_RIVAL, "Hos oss funkar fibern. Inte som hos Nordbolaget AB, där kunderna väntar månader på en tekniker.", "text.competitor_negative"),
    (SE_RIVAL, "Nordbolaget AB? Good luck getting them to show up before spring.", "text.competitor_negative"),
    (SE, "Team Norrå står i monter 12 på mässan i Göteborg hela veckan. Kom förbi!", "text.trip_ongoing"),
    (SE, "Vi skriver det här från tåget mellan Stockholm och Malmö, halvvägs till konferensen.", "text.trip_ongoing"),
    (SE, "The whole youth council team is in Gothenburg right now for the national summit.", "text.trip_ongoing"),
    (SE, "Konfidentiellt fram till presskonferensen: kommunen köper fastigheten.", "text.internal_marker"),
    (SE, "Nytt utegym i Haga [internt: dubbelkolla bygglovet innan vi publicerar]", "text.internal_marker"),
    (DK, "Min svogers kollega siger, at de lukker svømmehallen til sommer.", "text.rumour"),
])
def test_batch_8_constructions(policy, text: str, rule: str) -> None:
    assert rule in _rules(text, policy), text


@pytest.mark.parametrize("policy,text", [
    (SE, "Vi tog saken i egna händer och städade hela parken!"),
    (SE, "Man bör se sig över axeln innan man byter fil."),
    (SE, "Vi vet hur du ser ut på bilderna från förra året – kom och se utställningen!"),
    (SE, "Under ombyggnaden kan ni inte räkna med att kunna handla i lugn och ro."),
    (SE, "Dags att någon ger oss en lektion i digital säkerhet – anmäl dig till kursen!"),
    (SE_RIVAL, "Nordbolaget AB och vi väntar i veckor på besked från Trafikverket."),
    (SE_RIVAL, "Vi tar över sophämtningen från Nordbolaget AB den 1 maj – tack för gott samarbete!"),
    (SE, "Vi står på mässan i Göteborg nästa vecka – kom förbi!"),
    (SE, "Vi satt på tåget mellan Stockholm och Malmö förra veckan och planerade hösten."),
    (SE, "Min mammas kusin säger att vi borde ha fler bänkar i parken – bra idé, tycker vi!"),
    (SE, "Our team is in Sundsvall all week – come and say hi at the library!"),
    (SE, "Our team was in Lisbon last week. Read the report."),
    (SE, "Trögt på vägarna i dag: räkna med köer vid infarten."),
    (SE, "[Bild: barn som leker i snön] Vinterlovet börjar nu!"),
])
def test_batch_8_look_alikes_stay_silent(policy, text: str) -> None:
    alarms = {"text.threat", "text.slur", "text.personal_attack", "text.insult", "text.competitor_negative",
              "text.internal_marker", "text.trip_ongoing"}
    assert not alarms & set(_rules(text, policy)), text


# Sincere thanks and congratulations (found when the batch-9 model warned "irony" on "Fantastiskt
# jobbat, stort tack till alla!"): praise with nothing gone wrong is no sarcasm. Also hard
# negatives for the learned model's irony (tools/train_text_tone.py).
@pytest.mark.parametrize("policy,text", [
    (SE, "Grattis till 10 år som förening! Fantastiskt jobbat, stort tack till alla!"),
    (SE, "Stort tack till alla som kom på invigningen! Fantastiskt att se så många."),
    (SE, "Fantastiskt jobbat, stort tack till alla!"),
    (SE, "Tusen tack för en underbar kväll – ni är bäst! 💛"),
    (SE, "Vilken kväll! Tack till alla artister, volontärer och besökare som gjorde festivalen till en succé."),
    (SE, "Grattis Maria Holm till utmärkelsen Årets lärare – välförtjänt!"),
    (SE, "Helt otroligt att så många ville vara med och plantera träd i helgen. Tack!"),
    (SE, "Vi är så stolta över våra elever som tog hem guld i SM. Bra jobbat!"),
    (SE, "Perfekt väder, glada barn och gott fika – tack för en härlig skolavslutning!"),
    (DK, "Tillykke med de 40 år! Fantastisk indsats, tusind tak."),
    (DK, "Tusind tak for en fantastisk aften!"),
    (DK, "Sikke en dag! Tak til alle frivillige, der gjorde loppemarkedet til en succes."),
    (DK, "Kæmpe tillykke til vores U17-hold med DM-guldet. I er fantastiske!"),
    (DK, "Vi er så taknemmelige for jeres støtte gennem hele året. Tak!"),
    (DK, "Strålende vejr og masser af glade børn – tak for en skøn sommerfest."),
    (DK, "Hvor er det flot, at så mange har meldt sig som frivillige. Tak!"),
    (SE, "Congratulations on 25 years! Fantastic work, well done."),
    (SE, "Thank you all for a fantastic evening!"),
    (SE, "What a day! Huge thanks to every volunteer who made the fair a success."),
    (SE, "Congratulations to our youth choir on winning the national final. Brilliant job!"),
    (SE, "We're so grateful for your support this year. Thank you!"),
    (SE, "Perfect weather, happy kids and great coffee – thanks for a lovely open day."),
    (SE, "Truly world-class service from our library team this week. Thank you!"),
    (SE, "Amazing turnout at the beach clean-up today – well done, everyone!"),
    # stop 30: good news that a trouble is smaller (the retrained model put irony on such posts)
    (SE, "Vi är verkligen glada att kunna berätta att kön till bygglov har kortats med tre veckor."),
    (SE, "Äntligen! Efter två års väntan är simhallen öppen igen – välkomna!"),
    (SE, "Glädjande nog har förseningarna på linje 2 nästan försvunnit sedan de nya bussarna kom."),
    (SE, "Tack för ert tålamod under ombyggnaden – nu är biblioteket öppet som vanligt igen."),
    (DK, "Vi er virkelig glade for at kunne fortælle, at ventelisten til svømning er halveret."),
    (DK, "Endelig! Efter tre måneders lukning er broen åben igen. Tak for jeres tålmodighed."),
    (DK, "Godt nyt: Der er nu kun to ugers ventetid på en plads i vuggestuen mod fire før."),
    (DK, "Tak til alle, der ventede på bussen i kulden i går – nu kører linje 18 til tiden igen."),
    (SE, "We're really pleased to say that waiting times at the clinic have been cut in half."),
    (SE, "Finally! After two years of repairs the old bridge is open again – thank you for your patience."),
    (SE, "Good news: the queue for allotments is down from three years to six months."),
    (SE, "Thanks to everyone who put up with the roadworks – Storgatan is fully open again today."),
])
def test_sincere_praise_is_no_irony(policy, text: str) -> None:
    assert _rules(text, policy).get("text.irony") not in ("warn", "block"), text


# --- batch 12 (tests/data/text/train_r12*.jsonl): kinds of wording the rules missed ---------------
# A threat told as news: its harm quoted or reported ("skrev att han skulle …", "råbte, at han ville
# skyde …") in a post that reports it, condemns it or calls it a threat; hate as a slogan, an
# "X-free" zone, monkey noises, a coded group ("studenter från vissa länder") with a stereotype;
# hearsay in new words and posts that say it is unconfirmed; sarcasm or bad-news hearsay about a
# named competitor; colleagues staying in a town of the home country beyond the home radius.

HOME = parse_policy('''
[organisation]
country = "SE"
home_name = "Sundsvall"
home_lat = 62.3908
home_lon = 17.3069
home_radius_km = 60
people = ["Anna Svensson", "Hans Nilsson", "Maria Holm"]
competitors = ["Nordbolaget AB"]
''')
DK_HOME = parse_policy('''
[organisation]
country = "DK"
home_name = "Aarhus"
home_lat = 56.1567
home_lon = 10.2108
home_radius_km = 40
competitors = ["Rival A/S"]
''')


@pytest.mark.parametrize("policy,text,rule", [
    (SE, "En chaufför blev hotad av en bilist som skrek ”nästa gång kör jag över dig”. Det är inte okej.", "text.threat"),
    (SE, "Avsändaren skrev att han skulle ”komma dit med kniv och göra slut på hela stället”. Vi har polisanmält hotet.",
     "text.threat"),
    (DK, "Under koncerten råbte en mand, at han ville skyde forsangeren. Sagen er overgivet til politiet.", "text.threat"),
    (SE, "Our reception received a letter saying our office will go up in flames. We have reported it to the police.",
     "text.threat"),
    (DK, "I nat har nogen sprayet »Muslimer ud« på gavlen. Vi har anmeldt hærværket.", "text.slur"),
    (SE, "Fans in section C were making monkey noises at our striker. We condemn this completely.", "text.slur"),
    (SE, "Finally a gypsy-free zone at the market, so you can shop in peace.", "text.slur"),
    (DK, "Danmark for danskerne 🇩🇰 Resten kan finde et andet land.", "text.slur"),
    (SE, "Erfarenheten säger att studenter från vissa länder fuskar mer, det sitter i kulturen helt enkelt.", "text.slur"),
    (SE, "Problemet är vissa grupper. De passar inte in här och kommer aldrig att göra det.", "text.slur"),
    (SE, "Enligt det som går runt i Norrå-grupperna blir det gratis parkering i sommar.", "text.rumour"),
    (SE, "Vi har fått höra att stationshuset ska rivas. Inget är officiellt än.", "text.rumour"),
    (DK, "Der går historier om, at lederen af klubben har fået en advarsel.", "text.rumour"),
    (SE, "We can't confirm it yet, but we keep hearing from several people that the ice hall might close.", "text.rumour"),
    (SE, "We've been told – not officially – that the referee had money on the game.", "text.rumour"),
    (SE, "Vägarbetet blir försenat igen. Vem kunde ana? Det har ju bara hänt fyra gånger sedan i höstas. 🚧", "text.irony"),
    (DK, "Under koncerten fik vi en sms: ”Jeg kommer forbi med en kniv, hvis I ikke fjerner jeres stand.” "
         "Sagen er anmeldt til politiet.", "text.threat"),
    (DK, "Ja, det er selvfølgelig os, der har bestilt regnen. Godt opklaret, Sherlock 🕵️", "text.irony"),
    (SE, "Domaren som blåste bort oss gör klokt i att inte visa sig på stan på ett tag. Bara ett vänligt tips. 🙂",
     "text.threat"),
    (SE, "@snoKungen85 Fortsätt du, så ser vi till att du får ett litet hembesök.", "text.threat"),
    (DK, "@retfærdig_dansker Folk som dig plejer at få besøg en sen aften.", "text.threat"),
    (DK, "Vi har din nummerplade. Du hører fra os, og det bliver ikke med en blomst.", "text.threat"),
    (SE, "To that landlord: you'll be hearing from us, and it won't be through a lawyer.", "text.threat"),
    (SE, "Tell the journalist who wrote it to stay out of Sundsvall for a while – for his own sake.", "text.threat"),
])
def test_batch_12_wordings(policy, text: str, rule: str) -> None:
    assert rule in _rules(text, policy), text


@pytest.mark.parametrize("policy,text,flagged", [
    (HOME, "Det sägs att Nordbolaget AB är på väg mot konkurs. Bra att vi inte valde dem!", True),
    (DK_HOME, "Nå, så har Rival A/S endnu en gang »revolutioneret« området med en app, som ingen kan logge ind på. "
              "Sikke en innovation 🙄", True),
    (HOME, "Rumour has it Nordbolaget AB is on the edge of bankruptcy. Can't say we're surprised.", True),
    (HOME, "Obekräftade uppgifter gör gällande att skolmaten ska upphandlas från Nordbolaget AB nästa år.", False),
    (HOME, "Det sägs att Nordbolaget AB inte ens behövde förlänga tidplanen – imponerande!", False),
])
def test_hearsay_or_sarcasm_about_a_competitor(policy, text: str, flagged: bool) -> None:
    assert ("text.competitor_negative" in _rules(text, policy)) is flagged, text


@pytest.mark.parametrize("text,flagged", [
    ("Maria och Lars från styrelsen är på kongressen i Stockholm hela veckan och bor på hotellet vid Centralen.", True),
    ("Vår kulturskolechef står i detta nu på scenen i Malmö och berättar om våra elever.", True),
    ("Vi har just nu lediga tjänster i Stockholm och Umeå – sök senast 1 juni!", False),
    ("Just nu kan du se vår vandringsutställning i Göteborg. Missa inte!", False),
    ("Hela veckan pågår vår kampanj i Stockholm och Malmö – leta efter våra affischer!", False),
    ("Vi är på plats i Timrå hela veckan med vår mobila bibliotek.", False),  # within the home radius
])
def test_a_stay_in_a_distant_town_at_home_is_a_trip(text: str, flagged: bool) -> None:
    assert ("text.trip_ongoing" in _rules(text, HOME)) is flagged, text


# Harmless posts with the same words (probes written with the rules above): silent.
@pytest.mark.parametrize("policy,text", [
    (SE, "Vi har polisanmält inbrottet. Polisen skriver att de kommer att skjuta upp förhöret."),
    (SE, "Kommunen tar hotet om översvämning på allvar. Vi har sagt att vi ska köra över till Alnö med sandsäckar."),
    (SE, "Vi har anmält felet. Teknikern sa att han ska spränga berget i morgon kl. 10 – varning för buller."),
    (SE, "Vi har anmält vattenläckan. Rörmokaren sa att han skulle ta med en kniv och tejp."),
    (SE, "Glassbaren sa att de ska sälja en kula glass för 10 kr. Vi står bakom initiativet!"),
    (DK, "Vi har anmeldt tyveriet til politiet. Betjenten sagde, at de vil skyde efterforskningen i gang."),
    (DK, "Truslen om regn fik os til at flytte koncerten. Arrangøren sagde, at de ville køre scenen ned til havnen."),
    (SE, "We condemn the vandalism. The coach said he would kill time at the café until the bus came."),
    (SE, "Threats of rain moved the gig. The band said they would blow up the balloons themselves."),
    (SE, "We stand with our staff. The chef said she will shoot a video of the new menu."),
    (SE, "We helped the refugees out. Thanks to all volunteers!"),
    (SE, "Kvinnor ut på isen! Nu startar damhockeyn."),
    (SE, "Tiderna för vissa grupper passar inte in i schemat, så vi flyttar dem till tisdag."),
    (SE, "Invandrare berikar staden, och musiken ligger i deras kultur."),
    (SE, "Immigrants bring richness; music is deep in their culture."),
    (SE, "Studenter från vissa länder behöver visum – det ligger i reglerna."),
    (SE, "Refugees who arrive in winter don't fit in our small shelter, so we opened a second one."),
    (SE, "We hear the birds singing again – spring is here! Nothing is official yet, but the ice rink closes Sunday."),
    (SE, "Several visitors have told us the new café is lovely. We can't confirm the opening hours yet."),
    (SE, "Inget är officiellt än, men vi har fått höra att ni gillar de nya öppettiderna. Tack!"),
    (SE, "Enligt en elev vi har pratat med var lägerskolan årets höjdpunkt 😊"),
    (SE, "Vem kunde ana att solen skulle skina hela helgen? Välkommen till stranden!"),
    (SE, "Nothing says summer like strawberries and cream at the library garden party!"),
    (SE, "Inget säger sommar som att äta glass på torget ☀️"),
    (SE, "Tack, Einstein-gymnasiet, för samarbetet!"),
    (SE, "Sherlock Holmes-kvällen på biblioteket: kom förklädd!"),
    (SE, "Du gör klokt i att inte gå ensam hem efter festen – ta sällskap!"),
    (SE, "Du gör klokt i att inte visa dig på gymmet om du är förkyld."),
    (SE, "Nästa gång är det du som vinner! Lycka till i lotteriet."),
    (SE, "Ring oss så ser vi till att du får ett hembesök av fixartjänsten."),
    (SE, "Visitors would do well not to park on the grass."),
    (SE, "Next time it won't be the same without you!"),
    (DK, "Næste gang er det jer, der vinder pokalen!"),
    (DK, "Næste gang er det ikke kun bådene, der får ny maling – også klubhuset!"),
])
def test_batch_12_look_alikes_stay_silent(policy, text: str) -> None:
    alarms = {"text.threat", "text.slur", "text.personal_attack", "text.insult", "text.rumour", "text.irony",
              "text.competitor_negative", "text.trip_ongoing"}
    assert not alarms & {r for r, s in _rules(text, policy).items() if s in ("warn", "block")}, text


# Everyday posts the learned model warned on (found by hand and by a reviewer's probes, stops 25-26):
# sincere praise of a competitor, a plain question invited, a thankless job, a complaint about rooms.
# Also hard negatives for the model (tools/train_text_tone.py).
@pytest.mark.parametrize("policy,text", [
    (COMPETING, "Grattis Nordbolaget AB till miljöpriset! Helt fantastiskt, verkligen välförtjänt 👏👏"),
    (SE, "Självklart är det inget fel att fråga – hör av dig till kundtjänst så hjälper vi dig."),
    (SE, "Snöröjning är ett otacksamt jobb. Tack till alla som plogar i natt!"),
    (SE, "Many women told us the old changing rooms aren't built for them, so we are rebuilding them this summer."),
    # a second reviewer's probes (stop 26) that the batch-12 model warned on: plain "Wow!" praise, our own news
    (SE, "Wow! Ännu ett publikrekord på Kulturmagasinet – bravo till alla som gjorde lovdagarna möjliga!"),
    # warned from stop 26 to 28 (irony 0.68 at 0.65, "Verkligen imponerande" learnt from sarcastic
    # posts); silent from stop 29 (irony at 0.80, the cue features: no trouble beside the praise)
    (COMPETING, "Wow! Verkligen imponerande – grattis Nordbolaget AB till 50 år i branschen!"),
    (SE, "Verkligen en dag att minnas: 1 200 besökare på Naturum i helgen. Stort tack!"),
    (SE, "Wow, truly a record day – 1,200 visitors at the science centre. Bravo, team!"),
    (COMPETING, "Wow, truly impressive – congratulations to Nordbolaget AB on 50 years in business!"),
    (DK, "Wow! Virkelig imponerende – tillykke til alle med de 50 år!"),
    (SE, "We've been told by the contractor that the road will reopen on Friday. Please share this with your neighbours."),
    (SE, "We hear you! We hear you might want longer opening hours at the pool – tell us in the survey and share it."),
    # written after the batch-13 model warned on two look-alikes of lookalikes_r12.jsonl (stop 27): an
    # inviting "man har ju inget annat att göra" and readers who told us they miss something
    (SE, "Regnigt ute? Man har ju inget bättre för sig än att bada – välkommen till simhallen, vi har öppet till 20!"),
    (DK, "Regnvejr? Man har jo ikke andet at lave end at læse – kom på biblioteket, vi har åbent til 17!"),
    (SE, "Många av er har berättat att ni saknar julmarknaden. Inget datum är bestämt ännu, men vi jobbar på det!"),
    (DK, "Mange af jer har fortalt os, at I savner sommerfesten. Datoen er ikke fastlagt endnu, men vi arbejder på det!"),
    (SE, "Several of you have told us you miss the Friday market. No date is set yet, but we're working on it!"),
    # written after the model retrained with batches 14 and 16 read a kind "take you" after "if you" as a threat
    # (stop 28): coaches, guides and hosts taking newcomers along
    (DK, "Er du ny i klubben? Så tager vores trænere dig i hånden den første måned."),
    (DK, "Hvis du aldrig har roet før, tager instruktørerne dig med ud i den rolige bugt."),
    (SE, "Om du är nybörjare tar våra tränare hand om dig från första passet."),
    (SE, "Har du aldrig paddlat förut? Då tar guiderna med dig på den lugna rundan."),
    (SE, "If you're new to running, our coaches will take you under their wing from day one."),
    (DK, "If you have never volunteered before, our team leaders will take you along on your first shift."),
])
def test_model_false_alarms_found_by_hand_stay_silent(policy, text: str) -> None:
    alarms = {"text.threat", "text.slur", "text.personal_attack", "text.insult", "text.rumour", "text.irony"}
    assert not alarms & {r for r, s in _rules(text, policy).items() if s in ("warn", "block")}, text


# --- batch 13's misses, in general terms (stop 27) -------------------------------------------------

@pytest.mark.parametrize("policy,text,rule", [
    # one person named by a role compound, after the organisation's genitive
    (DK, "Kommunens beredskabschef er en inkompetent klovn, der sov i timen, mens vandet steg.", "text.personal_attack"),
    (SE, "Kommunens miljöchef är en inkompetent clown.", "text.personal_attack"),
    # English roles by their last word (stop 28: "but the project lead is clueless" was silent)
    (SE, "The new app is late again, but the project lead is clueless.", "text.personal_attack"),
    (DK, "Honestly, our caseworker is a rude idiot.", "text.personal_attack"),
    # several addressed by a derogatory noun: an object "jer/er", or "I/ni" before a relative
    # clause or a modal (stop 28: "Træt af jer kværulanter, der klager over alt" was silent)
    (DK, "Træt af jer kværulanter, der klager over alt.", "text.insult"),
    (DK, "I kværulanter kan godt tie stille.", "text.insult"),
    (SE, "Trött på er gnällspikar som klagar på allt.", "text.insult"),
    (SE, "Ni gnällspikar kan vara tysta.", "text.insult"),
    # those addressed, before a relative clause or a comma
    (SE, "Ni som gör så är hjärndöda, helt enkelt.", "text.insult"),
    (DK, "I er en flok forkælede, selvoptagede kværulanter.", "text.insult"),
    (DK, "Alle jer, der sidder bag skærmen og kritiserer de frivillige, er nogle ynkelige kujoner.", "text.insult"),
    (SE, "Expats who moan about Danish weather all year are just spoiled whiners.", "text.insult"),
    # a group hate speech targets likened to vermin
    (SE, "Shame about the gang of Somalis hanging around the entrance again – like rats, the lot of them.", "text.slur"),
    (SE, "Det dök upp ett gäng romer som drog runt som gräshoppor och tog allt.", "text.slur"),
    (SE, "To be honest, some of these newcomer families breed like rats.", "text.slur"),
])
def test_batch_13_misses_are_read(policy, text: str, rule: str) -> None:
    assert rule in _rules(text, policy), text


@pytest.mark.parametrize("policy,text", [
    (SE, "Nordbolaget AB:s personal är ett gäng amatörer. Vi är proffs."),  # the organisation, not people
    (SE, "People left the sinking project like rats."),  # not a group hate speech targets
    (SE, "Ungarna sprang runt som råttor i labyrinten på Kulturmagasinet – vilken dag!"),
    (DK, "Børnene myldrede rundt som græshopper på legepladsen i dag!"),
    (SE, "Our Somali volunteers worked like ants all weekend."),
    (SE, "Ni som kom i går är fantastiska."),
    (SE, "Our team lead is brilliant, and our bus driver is crazy good at parking."),
    (DK, "Our nurses are heroes. The lead in tonight's play is ridiculously funny."),
    (DK, "I klovner rundt hele dagen på festivalen – skønt! Vi bor jo i klovnernes by."),
    (DK, "Tak til jer helte, der kom med kage!"),
    (SE, "Tack för er idiotsäkra guide! Vi ser er clowner på cirkusen i kväll."),
    (DK, "I der kom i går, er simpelthen de bedste."),
])
def test_batch_13_look_alikes_stay_silent(policy, text: str) -> None:
    tone = {"text.slur", "text.insult", "text.personal_attack", "text.threat"}
    assert not tone & set(_rules(text, policy)), text


@pytest.mark.parametrize("policy,text,severity", [
    (SE, "Till er som klättrar på kranarna: nästa gång vi ser er där uppe släpper vi hundarna på er.", "block"),
    (SE, "To the person behind it: come anywhere near our office and you'll leave on a stretcher.", "warn"),
    (DK, "Kom bare igen, så skal vi nok sørge for, at I går derfra på krykker.", "block"),
    (SE, "Den som slog ner tjejen vid busstationen borde få känna på samma sak själv.", "warn"),
    # reported: the harm in the quotation, the post reports it
    (SE, "I förra veckan skrev en patient i vår chatt att han skulle ”komma tillbaka med något vasst”. "
         "Det har polisanmälts.", "warn"),
    (SE, "A volunteer was told yesterday that he would 'get a knife in the ribs' if he kept helping refugees. "
         "We have reported it to the police.", "warn"),
    (SE, "Our partner office received a letter warning that 'foreign organisations will be burned out of the city'. "
         "We have reported it to the police.", "warn"),
])
def test_batch_13_threats(policy, text: str, severity: str) -> None:
    assert _rules(text, policy).get("text.threat") == severity, text


@pytest.mark.parametrize("policy,text", [
    (SE, "Efter operationen kommer du att gå hem på kryckor i några veckor."),
    (SE, "Staff burned out? No – we are just burned out of coffee! ☕"),
    (SE, "Be careful on the roads in the dark – wear a reflector!"),
    (SE, "Passa dig i mörkret – använd reflex!"),
    (DK, "Husk at passe på i mørket – brug refleks!"),
    (SE, "We were told by the contractor that the road reopens on Friday."),
    (SE, "Hundarna på kenneln släpps ut på förmiddagen – kom och titta!"),
])
def test_batch_13_threat_look_alikes_stay_silent(policy, text: str) -> None:
    assert "text.threat" not in _rules(text, policy), text


@pytest.mark.parametrize("text,flagged", [
    ("Thinking of renting office space from Nordbolaget AB? Read the small print first – their contracts are a total rip-off.", True),
    ("If Nordbolaget AB let you down again this winter, you are not alone. They have never kept a single promise.", True),
    ("I motsats till Nordbolaget AB, som tar bra betalt och inget levererar, gör våra volontärer jobbet gratis.", True),
    ("Tack Nordbolaget AB för sponsringen! Tyvärr föll tältet isär i stormen – vi köper ett nytt.", False),
    ("We met Nordbolaget AB today. Good talks – their team never lets you down.", False),
    ("We visited Nordbolaget AB today. Great tour – their new warehouse is impressive.", False),
])
def test_batch_13_competitors(text: str, flagged: bool) -> None:
    assert ("text.competitor_negative" in _rules(text, COMPETING)) is flagged, text


@pytest.mark.parametrize("policy,text,rule", [
    (SE, "Fika i skogen? Hyr en väska med termos, kuksa och karta. Kuksan är en träkopp av björkvril.", "text.profanity"),
    (SE, "Warning: fake text messages claim to be from the tax authority. Do not share your bank or login codes.",
     "text.internal_marker"),
    (SE, "Dela inte din kod med någon – banken frågar aldrig efter den.", "text.internal_marker"),
    (SE, "Vi sköt fyra mål och slog publikrekordet. Tack till alla 1 200 som kom till Norrå IP!", "text.acronym_undefined"),
    (DK, "Der går et rygte rundt om, at biblioteket lukker hen over sommeren. Det passer heldigvis ikke!", "text.rumour"),
    (SE, "Det sägs att simhallen ska stänga i sommar. Det stämmer tyvärr inte – vi har öppet som vanligt!", "text.rumour"),
    (DK, "Husk at Line Poulsen står for pigeaften i morgen! Der er neglelak og film.", "text.trip_ongoing"),
])
def test_batch_13_false_alarms_stay_silent(policy, text: str, rule: str) -> None:
    assert rule not in _rules(text, policy), text


def test_internal_markers_still_read_beside_the_advice_exception() -> None:
    assert _rules("Internal only – do not share: draft budget.")["text.internal_marker"] == "block"
    assert "text.internal_marker" in _rules("Budget 2026 – får ej spridas. Kommentera senast fredag.")


@pytest.mark.parametrize("policy,text,rule", [
    # the search reading stops at "we will find you, <name>": knowing where someone lives stays a threat
    (SE, "Cykeln saknas sedan i går. Vi hittar dig, och då får du ångra dig.", "text.threat"),
    (SE, "Vår skylt försvann i natt. Vi vet var du bor.", "text.threat"),
    (DK, "Pengene savnes stadig. Vi ved, hvilken skole dine børn går på.", "text.threat"),
    (SE, "You keep missing the payments. We know where you live and when you get home.", "text.threat"),
    # ours beside theirs is still our trip
    (SE, "Vårt kommunalråd träffar deras borgmästare i Bryssel i dag.", "text.trip_ongoing"),
    (SE, "Vår ordförande och deras vd är i Berlin just nu.", "text.trip_ongoing"),
    (SE, "Our mayor is meeting their mayor in Brussels today.", "text.trip_ongoing"),
    (DK, "Vores direktør og deres formand er i Berlin lige nu.", "text.trip_ongoing"),
    # those addressed, whatever the relative clause ends on
    (DK, "Alle jer, der sidder bag skærmen og kritiserer os, er nogle ynkelige kujoner.", "text.insult"),
    (DK, "Alle jer, der stemte for, er latterlige, fej, ynkelige tabere.", "text.insult"),
    (SE, "Du är löjligt korkad.", "text.personal_attack"),
    (SE, "Romerna vid ICA är likt parasiter på vår välfärd.", "text.slur"),
    (SE, "Immigrants swarm our streets like locusts.", "text.slur"),
])
def test_the_reviewers_should_flag_probes_still_flag(policy, text: str, rule: str) -> None:
    assert rule in _rules(text, policy), text


@pytest.mark.parametrize("policy,text,flagged", [
    (SE, "Vi sitter fortfarande kvar på flygplatsen i Amsterdam, planet till Nairobi är försenat.", True),
    (DK, "Vi sidder stadig i lufthavnen i Amsterdam.", True),
    (SE, "Utställningen är fortfarande kvar i Köpenhamn.", False),
    (DK, "Vores udstilling er stadig i Odense.", False),
])
def test_still_there_is_now(policy, text: str, flagged: bool) -> None:
    assert ("text.trip_ongoing" in _rules(text, policy)) is flagged, text


@pytest.mark.parametrize("policy,text,flagged", [
    (SE, "@lonewolf88 Thanks for your helpful advice to 'just stop the flood'. Why didn't we think of that?", True),
    (DK, "@lone_h Mange tak for dit bidrag. Vi ses ved sandsækkene i morgen. Åh nej vent, det gør du nok ikke.", True),
    (SE, "Thanks for the tips! Oh wait, you didn't actually read the post, did you?", True),
    (SE, "Great idea from @anna: free coffee at the library. Why didn't we think of that before? Starting Monday!", False),
    (SE, "Oh wait, I forgot: it's not on Friday but Saturday!", False),
    (DK, "Åh nej vent, vi har ikke fortalt om præmierne endnu!", False),
])
def test_batch_13_sarcasm(policy, text: str, flagged: bool) -> None:
    assert (_rules(text, policy).get("text.irony") == "warn") is flagged, text


@pytest.mark.parametrize("policy,text,flagged", [
    (SE, "These newcomers are nothing but thieves.", True),
    (SE, "Invandrarna är inget annat än tjuvar.", True),
    (DK, "Fin kamp i går, selvom gæsterne havde en hel flok sigøjnere med, der stjal alt, hvad der ikke var boltet fast.", True),
    (SE, "Somali kids at the camp stole everyone's hearts!", False),
    (DK, "De ukrainske børn stjal alles hjerter ved juleafslutningen.", False),
    (SE, "Our volunteers stole the show at the festival.", False),
])
def test_batch_13_stereotypes(policy, text: str, flagged: bool) -> None:
    assert ("text.slur" in _rules(text, policy)) is flagged, text


@pytest.mark.parametrize("policy,text,rules", [
    (SE, "Vi är glada för stödet, men förslaget är idiotiskt.", set()),
    (DK, "Vi er glade, men planen er idiotisk.", set()),
    (SE, "We are happy, but the plan is idiotic.", set()),
    (SE, "Vi är glada, men du är idiotisk.", {"text.personal_attack"}),
])
def test_a_thing_after_a_conjunction_is_still_a_thing(policy, text: str, rules: set[str]) -> None:
    tone = {"text.insult", "text.personal_attack"}
    assert tone & set(_rules(text, policy)) == rules, text


@pytest.mark.parametrize("policy,text,rule,flagged", [
    (DK, "Hundeejerne i afdeling 3, der ikke gider samle op efter deres kræ, er simpelthen hjernedøde.", "text.insult", True),
    (DK, "Har I også hørt, at kommunen i al stilhed vil fælde hele skoven? Sig det videre!", "text.rumour", True),
    (DK, "Har I hørt, at vi åbner en ny svømmehal i august? Kom til indvielsen!", "text.rumour", False),
    (SE, "Is it true the housing company is raising rents by 20 % in August? Several tenants say the caretaker mentioned it.",
     "text.rumour", True),
    (SE, "Have you heard that we're opening a new pool in August? Come to the opening!", "text.rumour", False),
    (SE, "Bokbussen rullar igen! Den stannar i Kovland, Liden och Indal varannan tisdag hela sommaren.", "text.trip_ongoing",
     False),
    (SE, "Vi stannar i Bryssel hela veckan för toppmötet.", "text.trip_ongoing", True),
    (DK, "Kun til intern brug: the startups shortlisted for the spring accelerator are listed below.",
     "text.internal_marker", True),
    # the account's own label words, as labels, in a post in another language (stop 28)
    (SE, "Endast internt – the list of new board members is attached, please check it before Friday.",
     "text.internal_marker", True),
    (DK, "FORTROLIGT: the shortlist for the spring accelerator is below.", "text.internal_marker", True),
    (SE, "Utkast – the Swedish word for draft – is the name of our new writing workshop.", "text.internal_marker", False),
    (SE, "Intern: Sofie Ek joins the communications team for the summer.", "text.internal_marker", False),
    (SE, "Rapporten publiceras inte, vi använder den endast internt.", "text.internal_marker", False),
    (DK, "Vores nye idiotsikre guide til affaldssortering hænger nu i alle opgange.", "text.insult", False),
    (SE, "Vår nya idiotsäkra guide till sopsortering finns nu i alla trapphus.", "text.insult", False),
])
def test_batch_14_misses_and_false_alarms(policy, text: str, rule: str, flagged: bool) -> None:
    assert (rule in _rules(text, policy)) is flagged, text


@pytest.mark.parametrize("policy,text,rule,flagged", [
    # a third reviewer's probes of the batch-14 rules
    (SE, "Men beslutet och de ansvariga är idiotiska.", "text.insult", True),
    (DK, "Tak for svaret, men beslutningen og de ansvarlige er idiotiske.", "text.insult", True),
    (SE, "Men reglerna och rutinerna är idiotiska.", "text.insult", False),
    (DK, "Cyklisterne på Åboulevarden, der kører over for rødt, er hjernedøde.", "text.insult", True),
    (SE, "Meet Sofie, our new summer INTERN at the planning office!", "text.internal_marker", False),
    (DK, "Vores nye kampagne Don't share, care! handler om at passe på hinanden.", "text.internal_marker", False),
    (SE, "Stämmer det att sophämtningen blir varannan vecka? Nej, sa nämndens ordförande – den blir som vanligt.",
     "text.rumour", False),
    (SE, "FAQ: Is it true that I need a permit for a garden shed? Our building inspector says: not under 15 m².",
     "text.rumour", False),
    (SE, "Colleagues in Kyiv say the shelters are full right now.", "text.trip_ongoing", False),
    (SE, "På plats i Bryssel och rapporterar varje dag från toppmötet i dag!", "text.trip_ongoing", True),
    (SE, "Have you heard that the shelter is closing? Share before they hide it!", "text.rumour", True),
    (SE, "Har du hört att vi öppnar en ny simhall i augusti? Dela gärna!", "text.rumour", False),
    (SE, "Is it true they're closing the hospital in Härnösand? My aunt heard it from a nurse.", "text.rumour", True),
])
def test_third_reviewers_probes_of_batch_14_rules(policy, text: str, rule: str, flagged: bool) -> None:
    assert (rule in _rules(text, policy)) is flagged, text


def test_hate_told_in_a_post_that_condemns_it_warns() -> None:
    text = ("During Saturday's game a group in the away stand made monkey noises at our goalkeeper. "
            "We condemn this completely and have reported it to the federation.")
    assert _rules(text)["text.slur"] == "warn"
    assert _rules("Somalier är parasiter och ska behandlas som parasiter.")["text.slur"] == "block"


# --- batch 16's false alarms and the leftovers of stop 27, in general terms (stop 28) ---------------

_B16_FALSE_ALARMS_AND_LEFTOVERS = [
    # an emoji ends the thought: no place after it ("… ankommet til højskolen ☀️ Foto: …")
    (DK, "Sommerens første hold er ankommet til højskolen ☀️ Foto: Freja Mogensen #højskole", "text.trip_ongoing", False),
    (DK, "Vi er ankommet til ☀️ Nairobi.", "text.trip_ongoing", True),
    (DK, "Vi er ankommet til Nairobi ☀️", "text.trip_ongoing", True),
    # a quotation after "called/heter/hedder" is a title, not a colleague's first name
    (SE, "The library's summer exhibition is called “Hans resa” – Swedish for “His journey”.", "text.person_first_name",
     False),
    (SE, "Utställningen heter ”Hans resa” och handlar om en ung flykting.", "text.person_first_name", False),
    (SE, "Hans will show you round the exhibition today.", "text.person_first_name", True),
    # "idiot-proof" as a whole is allowed, so are its parts
    (SE, "Good news: the sign-up form for the basic course is now idiot-proof.", "text.insult", False),
    (SE, "You idiot-brained fool.", "text.personal_attack", True),
    # living like animals, told as a wrong done to people, with a call to give
    (SE, "Refugees in the camp are living like rats. Please donate to our winter appeal.", "text.slur", False),
    (SE, "Kvinnor och barn på flykt lever som djur i lägren. Skänk en gåva i dag.", "text.slur", False),
    (DK, "Flygtninge i lejren lever som dyr. Giv en gave i dag.", "text.slur", False),
    (SE, "Somalierna lever som djur i Nacksta.", "text.slur", True),
    (SE, "Romerna bor som djur – stöd vårt parti i valet.", "text.slur", True),
]


def test_the_model_needs_the_words_in_a_post_that_condemns_hate() -> None:
    """A condemning post that names no words ("racist graffiti") draws no hate warning from the
    model; one that quotes them still warns (never blocks)."""
    named = ("Last night someone sprayed racist graffiti on the wall of the mosque on Storgatan. "
             "We condemn it without reservation. Hate has no place in Sundsvall.")
    assert "text.slur" not in _rules(named)
    quoted = "Someone sprayed 'Go home, apes' on our door. We condemn it and have reported it to the police."
    assert _rules(quoted).get("text.slur") == "warn"


RIVAL = parse_policy('''
[organisation]
country = "DK"
home_name = "Aarhus"
competitors = ["Rival A/S"]
''')


_B16_COMPETITOR_AND_RUMOUR = [
    # batch 16's competitor misses: a negative comparison, waiting for weeks, "ask their members how"
    (RIVAL, "Hos Rival A/S venter man i ugevis på et svar. Hos os får du svar inden for to hverdage.",
     "text.competitor_negative", True),
    (RIVAL, "Hos os får du rigtig hjælp – ikke som hos Rival A/S, hvor man bare bliver stillet om og glemt i "
            "telefonkøen.", "text.competitor_negative", True),
    # a second reviewer's probes: a neutral difference, waiting no longer, praise after "how" (stop 28)
    (RIVAL, "Tilmeldingen foregår ikke som hos Rival A/S via en app, men på papir i foyeren.", "text.competitor_negative",
     False),
    (RIVAL, "Rival A/S har åbnet en ny afdeling i Aarhus, så nu venter du ikke længere i ugevis på service.",
     "text.competitor_negative", False),
    (COMPETING, "Nordbolaget AB now calls you back, so nobody is left forgotten in the queue.", "text.competitor_negative",
     False),
    (COMPETING, "Nordbolaget AB runs a great youth programme – ask their members how much fun they have!",
     "text.competitor_negative", False),
    (RIVAL, "Hos Rival A/S går der uger, før man overhovedet får svar. Hos os går der to dage.",
     "text.competitor_negative", True),
    (COMPETING, "At Nordbolaget AB you'll be waiting for weeks before anyone picks up.", "text.competitor_negative", True),
    (RIVAL, "Rival A/S har ventet i ugevis på tilladelsen – nu bygger de endelig.", "text.competitor_negative", False),
    (COMPETING, "Thinking about joining Nordbolaget AB's business club? Ask their members how many of the promised "
                "contacts ever turned into anything.", "text.competitor_negative", True),
    (COMPETING, "Många frågar vad skillnaden är mellan oss och Nordbolaget AB. Kort svar: vi tömmer när vi har lovat. "
                "Fråga gärna deras kunder i Timrå hur många veckor de väntat.", "text.competitor_negative", True),
    (COMPETING, "Många frågar vad skillnaden är mellan oss och Nordbolaget AB. Kort svar: vi tömmer när vi har lovat. "
                "Och vi är stolta över det.", "text.competitor_negative", False),
    (COMPETING, "Nordbolaget AB har fina tält – fråga deras kunder om tips!", "text.competitor_negative", False),
    # hearsay owned up to in the next sentence, asked of others, or with others asked to know more
    (RIVAL, "Er det rigtigt, at Rival A/S er ved at gå konkurs? Vi har hørt det fra flere sider.",
     "text.competitor_negative", True),
    (DK, "Er der andre, der har hørt, at et internat på Djursland får dyrene aflivet efter en måned?", "text.rumour", True),
    (SE, "Är det fler som har hört att simhallen ska stänga i höst?", "text.rumour", True),
    (SE, "Has anyone else heard that the hospital is closing?", "text.rumour", True),
    (DK, "Mette har hørt fra en bekendt i kommunen, at vores tilskud bliver halveret. Er der andre, der ved noget?",
     "text.rumour", True),
    (DK, "Er der andre, der har hørt, at vi åbner en ny hal? Kom til indvielsen!", "text.rumour", False),
]


_B16_THREAT_HATE_AND_TRIP = [
    # veiled threats: finding someone, a small town, a wish, "så skal du nok få at mærke"
    (DK, "Til sagsbehandleren, der gav familien afslag: så skal du nok få at mærke, hvad du har gjort.", "text.threat", True),
    (SE, "To the man who threw bottles at our stand: we have your picture, and when we find you, you'll wish we hadn't.",
     "text.threat", True),
    (SE, "Take our bike tour and you'll find out how small Sundsvall really is – the whole centre in 20 minutes!",
     "text.threat", False),
    (SE, "Can't see your name on the list? Don't worry – when we find you in the system, we'll send a text.",
     "text.threat", False),
    (SE, "Try the new cycle path along the river – you'll wish you had never taken the car!", "text.threat", False),
    (DK, "Prøv vores nye spinninghold – så skal du nok få det at mærke i benene dagen efter!", "text.threat", False),
    (SE, "Once we track you down, you'll regret every word.", "text.threat", True),
    (SE, "Climb the tower and you'll find out how small Sundsvall really is from above!", "text.threat", False),
    (SE, "When we find you a host family, we'll call.", "text.threat", False),
    (DK, "Når vi finder dig en ny bolig, ringer vi.", "text.threat", False),
    (SE, "Entries are anonymous until Friday, when we'll find out who you are, photographers!", "text.threat", False),
    # a threat reported with the police contacted
    (DK, "En mand skrev til os i nat, at han vil sætte ild til internatet. Vi har kontaktet politiet.", "text.threat", True),
    # hate: a group coming like vermin, called vermin, multiplying like rats, "with the other animals", crime follows
    (DK, "Romaerne kommer som græshopper hver sommer og efterlader kun affald.", "text.slur", True),
    (SE, "Women in the camp told us the mosquitoes came like locusts every evening.", "text.slur", False),
    (DK, "Børnene kom som græshopper til kagebordet!", "text.slur", False),
    (DK, "En kommentar kaldte flygtninge for »utøj, der har ødelagt landet«. Vi har slettet den.", "text.slur", True),
    (SE, "Let's be honest, these people multiply like rats.", "text.slur", True),
    (SE, "Mördarsnigeln är tillbaka! De förökar sig som löss i fuktigt väder, så plocka dem tidigt.", "text.slur", False),
    (SE, "De nya kaninerna på Barnens bondgård trivs redan i hagen med de andra djuren.", "text.slur", False),
    (SE, "Immigrants who are victims of crime follow the same reporting route as everyone else.", "text.slur", False),
    (SE, "Our shelter supports women who want to break free from a violent culture of control at home.", "text.slur",
     False),
    (SE, "Romerna lever som djur och förökar sig som råttor – stöd vårt arbete med en gåva.", "text.slur", True),
    (DK, "Vi kalder de flygtninge for utøj, for det er, hvad de er.", "text.slur", True),
    (SE, "Someone wrote that 'these people should stay in their mud huts with the other animals'. We condemn it.",
     "text.slur", True),
    (SE, "Our goats share the barn with the other animals.", "text.slur", False),
    (SE, "The figures don't lie: wherever Somalis move in, crime follows.", "text.slur", True),
    (SE, "Invandrarna där har helt enkelt en våldsam kultur.", "text.slur", True),
    (SE, "Invandrare drabbas oftare av brott, visar statistiken.", "text.slur", False),
    # a place of two words; a return still to come does not end the trip
    (SE, "Greetings from Cape Town! Hans Nilsson and Sara Ek are visiting our partner schools here all week.",
     "text.trip_ongoing", True),
    (DK, "Her i Nuuk ligger der stadig sne, når vi i aften bærer kasser ind. Vi er hjemme i Aarhus igen på fredag.",
     "text.trip_ongoing", True),
    (DK, "Tak for en fantastisk uge i Nuuk! Vi er hjemme i Aarhus igen.", "text.trip_ongoing", False),
    (SE, "Sista dagen i Tallinn blev en höjdpunkt. Nu är delegationen hemma igen och berättar mer på fredag.",
     "text.trip_ongoing", False),
    (DK, "Vi er landet i Buenos Aires! Vi er hjemme igen til weekenden.", "text.trip_ongoing", True),
    (SE, "Vi har landat i Buenos Aires! Vi är hemma igen om en vecka.", "text.trip_ongoing", True),
    (SE, "Greetings from Cape Town! The whole team is back home next Friday.", "text.trip_ongoing", True),
    (SE, "Hälsningar från Cape Town! Vår vänort skickar en videohälsning till alla i Sundsvall – se den i dag.",
     "text.trip_ongoing", False),
]


def test_hate_quoted_in_a_post_that_removed_it_warns_and_never_blocks() -> None:
    """Moderation ("We removed it and banned the account", "Vi har slettet kommentaren") distances the
    post from a comment it quotes, as condemning does (batch 16: the one reported post that blocked)."""
    for policy, text in [
        (SE, "Someone commented that refugees are “vermin who should be shipped back”. We removed it and banned the account."),
        (DK, "En bruger kommenterede, at flygtninge er »utøj«. Vi har slettet kommentaren og blokeret brugeren."),
    ]:
        assert _rules(text, policy).get("text.slur") == "warn", text
    assert not _rules("We removed the old benches from the park and banned the account of a spam bot.")


@pytest.mark.parametrize("policy,text,rule,flagged",
                         _B16_FALSE_ALARMS_AND_LEFTOVERS + _B16_COMPETITOR_AND_RUMOUR + _B16_THREAT_HATE_AND_TRIP)
def test_batch_16_misses_false_alarms_and_leftovers(policy, text: str, rule: str, flagged: bool) -> None:
    """Batch 16's misses and false alarms, stop 27's leftovers and two reviewers' probes of the
    rules drawn from them (stop 28), each read in general terms."""
    assert (rule in _rules(text, policy)) is flagged, text


# Batch 20 (stop 31): hate by hint beside a group, slurs starred out or from another language, threats
# told as a prophecy or a question; with the look-alikes each rule must leave alone.
_B20_HATE = [
    (SE, "Fler ärenden än någonsin sedan de somaliska familjerna flyttade in på Bergsgatan. Vi låter statistiken "
         "tala för sig själv.", "text.slur", True),
    (DK, "80 % af affaldet lå der, hvor de østeuropæiske sæsonarbejdere holder frokostpause. Konklusionen må I selv "
         "drage.", "text.slur", True),
    (SE, "Nästan alla som hoppar av kommer från samma del av världen, och vissa kulturer vill helt enkelt inte jobba. "
         "Siffrorna ljuger inte.", "text.slur", True),
    (SE, "The numbers speak for themselves: 80 % of the refugees on our course found jobs within a year.", "text.slur",
     False),
    (DK, "Tallene taler for sig selv: 80 % af flygtningene på vores kursus er i arbejde efter et år.", "text.slur", False),
    (SE, "Siffrorna ljuger inte: vi återvinner 71 % av allt avfall. Dra era egna slutsatser om sopsorteringen!",
     "text.slur", False),
    (SE, "Our course explains why 'the numbers don't lie' is so often said about migrants, and why it misleads.",
     "text.slur", False),
    (SE, "During Sunday's game a small group chanted \"f*ggot\" at one of our players. We've reported it.", "text.slur",
     True),
    (DK, "Vi har fået nok af de n*****", "text.slur", True),
    (DK, "On Saturday two of our mooring staff were called 'perkere' by guests. We have reported it.", "text.slur", True),
    (DK, "Journalisten fra lokalavisen burde finde et andet fag.", "text.slur", False),
    (SE, "Pris* gäller t.o.m. söndag. *Medlemspris", "text.slur", False),
    (SE, "The Mongol Rally team arrives in Sundsvall on Friday.", "text.slur", False),
]
_B20_THREAT = [
    (SE, "Till dig som klippte förtöjningarna: en natt kommer någon att stå och vänta på dig på bryggan.", "text.threat",
     True),
    (SE, "Den hyresvärd som höjer hyran med 9 % kommer inte att våga gå ensam hem från årsstämman.", "text.threat", True),
    (SE, "Man kan ju undra hur länge hon tror att hon kan jogga ensam längs ån efter ett sånt beslut.", "text.threat",
     True),
    (DK, "Hvor længe tror udlejeren, han kan blive ved, før nogen banker på hans dør en mørk aften?", "text.threat", True),
    (DK, "Til dommeren fra lørdagens kamp: vi ville nok kigge os over skulderen, næste gang vi parkerede ved Vestereng.",
     "text.threat", True),
    (DK, "Mon ikke dommeren skulle passe lidt på, når han går ud til sin bil? Man ved jo aldrig, hvem der står og venter.",
     "text.threat", True),
    (SE, "Mark our words: the executives who approved it will not be sleeping peacefully for much longer.", "text.threat",
     True),
    (DK, "En mand råbte, at han ville ”brænde stedet ned med jer alle sammen indenfor”. Politiet kom hurtigt.",
     "text.threat", True),
    (DK, "Et godt råd til vores nye kasserer: Kig dig over skulderen, når du taster koden.", "text.threat", False),
    (SE, "Många äldre vågar inte gå ensamma hem på kvällen, så nu tänder vi fler lampor längs ån.", "text.threat", False),
    (SE, "En natt kommer du att minnas länge: midsommar på Alnön!", "text.threat", False),
    (DK, "Kom til loppemarked! Man ved aldrig, hvem der står og venter med et godt tilbud.", "text.threat", False),
    (SE, "After the derby the whole team will be sleeping soundly tonight.", "text.threat", False),
    (DK, "Politiet kom forbi og fortalte børnene om trafik.", "text.threat", False),
]


@pytest.mark.parametrize("policy,text,rule,flagged", _B20_HATE + _B20_THREAT)
def test_batch_20_hate_by_hint_masked_slurs_and_prophesied_threats(policy, text: str, rule: str, flagged: bool) -> None:
    """Batch 20's misses, read in general terms, and the look-alikes of each new reading."""
    assert (rule in _rules(text, policy)) is flagged, text


def test_hate_by_hint_says_why_in_every_language() -> None:
    text = ("Fler ärenden än någonsin sedan de somaliska familjerna flyttade in på Bergsgatan. Vi låter statistiken "
            "tala för sig själv.")
    f = next(f for f in check_text(text, policy=SE, channels=[], today=TODAY).findings if f.rule == "text.slur")
    assert f.severity.value == "warn"
    assert "slutsatsen" in message(f, "sv") and "conclusion" in message(f, "en") and "konklusionen" in message(f, "da")


_B20_COMPETITOR = [
    (DK_RIVAL, "Vores nye kraner løfter dobbelt så hurtigt som det rustne skrammel, Rival A/S stadig kører med.", True),
    (DK_RIVAL, "Det er mere, end man kan sige om Rival A/S, hvis fabriksbrød smager af pap.", True),
    (SE_RIVAL, "Sure, Nordbolaget AB may be cheaper, but you get what you pay for: rotting pontoons and zero security.",
     True),
    (SE_RIVAL, "Thinking of renting from Nordbolaget AB instead? Ask their tenants about the mould first.", True),
    (DK_RIVAL, "Overvejer du et kursus hos Rival A/S i stedet? Spørg lige dem, der har prøvet, hvor mange der består.",
     True),
    (DK_RIVAL, "Huge congratulations to Rival A/S on opening their new café – only eight months late!", True),
    (SE_RIVAL, "Och ja – våra bussar går faktiskt enligt tidtabellen. Vi tittar inte på någon, Nordbolaget AB.", True),
    # what fails is ours, both of us, or the competitor helps
    (SE_RIVAL, "Våra gamla bussar var rostiga, men nu kör vi lika tyst som Nordbolaget AB:s nya elbussar.", False),
    (DK_RIVAL, "Rival A/S hjalp os, da vores rustne port sad fast. Tak!", False),
    (DK_RIVAL, "Rival A/S og vi åbnede begge vores caféer to måneder forsinket på grund af stormen.", False),
    (DK_RIVAL, "Rival A/S collects scrap metal every Tuesday; never again will you need to drive to the tip!", False),
    (SE_RIVAL, "Ask their tenants about the new laundry room – Nordbolaget AB's tenants love it!", False),
    (SE_RIVAL, "Nordbolaget AB hämtar skrot och gammalt virke varje tisdag.", False),
]


@pytest.mark.parametrize("policy,text,flagged", _B20_COMPETITOR)
def test_batch_20_competitor_failings_and_hints(policy, text: str, flagged: bool) -> None:
    """A competitor's product or service said to fail ("smager af pap", "only eight months late"),
    counted only when it is the competitor's; a comparison makes what follows theirs."""
    assert ("text.competitor_negative" in _rules(text, policy)) is flagged, text


_B20_TRIP = [
    (DK, "@cykelmor72 Ja! Holdet bor på hotellet ved stranden i Alcúdia til søndag, så kig forbi.", True),
    (SE, "Klassen bor hos sina värdfamiljer i Kyoto till och med fredag.", True),
    (SE, "Uppdatering 14.30: Vårt team har precis kommit fram till Cahul och delar ut hygienpaket under eftermiddagen.",
     True),
    (SE, "Ja, vi kom fram till Jelgava i går kväll! Anna Svensson och jag sitter just nu med borgmästaren på rådhuset.",
     True),
    (SE, "Our Ghana group came home to Sundsvall on Sunday. Three weeks of teaching in Tamale are now over.", False),
    (SE, "Vår tidigare kollega Lina bor nu i Berlin och hälsar till alla.", False),
    (SE, "Vi kom fram till Riga i tisdags och hade en fin vecka. Nu är alla hemma igen.", False),
    (SE, "Mötet kom fram till att Stockholm får vänta.", False),
    (DK, "Familien bor i Kyiv og har brug for hjælp inden søndag.", False),
    (DK, "Morgenudsigt fra hotelværelset i Malmø 🌅 Holdet er klar til dag to, og i aften svømmer vi finaler!", True),
    (SE, "Day 3 at the Riga Cup 🇱🇻 Our under-14s are through to the quarter-finals! Follow the scores tonight.", True),
    (DK, "Billeder fra hotellet i Malmø sidste år, da vi vandt.", False),
    (SE, "Day 3 at the Sundsvall Cup! Come and watch.", False),
]


@pytest.mark.parametrize("policy,text,flagged", _B20_TRIP)
def test_batch_20_trips_told_by_lodging_arrival_and_their_end(policy, text: str, flagged: bool) -> None:
    """A stay told by where people sleep until a day, an arrival followed by being there now, and a
    trip that a post says is over."""
    assert ("text.trip_ongoing" in _rules(text, policy)) is flagged, text


_B20_ATTACK = [
    (SE, "Tung förlust i kväll. Men domaren Per Sjölund borde skämmas – han förstörde matchen.", "warn"),
    (DK, "Councillor Bent Vestergaard has once again shown that he has no idea what he's doing.", "warn"),
    (SE, "@tandtrollet_92 we've answered three times. You clearly have the IQ of a molar.", "warn"),
    (SE, "Next time, maybe check one fact. But then, accuracy was never really your strong suit, was it?", "warn"),
    (SE, "Vi borde skämmas över hur vi har skött badet i sommar.", None),
    (SE, "Our new robot lawnmower has the IQ of a toaster, but it cuts the grass.", None),
    (SE, "Tålamod är inte direkt min starka sida, så jag är glad att kön gick fort!", None),
    (DK, "Hun burde holde sig til at cykle på stien, siger lægen.", None),
]


@pytest.mark.parametrize("policy,text,severity", _B20_ATTACK)
def test_batch_20_attacks_without_an_insult_word(policy, text: str, severity: str | None) -> None:
    """What is said of one person to run them down ("borde skämmas", "has no idea what he's doing",
    "never your strong suit") warns: there is no abuse word to block on."""
    assert _rules(text, policy).get("text.personal_attack") == severity, text


_B20_PAIRS = [
    (DK, "Nogle hjernedøde klovne har i nat væltet tre af vores bistader.", "text.insult"),
    (DK, "Bådejere, der tømmer spildolie i vandet, er nogle hjernedøde svin.", "text.insult"),
    (SE, "Att ordföranden skrattade visar bara vilken arrogant pajas han är.", "text.personal_attack"),
    (SE, "Någon skrev: ”den där inkompetenta pajasen borde sparkas”. Anmälan är gjord.", "text.personal_attack"),
    (SE, "Cirkusen har roliga clowner och dumma skämt hela helgen.", None),
]


@pytest.mark.parametrize("policy,text,rule", _B20_PAIRS)
def test_batch_20_an_abusive_adjective_and_noun_call_people_names(policy, text: str, rule: str | None) -> None:
    """"hjernedøde klovne": an abusive word for people with an abusive adjective before it insults
    whoever it names; said of one person it is a personal attack; "dumma skämt" are jokes."""
    found = {r for r in _rules(text, policy) if r in ("text.insult", "text.personal_attack")}
    assert found == ({rule} if rule else set()), (text, found)


_B20_IRONY = [
    (DK, "Den nye p-plads får hele 400 pladser! For det, naturen mangler allermest, er jo mere asfalt.", True),
    (SE, "Nytt parkeringshus i centrum. För det stan behöver mest är ju fler parkeringshus.", True),
    (DK, "100 dage uden varmt vand i opgang 4! Vi glæder os til at fejre de næste 100.", True),
    (SE, "Banvallen har varit stängd för utredning i tre år. Vi kan knappt bärga oss till nästa utredning!", True),
    (SE, "Det staden behöver mest är fler förskolor, och nu bygger vi två.", False),
    (DK, "Vi glæder os til at fejre de næste 100 år sammen med jer! Tillykke, kære forening.", False),
    (SE, "We can't wait for the next concert in the park – see you there!", False),
]


@pytest.mark.parametrize("policy,text,flagged", _B20_IRONY)
def test_batch_20_sarcasm_that_wishes_for_more_of_the_trouble(policy, text: str, flagged: bool) -> None:
    """"What nature needs most is more asphalt": the least wanted said as the most wanted."""
    assert ("text.irony" in _rules(text, policy)) is flagged, text


def test_batch_20_reviewers_pairs_with_a_word_between() -> None:
    """An abusive pair with a comma or one word between ("hjärndöda, självgoda pajasar", "brainless little
    clowns") insults as well; clowns at the circus are clowns."""
    assert _rules("Kommunstyrelsen består av hjärndöda, självgoda pajasar som aldrig satt sin fot i Stöde.").get(
        "text.insult") == "warn"
    assert _rules("The city council is run by brainless little clowns.").get("text.insult") == "warn"
    assert "text.insult" not in _rules("Cirkusen har roliga, dumma clowner och glada barn.")
