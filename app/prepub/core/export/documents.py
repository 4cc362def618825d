"""The bundle's text documents: per-channel post texts, ``bundle.json`` and ``manifest.json``.

``text/<channel>.txt`` is the post as it goes out, followed by each image's file, alt text and
credit line, in plain UTF-8 for copy and paste. ``bundle.json`` is the generic hand-off for any
tool without a CSV importer (research §3: id, time with offset and IANA zone, text, hashtags and
media with hash, size and alt text per network, and the checks). ``manifest.json`` lists every
file with its SHA-256 and size, the policy, findings, overrides, consents and the notices (what
to do by hand); it is written last, so a bundle without one is unfinished. ``bundle.json``
follows the JSON Schema in ``resources/schemas/bundle.schema.json`` (:data:`SCHEMA_ID`).

Every message in these documents comes from the one renderer (:func:`prepub.core.messages.message`),
with the finding's parameters (and its face number), so no ``{placeholder}`` reaches them.

Findings in these documents never carry person names, ages or coordinates: those parameters are
replaced by :data:`REDACTED` (the bundle may become a public record).
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any, Mapping, Sequence

from prepub import __version__
from prepub.core.draft import Override
from prepub.core.export.consents import ConsentRef
from prepub.core.model import Finding
from prepub.core.resources import resource

FORMAT_BUNDLE = "prepub.bundle"
FORMAT_MANIFEST = "prepub.manifest"
VERSION = 1
#: The ``$id`` of bundle.json's schema (resources/schemas/bundle.schema.json).
SCHEMA_ID = "https://prepub.invalid/schemas/bundle-1.schema.json"
REDACTED = "•••"
PRIVATE_PARAMS = frozenset({"name", "names", "age", "lat", "lon", "person", "people", "person_id"})
LIMITS_SOURCE = "scheduling_formats.md (research of 2026; Sprout/Hootsuite details partly unverified)"


@dataclass
class Rendition:
    """One exported image file and the channels it serves."""

    file: str  # bundle-relative, e.g. images/01-harbour-2048x1365.jpg
    sha256: str
    mime: str
    width: int
    height: int
    bytes: int
    channels: list[str] = field(default_factory=list)
    public_url: str | None = None


@dataclass
class ImageEntry:
    """What the bundle says about one image of the draft."""

    index: int  # 1-based, in draft order
    source_sha256: str
    alt_text: str
    credit: str
    rights: str
    caption: str
    release_status: str
    digital_source_type: str
    blurred_faces: int
    renditions: list[Rendition] = field(default_factory=list)
    consent_ids: tuple[str, ...] = ()  # the consents this image's release relies on
    context: dict[str, str] = field(default_factory=dict)  # what, where, when (as the user wrote)

    def for_channel(self, channel: str) -> Rendition | None:
        for r in self.renditions:
            if channel in r.channels:
                return r
        return None


@lru_cache(maxsize=1)
def labels() -> dict[str, dict[str, str]]:
    with resource("templates", "labels.toml").open("rb") as fh:
        return tomllib.load(fh)


def label(key: str, lang: str, **params: Any) -> str:
    """A word of the record in ``lang``, its ``{fields}`` filled by the one renderer."""
    from prepub.core.messages import format_template

    entry = labels().get(key, {})
    return format_template(entry.get(lang) or entry.get("en") or key, params)


def public_params(params: Mapping[str, Any]) -> dict[str, Any]:
    return {k: (REDACTED if k in PRIVATE_PARAMS else v) for k, v in params.items()}


def finding_dict(f: Finding, *, lang: str, subjects: Mapping[str, str],
                 overridden: bool = False) -> dict[str, Any]:
    """A finding for the bundle: private parameters redacted, the image path replaced by its
    place in the post (``image 2``), with its message in ``lang``."""
    from prepub.core.messages import message

    params = public_params(f.params)
    d = Finding(rule=f.rule, severity=f.severity, params=params, subject=_subject(f.subject, subjects),
                face=f.face, span=f.span, fix=None, policy_ref=f.policy_ref).to_dict(
        message=message(f, lang, params=params))
    if overridden:
        d["overridden"] = True
    return d


def override_dict(o: Override, *, subjects: Mapping[str, str]) -> dict[str, Any]:
    return {"rule": o.rule, "subject": _subject(o.subject, subjects), "reason": o.reason,
            "by": o.by, "at": o.at}


def channel_text(*, text: str, channel_label: str, images: Sequence[ImageEntry], channel: str,
                 lang: str) -> str:
    """``text/<channel>.txt``: the post text, then each image's file, alt text and credit."""
    lines = [text.rstrip(), ""]
    if images:
        lines += ["-" * 40, f"{label('images', lang)} – {channel_label}"]
        for im in images:
            r = im.for_channel(channel)
            lines.append(f"{im.index}. {r.file if r else ''}")
            if im.alt_text:
                lines.append(f"   {label('alt_text', lang)}: {im.alt_text}")
            if im.credit:
                lines.append(f"   {label('credit', lang)}: {im.credit}")
    return "\n".join(lines).rstrip() + "\n"


