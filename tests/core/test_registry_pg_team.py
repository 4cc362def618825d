"""The team registry on a real PostgreSQL server (issue 16): TLS and passwords, evidence in the
database, the export's re-check, change notifications (the two-machine story), and the
``prepub registry`` commands an IT person runs."""

from __future__ import annotations

import io
import threading
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from pg import Team, memory_keyring, pg_cluster, team, verbal_consent as _verbal  # noqa: F401 - fixtures
from prepub.core.consent import (
    ConsentWithdrawnError, RegistryChange, RegistryError, open_registry, postgres,
)
from prepub.core.consent.store import HEAD_REVISION, resolve_url
from prepub.core.consent.watch import RegistryWatcher




# --- TLS and passwords -------------------------------------------------------------------------

def test_connections_are_tls_verified_and_passwords_come_from_the_keyring(
        team: Team, memory_keyring: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    c = team.cluster
    reg = team.open("communicator")
    try:
        with reg._read() as conn:
            ssl, version = conn.exec_driver_sql(
                "SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()").one()
        assert ssl and version.startswith("TLSv1.")
    finally:
        reg.close()
    user = team.users["communicator"]
    # a server whose certificate does not chain to the CA we trust
    with pytest.raises(RegistryError, match="certificate verify failed"):
        open_registry(c.tcp_url(team.database, user, sslrootcert=str(c.rogue_ca)))
    # the right CA, but the certificate does not name the host we asked for (no DNS: hostaddr)
    wrong = (f"postgresql://{user}@wrong.example:{c.port}/{team.database}"
             f"?hostaddr=127.0.0.1&sslrootcert={c.ca}")
    postgres.store_password(resolve_url(wrong)[0], team.passwords["communicator"])
    with pytest.raises(RegistryError, match="does not match host name"):
        open_registry(wrong)
    # no CA at all: verify-full cannot verify, so it does not connect
    monkeypatch.setenv("HOME", str(c.base / "nohome"))
    no_ca = f"postgresql://{user}@127.0.0.1:{c.port}/{team.database}"
    with pytest.raises(RegistryError, match="root certificate"):
        open_registry(no_ca)
    monkeypatch.setenv("PREPUB_REGISTRY_CA", str(c.ca))  # the organisation's CA, set once
    open_registry(no_ca).close()
    # unencrypted TCP is refused by the server (hostssl lines only)
    with pytest.raises(RegistryError, match="no encryption"):
        open_registry(c.tcp_url(team.database, user, sslmode="disable"))
    # Prepub itself refuses weak TLS to another machine, and passwords in addresses
    with pytest.raises(RegistryError, match="sslmode=require"):
        open_registry("postgresql://anna@db.office.example/prepub?sslmode=require")
    with pytest.raises(RegistryError, match="must not contain a password"):
        open_registry(f"postgresql://{user}:secret@127.0.0.1:{c.port}/{team.database}")
    # without the keyring's entry there is no password, and the server says no
    memory_keyring.items.clear()
    with pytest.raises(RegistryError, match="password"):
        team.open("communicator")


def test_login_stores_the_password_in_the_keyring_only(team: Team, memory_keyring: Any,
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    from prepub.cli import main

    url = team.url("admin")
    memory_keyring.items.clear()
    monkeypatch.setattr("sys.stdin", io.StringIO("not the password\n"))
    assert main(["registry", "login", "--url", url, "--password-stdin"]) == 1
    assert memory_keyring.items == {}  # a wrong password is not stored
    monkeypatch.setattr("sys.stdin", io.StringIO(team.passwords["admin"] + "\n"))
    assert main(["registry", "login", "--url", url, "--password-stdin"]) == 0
    assert "admin, communicator, photographer" in capsys.readouterr().out
    assert list(memory_keyring.items.values()) == [team.passwords["admin"]]
    team.open("admin").close()


def test_a_client_certificate_needs_no_password(team: Team, memory_keyring: Any,
                                               tmp_path: Path) -> None:
    from pg import CERT_GROUP, issue_cert

    from prepub.core.consent import team as team_mod

    c = team.cluster
    name = "cert_" + team.users["communicator"]
    team_mod.add_user(team.owner_url, name, role="communicator", new_password="unused but long")
    c.psql(f'CREATE ROLE {CERT_GROUP} NOLOGIN' if not c.psql(
        f"SELECT 1 FROM pg_roles WHERE rolname = '{CERT_GROUP}'") else "SELECT 1")
    c.psql(f'GRANT {CERT_GROUP} TO "{name}"')
    crt, key = issue_cert(tmp_path, "laptop", ca=(c.ca, c.ca_key), cn=name)
    memory_keyring.items.clear()  # nothing stored anywhere
    url = c.tcp_url(team.database, name, sslcert=str(crt), sslkey=str(key))
    try:
        with open_registry(url) as reg:
            assert reg.list_people() == []
        with pytest.raises(RegistryError):  # the same login without its certificate
            open_registry(c.tcp_url(team.database, name))
    finally:
        c.psql(f'DROP ROLE "{name}"')


# --- evidence in the database ------------------------------------------------------------------

def test_evidence_lives_in_the_database_and_the_database_checks_its_hash(
        team: Team, tmp_path: Path) -> None:
    form = tmp_path / "form.pdf"
    form.write_bytes(b"%PDF-1.4 " + bytes(range(256)) * 50)
    photo, admin = team.open("photographer"), team.open("admin")
    try:
        p = photo.add_person(name="Form Person", relation="member")
        c = photo.add_consent(person_id=p.id, channels=["web"], purpose="p",
                              given_on=date(2026, 1, 1), signed_by=["self"], logged_by="Pia",
                              evidence_file=form)
        again = photo.add_consent(person_id=p.id, channels=["print"], purpose="p",
                                  given_on=date(2026, 1, 1), signed_by=["self"], logged_by="Pia",
                                  evidence_file=form)
        assert again.evidence_sha256 == c.evidence_sha256  # stored once, by hash
        viewed = admin.evidence_path(c.evidence_sha256 or "")
        assert viewed is not None and viewed.read_bytes() == form.read_bytes()
        assert oct(viewed.stat().st_mode & 0o777) == oct(0o600)
        with pytest.raises(sa.exc.IntegrityError, match="ck_evidence_hash"):
            with admin._engine.begin() as conn:  # a form under someone else's hash
                conn.execute(sa.text("INSERT INTO evidence (sha256, size, data, created_at) "
                                     "VALUES (:h, 3, 'abc', now())"), {"h": "0" * 64})
        admin.delete_person(p.id)
        assert admin.evidence_path(c.evidence_sha256 or "") is None and not viewed.exists()
        with admin._read() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM evidence").scalar() == 0
    finally:
        photo.close()
        admin.close()


# --- the export re-checks consent in its own transaction ---------------------------------------

def test_export_rechecks_consent_against_the_server(team: Team) -> None:
    photo, comm, admin = (team.open(r) for r in ("photographer", "communicator", "admin"))
    try:
        p = photo.add_person(name="Lisa Ek", relation="public")
        c1, c2 = _verbal(photo, p.id), _verbal(photo, p.id, channels=["facebook"])
        # the post was checked while c1 held; then an admin withdrew it: the export is refused
        admin.withdraw_consent(c1, reason="ångrat sig")
        with pytest.raises(ConsentWithdrawnError) as err:
            comm.record_export(bundle_path="/b", draft_id="d", files={}, consent_ids=[c1, c2])
        assert err.value.consent_ids == (c1,)
        # past Prepub's own check, the database refuses too (trigger of migration 0005)
        with pytest.raises(RegistryError, match="withdrawn"):
            with comm._write() as conn:
                conn.exec_driver_sql("INSERT INTO exports (id, at, bundle_path) VALUES "
                                     "('e-x', now() + interval '1 day', '/x')")
                conn.exec_driver_sql(f"INSERT INTO export_consents VALUES ('e-x', '{c1}')")

        # a withdrawal racing an export: the export's row lock makes the withdrawal wait, or
        # the export waits for the withdrawal and sees it. Here the withdrawal goes first.
        engine = admin._engine
        with engine.connect() as aconn:
            tx = aconn.begin()
            aconn.execute(sa.text("UPDATE consents SET withdrawn_at = '2026-11-22' WHERE id = :c"),
                          {"c": c2})
            result: dict[str, Any] = {}

            def export() -> None:
                try:
                    result["ok"] = comm.record_export(bundle_path="/b2", draft_id="d2", files={},
                                                      consent_ids=[c2])
                except Exception as e:  # noqa: BLE001 - checked below
                    result["error"] = e

            t = threading.Thread(target=export)
            t.start()
            time.sleep(1.0)
            assert t.is_alive()  # the export waits on the consent row
            tx.commit()
        t.join(30)
        assert isinstance(result.get("error"), ConsentWithdrawnError), result
        assert comm.exports_using(c2) == []
        assert comm.verify_audit().ok
    finally:
        for r in (photo, comm, admin):
            r.close()


# --- withdrawal reaches everyone: the two-machine story ----------------------------------------

def _blocked_by_consent(registry: Any, person_id: str) -> bool:
    """What the communicator's window shows: the real post checks on a draft with one face
    linked to ``person_id`` (the same evaluate_draft + gate the window and the CLI run)."""
    from prepub.core import clock
    from prepub.core.checks.gate import gate
    from prepub.core.checks.post import evaluate_draft
    from prepub.core.draft import Draft
    from prepub.core.model import Face, ImageReport, Metadata
    from prepub.core.policy import load_policy

    policy = load_policy(language="sv")
    d = Draft(text="Välkommen till vårt öppna hus på lördag!", channels=["instagram"])
    im = d.add_image("/photos/a.jpg")
    im.photographer, im.context.what, im.context.where = "Pia", "Öppet hus", "Stadshuset"
    im.alt_text = "En person vid stadshusets entré."
    im.decide(0, [100, 100, 300, 340], "person", person_id=person_id)
    rep = ImageReport(path="/photos/a.jpg", metadata=Metadata(format="JPEG", width=2000, height=1500),
                      faces=(Face(index=0, box=(100, 100, 300, 340), score=0.9, age=35.0,
                                  possible_minor=False),))
    ev = evaluate_draft(d, reports={"/photos/a.jpg": rep}, policy=policy, registry=registry,
                        today=clock.today(), text_check=lambda *a, **k: [])
    return any(f.rule.startswith("face.consent") for f in gate(d, ev.findings, policy).blocking)


def test_withdrawal_reaches_an_open_window_by_notification(
        team: Team, capsys: pytest.CaptureFixture[str]) -> None:
    photo, comm, admin = (team.open(r) for r in ("photographer", "communicator", "admin"))
    lisa = photo.add_person(name="Lisa Ek", relation="public")
    state: dict[str, Any] = {"blocked": _blocked_by_consent(comm, lisa.id), "events": []}
    assert state["blocked"]
    changed = threading.Event()

    def on_change(changes: list[RegistryChange]) -> None:  # the window's re-evaluation
        if any(c.person_id == lisa.id and c.affects_consent for c in changes):
            state["blocked"] = _blocked_by_consent(comm, lisa.id)
            state["events"].append((time.monotonic(), [c.action for c in changes]))
            changed.set()

    # Polling only once a minute: a change that arrives well within that came by LISTEN/NOTIFY.
    # The waits below are hang guards, not budgets; the measured delays are printed (issue 16's
    # target is 2 s, measured, never asserted on a loaded machine).
    watcher = RegistryWatcher(comm, on_change, poll_s=60.0).start()
    lines = []
    try:
        t0 = time.monotonic()
        cid = _verbal(photo, lisa.id)  # photographer, on another laptop
        t_commit = time.monotonic()
        assert changed.wait(45), "the consent never reached the window by notification"
        lift = state["events"][-1][0] - t_commit
        assert not state["blocked"]
        lines.append(f"photographer adds consent (commit {1000 * (t_commit - t0):.0f} ms); "
                     f"communicator's window unblocked {1000 * lift:.0f} ms after the commit "
                     f"({state['events'][-1][1]})")
        changed.clear()
        t0 = time.monotonic()
        admin.withdraw_consent(cid, reason="ångrat sig")
        t_commit = time.monotonic()
        assert changed.wait(45), "the withdrawal never reached the window by notification"
        block = state["events"][-1][0] - t_commit
        assert state["blocked"]
        lines.append(f"admin withdraws it (commit {1000 * (t_commit - t0):.0f} ms); "
                     f"communicator's window blocked again {1000 * block:.0f} ms after the commit "
                     f"({state['events'][-1][1]})")
    finally:
        watcher.stop()
        for r in (photo, comm, admin):
            r.close()
    with capsys.disabled():
        print("\n" + "\n".join(lines))


def test_watcher_catches_up_after_the_connection_drops(team: Team) -> None:
    comm, photo = team.open("communicator"), team.open("photographer")
    seen: list[RegistryChange] = []
    status: list[bool] = []
    got = threading.Event()

    def on_change(changes: list[RegistryChange]) -> None:
        seen.extend(changes)
        got.set()

    watcher = RegistryWatcher(comm, on_change, poll_s=0.3,
                              on_status=lambda online, _e: status.append(online)).start()
    try:
        time.sleep(0.5)
        team.cluster.psql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                          f"WHERE usename = '{team.users['communicator']}'")
        p = photo.add_person(name="While Away", relation="member")
        assert got.wait(60)  # a hang guard: the watcher reconnects and catches up
        assert p.id in {c.person_id for c in seen}
    finally:
        watcher.stop()
        comm.close()
        photo.close()
    assert status[:1] == [False] and status[-1:] == [True]


# --- the commands an IT person runs ------------------------------------------------------------

def test_registry_init_user_add_and_migrate_from_the_command_line(
        pg_cluster: Any, memory_keyring: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    import uuid

    import numpy as np

    from prepub.cli import main

    db = pg_cluster.create_database("cli")
    owner = pg_cluster.tcp_url(db, "postgres")
    monkeypatch.setenv("PREPUB_REGISTRY_PASSWORD", pg_cluster.superuser_password)
    assert main(["registry", "init", "--url", owner]) == 0
    out = capsys.readouterr().out
    assert f"Schema: none -> {HEAD_REVISION}" in out and "prepub_admin" in out
    assert main(["registry", "init", "--url", owner]) == 0  # again: nothing to do, no error
    name = f"anna_{uuid.uuid4().hex[:6]}"
    monkeypatch.setattr("sys.stdin", io.StringIO("a long enough password\n"))
    assert main(["registry", "user", "add", name, "--role", "admin", "--url", owner,
                 "--password-stdin"]) == 0
    assert f"Created login {name} in role admin" in capsys.readouterr().out

    # a personal registry with a bit of everything
    form = tmp_path / "form.pdf"
    form.write_bytes(b"%PDF-1.4 personal form")
    personal = f"sqlite:///{tmp_path / 'mine.sqlite3'}"
    with open_registry(personal) as mine:
        shoot = mine.add_shoot(photographer="Pia", date=date(2026, 10, 1), event="Vårfest")
        kid = mine.add_person(name="Liten Ek", relation="public", birth_year=2016,
                              matching_consent=True)
        g = mine.add_guardian(child_id=kid.id, name="Mor Ek")
        c_kid = mine.add_consent(person_id=kid.id, channels=["website"], purpose="Vårfest",
                                 given_on=date(2026, 10, 1), signed_by=[g.id], logged_by="Pia",
                                 evidence_file=form, shoot_id=shoot.id)
        mine.add_face_reference(kid.id, encoding=np.linspace(0, 1, 128))
        adult = mine.add_person(name="Stor Ek", relation="staff")
        c_adult = _verbal(mine, adult.id)
        mine.record_export(bundle_path="/out/x", draft_id="d", files={"a.jpg": "a" * 64},
                           consent_ids=[c_kid.id])
        mine.withdraw_consent(c_adult, reason="slutat")
        gone = mine.add_person(name="Borta Person", relation="member")
        _verbal(mine, gone.id)
        mine.delete_person(gone.id)
        before = {t: _rows(mine, t) for t in ("people", "consents", "guardians", "face_refs")}
        n_audit = len(mine.audit_entries(limit=1000))
    assert main(["registry", "migrate", "--from", personal, "--to", owner]) == 0
    out = capsys.readouterr().out
    assert "evidence files            1 added" in out and f"{n_audit} added" in out
    assert main(["registry", "migrate", "--from", personal, "--to", owner]) == 0
    assert "Nothing new" in capsys.readouterr().out  # idempotent
    with open_registry(personal) as mine:
        _verbal(mine, adult.id, channels=["print"])  # the laptop goes on working
    assert main(["registry", "migrate", "--from", personal, "--to", owner]) == 0
    out = capsys.readouterr().out
    assert "consents                  1 added" in out and "audit entries             1 added" in out

    postgres.store_password(resolve_url(owner)[0], pg_cluster.superuser_password)
    with open_registry(owner) as teamreg:
        for t in ("people", "guardians", "face_refs"):
            assert _rows(teamreg, t) == before[t]
        assert len(_rows(teamreg, "consents")) == len(before["consents"]) + 1
        assert teamreg.get_person(gone.id).erased
        assert teamreg.get_consent(c_adult).withdrawn
        st = teamreg.consent_status(kid.id, channels=["website"], on=date(2026, 11, 23),
                                    guardian_consent_age=15, all_custodians_under=13)
        assert st.valid and st.consent_ids == (c_kid.id,)
        assert teamreg.evidence_path(c_kid.evidence_sha256 or "").read_bytes() == form.read_bytes()
        assert [e.consent_ids for e in teamreg.exports_using(c_kid.id)] == [(c_kid.id,)]
        report = teamreg.verify_audit()
        assert report.ok and report.entries == n_audit + 1 + 1 + 1  # + marker, + new, + marker
    monkeypatch.delenv("PREPUB_REGISTRY_PASSWORD")
    pg_cluster.drop_database(db)
    pg_cluster.psql(f'DROP ROLE IF EXISTS "{name}"')


def _rows(reg: Any, table: str) -> list[tuple[Any, ...]]:
    from prepub.core.consent.schema import metadata

    tb = metadata.tables[table]
    with reg._read() as conn:
        return [tuple(bytes(v) if isinstance(v, memoryview) else v for v in r)
                for r in conn.execute(sa.select(tb).order_by(tb.c.id))]
