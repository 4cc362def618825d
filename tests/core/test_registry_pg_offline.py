"""Away from the office (issue 16): the photographer's local queue syncs idempotently and never
overwrites a withdrawal; the communicator's read-only copy knows its age, and an export from a
copy older than the policy's limit is refused."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from pg import Team, memory_keyring, pg_cluster, team  # noqa: F401 - fixtures
from prepub.core.consent import RegistryError, sync


def test_photographer_queue_syncs_idempotently_and_a_withdrawal_stands(
        team: Team, tmp_path: Path) -> None:
    form = tmp_path / "form.jpg"
    form.write_bytes(b"\xff\xd8 a photographed form")
    outbox = sync.open_outbox(tmp_path)
    photo, admin = team.open("photographer"), team.open("admin")
    try:
        # on the road: the server is out of reach, photographer mode writes to the outbox
        shoot = outbox.add_shoot(photographer="Pia", date=date(2026, 11, 20), event="Marknad")
        ola = outbox.add_person(name="Ola Berg", relation="public")
        c1 = outbox.add_consent(person_id=ola.id, channels=["instagram", "website"],
                                purpose="Marknad", given_on=date(2026, 11, 20),
                                signed_by=["self"], logged_by="Pia", evidence_file=form,
                                shoot_id=shoot.id)
        assert sync.pending(outbox) == [shoot.id]
        first = sync.push(outbox, photo)
        assert first.shoots == 1 and first.added == 3 and not first.conflicts
        assert sync.pending(outbox) == []
        again = sync.push(outbox, photo, shoots=[shoot.id])
        assert again.added == 0 and again.unchanged == 3  # idempotent, like a sheet
        assert admin.evidence_path(c1.evidence_sha256 or "").read_bytes() == form.read_bytes()

        # the office withdraws it; the laptop, still offline, logs another consent from the
        # same shoot day for the same channels: it must not revive the withdrawal
        admin.withdraw_consent(c1.id, reason="ångrat sig")
        c2 = outbox.add_consent(person_id=ola.id, channels=["instagram"], purpose="Marknad",
                                given_on=date(2026, 11, 20), signed_by=["self"],
                                logged_by="Pia", verbal_note="ja igen", shoot_id=shoot.id)
        assert sync.pending(outbox) == [shoot.id]
        res = sync.push(outbox, photo)
        assert res.skipped_withdrawn >= 1  # c1 stays withdrawn, c2 (older than it) is skipped
        assert admin.get_consent(c1.id).withdrawn
        with pytest.raises(RegistryError):
            admin.get_consent(c2.id)
        st = admin.consent_status(ola.id, channels=["instagram"], on=date(2026, 11, 23),
                                  guardian_consent_age=15, all_custodians_under=13)
        assert not st.valid and "withdrawn" in st.reasons
        assert admin.verify_audit().ok
    finally:
        for r in (outbox, photo, admin):
            r.close()


def test_communicator_copy_is_read_only_and_ages(team: Team, tmp_path: Path,
                                                 fixed_clock: Any) -> None:
    photo, comm = team.open("photographer"), team.open("communicator")
    try:
        p = photo.add_person(name="Kim Ek", relation="staff")
        cid = photo.add_consent(person_id=p.id, channels=["web"], purpose="p",
                                given_on=date(2026, 1, 1), signed_by=["self"], logged_by="Pia",
                                verbal_note="ja").id
        info = sync.refresh_copy(comm, tmp_path)
        assert info.audit_head == comm.latest_change()
    finally:
        photo.close()

    fixed_clock.advance(hours=3)  # on the train, no network
    with pytest.raises(RegistryError, match="of another registry"):  # not the one asked for
        sync.open_copy(tmp_path, max_age_hours=24, url=team.url("admin"))
    copy = sync.open_copy(tmp_path, max_age_hours=24, url=team.url("communicator"))
    try:
        assert copy.info.age().total_seconds() == 3 * 3600
        assert copy.consent_status(p.id, channels=["web"], on=date(2026, 11, 23),
                                   guardian_consent_age=15, all_custodians_under=13).valid
        assert copy.verify_audit().ok
        with pytest.raises(RegistryError, match="read-only copy"):
            copy.add_person(name="X", relation="staff")
        with pytest.raises(RegistryError, match="read-only copy"):
            copy.withdraw_consent(cid)
        rec = copy.record_export(bundle_path="/out/train", draft_id="d1", files={}, consent_ids=[cid])
        fixed_clock.advance(hours=22)  # 25 h old now: a withdrawal may be missing
        assert copy.too_old()
        with pytest.raises(sync.StaleCopyError, match="25 h old"):
            copy.record_export(bundle_path="/out/late", draft_id="d2", files={}, consent_ids=[cid])
    finally:
        copy.close()
    # back at the office: the export made offline reaches the team registry, once
    pushed = sync.push_exports(comm, tmp_path)
    assert pushed.exports == 1 and not pushed.conflicts
    assert sync.push_exports(comm, tmp_path).exports == 0
    assert [e.id for e in comm.exports_using(cid)] == [rec.id]
    assert comm.verify_audit().ok
    comm.close()


def test_why_a_team_registry_did_not_open(team: Team, memory_keyring: Any) -> None:
    """A window falls back to the copy when the server is away, and asks for the password when
    it wants one: the two failures are told apart (both still RegistryError)."""
    import socket

    from prepub.core.consent import PasswordRequired, RegistryUnreachable, open_registry, postgres
    from prepub.core.consent.store import resolve_url

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        free = s.getsockname()[1]
    url = team.url("communicator")
    away = url.replace(f":{team.cluster.port}/", f":{free}/")
    with pytest.raises(RegistryUnreachable, match="Connection refused"):
        open_registry(away)
    memory_keyring.items.clear()
    with pytest.raises(PasswordRequired, match="no password supplied"):
        open_registry(url)
    with pytest.raises(PasswordRequired, match="password authentication failed"):
        open_registry(url, password="not it")
    with pytest.raises(RegistryError) as other:  # a certificate problem is neither
        open_registry(team.cluster.tcp_url(team.database, team.users["communicator"],
                                           sslrootcert=str(team.cluster.rogue_ca)),
                      password=team.passwords["communicator"])
    assert not isinstance(other.value, (RegistryUnreachable, PasswordRequired))
    with open_registry(url, password=team.passwords["communicator"]) as reg:  # typed, not stored
        assert reg.dialect == "postgresql"
    assert postgres.password_for(resolve_url(url)[0]) is None


def test_the_outbox_counts_what_waits(team: Team, tmp_path: Path) -> None:
    outbox, photo = sync.open_outbox(tmp_path), team.open("photographer")
    try:
        shoot = outbox.add_shoot(photographer="Pia", date=date(2026, 11, 20), event="Marknad")
        assert sync.waiting(outbox) == 0
        for name in ("Ola Berg", "Eva Berg"):
            p = outbox.add_person(name=name, relation="public")
            outbox.add_consent(person_id=p.id, channels=["instagram"], purpose="Marknad",
                               given_on=date(2026, 11, 20), signed_by=["self"], logged_by="Pia",
                               verbal_note="ja", shoot_id=shoot.id)
        assert sync.waiting(outbox) == 2
        sync.push(outbox, photo)
        assert sync.waiting(outbox) == 0
        outbox.add_consent(person_id=p.id, channels=["website"], purpose="Marknad",
                           given_on=date(2026, 11, 20), signed_by=["self"], logged_by="Pia",
                           verbal_note="ja", shoot_id=shoot.id)
        assert sync.waiting(outbox) == 1
    finally:
        outbox.close()
        photo.close()


def test_the_copy_leaves_face_references_on_the_server(team: Team, tmp_path: Path) -> None:
    """Biometric templates never travel to a laptop's offline copy."""
    import numpy as np

    from prepub.core.consent import sync as sync_mod

    admin = team.open("admin")
    try:
        p = admin.add_person(name="Lisa Ek", relation="staff", matching_consent=True)
        admin.add_face_reference(p.id, encoding=np.zeros(128))
        sync_mod.refresh_copy(admin, tmp_path)
        location = admin.location
    finally:
        admin.close()
    import sqlite3

    db = sqlite3.connect(tmp_path / sync_mod.COPY_NAME)
    try:
        assert db.execute("SELECT count(*) FROM people").fetchone()[0] == 1
        assert db.execute("SELECT count(*) FROM face_refs").fetchone()[0] == 0
    finally:
        db.close()
    assert sync_mod.copy_info(tmp_path).source == location


