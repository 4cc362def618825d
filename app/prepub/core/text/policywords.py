"""Checks on words the organisation's policy names: confidential partners and projects (VIF 5),
internal-only markers (S Stockholm; XX Fortrolighed), competitors next to negative words (XX Ingen
bagtale), the organisation's people named by first name only (VIF 2: namn ska skrivas ut), and
phrases that announce where people are right now (VIF 3: aldrig från pågående resor)."""

from __future__ import annotations

import re

from prepub.core.model import Fix, Severity
from prepub.core.text import gazetteer
from prepub.core.text.context import Context
from prepub.core.text.dates import MONTHS, WEEKDAYS
from prepub.core.text.tone import _people as _people_noun
from prepub.core.text.wordlists import phrases_pattern

#: Every weekday of every language, from the one list the date check uses (dates.WEEKDAYS).
_WEEKDAY = "(?:" + "|".join(sorted({d for days in WEEKDAYS.values() for d in days}, key=len, reverse=True)) + ")"

_LEGAL_FORM = r"(?:ab|hb|kb|a/s|aps|as|asa|oy|ltd|inc|gmbh|i\.o\.|ek\.\s?för\.)"
_LEGAL_TAIL = re.compile(rf"\s+{_LEGAL_FORM}$", re.IGNORECASE)
_ENDINGS = r"(?:s|n|t|en|et|ens|ets|ns|e|es|ene|enes|['’:]s|:n|:en|:et)"
MIN_COMPOUND_CORE = 6
# generic words of a project's name, written in the other languages too ("Projekt Nordlys" is
# "Project Nordlys" in an English post)
_GENERIC = {w: r"(?:proje[ck]t|prosjekt)" for w in ("projekt", "project", "prosjekt")}  # a name this long is also caught as the first part of a compound
TRIP_WINDOW_WORDS = 4


def _core(name: str) -> str:
    return _LEGAL_TAIL.sub("", name.strip()).strip()


def name_regex(name: str, *, compounds: bool = True) -> re.Pattern[str] | None:
    """A case-insensitive pattern for an organisation name in running text: any spacing between
    its words, the legal form (AB, A/S …) optional, genitive and definite endings allowed, and –
    for long names – as the first part of a compound ("Partnerorgprojektet")."""
    core = _core(name)
    words = core.split()
    if not words:
        return None
    body = r"[\s_\-.]*".join(_GENERIC.get(w.casefold(), re.escape(w)) for w in words)
    # a compound goes on with a new word ("Partnerorgprojektet"), not with the rest of a longer
    # word that merely begins like the name ("partnerorganisationer"): a tail that starts with a
    # vowel after the name's consonant continues the word
    cont = "(?![aeiouyåäöæø])" if words[-1][-1:].casefold() not in "aeiouyåäöæø" else ""
    tail = rf"|{cont}[^\W\d_]{{3,}}" if compounds and len("".join(words)) >= MIN_COMPOUND_CORE else ""
    return re.compile(rf"(?<![^\W_])[#@]?{body}(?:[\s_\-]*{_LEGAL_FORM})?(?:{_ENDINGS}{tail})?(?![^\W\d_])",
                      re.IGNORECASE)


def _squash(s: str) -> str:
    return re.sub(r"[\s_\-.]+", "", s).casefold()


def check_confidential(ctx: Context) -> None:
    names = [str(n) for n in ctx.policy.text.confidential or [] if str(n).strip()]
    for name in names:
        flagged: list[tuple[int, int]] = []
        rx = name_regex(name)
        if rx is not None:
            for m in rx.finditer(ctx.text):
                if not ctx.inside(m.start(), m.end(), ("url", "email")):
                    flagged.append((m.start(), m.end()))
        squashed = _squash(_core(name))
        for t in ctx.of_kind("hashtag", "mention", "url", "email"):
            if squashed and squashed in _squash(t.text) and not any(s < t.end and t.start < e for s, e in flagged):
                flagged.append((t.start, t.end))
        for span in flagged:
            ctx.emit("text.confidential", span, params={"name": name, "found": ctx.text[span[0]:span[1]]})


def check_internal(ctx: Context) -> None:
    """Markers that a text is internal: phrases that say so wherever they stand ("får ej spridas",
    "må ikke deles", "do not share"), and words that do so only as a label – at the start of the
    post or a line followed by ":", "–" or ",", in brackets, or in capitals ("INTERNT –",
    "[Utkast]", "FORTROLIGT"), not in running text ("uppgifterna hanteras konfidentiellt"). The
    policy's ``[text] internal_markers`` add to the built-in lists: its one-word markers are
    labels, longer ones count anywhere."""
    langs = ctx.phrase_languages
    # the account's other languages' phrases too (not English ones in a Nordic post), and of their
    # labels those no English word looks like: a marker left in from a Danish e-mail stays one in
    # an English post ("Kun til intern brug: the startups …", "Endast internt – the list …"), while
    # "INTERN", "Utkast" or "Don't share, care!" are words
    other = tuple(lang for lang in ctx.org_languages if lang not in langs and lang != "en")
    own = [str(m).strip() for m in ctx.policy.text.internal_markers or [] if str(m).strip()]
    phrases = ctx.lists.phrase_items("internal", langs + other) + [m for m in own if " " in m]
    labels = ctx.lists.phrase_items("internal_label", langs) + ctx.lists.phrase_items("internal_label_abroad", other) \
        + [m for m in own if " " not in m]
    found: list[tuple[int, int]] = []
    if phrases:
        rx = ctx.lists.cached(("internal_phrases", tuple(phrases)), lambda: re.compile(
            phrases_pattern(phrases), re.IGNORECASE))
        spread_things = ctx.lists.phrase_regex("internal_spread_things", langs)
        for m in rx.finditer(ctx.text):
            if spread_things is not None and _SPREAD.search(m.group()):
                s0, s1 = ctx.discourse.sentence_text(m.start())
                if spread_things.search(ctx.text, s0, s1):
                    continue  # "Invasiva växter som blomsterlupin får ej spridas": a rule for nature
            if _ADVICE_OBJECT.match(ctx.text, m.end()) or _IN_COMMON.match(ctx.text, m.end()):
                continue  # "Do not share your bank or login codes": advice to the reader, not a label;
                # "These people don't share our values": having in common
            found.append((m.start(), m.end()))
    if labels:
        rx = ctx.lists.cached(("internal_labels", tuple(labels)), lambda: re.compile(
            phrases_pattern(labels), re.IGNORECASE))
        found += [(m.start(), m.end()) for m in rx.finditer(ctx.text) if _is_label(ctx.text, m.start(), m.end())]
    kept: list[tuple[int, int]] = []
    for span in sorted(found):
        if kept and span[0] < kept[-1][1]:
            continue
        if ctx.inside(*span) or ctx.discourse.negated(span[0], window=1) or _quoted_alone(ctx, *span):
            continue
        kept.append(span)
    for start, end in kept:
        ctx.emit("text.internal_marker", (start, end), params={"marker": ctx.text[start:end]})


_SPREAD = re.compile(r"sprid|spred|spread", re.IGNORECASE)
#: What the reader is told not to share, right after the phrase: their own codes and passwords.
_ADVICE_OBJECT = re.compile(r"\s+(?:(?:your|din|ditt|dina|dit|dine|jeres|ert|era)\s+)?(?:[^\W\d_]+\s+){0,3}?"
                            r"(?:passwords?|lösenord\w*|adgangskode\w*|kod(?:er|en|erna)?|koder(?:ne)?|codes?|pin(?:-?kod\w*)?)\b",
                            re.IGNORECASE)


#: What is had in common, not passed on, right after "share/dela/dele": values, views, a passion.
_IN_COMMON = re.compile(r"\s+(?:(?:our|your|their|his|her|the\s+same|vores|jeres|deres|hans|hendes|samme|våra|vår|vårt|"
                        r"era|ert|er|deras|samma|min|mina|mine|my)\s+)?(?:[^\W\d_]+\s+)?(?:values?|views?|opinions?|"
                        r"beliefs?|enthusiasm|passion|interests?|love|taste|humou?r|dreams?|visions?|goals?|kärlek|smak|dröm\w*|mål|"
                        r"kærlighed|smag|drøm\w*|værdier\w*|värderingar\w*|åsikt\w*|syn|intresse\w*|"
                        r"holdning\w*|synspunkt\w*|interesse\w*|glæde|glädje|passion\w*)\b", re.IGNORECASE)


#: Thanks, praise or congratulations in the post: a hint at a competitor is then a joke among friends.
_KIND = re.compile(r"\b(?:tack|tak|thanks?|thank\s+you|tillykke|grattis|gratulerar|congratulations?|bästa|bedste|best|"
                   r"hurtigere|snabbare|faster|samarbejdet|samarbetet|collaboration)\b|😄|😂|😉", re.IGNORECASE)
#: Words of the negative list that say something only of the competitor named before them ("Vejret er
#: upålideligt, så Rival A/S og vi flytter loppemarkedet" says it of the weather).
_THEIRS_ONLY = re.compile(r"(?:upålidelig|opålitlig|otillförlitlig|utroværdig|uærlig|oärlig|unreliable|untrustworthy)",
                          re.IGNORECASE)
#: Help or thanks in a sentence after an aside: praise of them ("Deres medarbejdere hjalp os …").
_HELPED = re.compile(r"\b(?:hjalp|hjælper|hjälpte|hjälper|helped|helps|tak|tack|thanks?)\b", re.IGNORECASE)
#: Someone posing as the competitor: a scam warning, not a run-down.
_POSING = re.compile(r"\b(?:claiming\s+to\s+(?:come\s+)?from|claims?\s+to\s+be\s+from|pretending\s+to\s+be|posing\s+as|"
                     r"påstår\s+(?:at|att)\s+(?:de|han|hun|hon)\s+(?:kommer|ringer)\s+fr[aå]n?|utger\s+sig\s+för|"
                     r"udgiver\s+sig\s+for|(?:säger|siger),?\s+(?:att|at)\s+(?:de|han|hon|hun)\s+kommer\s+fr[aå]n?|"
                     r"say\s+(?:they|he|she)\s+(?:are|is|\x27re|’re)\s+from)\b", re.IGNORECASE)
#: A promise broken: the competitor must be the one who promises ("Rival A/S lover …, men …").
_PROMISE = re.compile(r"(?:lover|lovar|promised)\b", re.IGNORECASE)


def _quoted_alone(ctx: Context, start: int, end: int) -> bool:
    """A marker that is all of a quotation ("”Ej för extern spridning” stod det på gamla kartor"):
    the words are mentioned, not used as a label on this text."""
    if not ctx.discourse.in_quote(start, end):
        return False
    before, after = ctx.text[max(0, start - 1):start], ctx.text[end:end + 1]
    return before in "\"“”'‘’«»„" and before != "" and after in "\"“”'‘’«»" and after != ""


