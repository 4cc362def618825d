"""Checks on words the organisation's policy names: confidential partners and projects (VIF 5),
internal-only markers (S Stockholm; XX Fortrolighed), competitors next to negative words (XX Ingen
bagtale), the organisation's people named by first name only (VIF 2: namn ska skrivas ut), and
phrases that announce where people are right now (VIF 3: aldrig från pågående resor)."""

from __future__ import annotations

import re

from prepub.core.model import Fix
from prepub.core.text.context import Context
from prepub.core.text.wordlists import phrase_pattern

_LEGAL_FORM = r"(?:ab|hb|kb|a/s|aps|as|asa|oy|ltd|inc|gmbh|i\.o\.|ek\.\s?för\.)"
_LEGAL_TAIL = re.compile(rf"\s+{_LEGAL_FORM}$", re.IGNORECASE)
_ENDINGS = r"(?:s|n|t|en|et|ens|ets|ns|e|es|ene|enes|['’:]s|:n|:en|:et)"
MIN_COMPOUND_CORE = 6  # a name this long is also caught as the first part of a compound
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
    body = r"[\s_\-.]*".join(re.escape(w) for w in words)
    tail = rf"|[^\W\d_]{{3,}}" if compounds and len("".join(words)) >= MIN_COMPOUND_CORE else ""
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
    markers = [str(m) for m in ctx.policy.text.internal_markers or [] if str(m).strip()]
    if not markers:
        return
    rx = re.compile("|".join(phrase_pattern(m) for m in sorted(markers, key=len, reverse=True)), re.IGNORECASE)
    for m in rx.finditer(ctx.text):
        if not ctx.inside(m.start(), m.end()):
            ctx.emit("text.internal_marker", (m.start(), m.end()), params={"marker": m.group()})


def check_competitors(ctx: Context) -> None:
    competitors = [str(c) for c in ctx.policy.organisation.competitors or [] if str(c).strip()]
    negative = ctx.lists.phrase_regex("negative", ctx.phrase_languages)
    if not competitors:
        return
    coarse = [(f.span[0], f.span[1]) for f in ctx.findings if f.span and f.rule in (
        "text.profanity", "text.insult", "text.slur", "text.personal_attack")]
    for name in competitors:
        rx = name_regex(name, compounds=False)
        if rx is None:
            continue
        done: set[int] = set()
        for m in rx.finditer(ctx.text):
            sentence = ctx.sentence_at(m.start())
            if sentence is None or sentence.start in done:
                continue
            bad: list[tuple[int, int]] = [s for s in coarse if sentence.start <= s[0] < sentence.end]
            if negative is not None:
                bad += [(n.start(), n.end()) for n in negative.finditer(ctx.text, sentence.start, sentence.end)]
            if not bad:
                continue
            done.add(sentence.start)
            first = min(bad)
            span = (min(m.start(), first[0]), max(m.end(), first[1]))
            ctx.emit("text.competitor_negative", span,
                     params={"competitor": name, "word": ctx.text[first[0]:first[1]]})


def check_people(ctx: Context) -> None:
    """Organisation people named by first name only, unless the full name came earlier."""
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
            if any(s <= m.start() for s in full_spans) or ctx.inside(m.start(), m.end()):
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


def check_trip(ctx: Context) -> None:
    """Phrases that say where someone is right now ("just nu i Bryssel", "landed in Nairobi")
    followed by a place name other than the home town; nothing when the caller says the trip is over."""
    if ctx.trip_ended:
        return
    home = str(ctx.policy.organisation.home_name or "").casefold()
    items = ctx.lists.phrase_items("trip", ctx.phrase_languages)
    spans: list[tuple[int, int]] = []
    if items:
        rx = re.compile("|".join(phrase_pattern(p) for p in sorted(items, key=len, reverse=True)), re.IGNORECASE)
        for m in rx.finditer(ctx.text):
            place = _place_after(ctx.text, m.end())
            if place is None or _is_home(place[1], home) or ctx.inside(m.start(), m.end()):
                continue
            spans.append((m.start(), place[0]))
            ctx.emit("text.trip_ongoing", spans[-1], params={"phrase": m.group(), "place": place[1]})
    for pattern in ctx.lists.phrase_items("trip", ctx.phrase_languages, regex=True):
        for m in re.finditer(pattern, ctx.text, re.IGNORECASE):
            words = re.findall(r"[^\W\d_][\w-]*", m.group())[1:]  # the first word is "vi", "we", "jeg"
            place = next((w for w in words if w[:1].isupper() and not _is_home(w, home)), None)
            if place is None or ctx.inside(m.start(), m.end()) or any(
                    s < m.end() and m.start() < e for s, e in spans):
                continue
            spans.append((m.start(), m.end()))
            ctx.emit("text.trip_ongoing", spans[-1], params={"phrase": m.group(), "place": place})


def _is_home(place: str, home: str) -> bool:
    p = place.casefold()
    return bool(home) and (p == home or (p.startswith(home) and len(p) - len(home) <= 2))


def _place_after(text: str, pos: int) -> tuple[int, str] | None:
    """The end and text of the first capitalised word within a few words after ``pos``, in the
    same sentence."""
    window = text[pos:pos + 120]
    stop = re.search(r"[.!?\n:;]", window)
    if stop:
        window = window[:stop.start()]
    for k, w in enumerate(re.finditer(r"[^\W\d_][\w-]*", window)):
        if k >= TRIP_WINDOW_WORDS:
            break
        if w.group()[:1].isupper() and len(w.group()) > 1:
            return pos + w.end(), w.group()
    return None