def bundle_json(*, post_id: str, title: str, scheduled_at: datetime | None, zone_name: str,
                networks: Sequence[Mapping[str, Any]], images: Sequence[ImageEntry],
                checks: Mapping[str, Any], exported_at: datetime,
                record: Mapping[str, Any] | None = None) -> str:
    """``bundle.json``. ``networks`` items: channel, label, text, hashtags, link, and
    ``length`` (``{"value", "limit", "method"}``) when the channel has a limit. ``record``:
    organisation, approver and case number of the publication record."""
    nets = []
    for n in networks:
        media = []
        for im in images:
            r = im.for_channel(n["channel"])
            if r is None:
                continue
            media.append({"file": r.file, "sha256": r.sha256, "mime": r.mime, "width": r.width,
                          "height": r.height, "bytes": r.bytes, "alt_text": im.alt_text,
                          "credit": im.credit, "public_url": r.public_url,
                          "context": {k: im.context.get(k, "") for k in ("what", "where", "when")}})
        net = {"channel": n["channel"], "label": n.get("label", n["channel"]),
               "text": n["text"], "hashtags": list(n.get("hashtags", [])),
               "link": n.get("link"), "first_comment": None, "post_type": None,
               "media": media}
        if n.get("length") is not None:
            net["length"] = dict(n["length"])
        nets.append(net)
    rec = dict(record or {})
    doc = {
        "$schema": SCHEMA_ID,
        "format": FORMAT_BUNDLE, "version": VERSION, "generator": f"Prepub {__version__}",
        "exported_at": exported_at.isoformat(timespec="seconds"),
        "posts": [{
            "id": post_id, "title": title,
            "scheduled_at": None if scheduled_at is None else scheduled_at.isoformat(timespec="minutes"),
            "timezone": zone_name,
            "record": {"organisation": str(rec.get("organisation") or ""),
                       "approver": rec.get("approver") or None,
                       "case_number": rec.get("case_number") or None},
            "networks": nets,
            "checks": dict(checks),
        }],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def manifest_json(*, bundle: str, created: datetime, draft_id: str, title: str,
                  policy: Mapping[str, Any], exported_by: Mapping[str, Any],
                  files: Sequence[Mapping[str, Any]], images: Sequence[ImageEntry],
                  findings: Sequence[Mapping[str, Any]], overrides: Sequence[Mapping[str, Any]],
                  consents: Sequence[ConsentRef], notices: Sequence[Mapping[str, Any]]) -> str:
    doc = {
        "format": FORMAT_MANIFEST, "version": VERSION, "bundle": bundle,
        "created": created.isoformat(timespec="seconds"),
        "app": {"name": "Prepub", "version": __version__},
        "draft": {"id": draft_id, "title": title},
        "policy": dict(policy), "exported_by": dict(exported_by),
        "files": list(files),
        "images": [{"index": im.index, "source_sha256": im.source_sha256,
                    "release_status": im.release_status,
                    "digital_source_type": im.digital_source_type,
                    "blurred_faces": im.blurred_faces,
                    "renditions": [{"file": r.file, "channels": r.channels} for r in im.renditions]}
                   for im in images],
        "findings": list(findings), "overrides": list(overrides),
        "consents": [c.to_dict() for c in consents],
        "notices": list(notices),
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _subject(subject: str | None, subjects: Mapping[str, str]) -> str | None:
    """An image path becomes ``image N``: file and folder names can name people or places."""
    if subject is None or subject == "post" or subject.startswith("text"):
        return subject
    return subjects.get(subject, "image")