def _is_label(text: str, start: int, end: int) -> bool:
    word = text[start:end]
    if word.isupper() and len(word) > 2:
        return True
    before = text[max(0, text.rfind("\n", 0, start) + 1):start].strip(" \t*_[(/")  # "// internt:", "/intern info –"
    if before.casefold().rstrip(":!. ") in _LABEL_LEAD:
        before = ""  # "OBS internt!!", "NB: fortroligt –"
    after = text[end:end + 3]
    # "[Utkast]", "[internt: …]", "(fortroligt, så hold det for jer selv)"
    bracketed = text[start - 1:start] in "[(" and text[end:end + 1] in "]):,"
    at_line_start = before == "" and (after[:1] in (":", ",", ")", "]", "\n", "", "!") or after.lstrip(" ")[:1] in "–—-:"
                                      or _NOTE.match(text, end) is not None)  # "Internt notat fra LMU:"
    return bracketed or at_line_start


_LABEL_LEAD = frozenset({"obs", "nb", "ps", "pss"})
_NOTE = re.compile(r"\s+(?:notat|note|memo|pm|info|information|mejl|mail|e-mail|besked|meddelande|meddelelse|utkast|udkast|draft)\b[,:]?",
                   re.IGNORECASE)


def check_competitors(ctx: Context) -> None:
    """A competitor – one the policy names ([organisation] competitors, in any inflected form:
    "Nordbolagets", "Rival") or competitors named as such ("konkurrenterna", "our competitors") –
    and, in the same sentence, words that run it down ("usel", "halvdana", "ocker­priser", "leverer
    aldrig til tiden", "rip off") or abuse. A name standing alone as a question or a heading
    ("Rival A/S? Dyrt, langsomt og uprofessionelt.") takes the next sentence too. Hearsay or
    sarcasm that the rumour and irony checks found in that span runs it down as well. A neutral
    comparison ("lägre avgifter än …") says nothing bad and passes."""
    competitors = [str(c) for c in ctx.policy.organisation.competitors or [] if str(c).strip()]
    negative = ctx.lists.phrase_regex("negative", ctx.phrase_languages)
    broken = ctx.lists.phrase_regex("competitor_broken", ctx.phrase_languages)
    failing = ctx.lists.phrase_regex("competitor_failing", ctx.phrase_languages)
    waiting = ctx.lists.phrase_regex("competitor_waiting", ctx.phrase_languages)
    contrast = ctx.lists.phrase_regex("competitor_contrast", ctx.phrase_languages)
    back = frozenset(w.casefold() for w in ctx.lists.phrase_items("competitor_back", ctx.phrase_languages))
    generic = ctx.lists.phrase_regex("competitor_generic", ctx.phrase_languages)
    hint = None if _KIND.search(ctx.text) else ctx.lists.phrase_regex("competitor_insinuation", ctx.phrase_languages)
    coarse = [(f.span[0], f.span[1]) for f in ctx.findings if f.span and f.rule in (
        "text.profanity", "text.insult", "text.slur", "text.personal_attack")]
    # hearsay or sarcasm about a competitor runs it down too ("Det sägs att Nordbolaget AB är på
    # väg mot konkurs", "Rival A/S har »revolutioneret« … 🙄"), a hint (info) included
    # (a rumour only when it is bad news: "Vi har hört att Nordbolaget AB ska köpa upp hamnen" is not)
    told = [(f.span[0], f.span[1], f.rule == "text.rumour") for f in ctx.findings
            if f.span and f.rule in ("text.irony", "text.rumour") and f.severity is not Severity.INFO]
    mentions: list[tuple[int, int, str]] = []
    for name in competitors:
        rx = name_regex(name, compounds=False)
        if rx is not None:
            mentions += [(m.start(), m.end(), name) for m in rx.finditer(ctx.text)
                         if not ctx.inside(m.start(), m.end(), ("url", "email"))]
    if generic is not None:
        mentions += [(m.start(), m.end(), m.group()) for m in generic.finditer(ctx.text)
                     if not ctx.inside(m.start(), m.end(), ("url", "email"))]
    done: set[int] = set()
    for start, end, name in sorted(mentions):
        sentence = ctx.sentence_at(start)
        if sentence is None or sentence.start in done:
            continue
        s0, s1 = sentence.start, sentence.end
        if name not in competitors and ctx.discourse.cue_in("competition", s0, s1):
            continue  # "Over 300 competitors took part in the race": rivals in a sport, not a firm
        if _POSING.search(ctx.text, s0, s1):
            continue  # "a text message claiming to come from Rival A/S is a trap": someone posing as them
        if _THANKED.search(ctx.text, max(s0, start - 40), start):
            continue  # "Stort tack till Nordbolaget AB som ställde upp när det blev kaos"
        if len(sentence.words) <= 3:  # "Rival A/S?" – what follows is about it
            nxt = ctx.sentence_at(s1 + 1) if s1 < len(ctx.text) else None
            if nxt is None:
                nxt = next((s for s in ctx.sentences if s.start >= s1), None)
            if nxt is not None:
                s1 = nxt.end
        nxt = next((s for s in ctx.sentences if s.start >= s1), None)
        if nxt is not None and _refers_back(ctx, nxt.start, nxt.end, back, negative) \
                and not _HELPED.search(ctx.text, nxt.start, nxt.end):
            s1 = nxt.end  # "… Nordbolaget AB. Kort svar: slarv, förseningar …", "… Rival A/S? Klogt valg. Deres folk er …"
            lead_in = ctx.text[nxt.start:nxt.end].rstrip().endswith(":")  # "Kort svar: slarv, …"
            nxt = next((s for s in ctx.sentences if s.start >= s1), None)
            if nxt is not None and lead_in and not _refers_back(ctx, nxt.start, nxt.end, back, negative):
                s1 = nxt.end  # the answer to "Kort svar:" is about us ("vi tömmer när vi har lovat."); what
                nxt = next((s for s in ctx.sentences if s.start >= s1), None)  # follows may be about them
                lead_in = False
            if nxt is not None and (lead_in and _refers_back(ctx, nxt.start, nxt.end, back, negative) or any(
                    w.casefold() in back for w in re.findall(r"[^\W\d_]+", ctx.text[nxt.start:nxt.end])[:4])):
                s1 = nxt.end  # "… Klogt valg. Deres folk er …", "… Kort svar: vi … Fråga gärna deras kunder hur …"
        if s1 == sentence.end:  # "Rival A/S? Think again. They hide their fees …": a short aside, then them
            ahead = [s for s in ctx.sentences if s.start >= s1][:2]
            if len(ahead) == 2 and len(ahead[0].words) <= 7 and any(
                    w.casefold() in back for w in re.findall(r"[^\W\d_]+", ctx.text[ahead[1].start:ahead[1].end])[:3]) \
                    and not _HELPED.search(ctx.text, ahead[1].start, ahead[1].end):
                s1 = ahead[1].end  # not "Rival A/S? Ja. Deres medarbejdere hjalp os efter katastrofen"
        bad: list[tuple[int, int]] = [s for s in coarse if s0 <= s[0] < s1]
        joint = any(_JOINT_AFTER.match(ctx.text, m1) or _JOINT_BEFORE.search(ctx.text, max(0, m0 - 20), m0)
                    for m0, m1, _n in mentions if s0 <= m0 < s1)  # "Rival A/S og vi har fjernet de rådne pæle"
        # hearsay may be owned up to in the next sentence ("Er det rigtigt, at Rival A/S er ved at
        # gå konkurs? Vi har hørt det fra flere sider.")
        after = next((s for s in ctx.sentences if s.start >= s1), None)
        s2 = after.end if after is not None else s1
        bad += [(a, b) for a, b, hearsay in told if s0 <= a < (s2 if hearsay else s1)
                and (not hearsay or _bad_news_of(ctx, end, s1)
                     or (negative is not None and negative.search(ctx.text, s0, s1)))]
        c = contrast.search(ctx.text, max(s0, start - 50), start) if contrast is not None else None
        if c is not None and (ctx.text[c.end():start].strip(" ,") or _we_fell_short_before(ctx, s0)):
            c = None  # "Vi vandt ikke prisen i år. Det kan man desværre ikke sige om Rival A/S": praise of them
        if negative is not None:
            # "det var inte ett skämt" takes the word back; after a contrast a negation is the
            # point ("Till skillnad från konkurrenterna tar vi inte ut ockerpriser")
            bad += [(n.start(), n.end()) for n in negative.finditer(ctx.text, s0, s1)
                    if not (n.start() < end and start < n.end())
                    and not (_THEIRS_ONLY.match(n.group()) and not any(s0 <= m0 < n.start() for m0, _e, _n in mentions))
                    and not (_PROMISE.match(n.group()) and not any(0 <= n.start() - m1 <= 3 for _m0, m1, _n in mentions))
                    and (c is not None or not ctx.discourse.negated(n.start(), window=2))
                    and not (_owner(ctx, n.start(), mentions, back) == "ours"
                             and not any(s0 <= m0 < n.start() for m0, _e, _n in mentions))]
            # "Vores dårligste kamp i år – men Rival A/S spillede godt": ours, before the name is said
        if hint is not None and not joint:
            # a hint needs the competitor in its sentence or the next; thanks or praise in the post make
            # it a joke ("We won't name names, but someone from Rival A/S baked the best cake")
            bad += [(n.start(), n.end()) for n in hint.finditer(ctx.text, s0, s1)]
            # and a wink in the sentence after it ("Rival A/S åbner endnu en butik. Nu kigger vi ikke på nogen …"); an
            # "ask someone who has been there" of its own is advice
            h1 = next((x.end for x in ctx.sentences if x.start >= s1), s1)
            bad += [(n.start(), n.end()) for n in hint.finditer(ctx.text, s1, h1) if not _ASK.match(n.group())]
        if waiting is not None:
            bad += [(n.start(), n.end()) for n in waiting.finditer(ctx.text, s0, s1)
                    if not ctx.discourse.negated(n.start(), n.end(), window=6) and not _BOTH_OF_US.search(ctx.text, s0, s1)
                    and _owner(ctx, n.start(), mentions, back) != "ours"]
        for rx in (broken, failing):  # "… deras lösningar faller isär", "Rival A/S, hvis fabriksbrød smager af pap"
            if rx is None or (rx is failing and joint):
                continue  # a failing we deal with together is no run-down ("Rival A/S og vi har fjernet de rådne pæle")
            bad += [(n.start(), n.end()) for n in rx.finditer(ctx.text, s0, s1)
                    if not ctx.discourse.negated(n.start(), window=2)
                    and not (rx is failing and _HELPS.search(ctx.text, max(s0, start), n.start()))
                    and (_owner(ctx, n.start(), mentions, back) == "theirs"
                         or (rx is failing and _owner(ctx, n.start(), mentions, back) is None
                             and _theirs_in_sentence(ctx, s0, n.start(), mentions)))]
        if failing is not None and not joint and len(re.findall(r"[^\W\d_]+", ctx.text[s0:end])) <= 10:
            # "Rotting decking, rude staff and cold coffee? Sounds like a weekend at Rival A/S.": the failings
            # asked about just before a short sentence that names them
            prev = max((x for x in ctx.sentences if x.end <= s0), key=lambda x: x.start, default=None)
            if prev is not None and ctx.text[prev.start:prev.end].rstrip().endswith("?") \
                    and not _OURS_RX.search(ctx.text, prev.start, prev.end):
                bad += [(n.start(), n.end()) for n in failing.finditer(ctx.text, prev.start, prev.end)
                        if not ctx.discourse.negated(n.start(), window=2)]
        if contrast is not None:
            if c is not None \
                    and not ctx.discourse.negated(end, min(sentence.end, end + 60), window=1):
                # only what follows the name is read for a negation: the contrast may hold its own
                # ("Vi är inte som Nordbolaget AB", "Det kan man ikke sige om Rival A/S")
                bad.append((c.start(), c.end()))  # "Unlike Nordbolaget AB, we actually pay on time"
        if not bad:
            continue
        done.add(sentence.start)
        first = min(bad)
        span = (min(start, first[0]), max(end, first[1]))
        ctx.emit("text.competitor_negative", span,
                 params={"competitor": name, "word": ctx.text[first[0]:first[1]]})


