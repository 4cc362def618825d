"""The consent registry's value types: frozen dataclasses the registry returns (never ORM rows).

Everything the registry hands out is one of these. They carry codes, ids and dates, never
prose; ``ImportConflict.describe()`` is the one plain-English fallback for logs and the CLI.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Mapping

RELATIONS = ("staff", "elected", "member", "public", "external")
GUARDIAN_RELATIONS = ("parent", "custodian", "guardian", "other")
SELF = "self"  # the signer of a consent the person gave themselves

# Reason codes of ConsentStatus, in the order they are reported.
REASONS = (
    "unknown_person",
    "person_erased",
    "protected_identity",
    "no_consent",
    "not_yet_given",
    "expired",
    "withdrawn",
    "guardian_required",
    "all_custodians_required",
    "channel_missing",
)


class RegistryError(Exception):
    """The registry cannot be opened or a request is not allowed; the message says why."""


class UnknownEntityError(RegistryError, LookupError):
    """A person, guardian, shoot or consent id that is not in the registry."""


class NotAllowedError(RegistryError, PermissionError):
    """The database refused: this login's team role may not do that (e.g. a photographer
    withdrawing a consent). ``action`` is the registry method that was refused."""

    def __init__(self, message: str, *, action: str = "") -> None:
        super().__init__(message)
        self.action = action


class RegistryUnreachable(RegistryError):
    """The team registry's server did not answer (no network, server down, connection lost):
    a window can fall back to the offline copy and try again later."""


class PasswordRequired(RegistryError):
    """The team registry's server wants a password this login does not have (none in the
    keyring, or the stored one is wrong): ask the user once, then open again with it."""


class ConsentWithdrawnError(RegistryError):
    """An export was about to be logged against a consent that was withdrawn (or expired, or
    whose person was erased) meanwhile: the re-check in the export's own transaction refused."""

    def __init__(self, message: str, *, consent_ids: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.consent_ids = consent_ids


@dataclass(frozen=True)
class RegistryChange:
    """Something changed in the registry (from the audit log, or a database notification).

    ``audit_id`` orders changes and is the cursor for :meth:`Registry.changes_since`; a change
    seen only through a notification (a statement run outside Prepub) has ``audit_id`` None.
    ``person_id`` names whose consent status may have changed, when known."""

    action: str  # an audit action ("consent.add", "consent.withdraw", "person.erase", …) or "changed"
    entity: str
    entity_id: str | None
    person_id: str | None
    audit_id: int | None = None

    @property
    def affects_consent(self) -> bool:
        """Whether a draft's consent findings may have changed (re-evaluate then)."""
        return self.entity in ("consent", "consents", "person", "people", "guardian", "sheet") \
            or self.action in ("person.erase", "changed")


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    relation: str  # one of RELATIONS
    protected_identity: bool
    birth_year: int | None
    is_minor: bool | None  # the "minor" flag when the birth year is unknown
    matching_consent: bool  # agreed to face matching (biometric processing)
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None = None
    erased: bool = False


@dataclass(frozen=True)
class Guardian:
    id: str
    child_id: str
    name: str
    relation: str  # one of GUARDIAN_RELATIONS
    contact: str
    created_at: datetime


@dataclass(frozen=True)
class Shoot:
    id: str
    photographer: str
    date: date
    place: str
    event: str
    notes: str
    created_at: datetime


@dataclass(frozen=True)
class Signature:
    """Who signed a consent: ``signer`` is ``"self"`` or a guardian id."""

    signer: str
    signed_at: datetime

    @property
    def by_guardian(self) -> bool:
        return self.signer != SELF


@dataclass(frozen=True)
class Consent:
    id: str
    person_id: str
    given_on: date
    channels: tuple[str, ...]  # sorted, lower case: "website", "facebook", "instagram", ...
    purpose: str
    signatures: tuple[Signature, ...]
    expires_on: date | None  # last day the consent is valid; None = until withdrawn
    withdrawn_at: datetime | None
    withdrawal_reason: str
    evidence_sha256: str | None  # the signed form, kept by hash in the evidence folder
    evidence_filename: str | None
    verbal_note: str | None  # or: a verbal consent, and who logged it
    logged_by: str
    shoot_id: str | None
    source_sheet_id: str | None  # the consent sheet it was imported from
    created_at: datetime

    @property
    def signers(self) -> frozenset[str]:
        return frozenset(s.signer for s in self.signatures)

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_at is not None


@dataclass(frozen=True)
class ConsentStatus:
    """Whether a person's consents cover ``channels`` on a date.

    ``reasons`` holds codes from :data:`REASONS` (empty when valid). ``consent_ids`` are the
    consents relied on, ``expires_on`` the soonest expiry among them (None: none expires).
    """

    person_id: str
    valid: bool
    missing_channels: tuple[str, ...]
    reasons: tuple[str, ...]
    consent_ids: tuple[str, ...]
    expires_on: date | None
    guardian_required: bool = False
    all_custodians_required: bool = False


@dataclass(frozen=True)
class FaceReference:
    id: str
    person_id: str
    created_at: datetime


@dataclass(frozen=True)
class Match:
    """A proposed (never automatic) link between a face and a person; smaller distance is closer."""

    person_id: str
    name: str
    distance: float


@dataclass(frozen=True)
class ExportRecord:
    id: str
    at: datetime
    bundle_path: str
    draft_id: str | None
    files: Mapping[str, str]  # file name -> sha256
    consent_ids: tuple[str, ...]


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    actor: str
    action: str  # e.g. "person.add", "consent.withdraw", "person.erase", "export.record"
    entity: str  # "person", "guardian", "shoot", "consent", "face_ref", "export", "sheet"
    entity_id: str | None
    details: Mapping[str, Any]


@dataclass(frozen=True)
class AuditChainReport:
    """The audit log's hash chain checked entry by entry (:mod:`.chain`).

    ``reason`` of a break: ``content`` (the entry was changed after it was written), ``link``
    (an entry before it was removed, inserted or re-hashed), ``unsealed`` (it has no hash)."""

    ok: bool
    entries: int  # entries checked (up to and including the broken one)
    broken_at: int | None = None  # id of the first entry that does not hold
    reason: str | None = None
    head: str | None = None  # the newest entry's hash when the whole chain holds


@dataclass(frozen=True)
class ImportConflict:
    """Something in a consent sheet that disagrees with the local registry and was not applied."""

    kind: str  # person_differs, person_erased, possible_duplicate, guardian_differs, consent_differs
    entity: str
    entity_id: str
    field: str | None = None
    local: Any = None
    incoming: Any = None

    def describe(self) -> str:
        """A plain-English sentence (the GUI translates from the fields instead)."""
        if self.kind == "person_differs":
            return (f"Person {self.entity_id}: {self.field} differs (here {self.local!r}, "
                    f"in the sheet {self.incoming!r}); the local value was kept.")
        if self.kind == "person_erased":
            return f"Person {self.entity_id} was erased here; the sheet's data for them was not imported."
        if self.kind == "possible_duplicate":
            return (f"Person {self.entity_id} in the sheet has the same name as local person "
                    f"{self.local}; check whether they are the same person.")
        if self.kind == "guardian_differs":
            return (f"Guardian {self.entity_id}: {self.field} differs (here {self.local!r}, "
                    f"in the sheet {self.incoming!r}); the local value was kept.")
        if self.kind == "consent_differs":
            return (f"Consent {self.entity_id}: {self.field} differs (here {self.local!r}, "
                    f"in the sheet {self.incoming!r}); the local record was kept.")
        return f"{self.entity} {self.entity_id}: {self.kind}"

    def __str__(self) -> str:
        return self.describe()


@dataclass(frozen=True)
class ImportResult:
    """What importing a consent sheet did. ``added`` counts new rows of every kind."""

    sheet_id: str
    added: int
    unchanged: int
    conflicts: tuple[ImportConflict, ...]
    skipped_withdrawn: int  # sheet consents not applied because a later local withdrawal wins
    withdrawals_applied: int = 0  # local consents the sheet withdrew
    updated: int = 0  # local people made more protective (protected identity) by the sheet
