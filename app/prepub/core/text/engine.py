"""``check_text``: a post's text checked against the policy, and ``apply_fix`` for the suggested edits.

This module owns the :class:`TextReport` (language, readability, per-channel counts and findings)
and the order of work: tokenise, detect the language (unless the caller overrides it), measure
readability, count per channel, run every rule in :mod:`prepub.core.text.checks`. Every finding's
``span`` indexes the text exactly as given, so ``text[start:end]`` is what was flagged (findings
about something missing – a credit line, an invitation to dialogue – have an empty span where it
would go).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Iterable, Sequence

from prepub.core import clock
from prepub.core.model import Finding, Severity
from prepub.core.policy import Policy
from prepub.core.text import checks
from prepub.core.text.channels import ChannelCount, count_channel
from prepub.core.text.context import Context, ImageCredit
from prepub.core.text.language import MIN_WORDS, UNKNOWN, Detected, detect_language, normalise_languages
from prepub.core.text.readability import readability
from prepub.core.text.tokens import Sentence, Token, sentences
from prepub.core.text.wordlists import WordLists, load_wordlists



@dataclass(frozen=True)
class TextReport:
    """What the text checks found. ``lix`` is None for a text without words; ``lix_indicative``
    is true below ``[text] lix_min_words`` words (LIX says little about a short post)."""

    language: str  # sv, da, nb, en or "unknown"
    language_confidence: float
    language_overridden: bool
    lix: float | None
    lix_band: str | None  # very_easy, easy, medium, hard, very_hard (Danish bands for Danish)
    lix_indicative: bool
    words: int
    long_words: int
    sentences: int
    longest_sentence: tuple[int, int] | None
    longest_sentence_words: int
    channels: tuple[ChannelCount, ...]
    findings: tuple[Finding, ...]

    @property
    def blocked(self) -> bool:
        return any(f.blocks for f in self.findings)

    @property
    def counts(self) -> dict[str, int]:
        """Channel -> length as that network counts it."""
        return {c.channel: c.chars for c in self.channels}

    def channel(self, name: str) -> ChannelCount | None:
        return next((c for c in self.channels if c.channel == name), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "language": self.language, "language_confidence": self.language_confidence,
            "language_overridden": self.language_overridden, "lix": self.lix, "lix_band": self.lix_band,
            "lix_indicative": self.lix_indicative, "words": self.words, "long_words": self.long_words,
            "sentences": self.sentences,
            "longest_sentence": list(self.longest_sentence) if self.longest_sentence else None,
            "longest_sentence_words": self.longest_sentence_words,
            "channels": [c.to_dict() for c in self.channels],
            "findings": [f.to_dict() for f in self.findings],
        }


def check_text(text: str, *, policy: Policy, channels: Sequence[str] = (), language: str | None = None,
               images: Sequence[ImageCredit] = (), today: date | None = None,
               trip_ended: bool = False, lists: WordLists | None = None) -> TextReport:
    """Check a post's ``text`` against ``policy`` for the given ``channels``.

    ``language`` overrides detection (sv, da, nb, en). ``images`` holds one :class:`ImageCredit`
    per image of the post, for the credit check. ``today`` anchors date checks (default: today).
    ``trip_ended`` says the trip the post is about is over, so trip phrases are allowed. ``lists``
    replaces the word lists loaded from the policy (tests, previews)."""
    text = text if isinstance(text, str) else str(text or "")
    lists = lists if lists is not None else load_wordlists(policy)
    tokens = lists.tokenizer().tokens(text)
    sents = sentences(text, tokens)
    org_languages = normalise_languages(policy.post_languages)
    overridden = bool(language) and language != UNKNOWN
    if overridden:
        code = "nb" if str(language).lower() == "no" else str(language).lower()
        detected = Detected(code, 1.0)
    else:
        detected = _detect(tokens, sents, lists, org_languages)
    min_words = int(policy.text.lix_min_words)
    r = readability(sents, language=detected.language, min_words=min_words)
    ctx = Context(text=text, policy=policy, lists=lists, tokens=tokens, sentences=sents,
                  language=detected.language, org_languages=org_languages, channels=tuple(channels),
                  images=tuple(images), today=today or clock.today(), trip_ended=trip_ended)
    counts = tuple(count_channel(ctx, ch) for ch in dict.fromkeys(channels))
    checks.run_checks(ctx, r)
    return TextReport(
        language=detected.language, language_confidence=detected.confidence, language_overridden=overridden,
        lix=r.lix, lix_band=r.band, lix_indicative=r.indicative, words=r.words, long_words=r.long_words,
        sentences=r.sentences, longest_sentence=r.longest.span if r.longest else None,
        longest_sentence_words=r.longest_words, channels=counts, findings=_ordered(ctx.findings))


# rules whose span is a whole sentence or stretch of the post, not the words at fault
_SPAN_RULES = frozenset({"text.lix", "text.sentence_long", "text.channel_length", "text.after_fold",
                         "text.hashtags_max", "text.hashtags_many", "text.links_max"})


FUNCTION_VOTES = 3  # words only one language uses ("och", "ikke", "the") that overrule the detector


def _detect(tokens: list[Token], sents: list[Sentence], lists: WordLists,
            languages: tuple[str, ...]) -> Detected:
    """The post's language among the organisation's. Names are left out first – capitalised words
    inside a sentence: "Trøjborg" has an ø, and lingua then rules English out of "Randersvej is
    closed near Trøjborg" – and the answer must agree with the words only one language uses:
    with none of them and three of another's, the other language wins."""
    firsts = {s.words[0].start for s in sents if s.words}
    words = [t.text for t in tokens if t.kind == "word"]
    common = [t.text for t in tokens if t.kind == "word" and (t.start in firsts or not t.text[:1].isupper())]
    detected = detect_language(common if len(common) >= MIN_WORDS else words, languages=languages)
    if len(languages) < 2 or len(words) < MIN_WORDS:
        return detected
    own = {lang: lists.function_words.get(lang, frozenset()) for lang in languages}
    votes = {}
    for lang, fw in own.items():
        others = frozenset().union(*(v for k, v in own.items() if k != lang))
        votes[lang] = sum(1 for w in words if w.casefold() in fw and w.casefold() not in others)
    best = max(votes, key=lambda k: votes[k])
    if votes[best] >= FUNCTION_VOTES and votes.get(detected.language, 0) == 0 and best != detected.language:
        return Detected(best, detected.confidence)
    return detected


