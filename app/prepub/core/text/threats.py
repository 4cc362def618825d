"""Threats (VIF 2–3: aldrig hat och hot): set forms, constructions (the one addressed + a modal +
harm), knowledge of someone's private life, veiled menace, conditions put to someone, incitement,
and threats quoted in a post that reports them (which warn and never block)."""

from __future__ import annotations

import re

from prepub.core.model import Severity
from prepub.core.text.context import Context
from prepub.core.text.discourse import OWN
from prepub.core.text.tonebase import alternation, construction, voice_params

def _threat_rx(ctx: Context, harm_section: str) -> re.Pattern[str] | None:
    """The one addressed, a modal and what will happen to them: "du ska få betala för det här",
    "ni kommer att hängas", "you will be shot"."""
    def build() -> str | None:
        target, modal = alternation(ctx, "threat_target"), alternation(ctx, "threat_modal")
        harm = alternation(ctx, harm_section)
        if not (target and modal and harm):
            return None
        return (rf"(?<!\w)(?:{target})(?!\w)\s*(?:[^\s.!?,]+\s+){{0,1}}?(?:{modal})\s*"
                rf"(?:[^\s.!?,]+\s+){{0,4}}?(?:{harm})(?!\w)")
    return construction(ctx, ("threat", harm_section), build)


def check_threats(ctx: Context) -> None:
    """Threats in set forms (violence, "vi vet var du bor"), in constructions (the one addressed
    + a modal + harm), knowledge of someone's private life ("vi vet vilken skola dina barn går
    på": blocks; "vi har din adress": warns), veiled menace ("det kommer att sluta illa för dig",
    "det vore synd om det hände något", "your days are numbered": warn) and a condition put to
    someone followed by harm or menace ("röstar ni igenom det … får ni det jobbigt", "keep pushing
    this and see what happens to your windows": warns).

    What only looks like a threat is left alone: a match that overlaps an idiom, a request or a
    reflexive (``threat_not``: "du kommer att dö av skratt", "vi behöver veta var du bor", "du
    kommer att bränna dig" in the sun); knowing or finding the reader in a service post
    (:func:`_service_reading`); and menace at a non-person ("Winter, your days are numbered!")."""
    done: list[tuple[int, int]] = []
    langs = ctx.phrase_languages
    # (pattern, severity, check negation, knowing or finding the reader)
    find = ctx.lists.phrase_regex("threat_find", langs)
    veiled = ctx.lists.phrase_regex("threat_veiled", langs)
    sources = [(ctx.lists.phrase_regex("threat", langs), None, True, False),
               (find, None, True, True),
               (ctx.lists.phrase_regex("threat_private_where", langs), None, True, True),
               (_threat_rx(ctx, "threat_harm"), None, True, False),
               (ctx.lists.phrase_regex("threat_menace", langs), Severity.WARN, True, False),
               (_threat_rx(ctx, "threat_harm_menace"), Severity.WARN, True, False),
               (ctx.lists.phrase_regex("threat_arson", langs), None, True, False),
               (ctx.lists.phrase_regex("threat_violence", langs), None, True, False),
               (ctx.lists.phrase_regex("threat_blunt", langs), None, True, False),
               (ctx.lists.phrase_regex("threat_hint", langs), Severity.WARN, False, False),
               (ctx.lists.phrase_regex("threat_whoever", langs), Severity.WARN, True, False),
               (ctx.lists.phrase_regex("threat_private", langs), Severity.WARN, True, True),
               (ctx.lists.phrase_regex("threat_private_have", langs) if _menacing(ctx) else None, Severity.WARN, True,
                True),
               (ctx.lists.phrase_regex("threat_watching", langs), Severity.WARN, True, False),
               (ctx.lists.phrase_regex("threat_incite", langs), Severity.WARN, True, False),
               # these carry their own negation: "du går inte därifrån på egna ben", "you won't be smiling"
               (ctx.lists.phrase_regex("threat_idiom", langs), None, False, False),
               (veiled, Severity.WARN, False, False),
               (None if _hazard(ctx) and not _mentions(ctx) else ctx.lists.phrase_regex("threat_veiled_advice", langs),
                Severity.WARN, False, False)]
    offer = ctx.lists.phrase_regex("threat_offer", langs)
    chase = ctx.lists.phrase_regex("threat_chase", langs)
    race = ctx.lists.phrase_regex("competition", langs)
    not_rx = ctx.lists.phrase_regex("threat_not", langs)
    not_spans = [(m.start(), m.end()) for m in not_rx.finditer(ctx.text)] if not_rx is not None else []
    for rx, own_severity, check_negation, finds in sources:
        if rx is None:
            continue
        for m in rx.finditer(ctx.text):
            if any(s < m.end() and m.start() < e for s, e in done) or ctx.inside(m.start(), m.end()):
                continue
            if any(s < m.end() and m.start() < e for s, e in not_spans):
                continue  # "du kommer att dö av skratt", "vi behöver veta var du bor", "du bränner dig"
            if check_negation and ctx.discourse.negated(m.start(), m.end(), window=3):
                continue
            if offer is not None and offer.match(ctx.text, m.end()):
                continue  # "du kommer att ångra dig om du missar loppisen": an offer, not menace
            if chase is not None and chase.search(m.group()) and race is not None and race.search(ctx.text):
                continue  # "Vi kommer efter jer! Stafetholdet … indhente økonomiafdelingen": a race
            severity = own_severity
            if rx is find and _search(ctx, m.end()):
                done.append((m.start(), m.end()))
                continue  # "Vår katt Måns har varit borta sedan i tisdags … Vi ska hitta dig, Måns!"
            if finds:
                reading = _service_reading(ctx, m.start(), m.end())
                if reading == "service":
                    done.append((m.start(), m.end()))
                    continue  # "vi vet vilken skola ditt barn går på, så du behöver inte anmäla det igen"
                if reading == "note":
                    severity = Severity.INFO  # "We know where you live! Bin calendars are on their way …"
            if rx is veiled and _safety_advice(ctx, m.start(), m.end()):
                done.append((m.start(), m.end()))
                continue  # "Sätt på dig reflexen! Det vore tråkigt om något hände i trafiken"
            if severity == Severity.WARN and _playful(ctx, m.start(), m.end()):
                done.append((m.start(), m.end()))
                continue  # "Winter, your days are numbered!"
            _emit_threat(ctx, m.start(), m.end(), severity)
            done.append((m.start(), m.end()))
    for start, end in _veiled_pairs(ctx) + _conditional_threats(ctx) + _warnings(ctx) + _quoted_threats(ctx) \
            + _addressed_menace(ctx):
        if not any(s < end and start < e for s, e in done):
            _emit_threat(ctx, start, end, Severity.WARN)
            done.append((start, end))