_WE = re.compile(r"\b(?:vi|we|vår|vårt|våra|vores|vor|vort|our|us|oss|os)\b|\bwe['’](?:ve|re)\b", re.IGNORECASE)
#: We lack or missed something: a negated "have", "win", "get", "reach" ("Vi vandt ikke prisen",
#: "We've never had a team in the finals", "Vi har aldrig fyllt hundra år"); not a boast that we never
#: do something bad ("Vi tar aldrig chanser med säkerheten").
_NOT = re.compile(r"\b(?:inte|ej|aldrig|ikke|never|not)\s+(?:\w+\s+)?(?:har|have|had|haft|haft|vandt|vann|vunnit|vundet|won|"
                  r"fick|fik|fået|fått|got|gotten|nått|nåede|nået|reached|fyllt|fyldt|blev|became)\b|"
                  r"\b(?:har|have|had|vandt|vann|won|fick|fik|got)\s+(?:\w+\s+)?(?:inte|ikke|aldrig|never|not|no)\b|"
                  r"\b(?:have|has|had)n['’]t\b|\bwe['’]ve\s+never\b", re.IGNORECASE)


def _we_fell_short_before(ctx: Context, s0: int) -> bool:
    """Whether the sentence before ``s0`` says we lack something ("Vi har aldrig fyllt hundra år.",
    "Vi vandt ikke prisen i år."): a contrast with the competitor after it praises them."""
    prev = max((x for x in ctx.sentences if x.end <= s0 and ctx.text[x.start:x.end].strip()),
               key=lambda x: x.start, default=None)
    if prev is None:
        return False
    seg = ctx.text[prev.start:prev.end]
    return bool(_WE.search(seg)) and bool(_NOT.search(seg))


#: What makes hearsay about a competitor bad news (besides the negative words): its ruin, said
#: after its name and not of someone else's ("… köpt lokalerna efter bageriets konkurs").
_BAD_NEWS = re.compile(r"\b(?:konkurs\w*|bankrupt\w*|insolven\w*|obestånd)\b", re.IGNORECASE)
_GENITIVE_BEFORE = re.compile(r"[^\W\d_]{2,}(?:s|'s|’s)\s+$")


#: First-person possessives: what follows them is ours ("när våra tält föll isär", "our own
#: chairs fell apart"), not the competitor's.
_OURS = frozenset("vår vårt våra min mitt mina vores vor vort mine mit our ours my".split())


def _owner(ctx: Context, pos: int, mentions: list[tuple[int, int, str]], back: frozenset[str]) -> str | None:
    """Whose thing the word at ``pos`` is said of, by the nearest owner before it in its clause:
    ``"ours"`` after "vår/vores/our" ("när våra tält föll isär"), ``"theirs"`` after the
    competitor's name or "deras/deres/their" ("… – deras lösningar faller isär"), else None."""
    lo = max(ctx.discourse.clause_start(pos), pos - 80)
    owner, at = None, -1
    for w in re.finditer(r"[^\W\d_]+", ctx.text[lo:pos]):
        low = w.group().casefold()
        if low in _OURS:
            owner, at = "ours", w.start()
        elif low in back or (low in _WHOSE and any(0 <= lo + w.start() - m1 <= 3 for _m0, m1, _n in mentions)):
            owner, at = "theirs", w.start()  # "… Rival A/S, hvis fabriksbrød smager af pap"
    compared = [c.end() for c in _COMPARED.finditer(ctx.text, lo, pos)]
    if owner == "ours" and compared and compared[-1] - lo > at:
        owner = None  # "vores kraner løfter dobbelt så hurtigt som det rustne skrammel, Rival A/S kører med"
    named = [m0 for m0, _, _ in mentions if lo <= m0 < pos]
    if named and max(named) - lo > at:
        owner = "theirs"  # the name stands nearer than any possessive
        if _HELPS.search(ctx.text, max(named), pos):
            return None  # "Rival A/S reparerer ødelagte cykler", "… helped us when the lift broke down"
    return owner


_WHOSE = frozenset({"hvis", "vars", "whose"})
#: The competitor and we together: "Rival A/S og vi", "we and Nordbolaget AB".
_JOINT_AFTER = re.compile(r"['’]?s?\s+(?:og|och|and|&|samt)\s+(?:vi|we|os|oss|us)\b", re.IGNORECASE)
_JOINT_BEFORE = re.compile(r"\b(?:vi|we|os|oss|us)\s+(?:og|och|and|&|samt)\s+$", re.IGNORECASE)
_ASK = re.compile(r"(?:ask|fråga|spørg)\b", re.IGNORECASE)
_OURS_RX = re.compile(r"\b(?:vår|vårt|våra|vores|our|vi|we)\b", re.IGNORECASE)


def _theirs_in_sentence(ctx: Context, s0: int, pos: int, mentions: list[tuple[int, int, str]]) -> bool:
    """Whether the competitor is named earlier in the sentence with nothing of ours in between, so
    that a failing after a clause break is still theirs ("Nordbolaget AB may be cheaper, but you get
    what you pay for", "Spar turen til Rival A/S' dyrepark – der er flere tomme bure end dyr")."""
    before = [m1 for _m0, m1, _n in mentions if s0 <= m1 <= pos]
    return bool(before) and not _HELPS.search(ctx.text, max(before), pos) \
        and not any(w.casefold() in _OURS or w.casefold() in _US for w in re.findall(r"[^\W\d_]+", ctx.text[max(before):pos]))


_US = frozenset("vi we oss os us".split())


#: A comparison: what follows it is the other side's ("snabbare än", "dobbelt så hurtigt som", "as fast as").
_COMPARED = re.compile(r"\b(?:än|end|than)\b|\b(?:så|as)\s+(?:[^\W\d_]+\s+){1,2}?(?:som|as)\b", re.IGNORECASE)


#: Ourselves and the competitor alike ("både hos oss och hos Nordbolaget AB", "both with us and at …"): no run-down.
_BOTH_OF_US = re.compile(r"\b(?:både\s+hos\s+(?:oss|os)|both\s+(?:with|at)\s+us|like\s+us)\b", re.IGNORECASE)


#: The competitor as the one who mends, collects, lends or helps: what is broken is not its own.
_HELPS = re.compile(r"\b(?:lagar|lagade|reparerar|reparerade|reparerer|reparerede|repairs?|repaired|fix(?:es|ed)?|"
                    r"sponsor\w*|bygger\s+om|renover\w*|rebuild\w*|fjern\w*|remov\w*|sorterer|sorterar|sorts?|sorting|"
                    r"oprydning\w*|clean-?up\w*|cleaning|städ\w*|rydder|ryddet|bytter|byter|swap\w*|"
                    r"samlar\s+in|samlade\s+in|samler|samlede|samlet|collects?|collected|hjälp\w*|hjalp|hjælp\w*|"
                    r"help(?:s|ed)?|lån\w*|lent|lends?|byter\s+ut|bytte\s+ud|replac\w*|tar\s+emot|tager\s+imod|"
                    r"tillsammans|sammen|together)\b", re.IGNORECASE)


def _bad_news_of(ctx: Context, end: int, s1: int) -> bool:
    m = _BAD_NEWS.search(ctx.text, end, s1)
    return m is not None and not _GENITIVE_BEFORE.search(ctx.text, max(end, m.start() - 30), m.start())
_THANKED = re.compile(r"\b(?:tack|tak|thanks?|thank\s+you|stort\s+tack|tusen\s+tack|tusind\s+tak)\s+(?:till|til|to)?\s*$",
                      re.IGNORECASE)


_AFTER_BREAK = re.compile(r"[–—:;]\s*([^–—:;]*)")


def _refers_back(ctx: Context, s0: int, s1: int, back: frozenset[str],
                 negative: re.Pattern[str] | None) -> bool:
    """Whether a sentence goes on about what the one before named: a pronoun among its first
    words ("Deras folk er …", "Their books …") or the first words after a dash or colon ("Read
    the small print first – their contracts …"), a short verdict ("Typiskt.", "Kort svar: …") or a
    verdict as its first words ("Oseriösa hyresvillkor och …", "slarv, förseningar och …"), not a
    sentence about something else ("Det var en dålig dag för fotboll")."""
    words = list(re.finditer(r"[^\W\d_]+", ctx.text[s0:s1]))
    if not words:
        return False
    if len(words) <= 5 or any(w.group().casefold() in back for w in words[:4]):
        return True
    for part in _AFTER_BREAK.finditer(ctx.text, s0, s1):  # "Read the small print first – their contracts are …"
        if any(w.casefold() in back for w in re.findall(r"[^\W\d_]+", part.group(1))[:3]):
            return True
    return negative is not None and negative.search(ctx.text, s0, s0 + words[min(1, len(words) - 1)].end()) is not None


