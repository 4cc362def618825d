"""Checks on one image by itself: what its file leaks, whether it can be read, and its faces.

These run right after analysis, before the user has filled anything in. The checks that need
the post draft and the consent registry (photographer, context, consent per face, trips) live in
``prepub.core.checks.post``.
"""

from __future__ import annotations

from typing import Sequence

from prepub.core.metadata.rights import restrictive
from prepub.core.model import Face, Finding, Fix, Metadata, Severity, Tagged
from prepub.core.policy import Policy
from prepub.core.rules import RuleSpec, make_finding, register

# Short references to the policy documents in ../shared/policies (and the law they rest on).
REF_IMAGES = "VIF 2 & 4: bara bilder med känt sammanhang och namngiven fotograf"
REF_APPROVAL = "VIF 2: vi publicerar aldrig bilder utan godkännande från dem bilderna föreställer; XX Fortrolighed"
REF_CHILDREN = "VIF 2: aldrig identifierbara barn; bilder på barn kräver alltid målsmans godkännande"
REF_TRIP = "VIF 3: vi kommunicerar aldrig från pågående resor"
REF_PRIVACY = "GDPR art. 5.1 c (uppgiftsminimering): platsdata och serienummer följer inte med"
REF_PROTECTED = "Skyddade personuppgifter / navne- og adressebeskyttelse: publiceras aldrig identifierbart"
REF_READ = "Prepub: det som inte kan läsas i en fil kan inte granskas"
REF_RIGHTS = "Upphovsrättslagen (1960:729) / ophavsretsloven: bilden används bara på de villkor rättighetshavaren ger"

register(
    RuleSpec("image.unreadable", Severity.BLOCK, "Prepub: en bild som inte kan läsas kan inte granskas",
             can_disable=False),
    RuleSpec("gps.present", Severity.INFO, REF_PRIVACY),  # the export removes it: a note
    RuleSpec("gps.empty", Severity.INFO, REF_PRIVACY),
    RuleSpec("image.serials", Severity.INFO, REF_PRIVACY),
    RuleSpec("image.owner_name", Severity.INFO, REF_PRIVACY),
    RuleSpec("image.embedded_preview", Severity.INFO, REF_PRIVACY),
    RuleSpec("image.face_regions", Severity.INFO, REF_PRIVACY),
    RuleSpec("image.faces_found", Severity.INFO, REF_APPROVAL),
    RuleSpec("face.unresolved", Severity.BLOCK, REF_APPROVAL, can_disable=False),
    RuleSpec("face.possible_minor", Severity.BLOCK, REF_CHILDREN, can_disable=False),
    RuleSpec("face.small", Severity.INFO, REF_APPROVAL),
    # Overridable with a reason only where the policy lists it in [export] overrides_allowed.
    RuleSpec("image.usage_terms", Severity.BLOCK, REF_RIGHTS, overridable=True),
    RuleSpec("image.metadata_damaged", Severity.WARN, REF_READ),
    RuleSpec("image.damaged", Severity.WARN, REF_READ),
)

#: Reading notes that say something was read, not that something could not be.
_NOT_DAMAGE = ("exiftool.only", "exif.multi_segment", "exif.multiple", "more")
_MAX_NOTES_SHOWN = 3


def metadata_findings(md: Metadata, *, policy: Policy, subject: str) -> list[Finding]:
    """What the file itself carries that will not leave Prepub (all of it is stripped on export),
    and usage terms in it that restrict use (those are kept on export and must be read)."""
    out: list[Finding | None] = []
    if md.gps is not None:
        out.append(make_finding("gps.present", policy, subject=subject,
                                params={"lat": round(md.gps.lat, 6), "lon": round(md.gps.lon, 6),
                                        "source": md.gps.source}))
    elif md.gps_present:
        out.append(make_finding("gps.empty", policy, subject=subject))
    if md.serial_numbers:
        out.append(make_finding("image.serials", policy, subject=subject,
                                params={"count": len(md.serial_numbers),
                                        "sources": ", ".join(s.source for s in md.serial_numbers)}))
    if md.owner_name is not None:
        out.append(make_finding("image.owner_name", policy, subject=subject,
                                params={"name": md.owner_name.value}))
    if md.has_thumbnail or md.has_preview:
        out.append(make_finding("image.embedded_preview", policy, subject=subject))
    if md.has_face_regions or md.persons_shown:
        out.append(make_finding("image.face_regions", policy, subject=subject,
                                params={"names": ", ".join(p.value for p in md.persons_shown)}))
    out += rights_findings(md, policy=policy, subject=subject)
    out.append(metadata_damage_finding(md, policy=policy, subject=subject))
    return [f for f in out if f is not None]