def _service_reading(ctx: Context, start: int, end: int) -> str | None:
    """How a post reads that knows or finds the reader ("vi vet var du bor", "vi hittar dig", "we
    know your children's …"): ``"service"`` when the same sentence goes on to say what for – a
    purpose or consequence (``threat_purpose``: "för att", "så", "so") followed by a service or a
    benefit (``threat_service``: "röstkort", "bin calendar", "du behöver inte …"); ``"note"`` when a
    service is elsewhere in the post ("Vi vet var du bor! Sophämtningsschemat kommer i brevlådan"):
    the opener is play, but worth a look; None – a threat – when there is no service, or the post
    makes a demand or a menacing remark anywhere ("Sluta skriva.", "Sov gott.")."""
    langs = ctx.phrase_languages
    service = ctx.lists.phrase_regex("threat_service", langs)
    if service is None or ctx.discourse.voice(start, end) != OWN:
        return None
    if ctx.discourse.cue_anywhere("threat_demand") or ctx.discourse.cue_anywhere("threat_cue"):
        return None
    hits = [h for h in service.finditer(ctx.text) if not ctx.inside(h.start(), h.end())]
    if not hits:
        return None
    s0, s1 = ctx.discourse.sentence_text(start)
    purpose = ctx.lists.phrase_regex("threat_purpose", langs)
    if purpose is not None:
        for p in purpose.finditer(ctx.text, end, s1):
            if any(p.end() <= h.start() and h.end() <= s1 for h in hits):
                return "service"
    return "note"


