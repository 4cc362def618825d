"""Readability of a post: LIX (Björnsson 1968) with Swedish and Danish bands.

LIX = O/M + 100·L/O, where O is the number of words, M the number of sentences and L the number
of words longer than six letters. Counted for social posts: URLs, e-mail addresses, @mentions,
#hashtags and emoji are not words; abbreviations (t.ex., bl.a.) are one word and never end a
sentence; sentences end at . ! ? : and line breaks; only letters count towards a word's length
(so "e-post" has five, "10-åringar" seven). Below ``min_words`` words LIX is only indicative.
"""

from __future__ import annotations

from dataclasses import dataclass

from prepub.core.text.tokens import Sentence

# (upper bound, band): a LIX below the bound falls in the band.
SWEDISH_BANDS = ((30.0, "very_easy"), (40.0, "easy"), (50.0, "medium"), (60.0, "hard"))
DANISH_BANDS = ((25.0, "very_easy"), (35.0, "easy"), (45.0, "medium"), (55.0, "hard"))
LONG_WORD_LETTERS = 6  # a long word has more letters than this


@dataclass(frozen=True)
class Readability:
    words: int
    long_words: int
    sentences: int
    lix: float | None
    band: str | None
    indicative: bool
    longest: Sentence | None

    @property
    def longest_words(self) -> int:
        return len(self.longest.words) if self.longest else 0


def letters(word: str) -> int:
    return sum(1 for ch in word if ch.isalpha())


def lix_band(lix: float, language: str) -> str:
    """The band of a LIX value: Danish bands for Danish, Björnsson's Swedish bands otherwise."""
    bands = DANISH_BANDS if language == "da" else SWEDISH_BANDS
    for bound, name in bands:
        if lix < bound:
            return name
    return "very_hard"


def readability(sentences: list[Sentence], *, language: str, min_words: int = 30) -> Readability:
    words = [w for s in sentences for w in s.words]
    o = len(words)
    m = len(sentences)
    long_words = sum(1 for w in words if letters(w.text) > LONG_WORD_LETTERS)
    if o == 0 or m == 0:
        return Readability(0, 0, 0, None, None, True, None)
    lix = round(o / m + 100.0 * long_words / o, 1)
    longest = max(sentences, key=lambda s: len(s.words))
    return Readability(o, long_words, m, lix, lix_band(lix, language), o < min_words, longest)
