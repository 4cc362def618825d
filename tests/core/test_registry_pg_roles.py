"""Roles the database enforces (issue 16): each role's own login, over TLS, against a real
server. What a role may not do is refused by PostgreSQL itself (GRANTs and the triggers of
migration 0005), not by Prepub: the raw statements below go past the registry's API.

Run with ``-s`` to see every refusal as the database words it."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Callable

import numpy as np
import pytest
import sqlalchemy as sa

from pg import Team, memory_keyring, pg_cluster, team, verbal_consent as _verbal  # noqa: F401 - fixtures
from prepub.core.consent import NotAllowedError, RegistryError, open_registry
from prepub.core.consent import roles as roles_mod
from prepub.core.consent.team import current_roles


def _sql(stmt: str) -> Callable[[Any], Any]:
    def run(reg: Any) -> Any:
        with reg._write() as conn:
            return conn.exec_driver_sql(stmt)
    run.__name__ = stmt
    return run


def _refused(role: str, what: str, fn: Callable[[], Any], log: list[str],
             exc: type[BaseException] = RegistryError) -> None:
    with pytest.raises(exc) as err:
        fn()
    cause = err.value.__cause__
    said = str(getattr(cause, "orig", None) or getattr(err.value, "orig", None)
               or err.value).strip().splitlines()[0]
    log.append(f"{role:13} {what:48} REFUSED: {said}")




def test_each_role_is_refused_by_the_database(team: Team, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    log: list[str] = []
    form = tmp_path / "signed.pdf"
    form.write_bytes(b"%PDF-1.4 signed by Lisa")
    photo, comm, admin = (team.open(r) for r in ("photographer", "communicator", "admin"))
    try:
        assert current_roles(photo) == ["photographer"]
        assert current_roles(comm) == ["communicator"]
        assert current_roles(admin) == ["admin", "communicator", "photographer"]

        # photographer: adds shoots, people, guardians, consents (with a signed form) ...
        shoot = photo.add_shoot(photographer="Pia", date=date(2026, 11, 1), event="Öppet hus")
        lisa = photo.add_person(name="Lisa Ek", relation="public", matching_consent=True)
        kid = photo.add_person(name="Liten Ek", relation="public", birth_year=2016)
        g = photo.add_guardian(child_id=kid.id, name="Mor Ek")
        c1 = photo.add_consent(person_id=lisa.id, channels=["instagram"], purpose="Öppet hus",
                               given_on=date(2026, 11, 1), signed_by=["self"], logged_by="Pia",
                               evidence_file=form, shoot_id=shoot.id)
        _verbal(photo, kid.id, signed_by=[g.id])
        # ... and can do nothing else
        _refused("photographer", "withdraw a consent (API)",
                 lambda: photo.withdraw_consent(c1.id, reason="r"), log, NotAllowedError)
        _refused("photographer", "erase a person (API)", lambda: photo.delete_person(lisa.id),
                 log, NotAllowedError)
        _refused("photographer", "update a person (API)",
                 lambda: photo.update_person(lisa.id, name="X"), log, NotAllowedError)
        _refused("photographer", "read an evidence file", lambda: photo.evidence_path(
            c1.evidence_sha256 or ""), log)
        _refused("photographer", "log an export", lambda: photo.record_export(
            bundle_path="/b", draft_id="d", files={}, consent_ids=[c1.id]), log, NotAllowedError)
        for stmt in ("DELETE FROM consents", "DELETE FROM people", "DELETE FROM consent_channels",
                     "UPDATE consents SET purpose = 'x'", "SELECT * FROM face_refs",
                     "SELECT data FROM evidence", "UPDATE audit_log SET actor = 'x'",
                     "DELETE FROM audit_log", "TRUNCATE audit_log"):
            _refused("photographer", stmt, lambda s=stmt: _sql(s)(photo), log, NotAllowedError)

        # communicator: reads, links faces, logs exports ...
        assert comm.consent_status(lisa.id, channels=["instagram"], on=date(2026, 11, 23),
                                   guardian_consent_age=15, all_custodians_under=13).valid
        comm.add_face_reference(lisa.id, encoding=np.zeros(128))
        ex = comm.record_export(bundle_path="/out/b1", draft_id="d1", files={"a.jpg": "a" * 64},
                                consent_ids=[c1.id])
        # ... and nothing else
        _refused("communicator", "add a person (API)",
                 lambda: comm.add_person(name="X", relation="staff"), log, NotAllowedError)
        _refused("communicator", "add a consent (API)", lambda: _verbal(comm, lisa.id), log,
                 NotAllowedError)
        _refused("communicator", "withdraw a consent (API)",
                 lambda: comm.withdraw_consent(c1.id), log, NotAllowedError)
        _refused("communicator", "erase a person (API)", lambda: comm.delete_person(lisa.id),
                 log, NotAllowedError)
        _refused("communicator", "read an evidence file",
                 lambda: comm.evidence_path(c1.evidence_sha256 or ""), log)
        for stmt in ("UPDATE consents SET withdrawn_at = now()", "DELETE FROM exports",
                     "DELETE FROM face_refs", "INSERT INTO shoots (id, photographer, date, "
                     "created_at) VALUES ('s', 'x', '2026-01-01', now())",
                     "UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log"):
            _refused("communicator", stmt, lambda s=stmt: _sql(s)(comm), log, NotAllowedError)

        # admin: sees evidence, withdraws, erases ...
        stored = admin.evidence_path(c1.evidence_sha256 or "")
        assert stored is not None and stored.read_bytes() == form.read_bytes()
        assert [e.id for e in admin.withdraw_consent(c1.id, reason="ångrat sig")] == [ex.id]
        # ... but the audit log, a withdrawal and an erasure are beyond every role
        _refused("admin", "un-withdraw (UPDATE withdrawn_at = NULL)",
                 lambda: _sql(f"UPDATE consents SET withdrawn_at = NULL WHERE id = '{c1.id}'")(admin),
                 log)
        for stmt in ("UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log",
                     "TRUNCATE audit_log", "DELETE FROM consents", "DELETE FROM people",
                     "UPDATE consents SET person_id = person_id",
                     "DROP TABLE audit_log", "ALTER TABLE audit_log DISABLE TRIGGER ALL"):
            _refused("admin", stmt, lambda s=stmt: _sql(s)(admin), log, RegistryError)
        admin.delete_person(lisa.id)
        assert admin.get_person(lisa.id).erased
        assert admin.evidence_path(c1.evidence_sha256 or "") is None  # the form is gone too
        _refused("admin", "un-erase (UPDATE erased = false)",
                 lambda: _sql(f"UPDATE people SET erased = false WHERE id = '{lisa.id}'")(admin), log)
        _refused("admin", "INSERT a consent for an erased person", lambda: _sql(
            "INSERT INTO consents (id, person_id, given_on, purpose, logged_by, verbal_note, "
            f"created_at) VALUES ('c-x', '{lisa.id}', '2026-11-01', 'p', 'x', 'ja', now())")(admin),
            log)
        assert admin.verify_audit().ok
    finally:
        for r in (photo, comm, admin):
            r.close()

    # the owner (who ran init) is refused by the append-only triggers
    owner = open_registry(team.owner_url)
    try:
        for stmt in ("UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log",
                     "TRUNCATE audit_log"):
            _refused("owner", stmt, lambda s=stmt: _sql(s)(owner), log, sa.exc.DBAPIError)
        assert owner.verify_audit().ok
    finally:
        owner.close()
    with capsys.disabled():
        print("\n" + "\n".join(log))
    assert len(log) == 39


def test_the_declaration_is_what_the_database_holds(team: Team) -> None:
    """information_schema agrees with roles.ROLES: no table right beyond the declaration."""
    owner = open_registry(team.owner_url)
    try:
        with owner._read() as conn:
            rows = conn.execute(sa.text(
                "SELECT grantee, table_name, privilege_type FROM information_schema.table_privileges "
                "WHERE grantee LIKE 'prepub\\_%' ORDER BY 1, 2, 3")).all()
            cols = conn.execute(sa.text(
                "SELECT grantee, table_name, column_name FROM information_schema.column_privileges "
                "WHERE grantee LIKE 'prepub\\_%' AND privilege_type = 'UPDATE'")).all()
    finally:
        owner.close()
    got = {(g, t, p) for g, t, p in rows}
    want = {(spec.db_role, obj, g.privilege) for spec in roles_mod.ROLES.values()
            for g in spec.grants if g.privilege != "USAGE" and not g.columns for obj in g.objects}
    assert got == want
    assert not [r for r in got if r[1] == "audit_log" and r[2] in ("UPDATE", "DELETE", "TRUNCATE")]
    updatable = {(g, t) for g, t, _c in cols}
    assert updatable == {("prepub_admin", "people"), ("prepub_admin", "guardians"),
                         ("prepub_admin", "consents"), ("prepub_communicator", "people")}
    # a communicator may only remember a consenting person as an adult (trigger, 0006)
    assert {c for g, _t, c in cols if g == "prepub_communicator"} == {"is_minor", "updated_at"}


def test_user_add_is_idempotent_and_moves_a_login_between_roles(team: Team) -> None:
    from prepub.core.consent import team as team_mod

    name = team.users["photographer"]
    assert team_mod.add_user(team.owner_url, name, role="communicator",
                             new_password=team.passwords["photographer"]) is False
    reg = open_registry(team.url("photographer"))
    try:
        assert current_roles(reg) == ["communicator"]
    finally:
        reg.close()
    with pytest.raises(RegistryError, match="12 characters"):
        team_mod.add_user(team.owner_url, "short_pw", role="admin", new_password="x")
    with pytest.raises(RegistryError, match="login name"):
        team_mod.add_user(team.owner_url, "Robert'); DROP TABLE people;--", role="admin",
                          new_password="long enough password")
    # the server never saw the password as text: only its SCRAM verifier is stored
    stored = team.cluster.psql(f"SELECT rolpassword FROM pg_authid WHERE rolname = '{name}'")
    assert stored.startswith("SCRAM-SHA-256$") and team.passwords["photographer"] not in stored
