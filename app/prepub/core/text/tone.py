"""Tone checks: profanity, slurs and insults from curated lists (on inflected forms and compounds),
dehumanising talk about groups, insults aimed at someone (personal attacks), threats, irony and
sarcasm, and rumour spreading (XX Takt og tone; VIF 2–3: aldrig hat och hot; S Stockholm: undvik
ironi och sarkasm, medverka inte i ryktesspridning eller personangrepp).

An evaluative word ("värdelös", "kryster", "coward") is read in its clause: who it is said of
(:class:`_AttackReader`: addressed, a subject before "är/er/is", a name, a role, a group, no one in
particular, the speakers themselves, a thing), so that the word lists hold lemmas, not sentences.
Threats are read as constructions (the one addressed + a modal + harm; knowing someone's private
life; veiled menace; a condition put to someone and what follows it), hate as a group and what is
said of it, rumours as hearsay beside a call to share or confirm it.

Severity follows the evidence. Abuse and threats in the organisation's own voice keep their
severity (a threat blocks); the same words inside quotation marks or reported ("kallade dem för
…", "fick ett sms: …") warn with ``quoted=True`` – the post may be condemning them, but the
wording needs a look – and never block. A negated insult ("ingen är en idiot för att hen frågar")
is no insult. Irony warns only when the signs are clear (two points: "tack för ingenting", an
eye-roll after a complaint, praise for something that went wrong), else it is a suggestion.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Callable

from prepub.core.model import Severity
from prepub.core.text.context import Context
from prepub.core.text.discourse import OWN
from prepub.core.text.tokens import Token

ATTACK_WINDOW = 3  # words between the target ("du", "din", "är en") and the insult
IRONY_WARN_POINTS = 2
_SCARE_QUOTE = re.compile(r"(?<![\w])[\"“”‘’'«»„]([a-zåäöæø][\w-]*(?:\s[a-zåäöæø][\w-]*)?)[\"“”‘’'«»](?![\w])")
_RULE_OF = {"profanity": "text.profanity", "slur": "text.slur", "insult": "text.insult"}
_RANK = {"info": 0, "warn": 1, "block": 2}
# appended to the message of quoted or reported abuse; the catalogue's "reason.quoted" translates it
QUOTED_REASON = " The words are quoted or reported – check the wording."
# words before "är en / er en / is a" that make the insult about a thing, not a person
_THING_SUBJECTS = frozenset("""det detta denna den det här dette denne this that it which vilket hvilket
förslaget beslutet planen idén forslaget beslutningen planen idéen idea plan decision proposal
förslag beslut budgeten budgettet regeln reglerna reglen reglerne lagen loven motionen uttalandet
udtalelsen rapporten projektet ideas plans decisions proposals budget policy rule rules law bill
motion statement report project scheme""".split())


def _parts(token: Token) -> list[str]:
    body = token.text.lstrip("#")
    parts = [body]
    if "-" in body:
        parts += [p for p in body.split("-") if p]
    return parts


def _voice_params(ctx: Context, start: int, end: int) -> tuple[dict[str, object], Severity | None]:
    """Params and severity for abuse at [start, end): quoted or reported abuse warns."""
    voice = ctx.discourse.voice(start, end)
    if voice == OWN:
        return {"quoted": False, "reason": ""}, None
    return {"quoted": True, "voice": voice, "code": "quoted", "reason": QUOTED_REASON}, Severity.WARN


def check_abuse(ctx: Context) -> None:
    langs = ctx.abuse_languages
    reader = _AttackReader(ctx)
    attacks: list[tuple[int, int, str, str, bool]] = []  # (start, end, word, term, sure) aimed at someone
    for t in ctx.tokens:
        if t.kind not in ("word", "hashtag"):
            continue
        hits = [e for e in (ctx.lists.abuse.match(p, langs) for p in _parts(t)) if e is not None]
        if not hits:
            continue
        entry = max(hits, key=lambda e: (_RANK[e.severity], e.category == "slur"))
        if entry.category in ("insult", "slur", "derogatory") and ctx.discourse.negated(t.start):
            continue  # "ingen är en idiot", "never makes you an idiot"
        if ctx.discourse.in_title(t.start, t.end):
            continue  # "filmen ”Idioterna”": the title of a work
        category = entry.category
        if category in ("insult", "derogatory") and t.kind == "word":
            aim = reader.aim(t, entry)
            if aim in ("sure", "likely"):
                attacks.append((t.start, t.end, t.text, entry.term, aim == "sure"))
                continue
            if aim in ("self", "thing") or (aim == "org" and category == "derogatory"):
                continue  # "vi var dumma som trodde …", "ett korkat beslut"; "Nordbolaget är ett gäng bedragare"
            if category == "derogatory":
                if aim not in ("group", "unspecified") and not _exclaimed(ctx, t):
                    continue  # "patetisk", "clown" say nothing until aimed at someone
                category = "insult"
        elif category == "derogatory":
            continue
        params, sev = _voice_params(ctx, t.start, t.end)
        params.update({"word": t.text, "category": category, "term": entry.term})
        ctx.emit(_RULE_OF[category], (t.start, t.end), params=params,
                 severity=sev or (entry.severity if entry.category != "derogatory" else None))
    attacks += _attack_phrases(ctx, reader, attacks)
    attacks.sort()
    _emit_attacks(ctx, attacks)
    check_dehumanising(ctx)


def _attack_phrases(ctx: Context, reader: "_AttackReader",
                    found: list[tuple[int, int, str, str, bool]]) -> list[tuple[int, int, str, str, bool]]:
    """Abuse said to someone without an insult word: "dra åt helvete", "fuck off" (always aimed),
    and "håll käften", "shut up", "du ljuger" when the sentence addresses someone (du/you, an
    @mention)."""
    out: list[tuple[int, int, str, str, bool]] = []
    for section, always in (("attack_phrase", True), ("attack_phrase_addressed", False)):
        rx = ctx.lists.phrase_regex(section, ctx.phrase_languages)
        if rx is None:
            continue
        for m in rx.finditer(ctx.text):
            if ctx.inside(m.start(), m.end()) or any(a < m.end() and m.start() < b for a, b, *_ in found + out) \
                    or ctx.discourse.negated(m.start(), m.end(), window=2):
                continue
            if not always:
                s0, s1 = ctx.discourse.sentence_text(m.start())
                if not any(t.kind == "mention" or reader._is_you(t) for t in reader.words if s0 <= t.start < s1):
                    continue
            out.append((m.start(), m.end(), m.group(), m.group(), True))
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
        params, sev = _voice_params(ctx, start, end)
        params.update({"word": ctx.text[start:end], "category": "insult", "term": attacks[j][3]})
        sure = any(a[4] for a in attacks[i:j + 1])
        ctx.emit("text.personal_attack", (start, end), params=params,
                 severity=sev or (None if sure else Severity.WARN))
        i = j + 1


def _close(text: str, end: int, start: int) -> bool:
    gap = text[end:start]
    return len(gap.split()) <= 2 and not any(ch in gap for ch in ".!?\n")


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
        self.copula = words("copula")
        self.skip = words("attack_skip")
        self.stop = words("attack_break")
        self.modifiers = words("attack_modifier")
        self.preps = words("attack_preposition")
        self.unspecified = ctx.lists.phrase_regex("attack_unspecified", langs)
        self.call = ctx.lists.phrase_regex("attack_call", langs)
        self.at_group = ctx.lists.phrase_regex("attack_at_group", langs)
        self.literal = ctx.lists.phrase_regex("attack_literal", langs)
        self.function = frozenset().union(*(ctx.lists.function_words.get(lang, frozenset()) for lang in langs)) \
            if langs else frozenset()
        self.words = [t for t in ctx.tokens if t.kind in _WORDISH]
        self._starts = [t.start for t in self.words]
        names = [str(n) for n in [*(ctx.policy.organisation.competitors or []), *(ctx.policy.text.confidential or [])]]
        self.org_words = frozenset(w.casefold() for n in names for w in n.split()) | _ORG_WORDS

    # --- helpers --------------------------------------------------------------------------
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
        lo, before = self._clause(token.start)
        sentence = self.ctx.sentence_at(token.start)
        s0 = sentence.start if sentence is not None else lo
        if getattr(entry, "pos", "n") == "lit" and self.literal is not None and self.literal.search(
                self.ctx.text, s0, sentence.end if sentence is not None else len(self.ctx.text)):
            return None  # "han är en riktig clown på scen", "vår orm i terrariet"
        thing = self._describes_thing(token, entry)
        if not thing:
            voc = self._vocative(token, before)
            if voc:
                return voc
        called = self._called(token, s0)
        if called is not None:
            return called  # "kallade vår ordförande för ”värdelös pajas”", "called our referee a …"
        cop = self._copula(token, entry, lo, before)
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
        if len(obj) > 4 or any(ch in ".!?\n;" for ch in self.ctx.text[last.end():token.start]):
            return "sure"
        for t in obj:
            low = t.text.casefold().replace("’", "'")
            if t.kind == "mention" or self._is_you(t) or low in self.one:
                return "sure"
            if low in self.many or low in ("them", "dem", "dom", "jer"):
                return "group"
            kind = self.ctx.lists.person_kind(low, self.langs)
            if kind is not None:
                return "sure" if kind == "person" else "group"
            if low in _THING_SUBJECTS:
                return "thing"
        return "sure"

    def _vocative(self, token: Token, before: list[Token]) -> str | None:
        """"din falska orm", "you spineless coward", "din jävla idiot", "du idiot!"."""
        k = len(before) - 1
        steps = 0
        while k >= 0 and steps < 3:
            t = before[k]
            low = t.text.casefold()
            if low in self.vocative:
                if low in self.you and "en" not in self.langs:
                    # "du taber", "ni kommer": a Swedish or Danish "du" is a vocative only right
                    # before the insult and the end of the phrase ("du idiot!")
                    nxt = self.ctx.text[token.end:token.end + 2].lstrip(" ")
                    if steps or not (nxt[:1] in ",.!?" or nxt == ""):
                        return None
                return "sure"
            if low in self.modifiers or self._abusive(t):
                k -= 1
                steps += 1
                continue
            return None
        return None

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
            kind = self.ctx.lists.person_kind(t.text, self.langs)
            if kind is not None:
                return "sure" if kind == "person" else "group"
        if self.unspecified is not None and self.unspecified.match(self.ctx.text, lo + _lead(self.ctx.text, lo)):
            return "unspecified"
        return self._subject(before[:k])

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
        if low in self.many:
            return "group"
        if low in self.self_:
            return "self"
        if low in self.org_words:
            return "org"
        if low in _THING_SUBJECTS:
            return None
        kind = self.ctx.lists.person_kind(low, self.langs)
        if kind is not None:
            return "sure" if kind == "person" else "group"
        if t.text[:1].isupper() and t.kind == "word":
            if j >= 1 and words[j - 1].text.casefold() in self.preps:
                return None  # "vid Storgatan"
            if j >= 1 and words[j - 1].text[:1].isupper() and words[j - 1].kind == "word" \
                    and words[j - 1].text.casefold() not in self.org_words:
                return "sure"  # a first name and a surname
            if j == 0:
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


def _alternation(ctx: Context, section: str) -> str | None:
    parts = ctx.lists.phrase_items(section, ctx.phrase_languages, regex=True)
    return "|".join(f"(?:{p})" for p in parts) if parts else None


def _construction(ctx: Context, key: object, build: Callable[[], str | None]) -> re.Pattern[str] | None:
    """A pattern built from several phrase sections, compiled once per word lists and languages."""
    def compiled() -> re.Pattern[str] | None:
        body = build()
        return re.compile(body, re.IGNORECASE) if body else None
    return ctx.lists.cached((key, ctx.phrase_languages), compiled)  # type: ignore[no-any-return]


def _hate_rx(ctx: Context) -> re.Pattern[str] | None:
    """A group of people and, later in the same sentence, what makes it hate: vermin, "should be
    thrown out" – or, for a group of origin or faith, "is taking over"."""
    def build() -> str | None:
        group, pred = _alternation(ctx, "hate_group"), _alternation(ctx, "hate_predicate")
        origin, invasion = _alternation(ctx, "hate_origin"), _alternation(ctx, "hate_invasion")
        alts = []
        if group and pred:
            alts.append(rf"(?:{group})[^.!?\n]{{0,60}}?(?:{pred})")
        if origin and invasion:
            alts.append(rf"(?:{origin})[^.!?\n]{{0,40}}?(?:{invasion})")
        return "|".join(alts) or None
    return _construction(ctx, "hate", build)


