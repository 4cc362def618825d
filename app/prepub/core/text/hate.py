"""Hate against a group without a slur word (XX Takt og tone: racisme; VIF 2: aldrig hat): a group and
what is said of it – vermin, illness, ruin, exclusion, deportation, "better off without" – and
abuse that targets origin whatever the words ("åk hem till ditt eget land", "go back to your own
country"). Read per sentence; denied ("invandrare är inte parasiter") it is no hate."""

from __future__ import annotations

import re

from prepub.core.model import Severity
from prepub.core.text.context import Context
from prepub.core.text.discourse import OWN
from prepub.core.text.tonebase import alternation, construction, voice_params

#: A group word in the genitive names a thing of theirs ("the women's match"), not the group; and
#: the group and what is said of it stand in one clause (no colon or semicolon between:
#: "Till alla kvinnor med endometrios: det är en sjukdom").
_NOT_POSSESSIVE = r"(?!['’]s\b)"


def _hate_rx(ctx: Context) -> re.Pattern[str] | None:
    """A group of people and, later in the same sentence, what makes it hate: vermin, "should be
    thrown out" – or, for a group of origin or faith, "is taking over"."""
    def build() -> str | None:
        group, pred = alternation(ctx, "hate_group"), alternation(ctx, "hate_predicate")
        origin, invasion = alternation(ctx, "hate_origin"), alternation(ctx, "hate_invasion")
        alts = []
        if group and pred:
            alts.append(rf"(?:{group}){_NOT_POSSESSIVE}[^.!?\n:;]{{0,60}}?(?:{pred})")
        if origin and invasion:
            alts.append(rf"(?:{origin}){_NOT_POSSESSIVE}[^.!?\n:;]{{0,40}}?(?:{invasion})")
        return "|".join(alts) or None
    return construction(ctx, "hate", build)


def _hate_own_rx(ctx: Context) -> re.Pattern[str] | None:
    """Hate whose words carry their own negation or need no group before them: "… hör inte
    hemma här", "invandrarpacket", "migrant scum", "skicka hem hela invandrarpacket"."""
    def build() -> str | None:
        group, neg = alternation(ctx, "hate_group"), alternation(ctx, "hate_predicate_neg")
        compound = alternation(ctx, "hate_compound")
        alts = []
        if group and neg:
            alts.append(rf"(?:{group}){_NOT_POSSESSIVE}[^.!?\n:;]{{0,60}}?(?:{neg})")
        if compound:
            alts.append(compound)
        if group:
            alts += [p.replace("GROUP", f"(?:{group})")
                     for p in ctx.lists.phrase_items("hate_deport", ctx.phrase_languages, regex=True)]
        return "|".join(f"(?:{a})" for a in alts) or None
    return construction(ctx, "hate_own", build)


def _hate_weak_rx(ctx: Context) -> re.Pattern[str] | None:
    """Weaker readings, which warn: a group and a stereotype or a wish to be rid of it ("romaerne
    stjæler alt", "bögarna ska hålla sig borta från våra skolor", "better off without these …")."""
    def build() -> str | None:
        group, weak = alternation(ctx, "hate_group"), alternation(ctx, "hate_predicate_weak")
        alts = []
        if group and weak:
            alts.append(rf"(?:{group}){_NOT_POSSESSIVE}[^.!?\n:;]{{0,60}}?(?:{weak})")
        if group:
            alts += [p.replace("GROUP", f"(?:{group})") for section in ("hate_without", "hate_group_comes_like")
                     for p in ctx.lists.phrase_items(section, ctx.phrase_languages, regex=True)]
        simile = alternation(ctx, "hate_simile")
        if simile:  # said of people: a group, or "folk", "de", "they" before it (not of slugs or knotweed)
            people = rf"{group}|\b(?:folk|folket|människor|mennesker|people|de|dem|they|them)\b" if group else \
                r"\b(?:folk|folket|människor|mennesker|people|de|dem|they|them)\b"
            alts.append(rf"(?:{people})[^.!?\n]{{0,60}}?(?:{simile})")
        these = alternation(ctx, "hate_simile_these")
        who = [re.escape(w).replace(r"\ ", r"\s+") for w in ctx.lists.phrase_items("hate_simile_these", ctx.phrase_languages)]
        if these and (who or group):  # "these people multiply like rats"; not "de förökar sig som löss" (slugs)
            subject = "|".join(([rf"\b(?:{'|'.join(who)})\b"] if who else []) + ([group] if group else []))
            alts.append(rf"(?:{subject})[^.!?\n]{{0,60}}?(?:{these})")
        likened = alternation(ctx, "hate_simile_group")
        if group and likened:  # "Somalis hanging around the entrance – like rats"; not "people … like rats"
            alts.append(rf"(?:{group}){_NOT_POSSESSIVE}[^.!?\n]{{0,60}}?(?:{likened})")
        return "|".join(f"(?:{a})" for a in alts) or None
    return construction(ctx, "hate_weak", build)