def _safety_advice(ctx: Context, start: int, end: int) -> bool:
    """Whether a veiled-threat phrase is safety advice: it is of the caring kind ("det vore tråkigt
    om något hände", "passa dig när du går hem", "would be a shame if something happened"), the
    post names a hazard (traffic, ice, reflectors), and nothing else in it menaces – no cue
    outside the phrase ("Tänk på det"), no @mention, no one called by name (", Anna Svensson."),
    nothing of theirs named ("dina barn", "dit hus")."""
    if not _CARING.search(ctx.text, start, end) or not _hazard(ctx) or _mentions(ctx):
        return False
    cue = ctx.lists.phrase_regex("threat_cue", ctx.phrase_languages)
    if cue is not None and any(c.end() <= start or c.start() >= end for c in cue.finditer(ctx.text)):
        return False
    return not _CALLED_OUT.search(ctx.text) and not _THEIR_THINGS.search(ctx.text)


_CARING = re.compile(r"synd|tråkigt|trist|ærgerligt|skam|shame|pity|passa|akta|pas|careful|take\s+care", re.IGNORECASE)
_CALLED_OUT = re.compile(r",\s*[A-ZÅÄÖÆØ][^\W\d_]+(?:\s+[A-ZÅÄÖÆØ][^\W\d_]+)?\s*[.!]")
_THEIR_THINGS = re.compile(r"\b(?:din|ditt|dina|dit|dine|er|ert|era|jeres|your)\s+(?:\w+\s+)?(?:barn|børn|kids|children|"
                           r"familj|familie|family|hus|house|bil|car|hem|hjem|home|fru|kone|wife|man|mand|husband)\b",
                           re.IGNORECASE)


def _mentions(ctx: Context) -> bool:
    """An @mention in the post: advice is not given to one handle like that."""
    return any(t.kind == "mention" for t in ctx.tokens)


def _hazard(ctx: Context) -> bool:
    """Whether the post names a hazard (``threat_hazard``: traffic, ice, reflectors): then "look
    out in the dark" (``threat_veiled_advice``: "Be careful on the roads in the dark – wear a
    reflector!") and "look after your family … you never know" are safety advice."""
    rx = ctx.lists.phrase_regex("threat_hazard", ctx.phrase_languages)
    return rx is not None and rx.search(ctx.text) is not None


def _search(ctx: Context, end: int) -> bool:
    """Whether "we will find you" (``threat_find``, ending at ``end``) calls out to someone
    missing: the one found is named right after it ("Vi ska hitta dig, Måns!", "We will find you,
    Bella!"), the post searches (``threat_search``: "borta sedan i tisdags", "savnet", "went
    missing"), and it makes no demand, no menace and no @mention. Then it is the search, not a
    threat; knowing where someone lives stays a threat whatever else the post says."""
    if not _CALLED_BY_NAME.match(ctx.text, end):
        return False
    rx = ctx.lists.phrase_regex("threat_search", ctx.phrase_languages)
    if rx is None or _menacing(ctx) or ctx.discourse.cue_anywhere("threat_demand"):
        return False
    return any(not ctx.inside(m.start(), m.end()) for m in rx.finditer(ctx.text))


#: A name called out right after "we will find you": ", Måns!", ", Rex – ring …" (the sentence ends or a dash).
_CALLED_BY_NAME = re.compile(r"\s*,\s*[A-ZÅÄÖÆØ][^\W\d_]+\s*(?:[!.–—]|\s-\s|$)")


def _playful(ctx: Context, start: int, end: int) -> bool:
    """Whether a non-person (``playful``: a season, the weather, pests, Santa) is called out within
    four words of [start, end) in its sentence, set off by a comma, colon, dash or "!": "Winter,
    your days are numbered!", "Era dagar är räknade, myggen!". An @mention there makes it a threat
    after all."""
    rx = ctx.lists.phrase_regex("playful", ctx.phrase_languages)
    if rx is None:
        return False
    s0, s1 = ctx.discourse.sentence_text(start)
    before = list(re.finditer(r"\S+", ctx.text[s0:start]))[-4:]
    after = list(re.finditer(r"\S+", ctx.text[end:s1]))[:4]
    lo = s0 + before[0].start() if before else start
    hi = end + after[-1].end() if after else end
    if any(t.kind == "mention" and lo <= t.start < hi for t in ctx.tokens):
        return False
    for m in rx.finditer(ctx.text, lo, hi):
        gap = ctx.text[m.end():start] if m.end() <= start else ctx.text[end:m.start()] if m.start() >= end else ""
        if _VOCATIVE_BREAK.search(gap):
            return True  # set off like a name called out; "Nästa vinter får du betala för det här" is a threat
    return False