def _hate_own_rx(ctx: Context) -> re.Pattern[str] | None:
    """Hate whose words carry their own negation or need no group before them: "… hör inte
    hemma här", "invandrarpacket", "migrant scum", "skicka hem hela invandrarpacket"."""
    def build() -> str | None:
        group, neg = _alternation(ctx, "hate_group"), _alternation(ctx, "hate_predicate_neg")
        compound = _alternation(ctx, "hate_compound")
        alts = []
        if group and neg:
            alts.append(rf"(?:{group})[^.!?\n]{{0,60}}?(?:{neg})")
        if compound:
            alts.append(compound)
        if group:
            alts += [p.replace("GROUP", f"(?:{group})")
                     for p in ctx.lists.phrase_items("hate_deport", ctx.phrase_languages, regex=True)]
        return "|".join(f"(?:{a})" for a in alts) or None
    return _construction(ctx, "hate_own", build)


def _hate_weak_rx(ctx: Context) -> re.Pattern[str] | None:
    """Weaker readings, which warn: a group and a stereotype or a wish to be rid of it ("romaerne
    stjæler alt", "bögarna ska hålla sig borta från våra skolor", "better off without these …")."""
    def build() -> str | None:
        group, weak = _alternation(ctx, "hate_group"), _alternation(ctx, "hate_predicate_weak")
        alts = []
        if group and weak:
            alts.append(rf"(?:{group})[^.!?\n]{{0,60}}?(?:{weak})")
        if group:
            alts += [p.replace("GROUP", f"(?:{group})")
                     for p in ctx.lists.phrase_items("hate_without", ctx.phrase_languages, regex=True)]
        return "|".join(f"(?:{a})" for a in alts) or None
    return _construction(ctx, "hate_weak", build)


