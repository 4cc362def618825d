"""The consent registry: people, guardians, shoots, consents, face references, exports, audit.

Open it with :func:`prepub.core.consent.open_registry`. Every method runs in its own transaction,
returns frozen dataclasses from :mod:`.types` (never ORM rows) and, when it changes something,
appends an audit entry naming ``actor`` (default: the operating-system user). The audit log can
only grow: no method updates or deletes it, and on SQLite/PostgreSQL a trigger refuses both.
Its entries form a hash chain (:mod:`.chain`), checked on open (:attr:`Registry.audit_chain`),
by :meth:`Registry.verify_audit` (``prepub registry verify``) and before an export is logged, so
an entry rewritten behind the triggers' back is found.

Face matching is biometric processing. The registry stores references only for people who
agreed to it, and :meth:`Registry.match_faces` only *proposes* candidates with a distance; it
never links a face to a person. Whether matching runs at all is the policy's decision
(``[faces] matching``, off by default), which the caller checks before calling it.

A Registry is safe to share between threads; several processes may open the same file.

On a team registry (PostgreSQL) the database decides what each login may do (:mod:`.roles`);
a refusal is raised as :class:`NotAllowedError`. Evidence files live in the database there.
:meth:`Registry.changes_since` lists changes after an audit entry, the cursor that
:class:`prepub.core.consent.watch.RegistryWatcher` follows on both engines.
"""

from __future__ import annotations

import uuid
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterator, Mapping, Sequence

import numpy as np
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from prepub.core import clock
from prepub.core.consent import consents as _consents
from prepub.core.consent import chain, erasure, faces, records
from prepub.core.consent import schema as t
from prepub.core.consent.evidence import EvidenceStore, read_source
from prepub.core.consent.status import evaluate
from prepub.core.consent.store import WRITE_OPTION, checkpoint
from prepub.core.consent.types import (
    GUARDIAN_RELATIONS, RELATIONS, SELF, AuditChainReport, AuditEntry, Consent, ConsentStatus,
    ConsentWithdrawnError, ExportRecord,
    FaceReference, Guardian, Match, NotAllowedError, Person, RegistryChange, RegistryError, Shoot,
    Signature, UnknownEntityError,
)

_UNSET: Any = object()