def check_people(ctx: Context) -> None:
    """Organisation people named by first name only, unless the full name came earlier. A first
    name followed by another capitalised word is someone's full name ("Hans Christian Andersen");
    a first name that opens a sentence counts only when a person-like word follows – a verb
    ("Hans leder", "Mark will"), a comma or "och" – because "Hans bilder", "Mark your calendars"
    and "Line dance" use the name as an ordinary word."""
    people = [" ".join(str(p).split()) for p in ctx.policy.organisation.people or []]
    by_first: dict[str, list[str]] = {}
    for full in people:
        parts = full.split()
        if len(parts) >= 2:
            by_first.setdefault(parts[0], []).append(full)
    for first, fulls in by_first.items():
        full_spans = [m.start() for full in fulls
                      for m in re.finditer(r"\s+".join(map(re.escape, full.split())), ctx.text, re.IGNORECASE)]
        for m in re.finditer(rf"(?<![\w@#]){re.escape(first)}(s|'s|’s)?(?![\w])", ctx.text):
            after = ctx.text[m.end():m.end() + 60]
            nxt = re.match(r"\s+([^\W\d_][\w-]*)", after)
            if m.group(1) is None and nxt and nxt.group(1)[:1].isupper():
                continue  # "Anna Svensson" (or another Anna with a surname)
            if m.group(1) is None and _PARTICLE.match(after):
                continue  # "Lars von Trier", "Hans af Klercker": a surname with a particle
            if first == "Søren" and re.search(r"(?i:\bfor)\s+$", ctx.text[max(0, m.start() - 5):m.start()]):
                continue  # "For Søren da!": a Danish oath, not the colleague
            if m.group(1) is None and _TALE.match(after):
                continue  # "Hans och Gretas pepparkakshus": the fairy tale, not a colleague
            if ctx.discourse.in_title(m.start(), m.end()) and _quoted_words(ctx, m.start()) > 1:
                continue  # "the exhibition is called “Hans resa”": a title; not "hedder ”Line”", a name
            if _SAINT.search(ctx.text, max(0, m.start() - 8), m.start()):
                continue  # "Sankt Hans", "St. Lars": a feast day, not a colleague
            if any(s <= m.start() for s in full_spans) or ctx.inside(m.start(), m.end()):
                continue
            if m.group(1) is None and _opens_sentence(ctx, m.start()) and not _person_follows(ctx, after):
                continue
            fix = None
            if len(fulls) == 1:
                full = fulls[0]
                ending = m.group(1) or ""
                if ending and full[-1].lower() in "sxz":
                    ending = "" if ending == "s" else ending  # "Lars Andersson" + s -> "Lars Anderssons"
                fix = Fix(replacement=full + ending)
            ctx.emit("text.person_first_name", (m.start(), m.end()),
                     params={"name": m.group(), "full": " / ".join(fulls)}, fix=fix)


def _quoted_words(ctx: Context, pos: int) -> int:
    """How many words the quotation around ``pos`` holds (0 outside one)."""
    for q0, q1 in ctx.discourse.quotes:
        if q0 <= pos < q1:
            return len(ctx.text[q0 + 1:q1 - 1].split())
    return 0


#: A first name that is half of a fairy tale's pair ("Hans och Greta", "Hans og Grete").
_TALE = re.compile(r"\s+(?:och|og|&)\s+Gret(?:a|e|el)s?\b")
_SAINT = re.compile(r"(?:\bSankt|\bSankta|\bSanct|\bSt\.|\bSaint|\bSainte|\bSanta|\bSanto|\bSan|\bSão)\s+$")
_PARTICLE = re.compile(r"\s+(?:von|van|de|af|av|der|den|da|di|du|la|le|el|bin|ibn)\s+[A-ZÅÄÖÆØ]")


def _opens_sentence(ctx: Context, pos: int) -> bool:
    """Whether ``pos`` is the first word of a sentence or a line (after emoji or a bullet)."""
    s = ctx.sentence_at(pos)
    if s is not None and not any(t.wordish for t in ctx.tokens if s.start <= t.start < pos):
        return True
    line = ctx.text[ctx.text.rfind("\n", 0, pos) + 1:pos]
    if not any(ch.isalnum() for ch in line):
        return True
    # after an emoji that ends a thought ("… på caféen ☕️ Hans kanelsnegle er et hit")
    before = line.rstrip()
    return bool(before) and ord(before[-1]) >= 0x2190 and not before[-1].isalnum() and line.endswith(" ")


_PERSON_WORDS = frozenset("""hans hennes hens deras hon han hen de vi jag hela resten kollegorna kollegerne
hendes hun deres jeg vi his her their he she they we i the colleagues""".split())


_LIST_OF_THINGS = re.compile(r",\s*[a-zåäöæø][\w-]*(?:,\s*[a-zåäöæø][\w-]*)*\s+(?:og|och|and|&|samt)\s+[a-zåäöæø]")


_FROM_OURS = re.compile(r"(?:from|från|fra|i|på|hos|ved|at|in)\s+(?:our|vår|vårt|våra|vores|vor|vort)\s+(?:[^\W\d_]+\s+)?"
                        r"[^\W\d_]*(?:team|teamet|unit|office|department|desk|service|staff|crew|avdelning|avdelningen|"
                        r"enhet|enheten|kundtjänst|kontor|kontoret|förvaltning|förvaltningen|afdeling|afdelingen|enhed|"
                        r"enheden|forvaltning|forvaltningen|borgerservice|kundeservice|sekretariat|sekretariatet)\b",
                        re.IGNORECASE)


def _person_follows(ctx: Context, after: str) -> bool:
    """Whether the words after a name read as what a person does: a verb, "och"/"and", a comma,
    "from our …", or the end of the sentence."""
    stripped = after.lstrip(" \t")
    if _LIST_OF_THINGS.match(stripped):
        return False  # "Mark, skov og strand: …": the first of a list of ordinary words
    if not stripped or stripped[0] in ",.!?:;)–—\n&":
        return True
    if _FROM_OURS.match(stripped):
        return True  # "Lars from our safety unit will be …", "Maria på vår ekonomiavdelning"; not "Anna från
        # vår läsarpanel" (a reader) nor "Line from our new campaign song"
    conj = re.match(r"(?:och|og|and|eller|or|samt)\s+([^\W\d_]+)", stripped, re.IGNORECASE)
    if conj:  # "Maria och hennes team", "Mark and his team", "Anna och Lars" – not "Mark och vatten"
        other = conj.group(1)
        return other[:1].isupper() or other.casefold() in _PERSON_WORDS
    m = re.match(r"[^\W\d_][\w'’-]*", stripped)
    if m is None:
        return False
    word = m.group().casefold()
    langs = ctx.phrase_languages
    if any(word in ctx.lists.person_verbs.get(lang, ()) for lang in langs):
        return True
    english = "en" in langs and m.group()[:1].islower()
    return english and word.endswith("s") and not word.endswith("ss") \
        and word not in ctx.lists.function_words.get("en", frozenset())  # "Hans answers"


def check_trip(ctx: Context) -> None:
    """Posts that say where people are right now (VIF 3): a trip phrase followed by a place other
    than the home town ("just nu i Bryssel", "hälsningar från Nairobi", "här i Kampala", "åker
    vidare till Gulu"), or being somewhere ("vi är i Maputo", "på tåget mot Bryssel") in a
    sentence about now ("den här veckan", "i dag", "dag tre"). Nothing when the sentence looks back
    ("förra veckan", "besökte"), when the post says the trip is over ("hemma igen", "back home")
    or when the caller says so."""
    d = ctx.discourse
    if ctx.trip_ended or d.cue_anywhere("trip_over"):
        return
    langs = ctx.phrase_languages
    home = str(ctx.policy.organisation.home_name or "").casefold()
    spans: list[tuple[int, int]] = []
    items = ctx.lists.phrase_items("trip", langs)
    if items:
        rx = ctx.lists.cached(("trip_phrases", langs), lambda: re.compile(
            phrases_pattern(items), re.IGNORECASE))
        for m in rx.finditer(ctx.text):
            if _CLAUSE_AFTER.match(ctx.text, m.end()):
                continue  # "Mötet kom fram till att Stockholm får vänta": a conclusion, not an arrival
            if _ARRIVED.match(m.group()):
                a0 = d.sentence_text(m.start())[0]
                if not _we_arrived(ctx, a0, m.start()) or _others_there(ctx, a0, m.start()):
                    continue  # "Paketet med skolböcker kom fram till Kampala i går", "Vores partnere fra Ghana landede i
                    # Billund": things or guests arrived, not our people
            place = _place_after(ctx, m.end())
            if place is None or _is_home(ctx, place[1], home) or ctx.inside(m.start(), m.end()):
                continue
            s0, s1 = d.sentence_text(m.start())
            if d.cue_in("time_past", s0, s1) and _ARRIVED.match(m.group()) and _we_arrived(ctx, s0, m.start()) \
                    and (_still_there_next(ctx, s1) or _stay_now(ctx, m.end(), s1)):
                pass  # "Vi kom fram till Jelgava i går kväll! Anna och jag sitter just nu med borgmästaren", "… och
                # sitter just nu med borgmästaren" (not "Paketet med skolböcker kom fram till Kampala i går")
            elif d.cue_in("time_past", s0, s1) or d.cue_in("time_future", s0, d.sentence_text(place[0] - 1)[1]) \
                    or d.negated(m.start(), window=2):
                continue  # "Nästa stopp: riksfinalen i Stockholm i höst" is still to come
            if _RECURRING.search(ctx.text, s0, s1) and not d.cue_in("time_now", s0, s1):
                continue  # "Bokbussen stannar i Kovland varannan tisdag": a timetable, not a trip
            if _GREETING.match(m.group()) and (_come_by(ctx) or _SISTER.search(ctx.text) or not (
                    _known_away(ctx, place[1]) or (d.cue_anywhere("trip_we") and gazetteer.countries(place[1])))):
                continue  # "Hälsningar från Alnö! … Kom förbi": an event readers can come to, not a trip
            spans.append((m.start(), place[0]))
            ctx.emit("text.trip_ongoing", spans[-1], params={"phrase": m.group(), "place": place[1]})
    now_in_post = d.cue_anywhere("time_now") and not d.cue_anywhere("time_past")
    for pattern in ctx.lists.phrase_items("trip", langs, regex=True):
        for m in re.finditer(pattern, ctx.text, re.IGNORECASE):
            place = re.findall(r"[^\W\d_][\w-]*", m.group())[-1]
            if not _looks_like_place(ctx, place) or _is_home(ctx, place, home) or ctx.inside(m.start(), m.end()) \
                    or any(s < m.end() and m.start() < e for s, e in spans):
                continue
            s0, s1 = d.sentence_text(m.start())
            if d.cue_in("time_past", s0, s1) or d.negated(m.start(), m.end()) or d.in_title(m.start(), m.end()):
                continue
            if _BE.match(m.group()) and not _people_subject(ctx, m.start(), s0):
                continue  # "Utställningen är fortfarande i Köpenhamn", "our application is still in Brussels"
            if _theirs_before(ctx.text[s0:m.start() + m.group().rfind(place)]):
                continue  # "Their team is in Copenhagen right now": another body's people
            if _is_presence(m.group()) and not (d.cue_in("time_now", s0, s1) or now_in_post):
                continue  # "vi är i Bryssel" could be any time; "vi är i Bryssel i dag" is now
            if _GREETING.match(m.group()) and (_come_by(ctx) or not _known_away(ctx, place) or _SISTER.search(ctx.text)):
                continue  # "Greetings from Alnö! … Come say hej!": readers can come, so it is at home
            spans.append((m.start(), _with_time(ctx, m.end())))
            ctx.emit("text.trip_ongoing", spans[-1], params={"phrase": m.group(), "place": place})
    dateline = _dateline(ctx, home)
    if dateline is not None and not any(s < dateline[1] and dateline[0] < e for s, e in spans) \
            and not d.cue_anywhere("time_past"):
        spans.append(dateline)
        ctx.emit("text.trip_ongoing", dateline, params={"phrase": ctx.text[dateline[0]:dateline[1]],
                                                         "place": ctx.text[dateline[0]:dateline[1]].strip(" ,–—-")},
                 severity=Severity.WARN)  # a news-style dateline may report news from there, not a visit
    _live_header(ctx, home, spans)
    if not now_in_post and not d.cue_anywhere("time_now"):
        return
    if not d.cue_anywhere("trip_we") and not _colleague_named(ctx) and not _our_body(ctx, 0, len(ctx.text)) \
            and not _role_is_subject(ctx):
        return  # "Lige nu står Hans Jensen og Mette Nielsen på perronen i Hamborg": colleagues are us, and
        # so are "två av kommunens brandmän" and "Rektorn är på studiebesök i Tallinn hela veckan"
    country = ctx.policy.organisation.country
    for m in _LOCATIVE.finditer(ctx.text):  # "utanför hotellet i Kigali just nu", "first day in Bogotá"
        two = _two_word_place(ctx, m.group(1), m.end())  # "klinikken i Port Sudan"
        place, place_end = two if two is not None else (m.group(1), m.end())
        if m.group().split()[0].casefold() == "at" and ctx.language in ("da", "nb"):
            continue  # Danish "at" is "that" ("Husk at Line står for pigeaften i morgen")
        if m.group().split()[0].casefold() in _THROUGH and not _MOVING.search(ctx.text, max(0, m.start() - 40), m.start()):
            continue  # "kører vi gennem Lviv" is being there; "sender vi nødhjælp gennem Lviv" is not
        if _is_home(ctx, place, home) or ctx.inside(m.start(), m.end()) or not _away(ctx, place, country) \
                or any(s < m.end() and m.start() < e for s, e in spans):
            continue
        s0, s1 = _through_emoji(ctx, *d.sentence_text(m.start()))
        if _MOVED.search(ctx.text, max(s0, m.start() - 40), m.start()) and not _FOR_A_WHILE.search(ctx.text, s0, s1):
            continue  # "Vår tidigare kollega Lina bor nu i Berlin": she moved there, no trip
        if _RESIDENTS.search(ctx.text, max(s0, m.start() - 30), m.start()):
            continue  # "Just nu behöver barnen i Kyiv varma kläder": people who live there
        if _others_there(ctx, s0, s1):
            continue  # "Our partners in Kharkiv received …": people who live there, not our staff away
        if _theirs_before(ctx.text[s0:m.start()]):
            continue  # "Our sister city says their mayor is in Brussels today"
        if not d.cue_in("time_now", s0, s1) or d.cue_in("time_past", s0, s1) or d.negated(m.start()) \
                or _TOPIC.search(ctx.text, max(s0, m.start() - 30), m.start()):
            continue  # "en utställning om livet i Kampala" is about a place, not from it
        c0 = d.clause_start(m.start())
        people = _people_there(ctx, s0, m.start()) or _ours_doing_there(ctx, s0, m.start(), c0) \
            or any(_ROLE_END.search(w.casefold()) for w in re.findall(r"[^\W\d_]{4,}", ctx.text[c0:m.start()]))
        if (_TO_THERE.search(ctx.text, max(s0, m.start() - 40), m.start()) and not _HELP_TO.search(ctx.text, s0, m.start())) \
                or _HAVE_THERE.search(ctx.text, max(s0, m.start() - 40), m.start()):
            continue  # "packing school bags for a school outside Lviv", "pengar till en skola utanför Ilulissat",
            # "Our students have pen pals in Lviv"
        if not people and not _strong_now(ctx, s0, s1):
            continue  # "Sedan i söndags hänger våra elevers målningar på en skola i Tartu", "Her til morgen …
            # de nye ambulancer er bygget i Polen": a cue of since or until needs our people there
        if _other_name_only(ctx, place, country) and not people:
            continue  # "samlar vi in filtar till ett barnsjukhus i Charkiv": a town by another name counts
            # only with our people there ("Just nu sitter vårt team på ett kafé i Charkiv")
        if not _abroad(ctx, place, country) and not (_stay_now(ctx, s0, s1) and _people_there(ctx, s0, m.start())):
            continue  # in the home country only people staying there now ("Maria och Lars från styrelsen är på
            # kongressen i Stockholm hela veckan"), not a bare "nu" ("… der nu er skiftet til en klub i
            # Silkeborg"), a job or an exhibition ("Vores vandreudstilling står hele ugen i Odense")
        spans.append((m.start(), _with_time(ctx, place_end)))
        now = ctx.lists.phrase_regex("time_now", ctx.phrase_languages)
        cue = now.search(ctx.text, s0, s1) if now is not None else None
        ctx.emit("text.trip_ongoing", spans[-1], params={"phrase": cue.group() if cue else m.group().split()[0],
                                                         "place": place},  # "”just nu … Kigali” berättar …"
                 severity=Severity.WARN)  # no trip phrase, only place + now + us: less sure


