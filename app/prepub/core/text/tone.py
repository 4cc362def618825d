"""Tone checks: profanity, slurs and insults from curated lists (on inflected forms and compounds),
and insults aimed at someone (personal attacks) (XX Takt og tone; VIF 2–3: aldrig hat och hot;
S Stockholm: medverka inte i personangrepp). Hate without slur words is in
:mod:`prepub.core.text.hate`, threats in :mod:`prepub.core.text.threats`, irony and rumours in
:mod:`prepub.core.text.irony`; what they share (voice, constructions) in
:mod:`prepub.core.text.tonebase`.

An evaluative word ("värdelös", "kryster", "coward") is read in its clause: who it is said of
(:class:`_AttackReader`: addressed, a subject before "är/er/is", a name, a role – also as the last
part of a compound, "oppositionsrådet" –, a group, no one in particular, the speakers themselves,
an organisation, a thing), so that the word lists hold lemmas, not sentences.

Severity follows the evidence. Abuse in the organisation's own voice keeps its severity; the same
words inside quotation marks or reported ("kallade dem för …", "fick ett sms: …") warn with
``quoted=True`` – the post may be condemning them, but the wording needs a look – and never block.
A negated insult ("ingen är en idiot för att hen frågar") is no insult.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from prepub.core.model import Severity
from prepub.core.text.context import Context
from prepub.core.text.hate import check_dehumanising
from prepub.core.text.tonebase import QUOTED_REASON, voice_params
from prepub.core.text.tokens import Token

ATTACK_WINDOW = 3  # words between the target ("du", "din", "är en") and the insult
_RULE_OF = {"profanity": "text.profanity", "slur": "text.slur", "insult": "text.insult"}
_RANK = {"info": 0, "warn": 1, "block": 2}
# words before "är en / er en / is a" that make the insult about a thing, not a person
_THING_SUBJECTS = frozenset("""det detta denna den det här dette denne this that it which vilket hvilket
förslaget beslutet planen idén forslaget beslutningen planen idéen idea plan decision proposal
förslag beslut budgeten budgettet regeln reglerna reglen reglerne lagen loven motionen uttalandet
udtalelsen rapporten projektet ideas plans decisions proposals budget policy rule rules law bill
motion statement report project scheme""".split())
#: The nouns among them, and a few more things a post may call stupid: an adjective said of one
#: of them ("Beslutet är idiotiskt", "Reglerna som gäller är idiotiska") criticises a thing.
_THING_NOUNS = (_THING_SUBJECTS - frozenset("""det detta denna den dette denne this that it which vilket
hvilket""".split())) | frozenset("""systemet systemerne schemat skemaet prioriteringen prioriteringerne
reglementet tidtabellen køreplanen hemsidan hjemmesiden appen the system schedule timetable website app
argumentet argumentet argument argumenten argumenterne arguments""".split())


_PASSIVE_CALLS = frozenset({"kallas", "kallades", "kallats", "kaldes"})


def _parts(token: Token, lists: object = None) -> list[str]:
    body = token.text.lstrip("#")
    parts = [body]
    abuse = getattr(lists, "abuse", None)
    if abuse is not None and abuse.allowed(body.casefold()):
        return parts  # "idiot-proof": the whole word is allowed, so are its parts
    if "-" in body:
        parts += [p for p in body.split("-") if p]
    return parts


def check_abuse(ctx: Context) -> None:
    langs = ctx.abuse_languages
    reader = _AttackReader(ctx)
    attacks: list[tuple[int, int, str, str, bool]] = []  # (start, end, word, term, sure) aimed at someone
    for t in ctx.tokens:
        if t.kind not in ("word", "hashtag"):
            continue
        hits = [e for e in (ctx.lists.abuse.match(p, langs) for p in _parts(t, ctx.lists)) if e is not None]
        if not hits and t.kind == "word" and langs is not None:
            hits = [e for e in [ctx.lists.abuse.foreign_slur(t.text, called=_called_quoted(ctx, t))]
                    if e is not None]  # 'perkere' in English, 'kallades ”paki”' in Swedish
        if not hits:
            continue
        entry = max(hits, key=lambda e: (_RANK[e.severity], e.category == "slur"))
        if entry.category in ("insult", "derogatory") and ctx.discourse.negated(t.start):
            continue  # "ingen är en idiot", "never makes you an idiot"; a slur word is one whatever
            # stands before it ("vi gider ikke flere perkere i klubben")
        if ctx.discourse.in_title(t.start, t.end) or _after_a_genitive_name(ctx, t):
            continue  # "filmen ”Idioterna”", "Lars von Triers Idioterna": the title of a work
        category = entry.category
        if category in ("insult", "derogatory") and t.kind == "word":
            aim = reader.aim(t, entry)
            if aim == "hate":
                category = "slur"
            elif aim in ("sure", "likely"):
                attacks.append((t.start, t.end, t.text, entry.term, aim == "sure"))
                continue
            elif aim in ("self", "thing") or (aim == "org" and category == "derogatory"):
                continue  # "vi var dumma som trodde …", "ett korkat beslut"; "Nordbolaget är ett gäng bedragare"
            elif category == "derogatory":
                pair = aim is None and entry.pos == "lit" and entry.term not in _THING_LIT \
                    and not ctx.discourse.cue_in("attack_literal", *ctx.discourse.sentence_text(t.start)) \
                    and _abusive_adjective_before(ctx, t, langs, attacks)  # (not a circus: attack_literal)
                if aim not in ("group", "unspecified") and not _exclaimed(ctx, t) and not pair:
                    continue  # "patetisk", "clown" say nothing until aimed at someone; "hjernedøde klovne"
                    # (an abusive word for someone with an abusive adjective before it) names people by abuse
                if pair:
                    near = [w for w in ctx.tokens if w.end <= t.start and w.kind == "word"][-2:]
                    adjective = next((w for w in near if (e := ctx.lists.abuse.match(w.text, langs)) is not None
                                      and e.pos == "adj"), near[-1])
                    if reader.one_in_sentence(t.start) or _THAT_ONE.search(ctx.text, max(0, t.start - 40), t.start):
                        attacks.append((adjective.start, t.end, ctx.text[adjective.start:t.end], entry.term, False))
                        continue  # "vilken arrogant pajas han är", "direktøren … som en arrogant klovn": one person
                    params, sev = voice_params(ctx, adjective.start, t.end)
                    params.update({"word": ctx.text[adjective.start:t.end], "category": "insult", "term": entry.term})
                    ctx.emit("text.insult", (adjective.start, t.end), params=params, severity=sev)
                    continue  # "hjernedøde klovne": the pair is quoted in the message
                category = "insult"
        elif category == "derogatory":
            continue
        params, sev = voice_params(ctx, t.start, t.end)
        params.update({"word": t.text, "category": category, "term": entry.term})
        ctx.emit(_RULE_OF[category], (t.start, t.end), params=params,
                 severity=sev or (entry.severity if entry.category != "derogatory" else None))
    _masked(ctx, langs)
    _spelled_out(ctx, langs)
    attacks += _attack_phrases(ctx, reader, attacks)
    attacks.sort()
    _emit_attacks(ctx, attacks)
    check_dehumanising(ctx)


#: A word with letters starred out: "f*ggot", "f@ggots", "blatt**", "n*****" (what it stands for is looked up in _masked).
_MASKED = re.compile(r"(?<![\w@#*])[^\W\d_]+(?:[*#•@]+[^\W\d_]+)+[*#•]*(?![\w*])|(?<![\w@#*])[^\W\d_]+[*#•]+(?![\w*@#])")


#: What someone was called, quoted: "kallades ”paki”", "blev kaldt 'paki' af", "called him “paki”".
_CALLED_BEFORE = re.compile(r"\b(?:kall(?:a|ar|ade|ades|at|ats|as)|kald(?:e|er|es|te|tes|t)|call(?:s|ed|ing)?|"
                            r"skrek|ropade|råbte|shouted|yelled)\b(?:\s+[^\W\d_]+){0,2}\s*[\"“”'‘’«»]$", re.IGNORECASE)
_QUOTE_AFTER = re.compile(r"[\"“”'‘’«»]")


def _called_quoted(ctx: Context, t: Token) -> bool:
    """Whether ``t`` is the one quoted word someone was called (a calling verb just before)."""
    return _QUOTE_AFTER.match(ctx.text, t.end) is not None \
        and _CALLED_BEFORE.search(ctx.text[max(0, t.start - 40):t.start]) is not None


#: A word spelled out letter by letter: "p e r k e r e", "n.i.g.g.e.r", "b-l-a-t-t-e" (the same
#: separator between at least four letters).
_SPACED = re.compile(r"(?<![\w.\-])([^\W\d_])([ .\-])(?:[^\W\d_]\2){2,}[^\W\d_](?![\w\-])")


def _spelled_out(ctx: Context, langs: frozenset[str] | None) -> None:
    """Slurs spelled out letter by letter are the same words: the spaces hide them from a word
    list, not from a reader ("Smid de p e r k e r e ud"). An acronym spelled out ("S V T") is no slur."""
    for m in _SPACED.finditer(ctx.text):
        if ctx.inside(m.start(), m.end(), ("url", "email", "mention", "hashtag")):
            continue
        word = "".join(c for c in m.group() if c.isalpha())
        entry = ctx.lists.abuse.match(word, langs) or ctx.lists.abuse.foreign_slur(word)
        if entry is None or entry.category not in ("slur", "profanity"):
            continue
        params, sev = voice_params(ctx, m.start(), m.end())
        params.update({"word": m.group(), "category": entry.category, "term": entry.term})
        ctx.emit(_RULE_OF[entry.category], (m.start(), m.end()), params=params, severity=sev or entry.severity)


def _masked(ctx: Context, langs: frozenset[str] | None) -> None:
    """Slurs and profanity with letters starred out are the same words ("they chanted "f*ggot"",
    "f@ggots", "blatt**"): the starring hides the letters, not the meaning. Not a name ("M***, 10
    år"), a key or a language ("F# minor", "C#"), nor a footnote ("Pris*": no slur has that start)."""
    for m in _MASKED.finditer(ctx.text):
        word = m.group()
        letters = [c for c in word if c.isalpha()]
        if ctx.inside(m.start(), m.end(), ("url", "email", "mention", "hashtag")) \
                or (len(letters) == 1 and (letters[0].isupper() or word.count("#") + word.count("*") + word.count("•") < 2)) \
                or re.fullmatch(r"[A-Za-z]#", word):
            continue
        entry = ctx.lists.abuse.unmask(word, langs)
        if entry is None:
            continue
        params, sev = voice_params(ctx, m.start(), m.end())
        params.update({"word": word, "category": entry.category, "term": entry.term})
        ctx.emit(_RULE_OF[entry.category], (m.start(), m.end()), params=params, severity=sev or entry.severity)


def _after_a_genitive_name(ctx: Context, t: Token) -> bool:
    """A capitalised word inside a sentence right after a name in the genitive: a work's title
    ("Lars von Triers Idioterna", "Astrid Lindgrens Bröderna Lejonhjärta")."""
    if not t.text[:1].isupper() or t.text.isupper():
        return False
    s = ctx.sentence_at(t.start)
    if s is None or not ctx.text[s.start:t.start].strip():
        return False
    m = re.search(r"(\w+)(?::s|['’]s|s)\s+(?:(?:The|Den|Det|De)\s+)?$", ctx.text[max(0, t.start - 40):t.start])
    return m is not None and m.group(1)[:1].isupper()


#: "den där inkompetenta pajasen", "that brainless clown": one person pointed at.
_THAT_ONE = re.compile(r"\b(?:den\s+där|den\s+här|denna|denne|den\s+der|that|this)\s+[^\W\d_]+\s+$", re.IGNORECASE)
_ANYTHING_BUT = re.compile(r"(?:alt\s+andet\s+end|allt\s+annat\s+än|anything\s+but|far\s+from|långt\s+ifrån|"
                           r"langt\s+fra|ingalunda|ikke|inte|not|never|aldrig)\s+$", re.IGNORECASE)
#: Abuse words for a thing, not a person ("dumma skämt" are silly jokes, "a waste of time").
_THING_LIT = frozenset({"skämt", "joke", "waste", "amatör"})


def _abusive_adjective_before(ctx: Context, t: Token, langs: frozenset[str] | None,
                              attacks: list[tuple[int, int, str, str, bool]]) -> bool:
    """Whether the word before ``t``, or the one before that across a comma or one word, is an
    abusive adjective ("hjernedøde klovne", "hjärndöda, självgoda pajasar", "brainless little clowns"):
    the pair calls people names whoever they are. Not when that adjective is already part of an attack
    on someone ("som en arrogant klovn", "you gutless weasel") or is denied ("alt andet end dumme svin")."""
    before = [w for w in ctx.tokens if w.end <= t.start and w.kind == "word"][-2:]
    for k, prev in enumerate(reversed(before)):  # the word before, or the one before that ("hjärndöda, självgoda
        gap = ctx.text[prev.end:t.start]          # pajasar", "brainless little clowns")
        if k == 1 and not re.fullmatch(r"\s*,?\s*[^\W\d_]+\s*", gap):
            break
        if k == 0 and gap.strip(" ,"):
            break
        if any(a[0] == prev.start for a in attacks) \
                or _ANYTHING_BUT.search(ctx.text, max(0, prev.start - 30), prev.start):
            return False  # "Grise er alt andet end dumme svin"
        e = ctx.lists.abuse.match(prev.text, langs)
        if e is not None and e.pos == "adj" and e.category in ("insult", "derogatory"):
            return True
    return False


#: Saying it of oneself or telling a story: "admits he has no idea", "knows he should be ashamed".
_ADMITS = re.compile(r"\b(?:admits?|admitted|knows|erkänner|erkände|medger|vet\s+att|indrømmer|indrømmede|ved\s+godt|"
                     r"innrømmer)\b", re.IGNORECASE)
#: No one in particular: "Whoever dumped this fridge …", "Den som slängde …", "Hvem end der …".
_WHOEVER = re.compile(r"^\W*(?:whoever|anyone\s+who|den\s+som|de\s+som|dem\s+som|den,?\s+der|de,?\s+der|hvem\s+end)\b",
                      re.IGNORECASE)
_PRONOUN_IN = re.compile(r"\b(?:han|hon|hen|hun|he|she)\b", re.IGNORECASE)
_YES_NO_QUESTION = re.compile(r"\s*(?:är|er|is|are|was|var|tycker|synes|finds?)\b", re.IGNORECASE)
#: Attack phrases that say their point by a negation ("inte direkt din starka sida", "never your strong suit").
_CARRIES_NEGATION = re.compile(r"(?:strong\s+suit|starka\s+sida|stærke\s+side)$", re.IGNORECASE)


def _attack_phrases(ctx: Context, reader: "_AttackReader",
                    found: list[tuple[int, int, str, str, bool]]) -> list[tuple[int, int, str, str, bool]]:
    """Abuse said to someone without an insult word: "dra åt helvete", "fuck off" (always aimed),
    and "håll käften", "shut up", "du ljuger" when the sentence addresses someone (du/you, an
    @mention)."""
    out: list[tuple[int, int, str, str, bool]] = []
    rx = ctx.lists.phrase_regex("attack_predicate", ctx.phrase_languages)
    for m in rx.finditer(ctx.text) if rx is not None else ():
        # "domaren Per Sjölund borde skämmas", "Councillor Vestergaard has no idea what he's doing": said of
        # one person by name, role, pronoun or handle (not "vi borde skämmas", "politikerna borde skämmas")
        if ctx.inside(m.start(), m.end()) or any(a < m.end() and m.start() < b for a, b, *_ in found + out):
            continue
        _lo, before = reader._clause(m.start())
        while before and before[-1].text.casefold() in _MODALS:
            before = before[:-1]
        s0, s1 = ctx.discourse.sentence_text(m.start())
        if _ADMITS.search(ctx.text, s0, m.start()) or _WHOEVER.search(ctx.text, s0, m.start()):
            continue  # "Hans Jensen admits he has no idea what he's doing with a paddle", "Pinocchio … knows
            # he should be ashamed", "Whoever dumped this fridge … should be ashamed": no one run down
        if not before and _PRONOUN_IN.search(m.group()) and s0 > 0:
            out.append((m.start(), m.end(), m.group(), m.group(), False))  # "Ny socialchef. Har ingen aning om
            continue  # vad hon håller på med": the one named before
        if before and before[-1].text.casefold() in _PLURAL_YOU and reader._subject(before) == "sure":
            params, sev = voice_params(ctx, before[-1].start, m.end())  # "Alla som ringer akuten för en sticka: ni har
            params.update({"word": ctx.text[before[-1].start:m.end()], "category": "insult", "term": m.group()})
            ctx.emit("text.insult", (before[-1].start, m.end()), params=params, severity=sev or Severity.WARN)
            continue  # ungefär lika mycket omdöme som en kastrull": said to several people, an insult
        if before and reader._subject(before) == "sure":
            # quoted with its subject ("domaren Per Sjölund borde skämmas"), not a conjunction before it
            cut = max((i + 1 for i, w in enumerate(before) if w.text.casefold() in _THAT | _RELATIVE), default=0)
            subject = [w for w in before[max(cut, len(before) - 3):] if w.text.casefold() not in _AND | _CLAUSE_OPENERS]
            start = subject[0].start if subject else m.start()
            out.append((start, m.end(), ctx.text[start:m.end()], m.group(), False))  # no abuse word: warns
    for section, always in (("attack_phrase", True), ("attack_phrase_addressed", False)):
        rx = ctx.lists.phrase_regex(section, ctx.phrase_languages)
        if rx is None:
            continue
        for m in rx.finditer(ctx.text):
            own_negation = _CARRIES_NEGATION.search(m.group()) is not None  # "was never your strong suit"
            if own_negation and _YES_NO_QUESTION.match(ctx.text, ctx.discourse.sentence_text(m.start())[0]) \
                    and ctx.text[:ctx.discourse.sentence_text(m.start())[1]].rstrip().endswith("?"):
                continue  # "Är matte inte direkt din starka sida? Komvux erbjuder …": an offer to the reader
            if ctx.inside(m.start(), m.end()) or any(a < m.end() and m.start() < b for a, b, *_ in found + out) \
                    or (not own_negation and ctx.discourse.negated(m.start(), m.end(), window=2)):
                continue
            if not always:
                s0, s1 = ctx.discourse.sentence_text(m.start())
                if not any(t.kind == "mention" or reader._is_you(t) for t in reader.words if s0 <= t.start < s1):
                    continue
            _lo, before = reader._clause(m.start())
            while before and before[-1].text.casefold() in _MODALS:
                before = before[:-1]
            if before and (reader._subject(before) == "group" or _plural(before[0].text.casefold(), reader.langs)):
                # "Gnällspikarna i kommentarsfältet kan dra åt helvete": said to several people
                params, sev = voice_params(ctx, m.start(), m.end())
                params.update({"word": m.group(), "category": "insult", "term": m.group()})
                ctx.emit("text.insult", (m.start(), m.end()), params=params, severity=sev or Severity.WARN)
                continue
            out.append((m.start(), m.end(), m.group(), m.group(), not own_negation))  # a jibe warns
    return out


def _emit_attacks(ctx: Context, attacks: list[tuple[int, int, str, str, bool]]) -> None:
    """One personal attack per run of aimed words ("en patetisk clown" is one attack). It blocks
    when the target is sure (a pronoun, a name, a role, an @mention) and warns when it is only
    likely (a capitalised word opening the sentence)."""
    i = 0
    while i < len(attacks):
        j = i
        while j + 1 < len(attacks) and _close(ctx.text, attacks[j][1], attacks[j + 1][0]):
            j += 1
        start, end = attacks[i][0], attacks[j][1]
        params, sev = voice_params(ctx, start, end)
        params.update({"word": ctx.text[start:end], "category": "insult", "term": attacks[j][3]})
        sure = any(a[4] for a in attacks[i:j + 1])
        ctx.emit("text.personal_attack", (start, end), params=params,
                 severity=sev or (None if sure else Severity.WARN))
        i = j + 1


def _close(text: str, end: int, start: int) -> bool:
    gap = text[end:start]
    return len(gap.split()) <= 2 and not any(ch in gap for ch in ".!?\n")


_RELATIVE = frozenset("som der who that which".split())
_PLURAL_OBJECT = frozenset("jer er".split())
#: Thanks, praise or a stage in the sentence: several addressed by a word like "klovner", "galningar" or
#: "skurkar" fondly or as performers, not abused.
_FOND = re.compile(r"\b(?:tack|tak|thanks?|fantastisk\w*|välkomn\w*|velkomne?|bäst[ae]?|bedste|seje|spelar|spiller|"
                   r"optræde\w*|optræder|uppträd\w*|perform\w*|julspel\w*|teater\w*|cirkus\w*|sjukhus\w*|hospital\w*|"
                   r"børneafdeling\w*)\b", re.IGNORECASE)
_PLURAL_YOU = frozenset("ni jer dere dykk".split())
_AND = frozenset("och og and samt".split())
_AGENT_NOUN = re.compile(r"(?:are|arna|arne|ere|erne|ers|ors|ister|isterna|isterne|ansvariga|ansvarlige)$")
_AUTHOR = frozenset("upphovsman upphovsmän upphovsmannen ophavsmand ophavsmænd author authors whoever".split())
_CLAUSE_OPENERS = frozenset("men och eller så för fast utan og eller men for but and or so yet".split())
#: A trait said of someone on one topic ("en riktig kverulant när det gäller skräp", "en sand
#: kværulant, når det gælder sikkerhed", "a real stickler when it comes to …").
_WHEN_IT_COMES_TO = re.compile(r",?\s+(?:när\s+det\s+gäller|når\s+det\s+gælder|when\s+it\s+comes\s+to)\b",
                               re.IGNORECASE)
#: Adverbs of abusive adjectives that, right before another word, only say how much ("löjligt
#: duktiga", "pinligt gode til at synge", "ridiculously fast").
_INTENSIFIERS = frozenset("löjligt latterligt latterlig pinligt fånigt tokigt sjukt ridiculously embarrassingly absurdly "
                          "insanely stupidly".split())
#: Words after such an adverb that show it is the adjective after all ("löjligt och pinsamt").
_NOT_DEGREE = frozenset("och og and eller or men but i in på som as att at to for för til".split())
_THAT = frozenset("att at that om if whether".split())
_MODALS = frozenset("kan ska skall får bör borde måste må skal burde skulle kunne kunde ville måtte can should may must "
                     "could might".split())
_ALL = frozenset("alla alle all samtliga varenda every".split())
_QUANTIFIERS = frozenset("gäng gänget flok flokken flock bunch pack hop samling lot band".split())
_WORDISH = ("word", "abbrev", "number", "mention")
_ORG_WORDS = frozenset("""ab a/s as aps asa hb kb if ik bk fc fk sk kommun kommune kommunen council
förening foreningen forening föreningen klubb klubben""".split())


class _AttackReader:
    """Who an evaluative word is said of, read from the clause it stands in:

    * ``"sure"`` – one person: addressed ("din hycklare", "you spineless coward", "du är helt
      oduglig", "vilken ynkrygg du är"), or the subject of "är/er/is" when that subject is a pronoun
      ("hon är ju helt hjärndöd"), an @mention, a name ("Tom Reilly is a lying snake") or a role in
      the singular ("our head of parks is a clueless buffoon"), or someone reported to have been
      called it ("kallade vår ordförande för ”värdelös pajas”");
    * ``"likely"`` – the subject is a capitalised word opening the sentence that we cannot place;
    * ``"group"`` – several people ("politikerna i nämnden är …", "embedsmændene er en flok …");
    * ``"unspecified"`` – no one in particular ("den som planerade …", "whoever designed …");
    * ``"self"`` – the speakers themselves ("vi var dumma som trodde …"): self-criticism;
    * ``"org"`` – an organisation ("Nordbolaget AB är ett gäng bedragare"): the competitor check's;
    * ``"thing"`` – an adjective that describes a thing ("ett idiotiskt beslut", "din patetiska
      ursäkt"): criticism of a decision, not an insult;
    * None – a thing as subject ("beslutet är en skam") or nothing that aims it.
    """

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        langs = ctx.phrase_languages
        self.langs = langs

        def words(section: str) -> frozenset[str]:
            return frozenset(w.casefold() for w in ctx.lists.phrase_items(section, langs))

        self.vocative = words("attack_vocative")
        self.you = words("attack_you")
        self.one = words("attack_they_one")
        self.self_ = words("attack_self")
        self.many = words("attack_they_many")
        self.you_many = words("attack_you_many")  # "you" in English says neither
        self.you_one = words("attack_you_one")
        self.copula = words("copula")
        self.skip = words("attack_skip")
        self.stop = words("attack_break")
        self.modifiers = words("attack_modifier")
        self.preps = words("attack_preposition")
        self.unspecified = ctx.lists.phrase_regex("attack_unspecified", langs)
        self.call = ctx.lists.phrase_regex("attack_call", langs)
        self.at_group = ctx.lists.phrase_regex("attack_at_group", langs)
        self.literal = ctx.lists.phrase_regex("attack_literal", langs)
        self.hate_group = ctx.lists.phrase_regex("hate_group", langs)
        self.self_like = ctx.lists.phrase_regex("attack_self_like", langs)
        self.function = frozenset().union(*(ctx.lists.function_words.get(lang, frozenset()) for lang in langs)) \
            if langs else frozenset()
        self.words = [t for t in ctx.tokens if t.kind in _WORDISH]
        self._starts = [t.start for t in self.words]
        names = [str(n) for n in [*(ctx.policy.organisation.competitors or []), *(ctx.policy.text.confidential or [])]]
        self.org_words = frozenset(w.casefold() for n in names for w in n.split()) | _ORG_WORDS

    # --- helpers --------------------------------------------------------------------------
    def one_in_sentence(self, pos: int) -> bool:
        """Whether the sentence at ``pos`` speaks of one person: "han/hon/he/she", "du/you", a
        handle, or a role in the singular ("direktøren", "vår bibliotekarie")."""
        s0, s1 = self.ctx.discourse.sentence_text(pos)
        for t in self.words:
            if s0 <= t.start < s1:
                low = t.text.casefold()
                if t.kind == "mention" or self._is_you(t) or low in self.one \
                        or self.ctx.lists.person_kind(low, self.langs) == "person":
                    return True
        return False

    def _is_you(self, t: Token) -> bool:
        low = t.text.casefold().replace("’", "'")
        if low in self.you:
            return True
        return t.text == "I" and "da" in self.langs  # Danish "I" (you, plural) is written with a capital

    def _abusive(self, t: Token) -> bool:
        return self.ctx.lists.abuse.match(t.text, self.ctx.abuse_languages) is not None

    def _clause(self, pos: int) -> tuple[int, list[Token]]:
        """The start of the clause of ``pos`` and its word tokens before ``pos``."""
        lo = self.ctx.discourse.clause_start(pos)
        i = bisect_left(self._starts, lo)
        j = bisect_left(self._starts, pos)
        return lo, self.words[i:j]

    def _after(self, token: Token, n: int = 3) -> list[Token]:
        j = bisect_left(self._starts, token.end)
        out = []
        for t in self.words[j:j + n]:
            if any(ch in ".!?\n;:" for ch in self.ctx.text[token.end:t.start]):
                break
            out.append(t)
        return out

    def _head(self, token: Token, entry: object) -> str | None:
        """For an adjective, what it describes: ``"person"`` ("den idiotiska politikern"),
        ``"group"`` ("de inkompetenta tjänstemännen"), ``"thing"`` ("ett idiotiskt beslut") or None
        (it ends its phrase: "du är så idiotisk")."""
        if getattr(entry, "pos", "n") != "adj":
            return None
        for t in self._after(token, 3):
            if self.ctx.text[token.end:t.start].strip(" \t"):
                return None  # punctuation between: the adjective ends its phrase
            low = t.text.casefold()
            if low in self.modifiers and not self._abusive(t):
                token = t
                continue
            kind = self.ctx.lists.person_kind(low, self.langs)
            if kind is not None:
                return kind
            if self._abusive(t):
                return None
            if t.kind == "word" and low not in self.function and low not in self.stop \
                    and low not in self.copula and low not in self.skip:
                return "thing"
            return None
        return None

    def _describes_thing(self, token: Token, entry: object) -> bool:
        """An adjective describing the word after it ("din patetiska ursäkt", "idiotiska regler"),
        when that word is neither a person nor another insult."""
        return self._head(token, entry) == "thing"

    # --- the reading ------------------------------------------------------------------------
    def aim(self, token: Token, entry: object) -> str | None:
        if token.text.casefold() in _INTENSIFIERS:
            after = self._after(token, 1)
            if after and after[0].start == token.end + 1 and not self._abusive(after[0]) \
                    and after[0].text.casefold() not in _NOT_DEGREE:
                return None  # "löjligt duktiga", "latterligt dygtige", "ridiculously good": how much, not abuse
        found = self._aim(token, entry)
        if found == "sure" and self._plural_address(token):
            return "group"  # "ni är precis så egoistiska och hjärndöda", "I flok nikkedukker"
        if found == "sure" and _plural_form(token.text.casefold(), str(getattr(entry, "term", "")).casefold(),
                                            getattr(entry, "pos", "n")) \
                and not any(t.kind == "mention" for t in self._clause(token.start)[1]):
            return "group"  # "You absolute clowns", "ni jävla idioter": said to several people
        return found

    def _plural_address(self, token: Token) -> bool:
        """Whether the clause speaks to several people ("ni", "jer", Danish "I") and to no one
        alone (no "du", "din", @handle) – "till er som parkerar på cykelbanan: ni är …"."""
        lo, before = self._clause(token.start)
        near = before + self._after(token, 2)
        plural = singular = False
        for t in near:
            low = t.text.casefold()
            if t.kind == "mention" or low in self.you_one:
                singular = True
            elif low in self.you_many or (t.text == "I" and "da" in self.langs):
                plural = True
        return plural and not singular

    def _aim(self, token: Token, entry: object) -> str | None:
        lo, before = self._clause(token.start)
        if before and before[-1].text.casefold() in _ALL and getattr(entry, "pos", "n") == "adj" \
                and not self._describes_thing(token, entry):
            return "group"  # "alla hjärndöda som grillar i skogen", not "alla dumma frågor"
        if self.self_like is not None:
            for m in self.self_like.finditer(self.ctx.text, lo, token.start):
                if len(self.ctx.text[m.end():token.start].split()) <= 2:
                    return "self"  # "vi kände oss som riktiga idioter", "I felt like a complete fool"
        sentence = self.ctx.sentence_at(token.start)
        s0 = sentence.start if sentence is not None else lo
        s1 = sentence.end if sentence is not None else len(self.ctx.text)
        if sentence is not None and len(sentence.words) <= 2:
            s1 = len(self.ctx.text)  # a heading ("Rats? 🐀"): what it means is said after it
        if getattr(entry, "pos", "n") == "lit" and self.literal is not None and self.literal.search(
                self.ctx.text, s0, s1):
            return None  # "han är en riktig clown på scen", "vår orm i terrariet"
        if _WHEN_IT_COMES_TO.match(self.ctx.text, token.end) and (
                getattr(entry, "category", "") == "derogatory" or getattr(entry, "pos", "n") == "lit"):
            return None  # "en riktig kverulant när det gäller skräp i naturen": a trait on a topic, said fondly
        thing = self._describes_thing(token, entry)
        if not thing:
            voc = self._vocative(token, before)
            if voc:
                return voc
        called = self._called(token, s0)
        if called is not None:
            return called  # "kallade vår ordförande för ”värdelös pajas”", "called our referee a …"
        cop = self._copula(token, entry, lo, before)
        if cop is None and lo > s0:
            # the subject or a list of adjectives stands before a comma: "I er en flok forkælede,
            # selvoptagede kværulanter", "Alle jer, der sidder bag skærmen, er nogle kujoner"
            i, j = bisect_left(self._starts, s0), bisect_left(self._starts, token.start)
            cop = self._copula(token, entry, s0, self.words[i:j])
        if cop is not None:
            return cop  # what a subject is called is said of the subject, whatever the noun
        if thing:
            return "thing"
        after = self._after(token, 3)
        if after and (self._is_you(after[0]) or after[0].kind == "mention"):
            rest = [t.text.casefold() for t in after[1:2]]
            if after[0].text.casefold().replace("’", "'") in ("you're", "youre") or (rest and rest[0] in self.copula):
                return "sure"  # "vilken ynkrygg du är", "what an utter moron you are"
        if len(after) >= 2 and after[0].text.casefold() in ("som", "like", "as") and (
                self._is_you(after[1]) or after[1].kind == "mention"):
            return "sure"  # "så korkad som du", "a clown like you", "as thick as @handle"
        head = self._head(token, entry)
        if head == "person" and before and before[-1].text.casefold() in ("den", "denne", "that", "this", "the"):
            return "sure"  # "den idiotiska politikern", "that useless councillor"
        if head == "group":
            return "group"  # "de inkompetenta tjänstemännen"
        if getattr(entry, "pos", "n") != "adj" and self.at_group is not None \
                and self.at_group.match(self.ctx.text, token.end) is not None:
            return "group"  # "the clowns at the planning department", "idioterne på rådhuset"
        if any(t.kind == "mention" for t in before[-ATTACK_WINDOW:]):
            return "sure"
        return self._fragment(token, before)

    def _called(self, token: Token, s0: int) -> str | None:
        """Who a reported call ("kallade", "called", "calling") before ``token`` names: ``"sure"``
        for one person ("called our referee a …", "kallade honom för"), ``"group"`` for several
        ("emails calling our staff ’idiots’": an insult, reported), ``"thing"`` for a thing ("called
        the proposal stupid": criticism of a decision); None when no call stands before it."""
        if self.call is None:
            return None
        last = None
        for m in self.call.finditer(self.ctx.text, s0, token.start):
            last = m
        if last is None:
            return None
        i, j = bisect_left(self._starts, last.end()), bisect_left(self._starts, token.start)
        obj = self.words[i:j]
        if last.group().casefold() in _PASSIVE_CALLS:
            # "där hon kallas ”…”", "vår personal kallas ”lata idioter”": the subject is whom
            subject = self._subject([t for t in self.words[bisect_left(self._starts, s0):i] if t.start < last.start()])
            if subject == "group":
                return "group"
        if self.hate_group is not None and self.hate_group.search(self.ctx.text, last.end(), token.start):
            return "hate"  # "calling Roma families ’parasites’": abuse of a group hate speech targets
        if obj and obj[0].text.casefold() in self.self_:
            return None  # "skrev till oss att …": written to us; what follows says of whom
        if any(ch in ".!?\n;" for ch in self.ctx.text[last.end():token.start]):
            return "sure"
        first = obj[:4]  # "kallar personalen på återvinningscentralen för …": the first words say whom
        if any(t.kind == "word" and t.text[:1].isupper() and t.start > s0 for t in first) and not any(
                t.text.casefold() in _ALL for t in first):
            return "sure"  # a name: "skrev till vår lärare Maria Holm att …"
        for t in first:
            low = t.text.casefold().replace("’", "'")
            if t.kind == "mention" or self._is_you(t) or low in self.one:
                return "sure"
            if low in self.many or low in ("them", "dem", "dom", "jer") or low in _ALL:
                return "group"  # "kaldte alle vores frivillige for …"
            kind = self.ctx.lists.person_kind(low, self.langs)
            if kind is not None:
                return "sure" if kind == "person" else "group"
            if low in _THING_SUBJECTS:
                return "thing"
            if t.kind == "word" and _plural(low, self.langs):
                return "group"  # "kallar personalen på återvinningscentralen för", "calling our volunteers"
        return "sure"

    def _vocative(self, token: Token, before: list[Token]) -> str | None:
        """"din falska orm", "you spineless coward", "din jävla idiot", "du idiot!"."""
        k = len(before) - 1
        steps = 0
        while k >= 0 and steps < 3:
            t = before[k]
            low = t.text.casefold()
            plural_i = t.text == "I" and "da" in self.langs  # Danish "I" (you, plural), never "i" (in)
            if low in self.vocative or plural_i:
                if (low in _PLURAL_OBJECT or plural_i or low in _PLURAL_YOU) and self._fondly(token):
                    return None  # "Tak til jer klovner, der besøgte børneafdelingen", "Ni skurkar som spelar i julspelet"
                if (low in self.you or plural_i) and "en" not in self.langs:
                    # "du taber", "ni kommer": a Swedish or Danish "du" is a vocative only right
                    # before the insult and the end of the phrase ("du idiot!"), or before a
                    # relative clause or a modal that the insult is the subject of ("I kværulanter
                    # kan godt tie stille", "ni gnällspikar som klagar"; not "I klovner rundt")
                    nxt = self.ctx.text[token.end:token.end + 2].lstrip(" ")
                    after = self._after(token, 1)
                    verb_next = bool(after) and after[0].text.casefold() in (_RELATIVE | _MODALS | self.copula)
                    if steps or not (nxt[:1] in ",.!?" or nxt == "" or verb_next):
                        return None
                return "sure"
            if low in self.modifiers or self._abusive(t):
                k -= 1
                steps += 1
                continue
            return None
        return None

    def _fondly(self, token: Token) -> bool:
        """Thanks, praise or a stage in the sentence of ``token`` or the one after it (``_FOND``)."""
        d = self.ctx.discourse
        s0, s1 = d.sentence_text(token.start)
        _n0, n1 = d.sentence_text(min(len(self.ctx.text) - 1, s1 + 1))
        return _FOND.search(self.ctx.text, s0, max(s1, n1)) is not None

    def _copula(self, token: Token, entry: object, lo: int, before: list[Token]) -> str | None:
        """Subject + copula + (at most five words) + the word: who the subject is."""
        k = len(before) - 1
        between = 0
        while k >= 0 and between <= 5:
            t = before[k]
            low = t.text.casefold().replace("’", "'")
            if low in self.copula:
                break
            if low in self.stop or (low.endswith("ing") and "en" in self.langs and low not in self.modifiers
                                    and not self._abusive(t)):
                return None  # "are breeding like rats": a verb, not what the subject is
            if low in self.preps and not (k == len(before) - 1 and getattr(entry, "pos", "n") == "adj"):
                return None  # "är ute på en idiotisk resa"; but "er for dum", "är för korkad" say how much
            k -= 1
            between += 1
        else:
            return None
        if k < 0:
            return None
        cop = before[k]
        low = cop.text.casefold().replace("’", "'")
        if low in ("you're", "youre"):
            return "sure"
        if low in self.one:
            return "sure"
        if low in ("they're",):
            return "group"
        if low in self.self_:
            return "self"
        # inverted: "är du en idiot?", "hvor er du bare et latterligt fjols", "ärligt talat är vår
        # kommundirektör den mest inkompetenta …"
        if k + 1 < len(before) and (self._is_you(before[k + 1]) or before[k + 1].text.casefold() in self.one):
            return "sure"
        for t in before[k + 1:]:
            if t.kind == "mention":
                return "sure"
            if t.text.casefold() in _QUANTIFIERS:
                continue  # "… är ett gäng amatörer": the subject says who, not the quantity
            kind = self.ctx.lists.person_kind(t.text, self.langs)
            if kind is not None:
                return "sure" if kind == "person" else "group"
            if t.kind == "word" and _people(t.text.casefold()):
                return "group"
        if self.unspecified is not None and self.unspecified.match(self.ctx.text, lo + _lead(self.ctx.text, lo)):
            return "unspecified"
        found = self._addressed(before[:k])
        if found == "thought":
            return None  # "Ni som tycker att reglerna är löjliga: här förklarar vi …"
        found = found or self._subject(before[:k]) or self._relative_head(before[:k])
        if found is None and getattr(entry, "pos", "n") == "adj" and self._thing_subject(before[:k]):
            return "thing"  # "Reglerna som gäller är idiotiska": said of rules, not of people
        return found

    def _thing_subject(self, words: list[Token]) -> bool:
        """Whether the subject before a copula is a thing: its first noun (the head of a relative
        clause, "Förslaget som lades fram i går …") is one of :data:`_THING_NOUNS`."""
        for i, t in enumerate(words[:4]):
            low = t.text.casefold()
            if low in self.skip or low in self.function or low in _CLAUSE_OPENERS:
                continue  # "…, men förslaget är idiotiskt": the conjunction opens the clause
            if low not in _THING_NOUNS:
                return False
            # "Men beslutet och de ansvariga är idiotiska": people joined to the thing
            rest = words[i + 1:]
            return not any(w.text.casefold() in _AND and any(self._people_word(x) for x in rest[j + 1:j + 4])
                           for j, w in enumerate(rest))
        return False

    def _people_word(self, t: Token) -> bool:
        """Whether a word names people: a role or group ("de ansvariga", "beslutsfattarna"), "de",
        "they", an agent noun ("utvecklarna", "the authors") or "whoever"."""
        low = t.text.casefold()
        return (self.ctx.lists.person_kind(low, self.langs) is not None or _people(low) or low in self.many
                or low in _AUTHOR or _AGENT_NOUN.search(low) is not None)

    def _relative_head(self, words: list[Token]) -> str | None:
        """A subject that a relative clause or a participle follows: "Hundägarna som inte plockar
        upp …", "Forældrene der dobbeltparkerer …", "the dog owners leaving shit …" – several
        people when the noun before "som/der/who/that/-ing" is a plural or names people."""
        for r, t in enumerate(words[:6]):
            low = t.text.casefold()
            if r >= 1 and (low in _RELATIVE or ("en" in self.langs and low.endswith("ing") and len(low) > 4)):
                head = words[r - 1].text.casefold()
                if low in _RELATIVE and (self._is_you(words[r - 1]) or head in _PLURAL_YOU):
                    return self._addressed(words)
                if head in _THING_SUBJECTS:
                    return None  # "Reglerna som gäller är idiotiska": criticism of rules, not people
                kind = self.ctx.lists.person_kind(head, self.langs)
                if kind is None and not (_people(head) or _plural(head, self.langs)):
                    # past a place: "Hundeejerne i afdeling 3, der …", "Cyklisterne på Åboulevarden, der …"
                    for k in range(r - 2, max(0, r - 4), -1):
                        if words[k].text.casefold() in self.preps:
                            head = words[k - 1].text.casefold()
                            kind = self.ctx.lists.person_kind(head, self.langs)
                            break
                if kind is not None:
                    return "sure" if kind == "person" else "group"
                if _people(head) or _plural(head, self.langs):
                    return "group"
                return None
        return None

    def _addressed(self, words: list[Token]) -> str | None:
        """A subject that is those addressed, then a relative clause: "Ni som gör så är …", "Alle
        jer, der sidder bag skærmen og kritiserer os, er …" – they, whatever the clause ends on;
        not what they think ("Ni som tycker att reglerna är löjliga: …"). None when the subject
        is not of that form."""
        for r, t in enumerate(words[:3]):
            if r >= 1 and t.text.casefold() in _RELATIVE:
                head = words[r - 1]
                if not (self._is_you(head) or head.text.casefold() in _PLURAL_YOU):
                    return None
                if any(w.text.casefold() in _THAT for w in words[r + 1:]):
                    return "thought"
                return "group" if head.text.casefold() in _PLURAL_YOU or head.text == "I" else "sure"
        return None

    def _subject(self, words: list[Token]) -> str | None:
        j = len(words) - 1
        while j >= 0:
            low = words[j].text.casefold()
            if low in self.skip:
                j -= 1
                continue
            pp = self._preposition_before(words, j)
            if pp is not None:
                j = pp - 1  # "tjänstemännen på rådhuset", "head of parks", "invaders from the Middle East"
                continue
            break
        if j < 0:
            return None
        t = words[j]
        low = t.text.casefold().replace("’", "'")
        if t.kind == "mention" or self._is_you(t) or low in self.one:
            return "sure"
        if low in self.many or (j >= 1 and words[j - 1].text.casefold() in _ALL):
            return "group"  # "de …", "alla fritidspedagoger är …"
        if low in self.self_:
            return "self"
        if low in self.org_words:
            return "org"
        if low in _THING_SUBJECTS:
            return None
        kind = self.ctx.lists.person_kind(low, self.langs)
        if kind == "person":
            return "sure"  # "Kommunens beredskabschef er …": one person, named by role
        if j >= 1 and re.sub(r"(?::s|['’]s|s)$", "", words[j - 1].text.casefold()) in self.org_words:
            return "org"  # "Nordbolaget AB:s personal är …": about the organisation
        if kind is not None:
            return "group"
        if t.kind == "word" and _people(low):
            return "group"  # "Cyklisterne på Åboulevarden er en flok …"
        if t.text[:1].isupper() and t.kind == "word":
            if j >= 1 and words[j - 1].text.casefold() in self.preps:
                return None  # "vid Storgatan"
            if j >= 1 and words[j - 1].text[:1].isupper() and words[j - 1].kind == "word" \
                    and words[j - 1].text.casefold() not in self.org_words:
                return "sure"  # a first name and a surname
            if j == 0:
                if self.hate_group is not None and self.hate_group.match(self.ctx.text, t.start):
                    return "hate"  # "Sigøjnere er nogle snyltere": abuse of a group hate speech targets
                if len(low) >= 7 and low.endswith(("arna", "erna", "orna", "erne")):
                    return "group"  # "Grannarna är …", "Naboerne er …": a definite plural, not a name
                return "likely"  # a capitalised word opening the sentence: maybe a person
            return "sure"  # mid-sentence capitals are a name
        return None

    def _preposition_before(self, words: list[Token], j: int) -> int | None:
        """The index of a preposition that opens a phrase ending at ``words[j]``: the words after it
        are at most two more words of the phrase ("på tekniska kontoret", "from the Middle East")."""
        if self._is_you(words[j]) or words[j].kind == "mention":
            return None
        for i in range(j - 1, max(-1, j - 4), -1):
            low = words[i].text.casefold()
            if low in self.preps:
                return i
            if low in self.copula or low in self.stop or self._is_you(words[i]) or words[i].kind == "mention":
                return None
        return None

    def _fragment(self, token: Token, before: list[Token]) -> str | None:
        """"Vår nya rektor? En arrogant besserwisser som …": a short phrase naming a person, then a
        sentence that only says what they are."""
        sentence = self.ctx.sentence_at(token.start)
        if sentence is None or any(t.text.casefold() not in self.modifiers and not self._abusive(t) for t in before):
            return None
        prev = [s for s in self.ctx.sentences if s.end <= sentence.start]
        if not prev:
            return None
        words = [t for t in self.words if prev[-1].start <= t.start < prev[-1].end]
        if not 1 <= len(words) <= 5:
            return None
        for t in words:
            if t.kind == "mention" or self.ctx.lists.person_kind(t.text, self.langs) == "person":
                return "sure"
        return None


_PLURAL_NOUN_END = ("arna", "erna", "orna", "rna", "erne", "ene", "rne")
_PEOPLE_END = ("isterna", "isterne", "örerna", "ørerne", "arbetarna", "arbejderne", "ists", "ians", "ers", "ors")


def _plural_form(low: str, term: str, pos: str) -> bool:
    """Whether an abuse noun stands in a plural form of its entry ("clowns" of "clown", "idioter" of
    "idiot"), not the entry itself."""
    if pos == "adj" or not term or low == term or not low.startswith(term[:max(3, len(term) - 2)]):
        return False
    return low.endswith(("s", "ar", "er", "or", "arna", "erna", "orna", "erne", "ere")) and not low.endswith("ss")


def _plural(low: str, langs: tuple[str, ...]) -> bool:
    """A plural noun by its ending ("personalen" aside): "fritidspedagogerna", "frivillige",
    "volunteers". Only where people are already implied (someone is called something)."""
    if len(low) < 5:
        return False
    if low.endswith(_PLURAL_NOUN_END) or ("da" in langs and low.endswith("ige")):
        return True
    return "en" in langs and low.endswith("s") and not low.endswith(("ss", "us", "is", "ous"))


def _people(low: str) -> bool:
    """A plural noun for people by its ending, wherever it stands: "cyklisterne", "montörerna",
    "the cyclists", "councillors"."""
    return len(low) >= 6 and low.endswith(_PEOPLE_END)


def _lead(text: str, pos: int) -> int:
    """Spaces and quotation marks at ``pos`` (where a clause's first word begins)."""
    n = 0
    while pos + n < len(text) and text[pos + n] in " \t\"“”'‘’«»„":
        n += 1
    return n


_EXCLAIM_GROUP = re.compile(r"(?:bunch\s+of|gäng|flok|flock|pack|lot\s+of)\s+(?:[^\W\d_]+\s+)?$", re.IGNORECASE)
_EXCLAIM_PLURAL = re.compile(r"(?:vilka|hvilke|sikke\s+nogle|such|what)\s+(?:[^\W\d_]+\s+)?$", re.IGNORECASE)
_PLURAL_END = ("ar", "er", "or", "na", "ne", "s", "erne", "arna", "erna", "orna")


def _exclaimed(ctx: Context, token: Token) -> bool:
    """"Vilka clowner!", "what a bunch of hypocrites", "ett gäng inkompetenta clowner": an
    exclamation that insults people (several of them: "vilken rolig clown!" is about a clown)."""
    before = ctx.text[max(0, token.start - 40):token.start]
    if _EXCLAIM_GROUP.search(before):
        return True
    return _EXCLAIM_PLURAL.search(before) is not None and token.text.casefold().endswith(_PLURAL_END)



__all__ = ["QUOTED_REASON", "check_abuse"]