def metadata_damage_finding(md: Metadata, *, policy: Policy, subject: str) -> Finding | None:
    """Parts of the file's metadata that could not be read (a refused XMP packet, a truncated
    PNG chunk, corrupt EXIF): what is in them was not checked. ``notes`` are the reader's
    technical notes (code: detail), the first few; ``codes`` their codes."""
    problems = [n for n in md.warnings if n.partition(":")[0].strip() not in _NOT_DAMAGE]
    if not problems:
        return None
    codes = list(dict.fromkeys(n.partition(":")[0].strip() for n in problems))
    shown = "; ".join(n[:160] for n in problems[:_MAX_NOTES_SHOWN])
    if len(problems) > _MAX_NOTES_SHOWN:
        shown += f"; … (+{len(problems) - _MAX_NOTES_SHOWN})"
    return make_finding("image.metadata_damaged", policy, subject=subject,
                        params={"count": len(problems), "codes": ", ".join(codes), "notes": shown})


def damage_findings(reason: str | None, *, policy: Policy, subject: str) -> list[Finding]:
    """The picture data is damaged although it decodes (a JPEG with a flipped bit decodes to
    garbled blocks without an error): parts of the picture may be garbled."""
    if not reason:
        return []
    f = make_finding("image.damaged", policy, subject=subject, params={"reason": reason})
    return [f] if f is not None else []


def rights_findings(md: Metadata, *, policy: Policy, subject: str) -> list[Finding]:
    """Usage terms in the original that restrict use ("may not be used in … political
    materials", "editorial use only"): the user must read them before publishing. They are
    kept in the exported file, never stripped (``prepub.core.export.plan.image_meta``)."""
    terms = restrictive_terms(md)
    if terms is None:
        return []
    f = make_finding("image.usage_terms", policy, subject=subject,
                     params={"terms": terms.value, "source": terms.source},
                     fix=Fix(action="edit_field", params={"field": "source"}))
    return [f] if f is not None else []


def restrictive_terms(md: Metadata) -> Tagged[str] | None:
    """The original's usage terms (``xmpRights:UsageTerms``), or its copyright notice, when
    they restrict how the photo may be used; None when neither does."""
    for t in (getattr(md, "usage_terms", None), md.copyright):
        if t is not None and restrictive(str(t.value)):
            return t
    return None


def identifiable(face: Face, policy: Policy) -> bool:
    """A face at least ``detector_min_face_px`` tall in the full-size image counts as identifiable."""
    return face.height >= int(policy.faces.detector_min_face_px)


def face_findings(faces: Sequence[Face], *, policy: Policy, subject: str) -> list[Finding]:
    """Faces found before any decision: each identifiable face blocks until resolved."""
    out: list[Finding | None] = []
    if faces:
        out.append(make_finding("image.faces_found", policy, subject=subject,
                                params={"count": len(faces),
                                        "minors": sum(1 for f in faces if f.possible_minor)}))
    for f in faces:
        if not identifiable(f, policy):
            out.append(make_finding("face.small", policy, subject=subject, face=f.index,
                                    params={"height": f.height}))
            continue
        if f.possible_minor:
            out.append(make_finding("face.possible_minor", policy, subject=subject, face=f.index,
                                    params={"age": round(f.age or 0),
                                            "threshold": round(policy.minor_age_threshold)},
                                    fix=Fix(action="resolve_face", params={"face": f.index})))
        else:
            out.append(make_finding("face.unresolved", policy, subject=subject, face=f.index,
                                    fix=Fix(action="resolve_face", params={"face": f.index})))
    return [f for f in out if f is not None]


def unreadable_finding(reason: str, *, policy: Policy, subject: str, code: str = "") -> Finding:
    params = {"reason": reason, "code": code} if code else {"reason": reason}
    f = make_finding("image.unreadable", policy, subject=subject, params=params)
    assert f is not None  # cannot be disabled
    return f
