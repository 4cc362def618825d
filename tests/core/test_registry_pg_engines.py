"""What the team work added to the registry, on both engines (sqlite and postgresql): changes
since a cursor and the watcher, the batched consent lookup, the export's re-check, and the rules
of migration 0005 that hold for a hand-run statement too."""

from __future__ import annotations

import threading
from datetime import date
from typing import Any

import pytest
import sqlalchemy as sa

from pg import registry_url  # noqa: F401 - the engine-parametrised fixture (sqlite, postgresql)
from prepub.core.consent import (
    ConsentWithdrawnError, Registry, RegistryChange, RegistryError, open_registry,
)
from prepub.core.consent.watch import RegistryWatcher

AGES = {"guardian_consent_age": 15, "all_custodians_under": 13}


@pytest.fixture()
def reg(registry_url: str) -> Registry:
    r = open_registry(registry_url)
    yield r  # type: ignore[misc]
    r.close()


def _verbal(reg: Registry, pid: str, **kw: Any) -> str:
    args: dict[str, Any] = dict(person_id=pid, channels=["website"], purpose="p",
                                given_on=date(2026, 1, 1), signed_by=["self"], logged_by="me",
                                verbal_note="ja")
    args.update(kw)
    return reg.add_consent(**args).id


def test_changes_since_and_the_watcher(reg: Registry) -> None:
    start = reg.latest_change()
    a = reg.add_person(name="A", relation="staff").id
    kid = reg.add_person(name="Kid", relation="public", birth_year=2016).id
    g = reg.add_guardian(child_id=kid, name="Parent").id
    c = _verbal(reg, kid, signed_by=[g])
    changes = reg.changes_since(start)
    assert [(x.action, x.person_id) for x in changes] == [
        ("person.add", a), ("person.add", kid), ("guardian.add", kid), ("consent.add", kid)]
    assert all(x.affects_consent for x in changes)
    assert reg.changes_since(changes[-1].audit_id or 0) == []

    got: list[RegistryChange] = []
    seen = threading.Event()

    def on_change(batch: Any) -> None:
        got.extend(batch)
        seen.set()

    w = RegistryWatcher(reg, on_change, poll_s=0.2).start()
    try:
        reg.withdraw_consent(c, reason="r")
        assert seen.wait(60)  # a hang guard, not a budget
    finally:
        w.stop()
    assert [(x.action, x.person_id) for x in got] == [("consent.withdraw", kid)]


def test_a_lazy_watcher_asks_nothing_on_the_callers_thread_and_stops_without_waiting(
        reg: Registry) -> None:
    """What a window does: the cursor is read on the watcher's thread, and stop(timeout=0)
    returns at once; the loop then ends by itself and reports nothing more."""
    asked: list[str] = []
    started = threading.Event()
    real = reg.latest_change

    def latest() -> int:
        asked.append(threading.current_thread().name)
        started.set()
        return real()

    reg.latest_change = latest  # type: ignore[method-assign]
    got: list[Any] = []
    statuses: list[bool] = []
    seen = threading.Event()

    def on_change(batch: Any) -> None:
        got.extend(batch)
        if any(x.action == "person.update" for x in batch):  # the change made after "now"
            seen.set()

    w = RegistryWatcher(reg, on_change, poll_s=0.2, lazy=True,
                        on_status=lambda ok, _e: statuses.append(ok))
    assert asked == [] and w.cursor is None
    thread = w.start()._thread
    a = reg.add_person(name="A", relation="staff").id
    assert started.wait(60)  # the add may land before "now" was read: change once more after
    reg.update_person(a, name="A B")
    assert seen.wait(60)  # a hang guard, not a budget
    assert asked == ["prepub-registry-watcher"]
    w.stop(timeout=0)
    assert thread is not None
    thread.join(60)  # the loop ends by itself within poll_s
    assert not thread.is_alive() and False not in statuses
    assert ("person.update", a) in [(x.action, x.person_id) for x in got]