def _emoji_break(ctx: Context, end: int) -> bool:
    """Whether the sentence ending at ``end`` was ended by an emoji rather than a full stop or a line
    break ("… i Berlin for ungdomsgruppen 🇩🇪 I morgen tager vi toget hjem")."""
    tail = ctx.text[max(0, end - 4):end]
    gap = re.match(r"[ \t]+(?=\S)", ctx.text[end:end + 8])
    return bool(tail) and gap is not None and not tail[-1].isalnum() and tail[-1] not in ".!?…:)]\"'”’»"


def _through_emoji(ctx: Context, s0: int, s1: int) -> tuple[int, int]:
    """A sentence with its neighbours when only an emoji stands between them: where people are and
    when ("Touchdown in Reykjavik ✈️ The climate team checks in … tonight") are read together, as one
    sentence with the emoji for a comma."""
    d = ctx.discourse
    if _emoji_break(ctx, s1) and s1 < len(ctx.text):
        s1 = d.sentence_text(s1 + len(ctx.text[s1:]) - len(ctx.text[s1:].lstrip()))[1]
    if s0 > 0:
        p0, p1 = d.sentence_text(max(0, s0 - 1 - (len(ctx.text[:s0]) - len(ctx.text[:s0].rstrip()))))
        if p1 < s0 and _emoji_break(ctx, p1):
            s0 = p0
    return s0, s1


#: A live report's header: "Quick update from Lviv:", "Evening in Przemyśl:", "Rapport från Gulu –".
_LIVE_HEADER = re.compile(r"(?:^|(?<=[.!?\n]))\s*(?:[^\W\d_]+\s+){0,2}?(?i:update|news|report|dispatch|status|uppdatering|"
                          r"rapport|nyheter|nytt|opdatering|nyt|morning|evening|night|afternoon|morgon|kväll|kvällen|"
                          r"eftermiddag|natt|morgen|aften|aftenen|nat)\s+(?i:from|från|fra|in|i|på)\s+"
                          r"([A-ZÅÄÖÆØ][^\W\d_]+(?:-[^\W\d_]+)?)")
#: "Her fra Kraków:", "Här från Gulu –": the header itself says we are there.
_HERE_HEADER = re.compile(r"(?:^|(?<=[.!?\n]))\s*(?i:her|här|here)\s+(?i:fra|från|from)\s+"
                          r"([A-ZÅÄÖÆØ][^\W\d_]+(?:-[^\W\d_]+)?)")
_HEADER_END = re.compile(r"\s*(?:[:–—]|-\s)")


#: A stay of a while: until a day, for weeks ("bor nu i Riga i tre veckor", "now lives in Kyiv until the end of the month").
_FOR_A_WHILE = re.compile(r"\b(?:(?:till|til|until)\s+(?:och\s+med\s+|og\s+med\s+)?(?:" + _WEEKDAY + r"|slutet|udgangen|the\s+end)|"
                          r"i\s+(?:två|tre|fyra|fem|to|fire|\d+)\s+(?:veckor|dagar|uger|dage)|"
                          r"for\s+(?:two|three|four|five|\d+)\s+(?:weeks|days))\b", re.IGNORECASE)
_CLAUSE_AFTER = re.compile(r"\s+(?:att|at|that)\b", re.IGNORECASE)
#: Living somewhere now, having moved there: "bor nu i", "bor numera i", "now lives in", "har flyttat till".
_MOVED = re.compile(r"\b(?:bor\s+(?:nu|numera|nu\s+fast)|now\s+lives|lives\s+now|har\s+flyttat|er\s+flyttet|"
                    r"(?:has|have)\s+moved|bor\s+nu\s+fast)\s+(?:\w+\s+){0,4}$", re.IGNORECASE)


#: Arriving: past ("kom fram till … i går"), and the stay goes on when the next sentence says so.
_ARRIVED = re.compile(r"(?:har\s+)?(?:precis\s+|just\s+|nyss\s+)?(?:kom\s+fram|kommit\s+fram|landade|landat|anlände|"
                      r"(?:er\s+)?(?:lige\s+|netop\s+)?(?:kom\s+frem|kommet\s+frem|nåede\s+frem|nået\s+frem|landede|landet|ankom|ankommet)|"
                      r"(?:just\s+)?(?:arrived|landed|got\s+to|made\s+it\s+to|touched\s+down))\b", re.IGNORECASE)


#: What our people travel in: "Lastbilen med sovesække … er nået frem til grænseovergangen ved Przemyśl".
_VEHICLE = re.compile(r"(?:lastbil\w*|bussen|bussarna|busserne|tåget|toget|truck|van|minibus\w*|båten|båden|færgen|"
                      r"färjan|flyget|flyet|plane)$", re.IGNORECASE)


def _we_arrived(ctx: Context, s0: int, pos: int) -> bool:
    """Whether the ones arriving are our people: "vi", "we", our team, a colleague, a role."""
    lead = ctx.text[s0:pos]
    if not lead.strip():
        return True  # "Landed in Nairobi!": the post's own voice
    return bool(re.search(r"\b(?:vi|we|jag|jeg|i)\b", lead, re.IGNORECASE)) or _colleague_named(ctx, s0, pos) \
        or any(_ROLE_END.search(w.casefold()) or _people_word(ctx, w.casefold()) or _VEHICLE.match(w)
               for w in re.findall(r"[^\W\d_]{4,}", lead)) \
        or _our_body(ctx, s0, pos) or any(m.group(1) is None or any(w and _people_word(ctx, w.casefold())
                                                                     for w in _head_words(ctx, m))
                                          for m in _OURS_LEAD.finditer(lead))


def _still_there_next(ctx: Context, s1: int) -> bool:
    """Whether the sentence after ``s1`` has our people somewhere now ("Anna och jag sitter just nu
    med borgmästaren på rådhuset", "Now we are at the school"): a stay that lasts and us."""
    if s1 >= len(ctx.text):
        return False
    n0, n1 = ctx.discourse.sentence_text(s1 + 1)
    return _stay_now(ctx, n0, n1) and (ctx.discourse.cue_in("trip_we", n0, n1) or _colleague_named(ctx, n0, n1)
                                       or bool(re.search(r"\b(?:vi|we|jag|jeg)\b", ctx.text[n0:n1], re.IGNORECASE)))


