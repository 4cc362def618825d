"""Every language Prepub knows, once: whether the app speaks it (messages, the window, the
record) and whether posts written in it are checked (language detection and the text rules).

Add a language here and everything that lists languages (the CLI's ``--lang``, the settings
dialog, the policy's allowed values, the detector) follows. Each entry is one language.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1
    native_name: str  # shown in the language menu
    ui: bool  # the app's messages and window are translated into it
    posts: bool  # posts written in it are detected and checked
    lingua: str  # lingua-language-detector's name for it


ALL: tuple[Language, ...] = (
    Language("sv", "Svenska", ui=True, posts=True, lingua="SWEDISH"),
    Language("en", "English", ui=True, posts=True, lingua="ENGLISH"),
    Language("da", "Dansk", ui=True, posts=True, lingua="DANISH"),
    Language("nb", "Norsk bokmål", ui=False, posts=True, lingua="BOKMAL"),
)

UI_LANGUAGES: tuple[str, ...] = tuple(lang.code for lang in ALL if lang.ui)
POST_LANGUAGES: tuple[str, ...] = tuple(lang.code for lang in ALL if lang.posts)
NATIVE_NAMES: dict[str, str] = {lang.code: lang.native_name for lang in ALL}
LINGUA_NAMES: dict[str, str] = {lang.code: lang.lingua for lang in ALL}
ALIASES: dict[str, str] = {"no": "nb"}  # what people write for a language code we know by another
