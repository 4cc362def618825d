"""Plain-language checks: LIX, long sentences and words, abbreviations to write out, stiff words
with plain alternatives, undefined acronyms and shouting (Sundsvall 5.2 Ton och språk: klarspråk;
Myndigheternas skrivregler 1.4)."""

from __future__ import annotations

import re

from prepub.core.model import Fix
from prepub.core.text.context import Context, keep_case
from prepub.core.text.readability import LONG_WORD_LETTERS, Readability, letters
from prepub.core.text.tokens import Token
from prepub.core.text.wordlists import phrases_pattern

_ACRONYM = re.compile(r"(?<![\w&])([A-ZÅÄÖÆØ]{2,6})(?::[a-zåäö]{1,4})?(?![\wÅÄÖÆØ&])")
_ROMAN = re.compile(r"^(?=[IVXLC]+$)C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
_EXCLAIM = re.compile(r"[!?]*!{2,}[!?]*|[!?]*\?{3,}")


def check_readability(ctx: Context, r: Readability) -> None:
    """LIX above the policy's limit (only from ``lix_min_words`` words: on a short post LIX says
    little), sentences that are long and dense or simply very long, and very long words."""
    lix_max = float(ctx.policy.text.lix_max)
    shown_max: float | int = int(lix_max) if lix_max.is_integer() else lix_max
    max_words = int(ctx.policy.text.sentence_max_words)
    hard_max = int(ctx.policy.text.sentence_hard_max_words)
    long_sentences = [s for s in ctx.sentences
                      if len(s.words) > hard_max or (len(s.words) > max_words and _dense(s.words))]
    # a run-on sentence of everyday words raises LIX only by its length: the long-sentence warning says
    # it, and a second warning about the whole post would say the same thing twice
    by_length_only = bool(long_sentences) and r.words > 0 and 100 * r.long_words / r.words < PLAIN_WORDS_PART
    if r.lix is not None and r.lix > lix_max and ctx.sentences and not r.indicative and not by_length_only:
        span = (ctx.sentences[0].start, ctx.sentences[-1].end)
        ctx.emit("text.lix", span, params={"lix": r.lix, "max": shown_max, "band": r.band or "",
                                           "words": r.words, "indicative": r.indicative})
    for s in long_sentences:
        ctx.emit("text.sentence_long", s.span, params={"words": len(s.words), "max": max_words})
    max_chars = int(ctx.policy.text.word_max_chars)
    for t in ctx.tokens:
        if t.kind == "word" and letters(t.text) > max_chars:
            ctx.emit("text.word_long", (t.start, t.end), params={"word": t.text, "letters": letters(t.text),
                                                                 "max": max_chars})


#: LIX's long-word part (100 · long words / words) below which a post's words are everyday ones
PLAIN_WORDS_PART = 25
DENSE_LONG_WORD_SHARE = 0.35  # a sentence where this share of words are long (LIX's > 6 letters) is dense


def _dense(words: tuple[Token, ...]) -> bool:
    """Whether a sentence is heavy going: many long words (a 28-word sentence of short everyday
    words reads easily; one full of "kartläggning av lokalbehoven" does not)."""
    return sum(1 for w in words if letters(w.text) > LONG_WORD_LETTERS) >= DENSE_LONG_WORD_SHARE * len(words)


def _norm_key(found: str) -> str:
    return re.sub(r"\s+", " ", found).lower()


def table_matches(ctx: Context, table: dict[str, str], key: object) -> list[tuple[int, int, str]]:
    """(start, end, table key) of every occurrence of a key: one-token keys by looking tokens up,
    keys of several words by one cached pattern."""
    out = [(t.start, t.end, k) for t in ctx.tokens if t.kind in ("word", "abbrev")
           and (k := _norm_key(t.text)) in table]

    def build() -> re.Pattern[str] | None:
        multi = sorted((k for k in table if " " in k), key=len, reverse=True)
        return re.compile(phrases_pattern(multi), re.IGNORECASE) if multi else None

    rx = ctx.lists.cached(("table", key), build)
    if rx is not None:
        out += [(m.start(), m.end(), _norm_key(m.group())) for m in rx.finditer(ctx.text)
                if _norm_key(m.group()) in table]
    out.sort(key=lambda x: (x[0], -x[1]))
    kept: list[tuple[int, int, str]] = []
    for item in out:  # the longest match wins where two overlap
        if not kept or item[0] >= kept[-1][1]:
            kept.append(item)
    return kept


def check_abbreviations(ctx: Context) -> None:
    for lang in ctx.list_languages:
        table = ctx.lists.abbreviations.get(lang, {})
        for start, end, key in table_matches(ctx, table, ("abbreviations", lang)):
            found = ctx.text[start:end]
            if found.isupper() and len(found.replace(".", "")) > 1:
                continue  # "CA" or "OBS" in capitals is an acronym or shouting, not this abbreviation
            if ctx.inside(start, end, ("url", "email", "mention", "hashtag")):
                continue
            full = table[key]
            replacement = keep_case(found, full)
            if found.endswith(".") and _ends_sentence(ctx.text, end, key, ctx):
                replacement += "."
            ctx.emit("text.abbreviation", (start, end), params={"abbreviation": found, "full": full},
                     fix=Fix(replacement=replacement))


def _ends_sentence(text: str, end: int, abbrev: str, ctx: Context) -> bool:
    rest = text[end:]
    stripped = rest.lstrip(" \t")
    if not stripped or stripped[0] in "\r\n":
        return True
    return abbrev in ctx.lists.final_abbreviations and rest[:1].isspace() and stripped[0].isupper()


def check_stiff_words(ctx: Context) -> None:
    for lang in ctx.list_languages:
        table = ctx.lists.stiff.get(lang, {})
        for start, end, key in table_matches(ctx, table, ("stiff", lang)):
            if ctx.inside(start, end, ("url", "email", "mention", "hashtag")):
                continue
            found = ctx.text[start:end]
            ctx.emit("text.stiff_word", (start, end), params={"word": found, "plain": table[key]},
                     fix=Fix(replacement=keep_case(found, table[key])))


def _known_word(ctx: Context, word: str) -> bool:
    """A common word or a listed abbreviation ("OBS!" is shouting, not an acronym to explain); a
    frequent word of four letters or more in the post's language (``common.toml``)."""
    w = word.lower()
    if w in (x.casefold() for x in ctx.lists.phrase_items("internal_label", ctx.phrase_languages)):
        return True  # "[INTERN]", "UTKAST": a label the internal-marker check reads
    if len(w) >= 4 and any(w in ctx.lists.common_words.get(lang, frozenset()) for lang in ctx.list_languages):
        return True  # "RUMOUR CHECK", "STILL": a frequent word of the post's language, shouted
    return any(w in lex for lex in ctx.lists.lexicon.values()) or any(
        w in fw for fw in ctx.lists.function_words.values()) or any(
        w in table or w + "." in table for table in ctx.lists.abbreviations.values())


def check_acronyms(ctx: Context) -> None:
    """ALL-CAPS words of 2–6 letters that the post does not explain, "Full name (ABC)" or
    "ABC (full name)", and that are not on the allow-list or the policy's accept list."""
    defined = set(re.findall(r"\(\s*([A-ZÅÄÖÆØ]{2,6})\s*\)", ctx.text))
    defined |= set(re.findall(r"\b([A-ZÅÄÖÆØ]{2,6})\s*\(\s*[^\W\d_]", ctx.text))
    # "HF-enkeltfag (højere forberedelseseksamen)", "ESG-rapport (om miljø, …)": the compound explained
    defined |= set(re.findall(r"\b([A-ZÅÄÖÆØ]{2,6})-[^\W\d_]+(?:\s+[^\s(]+){0,3}\s*\(\s*[^\W\d_]", ctx.text))
    own = {w.upper() for w in re.findall(r"[\wÅÄÖÆØåäöæø]+", ctx.policy.name + " " +
                                         str(ctx.policy.organisation.home_name))}
    seen: set[str] = set()
    for m in _ACRONYM.finditer(ctx.text):
        word = m.group(1)
        if word in seen or ctx.inside(m.start(), m.end(), ("url", "email", "mention", "hashtag")):
            continue
        seen.add(word)
        if (word in defined or word in ctx.lists.acronym_allow or word in own or word.casefold() in ctx.accept
                or _ROMAN.match(word) or _known_word(ctx, word) or _in_caps_run(ctx.text, m.start(), m.end())
                or _apposition(ctx.text, m.start(), m.start() + len(word))):
            continue
        full = ctx.lists.acronym_expand.get(word)
        fix = Fix(replacement=f"{full} ({word})") if full else None
        ctx.emit("text.acronym_undefined", (m.start(), m.start() + len(word)),
                 params={"acronym": word, "full": full or ""}, fix=fix)


def _apposition(text: str, start: int, end: int) -> bool:
    """Whether the acronym stands beside its written-out name, set off by commas, brackets or
    dashes: "Myndigheten för samhällsskydd och beredskap, MSB, skickar …", "MSB – Myndigheten för
    samhällsskydd och beredskap – skickar …". The name counts when its words' initials hold the
    acronym's letters in order, or when it has at least two capitalised words (a translated name:
    "the Swedish Civil Contingencies Agency, MSB")."""
    acronym = text[start:end]
    before = text[max(0, start - 120):start]
    m = re.search(r"([^.!?:;\n()]*?)\s*[,(–—-]\s*$", before)
    if m and _names(acronym, re.findall(r"[^\W\d_]+", m.group(1))[-8:]):
        return True
    if m and _spelled_in(acronym, re.findall(r"[^\W\d_]+", m.group(1))[-3:]):
        return True  # "Kårens fullmäktige, FUM, …", "Översiktsplanen, ÖP 2040, …"
    after = text[end:end + 120]
    term = re.search(r"([^\W\d_]{3,}),\s*$", before)
    if term and not term.group(1).isupper() and re.match(r"\s*,\s*(?!(?:och|og|and|samt|eller|or|&)\b)", after) \
            and not re.search(r",[^,.!?:;\n]*,\s*$", before):
        return True  # "… tvåstegsverifiering, MFA, för alla konton", "two-step login, MFA, as …": a term set off by
        # commas on both sides, not an item of a list ("kommunen, MSB, och polisen", "SKR, MSB, FOI")
    m = re.match(r"\s*[,)–—-]?\s*[,(–—-]\s*([^.!?:;\n()]*)", after)
    if m and _spelled_in(acronym, re.findall(r"[^\W\d_]+", m.group(1))[:4], first_only=True):
        return True  # "OVK, obligatorisk ventilationskontroll, …": its name after it
    if m and _GLOSS.match(m.group(1)) and len(m.group(1).split()) >= 3:
        return True  # "FGU, the Danish preparatory basic education, offers …": what it is, said after it
    return bool(m and _names(acronym, re.findall(r"[^\W\d_]+", m.group(1))[:8]))


#: An apposition after an acronym that says what it is: an article and a noun phrase.
_GLOSS = re.compile(r"(?:the|a|an|en|ett|et|den|det|de|som|der|which|who)\s", re.IGNORECASE)


def _spelled_in(acronym: str, words: list[str], *, first_only: bool = False) -> bool:
    """Whether the words beside the acronym spell it: its first letter opens one of them and the
    rest follow in order in the letters from there on ("fullmäktige" -> FUM, "Översiktsplanen" ->
    ÖP); with ``first_only`` the first word must open it (the name written after the acronym)."""
    for i, w in enumerate(words):
        if w[:1].upper() != acronym[:1]:
            if first_only:
                return False  # after the acronym its name must come first ("LBU, ledarutbildningen …")
            continue
        letters = "".join(words[i:]).upper()
        it = iter(letters[1:])
        if all(ch in it for ch in acronym[1:]):
            return True
    return False


def _names(acronym: str, words: list[str]) -> bool:
    if len(words) < 2:
        return False
    initials = "".join(w[0].upper() for w in words)
    it = iter(initials)
    if all(ch in it for ch in acronym):
        return True
    return sum(1 for w in words[-4:] if w[:1].isupper()) >= 2 or sum(1 for w in words[:4] if w[:1].isupper()) >= 2


def _in_caps_run(text: str, start: int, end: int) -> bool:
    """Whether the word stands among other capitalised words (a shouted line, not an acronym)."""
    before = [w for w in re.findall(r"[^\W\d_]+", text[max(0, start - 40):start]) if len(w) > 1][-2:]
    after = [w for w in re.findall(r"[^\W\d_]+", text[end:end + 40]) if len(w) > 1][:2]
    # two capitalised words on one side ("[INTERNT – SKICKA INTE VIDARE] Presskonferensen"), or
    # one on each side
    return any(len(side) == 2 and all(w.isupper() for w in side) for side in (before, after)) or (
        bool(before) and bool(after) and before[-1].isupper() and after[0].isupper())


def check_shouting(ctx: Context) -> None:
    """Words in capitals that are ordinary words (GRATIS, VÄLKOMMEN) or stand in a run of three or
    more capitalised words, and runs of exclamation marks."""
    words = [t for t in ctx.tokens if t.kind == "word" and t.letters >= 2]
    i = 0
    while i < len(words):
        t = words[i]
        letters_only = "".join(ch for ch in t.text if ch.isalpha())
        if not letters_only.isupper():
            i += 1
            continue
        j = i
        while j + 1 < len(words) and "".join(c for c in words[j + 1].text if c.isalpha()).isupper() \
                and words[j + 1].letters >= 2:
            j += 1
        run = words[i:j + 1]
        if len(run) >= 3 or (t.letters >= 4 and (_known_word(ctx, letters_only) or t.letters > 6)
                             and t.text not in ctx.lists.acronym_allow):
            start, end = run[0].start, run[-1].end
            original = ctx.text[start:end]
            lowered = original.lower()
            if ctx.sentence_at(start) is not None and ctx.sentence_at(start).start == start:  # type: ignore[union-attr]
                lowered = lowered[:1].upper() + lowered[1:]
            ctx.emit("text.shouting", (start, end), params={"kind": "caps", "text": original},
                     fix=Fix(replacement=lowered))
        i = j + 1
    for m in _EXCLAIM.finditer(ctx.text):
        if ctx.inside(m.start(), m.end()):
            continue
        ctx.emit("text.shouting", (m.start(), m.end()), params={"kind": "punctuation", "text": m.group()},
                 fix=Fix(replacement=m.group()[-1]))