def test_batched_lookup_answers_as_one_by_one(reg: Registry) -> None:
    people = [reg.add_person(name=f"P{i}", relation="staff").id for i in range(4)]
    kid = reg.add_person(name="Kid", relation="public", birth_year=2016).id
    g1, g2 = (reg.add_guardian(child_id=kid, name=n).id for n in ("Mor", "Far"))
    _verbal(reg, people[0], channels=["website", "instagram"])
    _verbal(reg, people[1], channels=["website"], expires_on=date(2026, 6, 1))
    reg.withdraw_consent(_verbal(reg, people[2]))
    _verbal(reg, kid, signed_by=[g1])  # one custodian of a ten-year-old: not enough
    _verbal(reg, kid, channels=["instagram"], signed_by=[g1, g2])
    ids = [*people, kid, "no-such-person", people[0]]
    on = date(2026, 11, 23)
    batch = reg.consent_statuses(ids, channels=["website", "instagram"], on=on, **AGES)
    assert list(batch) == list(dict.fromkeys(ids))
    for pid in ids:
        assert batch[pid] == reg.consent_status(pid, channels=["website", "instagram"], on=on,
                                                **AGES)
    assert [batch[p].valid for p in people] == [True, False, False, False]
    assert reg.consent_statuses([], channels=[], on=on, **AGES) == {}


def test_export_rechecks_in_its_transaction(reg: Registry, fixed_clock: Any) -> None:
    p = reg.add_person(name="P", relation="staff").id
    ok, late = _verbal(reg, p), _verbal(reg, p, channels=["print"], expires_on=date(2026, 11, 23))
    reg.record_export(bundle_path="/b0", draft_id="d", files={}, consent_ids=[ok, late])
    reg.withdraw_consent(ok)
    with pytest.raises(ConsentWithdrawnError) as err:
        reg.record_export(bundle_path="/b1", draft_id="d", files={}, consent_ids=[ok, late])
    assert err.value.consent_ids == (ok,)
    fixed_clock.advance(days=1)  # the other consent's last valid day has passed
    with pytest.raises(ConsentWithdrawnError) as err:
        reg.record_export(bundle_path="/b2", draft_id="d", files={}, consent_ids=[late])
    assert err.value.consent_ids == (late,)
    assert len(reg.exports_using(ok)) == 1 and reg.verify_audit().ok


@pytest.mark.parametrize("stmt,message", [
    ("UPDATE consents SET withdrawn_at = NULL WHERE id = '{c}'", "withdrawal stands"),
    ("UPDATE consents SET person_id = '{other}' WHERE id = '{c}'", "cannot change"),
    ("UPDATE consents SET given_on = '2020-01-01' WHERE id = '{c}'", "cannot change"),
    ("UPDATE people SET erased = false WHERE id = '{gone}'", "stays erased"),
    ("INSERT INTO consents (id, person_id, given_on, purpose, logged_by, verbal_note, "
     "created_at, withdrawal_reason) VALUES ('new', '{gone}', '2026-01-01', 'p', 'x', 'ja', "
     "'2026-01-01 00:00:00', '')", "erased person"),
    ("INSERT INTO export_consents (export_id, consent_id) VALUES ('{e}', '{c}')",
     "cannot rely on it"),
])
def test_rules_hold_for_hand_run_statements(reg: Registry, stmt: str, message: str) -> None:
    p = reg.add_person(name="P", relation="staff").id
    other = reg.add_person(name="O", relation="staff").id
    gone = reg.add_person(name="G", relation="staff").id
    reg.delete_person(gone)
    c = _verbal(reg, p)
    reg.withdraw_consent(c)
    with reg._write() as conn:  # an export made after the withdrawal, without its consents
        conn.execute(sa.text("INSERT INTO exports (id, at, bundle_path) VALUES "
                             "('e1', '2030-01-01 00:00:00', '/x')"))
    with pytest.raises((RegistryError, sa.exc.IntegrityError), match=message):
        with reg._write() as conn:
            conn.execute(sa.text(stmt.format(c=c, other=other, gone=gone, e="e1")))
