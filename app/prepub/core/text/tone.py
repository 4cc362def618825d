"""Tone checks: profanity, slurs and insults from curated lists (on inflected forms and compounds),
dehumanising talk about groups, insults aimed at someone (personal attacks), threats, irony and
sarcasm, and rumour spreading (XX Takt og tone; VIF 2–3: aldrig hat och hot; S Stockholm: undvik
ironi och sarkasm, medverka inte i ryktesspridning eller personangrepp).

Severity follows the evidence. Abuse and threats in the organisation's own voice keep their
severity (a threat blocks); the same words inside quotation marks or reported ("kallade dem för
…", "fick ett sms: …") warn with ``quoted=True`` – the post may be condemning them, but the
wording needs a look – and never block. A negated insult ("ingen är en idiot för att hen frågar")
is no insult. Irony warns only when the signs are clear (two points: "tack för ingenting", an
eye-roll after a complaint, praise for something that went wrong), else it is a suggestion.
"""

from __future__ import annotations

import re
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
förslaget beslutet planen idén forslaget beslutningen planen idéen idea plan decision proposal""".split())
_PERSON_PRONOUNS = frozenset("""du ni han hon hen de dom dig er honom henne dem jag vi i jer ham hende
you he she they him her them u""".split())


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
    target_rx = ctx.lists.phrase_regex("attack_target", ctx.phrase_languages)
    attacks: list[tuple[int, int, str, str, bool]] = []  # (start, end, word, term, sure) aimed at someone
    for t in ctx.tokens:
        if t.kind not in ("word", "hashtag"):
            continue
        hits = [e for e in (ctx.lists.abuse.match(p, langs) for p in _parts(t)) if e is not None]
        if not hits:
            continue
        entry = max(hits, key=lambda e: _RANK[e.severity])
        if entry.category in ("insult", "slur", "derogatory") and ctx.discourse.negated(t.start):
            continue  # "ingen är en idiot", "never makes you an idiot"
        aimed = _aimed(ctx, t, target_rx) if entry.category in ("insult", "derogatory") and target_rx else None
        if aimed is not None:
            attacks.append((t.start, t.end, t.text, entry.term, aimed == "sure"))
            continue
        category = entry.category
        if category == "derogatory":
            if not _exclaimed(ctx, t):
                continue  # "patetisk", "clown" say nothing until aimed at someone
            category = "insult"
        params, sev = _voice_params(ctx, t.start, t.end)
        params.update({"word": t.text, "category": category, "term": entry.term})
        ctx.emit(_RULE_OF[category], (t.start, t.end), params=params,
                 severity=sev or (entry.severity if entry.category != "derogatory" else None))
    _emit_attacks(ctx, attacks)
    check_dehumanising(ctx)


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


def _aimed(ctx: Context, token: Token, target_rx: re.Pattern[str]) -> str | None:
    """Whether the insult is aimed at a person: ``"sure"`` after "du", "din", "you", an @mention,
    or "är en / is a" after a name, a pronoun or a role ("kommunalrådet är en skam", "the mayor
    is a disgrace"); ``"likely"`` after "är en" and a capitalised word we cannot place; None when
    it is not aimed ("det här är en idiotisk idé")."""
    words = [t for t in ctx.tokens if t.kind in ("word", "abbrev", "number", "mention") and t.end <= token.start]
    window = words[-ATTACK_WINDOW:]
    if not window:
        return None
    if any(t.kind == "mention" for t in window):
        return "sure"
    sentence = ctx.sentence_at(token.start)
    start = window[0].start if sentence is None else max(window[0].start, sentence.start)
    m = target_rx.search(ctx.text, start, token.start)
    if m is None:
        return None
    if " " not in m.group().strip():  # "du", "din", "you": a person by itself
        return "sure"
    before = [t for t in words if t.end <= m.start()]
    if sentence is not None:
        before = [t for t in before if t.start >= sentence.start]
    if not before:
        return None
    subject = before[-1]
    low = subject.text.casefold()
    if low in _THING_SUBJECTS:
        return None
    if subject.kind == "mention" or low in _PERSON_PRONOUNS or ctx.lists.is_person_noun(low, ctx.phrase_languages):
        return "sure"
    if subject.text[:1].isupper():
        opens = sentence is not None and not any(t.start >= sentence.start for t in before[:-1])
        return "likely" if opens else "sure"  # mid-sentence capitals are a name
    return None


_EXCLAIM_INSULT = re.compile(r"(?:vilka|vilken|vilket|sikke|hvilke|hvilken|what\s+a|such\s+a|bunch\s+of|gäng|flok)"
                             r"\s+(?:[^\W\d_]+\s+)?$", re.IGNORECASE)


def _exclaimed(ctx: Context, token: Token) -> bool:
    """"Vilka clowner!", "what a bunch of hypocrites": an exclamation that insults people."""
    return _EXCLAIM_INSULT.search(ctx.text[max(0, token.start - 40):token.start]) is not None


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


def check_dehumanising(ctx: Context) -> None:
    """Hate against a group without a slur word: "invandrarna är parasiter", "muslims are taking
    over … and should be thrown out". Denied ("invandrare är inte parasiter") it is no hate."""
    rx = _hate_rx(ctx)
    if rx is None:
        return
    for m in rx.finditer(ctx.text):
        if ctx.inside(m.start(), m.end()) or ctx.discourse.negated(m.start(), m.end()):
            continue
        params, sev = _voice_params(ctx, m.start(), m.end())
        params.update({"word": m.group(), "category": "hate", "term": m.group()})
        ctx.emit("text.slur", (m.start(), m.end()), params=params, severity=sev)


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
    + a modal + harm) and veiled menace ("det kommer att sluta illa för dig": warns)."""
    done: list[tuple[int, int]] = []
    idiom = ctx.lists.phrase_regex("threat_idiom", ctx.phrase_languages)
    sources = [(ctx.lists.phrase_regex("threat", ctx.phrase_languages), None),
               (_threat_rx(ctx, "threat_harm"), None),
               (ctx.lists.phrase_regex("threat_menace", ctx.phrase_languages), Severity.WARN),
               (_threat_rx(ctx, "threat_harm_menace"), Severity.WARN)]
    for rx, own_severity in sources:
        if rx is None:
            continue
        for m in rx.finditer(ctx.text):
            if any(s < m.end() and m.start() < e for s, e in done):
                continue
            if ctx.inside(m.start(), m.end()) or ctx.discourse.negated(m.start(), m.end(), window=3):
                continue
            params, sev = _voice_params(ctx, m.start(), m.end())
            params["phrase"] = m.group()
            done.append((m.start(), m.end()))
            ctx.emit("text.threat", (m.start(), m.end()), params=params, severity=sev or own_severity)
    if idiom is not None:  # these carry their own negation: "du går inte därifrån på egna ben"
        for m in idiom.finditer(ctx.text):
            if any(s < m.end() and m.start() < e for s, e in done) or ctx.inside(m.start(), m.end()):
                continue
            params, sev = _voice_params(ctx, m.start(), m.end())
            params["phrase"] = m.group()
            done.append((m.start(), m.end()))
            ctx.emit("text.threat", (m.start(), m.end()), params=params, severity=sev)


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
    """Hearsay ("vi har hört att", "rygterne siger", "word is") and "share before it is deleted";
    weaker hearsay ("många säger att", "people are saying") when the post also asks readers to
    pass it on. Nothing when the post corrects the rumour ("det stämmer inte", "här är fakta")."""
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
    for m in found:
        if not ctx.inside(m.start(), m.end()) and not d.in_quote(m.start(), m.end()):
            ctx.emit("text.rumour", (m.start(), m.end()), params={"phrase": m.group()})