def _live_header(ctx: Context, home: str, spans: list[tuple[int, int]]) -> None:
    """A live report from abroad: a header naming the place ("Quick update from Lviv:", "Evening
    in Przemyśl:"; "Her fra Kraków:" says "here" itself) and then our people there ("our team is staying near the station tonight",
    "the team from our refugee unit is still at the reception centre"). Not news about a place
    ("News from Brussels: our application was approved") nor a post that looks back."""
    d = ctx.discourse
    if d.cue_anywhere("time_past") or not (d.cue_anywhere("trip_we") or _colleague_named(ctx)) \
            or _SISTER.search(ctx.text) or _come_by(ctx):
        return
    country = ctx.policy.organisation.country
    for m in [*_LIVE_HEADER.finditer(ctx.text), *_HERE_HEADER.finditer(ctx.text)]:
        two = _two_word_place(ctx, m.group(1), m.end(1))
        place, place_end = two if two is not None else (m.group(1), m.end(1))
        colon = _HEADER_END.match(ctx.text, place_end)
        if colon is None or _is_home(ctx, place, home) or ctx.inside(m.start(1), place_end) \
                or not _abroad(ctx, place, country) or any(s < place_end and m.start(1) < e for s, e in spans):
            continue
        rest = d.sentence_text(colon.end())[1]
        if not any(_we_are(ctx, colon.end(), v) for v in _HERE_NOW.finditer(ctx.text, colon.end(), rest)) \
                and not (m.re is _HERE_HEADER and _HOTEL.search(ctx.text, colon.end(), rest)):
            continue  # "Update from Oslo: we are proud to announce …", "Nyt fra Bruxelles: De nye EU-regler
            # … er nu på plads", "Opdatering fra Kyiv: Skolen, som vores indsamling har genopbygget, er igen i
            # brug": nothing of our people being there ("Her fra Kraków: drengene har spist på hotellet" is)
        if _others_there(ctx, colon.end(), rest):
            continue  # "News from Lviv: our partners are in the shelters tonight": people who live there
        start = m.start() + len(m.group()) - len(m.group().lstrip())
        spans.append((start, place_end))
        ctx.emit("text.trip_ongoing", spans[-1], params={"phrase": ctx.text[start:m.start(1)].rstrip(), "place": place},
                 severity=Severity.WARN)


def _we_are(ctx: Context, start: int, verb: re.Match[str]) -> bool:
    """Whether the subject of a verb of being somewhere is our people: a pronoun, a team or a
    colleague right before it, or (fronted adverbial) right after it ("the team from our refugee
    unit is still at", "our team is staying near", "nu sitter vi"), not a thing ("Skolen, som
    vores indsamling har genopbygget, er igen i brug")."""
    if _SUBJECT_AFTER.match(ctx.text, verb.start() + len(verb.group().split()[0])):
        return True
    clause_start = start + ctx.text[start:verb.start()].rfind(",") + 1  # not a relative clause before it
    words = list(re.finditer(r"[^\W\d_]+", ctx.text[clause_start:verb.start()]))[-5:]
    if not words:
        return False
    return any(w.group().casefold() in ("vi", "we") or _ROLE_END.search(w.group().casefold()) for w in words) \
        or _colleague_named(ctx, clause_start + words[0].start(), verb.start())


_HOTEL = re.compile(r"\b(?:hotell|hotellet|hotel|vandrarhemmet|vandrerhjemmet|hostel)\b", re.IGNORECASE)


#: Verbs of being somewhere ("är", "sitter", "sover", "is staying"), read by :func:`_people_there` and
#: (with "we're", "I am", "bor" and a place word after them) by the live-report header (``_HERE_NOW``).
_STAY_VERBS = (r"är|er|is|are|står|sitter|sidder|befinner|befinder|taler|talar|speaks?|stays?|staying|stannar|"
               r"bliver|blir|sover|sleeps?|sleeping|väntar|venter|waits?|waiting")
_STAY_VERB = re.compile(rf"\b(?:{_STAY_VERBS})\b", re.IGNORECASE)

#: Being somewhere: "is staying near", "are still at", "sitter på", "står ved", "bor på".
_HERE_NOW = re.compile(rf"(?:\b|(?=['’]))(?:{_STAY_VERBS}|am|['’]re|bor)\s+(?:[^\W\d_]+\s+){{0,2}}?(?:at|in|near|by|outside|"
                       r"på|i|vid|ved|nær|nära|utanför|udenfor|hos)\b", re.IGNORECASE)


#: A timetable, not a trip: "varannan tisdag", "varje fredag", "hver mandag", "every Tuesday" (in a
#: sentence with no "now": "just nu", "i dag", "den här veckan").
_RECURRING = re.compile(r"\b(?:varannan|varje|var\s+tredje|hver(?:\s+anden)?|every(?:\s+other)?)\s+"
                        + _WEEKDAY + r"\w*",
                        re.IGNORECASE)


_THROUGH = frozenset({"gennem", "genom", "igenom", "through"})
#: Moving oneself, right before "gennem/genom/through": "kører vi gennem", "på väg igenom Polen".
_MOVING = re.compile(r"(?<![^\W\d_])(?:kör|kører|åker|reser|rejser|går|flyger|flyver|cyklar|cykler|vandrar|vandrer|"
                     r"passerer|passerar|krydser|korsar|sejler|seglar|"
                     r"drive|drives|driving|drove|travel|travels|travelling|traveling|walk|walking|cycling|passing|"
                     r"på\s+väg|på\s+vej|on\s+(?:the|our)\s+way|underway)\s+(?:[^\W\d_]+\s+){0,2}?$", re.IGNORECASE)
_TOPIC = re.compile(r"(?<![^\W\d_])(?:om|about|kring|omkring|on|från|fra|from)\s+(?:[^\W\d_]+\s+){0,2}$", re.IGNORECASE)
_LOCATIVE = re.compile(r"(?<![^\W\d_])(?i:i|in|på|at|utanför|udenfor|outside|gennem|genom|igenom|through)\s+"
                       r"([A-ZÅÄÖÆØ][^\W\d_]+(?:-[^\W\d_]+)?)(?![\w-])")


_RESIDENTS = re.compile(r"\b(?:barnen|barn|familjerna|familjer|människorna|människor|invånarna|folket|folk|børnene|børn|"
                        r"friends|vänner|venner|vännerna|vennerne|"
                        r"familierne|familier|menneskene|mennesker|indbyggerne|children|families|people|residents|"
                        r"civilians|civila|civile)\s+$", re.IGNORECASE)


def _others_there(ctx: Context, s0: int, s1: int) -> bool:
    """Whether the sentence is about people who live where it names ("Our partners in Kharkiv
    received …"), not our staff visiting them ("… sammen med vores partnere", "visiting partners")."""
    rx = ctx.lists.phrase_regex("trip_others", ctx.phrase_languages)
    if rx is None:
        return False
    for m in rx.finditer(ctx.text, s0, s1):
        if not _WITH_THEM.search(ctx.text, max(s0, m.start() - 25), m.start()):
            return True
    return False


_WITH_THEM = re.compile(r"\b(?:med|with|hos|sammen\s+med|together\s+with|tillsammans\s+med|besöker|besøger|visiting|"
                        r"visit|meet|meeting|träffar|møder|mødes\s+med)\s+$", re.IGNORECASE)


def _colleague_named(ctx: Context, start: int = 0, end: int | None = None) -> bool:
    """Whether the post (or ``text[start:end]``) names one of the organisation's people (the
    policy's ``people``), by full name or first name."""
    part = ctx.text[start:end]
    for full in ctx.policy.organisation.people or []:
        parts = str(full).split()
        if parts and re.search(rf"(?<!\w){re.escape(parts[0])}(?!\w)", part):
            return True
    return False


def _abroad(ctx: Context, place: str, country: str, others: bool = True) -> bool:
    """A town or country away from home: not one of the home country's places, and either known
    abroad by the offline city list or named by the lexicon (exonyms such as "Bryssel"). The
    towns' other names (``others``: "Kyiv", "Charkiv", "New York") count only where the post also
    says our people are there now; a bare phrase ("Next stop: New York!" for a reading challenge)
    needs a main name."""
    if not _looks_like_place(ctx, place):
        return False
    low = place.casefold()
    if low in ctx.lists.home_places.get(country, frozenset()):
        return False
    known = gazetteer.abroad(place, country, others)
    if known is not None:
        return known
    return low in ctx.lists.places


def _other_name_only(ctx: Context, place: str, country: str) -> bool:
    """Whether ``place`` is known abroad only by a town's other name ("Charkiv", "Kyiv")."""
    return gazetteer.abroad(place, country, others=False) is None and place.casefold() not in ctx.lists.places \
        and bool(gazetteer.abroad(place, country))


def _away(ctx: Context, place: str, country: str) -> bool:
    """A place away from home: abroad (:func:`_abroad`), or a town of the home country that the
    offline city list puts beyond the policy's home radius ("Umeå" or "Malmö" for an office in
    Sundsvall; not "Timrå", nor a district the list does not know)."""
    if _abroad(ctx, place, country):
        return True
    org = ctx.policy.organisation
    if org.home_lat is None or org.home_lon is None or not _looks_like_place(ctx, place):
        return False
    return country in gazetteer.countries(place) \
        and not gazetteer.near(place, org.home_lat, org.home_lon, org.home_radius_km)



#: The subject after the verb, as Swedish and Danish put it after a fronted adverbial ("Just nu
#: sitter vi …", "Lige nu sover vores to sygeplejersker …").
_SUBJECT_AFTER = re.compile(r"\s+(?:vi|jag|jeg|we|(?:vår|vårt|våra|vores|vor|vort|our)\s+[^\W\d_]+)\b", re.IGNORECASE)


#: Living somewhere for a while: a stay only with lodging or an end in the sentence ("Holdet bor på
#: hotellet ved stranden i Alcúdia til søndag", "Klassen bor hos sina värdfamiljer i Kyoto till och
#: med fredag"), not a move ("Vår tidigare kollega bor nu i Berlin").
_LIVE_VERB = re.compile(r"\b(?:bor|bo|lives?|living)\b", re.IGNORECASE)
_LODGING = re.compile(r"\b(?:hotel\w*|vandrarhem\w*|vandrerhjem\w*|hostel\w*|värdfamilj\w*|værtsfamilie\w*|host\s+famil\w*|"
                      r"camping\w*|tält\w*|telt\w*|tents?|lejr\w*|läger\w*|(?:till|til|until)\s+(?:och\s+med\s+|og\s+med\s+)?"
                      + _WEEKDAY + ")", re.IGNORECASE)