def _hate_they_rx(ctx: Context) -> re.Pattern[str] | None:
    """"De", "they" + a hate predicate, for a post that named a group before."""
    def build() -> str | None:
        they = ctx.lists.phrase_items("hate_they", ctx.phrase_languages)
        preds = [a for a in (_alternation(ctx, "hate_predicate"), _alternation(ctx, "hate_predicate_neg"),
                             _alternation(ctx, "hate_predicate_weak")) if a]
        if not they or not preds:
            return None
        body = "|".join(r"\s+".join(map(re.escape, t.split())) for t in they)
        return rf"(?<!\w)(?:{body})\s+(?:{'|'.join(preds)})"
    return _construction(ctx, "hate_they", build)


def check_dehumanising(ctx: Context) -> None:
    """Hate against a group without a slur word: "invandrarna är parasiter", "muslims are taking
    over … and should be thrown out", "breeding like rats", a group word joined to vermin
    ("invandrarpacket", "migrant scum"), a group sent away ("send alle de udlændinge hjem"). These
    block like a slur. Weaker readings warn: stereotypes ("romaerne stjæler alt"), a group told to
    keep away or be quiet ("bögarna ska hålla sig borta från våra skolor"), wished away ("better off
    without these migrants"), or named and then, as "de/they", denied its humanity ("… De er ikke
    mennesker"). Denied ("invandrare är inte parasiter") it is no hate."""
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
    for start, end, own_severity in sorted(found, key=lambda f: (f[0], f[2] is not None)):
        if ctx.inside(start, end) or any(s < end and start < e for s, e in done):
            continue
        done.append((start, end))
        params, sev = _voice_params(ctx, start, end)
        params.update({"word": ctx.text[start:end], "category": "hate", "term": ctx.text[start:end]})
        ctx.emit("text.slur", (start, end), params=params, severity=sev or own_severity)


