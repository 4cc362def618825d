"""Load on the team registry (issue 16): four photographers' processes writing 250 consents
each at once lose nothing and keep the audit chain whole; a writer killed with SIGKILL in the
middle of a transaction leaves no partial record. (The lookup benchmark is
``python -m prepub.bench_registry``, not a timed test.)"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import sqlalchemy as sa

from pg import Team, memory_keyring, pg_cluster, team  # noqa: F401 - fixtures

WRITER = r"""
import os, sys
from datetime import date
from prepub.core.consent import open_registry
url, person, tag, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
reg = open_registry(url, password=os.environ["PREPUB_TEST_PASSWORD"])
print("ready", flush=True)
sys.stdin.readline()  # start together
for i in range(count):
    c = reg.add_consent(person_id=person, channels=["website", "instagram"], purpose=f"{tag} {i}",
                        given_on=date(2026, 1, 1), signed_by=["self"], logged_by=tag,
                        verbal_note="yes", actor=tag)
    print(c.id, flush=True)  # printed only after the commit returned
reg.close()
"""

KILLED_INSIDE = r"""
import os, sys, time
from datetime import date
from prepub.core.consent import open_registry, records
from prepub.core.consent import consents as _consents
from prepub.core.consent import schema as t
from prepub.core.consent.types import Signature
url, pid = sys.argv[1], sys.argv[2]
reg = open_registry(url, password=os.environ["PREPUB_TEST_PASSWORD"])
with reg._write() as conn:
    at = records.now()
    conn.execute(t.people.insert().values(id=pid, name="Half Written", name_folded="half written",
                                          relation="member", created_at=at, updated_at=at))
    records.write_audit(conn, actor="doomed", action="person.add", entity="person", entity_id=pid)
    for i in range(3):
        _consents.insert(conn, person_id=pid, channels=["website"], purpose=f"p{i}",
                         given_on=date(2026, 1, 1), signatures=[Signature("self", at)],
                         logged_by="doomed", verbal_note="yes", actor="doomed")
    print("inside", flush=True)  # three consents written, nothing committed
    time.sleep(600)
"""


def _env(password: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONUNBUFFERED"] = "1"
    env["PREPUB_TEST_PASSWORD"] = password
    return env


def test_four_writers_at_once_lose_nothing(team: Team) -> None:
    admin = team.open("admin")
    pid = admin.add_person(name="Many Consents", relation="member").id
    url, pw = team.url("photographer"), team.passwords["photographer"]
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, url, pid, f"proc{i}", "250"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=_env(pw))
             for i in range(4)]
    try:
        for p in procs:
            assert p.stdout is not None and p.stdout.readline().strip() == "ready", \
                p.stderr.read() if p.stderr else ""
        t0 = time.monotonic()
        for p in procs:
            assert p.stdin is not None
            p.stdin.write("go\n")
            p.stdin.flush()
        reported: set[str] = set()
        for p in procs:
            out, err = p.communicate(timeout=600)
            assert p.returncode == 0, err
            reported |= {x for x in out.split() if x}
        took = time.monotonic() - t0
        stored = admin.consents_for(pid)
        assert len(reported) == 1000
        assert {c.id for c in stored} == reported
        assert all(c.channels == ("instagram", "website") and c.signers == {"self"}
                   for c in stored)
        report = admin.verify_audit()
        assert report.ok and report.entries == 1 + 1000
        with admin._read() as conn:  # every consent has exactly one audit entry
            n = conn.execute(sa.text("SELECT count(DISTINCT entity_id) FROM audit_log "
                                     "WHERE action = 'consent.add'")).scalar()
        assert n == 1000
        print(f"\n4 x 250 consents over TLS as photographers: {took:.1f} s "
              f"({1000 / took:.0f} consents/s), audit chain of {report.entries} entries intact")
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
        admin.close()


def test_sigkill_mid_transaction_leaves_no_partial_record(team: Team) -> None:
    import uuid

    pid = str(uuid.uuid4())
    admin = team.open("admin")
    before = admin.verify_audit()
    p = subprocess.Popen([sys.executable, "-c", KILLED_INSIDE, team.url("photographer"), pid],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                         env=_env(team.passwords["photographer"]))
    try:
        assert p.stdout is not None
        line = p.stdout.readline()
        assert line.strip() == "inside", p.stderr.read() if p.stderr else ""
        os.kill(p.pid, signal.SIGKILL)
        p.wait(timeout=30)
        assert p.returncode == -signal.SIGKILL
        # the server notices the dead client and rolls its transaction back; the chain's lock
        # goes with it, so the next writer is not held up
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with admin._read() as conn:
                busy = conn.execute(sa.text(
                    "SELECT count(*) FROM pg_stat_activity WHERE usename = :u"),
                    {"u": team.users["photographer"]}).scalar()
            if not busy:
                break
            time.sleep(0.2)
        with admin._read() as conn:
            for table, col in (("people", "id"), ("consents", "person_id"),
                               ("audit_log", "entity_id")):
                n = conn.execute(sa.text(f"SELECT count(*) FROM {table} WHERE {col} = :p"),
                                 {"p": pid}).scalar()
                assert n == 0, f"{table} holds part of the killed transaction"
            assert conn.execute(sa.text("SELECT count(*) FROM consents WHERE logged_by = 'doomed'")).scalar() == 0
        admin.add_person(name="Next Writer", relation="staff")  # not held up by the dead one's lock
        after = admin.verify_audit()
        assert after.ok and after.entries == before.entries + 1
    finally:
        if p.poll() is None:
            p.kill()
        admin.close()