_VOCATIVE_BREAK = re.compile(r"[,:–—!]|\s-\s")


def _menacing(ctx: Context) -> bool:
    """Whether the post has a cue that turns holding someone's details into menace ("tänk på det",
    "sleep well") or addresses someone by @mention."""
    return ctx.discourse.cue_anywhere("threat_cue") or any(t.kind == "mention" for t in ctx.tokens)


#: A post's (or a line's) address to someone: advice "till/til/to/for" them ("Ett litet tips till er på
#: vattenbolaget:", "Friendly advice for the wind co-op:") or a bare "Till/Til/To …:" naming one person by
#: what they did ("Till den på vägavdelningen som bestämde …:", "Til ham, der underviser …:").
_ADDRESS = re.compile(r"^[^\w@]*(?:@\w+[\s,]+)?(?:(?:og|och|and|ps|p\.s\.)\s+)?"
                      r"(?:(?:dear|kære|kära|bästa|hej)\s+(?=\w+\s+(?:som|der|who)\b)|"
                      r"(?P<advice>(?:(?:vi\s+har\s+)?(?:ett|et|en|a|some|one|my)\s+)?(?:(?:litet|lille|gott|godt|"
                      r"vänligt|venligt|friendly|little|free|small|kind)\s+)*(?:tips|råd|advice|tip|word\s+of\s+advice|"
                      r"reminder|påminnelse)\s+(?:till|til|to|for)\s+)|(?:till|til|to)\s+)(?P<who>[^:\n]{2,160}?)(?::|\s[–—]\s)",
                      re.IGNORECASE | re.MULTILINE)
#: One person: a relative clause, "whoever", "ham", "den som/der/på …", "the man who …".
_ONE_WHO = re.compile(r"\b(?:som|der|who|that|whoever|honom|henne|ham|hende|him|her)\b|\bden\s*,?\s+(?:som|der|på|i|hos|"
                      r"från|fra)\b|\bthe\s+(?:one|man|woman|lady|guy|person)\b", re.IGNORECASE)
#: Everyone, or the reader as an audience ("Till dig som pendlar:", "To those who cycle:", "Til løbere, der
#: løber alene:"), not one person.
_EVERYONE = re.compile(r"^(?:alla|alle|all|everyone|everybody|anyone|anybody|var\s+och\s+en|jer\s+alle|er\s+alla|you\s+all|"
                       r"(?:dig|dej|er|jer|you|those|alla|alle|dem|de|people)\s*,?\s+(?:som|der|who|that)|"
                       r"\w+(?:are|ere|ar|er|or|s)\s*,?\s+(?:som|der|who|that))\b", re.IGNORECASE)
#: A group of people as the last word of the address ("new members", "föräldrarna", "forældrene"): advice
#: to them is advice, unlike advice to one body ("the wind co-op", "er på vattenbolaget").
_GROUP_END = re.compile(r"(?:[^s'’]s|arna|erna|orna|ene|erne|rne)$", re.IGNORECASE)
#: Kindness anywhere in the post: thanks, congratulations, a welcome ("Til Jørgen, der går på pension:
#: … Tak for alt", "To the mystery baker …: we love your cakes"): an open letter, not menace.
_KIND = re.compile(r"\b(?:tack|tak|takk|thanks?|thank\s+you|grattis|gratulerar|tillykke|congratulations?|välkommen|"
                   r"välkomna|velkommen|welcome|hurra|bravo|love\s+(?:your|you)|älskar|elsker)\b", re.IGNORECASE)
#: An instruction that protects ("lås bilen", "stay in groups", "use the P10 car park"): weak cues are advice.
_PROTECT = re.compile(r"\b(?:lås|låse|lock|stay\s+in\s+groups|håll\s+ihop|hold\s+sammen|use\s+the|brug|använd|husk|"
                      r"remember\s+to|glöm\s+inte|don['’]t\s+forget|will\s+be\s+towed|bogseres|bogseret|bärgas)\b",
                      re.IGNORECASE)
#: The address answers a question ("Till dig som frågade om …:", "Til den, der spurgte om …:", "To the
#: reader who asked …:"): information follows.
_ASKED = re.compile(r"\b(?:frågade|frågat|undrade|spurgte|har\s+spurgt|asked|wondered)\b", re.IGNORECASE)