def _threat_rx(ctx: Context, harm_section: str) -> re.Pattern[str] | None:
    """The one addressed, a modal and what will happen to them: "du ska få betala för det här",
    "ni kommer att hängas", "you will be shot"."""
    def build() -> str | None:
        target, modal = _alternation(ctx, "threat_target"), _alternation(ctx, "threat_modal")
        harm = _alternation(ctx, harm_section)
        if not (target and modal and harm):
            return None
        return (rf"(?<!\w)(?:{target})(?!\w)\s*(?:[^\s.!?,]+\s+){{0,1}}?(?:{modal})\s*"
                rf"(?:[^\s.!?,]+\s+){{0,4}}?(?:{harm})(?!\w)")
    return _construction(ctx, ("threat", harm_section), build)


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
    sources = [(ctx.lists.phrase_regex("threat", langs), None, True, False),
               (ctx.lists.phrase_regex("threat_find", langs), None, True, True),
               (ctx.lists.phrase_regex("threat_private_where", langs), None, True, True),
               (_threat_rx(ctx, "threat_harm"), None, True, False),
               (ctx.lists.phrase_regex("threat_menace", langs), Severity.WARN, True, False),
               (_threat_rx(ctx, "threat_harm_menace"), Severity.WARN, True, False),
               (ctx.lists.phrase_regex("threat_arson", langs), None, True, False),
               (ctx.lists.phrase_regex("threat_private", langs), Severity.WARN, True, True),
               (ctx.lists.phrase_regex("threat_private_have", langs) if _menacing(ctx) else None, Severity.WARN, True,
                True),
               (ctx.lists.phrase_regex("threat_watching", langs), Severity.WARN, True, False),
               (ctx.lists.phrase_regex("threat_incite", langs), Severity.WARN, True, False),
               # these carry their own negation: "du går inte därifrån på egna ben", "you won't be smiling"
               (ctx.lists.phrase_regex("threat_idiom", langs), None, False, False),
               (ctx.lists.phrase_regex("threat_veiled", langs), Severity.WARN, False, False)]
    offer = ctx.lists.phrase_regex("threat_offer", langs)
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
            severity = own_severity
            if finds:
                reading = _service_reading(ctx, m.start(), m.end())
                if reading == "service":
                    done.append((m.start(), m.end()))
                    continue  # "vi vet vilken skola ditt barn går på, så du behöver inte anmäla det igen"
                if reading == "note":
                    severity = Severity.INFO  # "We know where you live! Bin calendars are on their way …"
            if severity == Severity.WARN and _playful(ctx, m.start(), m.end()):
                done.append((m.start(), m.end()))
                continue  # "Winter, your days are numbered!"
            _emit_threat(ctx, m.start(), m.end(), severity)
            done.append((m.start(), m.end()))
    for start, end in _veiled_pairs(ctx) + _conditional_threats(ctx):
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