def _hate_they_rx(ctx: Context) -> re.Pattern[str] | None:
    """"De", "they" + a hate predicate, for a post that named a group before."""
    def build() -> str | None:
        they = ctx.lists.phrase_items("hate_they", ctx.phrase_languages)
        preds = [a for a in (alternation(ctx, "hate_predicate"), alternation(ctx, "hate_predicate_neg"),
                             alternation(ctx, "hate_predicate_weak")) if a]
        if not they or not preds:
            return None
        body = "|".join(r"\s+".join(map(re.escape, t.split())) for t in they)
        return rf"(?<!\w)(?:{body})\s+(?:{'|'.join(preds)})"
    return construction(ctx, "hate_they", build)


_OTHER_ANIMALS = re.compile(r"andra\s+djur|andre\s+dyr|other\s+animals|rest\s+of\s+the\s+animals|resten\s+af\s+dyrene",
                            re.IGNORECASE)
_ANIMALS = re.compile(r"\b(?:lamm\w*|lam(?:mene|mene)?|får(?:en)?|getter(?:na)?|geder(?:ne)?|goats?|lambs?|sheep|kor(?:na)?|køer(?:ne)?|"
                      r"cows?|höns(?:en)?|høns(?:ene)?|hens|chickens?|kaniner(?:na)?|kaninerne|rabbits?|hästar(?:na)?|heste(?:ne)?|"
                      r"horses?|ponn\w*|pon(?:y|ies)|alpacka\w*|alpaca\w*|grisar(?:na)?|grise(?:ne)?|pigs?|bondgård\w*|bondegård\w*|"
                      r"farm|4h\S*|djurpark\w*|dyrepark\w*|zoo)\b", re.IGNORECASE)
_CAME_FROM = re.compile(r"kom\s+(?:fra|ifrån)|came\s+from", re.IGNORECASE)


_MODAL_BEFORE = re.compile(r"(?:ska|skall|borde|bör|måste|skal|burde|må|should|must|ought\s+to|need\s+to|deserve\s+to)"
                           r"\s+(?:\w+\s+)?$", re.IGNORECASE)


def _depicted(ctx: Context, s0: int, s1: int) -> bool:
    """Whether the sentence tells how a group was depicted or is treated (``hate_depicted``:
    "framställde judar som råttor", "are being treated like vermin, says our report") and does not
    stand behind it (``hate_endorse``: "precis som de beskrivs", "not propaganda") nor call for
    it ("ska behandlas som parasiter")."""
    langs = ctx.phrase_languages
    depicted, endorse = ctx.lists.phrase_regex("hate_depicted", langs), ctx.lists.phrase_regex("hate_endorse", langs)
    if depicted is None or (endorse is not None and endorse.search(ctx.text, s0, s1)):
        return False
    return any(not _MODAL_BEFORE.search(ctx.text, s0, m.start()) for m in depicted.finditer(ctx.text, s0, s1))


_INSTEAD = re.compile(r"\b(?:i\s+stället|istället|i\s+stedet|instead|hellre|hellere|rather)\b", re.IGNORECASE)


