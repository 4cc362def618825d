"""Opening the registry: location, file modes, SQLite settings, migrations, integrity check."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from pg import registry_url  # noqa: F401 - the engine-parametrised fixture (sqlite, postgresql)
from prepub.core.consent import RegistryError, open_registry
from prepub.core.consent import store
from prepub.core.consent.schema import metadata


def _url(path: Path) -> str:
    return f"sqlite:///{path}"


def _mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


def test_default_location_is_private_and_in_data_dir(monkeypatch: pytest.MonkeyPatch,
                                                     tmp_path: Path) -> None:
    data = tmp_path / "nested" / "data"
    monkeypatch.setenv("PREPUB_DATA_DIR", str(data))
    monkeypatch.delenv("PREPUB_REGISTRY_URL", raising=False)
    reg = open_registry()
    try:
        reg.add_person(name="Test Person", relation="staff")
        db = data / "registry.sqlite3"
        assert reg.location == str(db)
        assert _mode(data) == 0o700
        assert _mode(db) == 0o600
        wal = data / "registry.sqlite3-wal"
        assert wal.exists() and _mode(wal) == 0o600  # WAL mode is on
        shm = data / "registry.sqlite3-shm"
        assert _mode(shm) == 0o600
    finally:
        reg.close()


def test_env_url_overrides_and_existing_folder_mode_is_left_alone(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    shared = tmp_path / "team"
    shared.mkdir(mode=0o755)
    os.chmod(shared, 0o755)
    monkeypatch.setenv("PREPUB_REGISTRY_URL", _url(shared / "reg.db"))
    reg = open_registry()
    try:
        assert reg.location == str((shared / "reg.db").resolve())
        assert _mode(shared / "reg.db") == 0o600
        assert _mode(shared) == 0o755  # a folder the user chose is not ours to lock down
        assert reg.evidence.folder == shared.resolve() / "evidence"
    finally:
        reg.close()


def test_invalid_url_is_a_clear_error() -> None:
    with pytest.raises(RegistryError, match="not a valid database URL"):
        open_registry("this is not :// a url")


def test_sqlite_connection_settings(tmp_path: Path) -> None:
    reg = open_registry(_url(tmp_path / "r.db"))
    try:
        with reg._engine.connect() as conn:
            got = {p: conn.exec_driver_sql(f"PRAGMA {p}").scalar()
                   for p in ("foreign_keys", "journal_mode", "synchronous", "busy_timeout",
                             "secure_delete")}
        assert got == {"foreign_keys": 1, "journal_mode": "wal", "synchronous": 2,
                       "busy_timeout": store.BUSY_TIMEOUT_MS, "secure_delete": 1}
    finally:
        reg.close()


def test_foreign_keys_are_enforced(registry_url: str) -> None:
    reg = open_registry(registry_url)
    try:
        with pytest.raises(sa.exc.IntegrityError):
            with reg._write() as conn:
                conn.execute(sa.text(
                    "INSERT INTO guardians (id, child_id, name, relation, contact, created_at) "
                    "VALUES ('g1', 'no-such-person', 'X', 'parent', '', '2025-01-01 00:00:00')"))
        assert reg.guardians_of("no-such-person") == []
    finally:
        reg.close()


def test_fresh_database_matches_the_model_exactly(registry_url: str) -> None:
    open_registry(registry_url).close()
    engine = store.make_engine(store.resolve_url(registry_url)[0])
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(ctx, metadata) == []
        assert store.current_revision(conn) == store.head_revision() == store.HEAD_REVISION
    engine.dispose()


def _db_at_0001_with_data(db: Path) -> None:
    store.migrate(_url(db), revision="0001")
    con = sqlite3.connect(db)
    ts = "2024-03-01 10:00:00"
    con.executescript(f"""
        INSERT INTO people (id, name, name_folded, relation, protected_identity, birth_year,
            is_minor, matching_consent, created_at, updated_at, erased)
        VALUES ('kid', 'Liten Ek', 'liten ek', 'public', 0, 2016, NULL, 0, '{ts}', '{ts}', 0),
               ('adult', 'Stor Ek', 'stor ek', 'staff', 0, 1980, NULL, 0, '{ts}', '{ts}', 0);
        INSERT INTO guardians (id, child_id, name, relation, contact, created_at)
        VALUES ('g1', 'kid', 'Mor Ek', 'parent', '', '{ts}');
        INSERT INTO shoots (id, photographer, date, place, event, notes, created_at)
        VALUES ('s1', 'Pia', '2024-03-01', 'Skolan', 'Vårfest', '', '{ts}');
        INSERT INTO consents (id, person_id, given_by_guardian_id, given_on, purpose, logged_by,
            verbal_note, shoot_id, created_at, withdrawal_reason)
        VALUES ('c-kid', 'kid', 'g1', '2024-03-01', 'Vårfest', 'Pia', 'mamma sa ja', 's1', '{ts}', ''),
               ('c-adult', 'adult', NULL, '2024-03-01', 'Vårfest', 'Pia', 'ja', 's1', '{ts}', '');
        INSERT INTO consent_channels (consent_id, channel)
        VALUES ('c-kid', 'website'), ('c-kid', 'facebook'), ('c-adult', 'website');
        INSERT INTO audit_log (at, actor, action, entity, entity_id, details)
        VALUES ('{ts}', 'pia', 'consent.add', 'consent', 'c-kid', '{{}}');
    """)
    con.commit()
    con.close()


def test_upgrade_from_previous_schema_keeps_every_record(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    _db_at_0001_with_data(db)
    reg = open_registry(_url(db))
    try:
        kid = reg.consents_for("kid")
        assert len(kid) == 1
        # the rebuild of `consents` must not cascade-delete its channels
        assert kid[0].channels == ("facebook", "website")
        assert kid[0].signers == {"g1"}
        assert reg.consents_for("adult")[0].signers == {"self"}
        st = reg.consent_status("kid", channels=["website", "facebook"], on=date(2024, 6, 1),
                                guardian_consent_age=15, all_custodians_under=13)
        assert st.valid, st
        assert [e.action for e in reg.audit_entries()] == ["consent.add"]
        ex = reg.record_export(bundle_path="/b", draft_id="d", files={"a.jpg": "0" * 64},
                               consent_ids=["c-kid"])  # a table 0002 added
        assert [e.id for e in reg.withdraw_consent("c-kid", reason="r")] == [ex.id]
    finally:
        reg.close()
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    cols = [r[1] for r in con.execute("PRAGMA table_info(consents)")]
    assert "given_by_guardian_id" not in cols
    con.close()


def test_downgrade_and_upgrade_again(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    _db_at_0001_with_data(db)
    store.migrate(_url(db))
    engine = store.make_engine(sa.engine.make_url(_url(db)), foreign_keys=False)
    with engine.begin() as conn:
        command.downgrade(store.alembic_config(conn), "0001")
    engine.dispose()
    con = sqlite3.connect(db)
    assert con.execute("SELECT given_by_guardian_id FROM consents WHERE id='c-kid'").fetchone() == ("g1",)
    con.close()
    reg = open_registry(_url(db))
    try:
        assert reg.consents_for("kid")[0].signers == {"g1"}
    finally:
        reg.close()


def test_newer_schema_is_refused(registry_url: str) -> None:
    open_registry(registry_url).close()
    engine = store.make_engine(store.resolve_url(registry_url)[0])
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    engine.dispose()
    with pytest.raises(RegistryError, match="newer Prepub"):
        open_registry(registry_url)


def _filled(db: Path, n: int = 300) -> None:
    """A registry with enough rows to span many pages, written in one transaction (fast)."""
    from prepub.core.consent import consents, records
    from prepub.core.consent import schema as t
    from prepub.core.consent.types import Signature

    reg = open_registry(_url(db))
    try:
        with reg._write() as conn:
            at = records.now()
            for i in range(n):
                pid = f"person-{i:04d}"
                conn.execute(t.people.insert().values(
                    id=pid, name=f"Person {i} " + "x" * 80, name_folded=f"person {i}",
                    relation="member", created_at=at, updated_at=at))
                consents.insert(conn, person_id=pid, channels=["website"], purpose="p" * 100,
                                given_on=date(2025, 1, 1), signatures=[Signature("self", at)],
                                logged_by="me", verbal_note="yes", actor="test")
    finally:
        reg.close()
    assert not (db.parent / (db.name + "-wal")).exists() or \
        (db.parent / (db.name + "-wal")).stat().st_size == 0


@pytest.fixture(scope="module")
def filled_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("filled") / "good.db"
    _filled(db)
    return db


@pytest.mark.parametrize("where", ["pages", "header"])
def test_damaged_file_is_refused_and_left_untouched(filled_db: Path, tmp_path: Path,
                                                    where: str) -> None:
    bad = tmp_path / "bad.db"
    shutil.copy(filled_db, bad)
    size = bad.stat().st_size
    assert size > 20 * 4096
    with open(bad, "r+b") as fh:
        if where == "header":
            fh.write(b"this is not sqlite!")
        else:  # garble B-tree pages in the middle of the file
            for page in range(3, size // 4096, 4):
                fh.seek(page * 4096 + 16)
                fh.write(bytes((i * 37 + page) % 251 for i in range(600)))
    before = bad.read_bytes()
    with pytest.raises(RegistryError) as err:
        open_registry(_url(bad))
    assert str(bad) in str(err.value)
    assert bad.read_bytes() == before  # never recreated or "repaired" behind the user's back
    assert not (tmp_path / "bad.db-wal").exists() or (tmp_path / "bad.db-wal").stat().st_size == 0


def test_undamaged_copy_opens(filled_db: Path, tmp_path: Path) -> None:
    good = tmp_path / "copy.db"
    shutil.copy(filled_db, good)
    reg = open_registry(_url(good))
    try:
        assert len(reg.list_people()) == 300
    finally:
        reg.close()


def test_unreachable_team_server_is_a_clear_error() -> None:
    # port 1 on this machine: nothing listens there (no name is looked up, nothing leaves it)
    with pytest.raises(RegistryError, match="cannot be opened"):
        open_registry("postgresql://team@127.0.0.1:1/prepub")


def test_migrations_render_for_postgresql() -> None:
    """The same migrations serve a team's PostgreSQL (checked by hand against PostgreSQL 15 with
    psql; here: they render offline without SQLite-only statements)."""
    import io

    cfg = store.alembic_config()
    cfg.set_main_option("sqlalchemy.url", "postgresql://")
    buf = io.StringIO()
    cfg.output_buffer = buf
    command.upgrade(cfg, "head", sql=True)
    sql = buf.getvalue()
    assert "CREATE TABLE consent_signatures" in sql
    assert "INSERT INTO consent_signatures (consent_id, signer_kind, guardian_id, signed_at) SELECT" in sql
    assert "ALTER TABLE consents DROP COLUMN given_by_guardian_id" in sql
    assert "EXECUTE FUNCTION prepub_audit_log_append_only()" in sql
    assert "PRAGMA" not in sql and "_alembic_tmp" not in sql
