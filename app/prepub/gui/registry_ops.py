"""Registry work the consent windows run on the one-thread ``write`` pool.

Each function takes the open registry (and what it needs) and returns plain values for the
windows; none touches Qt, so every call can run off the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Sequence

from prepub.core.policy import Policy
from prepub.core.workers import NoSingleFace  # noqa: F401 - what reference_encoding raises


@dataclass(frozen=True)
class PersonRow:
    person: Any  # prepub.core.consent.types.Person
    state: str  # valid, expiring, expired, withdrawn, none, guardian_missing, protected
    channels: tuple[str, ...]  # channels covered by a valid consent today
    expires_on: date | None


@dataclass(frozen=True)
class ConsentRow:
    consent: Any  # Consent
    state: str  # valid, expired, withdrawn, not_yet
    signers: tuple[str, ...]  # names ("self" becomes the person's name)


def _ages(policy: Policy) -> dict[str, int]:
    return {"guardian_consent_age": policy.consent.guardian_consent_age,
            "all_custodians_under": policy.consent.all_custodians_under}


def people_overview(registry: Any, *, policy: Policy, today: date) -> list[PersonRow]:
    """Every person with a one-word state of their consents today."""
    rows = []
    reminder = int(policy.consent.reminder_days)
    for p in registry.list_people():
        consents = registry.consents_for(p.id)
        valid = [c for c in consents if consent_state(c, today) == "valid"]
        channels = tuple(sorted({ch for c in valid for ch in c.channels}))
        status = registry.consent_status(p.id, channels=[], on=today, **_ages(policy))
        expires = status.expires_on
        if p.protected_identity:
            state = "protected"
        elif status.valid:
            state = "expiring" if expires is not None and expires <= today + timedelta(days=reminder) \
                else "valid"
        elif any(r in ("guardian_required", "all_custodians_required") for r in status.reasons):
            state = "guardian_missing"
        elif consents and all(c.withdrawn for c in consents):
            state = "withdrawn"
        elif any(consent_state(c, today) == "expired" for c in consents):
            state = "expired"
        else:
            state = "none"
        rows.append(PersonRow(person=p, state=state, channels=channels, expires_on=expires))
    return rows


def consent_state(c: Any, today: date) -> str:
    if c.withdrawn:
        return "withdrawn"
    if c.given_on > today:
        return "not_yet"
    if c.expires_on is not None and c.expires_on < today:
        return "expired"
    return "valid"


def person_details(registry: Any, person_id: str, *, today: date
                   ) -> tuple[Any, list[Any], list[ConsentRow], int]:
    """(person, guardians, consents, number of face references)."""
    person = registry.get_person(person_id)
    guardians = registry.guardians_of(person_id)
    names = {g.id: g.name for g in guardians}
    rows = []
    for c in registry.consents_for(person_id):
        signers = tuple(person.name if s == "self" else names.get(s, s) for s in c.signers)
        rows.append(ConsentRow(consent=c, state=consent_state(c, today), signers=signers))
    refs = len(registry.face_references(person_id)) if person.matching_consent else 0
    return person, guardians, rows, refs


def withdraw(registry: Any, consent_id: str, *, reason: str, actor: str) -> list[Any]:
    """Withdraw; returns the earlier exports that used the consent."""
    return list(registry.withdraw_consent(consent_id, reason=reason, actor=actor or None))


@dataclass(frozen=True)
class SheetImport:
    """What importing a consent sheet added, in the words a user counts: people, consents,
    guardians and face references (the core's ``added`` counts every row, the shoot too)."""

    result: Any  # prepub.core.consent.types.ImportResult
    people: int = 0
    consents: int = 0
    guardians: int = 0
    references: int = 0

    @property
    def anything(self) -> bool:
        return bool(self.people or self.consents or self.guardians or self.references)


_COUNTED = {"person.add": "people", "consent.add": "consents", "guardian.add": "guardians",
            "face_ref.add": "references"}


def import_sheet(registry: Any, path: str, *, actor: str) -> SheetImport:
    """Import a photographer's consent sheet; the audit log written by the import says what
    it added."""
    from prepub.core.consent.sheet import import_sheet as core_import

    cursor = registry.latest_change()
    result = core_import(registry, path, actor=actor or None)
    counts = dict.fromkeys(_COUNTED.values(), 0)
    if result.added:
        for change in registry.changes_since(cursor, limit=1_000_000):
            key = _COUNTED.get(change.action)
            if key is not None:
                counts[key] += 1
    return SheetImport(result=result, **counts)


def export_sheet(registry: Any, *, shoot_id: str, out_path: str, actor: str) -> Path:
    from prepub.core.consent.sheet import export_sheet as core_export

    return Path(core_export(registry, shoot_id=shoot_id, out_path=out_path, actor=actor or None))


def sheet_suffix() -> str:
    from prepub.core.consent.sheet import SUFFIX

    return str(SUFFIX)


@dataclass(frozen=True)
class NewPerson:
    """Everything the photographer mode logs for one person in one go."""

    name: str
    relation: str
    is_minor: bool
    birth_year: int | None
    guardians: Sequence[str]  # guardian names for a child
    channels: Sequence[str]
    purpose: str
    given_on: date
    expires_on: date | None
    matching_consent: bool
    reference_encoding: Any  # from reference_encoding(photo), only with matching consent
    evidence_file: str | None
    verbal_note: str | None
    logged_by: str
    shoot_id: str | None


def add_person_with_consent(registry: Any, new: NewPerson) -> tuple[Any, Any]:
    """Add the person, their guardians, the consent and (only with matching consent) the face
    reference. Returns (person, consent)."""
    encoding = new.reference_encoding if new.matching_consent else None
    person = registry.add_person(name=new.name, relation=new.relation, birth_year=new.birth_year,
                                 is_minor=True if new.is_minor else None,
                                 matching_consent=new.matching_consent)
    try:
        signers: list[str] = []
        for g in new.guardians:
            if g.strip():
                signers.append(registry.add_guardian(child_id=person.id, name=g.strip()).id)
        if not new.is_minor:
            signers.insert(0, "self")
        consent = registry.add_consent(
            person_id=person.id, channels=list(new.channels), purpose=new.purpose,
            given_on=new.given_on, signed_by=signers, logged_by=new.logged_by,
            expires_on=new.expires_on, evidence_file=new.evidence_file,
            verbal_note=new.verbal_note, shoot_id=new.shoot_id)
        if encoding is not None:
            registry.add_face_reference(person.id, encoding=encoding)
    except Exception:
        registry.delete_person(person.id)  # no half-logged person stays behind
        raise
    return person, consent


def reference_encoding(path: str) -> Any:
    """The 128-d encoding of the one clear face in a reference photo, made in the helper
    process (raises :class:`NoSingleFace`): the face models never load in the window's."""
    from prepub.gui.services import reference_encoding as encode

    return encode(path)


def add_reference_photo(registry: Any, person_id: str, path: str, *, actor: str) -> int:
    """Encode the face in ``path`` (helper process) and store it as a reference of the person
    (who must have agreed to face matching); returns how many references they now have."""
    registry.add_face_reference(person_id, encoding=reference_encoding(path), actor=actor or None)
    return len(registry.face_references(person_id))