def _ordered(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """Findings in text order, each once; a suggestion about text that a warning or a block
    already covers is left out (one note per thing: "FORTROLIGT" is an internal marker, not also
    shouting)."""
    seen: set[tuple[str, tuple[int, int] | None, str | None]] = set()
    out = []
    findings = list(findings)
    serious = [f.span for f in findings if f.severity is not Severity.INFO and f.span and f.span[0] < f.span[1]
               and f.rule not in _SPAN_RULES and f.params.get("source") != "model"]  # a model's span is a sentence
    for f in findings:
        key = (f.rule, f.span, f.subject)
        if key in seen:
            continue
        if f.severity is Severity.INFO and f.span and f.span[0] < f.span[1] and any(
                s[0] <= f.span[0] and f.span[1] <= s[1] for s in serious):
            continue
        seen.add(key)
        out.append(f)
    out.sort(key=lambda f: ((f.span or (0, 0))[0], -f.severity.rank, f.rule, f.subject or ""))
    return tuple(out)


def apply_fix(text: str, finding: Finding) -> str:
    """``text`` with the finding's suggested replacement applied. Raises ValueError when the
    finding has no replacement or its span does not fit the text (the text changed since)."""
    if finding.fix is None or finding.fix.replacement is None or finding.span is None:
        raise ValueError(f"{finding.rule} has no text fix")
    start, end = finding.span
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"the span {finding.span} of {finding.rule} is outside the text")
    return text[:start] + finding.fix.replacement + text[end:]


def apply_fixes(text: str, findings: Iterable[Finding]) -> str:
    """Apply several fixes at once, from the end of the text backwards; a fix whose span overlaps
    one already applied is skipped."""
    todo = sorted((f for f in findings if f.fix is not None and f.fix.replacement is not None and f.span),
                  key=lambda f: (f.span[0], f.span[1]), reverse=True)  # type: ignore[index]
    limit = len(text) + 1
    for f in todo:
        start, end = f.span  # type: ignore[misc]
        if end > limit:
            continue
        text = apply_fix(text, f)
        limit = start
    return text


def severity_counts(report: TextReport) -> dict[str, int]:
    out = {s.value: 0 for s in Severity}
    for f in report.findings:
        out[f.severity.value] += 1
    return out


_BENCH_PARAGRAPH = (
    "Välkommen till sommarens stora fest i parken! Vi bjuder bl.a. på musik, t.ex. jazz, samt fika. "
    "Läs mer på https://sundsvall.se/fest @sundsvallskommun #sommarlovisundsvall 🎉 Kommunfullmäktige "
    "har beslutat att 45 procent av budgeten ska gå till skolan, enligt SKR. Vad tycker du?\n")


def benchmark_text(chars: int = 10_000) -> str:
    """A realistic post of at least ``chars`` characters, for the benchmark and tests."""
    return _BENCH_PARAGRAPH * (chars // len(_BENCH_PARAGRAPH) + 1)


def benchmark(*, policy: Policy, chars: int = 10_000, repeat: int = 5) -> dict[str, float]:
    """Seconds for one check of a ``chars``-character post on four channels: the first run (which
    loads the language models) and the best of ``repeat`` later runs."""
    import time

    text = benchmark_text(chars)
    chans = ["x", "instagram", "facebook", "linkedin"]
    t0 = time.perf_counter()
    check_text(text, policy=policy, channels=chans)
    first = time.perf_counter() - t0
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        report = check_text(text, policy=policy, channels=chans)
        best = min(best, time.perf_counter() - t0)
    return {"chars": float(len(text)), "first_s": first, "best_s": best, "findings": float(len(report.findings))}
