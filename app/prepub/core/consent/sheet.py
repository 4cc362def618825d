"""Consent sheets: a shoot's consents carried from the photographer's laptop to the registry.

:func:`export_sheet` writes one ``*.prepub-consent.zip`` for a shoot: ``sheet.json`` (the shoot,
the people with a consent from it, their guardians, the consents with signatures and channels,
evidence file names and hashes, and face references only for people who agreed to matching) and
the evidence files under ``evidence/``.

:func:`import_sheet` applies one in a single transaction. It keeps the sheet's ids, so importing
twice changes nothing. Every evidence file must match its hash or nothing is imported. Where the
sheet disagrees with the registry the local record is kept and the difference is reported as a
conflict. A local withdrawal always stands: a sheet never revives a withdrawn consent, and a
consent given on or before a local withdrawal of the same person's channels is skipped; a
withdrawal the sheet carries is applied. People erased here are never re-created from a sheet.
"""

from __future__ import annotations

import re
import uuid
from datetime import date
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from prepub.core.consent import consents as _consents
from prepub.core.consent import faces, records
from prepub.core.consent import schema as t
from prepub.core.consent.registry import Registry
from prepub.core.consent.sheetfile import (
    FORMAT, SUFFIX, VERSION, SheetData, SheetError, SheetReader, write_sheet,
)
from prepub.core.consent.types import (
    Consent, ImportConflict, ImportResult, Person, RegistryError,
)

__all__ = ["export_sheet", "import_sheet", "SheetError", "SUFFIX"]


def export_sheet(registry: Registry, *, shoot_id: str, out_path: str | Path,
                 actor: str | None = None) -> Path:
    """Write the sheet for ``shoot_id``; ``out_path`` is a file or a folder to put it in."""
    shoot = registry.get_shoot(shoot_id)
    shoot_consents = registry.consents_for_shoot(shoot_id)
    people: list[Person] = []
    for pid in dict.fromkeys(c.person_id for c in shoot_consents):
        p = registry.get_person(pid)
        if not p.erased:
            people.append(p)
    kept = {p.id for p in people}
    sheet_id = str(uuid.uuid4())
    evidence: dict[str, Path] = {}
    consents_out = []
    for c in shoot_consents:
        if c.person_id not in kept:
            continue
        if c.evidence_sha256:
            src = registry.evidence_path(c.evidence_sha256)
            if src is None:
                raise SheetError(f"the evidence file of consent {c.id} is missing from "
                                 f"{registry.evidence.folder}")
            evidence[c.evidence_sha256] = src
        consents_out.append(_consent_json(c))
    data: dict[str, Any] = {
        "format": FORMAT, "version": VERSION, "sheet_id": sheet_id,
        "created": records.now().isoformat(), "created_by": actor or records.default_actor(),
        "photographer": shoot.photographer,
        "shoot": {"id": shoot.id, "photographer": shoot.photographer, "date": shoot.date.isoformat(),
                  "place": shoot.place, "event": shoot.event, "notes": shoot.notes},
        "people": [{"id": p.id, "name": p.name, "relation": p.relation,
                    "protected_identity": p.protected_identity, "birth_year": p.birth_year,
                    "is_minor": p.is_minor, "matching_consent": p.matching_consent} for p in people],
        "guardians": [{"id": g.id, "child_id": g.child_id, "name": g.name, "relation": g.relation,
                       "contact": g.contact} for p in people for g in registry.guardians_of(p.id)],
        "consents": consents_out,
        "face_references": [
            {"id": ref.id, "person_id": p.id, "created_at": ref.created_at.isoformat(),
             "encoding": [float(x) for x in enc]}
            for p in people if p.matching_consent for ref, enc in registry.face_references(p.id)],
    }
    out = Path(out_path)
    if out.is_dir():
        slug = re.sub(r"[^\w-]+", "-", f"{shoot.date.isoformat()}-{shoot.event or 'shoot'}").strip("-")
        out = out / f"{slug}-{sheet_id[:8]}{SUFFIX}"
    elif not out.name.endswith(SUFFIX):
        out = out.with_name(out.name + SUFFIX)
    write_sheet(out, data, evidence)
    registry.audit(action="sheet.export", entity="shoot", entity_id=shoot_id, actor=actor,
                   details={"sheet_id": sheet_id, "people": len(people),
                            "consents": len(consents_out), "evidence_files": len(evidence)})
    return out


