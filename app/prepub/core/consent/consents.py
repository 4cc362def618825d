"""Consent records and the export log: adding, withdrawing, and which bundles used a consent.

Functions here run inside a transaction the caller opened (``Registry`` or the sheet import) and
write an audit entry for every change. Audit details hold ids, channels and dates only: free
text (purpose, notes, withdrawal reasons) stays in the consent row, where erasure can blank it.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Mapping, Sequence

import sqlalchemy as sa

from prepub.core.consent import records
from prepub.core.consent import schema as t
from prepub.core.consent.status import normalise_channels
from prepub.core.consent.types import (
    SELF, Consent, ConsentWithdrawnError, ExportRecord, RegistryError, Signature,
    UnknownEntityError,
)


def insert(conn: sa.Connection, *, person_id: str, channels: Sequence[str], purpose: str,
           given_on: date, signatures: Sequence[Signature], logged_by: str,
           expires_on: date | None = None, evidence_sha256: str | None = None,
           evidence_filename: str | None = None, verbal_note: str | None = None,
           shoot_id: str | None = None, consent_id: str | None = None,
           source_sheet_id: str | None = None, withdrawn_at: datetime | None = None,
           withdrawal_reason: str = "", created_at: datetime | None = None,
           actor: str | None) -> Consent:
    """Validate and insert one consent with its channels and signatures."""
    person = records.load_person(conn, person_id)
    if person.erased:
        raise RegistryError(f"person {person_id} was erased; no consent can be added")
    chans = normalise_channels(channels)
    if not chans:
        raise RegistryError("a consent must name at least one channel (SKR: 'may I use the photo' "
                            "is not enough)")
    if any(len(c) > 40 for c in chans):
        raise RegistryError("a channel name is longer than 40 characters")
    if not purpose.strip():
        raise RegistryError("a consent must state its purpose")
    if not logged_by.strip():
        raise RegistryError("a consent must say who logged it (logged_by)")
    if expires_on is not None and expires_on < given_on:
        raise RegistryError("a consent cannot expire before it was given")
    if evidence_sha256 is None and not (verbal_note and verbal_note.strip()):
        raise RegistryError("a consent needs evidence: a signed form file or a note of the "
                            "verbal consent")
    if not signatures:
        raise RegistryError("a consent must say who gave it: 'self' or guardian ids")
    own_guardians = {g.id for g in records.load_guardians(conn, person_id)}
    seen: set[str] = set()
    for s in signatures:
        if s.signer in seen:
            raise RegistryError(f"{s.signer!r} is named twice among the signers")
        seen.add(s.signer)
        if s.signer != SELF and s.signer not in own_guardians:
            raise RegistryError(f"{s.signer!r} is not a registered guardian of person {person_id}")
    if shoot_id is not None and conn.execute(
            sa.select(t.shoots.c.id).where(t.shoots.c.id == shoot_id)).first() is None:
        raise UnknownEntityError(f"no shoot with id {shoot_id!r} in the registry")
    cid = consent_id or str(uuid.uuid4())
    at = created_at or records.now()
    conn.execute(t.consents.insert().values(
        id=cid, person_id=person_id, given_on=given_on, purpose=purpose.strip(),
        expires_on=expires_on, withdrawn_at=withdrawn_at, withdrawal_reason=withdrawal_reason,
        evidence_sha256=evidence_sha256, evidence_filename=evidence_filename,
        verbal_note=verbal_note, logged_by=logged_by.strip(), shoot_id=shoot_id,
        source_sheet_id=source_sheet_id, created_at=at))
    conn.execute(t.consent_channels.insert(), [{"consent_id": cid, "channel": c} for c in chans])
    conn.execute(t.consent_signatures.insert(), [
        {"consent_id": cid, "signer_kind": "self" if s.signer == SELF else "guardian",
         "guardian_id": None if s.signer == SELF else s.signer, "signed_at": s.signed_at}
        for s in signatures])
    records.write_audit(conn, actor=actor, action="consent.add", entity="consent", entity_id=cid,
                        details={"person_id": person_id, "channels": list(chans),
                                 "given_on": given_on.isoformat(),
                                 "expires_on": expires_on.isoformat() if expires_on else None,
                                 "signers": len(signatures),
                                 "guardian_signed": any(s.by_guardian for s in signatures),
                                 "evidence": "file" if evidence_sha256 else "verbal",
                                 "shoot_id": shoot_id, "source_sheet_id": source_sheet_id,
                                 "withdrawn": withdrawn_at is not None})
    return get(conn, cid)


def get(conn: sa.Connection, consent_id: str) -> Consent:
    found = records.load_consents(conn, t.consents.c.id == consent_id)
    if not found:
        raise UnknownEntityError(f"no consent with id {consent_id!r} in the registry")
    return found[0]


def withdraw(conn: sa.Connection, consent_id: str, *, at: datetime, reason: str,
             actor: str | None) -> list[ExportRecord]:
    """Mark a consent withdrawn (an earlier withdrawal stands) and list exports that used it."""
    c = get(conn, consent_id)
    if c.withdrawn_at is None:
        conn.execute(t.consents.update().where(t.consents.c.id == consent_id)
                     .values(withdrawn_at=at, withdrawal_reason=reason.strip()))
        records.write_audit(conn, actor=actor, action="consent.withdraw", entity="consent",
                            entity_id=consent_id, details={"person_id": c.person_id,
                                                           "at": at.isoformat()})
    return exports_using(conn, consent_id)


def record_export(conn: sa.Connection, *, bundle_path: str, draft_id: str | None,
                  files: Mapping[str, str], consent_ids: Sequence[str], actor: str | None,
                  at: datetime | None = None) -> ExportRecord:
    eid = str(uuid.uuid4())
    when = at or records.now()
    ids = sorted(set(consent_ids))
    for cid in ids:
        get(conn, cid)  # an unknown id is an error; a record of what happened is never refused
    for name, digest in files.items():
        if len(digest) != 64:
            raise RegistryError(f"{name}: {digest!r} is not a SHA-256 hash")
    conn.execute(t.exports.insert().values(id=eid, at=when, bundle_path=str(bundle_path),
                                           draft_id=draft_id))
    if files:
        conn.execute(t.export_files.insert(), [{"export_id": eid, "name": n, "sha256": h.lower()}
                                               for n, h in files.items()])
    if ids:
        conn.execute(t.export_consents.insert(), [{"export_id": eid, "consent_id": c} for c in ids])
    records.write_audit(conn, actor=actor, action="export.record", entity="export", entity_id=eid,
                        details={"bundle_path": str(bundle_path), "draft_id": draft_id,
                                 "files": {n: h.lower() for n, h in files.items()},
                                 "consent_ids": ids})
    return records.load_exports(conn, t.exports.c.id == eid)[0]


def recheck(conn: sa.Connection, consent_ids: Sequence[str], *, at: datetime) -> None:
    """Refuse (:class:`ConsentWithdrawnError`) when a consent an export relies on is withdrawn
    at ``at``, expired on its day, or its person erased: read inside the export's transaction.
    An unknown id is left to :func:`record_export` (UnknownEntityError)."""
    ids = sorted(set(consent_ids))
    if not ids:
        return
    day = at.astimezone().date()
    rows = conn.execute(
        sa.select(t.consents.c.id, t.consents.c.withdrawn_at, t.consents.c.expires_on,
                  t.people.c.erased)
        .join(t.people, t.people.c.id == t.consents.c.person_id)
        .where(t.consents.c.id.in_(ids))).all()
    bad = sorted(r.id for r in rows
                 if (r.withdrawn_at is not None and r.withdrawn_at <= at) or r.erased
                 or (r.expires_on is not None and r.expires_on < day))
    if bad:
        raise ConsentWithdrawnError(
            f"{len(bad)} consent(s) this export relies on are no longer valid (withdrawn, "
            "expired or erased) in the registry; check the post again", consent_ids=tuple(bad))


def exports_using(conn: sa.Connection, consent_id: str) -> list[ExportRecord]:
    used = sa.select(t.export_consents.c.export_id).where(
        t.export_consents.c.consent_id == consent_id)
    return records.load_exports(conn, t.exports.c.id.in_(used))