def _addressed_menace(ctx: Context) -> list[tuple[int, int]]:
    """Menace told as advice to someone the post addresses: after "Till den på vägavdelningen som
    bestämde …:", "Friendly advice for the wind co-op:", "Til ham, der underviser i hiphop …:" a
    phrase that menaces by itself (``threat_addressed``: "titta dig över axeln", "det ville være
    ærgerligt, hvis der skete noget med dine ruder") or two different ones that do together
    (``threat_addressed_weak``: "no cameras … long memories", "vilken bil du kör … när du går hem").
    Not advice to everyone ("Till alla som …", "Till dig som …"), to a plural group ("new members",
    "föräldrarna"), an answer to a question ("Til den, der spurgte om …:"), a post with thanks,
    congratulations or a welcome, nor weak cues beside a hazard or a protective instruction."""
    strong = ctx.lists.phrase_regex("threat_addressed", ctx.phrase_languages)
    weak = ctx.lists.phrase_regex("threat_addressed_weak", ctx.phrase_languages)
    if strong is None or _KIND.search(ctx.text):
        return []
    out: list[tuple[int, int]] = []
    for a in _ADDRESS.finditer(ctx.text):
        who = a.group("who").strip()
        if _EVERYONE.match(who) or _ASKED.search(who) or ctx.inside(a.start("who"), a.end("who")):
            continue
        if _ONE_WHO.search(who) is None and (a.group("advice") is None or _hazard(ctx)
                                             or _GROUP_END.search(who.split()[-1])):
            continue  # "Till styrelsen: …", "A tip for cyclists: … icy roads …", "Friendly advice to new members:"
        hits = [m for m in strong.finditer(ctx.text, a.end())
                if not ctx.inside(m.start(), m.end()) and not ctx.discourse.negated(m.start(), window=2)]
        if not hits and weak is not None and not _hazard(ctx) and not _PROTECT.search(ctx.text):
            cues = [m for p in _weak_patterns(ctx) for m in [p.search(ctx.text, a.end())]
                    if m is not None and not ctx.inside(m.start(), m.end())]
            if len(cues) >= 2:  # two different cues ("no cameras … long memories"), not one said twice
                hits = sorted(cues, key=lambda m: m.start())[:1]
        if hits:
            out.append((hits[0].start(), hits[0].end()))
    return out


def _weak_patterns(ctx: Context) -> list[re.Pattern[str]]:
    langs = ctx.phrase_languages
    return ctx.lists.cached(("threat_addressed_weak", "each", langs), lambda: [
        re.compile(p, re.IGNORECASE) for p in ctx.lists.phrase_items("threat_addressed_weak", langs, regex=True)])


def _emit_threat(ctx: Context, start: int, end: int, severity: Severity | None) -> None:
    params, sev = voice_params(ctx, start, end)
    params["phrase"] = ctx.text[start:end]
    ctx.emit("text.threat", (start, end), params=params, severity=sev or severity)


def _veiled_pairs(ctx: Context) -> list[tuple[int, int]]:
    """"Pas godt på din familie … Man ved aldrig, hvad der kan ske": care for someone's family
    (or for themselves "fremover") beside "you never know what can happen" is a veiled threat;
    either alone is not, nor the pair in a post about a hazard (traffic, ice, fire: advice)."""
    langs = ctx.phrase_languages
    watch, uncertain = ctx.lists.phrase_regex("threat_watch", langs), ctx.lists.phrase_regex("threat_uncertain", langs)
    if watch is None or uncertain is None:
        return []
    w, u = watch.search(ctx.text), uncertain.search(ctx.text)
    if w is None or u is None or ctx.inside(w.start(), w.end()) or ctx.discourse.negated(w.start()):
        return []
    if _hazard(ctx):
        return []  # "pas godt på dig selv i trafikken – man ved aldrig …": safety advice
    return [(min(w.start(), u.start()), max(w.end(), u.end()))]


_OTHERWISE = re.compile(r"annars|ellers|or(?:\s+else)?", re.IGNORECASE)
_AGENT = re.compile(r"\b(?:vi|we|jag|jeg|i(?:'ll|’ll)|någon|nogen|someone|somebody|oss|os|us)\b", re.IGNORECASE)
_CONSEQUENCE_BREAK = re.compile(r",|;|:|–|—|\s-\s|\b(?:och|så|og|and|then|or|eller)\b", re.IGNORECASE)