def _consent_json(c: Consent) -> dict[str, Any]:
    return {
        "id": c.id, "person_id": c.person_id, "given_on": c.given_on.isoformat(),
        "channels": list(c.channels), "purpose": c.purpose,
        "expires_on": c.expires_on.isoformat() if c.expires_on else None,
        "withdrawn_at": c.withdrawn_at.isoformat() if c.withdrawn_at else None,
        "withdrawal_reason": c.withdrawal_reason,
        "signatures": [{"signer": s.signer, "signed_at": s.signed_at.isoformat()}
                       for s in c.signatures],
        "evidence": ({"sha256": c.evidence_sha256, "filename": c.evidence_filename,
                      "path": f"evidence/{c.evidence_sha256}"} if c.evidence_sha256 else None),
        "verbal_note": c.verbal_note, "logged_by": c.logged_by, "shoot_id": c.shoot_id,
        "created_at": c.created_at.isoformat(),
    }


def import_sheet(registry: Registry, path: str | Path, *, actor: str | None = None) -> ImportResult:
    """Apply a consent sheet; raises :class:`SheetError` (nothing applied) when it is unusable."""
    with SheetReader(path) as sheet:
        d = SheetData(sheet.data, sheet.path, text=sheet.text)
        needed = {c["evidence"]["sha256"] for c in d.consents if c["evidence"]}
        for sha in sorted(needed):
            if sha not in sheet.evidence_names:
                if registry.evidence_path(sha) is None:
                    raise SheetError(f"{sheet.path}: the evidence file evidence/{sha} is missing")
                continue
            if sheet.hash_evidence(sha) != sha:
                raise SheetError(f"{sheet.path}: the evidence file evidence/{sha} does not match "
                                 "its hash; the sheet was changed after it was made and was not "
                                 "imported")
        for sha in sorted(needed & sheet.evidence_names):
            registry.evidence.add_stream(sheet.open_evidence(sha), expected=sha)
        with registry._write() as conn:
            return _Importer(conn, d, actor).run()


