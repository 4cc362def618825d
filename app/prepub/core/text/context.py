"""What every text check gets: the post cut into tokens and sentences, its language, the policy,
the word lists, and :meth:`Context.emit`, the one way a check reports a finding.

``emit`` builds findings through :func:`prepub.core.rules.make_finding`, so the policy can switch
a rule off or change its severity; a severity a check computes for one case (e.g. a word list's
own severity) is used only when the policy does not set one for that rule. Words on the policy's
``[text] accept`` list are never flagged.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable, Mapping

from prepub.core import clock
from prepub.core.model import Finding, Fix, Severity
from prepub.core.policy import Policy
from prepub.core.rules import make_finding
from prepub.core.text.discourse import Discourse
from prepub.core.text.tokens import Sentence, Token
from prepub.core.text.wordlists import WordLists

UNKNOWN = "unknown"


@dataclass(frozen=True)
class ImageCredit:
    """One image of the post, for the credit check: who took it (empty when unknown), whether the
    image already carries a visible credit (burned in, or a caption the network shows), and a
    label (usually the file name) for messages."""

    photographer: str = ""
    credited_in_caption: bool = False
    label: str = ""


# Rules whose findings point at a word the organisation may accept ([text] accept).
ACCEPTABLE = frozenset({"text.abbreviation", "text.stiff_word", "text.acronym_undefined", "text.word_long",
                        "text.profanity", "text.insult", "text.shouting", "text.hashtag_camelcase"})


@dataclass
class Context:
    text: str
    policy: Policy
    lists: WordLists
    tokens: list[Token]
    sentences: list[Sentence]
    language: str  # sv, da, nb, en or "unknown"
    org_languages: tuple[str, ...]
    channels: tuple[str, ...] = ()
    images: tuple[ImageCredit, ...] = ()
    today: date = field(default_factory=clock.today)
    trip_ended: bool = False
    findings: list[Finding] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._spans: dict[tuple[str, ...], tuple[list[int], list[int]]] = {}
        self.memo: dict[Any, Any] = {}  # values several checks share (graphemes, counts)
        self._sentence_starts = [s.start for s in self.sentences]
        self.accept = frozenset(str(a).casefold().lstrip("#@") for a in self.policy.text.accept or [])
        self._discourse: Discourse | None = None

    @property
    def discourse(self) -> Discourse:
        """Quotations, reported speech, negation, clauses and time cues (built on first use)."""
        if self._discourse is None:
            self._discourse = Discourse(self)
        return self._discourse

    # --- languages --------------------------------------------------------------------------
    @property
    def list_languages(self) -> tuple[str, ...]:
        """The language whose abbreviation and stiff-word lists apply (the account's first
        language when the post's is unknown)."""
        if self.language != UNKNOWN:
            return (self.language,)
        return self.org_languages[:1] or ("sv",)

    @property
    def phrase_languages(self) -> tuple[str, ...]:
        """Languages whose phrase lists apply: the post's, or all the account's when unknown."""
        return (self.language,) if self.language != UNKNOWN else self.org_languages

    @property
    def abuse_languages(self) -> frozenset[str] | None:
        return frozenset({self.language}) if self.language != UNKNOWN else None

    # --- tokens -----------------------------------------------------------------------------
    def of_kind(self, *kinds: str) -> list[Token]:
        return [t for t in self.tokens if t.kind in kinds]

    def inside(self, start: int, end: int, kinds: Iterable[str] = ("url", "email")) -> bool:
        """Whether [start, end) overlaps a token of one of ``kinds`` (matches inside URLs are noise)."""
        key = tuple(sorted(kinds))
        spans = self._spans.get(key)
        if spans is None:
            spans = self._spans[key] = ([t.start for t in self.tokens if t.kind in key],
                                        [t.end for t in self.tokens if t.kind in key])
        starts, ends = spans
        i = bisect_right(ends, start)  # the first token that ends after ``start`` (tokens never overlap)
        return i < len(starts) and starts[i] < max(end, start + 1)

    def sentence_at(self, pos: int) -> Sentence | None:
        i = bisect_right(self._sentence_starts, pos) - 1
        if i >= 0 and self.sentences[i].start <= pos < self.sentences[i].end:
            return self.sentences[i]
        return None

    # --- findings ---------------------------------------------------------------------------
    def emit(self, rule: str, span: tuple[int, int], *, params: Mapping[str, Any] | None = None,
             subject: str = "text", fix: Fix | None = None, severity: Severity | str | None = None) -> None:
        start, end = span
        if not (0 <= start <= end <= len(self.text)):
            raise ValueError(f"span {span} outside the text ({len(self.text)} characters) for {rule}")
        if rule in ACCEPTABLE and self.text[start:end].casefold().lstrip("#@") in self.accept:
            return
        sev = Severity(severity) if isinstance(severity, str) else severity
        if sev is not None and "severity" in self.policy.rule_config(rule):
            sev = None  # the organisation's setting wins over the case-by-case default
        f = make_finding(rule, self.policy, params=params, subject=subject, span=(start, end), fix=fix,
                         severity=sev)
        if f is not None:
            self.findings.append(f)


def keep_case(original: str, replacement: str) -> str:
    """``replacement`` with the first letter capitalised when ``original`` starts with a capital."""
    if original[:1].isupper() and replacement:
        if original.isupper() and len(original) > 1 and replacement.islower() and " " not in replacement:
            return replacement.upper()
        return replacement[:1].upper() + replacement[1:]
    return replacement
