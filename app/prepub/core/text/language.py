"""Which language a post is written in, detected offline with lingua (models ship in its wheel).

The detector is limited to the organisation's languages (``[organisation] languages``: sv, da,
nb, en) and asks for a minimum distance between the best and the second-best language, so a very
short or mixed text gives ``"unknown"`` rather than a confident wrong guess. Building a detector is
cheap but its first use loads the language models (a second or two); detectors are cached per set
of languages, and :func:`warm_up` lets the GUI pay that cost in the background at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable, Sequence

from prepub.core.languages import ALIASES, LINGUA_NAMES, POST_LANGUAGES

UNKNOWN = "unknown"
SUPPORTED = POST_LANGUAGES
MIN_WORDS = 3  # fewer words than this is never enough to tell Swedish from Danish or Norwegian
MIN_RELATIVE_DISTANCE = 0.1
MAX_CHARS = 2000  # the start of a long post tells its language as well as all of it

_LINGUA_NAMES = {**LINGUA_NAMES, **{a: LINGUA_NAMES[c] for a, c in ALIASES.items()}}


@dataclass(frozen=True)
class Detected:
    """The detected language (an ISO 639-1 code or ``"unknown"``) and the detector's confidence."""

    language: str
    confidence: float


def normalise_languages(languages: Iterable[str] | None) -> tuple[str, ...]:
    """The policy's languages that the detector knows, in a stable order (``no`` means ``nb``)."""
    wanted = {("nb" if str(c).lower() == "no" else str(c).lower()) for c in (languages or ())}
    out = tuple(c for c in SUPPORTED if c in wanted)
    return out or SUPPORTED


@lru_cache(maxsize=8)
def _detector(languages: tuple[str, ...]) -> Any:
    from lingua import Language, LanguageDetectorBuilder

    langs = [getattr(Language, _LINGUA_NAMES[c]) for c in languages]
    return (LanguageDetectorBuilder.from_languages(*langs)
            .with_minimum_relative_distance(MIN_RELATIVE_DISTANCE).build())


def _code(language: Any) -> str:
    code = language.iso_code_639_1.name.lower()
    return "nb" if code == "no" else code


def detect_language(words: Sequence[str], *, languages: Iterable[str] | None = None) -> Detected:
    """Detect the language of a post from its words (URLs, mentions, hashtags and emoji already
    left out). ``languages`` limits the choice; with one language that one is the answer."""
    langs = normalise_languages(languages)
    if len(words) < MIN_WORDS:
        return Detected(UNKNOWN, 0.0)
    if len(langs) == 1:
        return Detected(langs[0], 1.0)
    text = " ".join(words)[:MAX_CHARS]
    detector = _detector(langs)
    found = detector.detect_language_of(text)
    if found is None:
        return Detected(UNKNOWN, 0.0)
    code = _code(found)
    confidence = 0.0
    for value in detector.compute_language_confidence_values(text):
        if _code(value.language) == code:
            confidence = float(value.value)
            break
    return Detected(code, round(confidence, 3))


def warm_up(languages: Iterable[str] | None = None) -> None:
    """Build the detector for ``languages`` and load its models (call from a background thread)."""
    langs = normalise_languages(languages)
    if len(langs) > 1:
        _detector(langs).detect_language_of("Det här är en text som laddar språkmodellerna.")