class _Importer:
    def __init__(self, conn: sa.Connection, d: SheetData, actor: str | None) -> None:
        self.conn, self.d, self.actor = conn, d, actor
        self.added = self.updated = self.unchanged = self.skipped = self.withdrawals = 0
        self.conflicts: list[ImportConflict] = []
        self.skip_people: set[str] = set()

    def run(self) -> ImportResult:
        self._shoot()
        for p in self.d.people:
            self._person(p)
        for g in self.d.guardians:
            self._guardian(g)
        for c in self.d.consents:
            self._consent(c)
        for f in self.d.faces:
            self._face(f)
        if self.added or self.updated or self.withdrawals:
            records.write_audit(self.conn, actor=self.actor, action="sheet.import", entity="sheet",
                                entity_id=self.d.sheet_id,
                                details={"added": self.added, "updated": self.updated,
                                         "withdrawals": self.withdrawals,
                                         "conflicts": len(self.conflicts)})
        return ImportResult(sheet_id=self.d.sheet_id, added=self.added, unchanged=self.unchanged,
                            conflicts=tuple(self.conflicts), skipped_withdrawn=self.skipped,
                            withdrawals_applied=self.withdrawals, updated=self.updated)

    def _shoot(self) -> None:
        s = self.d.shoot
        if self.conn.execute(sa.select(t.shoots.c.id).where(t.shoots.c.id == s["id"])).first():
            self.unchanged += 1
            return
        self.conn.execute(t.shoots.insert().values(**s, created_at=records.now()))
        records.write_audit(self.conn, actor=self.actor, action="shoot.add", entity="shoot",
                            entity_id=s["id"], details={"date": s["date"].isoformat(),
                                                        "source_sheet_id": self.d.sheet_id})
        self.added += 1

    def _person(self, p: dict[str, Any]) -> None:
        pid = p["id"]
        row = self.conn.execute(sa.select(t.people).where(t.people.c.id == pid)).first()
        if row is not None:
            local = records.person(row)
            if local.erased:
                self.skip_people.add(pid)
                self.conflicts.append(ImportConflict("person_erased", "person", pid))
                return
            for fld in ("name", "birth_year", "relation", "is_minor", "matching_consent"):
                mine, theirs = getattr(local, fld), p.get(fld)
                if mine != theirs:
                    self.conflicts.append(ImportConflict("person_differs", "person", pid, fld,
                                                         mine, theirs))
            if p.get("protected_identity") and not local.protected_identity:
                # the protective value wins: the photographer learnt of a protected identity
                self.conn.execute(t.people.update().where(t.people.c.id == pid)
                                  .values(protected_identity=True, updated_at=records.now()))
                records.write_audit(self.conn, actor=self.actor, action="person.update",
                                    entity="person", entity_id=pid,
                                    details={"fields": ["protected_identity"],
                                             "source_sheet_id": self.d.sheet_id})
                self.updated += 1
            else:
                self.unchanged += 1
            return
        name = " ".join(p["name"].split())
        folded = records.fold(name)
        twin = self.conn.execute(sa.select(t.people.c.id).where(
            t.people.c.name_folded == folded, t.people.c.erased.is_(False))).first()
        if twin is not None:
            self.conflicts.append(ImportConflict("possible_duplicate", "person", pid, "name",
                                                 twin.id, name))
        at = records.now()
        self.conn.execute(t.people.insert().values(
            id=pid, name=name, name_folded=folded, relation=p["relation"],
            protected_identity=bool(p.get("protected_identity")), birth_year=p.get("birth_year"),
            is_minor=p.get("is_minor"), matching_consent=bool(p.get("matching_consent")),
            created_at=at, updated_at=at, erased=False))
        records.write_audit(self.conn, actor=self.actor, action="person.add", entity="person",
                            entity_id=pid, details={"relation": p["relation"],
                                                    "source_sheet_id": self.d.sheet_id})
        self.added += 1

    def _guardian(self, g: dict[str, Any]) -> None:
        if g["child_id"] in self.skip_people:
            return
        row = self.conn.execute(sa.select(t.guardians).where(t.guardians.c.id == g["id"])).first()
        if row is not None:
            if row.name != g.get("name") and row.name:
                self.conflicts.append(ImportConflict("guardian_differs", "guardian", g["id"],
                                                     "name", row.name, g.get("name")))
            self.unchanged += 1
            return
        if not self.conn.execute(sa.select(t.people.c.id).where(
                t.people.c.id == g["child_id"])).first():
            raise self.d.fail(f"guardian {g['id']} belongs to a person not in the sheet")
        self.conn.execute(t.guardians.insert().values(
            id=g["id"], child_id=g["child_id"], name=" ".join(str(g.get("name") or "").split()),
            relation=g["relation"], contact=str(g.get("contact") or ""), created_at=records.now()))
        records.write_audit(self.conn, actor=self.actor, action="guardian.add", entity="guardian",
                            entity_id=g["id"], details={"child_id": g["child_id"],
                                                        "source_sheet_id": self.d.sheet_id})
        self.added += 1

    def _consent(self, c: dict[str, Any]) -> None:
        pid = c["person_id"]
        if pid in self.skip_people:
            return
        found = records.load_consents(self.conn, t.consents.c.id == c["id"])
        if found:
            self._existing_consent(found[0], c)
            return
        if not self.conn.execute(sa.select(t.people.c.id).where(t.people.c.id == pid)).first():
            raise self.d.fail(f"consent {c['id']} belongs to a person not in the sheet")
        if c["withdrawn_at"] is None and self._withdrawn_later(pid, c):
            self.skipped += 1
            return
        ev = c["evidence"] or {}
        try:
            _consents.insert(
                self.conn, person_id=pid, channels=c["channels"], purpose=str(c.get("purpose") or ""),
                given_on=c["given_on"], signatures=c["signatures"],
                logged_by=str(c.get("logged_by") or ""), expires_on=c["expires_on"],
                evidence_sha256=ev.get("sha256"), evidence_filename=(ev.get("filename") or None),
                verbal_note=c.get("verbal_note"), shoot_id=c.get("shoot_id"), consent_id=c["id"],
                source_sheet_id=self.d.sheet_id, withdrawn_at=c["withdrawn_at"],
                withdrawal_reason=str(c.get("withdrawal_reason") or ""),
                created_at=c["created_at"], actor=self.actor)
        except (RegistryError, sa.exc.IntegrityError) as e:  # the sheet is inconsistent
            raise self.d.fail(f"consent {c['id']}: {e}") from None
        self.added += 1

    def _existing_consent(self, local: Consent, c: dict[str, Any]) -> None:
        if local.withdrawn_at is not None and c["withdrawn_at"] is None:
            self.skipped += 1  # a local withdrawal always stands
            return
        if local.withdrawn_at is None and c["withdrawn_at"] is not None:
            _consents.withdraw(self.conn, local.id, at=c["withdrawn_at"],
                               reason=str(c.get("withdrawal_reason") or ""), actor=self.actor)
            self.withdrawals += 1
            return
        theirs = {"channels": tuple(sorted({str(x).strip().lower() for x in c["channels"]})),
                  "given_on": c["given_on"], "expires_on": c["expires_on"],
                  "signers": frozenset(s.signer for s in c["signatures"])}
        mine = {"channels": local.channels, "given_on": local.given_on,
                "expires_on": local.expires_on, "signers": local.signers}
        for fld in theirs:
            if mine[fld] != theirs[fld]:
                self.conflicts.append(ImportConflict("consent_differs", "consent", local.id, fld,
                                                     _plain(mine[fld]), _plain(theirs[fld])))
        self.unchanged += 1

    def _withdrawn_later(self, person_id: str, c: dict[str, Any]) -> bool:
        """A local withdrawal, on or after this consent was given, of a channel it covers."""
        wanted = {str(x).strip().lower() for x in c["channels"]}
        for local in records.load_consents(self.conn, t.consents.c.person_id == person_id):
            if local.withdrawn_at is not None and set(local.channels) & wanted \
                    and local.withdrawn_at.astimezone().date() >= c["given_on"]:
                return True
        return False

    def _face(self, f: dict[str, Any]) -> None:
        pid = f["person_id"]
        if pid in self.skip_people:
            return
        if self.conn.execute(sa.select(t.face_refs.c.id).where(t.face_refs.c.id == f["id"])).first():
            self.unchanged += 1
            return
        person = records.load_person(self.conn, pid)
        if not person.matching_consent:
            return  # never stored without matching consent here, whatever the sheet says
        try:
            faces.add(self.conn, person_id=pid, encoding=f.get("encoding"), actor=self.actor,
                      ref_id=f["id"], created_at=f["created_at"])
        except (RegistryError, sa.exc.IntegrityError) as e:
            raise self.d.fail(f"face reference {f['id']}: {e}") from None
        self.added += 1


def _plain(v: Any) -> Any:
    if isinstance(v, (frozenset, set)):
        return sorted(v)
    if isinstance(v, tuple):
        return list(v)
    if isinstance(v, date):
        return v.isoformat()
    return v