def _conditional_threats(ctx: Context) -> list[tuple[int, int]]:
    """A condition put to someone and, after it in the sentence or in the next one, harm or menace
    that falls on a person ("… blir det ambulans som kör hem dig", "the coach will end up in
    hospital", "dine ruder bliver smadret") or menace itself ("se vad som händer", "regret"). A
    consequence that only may happen ("kan en brand sprida sig") is advice, not a threat."""
    langs = ctx.phrase_languages
    cond = ctx.lists.phrase_regex("threat_condition", langs)
    harm = ctx.lists.phrase_regex("threat_consequence", langs)
    if cond is None or harm is None:
        return []
    maybe = frozenset(w.casefold() for w in ctx.lists.phrase_items("threat_maybe", langs))
    future = frozenset(w.casefold() for w in ctx.lists.phrase_items("threat_future", langs))
    accident = ctx.lists.phrase_regex("threat_accident", langs)
    cheer = ctx.lists.phrase_regex("threat_encourage", langs)
    you = ctx.lists.phrase_regex("attack_target", langs)
    menace = re.compile(r"se\s+vad|see\s+what|se,?\s+hvad|overrask|förvån|surprised|ångra|fortryde|regret|angre|"
                        r"sorry|feel\s+it|mærke|känna\s+på|pay\s+for|betal|sota|bøde", re.IGNORECASE)
    out: list[tuple[int, int]] = []
    safety = ctx.lists.phrase_regex("threat_safety", langs)
    for m in cond.finditer(ctx.text):
        if ctx.inside(m.start(), m.end()):
            continue
        if safety is not None:
            s0, s1 = ctx.discourse.sentence_text(m.start())
            k = safety.search(ctx.text, m.end(), s1)
            if k is not None and ctx.discourse.negated(k.start(), window=6):
                out.append((m.start(), k.end()))  # "hvis I lukker klubben, kommer I ikke trygt hjem"
                continue
        s0, s1 = ctx.discourse.sentence_text(m.start())
        nxt = ctx.sentence_at(s1 + 1) if s1 < len(ctx.text) else None
        stop = nxt.end if nxt is not None and s1 - s0 < 60 else s1
        brk = _CONSEQUENCE_BREAK.search(ctx.text, m.end(), s1)
        brk_end = brk.end() if brk is not None else None
        otherwise = _OTHERWISE.fullmatch(m.group().strip()) is not None
        if otherwise:
            brk_end = m.end()  # "Annars letar vi upp dig", "or we'll come round": the consequence itself
        h = None
        for h in harm.finditer(ctx.text, m.end(), stop):
            if brk_end is not None and brk_end <= h.start():
                break  # after the condition's clause
            if len(ctx.text[m.end():h.start()].split()) >= 4:
                break  # "Röstar ni igenom nedläggningen av skolan kommer vi att se till att ni får det jobbigt"
        else:
            h = None
        if h is None:
            continue  # harm only inside the condition ("if you see a fire, call 112") or none
        if otherwise and (len(re.findall(r"[^\W\d_][\w'’]*", ctx.text[m.end():h.start()])) > 6
                          or not _AGENT.search(ctx.text, m.end(), h.end())):
            continue  # someone must do it, right there: not "annars får du betala … hos oss", not
            # "Husk solcreme, ellers kommer du til at brænde dig", not "… – and you'll be sorry"
        r0 = brk_end if brk_end is not None and brk_end <= h.start() else m.end()
        if accident is not None and accident.search(ctx.text, m.start(), h.start()):
            continue  # "if you fall on the ice you will end up in hospital": advice
        region = ctx.text[r0:stop]
        if cheer is not None and cheer.search(ctx.text, m.start(), h.start()) is not None \
                and menace.search(h.group()) is not None and not _falls_on_someone(ctx, h.end(), you):
            continue  # "Keep going and see what happens!": a promise to someone cheered on
        words = {w.casefold() for w in re.findall(r"[^\W\d_]+", region)}
        if words & maybe:
            continue  # "kan en brand sprida sig snabbt"
        aimed = you is not None and you.search(region) is not None or (
            "da" in langs and re.search(r"\bI\b", region) is not None)
        person = any(ctx.lists.person_kind(w, langs) == "person" for w in words) or bool(
            words & {"han", "hon", "hen", "hun", "he", "she", "him", "her", "honom", "henne", "ham", "hende"})
        is_menace = menace.search(h.group()) is not None
        if not (aimed or person or is_menace):
            continue
        if not is_menace and not words & future:
            continue  # "…, take him to the hospital": advice, not something that will be done
        if ctx.discourse.negated(h.start(), h.end(), window=2):
            continue
        out.append((m.start(), h.end()))
    return out