def _people_there(ctx: Context, s0: int, pos: int) -> bool:
    """Whether people ("vi", a role, a name) are the subject of a verb of being somewhere
    ("är", "står", "taler"; "bor" with lodging or an end: ``_LIVE_VERB``) between the sentence
    start and ``pos``."""
    verbs = list(_STAY_VERB.finditer(ctx.text, s0, pos))
    if _LODGING.search(ctx.text, s0, ctx.discourse.sentence_text(pos)[1]):
        verbs += list(_LIVE_VERB.finditer(ctx.text, s0, pos))
    for v in verbs:
        if _people_subject(ctx, v.start(), s0) or _SUBJECT_AFTER.match(ctx.text, v.end()):
            return True
        before = re.findall(r"[^\W\d_]+", ctx.text[s0:v.start()])
        if before and _ROLE_END.search(before[-1].casefold()):
            return True  # "Vår kulturskolechef står …", "Maria och Lars från styrelsen är …"
    return False


#: Our people named by the body they belong to: "två av kommunens brandmän", "roklubbens veteranhold",
#: "the council's engineers" (the noun is a role or a plural of people, not "kommunens hemsida").
_OUR_BODY = re.compile(r"(?<![^\W\d_])[^\W\d_]*?(?:kommunens|kommunes|regionens|förvaltningens|forvaltningens|föreningens|foreningens|"
                       r"klubbens|skolans|skolens|förbundets|forbundets|bolagets|selskabets|sjukhusets|hospitalets|"
                       r"kyrkans|kirkens|församlingens|sognets|hemtjänstens|hjemmeplejens|"
                       r"the\s+(?:council|club|school|region|municipality|association|union|hospital|church|parish)['’]s)\s+"
                       r"([^\W\d_]+)(?:\s+([^\W\d_]+))?", re.IGNORECASE)
_PLURAL_PEOPLE = ("män", "mænd", "folk", "hold", "laget", "are", "ere", "erskor", "ersker", "nurses", "arna", "erna",
                  "erne", "orna", "ers", "ists", "ors", "ians", "eer", "eers", "ianer", "ister", "isterne", "isterna")


