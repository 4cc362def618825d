"""Turn findings into sentences in Swedish, English or Danish.

The words live in ``resources/messages/*.toml`` (one file per area: images, consent, text,
export), one table per rule id with ``sv``, ``en`` and ``da`` templates and optional
``help_sv`` / ``help_en`` / ``help_da`` saying how to fix it. Templates use ``str.format`` with
the finding's params. The CLI, the GUI and the publication record all use this one catalogue.
"""

from __future__ import annotations

import locale
import os
import tomllib
from functools import lru_cache
from typing import Any

from prepub.core.languages import UI_LANGUAGES
from prepub.core.model import Finding
from prepub.core.resources import resource

LANGUAGES = UI_LANGUAGES


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    folder = resource("messages")
    for path in sorted(folder.glob("*.toml")):
        with path.open("rb") as fh:
            data = tomllib.load(fh)
        for rule, table in data.items():
            out[rule] = {k: str(v) for k, v in table.items()}
    return out


def default_language() -> str:
    """The user's language from PREPUB_LANG or the system locale; English when unknown."""
    env = os.environ.get("PREPUB_LANG") or os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") \
        or os.environ.get("LANG") or (locale.getlocale()[0] or "")
    code = env[:2].lower()
    return code if code in LANGUAGES else "en"


def message(finding: Finding, lang: str | None = None) -> str:
    return render(finding.rule, _params(finding), lang)


def help_text(finding: Finding, lang: str | None = None) -> str:
    lang = lang or default_language()
    entry = catalogue().get(finding.rule, {})
    tpl = entry.get(f"help_{lang}") or entry.get("help_en") or ""
    return _format(tpl, _translated_reason(_params(finding), lang))


def face_label(index: int) -> int:
    """Faces are numbered from 1 for people (the core counts from 0)."""
    return index + 1


def _params(finding: Finding) -> dict[str, Any]:
    p = dict(finding.params)
    if finding.face is not None:
        p.setdefault("face", face_label(finding.face))
    return p


def render(rule: str, params: dict[str, Any] | Any, lang: str | None = None) -> str:
    lang = lang or default_language()
    entry = catalogue().get(rule)
    if not entry:
        return rule + (f" {dict(params)}" if params else "")
    tpl = entry.get(lang) or entry.get("en") or rule
    return _format(tpl, _translated_reason(params, lang))


def _translated_reason(params: Any, lang: str) -> dict[str, Any]:
    """Replace an English ``reason`` by its translation when the params carry a reason ``code``."""
    p = dict(params or {})
    code = p.get("code")
    if code and lang != "en":
        entry = catalogue().get(f"reason.{code}", {})
        if lang in entry:
            p["reason"] = entry[lang]
    return p


class _Safe(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _format(tpl: str, params: Any) -> str:
    try:
        return tpl.format_map(_Safe(dict(params or {})))
    except (ValueError, TypeError, IndexError):
        return tpl
