"""How the words of a post are meant, beyond the words themselves: quotations, reported speech,
condemnation, negation, clauses and time.

This module owns the reading that several checks share, computed once per post (lazily, through
:attr:`prepub.core.text.context.Context.discourse`):

* **quotations**: spans between quotation marks (”…”, “…”, "…", „…“, «…», »…«, ‘…’) on one line;
* **voice** of a position: ``"own"`` (the organisation says it), ``"quoted"`` (inside quotation
  marks) or ``"reported"`` (a reporting verb earlier in the sentence – "kallade dem för",
  "skrev", "called" – or in the sentence that introduces it with a colon, "fick ett sms: …");
* **condemnation**: whether the post distances itself or reports to the police
  ("vi fördömer", "har polisanmält", "tager afstand", "reported it to the police");
* **negation**: a negator ("inte", "ikke", "never" …) shortly before a position, in its clause;
* **clauses**: sentences cut further at commas, semicolons, dashes and brackets;
* **time**: whether a sentence talks about now ("just nu", "i dag", "this week", "dag tre") or
  about the past ("förra veckan", "back home", "hjemme igen").

The cue words are per language in ``resources/wordlists/phrases.toml``; this module only reads them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from prepub.core.text.context import Context

OWN, QUOTED, REPORTED = "own", "quoted", "reported"
NEGATION_WINDOW = 4  # words before a position that a negator may stand in
MAX_QUOTE_CHARS = 400
# opening mark -> the closing marks that may end it
_PAIRS = {"“": "”\"", "”": "”\"", "\"": "\"”“", "„": "“”\"", "«": "»", "»": "«»", "‘": "’", "‚": "‘’"}
_CLAUSE_BREAK = re.compile(r"[,;()\[\]–—]|:(?![^\W\d_])|\s-\s|\n")  # not the colon of "AB:s", "FN:s"
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@dataclass
class Discourse:
    """The shared reading of one post (see the module docstring)."""

    ctx: "Context"
    quotes: list[tuple[int, int]] = field(default_factory=list)
    _quote_starts: list[int] = field(default_factory=list)
    _report_rx: re.Pattern[str] | None = None
    _negators: frozenset[str] = frozenset()
    _condemns: bool | None = None
    _memo: dict[object, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.quotes = quote_spans(self.ctx.text)
        self._quote_starts = [s for s, _e in self.quotes]
        langs = self.ctx.phrase_languages
        self._report_rx = self.ctx.lists.phrase_regex("quote_report", langs)
        self._negators = frozenset(w.casefold() for w in self.ctx.lists.phrase_items("negation", langs))

    # --- quotation and reported speech ------------------------------------------------------
    def in_quote(self, start: int, end: int | None = None) -> bool:
        end = start + 1 if end is None else end
        i = bisect_right(self._quote_starts, start) - 1
        return i >= 0 and self.quotes[i][0] <= start and end <= self.quotes[i][1]

    def in_title(self, start: int, end: int | None = None) -> bool:
        """Whether [start, end) lies in a quotation that names a work: a capitalised quotation
        right after "filmen", "bogen", "the play" … ("Filmen ”Idioterna” visas i kväll")."""
        end = start + 1 if end is None else end
        i = bisect_right(self._quote_starts, start) - 1
        if i < 0 or not (self.quotes[i][0] <= start and end <= self.quotes[i][1]):
            return False
        q0, q1 = self.quotes[i]
        inner = self.ctx.text[q0 + 1:q1 - 1].strip()
        if not inner[:1].isupper():
            return False
        rx = self.ctx.lists.phrase_regex("title_noun", self.ctx.phrase_languages)
        if rx is None:
            return False
        before = self.ctx.text[max(0, q0 - 40):q0]
        return any(m.end() >= len(before.rstrip(" ,:")) for m in rx.finditer(before))

    def voice(self, start: int, end: int | None = None) -> str:
        """``quoted``, ``reported`` or ``own`` for the text at [start, end)."""
        if self.in_quote(start, end):
            return QUOTED
        return REPORTED if self.reported_before(start) or self.condemned_here(start) else OWN

    def condemned_here(self, pos: int) -> bool:
        """Whether the sentence of ``pos`` condemns what it names ("Vi fördömer ord som …"): the
        words are mentioned, not used."""
        if not self.condemns:
            return False
        rx = self.ctx.lists.phrase_regex("condemn", self.ctx.phrase_languages)
        s0, s1 = self.sentence_text(pos)
        return rx is not None and rx.search(self.ctx.text, s0, s1) is not None

    def reported_before(self, pos: int) -> bool:
        """Whether a reporting verb or phrase stands earlier in the sentence of ``pos``."""
        if self._report_rx is None:
            return False
        return self._report_rx.search(self.ctx.text, self.reporting_start(pos), pos) is not None

    def report_end(self, pos: int) -> int | None:
        """Where the first reporting verb or phrase before ``pos`` in its sentence ends (None
        when there is none): what the report says lies between it and ``pos``."""
        if self._report_rx is None:
            return None
        m = self._report_rx.search(self.ctx.text, self.reporting_start(pos), pos)
        return None if m is None else m.end()

    def reporting_start(self, pos: int) -> int:
        """Where to look for a reporting verb: the sentence of ``pos``, or the one before when
        that one ends with a colon ("Vi fick ett sms: …")."""
        sents = self.ctx.sentences
        i = bisect_right([s.start for s in sents], pos) - 1
        if i < 0:
            return 0
        start = sents[i].start
        if i > 0 and self.ctx.text[sents[i - 1].start:sents[i - 1].end].rstrip().endswith(":"):
            start = sents[i - 1].start
        return start

    @property
    def condemns(self) -> bool:
        """Whether the post distances itself from something or reports it to the police."""
        if self._condemns is None:
            rx = self.ctx.lists.phrase_regex("condemn", self.ctx.phrase_languages)
            self._condemns = rx is not None and rx.search(self.ctx.text) is not None
        return self._condemns

    # --- negation and clauses ---------------------------------------------------------------
    def clause_start(self, pos: int) -> int:
        """The start of the clause ``pos`` stands in (sentence start or the last clause break)."""
        s = self.ctx.sentence_at(pos)
        lo = s.start if s is not None else max(0, self.ctx.text.rfind("\n", 0, pos) + 1)
        last = lo
        for m in _CLAUSE_BREAK.finditer(self.ctx.text, lo, pos):
            last = m.end()
        return last

    def negated(self, start: int, end: int | None = None, *, window: int = NEGATION_WINDOW) -> bool:
        """Whether a negator stands within ``window`` words before ``start`` in the same clause,
        or inside [start, end)."""
        text = self.ctx.text
        if end is not None and any(w.group().casefold() in self._negators
                                   for w in _WORD.finditer(text, start, end)):
            return True
        lo = self.clause_start(start)
        words = [w.group().casefold() for w in _WORD.finditer(text, lo, start)][-window:]
        return any(w in self._negators or w.endswith("n't") for w in words)

    # --- time -------------------------------------------------------------------------------
    def sentence_text(self, pos: int) -> tuple[int, int]:
        s = self.ctx.sentence_at(pos)
        if s is None:
            line_start = self.ctx.text.rfind("\n", 0, pos) + 1
            line_end = self.ctx.text.find("\n", pos)
            return line_start, len(self.ctx.text) if line_end < 0 else line_end
        return s.start, s.end

    def cue_in(self, section: str, start: int, end: int) -> bool:
        rx = self.ctx.lists.phrase_regex(section, self.ctx.phrase_languages)
        return rx is not None and rx.search(self.ctx.text, start, end) is not None

    def cue_anywhere(self, section: str) -> bool:
        key = ("anywhere", section)
        if key not in self._memo:
            self._memo[key] = self.cue_in(section, 0, len(self.ctx.text))
        return bool(self._memo[key])


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quotations, marks included, each on one line. A straight ``'`` opens a quote only
    after a space or a bracket (never an apostrophe in "it's"), and only when it closes before a
    space or punctuation."""
    out: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        closers = _PAIRS.get(ch)
        if closers is None and ch == "'" and (i == 0 or text[i - 1] in " \t\n([") :
            closers = "'"
        if closers is None:
            i += 1
            continue
        j = i + 1
        limit = min(n, i + MAX_QUOTE_CHARS)
        while j < limit and text[j] != "\n" and not (text[j] in closers and j > i + 1 and _closes(text, j)):
            j += 1
        if j < limit and text[j] in closers and text[j] != "\n":
            out.append((i, j + 1))
            i = j + 1
        else:
            i += 1
    return out


def _closes(text: str, j: int) -> bool:
    """A closing mark is followed by the end, a space or punctuation (not a letter: "it's")."""
    return j + 1 >= len(text) or not text[j + 1].isalnum()