def _falls_on_someone(ctx: Context, end: int, you: re.Pattern[str] | None) -> bool:
    """Whether the rest of the menace's sentence names whom or what it falls on ("… and see what
    happens to your windows", "… med din bil"), not a time or nothing ("… and see what happens!",
    "… se vad som händer till våren")."""
    s0, s1 = ctx.discourse.sentence_text(end)
    rest = ctx.text[end:max(end, s1)]
    if you is not None and you.search(rest):
        return True
    return any(t.kind == "mention" for t in ctx.tokens if end <= t.start < s1)


def _warnings(ctx: Context) -> list[tuple[int, int]]:
    """A warning that closes menace: "Akta dig.", "Ni är varnade", "you've been warned" beside a
    condition or someone addressed ("Nästa gång du dyker upp …"); and weaker closers ("det lover
    jeg", "just saying") only when the post is hostile already (harm, coarse words or abuse)."""
    langs = ctx.phrase_languages
    target = ctx.lists.phrase_regex("threat_warning_target", langs)
    if target is None:
        return []
    out: list[tuple[int, int]] = []
    strong = ctx.lists.phrase_regex("threat_warning", langs)
    weak = ctx.lists.phrase_regex("threat_warning_weak", langs)
    harm = ctx.lists.phrase_regex("threat_consequence", langs)
    hostile = any(f.rule in ("text.profanity", "text.insult", "text.personal_attack") for f in ctx.findings) or (
        harm is not None and harm.search(ctx.text) is not None)
    for rx, needs_hostility in ((strong, False), (weak, True)):
        if rx is None or (needs_hostility and not hostile):
            continue
        for w in rx.finditer(ctx.text):
            if ctx.inside(w.start(), w.end()) or ctx.discourse.negated(w.start(), window=2) \
                    or ctx.discourse.voice(w.start(), w.end()) != OWN:
                continue
            s0, s1 = ctx.discourse.sentence_text(w.start())
            rest = [(a, b) for a, b in ((0, s0), (s1, len(ctx.text))) if b > a]
            t = next((m for a, b in rest for m in target.finditer(ctx.text, a, b)), None)
            if t is None:
                continue
            out.append((min(w.start(), t.start()), max(w.end(), t.end())))
            return out
    return out


_ADDRESSED = re.compile(r"(?<!\w)(?:du|dig|dej|din|ditt|dina|ni|er|era|jer|jeres|dine|dit|you|your|you'll|you’ll)(?!\w)"
                        r"|(?-i:(?<!\w)I(?!\w))", re.IGNORECASE)
_COMING = re.compile(r"(?<!\w)(?:kommer|ska|skall|skal|vil|will|'ll|’ll|going\s+to|gonna|ender|hamnar|ends?\s+up|"
                     r"väntar|venter|waiting|hittar|finder|find|vet|ved|know)(?!\w)", re.IGNORECASE)


#: How a threat reaches us: shouted, written, sent ("skrek", "råbte", "a letter saying", "ett sms"),
#: not a plain "säger"/"said" ("Jägarna säger att de ska skjuta rödräv", "the band said they would shoot").
_HOSTILE = re.compile(r"(?<!\w)(?:skrek|skriker|ropade|ropar|vrålade|skrev|skrivit|hotade|hotat|mejl\w*|mail\w*|sms\w*|brev\w*|"
                      r"meddelande\w*|lapp\w*|kommentar\w*|råbte|råber|skreg|truede|truet|besked\w*|seddel|sedlen|"
                      r"shouted|yelled|screamed|wrote|written|threatened|letter|message|note|e-?mail|voicemail|comment|text|told|warned|"
                      r"warning|fick\s+höra|fik\s+at\s+vide)(?!\w)",
                      re.IGNORECASE)