def _asks_to_help(ctx: Context) -> bool:
    """Whether the post asks readers to give to the people it tells of: a call to give that is not
    negated ("Skänk inte en krona") nor sent elsewhere ("Ge ett bidrag till hemvärnet i stället")."""
    rx = ctx.lists.phrase_regex("hate_plight_help", ctx.phrase_languages)
    if rx is None:
        return False
    for m in rx.finditer(ctx.text):
        s0, s1 = ctx.discourse.sentence_text(m.start())
        if not ctx.discourse.negated(m.start(), m.end(), window=3) and not _INSTEAD.search(ctx.text, s0, s1):
            return True
    return False


def plight_with_help(ctx: Context) -> bool:
    """Whether the post tells of a group living like animals as a wrong done to it and asks
    readers to help ("Refugees in the camp are living like animals in the mud. Please donate"):
    the rules read that as no hate, and the learned model stays silent on it too."""
    return ctx.discourse.cue_anywhere("hate_plight") and _asks_to_help(ctx)


def _more_hate_after(ctx: Context, pos: int, s1: int) -> bool:
    """Whether the sentence goes on, after a plight ("lever som djur"), with a hate predicate of
    its own ("… och förökar sig som råttor")."""
    pred = alternation(ctx, "hate_predicate")
    return pred is not None and re.search(pred, ctx.text[pos:s1], re.IGNORECASE) is not None


def things_sent_back(ctx: Context) -> bool:
    """Whether "send them back where they came from" in the post is said of things (books,
    bottles, borrowed gear: ``hate_things_sent_back``), which the hate check passes on and the
    learned model must not read as hate either."""
    return _CAME_FROM.search(ctx.text) is not None and ctx.discourse.cue_anywhere("hate_things_sent_back")


def check_dehumanising(ctx: Context) -> None:
    """Hate against a group without a slur word: "invandrarna är parasiter", "muslims are taking
    over … and should be thrown out", "breeding like rats", a group word joined to vermin
    ("invandrarpacket", "migrant scum"), a group sent away ("send alle de udlændinge hjem"). These
    block like a slur. Weaker readings warn: stereotypes ("romaerne stjæler alt"), a group told to
    keep away or be quiet ("bögarna ska hålla sig borta från våra skolor"), wished away ("better off
    without these migrants"), or named and then, as "de/they", denied its humanity ("… De er ikke
    mennesker"). Denied ("invandrare är inte parasiter") or rebutted in the same sentence ("the
    myth that …", "sades det förr") it is no hate, nor is a decision reported as news in the same
    sentence ("… ska skickas tillbaka, enligt det nya beslutet")."""
    found: list[tuple[int, int, Severity | None]] = []
    rx = _hate_rx(ctx)
    if rx is not None:
        found += [(m.start(), m.end(), None) for m in rx.finditer(ctx.text)
                  if not ctx.discourse.negated(m.start(), m.end())]
    own = _hate_own_rx(ctx)
    if own is not None:
        found += [(m.start(), m.end(), None) for m in own.finditer(ctx.text)
                  if not ctx.discourse.negated(m.start(), window=3)]
    weak = _hate_weak_rx(ctx)
    if weak is not None:
        found += [(m.start(), m.end(), Severity.WARN) for m in weak.finditer(ctx.text)
                  if not ctx.discourse.negated(m.start(), window=3)]
    they = _hate_they_rx(ctx)
    group = ctx.lists.phrase_regex("hate_group", ctx.phrase_languages)
    if they is not None and group is not None:
        first = group.search(ctx.text)
        if first is not None:
            found += [(m.start(), m.end(), Severity.WARN) for m in they.finditer(ctx.text, first.end())]
    done: list[tuple[int, int]] = []
    rebuttal = ctx.lists.phrase_regex("hate_rebuttal", ctx.phrase_languages)
    decision = ctx.lists.phrase_regex("hate_decision", ctx.phrase_languages)
    for start, end, own_severity in sorted(found, key=lambda f: (f[0], f[2] is not None)):
        if ctx.inside(start, end) or any(s < end and start < e for s, e in done):
            continue
        s0, s1 = ctx.discourse.sentence_text(start)
        if rebuttal is not None and rebuttal.search(ctx.text, s0, s1) is not None:
            continue  # "myten att kvinnor är för känslosamma för att leda", "sades det förr"
        if ctx.discourse.cue_in("hate_plight", start, end) and _asks_to_help(ctx) \
                and not _more_hate_after(ctx, end, s1):
            continue  # "Refugees in the camp are living like rats. Please donate": a wrong done to them
            # (only the words of the plight: "… och förökar sig som råttor – stöd oss" is still hate)
        if _ANIMALS.search(ctx.text, s0, s1) and _OTHER_ANIMALS.search(ctx.text, start, end):
            continue  # "Flyktingbarnen fick mata lammen och leka med de andra djuren": real animals
        if _depicted(ctx, s0, s1):
            continue  # "Nazisterna framställde judar som råttor", "Flyktingar behandlas som skadedjur vid gränsen"
        if decision is not None and decision.search(ctx.text, s0, s1) is not None:
            continue  # "Asylsökande som fått avslag ska skickas tillbaka, enligt det nya beslutet"
        if _CAME_FROM.search(ctx.text, start, end) and ctx.discourse.cue_anywhere("hate_things_sent_back"):
            continue  # "Har du lånt bøger? Send dem alle sammen hjem hvor de kom fra": things returned
        done.append((start, end))
        params, sev = voice_params(ctx, start, end)
        params.update({"word": ctx.text[start:end], "category": "hate", "term": ctx.text[start:end]})
        if sev is None and ctx.discourse.condemns:
            sev = Severity.WARN  # "… made monkey noises at our goalkeeper. We condemn this": told, not said
        ctx.emit("text.slur", (start, end), params=params, severity=sev or own_severity)
    _disclaimed_hate(ctx, done)
    _insinuated_hate(ctx, done)


