"""Deciding whether and how a draft may be exported, before anything is written.

This module owns the export gate (:func:`gate`: which blocking findings remain once the draft's
overrides are applied, and which overrides the policy accepts), the bundle's name, the export
time zone, the post's scheduled time and the per-image metadata built from the draft. The gate
is the same rule ``prepub.core.checks.post.unresolved_blocks`` applies, plus one safeguard: a
rule that protects people (``can_disable=False``) is never overridden, whatever the policy says.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Sequence
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from prepub.core.draft import Draft, DraftImage, Override
from prepub.core.export.errors import ExportError
from prepub.core.export.xmp import ExportMeta
from prepub.core.model import Finding
from prepub.core.policy import Policy
from prepub.core.rules import all_rules

SOCIAL_EXCLUDED = frozenset({"website"})  # channels no scheduling tool posts to


@dataclass(frozen=True)
class Gate:
    """The result of :func:`gate`: ``blocking`` stops the export; ``overridden`` pairs each
    overridden finding with the override that lets it through."""

    blocking: tuple[Finding, ...]
    overridden: tuple[tuple[Finding, Override], ...]
    refused_overrides: tuple[Override, ...]  # overrides given for rules the policy does not allow

    @property
    def ok(self) -> bool:
        return not self.blocking


def override_allowed(rule: str, policy: Policy) -> bool:
    """May a user export past ``rule`` with a reason? Only when the policy lists it in
    ``[export] overrides_allowed`` and the rule is not one that protects people."""
    if rule not in policy.overrides_allowed:
        return False
    spec = all_rules().get(rule)
    return spec is None or spec.can_disable


def gate(draft: Draft, findings: Sequence[Finding], policy: Policy) -> Gate:
    blocking: list[Finding] = []
    overridden: list[tuple[Finding, Override]] = []
    refused: list[Override] = []
    for f in findings:
        if not f.blocks:
            continue
        o = draft.override_for(f.rule, f.subject)
        if o is not None and o.reason.strip() and override_allowed(f.rule, policy):
            overridden.append((f, o))
            continue
        if o is not None and o not in refused:
            refused.append(o)
        blocking.append(f)
    return Gate(tuple(blocking), tuple(overridden), tuple(refused))


def refuse(g: Gate, policy: Policy) -> ExportError:
    rules = sorted({f.rule for f in g.blocking})
    return ExportError("export.blocked", {
        "count": len(g.blocking), "rules": ", ".join(rules),
        "refused": ", ".join(sorted({o.rule for o in g.refused_overrides})) or "–",
        "allowed": ", ".join(sorted(policy.overrides_allowed)) or "–",
    }, findings=g.blocking)


def export_zone(policy: Policy) -> ZoneInfo:
    """The policy's ``[export] timezone``. On Windows the IANA database comes from the ``tzdata``
    package, which must then be installed beside Prepub."""
    name = str(policy.get("export", "timezone", "") or "Europe/Stockholm")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ExportError("export.timezone_unknown", {"timezone": name}) from None


def scheduled_time(draft: Draft, zone: ZoneInfo) -> datetime | None:
    """The draft's publication time, aware; a time without offset is read in ``zone``."""
    raw = (draft.scheduled_at or "").strip()
    if not raw:
        return None
    try:
        t = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        raise ExportError("export.bad_time", {"value": raw}) from None
    return t.replace(tzinfo=zone) if t.tzinfo is None else t


def bundle_name(draft: Draft, when: datetime) -> str:
    """``<slug>-<YYYY-MM-DD>`` from the title (or the first words of the text)."""
    base = draft.title.strip() or " ".join(draft.text.split()[:6]) or "post"
    return f"{slug(base) or 'post'}-{when.strftime('%Y-%m-%d')}"


def slug(text: str, max_len: int = 40) -> str:
    t = text.lower()
    for a, b in (("æ", "ae"), ("ø", "o"), ("ß", "ss"), ("đ", "d"), ("ł", "l")):
        t = t.replace(a, b)
    t = unicodedata.normalize("NFKD", t).encode("ascii", "ignore").decode("ascii")
    t = re.sub(r"[^a-z0-9]+", "-", t).strip("-")
    return t[:max_len].rstrip("-")


def image_meta(im: DraftImage, *, policy: Policy, language: str, year: int,
               release_status: str, release_ids: Sequence[str], source_type: str,
               web_statement: str | None, photographer_fallback: str = "") -> ExportMeta:
    """The metadata an exported image carries, built only from what the user approved."""
    name = im.photographer.strip() or photographer_fallback.strip()
    fmt = str(policy.get("images", "credit_format", "Foto: {name}") or "{name}")
    try:
        credit = fmt.format(name=name) if name else ""
    except (KeyError, IndexError, ValueError):
        credit = name
    rights = str(im.extra.get("copyright", "") or "").strip()
    if not rights and name:
        rights = f"© {year} {name}"
        if im.source.kind in ("stock", "partner") and im.source.licence.strip():
            rights += f" ({im.source.licence.strip()})"
    return ExportMeta(creators=(name,) if name else (), credit=credit, rights=rights,
                      caption=im.caption.strip(), alt_text=im.alt_text.strip(), language=language,
                      release_status=release_status, release_ids=tuple(release_ids),
                      digital_source_type=source_type, web_statement=web_statement or None)


def blur_boxes(im: DraftImage) -> list[tuple[int, int, int, int]]:
    """Boxes of the faces the user marked "blur on export" (full-size upright pixels)."""
    out = []
    for f in im.faces:
        if f.decision == "blur" and len(f.box) == 4:
            out.append((int(f.box[0]), int(f.box[1]), int(f.box[2]), int(f.box[3])))
    return out


def channel_config(policy: Policy, channel: str) -> dict[str, Any]:
    return policy.channel(channel)
