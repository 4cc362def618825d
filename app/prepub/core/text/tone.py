"""Tone checks: profanity, slurs and insults from curated lists (on inflected forms and compounds),
insults aimed at someone (personal attacks), threats, irony and sarcasm markers, and rumour
spreading (XX Takt og tone; VIF 2–3: aldrig hat och hot; S Stockholm: undvik ironi och sarkasm,
medverka inte i ryktesspridning eller personangrepp)."""

from __future__ import annotations

import re

from prepub.core.text.context import Context
from prepub.core.text.tokens import Token

ATTACK_WINDOW = 3  # words between the target ("du", "din", "är en") and the insult
_SCARE_QUOTE = re.compile(r"(?<![\w])[\"“”‘’'«»„]([a-zåäöæø][\w-]*(?:\s[a-zåäöæø][\w-]*)?)[\"“”‘’'«»](?![\w])")
_RULE_OF = {"profanity": "text.profanity", "slur": "text.slur", "insult": "text.insult"}


def _parts(token: Token) -> list[str]:
    body = token.text.lstrip("#")
    parts = [body]
    if "-" in body:
        parts += [p for p in body.split("-") if p]
    return parts


def check_abuse(ctx: Context) -> None:
    langs = ctx.abuse_languages
    target_rx = ctx.lists.phrase_regex("attack_target", ctx.phrase_languages)
    for t in ctx.tokens:
        if t.kind not in ("word", "hashtag"):
            continue
        hits = [e for e in (ctx.lists.abuse.match(p, langs) for p in _parts(t)) if e is not None]
        if not hits:
            continue
        entry = max(hits, key=lambda e: {"info": 0, "warn": 1, "block": 2}[e.severity])
        params = {"word": t.text, "category": entry.category, "term": entry.term}
        if entry.category in ("insult", "slur") and target_rx is not None and _aimed(ctx, t, target_rx):
            ctx.emit("text.personal_attack", (t.start, t.end), params=params)
            continue
        ctx.emit(_RULE_OF[entry.category], (t.start, t.end), params=params, severity=entry.severity)


def _aimed(ctx: Context, token: Token, target_rx: re.Pattern[str]) -> bool:
    """Whether a target word ("du", "din", "you", "är en") stands just before the insult."""
    words = [t for t in ctx.tokens if t.kind in ("word", "abbrev", "number", "mention") and t.end <= token.start]
    window = words[-ATTACK_WINDOW:]
    if not window:
        return False
    sentence = ctx.sentence_at(token.start)
    start = window[0].start if sentence is None else max(window[0].start, sentence.start)
    return target_rx.search(ctx.text, start, token.start) is not None or any(
        t.kind == "mention" for t in window)


def check_threats(ctx: Context) -> None:
    rx = ctx.lists.phrase_regex("threat", ctx.phrase_languages)
    if rx is None:
        return
    for m in rx.finditer(ctx.text):
        if not ctx.inside(m.start(), m.end()):
            ctx.emit("text.threat", (m.start(), m.end()), params={"phrase": m.group()})


def check_irony(ctx: Context) -> None:
    rx = ctx.lists.phrase_regex("irony", ctx.phrase_languages)
    if rx is not None:
        for m in rx.finditer(ctx.text):
            start, end = m.start(), m.end()
            while start < end and (ctx.text[start].isspace() or ctx.text[start] == "("):
                start += 1
            if start < end and not ctx.inside(start, end):
                ctx.emit("text.irony", (start, end), params={"marker": ctx.text[start:end], "kind": "phrase"})
    for m in _SCARE_QUOTE.finditer(ctx.text):
        if ctx.inside(m.start(), m.end()) or _is_apostrophe_pair(m.group()):
            continue
        ctx.emit("text.irony", (m.start(), m.end()), params={"marker": m.group(), "kind": "scare_quotes"})


def _is_apostrophe_pair(quoted: str) -> bool:
    """'s and similar: a straight or curly apostrophe on both sides is rarely a scare quote."""
    return quoted[0] in "'’" and quoted[-1] in "'’" and " " not in quoted and len(quoted) <= 4


def check_rumour(ctx: Context) -> None:
    rx = ctx.lists.phrase_regex("rumour", ctx.phrase_languages)
    if rx is None:
        return
    for m in rx.finditer(ctx.text):
        if not ctx.inside(m.start(), m.end()):
            ctx.emit("text.rumour", (m.start(), m.end()), params={"phrase": m.group()})