def _emit_threat(ctx: Context, start: int, end: int, severity: Severity | None) -> None:
    params, sev = _voice_params(ctx, start, end)
    params["phrase"] = ctx.text[start:end]
    ctx.emit("text.threat", (start, end), params=params, severity=sev or severity)


def _veiled_pairs(ctx: Context) -> list[tuple[int, int]]:
    """"Pas godt på din familie … Man ved aldrig, hvad der kan ske": care for someone's family
    beside "you never know what can happen" is a veiled threat; either alone is not."""
    langs = ctx.phrase_languages
    watch, uncertain = ctx.lists.phrase_regex("threat_watch", langs), ctx.lists.phrase_regex("threat_uncertain", langs)
    if watch is None or uncertain is None:
        return []
    w, u = watch.search(ctx.text), uncertain.search(ctx.text)
    if w is None or u is None or ctx.inside(w.start(), w.end()) or ctx.discourse.negated(w.start()):
        return []
    return [(min(w.start(), u.start()), max(w.end(), u.end()))]


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
    you = ctx.lists.phrase_regex("attack_target", langs)
    menace = re.compile(r"se\s+vad|see\s+what|se,?\s+hvad|overrask|förvån|surprised|ångra|fortryde|regret|angre|"
                        r"sorry|feel\s+it|mærke|känna\s+på|pay\s+for|betal|sota|bøde", re.IGNORECASE)
    out: list[tuple[int, int]] = []
    for m in cond.finditer(ctx.text):
        if ctx.inside(m.start(), m.end()):
            continue
        s0, s1 = ctx.discourse.sentence_text(m.start())
        nxt = ctx.sentence_at(s1 + 1) if s1 < len(ctx.text) else None
        stop = nxt.end if nxt is not None and s1 - s0 < 60 else s1
        brk = _CONSEQUENCE_BREAK.search(ctx.text, m.end(), s1)
        h = None
        for h in harm.finditer(ctx.text, m.end(), stop):
            if brk is not None and brk.end() <= h.start():
                break  # after the condition's clause
            if len(ctx.text[m.end():h.start()].split()) >= 4:
                break  # "Röstar ni igenom nedläggningen av skolan kommer vi att se till att ni får det jobbigt"
        else:
            h = None
        if h is None:
            continue  # harm only inside the condition ("if you see a fire, call 112") or none
        r0 = brk.end() if brk is not None and brk.end() <= h.start() else m.end()
        if accident is not None and accident.search(ctx.text, m.start(), h.start()):
            continue  # "if you fall on the ice you will end up in hospital": advice
        region = ctx.text[r0:stop]
        words = {w.casefold() for w in re.findall(r"[^\W\d_]+", region)}
        if words & maybe:
            continue  # "kan en brand sprida sig snabbt"
        aimed = you is not None and you.search(region) is not None
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


