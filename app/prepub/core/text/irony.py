"""Irony and sarcasm (S Stockholm: undvik ironi och sarkasm) and rumours passed on (S Stockholm:
medverka inte i ryktesspridning)."""

from __future__ import annotations

import re

from prepub.core.model import Severity
from prepub.core.text.context import Context

IRONY_WARN_POINTS = 2
_SCARE_QUOTE = re.compile(r"(?<![\w])[\"“”‘’'«»„]([a-zåäöæø][\w-]*(?:\s[a-zåäöæø][\w-]*)?)[\"“”‘’'«»](?![\w])")

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
        if any(ctx.lists.abuse.match(w, ctx.abuse_languages) is not None for w in m.group(1).split()):
            continue  # 'kommentarer som ”talanglös parasit”' quotes abuse (the tone rules' matter), not irony
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
    for m in rumour_readings(ctx)[0]:
        ctx.emit("text.rumour", (m.start(), m.end()), params={"phrase": m.group()})


def _english_compound(ctx: Context, end: int) -> bool:
    """Whether an English word ending at ``end`` modifies the noun after it ("the ice rink", "the
    snow plough"): the next word is lowercase, not a function word and no verb form in -s, -ed or
    -ing. Swedish and Danish write such compounds as one word."""
    if "en" not in ctx.phrase_languages:
        return False
    nxt = re.match(r" ([a-z]+)\b", ctx.text[end:end + 30])
    if nxt is None:
        return False
    word = nxt.group(1)
    return word not in ctx.lists.function_words.get("en", frozenset()) and word not in _EN_AUXILIARIES \
        and not word.endswith(("s", "ed", "ing"))


_EN_AUXILIARIES = frozenset("will would won can could can't might may must shall should is was are were has had "
                            "have did does do came come comes went goes".split())


def rumour_readings(ctx: Context) -> tuple[list[re.Match[str]], list[str]]:
    """The hearsay :func:`check_rumour` reports, and why it passed on the rest: "debunk" (the
    post corrects a rumour), "question", "ours", "praise" or "play" per hearsay it left alone.
    The learned model stays silent on a post the rules passed on (``learned``)."""
    d = ctx.discourse
    if d.cue_anywhere("rumour_debunk"):
        return [], ["debunk"]
    langs = ctx.phrase_languages
    found = []
    rx = ctx.lists.phrase_regex("rumour", langs)
    if rx is not None:
        found += list(rx.finditer(ctx.text))
    weak = ctx.lists.phrase_regex("rumour_hearsay", langs)
    if weak is not None and (d.cue_anywhere("rumour_share") or d.cue_anywhere("rumour_confirm")):
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
    reported: list[re.Match[str]] = []
    passed: list[str] = []
    for m in sorted(found, key=lambda m: m.start()):
        if ctx.inside(m.start(), m.end()) or d.in_quote(m.start(), m.end()) \
                or any(s < m.end() and m.start() < e for s, e in done):
            continue
        lead = ctx.text[max(d.clause_start(m.start()), m.start() - 12):m.start()]
        if you is not None and you.search(lead):
            passed.append("question")
            continue  # "har du hört att …?", "did you hear that …": a question to the reader
        s0, s1 = d.sentence_text(m.start())
        if ours is not None and not asks and ours.search(ctx.text, m.end(), s1):
            passed.append("ours")
            continue  # "det sägs att ingen kan stå emot våra kanelbullar": about ourselves, no hearsay
        if praise is not None and praise.search(ctx.text, s0, s1):
            passed.append("praise")
            continue  # "många säger att biblioteket är länets finaste": praise passed on is promotion
        if playful is not None:
            words = list(re.finditer(r"\S+", ctx.text[m.end():s1]))[:3]
            hit = playful.search(ctx.text, m.end(), m.end() + words[-1].end()) if words else None
            if hit is not None and not _english_compound(ctx, hit.end()):
                passed.append("play")
                continue  # "Ryktet säger att tomten kommer till torget": play, not hearsay about anyone
        done.append((m.start(), m.end()))
        reported.append(m)
    return reported, passed
