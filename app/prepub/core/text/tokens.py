"""Tokens of a social-media post and the sentences they form.

This module owns how a post is cut up: URLs, e-mail addresses, @mentions, #hashtags, emoji,
abbreviations, numbers and words, each with its character span into the original text; grapheme
clusters (what a reader sees as one character); and sentences, which end at ``. ! ? :`` and line
breaks but never inside a URL, a number or an abbreviation (``t.ex.``, ``bl.a.``, ``kl.``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable

WORDISH = frozenset({"word", "abbrev", "number"})  # tokens that count as words (LIX, limits)

_TLDS = "se|dk|no|nu|fi|is|eu|com|org|net|io|info|gov|edu|de|uk|fr|app|dev|social"
_URL = (r"(?:https?://|www\.)[^\s<>\"“”«»]*[^\s<>\"“”«».,;:!?)\]'’]"
        rf"|(?<![\w@./])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:{_TLDS})"
        r"(?:/[^\s<>\"“”«»]*[^\s<>\"“”«».,;:!?)\]'’])?(?![\w@])")
_EMAIL = r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_MENTION = r"(?<![\w@.])@\w(?:[\w.-]*\w)?(?:@[\w-]+(?:\.[\w-]+)+)?"
_HASHTAG = r"(?<![\w&#/])#(?=\w*[^\W\d_])\w+"
_CAPS_GENITIVE = r"[A-ZÅÄÖÆØ0-9]{2,}:(?:s|n|t|en|et|ar|er|na|ns|arna|erna)(?!\w)"  # SSCO:s, EU:n
_NUM_WORD = r"\d+-[^\W\d_]+(?:-[^\W\d_]+)*"  # 10-åring, 1800-talet
_WORD = r"[^\W\d_]+(?:[-'’][^\W\d_]+)*"
_NUMBER = r"\d+(?:[.,:/]\d+)*"
_GENERIC_ABBREV = r"(?<!\w)(?:[^\W\d_]{1,3}\.){2,}"  # t.ex., o.s.v., e.g., fr.o.m.


@dataclass(frozen=True, slots=True)
class Token:
    """One token: ``kind`` is word, abbrev, number, url, email, mention, hashtag or emoji."""

    kind: str
    start: int
    end: int
    text: str

    @property
    def letters(self) -> int:
        return sum(1 for ch in self.text if ch.isalpha())

    @property
    def wordish(self) -> bool:
        return self.kind in WORDISH


@dataclass(frozen=True)
class Sentence:
    """A sentence: its span (first token to the end of its terminator) and its word tokens."""

    start: int
    end: int
    words: tuple[Token, ...] = field(default=())

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


class Tokenizer:
    """Cuts text into :class:`Token` objects. ``abbreviations`` are the dotted abbreviations that
    must stay one token (and so never end a sentence)."""

    def __init__(self, abbreviations: Iterable[str]) -> None:
        dotted = sorted({a.lower() for a in abbreviations if "." in a or ":" in a}, key=len, reverse=True)
        alts = [re.escape(a).replace(r"\ ", r"\s?") for a in dotted]
        abbrev = rf"(?<!\w)(?i:{'|'.join(alts)})" if alts else r"(?!)"
        self._re = re.compile(
            rf"(?P<url>(?i:{_URL}))|(?P<email>{_EMAIL})|(?P<mention>{_MENTION})|(?P<hashtag>{_HASHTAG})"
            rf"|(?P<abbrev>{abbrev}|{_GENERIC_ABBREV})|(?P<word>{_CAPS_GENITIVE}|{_NUM_WORD}|{_WORD})"
            rf"|(?P<number>{_NUMBER})")

    def tokens(self, text: str) -> list[Token]:
        out: list[Token] = []
        pos = 0
        for m in self._re.finditer(text):
            if m.start() > pos:
                out.extend(_emoji_tokens(text, pos, m.start()))
            kind = m.lastgroup or "word"
            out.append(Token(kind, m.start(), m.end(), m.group()))
            pos = m.end()
        if pos < len(text):
            out.extend(_emoji_tokens(text, pos, len(text)))
        return out


def _emoji_tokens(text: str, start: int, end: int) -> list[Token]:
    segment = text[start:end]
    if segment.isascii() and "#" not in segment and "*" not in segment:
        return []
    out = []
    for s, e in graphemes(segment):
        cluster = segment[s:e]
        if is_emoji(cluster):
            out.append(Token("emoji", start + s, start + e, cluster))
    return out


def _is_extend(cp: int) -> bool:
    if cp < 0x300:  # nothing below the combining diacritical marks extends a cluster
        return False
    if 0xFE00 <= cp <= 0xFE0F or 0x1F3FB <= cp <= 0x1F3FF or 0xE0020 <= cp <= 0xE007F or cp == 0x20E3:
        return True
    return unicodedata.category(chr(cp)) in ("Mn", "Me", "Mc")


def graphemes(text: str) -> list[tuple[int, int]]:
    """Spans of the user-perceived characters: a base with its combining marks, variation
    selectors and skin tones, emoji joined by ZWJ, flag pairs and keycaps count as one."""
    out: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        start = i
        cp = ord(text[i])
        i += 1
        if cp == 0x0D and i < n and text[i] == "\n":
            out.append((start, i + 1))
            i += 1
            continue
        if 0x1F1E6 <= cp <= 0x1F1FF and i < n and 0x1F1E6 <= ord(text[i]) <= 0x1F1FF:
            i += 1  # a flag: two regional indicators
        while i < n:
            c = ord(text[i])
            if c < 0x300:
                break
            if _is_extend(c):
                i += 1
            elif c == 0x200D and i + 1 < n:  # zero-width joiner glues the next character on
                i += 2
            else:
                break
        out.append((start, i))
    return out


_SYMBOL_EMOJI = frozenset({0x2B50, 0x2B55, 0x2B1B, 0x2B1C, 0x2B05, 0x2B06, 0x2B07, 0x2934, 0x2935,
                           0x25B6, 0x25C0, 0x25FB, 0x25FC, 0x25FD, 0x25FE})


def is_emoji(cluster: str) -> bool:
    """Whether a grapheme cluster is an emoji: a pictograph, a flag, a keycap, or a text symbol
    with the emoji variation selector (U+FE0F). Plain ©, ® and arrows are text, not emoji."""
    if "\uFE0F" in cluster or "\u20E3" in cluster:
        return True
    for ch in cluster:
        cp = ord(ch)
        if 0x1F000 <= cp <= 0x1FAFF or 0x2600 <= cp <= 0x27BF or cp in _SYMBOL_EMOJI:
            return True
        if 0x2300 <= cp <= 0x23FF and cp not in (0x2302, 0x2303, 0x2318):
            return True
    return False


def sentences(text: str, tokens: list[Token]) -> list[Sentence]:
    """Sentences of ``text``. A sentence ends at ``. ! ? …`` (a run of them, with closing quotes
    or brackets), at a colon followed by a space, and at a line break. Dots inside tokens (URLs,
    numbers, abbreviations) never end one. Only stretches that hold a word count."""
    n = len(text)
    covered = bytearray(n)
    for t in tokens:
        covered[t.start:t.end] = b"\x01" * (t.end - t.start)
    breaks: list[tuple[int, bool]] = []  # (position, ended by a terminator rather than a line break)
    i = 0
    while i < n:
        ch = text[i]
        if covered[i]:
            i += 1
            continue
        if ch == "\n" or ch == "\r":
            breaks.append((i, False))
            i += 1
        elif ch in ".!?…" or (ch == ":" and (i + 1 == n or text[i + 1].isspace())):
            j = i + 1
            while j < n and not covered[j] and text[j] in _CLOSERS:
                j += 1
            breaks.append((j, True))
            i = j
        else:
            i += 1
    # an emoji (or a run of them) after words, followed by a capital, ends a sentence as a full stop
    # would: "… the altarpiece we will show next spring 🖼️ They are back in two weeks"
    for k, t in enumerate(tokens[:-1]):
        nxt = tokens[k + 1]
        if t.kind == "emoji" and nxt.kind != "emoji" and k > 0:
            gap = text[t.end:nxt.start]
            if gap and gap.isspace() and "\n" not in gap and nxt.kind == "word" and nxt.text[:1].isupper() \
                    and _words_before(text, tokens, k):
                breaks.append((t.end, True))
    breaks.sort(key=lambda b: (b[0], not b[1]))  # at one position a terminator before a line break
    breaks.append((n, False))
    out: list[Sentence] = []
    ti = 0
    for b, terminated in breaks:
        first: Token | None = None
        last: Token | None = None
        words: list[Token] = []
        while ti < len(tokens) and tokens[ti].start < b:
            t = tokens[ti]
            first = first or t
            last = t
            if t.wordish:
                words.append(t)
            ti += 1
        if words and first is not None and last is not None:
            out.append(Sentence(first.start, b if terminated else last.end, tuple(words)))
    return out


_CLOSERS = ".!?…:)]\"'”’»"


def _words_before(text: str, tokens: list[Token], k: int) -> bool:
    """Whether a word stands before the emoji run ending at ``tokens[k]`` with no line break or
    terminator in between (an emoji opening a post or a line is a bullet, not a sentence end)."""
    j = k
    while j >= 0 and tokens[j].kind == "emoji":
        j -= 1
    return j >= 0 and tokens[j].wordish and not any(ch in "\n\r.!?…" for ch in text[tokens[j].end:tokens[j + 1].start])