#: A post that discusses the disclaimer rather than uses it: a course, a book, a podcast, a rebuttal
#: ("Jag är inte rasist, men – en reportagebok om vardagsrasism", "that's what I used to say").
_DISCUSSED = re.compile(r"\b(?:kurs\w*|kursus\w*|course|workshop\w*|podcast\w*|poddens?|bok(?:en)?|bog(?:en)?|book|"
                        r"reportagebok\w*|föreläsning\w*|foredrag\w*|lecture|used\s+to\s+say|brukade\s+säga|plejede\s+at\s+sige|"
                        r"disagrees?|håller\s+inte\s+med|er\s+uenig|forklar\w*|förklara\w*|explain\w*|myt(?:en|h)|"
                        r"börjar\s+med|begynder\s+med|starts?\s+with|vardagsrasism\w*|hverdagsracisme\w*|everyday\s+racism|"
                        r"(?:sådan|så|that['’]s\s+how)\s+(?:begynder|börjar|starts?|begins?)|"
                        r"(?:begynder|börjar|starts?|begins?)\s+(?:mange|många|many|ofte|ofta|often))\b",
                        re.IGNORECASE)
#: appended to the message of hate behind a disclaimer; the catalogue's "reason.disclaimer" translates it
DISCLAIMER_REASON = " Saying first that one is not racist does not make it less demeaning."
#: appended to the message of a group blamed by hint; the catalogue's "reason.insinuation" translates it
INSINUATION_REASON = " Leaving the conclusion to the reader still puts the blame on the group."
#: Someone else says it: ", siger mange", ", says the landlord".
_SAID_BY = re.compile(r"[^.!?\n]{0,40}?,\s*(?:siger|säger|sier|says|said|sa|sagde|skriver|writes)\b", re.IGNORECASE)


