"""Turn findings into sentences in Swedish, English or Danish.

The words live in ``resources/messages/*.toml`` (one file per area: images, consent, text,
export), one table per rule id with ``sv``, ``en`` and ``da`` templates and optional
``help_sv`` / ``help_en`` / ``help_da`` saying how to fix it. Templates use ``str.format`` fields
with the finding's params. The CLI, the GUI, the publication record, ``bundle.json`` and
``manifest.json`` all use this one catalogue and this one renderer (:func:`message` for a
finding, :func:`render` for a rule id and params, :func:`format_template` for any other template
such as the record's labels).

A parameter a template names but the finding does not carry is written as :data:`MISSING`,
never as ``{name}``; a value its format spec does not fit (``{count:d}`` given text) is written
as plain text. A finding's face index is always passed as ``face`` (numbered from 1).
"""

from __future__ import annotations

import locale
import os
import string
import tomllib
from functools import lru_cache
from typing import Any, Mapping

from prepub.core.languages import UI_LANGUAGES
from prepub.core.model import Finding
from prepub.core.resources import resource

LANGUAGES = UI_LANGUAGES
#: What a parameter the finding does not carry is rendered as: a dash, so a sentence still reads
#: ("Ansikte – suddas vid export") and no template syntax reaches a user or a public record.
MISSING = "–"


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


def message(finding: Finding, lang: str | None = None, *,
            params: Mapping[str, Any] | None = None) -> str:
    """``finding`` in words. ``params`` replaces the finding's own parameters (e.g. with private
    ones redacted for a public record); the face index is added either way."""
    return render(finding.rule, _params(finding, params), lang)


def help_text(finding: Finding, lang: str | None = None) -> str:
    lang = lang or default_language()
    entry = catalogue().get(finding.rule, {})
    tpl = entry.get(f"help_{lang}") or entry.get("help_en") or ""
    return _format(tpl, _translated_reason(_params(finding), lang))


def face_label(index: int) -> int:
    """Faces are numbered from 1 for people (the core counts from 0)."""
    return index + 1


def _params(finding: Finding, params: Mapping[str, Any] | None = None) -> dict[str, Any]:
    p = dict(finding.params if params is None else params)
    if finding.face is not None:
        p.setdefault("face", face_label(finding.face))
    return p


def render(rule: str, params: dict[str, Any] | Any, lang: str | None = None) -> str:
    lang = lang or default_language()
    entry = catalogue().get(rule)
    if not entry:  # a rule without words: its id only (parameters may be private)
        return rule
    tpl = _template(entry, lang, params) or _template(entry, "en", params) or rule
    return _format(tpl, _translated_reason(params, lang))


def _template(entry: Mapping[str, str], lang: str, params: Any) -> str | None:
    """The template in ``lang``; with a ``count`` parameter, its ``<lang>_one`` or
    ``<lang>_other`` form where the entry has them (Swedish, Danish and English all use one
    form for 1 and another for every other number)."""
    count = params.get("count") if isinstance(params, Mapping) else None
    if isinstance(count, int) and f"{lang}_other" in entry:
        return entry[f"{lang}_one"] if count == 1 and f"{lang}_one" in entry else entry[f"{lang}_other"]
    return entry.get(lang)


def _translated_reason(params: Any, lang: str) -> dict[str, Any]:
    """Replace an English ``reason`` by its translation when the params carry a reason ``code``."""
    p = dict(params or {})
    reasons = p.get("reasons")
    if isinstance(reasons, str) and reasons:  # consent reason codes, joined: in words
        words = [catalogue().get(f"consent_reason.{r.strip()}", {}).get(lang) for r in reasons.split(",")]
        if all(words):
            p["reasons"] = ", ".join(w for w in words if w)
    code = p.get("code")
    if code and lang != "en":
        entry = catalogue().get(f"reason.{code}", {})
        if lang in entry:
            p["reason"] = entry[lang]
    return p


_FORMATTER = string.Formatter()


def format_template(tpl: str, params: Mapping[str, Any] | None = None) -> str:
    """``tpl`` with its ``{name}`` fields filled from ``params``, field by field: a missing one
    becomes :data:`MISSING`, a value that does not fit its format spec is written plainly, and
    a template that is not a valid format string is returned with its fields blanked."""
    p = dict(params or {})
    try:
        parts = list(_FORMATTER.parse(tpl))
    except ValueError:  # unbalanced braces: never show them
        return tpl.replace("{", "").replace("}", "")
    out: list[str] = []
    for literal, field, spec, conv in parts:
        out.append(literal)
        if field is None:
            continue
        out.append(_field(field, spec or "", conv, p))
    return "".join(out)


def _field(field: str, spec: str, conv: str | None, params: Mapping[str, Any]) -> str:
    try:
        value, _ = _FORMATTER.get_field(field, (), params)
    except (KeyError, IndexError, AttributeError, TypeError, ValueError):
        return MISSING
    if value is None:
        return MISSING
    try:
        value = _FORMATTER.convert_field(value, conv) if conv else value
        return format(value, spec)
    except (ValueError, TypeError):
        return str(value)


def _format(tpl: str, params: Any) -> str:
    return format_template(tpl, params)