class Registry:
    """An open consent registry. Use :func:`open_registry`; call :meth:`close` when done."""

    def __init__(self, *, engine: Engine, evidence_dir: Path, location: str,
                 audit_chain: AuditChainReport | None = None, evidence_store: Any = None) -> None:
        self._engine = engine
        self.evidence: Any = evidence_store if evidence_store is not None \
            else EvidenceStore(evidence_dir)
        self.location = location  # the file path or the URL without password, for messages
        self._audit_chain = audit_chain

    # --- plumbing ------------------------------------------------------------------------------

    @property
    def dialect(self) -> str:
        """``"sqlite"`` (a personal registry) or ``"postgresql"`` (a team registry)."""
        return self._engine.dialect.name

    def close(self) -> None:
        self.evidence.close()
        self._engine.dispose()

    def __enter__(self) -> "Registry":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[sa.Connection]:
        """A writing transaction (BEGIN IMMEDIATE on SQLite: writers queue, none fails)."""
        try:
            with self._engine.connect().execution_options(**{WRITE_OPTION: True}) as conn:
                with conn.begin():
                    yield conn
        except sa.exc.DBAPIError as e:
            _refused(e)
            raise

    @contextmanager
    def _read(self) -> Iterator[sa.Connection]:
        try:
            with self._engine.connect() as conn:
                with conn.begin():
                    yield conn
        except sa.exc.DBAPIError as e:
            _refused(e)
            raise

    # --- people --------------------------------------------------------------------------------

    def add_person(self, *, name: str, relation: str, protected_identity: bool = False,
                   birth_year: int | None = None, is_minor: bool | None = None,
                   matching_consent: bool = False, person_id: str | None = None,
                   actor: str | None = None) -> Person:
        name = _clean_name(name)
        _check_relation(relation)
        _check_birth_year(birth_year)
        pid = person_id or str(uuid.uuid4())
        at = records.now()
        with self._write() as conn:
            conn.execute(t.people.insert().values(
                id=pid, name=name, name_folded=records.fold(name), relation=relation,
                protected_identity=protected_identity, birth_year=birth_year, is_minor=is_minor,
                matching_consent=matching_consent, created_at=at, updated_at=at, erased=False))
            records.write_audit(conn, actor=actor, action="person.add", entity="person",
                                entity_id=pid, details={"relation": relation,
                                                        "matching_consent": matching_consent})
            return records.load_person(conn, pid)

    def update_person(self, person_id: str, *, name: str = _UNSET, relation: str = _UNSET,
                      protected_identity: bool = _UNSET, birth_year: int | None = _UNSET,
                      is_minor: bool | None = _UNSET, matching_consent: bool = _UNSET,
                      actor: str | None = None) -> Person:
        """Change the given fields. Withdrawing matching consent deletes the face references."""
        values: dict[str, Any] = {}
        if name is not _UNSET:
            values["name"] = _clean_name(name)
            values["name_folded"] = records.fold(values["name"])
        if relation is not _UNSET:
            _check_relation(relation)
            values["relation"] = relation
        if birth_year is not _UNSET:
            _check_birth_year(birth_year)
            values["birth_year"] = birth_year
        for key, v in (("protected_identity", protected_identity), ("is_minor", is_minor),
                       ("matching_consent", matching_consent)):
            if v is not _UNSET:
                values[key] = v
        with self._write() as conn:
            p = records.load_person(conn, person_id)
            if p.erased:
                raise RegistryError(f"person {person_id} was erased and cannot be changed")
            if not values:
                return p
            conn.execute(t.people.update().where(t.people.c.id == person_id)
                         .values(**values, updated_at=records.now()))
            removed = 0
            if values.get("matching_consent") is False:
                removed = faces.delete_for(conn, person_id)
            records.write_audit(conn, actor=actor, action="person.update", entity="person",
                                entity_id=person_id,
                                details={"fields": sorted(k for k in values if k != "name_folded"),
                                         "face_refs_deleted": removed})
            return records.load_person(conn, person_id)

    def confirm_adult(self, person_id: str, *, actor: str | None = None) -> bool:
        """Remember that someone who checked this person in a photo found them an adult, so
        later posts do not treat their face as a possible child.

        Only for a person with a consent on file that is not withdrawn (the consent is the
        ground for holding this about them) and no guardian (a guardian registered, or a
        guardian's signature on a consent, says child), and never over what the registry knows:
        a birth year or a minor flag stays as it is (returns ``False``). Returns ``True`` when
        it was recorded (``is_minor`` = false, audit entry ``person.confirmed_adult``). On a
        team registry a communicator may do this and nothing more to a person (:mod:`.roles`,
        migration 0006). Raises :class:`RegistryError` for an erased person or one without a
        live consent.
        """
        with self._write() as conn:
            p = records.load_person(conn, person_id)
            if p.erased:
                raise RegistryError(f"person {person_id} was erased and cannot be changed")
            if p.birth_year is not None or p.is_minor is not None:
                return False
            found = records.load_consents(conn, t.consents.c.person_id == person_id)
            if not [c for c in found if not c.withdrawn]:
                raise RegistryError("only a person with a consent on file can be remembered as "
                                    "an adult")
            if records.load_guardians(conn, person_id) or \
                    any(sig.by_guardian for c in found for sig in c.signatures):
                raise RegistryError("a guardian is registered for this person or signed their "
                                    "consent: only an admin can record them as an adult")
            conn.execute(t.people.update().where(t.people.c.id == person_id)
                         .values(is_minor=False, updated_at=records.now()))
            records.write_audit(conn, actor=actor, action="person.confirmed_adult",
                                entity="person", entity_id=person_id, details={})
            return True

    def get_person(self, person_id: str) -> Person:
        with self._read() as conn:
            return records.load_person(conn, person_id)

    def list_people(self, *, include_erased: bool = False) -> list[Person]:
        q = sa.select(t.people).order_by(t.people.c.name_folded, t.people.c.id)
        if not include_erased:
            q = q.where(t.people.c.erased.is_(False))
        with self._read() as conn:
            return [records.person(r) for r in conn.execute(q)]

    def search_people(self, query: str, *, limit: int = 50) -> list[Person]:
        """People whose name contains ``query``, ignoring case and diacritics ("asa" finds "Åsa")."""
        if not records.fold(query):
            return []
        q = (sa.select(t.people)
             .where(t.people.c.erased.is_(False),
                    t.people.c.name_folded.like(records.like_pattern(query), escape="\\"))
             .order_by(t.people.c.name_folded, t.people.c.id).limit(limit))
        with self._read() as conn:
            return [records.person(r) for r in conn.execute(q)]

    def delete_person(self, person_id: str, *, actor: str | None = None) -> None:
        """Erase a person: see :mod:`prepub.core.consent.erasure` for exactly what goes. In a
        team registry their evidence files go in the same transaction."""
        with self._write() as conn:
            orphaned = erasure.erase(conn, person_id, actor=actor)
            if self.evidence.in_database:
                self.evidence.delete(conn, orphaned)
                orphaned = []
        for h in orphaned:
            self.evidence.remove(h)
        checkpoint(self._engine)  # SQLite: no old page with the name stays in the WAL file

    # --- guardians and shoots ------------------------------------------------------------------

    def add_guardian(self, *, child_id: str, name: str, relation: str = "parent",
                     contact: str = "", guardian_id: str | None = None,
                     actor: str | None = None) -> Guardian:
        name = _clean_name(name)
        if relation not in GUARDIAN_RELATIONS:
            raise RegistryError(f"guardian relation must be one of {', '.join(GUARDIAN_RELATIONS)}")
        gid = guardian_id or str(uuid.uuid4())
        with self._write() as conn:
            child = records.load_person(conn, child_id)
            if child.erased:
                raise RegistryError(f"person {child_id} was erased; no guardian can be added")
            conn.execute(t.guardians.insert().values(id=gid, child_id=child_id, name=name,
                                                     relation=relation, contact=contact.strip(),
                                                     created_at=records.now()))
            records.write_audit(conn, actor=actor, action="guardian.add", entity="guardian",
                                entity_id=gid, details={"child_id": child_id, "relation": relation})
            return next(g for g in records.load_guardians(conn, child_id) if g.id == gid)

    def guardians_of(self, child_id: str) -> list[Guardian]:
        with self._read() as conn:
            return records.load_guardians(conn, child_id)

    def add_shoot(self, *, photographer: str, date: date, place: str = "", event: str = "",
                  notes: str = "", shoot_id: str | None = None, actor: str | None = None) -> Shoot:
        if not photographer.strip():
            raise RegistryError("a shoot must name its photographer")
        sid = shoot_id or str(uuid.uuid4())
        with self._write() as conn:
            conn.execute(t.shoots.insert().values(
                id=sid, photographer=photographer.strip(), date=date, place=place.strip(),
                event=event.strip(), notes=notes, created_at=records.now()))
            records.write_audit(conn, actor=actor, action="shoot.add", entity="shoot", entity_id=sid,
                                details={"date": date.isoformat()})
        return self.get_shoot(sid)

    def get_shoot(self, shoot_id: str) -> Shoot:
        with self._read() as conn:
            row = conn.execute(sa.select(t.shoots).where(t.shoots.c.id == shoot_id)).first()
        if row is None:
            raise UnknownEntityError(f"no shoot with id {shoot_id!r} in the registry")
        return records.shoot(row)

    def list_shoots(self) -> list[Shoot]:
        """Newest first."""
        with self._read() as conn:
            rows = conn.execute(sa.select(t.shoots).order_by(
                t.shoots.c.date.desc(), t.shoots.c.created_at.desc(), t.shoots.c.id)).all()
        return [records.shoot(r) for r in rows]

    # --- consents ------------------------------------------------------------------------------

    def add_consent(self, *, person_id: str, channels: Sequence[str], purpose: str, given_on: date,
                    signed_by: Sequence[str], logged_by: str, expires_on: date | None = None,
                    evidence_file: str | Path | None = None, verbal_note: str | None = None,
                    shoot_id: str | None = None, consent_id: str | None = None,
                    actor: str | None = None) -> Consent:
        """Record a consent. ``signed_by`` lists ``"self"`` and/or guardian ids; evidence is a
        signed form file (copied into the private evidence folder by hash) or a verbal note."""
        sha = name = None
        blob: bytes | None = None
        if evidence_file is not None and self.evidence.in_database:
            blob = read_source(evidence_file)  # stored with the consent, in its transaction
            name = Path(evidence_file).name[:255]
        elif evidence_file is not None:
            sha = self.evidence.add_file(evidence_file)
            name = Path(evidence_file).name[:255]
        signed_at = records.now()
        sigs = [Signature(signer=SELF if s == SELF else str(s), signed_at=signed_at)
                for s in signed_by]
        try:
            with self._write() as conn:
                if blob is not None:
                    sha = self.evidence.insert(conn, blob)
                return _consents.insert(
                    conn, person_id=person_id, channels=channels, purpose=purpose,
                    given_on=given_on, signatures=sigs, logged_by=logged_by, expires_on=expires_on,
                    evidence_sha256=sha, evidence_filename=name, verbal_note=verbal_note,
                    shoot_id=shoot_id, consent_id=consent_id, actor=actor)
        except BaseException:
            if sha is not None and blob is None and not self._evidence_used(sha):
                self.evidence.remove(sha)  # keep no form for a consent that was not stored
            raise

    def _evidence_used(self, sha256: str) -> bool:
        with self._read() as conn:
            return conn.execute(sa.select(t.consents.c.id).where(
                t.consents.c.evidence_sha256 == sha256).limit(1)).first() is not None

    def get_consent(self, consent_id: str) -> Consent:
        with self._read() as conn:
            return _consents.get(conn, consent_id)

    def consents_for(self, person_id: str) -> list[Consent]:
        """All of a person's consents, withdrawn and expired ones included, oldest first."""
        with self._read() as conn:
            return records.load_consents(conn, t.consents.c.person_id == person_id)

    def consents_for_shoot(self, shoot_id: str) -> list[Consent]:
        with self._read() as conn:
            return records.load_consents(conn, t.consents.c.shoot_id == shoot_id)

    def withdraw_consent(self, consent_id: str, *, at: datetime | None = None, reason: str = "",
                         actor: str | None = None) -> list[ExportRecord]:
        """Withdraw a consent (blocks future exports); returns earlier exports that used it."""
        with self._write() as conn:
            return _consents.withdraw(conn, consent_id, at=at or records.now(), reason=reason,
                                      actor=actor)

    def consent_status(self, person_id: str, *, channels: Sequence[str], on: date,
                       guardian_consent_age: int, all_custodians_under: int,
                       today_age: int | None = None) -> ConsentStatus:
        """Whether ``person_id``'s consents cover ``channels`` on ``on``; see :mod:`.status`.

        An id not in the registry gives ``valid=False`` with reason ``unknown_person``.
        """
        with self._read() as conn:
            try:
                person: Person | None = records.load_person(conn, person_id)
            except UnknownEntityError:
                person = None
            guardians = records.load_guardians(conn, person_id) if person else []
            found = records.load_consents(conn, t.consents.c.person_id == person_id) if person else []
        return evaluate(person_id=person_id, person=person, guardians=guardians, consents=found,
                        channels=channels, on=on, guardian_consent_age=guardian_consent_age,
                        all_custodians_under=all_custodians_under, today_age=today_age)

    def consent_statuses(self, person_ids: Sequence[str], *, channels: Sequence[str], on: date,
                         guardian_consent_age: int, all_custodians_under: int,
                         today_ages: Mapping[str, int | None] | None = None,
                         ) -> dict[str, ConsentStatus]:
        """:meth:`consent_status` for several people at once (a photo's faces): one transaction
        and five queries whatever their number, which matters on a team server across a
        network (about 6 round trips per photo instead of 6 per face)."""
        ids = list(dict.fromkeys(person_ids))
        if not ids:
            return {}
        ages = today_ages or {}
        with self._read() as conn:
            people, guardians, found = records.load_for_status(conn, ids)
        return {pid: evaluate(person_id=pid, person=people.get(pid), guardians=guardians[pid],
                              consents=found[pid], channels=channels, on=on,
                              guardian_consent_age=guardian_consent_age,
                              all_custodians_under=all_custodians_under, today_age=ages.get(pid))
                for pid in ids}

    def evidence_path(self, sha256: str) -> Path | None:
        """The stored evidence file with this hash, or None when it is not (or no longer) kept.
        (A team registry writes a private viewing copy; only its admins may read evidence.)"""
        return self.evidence.file(sha256)

    # --- faces ---------------------------------------------------------------------------------

    def add_face_reference(self, person_id: str, *, encoding: Any,
                           actor: str | None = None) -> FaceReference:
        """Store a 128-d encoding; raises RegistryError unless the person agreed to matching."""
        with self._write() as conn:
            return faces.add(conn, person_id=person_id, encoding=encoding, actor=actor)

    def face_references(self, person_id: str) -> list[tuple[FaceReference, np.ndarray]]:
        with self._read() as conn:
            return faces.references(conn, person_id)

    def match_faces(self, encodings: Sequence[Any], *, max_distance: float,
                    limit: int = 3) -> list[list[Match]]:
        """Per encoding, the closest consenting people within ``max_distance``, best first.

        Proposals only: the user confirms each one. The caller checks the policy first.
        """
        with self._read() as conn:
            return faces.match(conn, encodings, max_distance=max_distance, limit=limit)

    # --- exports and audit ---------------------------------------------------------------------

    def record_export(self, *, bundle_path: str | Path, draft_id: str | None,
                      files: Mapping[str, str], consent_ids: Sequence[str],
                      actor: str | None = None) -> ExportRecord:
        """Log an export bundle: its files (name -> sha256) and the consents it relied on.

        Refused (RegistryError) while the audit log's hash chain is broken: an export is not
        published on the strength of a log that was rewritten, even after the registry was
        opened. Refused (:class:`ConsentWithdrawnError`) when a consent it relies on was
        withdrawn, has expired or belongs to an erased person by now: the consents are checked
        again against the database in the same transaction that logs the export (on a team
        registry a trigger also locks each consent row, so a withdrawal racing the export is
        either seen here or waits until the export is logged)."""
        with self._write() as conn:
            report = chain.verify(conn, t.audit_log)
            self._audit_chain = report
            if not report.ok:
                raise RegistryError(
                    f"the audit log's hash chain breaks at entry {report.broken_at} "
                    f"({report.reason}); restore the registry from a backup")
            at = records.now()
            _consents.recheck(conn, consent_ids, at=at)
            try:
                return _consents.record_export(
                    conn, bundle_path=str(bundle_path), draft_id=draft_id, files=files,
                    consent_ids=consent_ids, actor=actor, at=at)
            except sa.exc.IntegrityError as e:  # the database's own re-check (migration 0005)
                if "withdrawn" not in str(e):
                    raise
                raise ConsentWithdrawnError(
                    "a consent this export relies on was withdrawn meanwhile; check the post "
                    "again", consent_ids=tuple(sorted(set(consent_ids)))) from e

    def exports_using(self, consent_id: str) -> list[ExportRecord]:
        with self._read() as conn:
            return _consents.exports_using(conn, consent_id)

    def audit(self, *, action: str, entity: str, entity_id: str | None = None,
              details: Mapping[str, Any] | None = None, actor: str | None = None) -> AuditEntry:
        """Append an entry (for events outside the registry, e.g. an override at export).
        ``details`` must not hold personal data."""
        with self._write() as conn:
            eid = records.write_audit(conn, actor=actor, action=action, entity=entity,
                                      entity_id=entity_id, details=details)
            row = conn.execute(sa.select(t.audit_log).where(t.audit_log.c.id == eid)).one()
            return records.audit_entry(row)

    @property
    def audit_chain(self) -> AuditChainReport:
        """The audit log's hash chain as last checked: on open, by :meth:`verify_audit` or
        before an export was logged."""
        if self._audit_chain is None:
            return self.verify_audit()
        return self._audit_chain

    def verify_audit(self) -> AuditChainReport:
        """Check every audit entry's hash and link now; the report names the first entry that
        does not hold (``prepub registry verify``)."""
        with self._read() as conn:
            self._audit_chain = chain.verify(conn, t.audit_log)
        return self._audit_chain

    def changes_since(self, audit_id: int, *, limit: int = 1000) -> list[RegistryChange]:
        """Changes logged after audit entry ``audit_id``, oldest first (0: from the start).

        The newest entry's id is the next cursor (:meth:`latest_change`). Works on both engines;
        :class:`prepub.core.consent.watch.RegistryWatcher` calls it when notified or polling."""
        q = (sa.select(t.audit_log.c.id, t.audit_log.c.action, t.audit_log.c.entity,
                       t.audit_log.c.entity_id, t.audit_log.c.details)
             .where(t.audit_log.c.id > audit_id).order_by(t.audit_log.c.id).limit(limit))
        with self._read() as conn:
            rows = conn.execute(q).all()
        return [records.change(r) for r in rows]

    def latest_change(self) -> int:
        """The newest audit entry's id (0 when the log is empty): a cursor for changes_since."""
        with self._read() as conn:
            return int(conn.execute(sa.select(sa.func.max(t.audit_log.c.id))).scalar() or 0)

    def audit_entries(self, *, limit: int = 100, entity_id: str | None = None) -> list[AuditEntry]:
        """The newest ``limit`` entries, newest first, optionally about one entity."""
        q = sa.select(t.audit_log).order_by(t.audit_log.c.id.desc()).limit(limit)
        if entity_id is not None:
            q = q.where(t.audit_log.c.entity_id == entity_id)
        with self._read() as conn:
            return [records.audit_entry(r) for r in conn.execute(q)]


def _refused(e: sa.exc.DBAPIError) -> None:
    """Raise the registry's own error for a refusal by the database's roles or rules."""
    code = getattr(e.orig, "sqlstate", None) or getattr(e.orig, "pgcode", None)
    if code == "42501":  # insufficient_privilege: the team role may not do this
        raise NotAllowedError(
            "your role in the team registry does not allow this "
            f"({_first_line(e)})") from e
    if code == "23000":  # integrity_constraint_violation: a rule of migration 0005
        raise RegistryError(_first_line(e)) from e


def _first_line(e: sa.exc.DBAPIError) -> str:
    return str(e.orig).strip().splitlines()[0] if e.orig is not None else str(e)


def _clean_name(name: str) -> str:
    n = " ".join(str(name).split())
    if not n:
        raise RegistryError("a name cannot be empty")
    if len(n) > 200:
        raise RegistryError("a name is longer than 200 characters")
    return n


def _check_relation(relation: str) -> None:
    if relation not in RELATIONS:
        raise RegistryError(f"relation must be one of {', '.join(RELATIONS)}, not {relation!r}")


def _check_birth_year(year: int | None) -> None:
    if year is not None and not (1900 <= year <= clock.today().year):
        raise RegistryError(f"{year} is not a plausible birth year")
