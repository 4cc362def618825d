"""What the tone checks share: the voice of a span (own, quoted or reported: quoted or reported abuse
warns and never blocks) and constructions built from several phrase sections of
``resources/wordlists/phrases.toml``, compiled once per word lists and languages."""

from __future__ import annotations

import re
from typing import Callable

from prepub.core.model import Severity
from prepub.core.text.context import Context
from prepub.core.text.discourse import OWN

# appended to the message of quoted or reported abuse; the catalogue's "reason.quoted" translates it
QUOTED_REASON = " The words are quoted or reported – check the wording."


def voice_params(ctx: Context, start: int, end: int) -> tuple[dict[str, object], Severity | None]:
    """Params and severity for abuse at [start, end): quoted or reported abuse warns."""
    voice = ctx.discourse.voice(start, end)
    if voice == OWN:
        return {"quoted": False, "reason": ""}, None
    return {"quoted": True, "voice": voice, "code": "quoted", "reason": QUOTED_REASON}, Severity.WARN


def alternation(ctx: Context, section: str) -> str | None:
    parts = ctx.lists.phrase_items(section, ctx.phrase_languages, regex=True)
    return "|".join(f"(?:{p})" for p in parts) if parts else None


def construction(ctx: Context, key: object, build: Callable[[], str | None]) -> re.Pattern[str] | None:
    """A pattern built from several phrase sections, compiled once per word lists and languages."""
    def compiled() -> re.Pattern[str] | None:
        body = build()
        return re.compile(body, re.IGNORECASE) if body else None
    return ctx.lists.cached((key, ctx.phrase_languages), compiled)  # type: ignore[no-any-return]
