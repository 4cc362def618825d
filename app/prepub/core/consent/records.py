"""Shared helpers of the registry modules: the clock, the acting user, name folding, the audit
writer and the conversion of database rows into the frozen types of :mod:`.types`.

The audit writer is the only code that touches ``audit_log``, and it only inserts, each entry
linked to the one before by its hash (:mod:`.chain`).
"""

from __future__ import annotations

import getpass
import json
import unicodedata
from datetime import datetime
from typing import Any, Iterable, Mapping

import sqlalchemy as sa

from prepub.core import clock
from prepub.core.consent import chain
from prepub.core.consent import schema as t
from prepub.core.consent.types import (
    SELF, AuditEntry, Consent, ExportRecord, Guardian, Person, RegistryChange, Shoot, Signature,
    UnknownEntityError,
)

# Letters NFKD does not decompose, folded the way a Swedish or Danish speaker types them in ASCII.
_FOLD = str.maketrans({"æ": "ae", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ł": "l", "ß": "ss"})


def now() -> datetime:
    """The registry's time stamps come from the one injectable clock."""
    return clock.now()


def default_actor() -> str:
    """The operating-system user name, the actor of a change when the caller names none."""
    try:
        return getpass.getuser() or "unknown"
    except Exception:  # no user name in this environment (e.g. a container without passwd)
        return "unknown"


def fold(text: str) -> str:
    """Case- and diacritics-insensitive form of a name: ``"Åsa Ørsted"`` -> ``"asa orsted"``."""
    s = unicodedata.normalize("NFKD", text.casefold())
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.translate(_FOLD).split())


def like_pattern(query: str) -> str:
    """A LIKE pattern matching ``query`` anywhere, with ``%``, ``_`` and ``\\`` escaped."""
    q = fold(query).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{q}%"


def write_audit(conn: sa.Connection, *, actor: str | None, action: str, entity: str,
                entity_id: str | None, details: Mapping[str, Any] | None = None,
                at: datetime | None = None) -> int:
    """Append one audit entry, linked into the hash chain (:mod:`.chain`). ``details`` must
    never hold personal data (names, years, notes)."""
    when = chain.utc(at or now())
    who = actor or default_actor()
    text = json.dumps(dict(details or {}), sort_keys=True, ensure_ascii=False, default=str)
    chain.lock(conn)
    prev = chain.head(conn, t.audit_log)
    sealed = chain.entry_hash(prev_hash=prev, at=when, actor=who, action=action, entity=entity,
                              entity_id=entity_id, details=text)
    res = conn.execute(t.audit_log.insert().values(
        at=when, actor=who, action=action, entity=entity, entity_id=entity_id, details=text,
        prev_hash=prev, entry_hash=sealed))
    pk = res.inserted_primary_key
    return int(pk[0]) if pk else 0


def audit_entry(row: Any) -> AuditEntry:
    try:
        details = json.loads(row.details or "{}")
    except ValueError:
        details = {"_unreadable": True}
    return AuditEntry(id=row.id, at=row.at, actor=row.actor, action=row.action, entity=row.entity,
                      entity_id=row.entity_id, details=details)


def change(row: Any) -> RegistryChange:
    """An audit row as a :class:`RegistryChange`: whose consent status it may affect."""
    person_id = None
    if row.entity == "person":
        person_id = row.entity_id
    else:
        try:
            d = json.loads(row.details or "{}")
        except ValueError:
            d = {}
        if isinstance(d, dict):
            person_id = d.get("person_id") or d.get("child_id")
    return RegistryChange(action=row.action, entity=row.entity, entity_id=row.entity_id,
                          person_id=person_id, audit_id=int(row.id))


def person(row: Any) -> Person:
    return Person(id=row.id, name=row.name, relation=row.relation,
                  protected_identity=bool(row.protected_identity), birth_year=row.birth_year,
                  is_minor=None if row.is_minor is None else bool(row.is_minor),
                  matching_consent=bool(row.matching_consent), created_at=row.created_at,
                  updated_at=row.updated_at, deleted_at=row.deleted_at, erased=bool(row.erased))


def guardian(row: Any) -> Guardian:
    return Guardian(id=row.id, child_id=row.child_id, name=row.name, relation=row.relation,
                    contact=row.contact, created_at=row.created_at)


def shoot(row: Any) -> Shoot:
    return Shoot(id=row.id, photographer=row.photographer, date=row.date, place=row.place,
                 event=row.event, notes=row.notes, created_at=row.created_at)


def load_person(conn: sa.Connection, person_id: str) -> Person:
    row = conn.execute(sa.select(t.people).where(t.people.c.id == person_id)).first()
    if row is None:
        raise UnknownEntityError(f"no person with id {person_id!r} in the registry")
    return person(row)


def load_guardians(conn: sa.Connection, child_id: str) -> list[Guardian]:
    rows = conn.execute(sa.select(t.guardians).where(t.guardians.c.child_id == child_id)
                        .order_by(t.guardians.c.created_at, t.guardians.c.id)).all()
    return [guardian(r) for r in rows]


def load_consents(conn: sa.Connection, where: Any) -> list[Consent]:
    """Consents matching ``where`` with their channels and signatures, oldest first."""
    rows = conn.execute(sa.select(t.consents).where(where)
                        .order_by(t.consents.c.given_on, t.consents.c.created_at,
                                  t.consents.c.id)).all()
    if not rows:
        return []
    ids = [r.id for r in rows]
    channels: dict[str, list[str]] = {i: [] for i in ids}
    sigs: dict[str, list[Signature]] = {i: [] for i in ids}
    for chunk in _chunks(ids, 500):
        for c in conn.execute(sa.select(t.consent_channels)
                              .where(t.consent_channels.c.consent_id.in_(chunk))):
            channels[c.consent_id].append(c.channel)
        for s in conn.execute(sa.select(t.consent_signatures)
                              .where(t.consent_signatures.c.consent_id.in_(chunk))
                              .order_by(t.consent_signatures.c.id)):
            sigs[s.consent_id].append(Signature(
                signer=SELF if s.signer_kind == "self" else s.guardian_id, signed_at=s.signed_at))
    return [Consent(
        id=r.id, person_id=r.person_id, given_on=r.given_on, channels=tuple(sorted(channels[r.id])),
        purpose=r.purpose, signatures=tuple(sigs[r.id]), expires_on=r.expires_on,
        withdrawn_at=r.withdrawn_at, withdrawal_reason=r.withdrawal_reason,
        evidence_sha256=r.evidence_sha256, evidence_filename=r.evidence_filename,
        verbal_note=r.verbal_note, logged_by=r.logged_by, shoot_id=r.shoot_id,
        source_sheet_id=r.source_sheet_id, created_at=r.created_at) for r in rows]


def load_for_status(conn: sa.Connection, ids: list[str]) -> tuple[
        dict[str, Person], dict[str, list[Guardian]], dict[str, list[Consent]]]:
    """People, their guardians and their consents for several ids, in five queries (the
    consents of an id that is not a person are left out)."""
    people = {r.id: person(r) for r in conn.execute(
        sa.select(t.people).where(t.people.c.id.in_(ids)))}
    guardians: dict[str, list[Guardian]] = {i: [] for i in ids}
    for r in conn.execute(sa.select(t.guardians).where(t.guardians.c.child_id.in_(ids))
                          .order_by(t.guardians.c.created_at, t.guardians.c.id)):
        guardians[r.child_id].append(guardian(r))
    found: dict[str, list[Consent]] = {i: [] for i in ids}
    for c in load_consents(conn, t.consents.c.person_id.in_(list(people))):
        found[c.person_id].append(c)
    return people, guardians, found


def load_exports(conn: sa.Connection, where: Any) -> list[ExportRecord]:
    rows = conn.execute(sa.select(t.exports).where(where)
                        .order_by(t.exports.c.at, t.exports.c.id)).all()
    out = []
    for r in rows:
        files = {f.name: f.sha256 for f in conn.execute(
            sa.select(t.export_files).where(t.export_files.c.export_id == r.id)
            .order_by(t.export_files.c.name))}
        cids = tuple(c for (c,) in conn.execute(
            sa.select(t.export_consents.c.consent_id).where(t.export_consents.c.export_id == r.id)
            .order_by(t.export_consents.c.consent_id)))
        out.append(ExportRecord(id=r.id, at=r.at, bundle_path=r.bundle_path, draft_id=r.draft_id,
                                files=files, consent_ids=cids))
    return out


def _chunks(items: list[str], n: int) -> Iterable[list[str]]:
    for i in range(0, len(items), n):
        yield items[i:i + n]