def test_a_consent_logged_during_a_push_still_waits(
        team: Team, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Photographer mode may save the next person while the outbox is being sent: what the
    sheet did not carry is still waiting afterwards (and sent by the next push)."""
    from prepub.core.consent import sheet

    outbox, photo = sync.open_outbox(tmp_path), team.open("photographer")
    try:
        shoot = outbox.add_shoot(photographer="Pia", date=date(2026, 11, 20), event="Marknad")
        ola = outbox.add_person(name="Ola Berg", relation="public")
        outbox.add_consent(person_id=ola.id, channels=["instagram"], purpose="Marknad",
                           given_on=date(2026, 11, 20), signed_by=["self"], logged_by="Pia",
                           verbal_note="ja", shoot_id=shoot.id)
        real_import = sheet.import_sheet
        late: list[str] = []

        def import_meanwhile(team_reg: Any, path: Any, **kw: Any) -> Any:
            if not late:  # the sheet is made; the next person is saved before it is noted
                eva = outbox.add_person(name="Eva Berg", relation="public")
                late.append(outbox.add_consent(
                    person_id=eva.id, channels=["instagram"], purpose="Marknad",
                    given_on=date(2026, 11, 20), signed_by=["self"], logged_by="Pia",
                    verbal_note="ja", shoot_id=shoot.id).id)
            return real_import(team_reg, path, **kw)

        monkeypatch.setattr(sheet, "import_sheet", import_meanwhile)
        sync.push(outbox, photo)
        assert sync.waiting(outbox) == 1 and sync.pending(outbox) == [shoot.id]
        sync.push(outbox, photo)
        assert sync.waiting(outbox) == 0 and sync.pending(outbox) == []
        assert photo.get_consent(late[0]).shoot_id == shoot.id
    finally:
        outbox.close()
        photo.close()


def test_an_erased_entry_no_longer_waits(team: Team, tmp_path: Path) -> None:
    outbox = sync.open_outbox(tmp_path)
    try:
        shoot = outbox.add_shoot(photographer="Pia", date=date(2026, 11, 20), event="Marknad")
        ola = outbox.add_person(name="Ola Berg", relation="public")
        outbox.add_consent(person_id=ola.id, channels=["instagram"], purpose="Marknad",
                           given_on=date(2026, 11, 20), signed_by=["self"], logged_by="Pia",
                           verbal_note="ja", shoot_id=shoot.id)
        assert sync.waiting(outbox) == 1
        outbox.delete_person(ola.id)
        assert sync.waiting(outbox) == 0
    finally:
        outbox.close()
