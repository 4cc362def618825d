"""Credits and sources: every image's photographer named in a credit line when the policy asks
for one (VIF 2 and 4: fotografen namngiven; S Stockholm: länka till fotografen), figures and
quotes with a source (XX Copyright: kildehenvisninger), and an invitation to dialogue on the
channels where dialogue matters (Sundsvall 5.1 Dialog; XX Dialog)."""

from __future__ import annotations

import re

from prepub.core.model import Fix
from prepub.core.text.context import Context
from prepub.core.text.language import SUPPORTED as ALL_LANGUAGES
from prepub.core.text.wordlists import phrase_pattern

MAX_SOURCE_FINDINGS = 5
_NUM = r"(?<![\w.,])\d+(?:[.,]\d+)?"
_FIGURE = re.compile("|".join([
    rf"{_NUM}\s?(?:%|procent(?:enheter)?|prosent|procentpoint|percent|per\s?cent|pct\.?)(?!\w)",
    rf"{_NUM}\s+(?:miljoner|miljon|miljarder|miljard|millioner|million|millions|milliarder|milliard|billion|"
    r"billions|mio\.?|mia\.?|mdr|mkr|mnkr|mdkr|tusen|tusind|thousand)(?!\w)",
    rf"{_NUM}(?:[ \u00a0]\d{{3}})*\s?(?:kronor|kr\.?|kroner|euro|€|dollar|SEK|DKK|NOK|EUR|USD)(?!\w)",
    r"[€$£]\s?\d[\d.,]*",
    rf"{_NUM}\s?(?:ton|tonn|tonnes|kg|km|kWh|MWh|GWh|TWh|MW|GW|m²|km²|hektar|hectares)(?!\w)",
]), re.IGNORECASE)
_QUOTE = re.compile(r"[“\"„]([^“”\"\n]{15,}?)[”\"“]|«([^»\n]{15,}?)»|»([^«\n]{15,}?)«")
# "– Anna Svensson" under a quote, "”…” – Anna", or a title's author: "”Ett hem för alla” av Maria Holm"
_DASH_ATTRIBUTION = re.compile(r"(?m)^\s*[–—]\s*[A-ZÅÄÖÆØ]|[”\"»«][,.]?\s*[–—]\s*[A-ZÅÄÖÆØ]"
                               r"|[”\"»«“][,.]?\s+(?:av|by|af)\s+[A-ZÅÄÖÆØ]")


def _norm(s: str) -> str:
    return " ".join(s.casefold().split())


def credit_lines(ctx: Context) -> list[tuple[int, str]]:
    """(end offset, text) of each credit line: a label with a colon or "by/av/af" ("Foto: Anna
    Svensson", "Photo by Priya Shah", "Foto af Omar Said"), a camera emoji or © before a name."""
    labels = set(ctx.lists.phrase_items("credit_label", ()))
    fmt = ctx.policy.images.credit_format
    label = fmt.split("{", 1)[0].strip().rstrip(":").strip()
    if label:
        labels.add(label)
    words = [phrase_pattern(x) for x in sorted(labels, key=len, reverse=True) if x != "©"]
    rx = ctx.lists.cached(("credit_lines", tuple(sorted(labels))), lambda: re.compile(
        rf"(?:(?:{'|'.join(words)})\s*(?::|\s+(?:by|av|af)\b)|©|📸|📷)[ \t]*([^\n]*)", re.IGNORECASE))
    out = []
    for m in rx.finditer(ctx.text):
        end = m.end()
        while end > m.start() and ctx.text[end - 1] in " \t\r":
            end -= 1
        out.append((end, m.group(1)))
    return out