def check_irony(ctx: Context) -> None:
    """Irony markers, weighed: clear markers 2 points, hints 1, praise for something that went
    wrong 1. Two points warn; one is a suggestion."""
    langs = ctx.phrase_languages
    marks: list[tuple[int, int, str, int]] = []  # (start, end, kind, points)
    for section, kind, points in (("irony", "phrase", 2), ("irony_hint", "hint", 1)):
        rx = ctx.lists.phrase_regex(section, langs)
        if rx is None:
            continue
        for m in rx.finditer(ctx.text):
            start, end = m.start(), m.end()
            while start < end and (ctx.text[start].isspace() or ctx.text[start] == "("):
                start += 1
            if start < end and not ctx.inside(start, end):
                marks.append((start, end, kind, points))
    trouble = ctx.lists.phrase_regex("irony_trouble", langs)
    praise = ctx.lists.phrase_regex("irony_praise", langs)
    if praise is not None and trouble is not None and trouble.search(ctx.text):
        for m in praise.finditer(ctx.text):
            if not ctx.inside(m.start(), m.end()) and not ctx.discourse.negated(m.start()):
                marks.append((m.start(), m.end(), "praise", 1))
    for m in _SCARE_QUOTE.finditer(ctx.text):
        if ctx.inside(m.start(), m.end()) or _is_apostrophe_pair(m.group()) \
                or ctx.discourse.reported_before(m.start()):
            continue  # 'sprayade ”... ut”' reports words, it is not irony
        marks.append((m.start(), m.end(), "scare_quotes", 1))
    if not marks:
        return
    points = sum(p for _s, _e, _k, p in marks)
    severity = Severity.WARN if points >= IRONY_WARN_POINTS else Severity.INFO
    for start, end, kind, _p in sorted(marks):
        ctx.emit("text.irony", (start, end), params={"marker": ctx.text[start:end], "kind": kind},
                 severity=severity)


