"""Text checks for a post, against the organisation's communication policy (no Qt).

Public API::

    check_text(text, *, policy, channels, language=None, images=(), today=None, trip_ended=False)
        -> TextReport
    apply_fix(text, finding) -> str          apply_fixes(text, findings) -> str
    ImageCredit(photographer, credited_in_caption=False, label="")
    detect_language(words, *, languages) -> Detected      warm_up(languages)  (language models, city list)

The rules and their default severities are registered in :mod:`prepub.core.text.checks`.
"""

from typing import Iterable

from prepub.core.text import gazetteer, language, learned
from prepub.core.text.channels import ChannelCount
from prepub.core.text.context import ImageCredit
from prepub.core.text.engine import TextReport, apply_fix, apply_fixes, check_text
from prepub.core.text.language import Detected, detect_language

__all__ = ["check_text", "apply_fix", "apply_fixes", "TextReport", "ChannelCount", "ImageCredit",
           "Detected", "detect_language", "warm_up"]


def warm_up(languages: Iterable[str] | None = None) -> None:
    """Load what the first check would otherwise load: the language models for ``languages``,
    the offline city list the trip check reads and the tone model (call from a background thread)."""
    language.warm_up(languages)
    gazetteer.warm_up()
    learned.model()