def check_credits(ctx: Context) -> None:
    """Every image's photographer named in the post (VIF 2 and 4): in a credit line, or by full
    name anywhere in the text ("Tack Omar Said för bilderna")."""
    if not ctx.policy.images.require_credit or not ctx.images:
        return
    names: list[str] = []
    for img in ctx.images:
        name = " ".join(img.photographer.split())
        if name and not img.credited_in_caption and _norm(name) not in map(_norm, names):
            names.append(name)
    if not names:
        return
    lines = credit_lines(ctx)
    post = _norm(ctx.text)
    missing = [n for n in names if not any(_norm(n) in _norm(body) for _end, body in lines)
               and not (len(n.split()) > 1 and _norm(n) in post)
               and not (not _full_name(n) and _named_in_full(n, lines))]
    # a photographer known only by a first name or with an initial ("Foto: Jonas", "Foto: Signe
    # V.") is not named in full (VIF 2 and 4: fotografens namn): said, with no fix to offer
    sources = frozenset(w.casefold() for w in ctx.lists.phrase_items("credit_source", ()))
    partial = [n for n in names if n not in missing and not _full_name(n) and not _named_in_full(n, lines)
               and not (n.isupper() or n.casefold().rstrip(".") in sources)]
    if not missing and not partial:
        return
    if not missing:
        joined = ", ".join(partial)
        pos = max((end for end, body in lines if any(_norm(n) in _norm(body) for n in partial)),
                  default=len(ctx.text.rstrip()))
        ctx.emit("text.credit_missing", (pos, pos),
                 params={"names": joined, "count": len(partial), "has_credit_line": bool(lines), "partial": True})
        return
    joined = ", ".join(missing)
    if lines:
        pos = lines[-1][0]
        replacement = (", " if lines[-1][1].strip() else "") + joined
    else:
        pos = len(ctx.text.rstrip())
        fmt = ctx.policy.images.credit_format
        try:
            line = fmt.format(name=joined)
        except (KeyError, IndexError, ValueError):
            line = f"Foto: {joined}"
        replacement = ("\n\n" if pos else "") + line
    ctx.emit("text.credit_missing", (pos, pos), fix=Fix(replacement=replacement),
             params={"names": joined, "count": len(missing), "has_credit_line": bool(lines)})


def _named_in_full(name: str, lines: list[tuple[int, str]]) -> bool:
    """Whether a credit line names the photographer in full after all ("Foto: Jonas Berg" for an
    image whose metadata says "Jonas", "Foto: Signe Vestergaard" for "Signe V.")."""
    first = name.split()[0].rstrip(".")
    rx = re.compile(rf"\b{re.escape(first)}\w*\s+[A-ZÅÄÖÆØÜ][\w'’-]{{1,}}")
    return any(rx.search(body) for _end, body in lines)


def _full_name(name: str) -> bool:
    """A first name and a surname ("Anna Svensson", "Ahmad Al-Haddad"), not one word nor a last
    part that is an initial ("Signe V.")."""
    parts = name.replace(".", ". ").split()
    return len(parts) >= 2 and len(parts[-1].rstrip(".")) > 1 and len(parts[0].rstrip(".")) > 1


def check_sources(ctx: Context) -> None:
    """Figures and quotes in a post that names no source anywhere (no "enligt", "ifølge",
    "according to", no link, no "– Name" attribution)."""
    claims: list[tuple[int, int, str]] = []
    for m in _FIGURE.finditer(ctx.text):
        if not ctx.inside(m.start(), m.end(), ("url", "email", "hashtag", "mention")):
            claims.append((m.start(), m.end(), "figure"))
    for m in _QUOTE.finditer(ctx.text):
        inner = next(g for g in m.groups() if g is not None)
        if len(inner.split()) >= 3 and not ctx.inside(m.start(), m.end()):
            claims.append((m.start(), m.end(), "quote"))
    if not claims:
        return
    source = ctx.lists.phrase_regex("source", ALL_LANGUAGES)  # a source in any language counts
    if ctx.of_kind("url") or _DASH_ATTRIBUTION.search(ctx.text) or (
            source is not None and source.search(ctx.text)):
        return
    for start, end, kind in sorted(claims)[:MAX_SOURCE_FINDINGS]:
        ctx.emit("text.source_missing", (start, end), params={"kind": kind, "text": ctx.text[start:end]})


def check_dialogue(ctx: Context) -> None:
    wanted = ctx.policy.text.dialogue_channels
    channels = [c for c in ctx.channels if c in set(wanted or ())]
    if not channels or sum(1 for t in ctx.tokens if t.wordish) < 3:
        return
    for i, ch in enumerate(ctx.text):
        if ch in "?？" and not ctx.inside(i, i + 1):
            return
    rx = ctx.lists.phrase_regex("dialogue", ALL_LANGUAGES)
    if rx is not None and any(not ctx.inside(m.start(), m.end()) for m in rx.finditer(ctx.text)):
        return
    end = len(ctx.text.rstrip())
    labels = [str(ctx.policy.channel(c).get("label") or c) for c in channels]
    ctx.emit("text.dialogue_missing", (end, end), params={"channels": ", ".join(labels)})