def _our_body(ctx: Context, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` names our people by their body ("kommunens brandmän")."""
    return any(word and _people_word(ctx, word.casefold())  # the noun, or the one after an adjective
               for m in _OUR_BODY.finditer(ctx.text, start, end) for word in m.groups())


def _head_words(ctx: Context, m: re.Match[str]) -> tuple[str | None, ...]:
    """The words after "vår/vores/our" that may name who: both, or only the second after a Swedish or
    Danish genitive ("våra elevers målningar" is about paintings)."""
    first, second = m.group(1), m.group(2)
    if second and first.casefold().endswith("s") and ctx.language in ("sv", "da", "nb"):
        return (second,)
    return (first, second)


def _people_word(ctx: Context, low: str) -> bool:
    """A role, a body of people or a plural of people: "brandmän", "teamet", "sygeplejersker"."""
    return bool(_ROLE_END.search(low) or _people_noun(low) or low.endswith(_PLURAL_PEOPLE)
                or ctx.lists.person_kind(low, ctx.phrase_languages) is not None)


#: Our people as the subject before a place: "vi", "we", "vårt team", "våra brandmän" (a word for
#: people after "vår": not "vår bokcirkel", "vores biograf").
_OURS_LEAD = re.compile(r"\b(?:vi|we|jeg|jag)\b|\b(?:vår|vårt|våra|vores|our)\s+([^\W\d_]+)(?:\s+([^\W\d_]+))?",
                        re.IGNORECASE)
#: What is given or sent to a place, not done there: "filtar till ett barnsjukhus i Charkiv"; the
#: particle of "hjälper till med", "hjælper til med" is no such word.
_TO_THERE = re.compile(r"(?<![^\W\d_])(?<!uden\s)(?<!ude\s)(?:till|til|to|för|for|åt)\s+(?:[^\W\d_]+\s+){0,3}$", re.IGNORECASE)
_HELP_TO = re.compile(r"(?:hjälper|hjälpa|hjælper|hjælpe|bidrar|bidrager)\s+(?:\w+\s+){0,2}?(?:till|til)\s+"
                      r"(?:[^\W\d_]+\s+){0,3}$", re.IGNORECASE)


#: People we have somewhere, not people of ours there: "have pen pals in Lviv", "har vänner i Kyiv".
_HAVE_THERE = re.compile(r"(?<![^\W\d_])(?:have|has|har)\s+(?:\w+\s+){0,2}?(?:pen\s*pals|brevvänner|penneveninder|penpals|"
                         r"friends|vänner|venner|partners?|kontakter|contacts|family|familj|familie|relatives|släktingar|"
                         r"slægtninge)\s+$", re.IGNORECASE)


def _ours_doing_there(ctx: Context, s0: int, pos: int, lead_start: int | None = None) -> bool:
    """Whether our people are the subject of what is done at the place at ``pos`` in a sentence
    about now ("Två av kommunens brandmän hjälper just nu till med räddningsarbetet i Charkiv",
    "Lige nu kører vi gennem Lviv"), not what is sent there ("Just nu samlar vi in filtar till ett
    barnsjukhus i Charkiv")."""
    if not (_stay_now(ctx, s0, pos) or ctx.discourse.cue_in("time_now", s0, pos)):
        return False
    lead = ctx.text[s0 if lead_start is None else lead_start:pos]  # the subject in the place's clause when given
    before = re.findall(r"[^\W\d_]+", lead)
    if len(before) > 1 and before[-1][:1].isupper():
        return False  # a title: "vår utställning Barndom i Charkiv", "dokumentaren Livet i Addis Abeba"
    ours = any(m.group(1) is None or any(w and _people_word(ctx, w.casefold()) for w in _head_words(ctx, m))
               for m in _OURS_LEAD.finditer(lead))
    if not (ours or _our_body(ctx, s0 if lead_start is None else lead_start, pos)):
        return False
    return not _TO_THERE.search(lead) or bool(_HELP_TO.search(lead))


#: Words for a role or a body of people by their ending: "-chef", "ordföranden", "styrelsen", "holdet".
_ROLE_END = re.compile(r"(?:chef|chefen|ordförande|ordföranden|formand|formanden|styrelse|styrelsen|bestyrelsen|rektor|"
                       r"rektorn|koordinator|koordinatorn|delegation|delegationen|teamet|team|holdet|laget|gruppen|"
                       r"director|chair|manager|board|staff|crew|personalen|personalet|medarbetarna|medarbejderne|"
                       r"kollegorna|kollegerne|colleagues|klassen|eleverna|eleverne|students|pupils|spelarna|"
                       r"spillerne|players|truppen|squad|direktör|direktören|direktøren|director|läkaren|lægen|"
                       r"overlægen|doctor|prästen|præsten|vicar|priest|tränaren|træneren|coach)$")


_ROLE_VERB = re.compile(rf"(?<![^\W\d_])(?:(deras|deres|their)\s+)?([^\W\d_]{{4,}})\s+(?:{_STAY_VERBS}|har|has|have|bor|lives)\b",
                        re.IGNORECASE)


_VERB_ROLE = re.compile(rf"\b(?:nu|now|här|her|i\s+dag|i\s+morgon)\s+(?:{_STAY_VERBS}|bor)\s+([^\W\d_]{{4,}})\b",
                        re.IGNORECASE)


def _role_is_subject(ctx: Context) -> bool:
    """Whether a role or a group of ours is the subject of being or having somewhere ("Rektorn är
    på studiebesök", "Forskargruppen … har sitt läger"), not someone else's ("deras rektor är") nor
    people named by where they are ("Colleagues in Kyiv say …")."""
    return any(m.group(1) is None and _ROLE_END.search(m.group(2).casefold()) for m in _ROLE_VERB.finditer(ctx.text)) \
        or any(_ROLE_END.search(m.group(1).casefold()) for m in _VERB_ROLE.finditer(ctx.text))  # "nu bor klassen hos …"


#: Now-cues that say only since or until when (a stay, a deadline or a thing): "sedan i söndags", "frem til
#: fredag", "until Friday", "her til morgen".
_WEAK_NOW = re.compile(r"^(?:sedan|siden|since|until|till|tills|fram|frem|ända|indtil|through|her\s+til\s+morgen|i\s+morges|"
                       r"i\s+morse|vi|de|dom|han|hon|hen|hun|laget|teamet|gruppen|holdet|delegationen|eleverna|eleverne|"
                       r"klassen|resten|the\s+rest|for\s+the\s+rest|är\s+kvar)\b", re.IGNORECASE)


def _strong_now(ctx: Context, s0: int, s1: int) -> bool:
    """Whether the sentence says now by more than a since or an until (``_WEAK_NOW``)."""
    rx = ctx.lists.phrase_regex("time_now", ctx.phrase_languages)
    return rx is not None and any(not _WEAK_NOW.match(m.group()) for m in rx.finditer(ctx.text, s0, s1))


def _stay_now(ctx: Context, s0: int, s1: int) -> bool:
    """Whether the sentence says a stay is on now and lasts: "just nu", "i detta nu", "hela
    veckan", "resten af ugen" (``_A_STAY``)."""
    rx = ctx.lists.phrase_regex("time_now", ctx.phrase_languages)
    return rx is not None and any(" ".join(m.group().casefold().split()) in _A_STAY
                                  for m in rx.finditer(ctx.text, s0, s1))


#: Time words that say a stay is on now and lasts: not a bare "nu"/"now", nor "i dag"/"today" (a
#: day's lecture by video link, a former colleague who is "i dag rektor i Umeå"), nor tomorrow.
_A_STAY = frozenset({"just nu", "lige nu", "right now", "i detta nu", "i dette nu", "i denna stund", "hela veckan",
                     "hele ugen", "all week", "this week", "den här veckan", "denna vecka", "i veckan", "i denne uge",
                     "denne uge", "resten av veckan", "resten af ugen", "the rest of the week", "i skrivande stund",
                     "i skrivende stund", "as we speak", "as i write", "at the time of writing", "medan vi skriver",
                     "mens vi skriver"})


def _with_time(ctx: Context, end: int) -> int:
    """``end`` moved past a time cue that follows at once or after one word ("i Nairobi idag")."""
    rx = ctx.lists.phrase_regex("time_now", ctx.phrase_languages)
    if rx is None:
        return end
    m = rx.match(ctx.text, end + len(ctx.text[end:]) - len(ctx.text[end:].lstrip(" ")))
    if m is None:
        nxt = re.match(r"\s+[^\W\d_]+\s+", ctx.text[end:end + 40])
        m = rx.match(ctx.text, end + nxt.end()) if nxt else None
    return m.end() if m is not None else end


_PRESENCE = re.compile(r"^\S+(?:\s+(?:är|er|are|am|is|står)\b|['’](?:re|m)\b)", re.IGNORECASE)
# capitalised words that name a building or a room in town, not a place one travels to
_LOCAL = re.compile(r"(?:hus|huset|husets|hallen|hallens|parken|torget|kyrkan|skolan|biblioteket|museet|salen|"
                    r"gården|arenan|stadion|foajén|rådhuset|centret|centrum|stationen|torvet|kirken|skolen|"
                    r"pladsen|bygningen)$", re.IGNORECASE)


_BE = re.compile(r"(?:är|er|is|are|befinner)\b", re.IGNORECASE)
_DEFINITE = ("en", "et", "na", "ne", "erne", "arna", "erna")


def _people_subject(ctx: Context, pos: int, s0: int) -> bool:
    """Whether the word before "är/er/is" at ``pos`` names people: a pronoun, a role or group
    ("delegationen", "the team"), a name inside the sentence or one that opens it ("Sara is in
    Bogotá"), not a thing ("Utställningen är …", "our application is …")."""
    words = list(re.finditer(r"[^\W\d_]+", ctx.text[s0:pos]))
    if not words:
        return False
    w = words[-1].group()
    low = w.casefold()
    langs = ctx.phrase_languages
    if _theirs_before(ctx.text[s0:pos] + " är "):
        return False  # "Vänorten Tartu hälsar: deras borgmästare är i Bryssel i dag": another body's people
    if low in _PERSON_WORDS or low in {"ni", "i", "du", "you", "jer", "dere"} \
            or ctx.lists.person_kind(low, langs) is not None or _people_noun(low) \
            or low in (x.casefold() for x in ctx.lists.phrase_items("trip_we", langs)):
        return True  # "vi", "delegationen", "our housing advisers are in Kiruna this week"
    if not w[:1].isupper():
        return False
    return len(words) > 1 or not low.endswith(_DEFINITE)


#: Another body's people as the subject of being somewhere ("deras borgmästare är i Bryssel", "their
#: staff are in Kampala"), not joined to ours ("Vår ordförande och deras vd är …", "Vi och deras …").
_THEIRS_ARE = re.compile(r"(?<![^\W\d_])(?:deras|deres|their)\s+(?:[^\W\d_]+\s+){0,2}?"
                         r"(?:är|er|is|are|var|was|were|sitter|sidder|står|befinner|befinder)\s+(?!vi\b|we\b)"
                         r"(?:[^\W\d_]+\s+){0,3}$", re.IGNORECASE)
_OURS_AND = re.compile(r"(?<![^\W\d_])(?:vi|vår|vårt|våra|we|our|vores|os|oss|us)\s+(?:[^\W\d_]+\s+){0,2}?"
                       r"(?:och|og|and|&|samt|med|with)\s+$", re.IGNORECASE)


def _theirs_before(before: str) -> bool:
    """Whether the text before a place ends in another body's people being there ("Our sister
    city says their mayor is in Brussels today"), not ours beside theirs ("Vår ordförande och
    deras vd är i Berlin", "Our mayor is meeting their mayor in Brussels")."""
    m = _THEIRS_ARE.search(before)
    return m is not None and not _OURS_AND.search(before, 0, m.start())


_STREET = re.compile(r"\s+(?:allé|alle|gade|gaden|vej|vejen|plads|pladsen|torv|torvet|gatan|gata|vägen|väg|torg|torget|street|road|"
                     r"avenue|square)\b",
                     re.IGNORECASE)


#: Greetings and live reports ("Hälsningar från", "Live from", "Jambo from"): a trip unless the
#: post invites readers to come by (:func:`_come_by`).
_GREETING = re.compile(r"(?:god\s?morgon|god\s?kväll|god\s?morgen|god\s?aften|hej|hallå|hälsningar|hilsner|hilsen|"
                       r"vykort|postkort|live|hello|hi|hey|greetings|postcard|good\s+(?:morning|evening|night)|"
                       r"jambo|hola|bonjour|ciao|salut|hallo|moin|ahoj|namaste|salaam|habari|merhaba|aloha|howdy)\b",
                       re.IGNORECASE)


#: A sister or twin town: a greeting "from" it is its own people's ("Hälsningar från Cape Town! Vår
#: vänort skickar en videohälsning …"), not our staff away.
_SISTER = re.compile(r"\b(?:vänort\w*|vänstad\w*|venskabsby\w*|sister\s+cit(?:y|ies)(?:'s|’s)?|twin\s+towns?)\b",
                     re.IGNORECASE)


def _known_away(ctx: Context, place: str) -> bool:
    """Whether a greeting's place is known to be a town or country away from home: a greeting
    from a place the offline lists do not know ("Greetings from Risskov!", a district) is more
    likely an outing in town than a trip."""
    return place.casefold() in ctx.lists.places or bool(gazetteer.countries(place, others=False))


def _come_by(ctx: Context) -> bool:
    """Whether the post invites readers to come where it is ("kom förbi", "kig forbi", "come say
    hi", "drop by", "join us"), not only if they happen to be there too ("if you're here too")."""
    rx = ctx.lists.phrase_regex("trip_come_by", ctx.phrase_languages)
    if rx is None or rx.search(ctx.text) is None:
        return False
    return _ALSO_THERE.search(ctx.text) is None


_ALSO_THERE = re.compile(r"\b(?:if\s+you(?:'re|’re|\s+are)\s+(?:here|there|in\s+town)|om\s+(?:du|ni)\s+(?:är|också\s+är)\s+"
                         r"(?:här|där|på\s+plats)|hvis\s+(?:du|I)\s+(?:er|også\s+er)\s+(?:her|der|på\s+stedet))", re.IGNORECASE)

#: A dateline opening the post: "BRUSSELS – …", "Bruxelles, tirsdag morgen." (reporting from there).
_DATELINE = re.compile(r"(?-i:([A-ZÅÄÖÆØ][A-ZÅÄÖÆØ-]{2,}))\s*[–—-]\s|"
                       # a location pin with a time of today ("📍 Kampala, this afternoon", "📍 Gdańsk – dag 2")
                       r"📍\ufe0f?\s*([A-ZÅÄÖÆØ][\w-]+)\s*[,–—·:-]\s*(?:just\s+nu|lige\s+nu|right\s+now|tonight|i\s+kväll|"
                       r"ikväll|i\s+aften|i\s+eftermiddag|i\s+förmiddag|i\s+formiddag|i\s+morse|i\s+morges|i\s+dag|idag|"
                       r"today|this\s+(?:morning|afternoon|evening)|(?:day|dag)\s+(?:two|three|four|five|six|seven|två|tre|fyra|"
                       r"fem|sex|sju|to|fire|seks|syv|\d{1,2}))\b|"
                       r"([A-ZÅÄÖÆØ][\w-]+),\s+(?:(?:i\s+dag|idag|today)\b|"
                       + _WEEKDAY + r"(?:\s+(?:morgon|morgen|morning|eftermiddag|afternoon|kväll|"
                       r"aften|evening))?[.,:])", re.IGNORECASE)


def _dateline(ctx: Context, home: str) -> tuple[int, int] | None:
    """The span of a dateline that opens the post with a known town other than home."""
    lead = len(ctx.text) - len(ctx.text.lstrip())
    m = _DATELINE.match(ctx.text, lead)
    if m is None:
        return None
    place = m.group(1) or m.group(2) or m.group(3)
    name = place.title() if place.isupper() else place
    if _is_home(ctx, name, home) or not _abroad(ctx, name, str(ctx.policy.organisation.country or ""), others=False):
        return None  # "STOCKHOLM – Nu är det klart …": news from home, not a trip
    return (m.start(), m.end())


def _is_presence(matched: str) -> bool:
    """"Vi är i …", "we're in …": being somewhere (as opposed to travelling on to somewhere)."""
    return _PRESENCE.match(matched) is not None


def _looks_like_place(ctx: Context, word: str) -> bool:
    """A capitalised word that can be a town or a country: not a building in town
    ("Stadshusets"), a weekday, a month or a common word that opens a sentence."""
    if len(word) < 2 or not word[:1].isupper():
        return False
    low = word.casefold()
    if low in ctx.lists.places:
        return True
    if _LOCAL.search(low) or low in _CALENDAR:
        return False
    return not any(low in words for words in ctx.lists.function_words.values()) and not any(
        low in words for words in ctx.lists.lexicon.values())


_CALENDAR = frozenset(w for table in (WEEKDAYS, MONTHS) for names in table.values() for w in names)


def _is_home(ctx: Context, place: str, home: str) -> bool:
    """The home town ("Sundsvall", "Sundsvalls") or a town within the policy's home radius of the
    home base ("Timrå" for Sundsvall at 60 km), by the offline city list."""
    p = place.casefold()
    if home and (p == home or (p.startswith(home) and len(p) - len(home) <= 2)):
        return True
    org = ctx.policy.organisation
    if org.home_lat is None or org.home_lon is None:
        return False
    return gazetteer.near(place, org.home_lat, org.home_lon, org.home_radius_km)


_EMOJI = "\u2190-\u2bff\ufe0f\U0001f000-\U0001faff"
_LEAD = re.compile(rf"[ :–—\-{_EMOJI}]*")
_PLACE_STOP = re.compile(rf"[.!?\n:;{_EMOJI}]")  # an emoji after the place's sentence ends the thought too


def _two_word_place(ctx: Context, first: str, end: int, others: bool = True) -> tuple[str, int] | None:
    """"Port Sudan", "Cape Town", "New York": a known place of two capitalised words, the first
    ending at ``end``; its name and where it ends (``others``: by the towns' other names too)."""
    two = re.match(r"[ \t]+([A-ZÅÄÖÆØ][\w-]+)", ctx.text[end:end + 40])
    if two is None:
        return None
    if re.match(r"[ \t]+[A-ZÅÄÖÆØ]", ctx.text[end + two.end():end + two.end() + 3]):
        return None  # "New York Deli på Storgatan": a name of something here
    name = f"{first} {two.group(1)}"
    known = name.casefold() in ctx.lists.places or gazetteer.countries(name, others)
    return (name, end + two.end()) if known else None


def _place_after(ctx: Context, pos: int) -> tuple[int, str] | None:
    """The end and text of the first word that looks like a place within a few words after
    ``pos``, in the same sentence ("nästa stopp: Gulu" allowed)."""
    text = ctx.text
    window = text[pos:pos + 120]
    lead = _LEAD.match(window).end()  # type: ignore[union-attr]
    stop = _PLACE_STOP.search(window[lead:])
    if stop:
        window = window[:lead + stop.start()]
    for k, w in enumerate(re.finditer(r"[^\W\d_][\w-]*", window)):
        if k >= TRIP_WINDOW_WORDS:
            break
        if w.group()[:1].isupper() and len(w.group()) > 1:
            if _STREET.match(window, w.end()):
                return None  # "Vi holder til på Frederiks Allé": an address in town
            two = _two_word_place(ctx, w.group(), pos + w.end(), others=False)
            if two is not None and two[1] <= pos + len(window):
                return two[1], two[0]  # "Cape Town", "New York"
            if k > 0 and not _known_place(ctx, w.group()):
                return None  # "på plats i skolköket på Alnö": a room in a place the lists do not know
            return (pos + w.end(), w.group()) if _looks_like_place(ctx, w.group()) else None
    return None


def _known_place(ctx: Context, word: str) -> bool:
    """A town the offline city list or the lexicon's places know (by any name)."""
    return bool(gazetteer.countries(word)) or word.casefold() in ctx.lists.places