_CONDITION = re.compile(r"(?<!\w)(?:hvis|om|ifall|såvida|medmindre|if|unless)(?!\w)", re.IGNORECASE)
_INTENT = re.compile(r"(?<!\w)(?:skulle|ville|ska|skall|tänker|tänkte|kommer\s+att|skal|vil|would|will|was\s+going\s+to|"
                     r"were\s+going\s+to|'d|’d|'ll|’ll)(?!\w)", re.IGNORECASE)


def _quoted_threats(ctx: Context) -> list[tuple[int, int]]:
    """A threat someone else made, told in a post that reports it. Quoted: the quotation speaks
    to someone ("du", "you") about what will come ("Vi kommer hem till dig", "we'll be waiting
    for you after your shift") in a post that reports or condemns it ("Vi har polisanmält
    hotet"); or it names harm (``threat_reported_harm``: "tända på hela stationen", "komma dit
    med kniv") as what someone will do (a modal in it or before it, or "du"/"you") in a post that
    reports it to the police or condemns it (``threat_reported_frame``) or says someone threatened
    us (``threat_reported_cue``: "blev hotad av", "truede med", "threatened to"). Reported: a
    reporting verb, then what someone would or will do, then the harm ("råbte, at han ville skyde forsangeren", "a letter saying our office
    will go up in flames"). It warns and never blocks (the voice is quoted or reported)."""
    d = ctx.discourse
    told = d.cue_anywhere("threat_reported_frame") or d.cue_anywhere("threat_reported_cue")
    if not (told or d.condemns):
        return []
    harm = ctx.lists.phrase_regex("threat_reported_harm", ctx.phrase_languages) if told else None
    out: list[tuple[int, int]] = []
    for q0, q1 in d.quotes:
        inner = ctx.text[q0 + 1:q1 - 1]
        if len(inner.split()) < 3 or d.in_title(q0 + 1, q1 - 1) or _negated_outside_condition(ctx, q0 + 1, q1 - 1):
            continue
        if d.condemns and _ADDRESSED.search(inner) and _COMING.search(inner):
            out.append((q0, q1))
            continue
        if harm is None or not harm.search(inner) or _service_sentence(ctx, q0):
            continue
        said = d.report_end(q0)  # what someone will do, said in the quote or before it ("skrev att han skulle ”…”")
        if not _HOSTILE.search(ctx.text, d.reporting_start(q0), q0):
            continue  # "Scoutledaren säger: ”vi ska tända på brasan”": said, not shouted, written or sent
        if _INTENT.search(inner) or _ADDRESSED.search(inner) \
                or (said is not None and _INTENT.search(ctx.text, said, q0)):
            out.append((q0, q1))
    if harm is None:
        return out
    for m in harm.finditer(ctx.text):
        said = d.report_end(m.start())
        if said is None or d.in_quote(m.start(), m.end()) or d.negated(m.start(), m.end()) \
                or _service_sentence(ctx, m.start()) or not _HOSTILE.search(ctx.text, d.reporting_start(m.start()), m.start()):
            continue
        if _INTENT.search(ctx.text, said, m.start()):
            out.append((m.start(), m.end()))
    return out


def _service_sentence(ctx: Context, pos: int) -> bool:
    """Whether the sentence of ``pos`` is about a course, a kitchen or a recipe
    (``threat_reported_service``): "Kokken siger, at I skal komme med en kniv hjemmefra"."""
    s0, s1 = ctx.discourse.sentence_text(pos)
    return ctx.discourse.cue_in("threat_reported_service", s0, s1)


_CLAUSE_END = re.compile(r"[,;:–—]|\s-\s")


def _negated_outside_condition(ctx: Context, start: int, end: int) -> bool:
    """Whether [start, end) holds a negation outside a condition's own clause: in "Jeg kommer
    forbi med en kniv, hvis I ikke fjerner jeres stand" the "ikke" belongs to the condition and
    denies nothing; in "… hvis du vil slå tiden ihjel – en krimi, man ikke kan lægge fra sig" it
    stands after the condition and still counts."""
    d = ctx.discourse
    cond = _CONDITION.search(ctx.text, start, end)
    if cond is None:
        return d.negated(start, end, window=0)
    stop = _CLAUSE_END.search(ctx.text, cond.end(), end)
    after = stop.start() if stop else end
    return d.negated(start, cond.start(), window=0) or (after < end and d.negated(after, end, window=0))
