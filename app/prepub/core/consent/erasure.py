"""Erasing a person (GDPR art. 17): remove what identifies them, keep a non-identifying trace.

The person's row stays, as a placeholder with ``erased = True``, so foreign keys, export records
and the audit log still hold together. Face references are deleted; name, birth year, flags and
the guardians' names and contacts are blanked; the person's consents are marked withdrawn and
their free text (purpose, verbal note, withdrawal reason, evidence file name) is blanked; their
evidence files are deleted when no other consent uses them. The audit entry keeps only the id
and the action. Audit entries never held personal data in the first place.
"""

from __future__ import annotations

import sqlalchemy as sa

from prepub.core.consent import faces, records
from prepub.core.consent import schema as t

PLACEHOLDER = "Erased person"


def erase(conn: sa.Connection, person_id: str, *, actor: str | None) -> list[str]:
    """Erase ``person_id``; returns evidence hashes that no remaining consent refers to.

    The caller deletes those files after the transaction commits (never before: a rolled-back
    erasure must not lose evidence).
    """
    p = records.load_person(conn, person_id)
    if p.erased:
        return []
    at = records.now()
    faces.delete_for(conn, person_id)
    conn.execute(t.guardians.update().where(t.guardians.c.child_id == person_id)
                 .values(name="", contact=""))
    own = t.consents.c.person_id == person_id
    hashes = {h for (h,) in conn.execute(
        sa.select(t.consents.c.evidence_sha256).where(own, t.consents.c.evidence_sha256.is_not(None)))}
    conn.execute(t.consents.update().where(own, t.consents.c.withdrawn_at.is_(None))
                 .values(withdrawn_at=at))
    conn.execute(t.consents.update().where(own).values(
        purpose="", withdrawal_reason="", evidence_filename=None,
        verbal_note=sa.case((t.consents.c.verbal_note.is_(None), None), else_="")))
    conn.execute(t.people.update().where(t.people.c.id == person_id).values(
        name=PLACEHOLDER, name_folded="", birth_year=None, is_minor=None, protected_identity=False,
        matching_consent=False, erased=True, deleted_at=at, updated_at=at))
    records.write_audit(conn, actor=actor, action="person.erase", entity="person",
                        entity_id=person_id, details={}, at=at)
    orphaned = []
    for h in sorted(hashes):
        still = conn.execute(sa.select(t.consents.c.id).where(
            t.consents.c.evidence_sha256 == h, t.consents.c.person_id != person_id)).first()
        if still is None:
            orphaned.append(h)
    return orphaned