def _is_apostrophe_pair(quoted: str) -> bool:
    """'s and similar: a straight or curly apostrophe on both sides is rarely a scare quote."""
    return quoted[0] in "'’" and quoted[-1] in "'’" and " " not in quoted and len(quoted) <= 4


def check_rumour(ctx: Context) -> None:
    """Hearsay ("vi har hört att", "rygterne siger", "det går ett rykte", "a little bird tells me",
    "share before it is deleted"); weaker hearsay ("många säger att", "tydligen", "en bekant som
    jobbar på regionen säger", "I'm told") when the post also asks readers to pass it on, to confirm
    it, or says it is unconfirmed; a mere impression ("det lyder til, at …") only when the post asks
    whether it is true. Nothing when the post corrects the rumour or confirms its own
    news ("det stämmer inte", "här är fakta", "rygterne er sande"), nor for "har du hört att …?",
    nor for play about a non-person ("Ryktet säger att tomten kommer …")."""
    d = ctx.discourse
    if d.cue_anywhere("rumour_debunk"):
        return
    langs = ctx.phrase_languages
    found = []
    rx = ctx.lists.phrase_regex("rumour", langs)
    if rx is not None:
        found += list(rx.finditer(ctx.text))
    weak = ctx.lists.phrase_regex("rumour_hearsay", langs)
    if weak is not None and d.cue_anywhere("rumour_share"):
        found += [m for m in weak.finditer(ctx.text)
                  if not any(f.start() < m.end() and m.start() < f.end() for f in found)]
    hint = ctx.lists.phrase_regex("rumour_hint", langs)  # "det lyder til, at …": only when asked whether true
    if hint is not None and d.cue_anywhere("rumour_confirm"):
        found += [m for m in hint.finditer(ctx.text)
                  if not any(f.start() < m.end() and m.start() < f.end() for f in found)]
    you = ctx.lists.phrase_regex("attack_you", langs)
    ours = ctx.lists.phrase_regex("rumour_ours", langs)
    praise = ctx.lists.phrase_regex("rumour_praise", langs)
    playful = ctx.lists.phrase_regex("playful", langs)
    asks = d.cue_anywhere("rumour_share") or d.cue_anywhere("rumour_confirm")
    done: list[tuple[int, int]] = []
    for m in sorted(found, key=lambda m: m.start()):
        if ctx.inside(m.start(), m.end()) or d.in_quote(m.start(), m.end()) \
                or any(s < m.end() and m.start() < e for s, e in done):
            continue
        lead = ctx.text[max(d.clause_start(m.start()), m.start() - 12):m.start()]
        if you is not None and you.search(lead):
            continue  # "har du hört att …?", "did you hear that …": a question to the reader
        s0, s1 = d.sentence_text(m.start())
        if ours is not None and not asks and ours.search(ctx.text, m.end(), s1):
            continue  # "det sägs att ingen kan stå emot våra kanelbullar": about ourselves, no hearsay
        if praise is not None and praise.search(ctx.text, s0, s1):
            continue  # "många säger att biblioteket är länets finaste": praise passed on is promotion
        if playful is not None:
            words = list(re.finditer(r"\S+", ctx.text[m.end():s1]))[:3]
            if words and playful.search(ctx.text, m.end(), m.end() + words[-1].end()):
                continue  # "Ryktet säger att tomten kommer till torget": play, not hearsay about anyone
        done.append((m.start(), m.end()))
        ctx.emit("text.rumour", (m.start(), m.end()), params={"phrase": m.group()})
