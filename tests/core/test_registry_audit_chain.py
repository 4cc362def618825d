"""The audit log is a hash chain (issue 17, item 7): an entry rewritten behind the append-only
triggers' back (drop them, edit, recreate: ``PRAGMA integrity_check`` still says ok) is found on
open and by ``prepub registry verify``, which names the first broken entry, and the post checks
block every export while the chain is broken."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

import prepub.core.checks.post  # noqa: F401 - registers registry.audit_broken
from prepub.cli import main
from prepub.core.checks.post import evaluate_draft
from prepub.core.consent import Registry, RegistryError, open_registry
from prepub.core.consent import store
from prepub.core.draft import Draft, Override
from prepub.core.export import export_bundle
from prepub.core.export.errors import ExportError
from prepub.core.messages import message
from prepub.core.policy import load_policy

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)
TRIGGERS = [f"CREATE TRIGGER audit_log_no_{e.lower()} BEFORE {e} ON audit_log "
            "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END" for e in ("UPDATE", "DELETE")]


def _url(db: Path) -> str:
    return f"sqlite:///{db}"


def _fill(db: Path) -> list[int]:
    """A registry with a handful of entries written through the API; their ids, oldest first."""
    with open_registry(_url(db)) as reg:
        p = reg.add_person(name="Åsa Öberg", relation="staff", actor="anna")
        reg.add_consent(person_id=p.id, channels=["website"], purpose="Invigning",
                        given_on=date(2026, 1, 1), signed_by=["self"], logged_by="anna",
                        verbal_note="ja")
        reg.update_person(p.id, protected_identity=True, actor="anna")
        reg.audit(action="export.override", entity="draft", entity_id="d1",
                  details={"rule": "location.trip", "reason": "ok"})
        reg.add_shoot(photographer="Pia", date=date(2026, 2, 1))
        report = reg.verify_audit()
        assert report.ok and report.entries == 5
        return sorted(e.id for e in reg.audit_entries(limit=100))


def _behind_the_triggers(db: Path, *statements: str) -> None:
    """What the red team did: drop the triggers, change the log, put the triggers back."""
    con = sqlite3.connect(db)
    con.executescript("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;"
                      + ";".join(statements) + ";" + ";".join(TRIGGERS) + ";")
    con.commit()
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()


def test_an_untouched_log_verifies(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "r.db"
    _fill(db)
    assert main(["registry", "verify", "--registry", _url(db), "--lang", "en"]) == 0
    assert "5 entries" in capsys.readouterr().out


def test_a_rewritten_entry_is_found_on_open_and_by_the_cli(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "r.db"
    ids = _fill(db)
    target = ids[2]  # person.update
    _behind_the_triggers(db, "UPDATE audit_log SET actor = 'someone-else', "
                             f"details = '{{\"fields\": []}}' WHERE id = {target}")
    with open_registry(_url(db)) as reg:
        chain = reg.audit_chain
        assert not chain.ok and chain.broken_at == target and chain.reason == "content"
        assert reg.verify_audit() == chain
    assert main(["registry", "verify", "--registry", _url(db), "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert f"entry {target}" in out and "changed after it was written" in out
    assert main(["registry", "verify", "--registry", _url(db), "--lang", "sv"]) == 1
    assert f"post {target}" in capsys.readouterr().out


def test_a_removed_entry_breaks_the_next_ones_link(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    ids = _fill(db)
    _behind_the_triggers(db, f"DELETE FROM audit_log WHERE id = {ids[1]}")
    with open_registry(_url(db)) as reg:
        assert (reg.audit_chain.broken_at, reg.audit_chain.reason) == (ids[2], "link")


def test_a_resealed_entry_still_breaks_the_chain(tmp_path: Path) -> None:
    """Changing an entry and recomputing its own hash moves the break to the next entry."""
    from prepub.core.consent import chain

    db = tmp_path / "r.db"
    ids = _fill(db)
    con = sqlite3.connect(db)
    prev, at, entity, entity_id = con.execute(
        "SELECT prev_hash, at, entity, entity_id FROM audit_log WHERE id = ?", (ids[1],)).fetchone()
    con.close()
    forged = chain.entry_hash(prev_hash=prev, at=datetime.fromisoformat(at), actor="x",
                              action="consent.add", entity=entity, entity_id=entity_id, details="{}")
    _behind_the_triggers(db, f"UPDATE audit_log SET actor = 'x', details = '{{}}', "
                             f"entry_hash = '{forged}' WHERE id = {ids[1]}")
    with open_registry(_url(db)) as reg:
        assert (reg.audit_chain.broken_at, reg.audit_chain.reason) == (ids[2], "link")


def test_a_broken_chain_blocks_the_export(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    ids = _fill(db)
    _behind_the_triggers(db, f"UPDATE audit_log SET details = '{{}}' WHERE id = {ids[0]}")
    policy = load_policy(language="sv")
    draft = Draft(text="Välkomna till invigningen!", channels=["website"], title="Invigning",
                  scheduled_at="2026-12-01T10:00:00+01:00")
    draft.overrides.append(Override(rule="registry.audit_broken", reason="vi vet", by="anna"))
    with open_registry(_url(db)) as reg:
        ev = evaluate_draft(draft, reports={}, policy=policy, registry=reg,
                            today=date(2026, 11, 23))
        found = [f for f in ev.findings if f.rule == "registry.audit_broken"]
        assert len(found) == 1 and found[0].blocks and found[0].params["entry"] == ids[0]
        assert str(ids[0]) in message(found[0], "da")
        with pytest.raises(ExportError) as err:
            export_bundle(draft, out_dir=tmp_path / "out", policy=policy, findings=ev.findings,
                          registry=reg, now=NOW, formats=["json"])
        assert err.value.rule == "export.blocked"
        assert [f.rule for f in err.value.findings] == ["registry.audit_broken"]
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_tampering_after_open_stops_the_export_log(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    ids = _fill(db)
    with open_registry(_url(db)) as reg:
        assert reg.audit_chain.ok
        _behind_the_triggers(db, f"UPDATE audit_log SET actor = 'x' WHERE id = {ids[3]}")
        with pytest.raises(RegistryError, match=f"entry {ids[3]}"):
            reg.record_export(bundle_path="/b", draft_id="d", files={}, consent_ids=[])
        assert not reg.audit_chain.ok


def test_migration_seals_an_existing_log_in_order(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    store.migrate(_url(db), revision="0003")
    con = sqlite3.connect(db)
    con.executemany("INSERT INTO audit_log (at, actor, action, entity, entity_id, details) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    [("2024-03-01 10:00:00", "pia", "consent.add", "consent", "c1", "{}"),
                     ("2024-03-01 10:00:05.250000", "pia", "person.add", "person", "p1",
                      '{"relation": "public"}')])
    con.commit()
    con.close()
    with open_registry(_url(db)) as reg:
        assert reg.audit_chain.ok and reg.audit_chain.entries == 2
        reg.audit(action="export.override", entity="draft", entity_id="d1", details={})
        assert reg.verify_audit().entries == 3
    con = sqlite3.connect(db)
    rows = con.execute("SELECT prev_hash, entry_hash FROM audit_log ORDER BY id").fetchall()
    assert rows[0][0] == "0" * 64 and all(r[1] == n[0] for r, n in zip(rows, rows[1:], strict=False))
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):  # triggers back in place
        con.execute("UPDATE audit_log SET actor = 'x'")
    con.close()
    _behind_the_triggers(db, "UPDATE audit_log SET actor = 'x' WHERE id = 1")
    with open_registry(_url(db)) as reg:
        assert (reg.audit_chain.broken_at, reg.audit_chain.reason) == (1, "content")


def test_registry_is_usable_to_look_at_while_broken(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    ids = _fill(db)
    _behind_the_triggers(db, f"UPDATE audit_log SET actor = 'x' WHERE id = {ids[4]}")
    with open_registry(_url(db)) as reg:
        assert isinstance(reg, Registry)
        assert [p.name for p in reg.list_people()] == ["Åsa Öberg"]
        assert not reg.audit_chain.ok


def test_concurrent_writers_keep_one_chain(tmp_path: Path) -> None:
    """Two registries on one file, two threads each: every entry links to the one before."""
    import threading

    db = tmp_path / "r.db"
    regs = [open_registry(_url(db)) for _ in range(2)]
    pid = regs[0].add_person(name="Kim", relation="member").id
    start = threading.Barrier(4)

    def write(reg: Registry, tag: str) -> None:
        start.wait()
        for i in range(15):
            reg.audit(action="export.override", entity="draft", entity_id=f"{tag}-{i}")
            reg.update_person(pid, protected_identity=bool(i % 2), actor=tag)

    threads = [threading.Thread(target=write, args=(regs[k % 2], f"t{k}")) for k in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    report = regs[1].verify_audit()
    assert report.ok and report.entries == 1 + 4 * 15 * 2
    for reg in regs:
        reg.close()