def _disclaimed_hate(ctx: Context, done: list[tuple[int, int]]) -> None:
    """Hate dressed as worry or fact: a disclaimer said in the post's own voice ("Jag är inte
    rasist, jag är bara orolig", "Not racist, just facts:", "Saying so isn't racism") in a post
    that names a group hate speech targets (``hate_group``) outside quotation marks. The
    disclaimer is the tell: nobody writes it about a group they say nothing against. Warns; a post
    that condemns (quotes a comment to reject it) is left to the quotation."""
    rx = ctx.lists.phrase_regex("hate_disclaimer", ctx.phrase_languages)
    group = ctx.lists.phrase_regex("hate_group", ctx.phrase_languages)
    if rx is None or group is None or ctx.discourse.condemns or _DISCUSSED.search(ctx.text):
        return
    groups = [g for g in group.finditer(ctx.text)
              if not ctx.inside(g.start(), g.end()) and ctx.discourse.voice(g.start(), g.end()) == OWN]
    for m in rx.finditer(ctx.text):
        if ctx.inside(m.start(), m.end()) or ctx.discourse.in_quote(m.start(), m.end()) \
                or any(s < m.end() and m.start() < e for s, e in done):
            continue
        s0, s1 = ctx.discourse.sentence_text(m.start())
        if ctx.text[s0:s1].rstrip().endswith("?") or _SAID_BY.match(ctx.text, m.end()) \
                or _SAID_BY.search(ctx.text, m.end(), s1):
            continue  # "Inte rasistisk, bara nyfiken?", "I am not a racist, says the landlord"
        nxt = ctx.discourse.sentence_text(s1 + 1)[1] if s1 < len(ctx.text) else s1
        near = [g for g in groups if m.start() - 200 <= g.start() <= nxt]
        if not near:
            continue  # the group is named near the disclaimer: in its sentence, the next or just before
        # the claim is the sentence that names the group, the one after the disclaimer when there is one
        g = next((g for g in near if g.start() >= m.start()), near[-1])
        c0, c1 = ctx.discourse.sentence_text(g.start())
        claim = ctx.text[c0:c1].strip()
        span = (min(m.start(), c0), max(m.end(), c1))
        done.append(span)
        ctx.emit("text.slur", span, severity=Severity.WARN,
                 params={"word": claim, "category": "hate", "term": m.group(), "code": "disclaimer",
                         "reason": DISCLAIMER_REASON})
        return


#: Figures that speak well of the group or of the work with it: "The numbers speak for themselves: 80 %
#: of our refugee trainees found jobs", "brotten har halverats sedan fritidsgården öppnade". Not praise
#: words, which sarcasm borrows ("Fint att kommunen tar emot fler flyktingar", "Great job, Migration Agency").
_GOOD_NEWS = re.compile(r"\b(?:lyckades|lykkedes|succeeded|fick\s+jobb|fått\s+jobb|har\s+jobb|fik\s+job|fået\s+job|har\s+job|"
                        r"found\s+(?:a\s+)?jobs?|in\s+work|i\s+arbete|i\s+arbejde|klarade|klarede|passed|bestod|"
                        r"halverats|halveret|halved|minskat|sjunkit|faldet|fallen|dropped|decreased|færre|fewer|färre)\b",
                        re.IGNORECASE)
#: Where a group is housed, named in its stead: "tre nya asylboenden", "asylum centres", "flygtningecentret".
_THEIR_PLACE = re.compile(r"\b(?:asylboende\w*|asylcent\w*|asylum\s+cent(?:re|er)s?|flygtningecent\w*|"
                          r"flyktingförläggning\w*|refugee\s+cent(?:re|er)s?)\b", re.IGNORECASE)


#: What the figures blame a group for: crime, break-ins, litter, complaints, violence, drop-outs, benefits and
#: costs, not wanting to work. Without it, figures beside a group are news ("6 av 10 chefer är kvinnor").
_BLAME = re.compile(r"\b(?:brott\w*|kriminal\w*|kriminell\w*|kriminel\w*|crimes?|criminal\w*|inbrott\w*|indbrud\w*|"
                    r"burglar\w*|break-ins?|stöld\w*|tyveri\w*|thefts?|thieves|tjuv\w*|tyve\b|tyvene|skräp\w*|"
                    r"nedskräp\w*|affald\w*|skrald\w*|litter\w*|rubbish|trash|garbage|sopor(?:na)?|klagomål\w*|"
                    r"klager|complaints?|felanmäl\w*|fler\s+ärenden|flere\s+sager|skadegörelse\w*|hærværk\w*|"
                    r"vandal\w*|våld\w*|vold\w*|violen\w*|bråk\w*|ballade\w*|uro\b|otrygg\w*|utryg\w*|unsafe|"
                    r"hoppar\s+av|avhopp\w*|dropper\s+ud|frafald\w*|drop(?:s|ped)?\s+out|dropouts?|bidrag\w*|"
                    r"försörjningsstöd\w*|kontanthjælp\w*|ydelse\w*|benefits?|welfare|koster\s+(?:os|samfundet)|"
                    r"kostar\s+(?:oss|samhället|skattebetalarna)|cost(?:s)?\s+(?:us|taxpayers)|skattebetalar\w*|"
                    r"taxpayers?|inte\s+(?:vill\s+)?jobba|ikke\s+(?:vil\s+)?arbejde|won['’]t\s+work|don['’]t\s+want\s+to\s+work|"
                    r"fusk\w*|snyd\w*|fraud|anhåll\w*|gripna|gripits|anholdt\w*|arrested|arrests|rån\w*|røveri\w*|"
                    r"robber\w*|vågar\s+ingen|tør\s+ingen|no\s+one\s+dares)\b", re.IGNORECASE)


