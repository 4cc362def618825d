"""Which consents an export relies on, and the model-release status each image declares.

This module owns the bridge from the consent registry to the bundle: :func:`image_release`
counts, per image, the identifiable people (faces the user linked to a person, or left
undecided) and those whose consent covers every exported channel, and turns that into a PLUS
model-release status (research rule 8) with the consent ids as opaque release ids.
:func:`consent_refs` describes the consents for the manifest and the publication record without
names, ages or any detail of a minor: a minor's consent is only "guardian consent, id …".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Iterable, Sequence

from prepub.core.draft import DraftImage
from prepub.core.export.xmp import release_status_for
from prepub.core.policy import Policy

ADULT_AGE = 18


@dataclass(frozen=True)
class ConsentRef:
    """A consent relied on, as the bundle may show it. ``minor``: show the id only."""

    id: str
    channels: tuple[str, ...] = ()
    expires_on: date | None = None
    minor: bool = False

    def to_dict(self) -> dict[str, Any]:
        if self.minor:
            return {"id": self.id, "kind": "guardian"}
        return {"id": self.id, "kind": "person", "channels": list(self.channels),
                "expires_on": None if self.expires_on is None else self.expires_on.isoformat()}


@dataclass(frozen=True)
class Release:
    status: str  # PLUS MR-* code
    consent_ids: tuple[str, ...]
    identifiable: int
    covered: int


def image_release(im: DraftImage, *, registry: Any, channels: Sequence[str], policy: Policy,
                  today: date) -> Release:
    """The model-release status of ``im`` for ``channels``.

    Faces the user blurred or called not identifiable are not counted; a face linked to a person
    counts as covered when the registry says that person's consents cover every channel; an
    undecided face counts as not covered."""
    cons = policy.consent
    identifiable = covered = 0
    ids: list[str] = []
    for face in im.faces:
        if face.decision in ("blur", "not_identifiable"):
            continue
        identifiable += 1
        if face.decision != "person" or not face.person_id or registry is None:
            continue
        try:
            status = registry.consent_status(
                face.person_id, channels=list(channels), on=today,
                guardian_consent_age=cons.guardian_consent_age,
                all_custodians_under=cons.all_custodians_under)
        except Exception:  # noqa: BLE001 - an unreadable record is "not covered", never a crash
            continue
        if getattr(status, "valid", False):
            covered += 1
            ids.extend(i for i in getattr(status, "consent_ids", ()) if i not in ids)
    return Release(status=release_status_for(identifiable=identifiable, covered=covered),
                   consent_ids=tuple(ids), identifiable=identifiable, covered=covered)


def consent_refs(consent_ids: Iterable[str], *, registry: Any, today: date) -> list[ConsentRef]:
    """The consents ``consent_ids`` as :class:`ConsentRef`, sorted by id. Without a registry (or
    for an id it does not know) only the id is given, treated as a minor's so nothing leaks."""
    out: list[ConsentRef] = []
    for cid in sorted(set(consent_ids)):
        consent = person = None
        if registry is not None:
            try:
                consent = registry.get_consent(cid)
                person = registry.get_person(consent.person_id)
            except Exception:  # noqa: BLE001 - unknown or unreadable: show the id only
                consent = None
        if consent is None:
            out.append(ConsentRef(id=cid, minor=True))
            continue
        by_guardian = any(getattr(s, "by_guardian", False) for s in getattr(consent, "signatures", ()))
        out.append(ConsentRef(id=cid, channels=tuple(getattr(consent, "channels", ())),
                              expires_on=getattr(consent, "expires_on", None),
                              minor=by_guardian or _is_minor(person, today)))
    return out


def _is_minor(person: Any, today: date) -> bool:
    if person is None:
        return True
    year = getattr(person, "birth_year", None)
    if isinstance(year, int):
        return today.year - year < ADULT_AGE + 1  # born this year - 18 may still be 17
    return bool(getattr(person, "is_minor", False))