def _insinuated_hate(ctx: Context, done: list[tuple[int, int]]) -> None:
    """A group blamed by hint: the post names a group hate speech targets (``hate_group``, in its
    own voice) and, in that sentence or the next, leaves the reader to draw the conclusion
    (``hate_insinuation``: "… sedan de somaliska familjerna flyttade in på Bergsgatan. Vi låter
    statistiken tala för sig själv.", "Konklusionen må I selv drage"). Nobody lets figures "speak
    for themselves" beside a group unless the figures are meant against it: the figures must blame
    (``_BLAME``: crime, litter, drop-outs, costs) and not speak well of it in those sentences
    ("Tallene taler for sig selv: 80 % af flygtningene på vores kursus er i arbejde", "6 av 10 chefer
    är kvinnor"), nor rebut it ("myten att …"). Warns; a condemnation elsewhere in the post does not
    cancel it ("Vi tar avstånd från all rasism. Men sedan invandrarna flyttade in …"), and a hint on its
    own is nothing ("Siffrorna ljuger inte: vi återvinner 71 %")."""
    rx = ctx.lists.phrase_regex("hate_insinuation", ctx.phrase_languages)
    group = ctx.lists.phrase_regex("hate_group", ctx.phrase_languages)
    rebuttal = ctx.lists.phrase_regex("hate_rebuttal", ctx.phrase_languages)
    if rx is None or group is None:
        return  # (a post that condemns racism may still insinuate: "Vi tar avstånd från all rasism. Men sedan …")
    groups = [g for g in [*group.finditer(ctx.text), *_THEIR_PLACE.finditer(ctx.text)]
              if not ctx.inside(g.start(), g.end()) and ctx.discourse.voice(g.start(), g.end()) == OWN]
    groups.sort(key=lambda g: g.start())
    for m in rx.finditer(ctx.text):
        if ctx.inside(m.start(), m.end()) or ctx.discourse.voice(m.start(), m.end()) != OWN \
                or any(s < m.end() and m.start() < e for s, e in done):
            continue
        s0, s1 = ctx.discourse.sentence_text(m.start())
        p0 = ctx.discourse.sentence_text(s0 - 1)[0] if s0 > 0 else s0  # the sentence before
        n1 = ctx.discourse.sentence_text(s1 + 1)[1] if s1 < len(ctx.text) else s1  # … and the one after
        near = [g for g in groups if p0 <= g.start() < n1]
        if not near:
            continue
        g = near[0]
        c0, c1 = ctx.discourse.sentence_text(g.start())
        w0, w1 = min(c0, s0), max(c1, s1)  # the group's sentence and the hint's, and what stands between
        if not _BLAME.search(ctx.text, w0, w1) or _GOOD_NEWS.search(ctx.text, w0, w1) \
                or (rebuttal is not None and rebuttal.search(ctx.text, w0, w1)):
            continue  # the figures must blame: crime, litter, drop-outs, costs ("… 80 % found jobs" praises;
            # "the myth that …" rebuts)
        span = (min(m.start(), c0), max(m.end(), c1))
        done.append(span)
        ctx.emit("text.slur", span, severity=Severity.WARN,
                 params={"word": ctx.text[c0:c1].strip(), "category": "hate", "term": m.group(), "code": "insinuation",
                         "reason": INSINUATION_REASON})
        return
