"""Several writers at once, and a writer killed mid-loop: no committed consent is ever lost."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

import pytest

from pg import registry_url  # noqa: F401 - the engine-parametrised fixture (sqlite, postgresql)
from prepub.core.consent import open_registry

WRITER = r"""
import sys
from datetime import date
from prepub.core.consent import open_registry
url, person, tag, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
reg = open_registry(url)
print("ready", flush=True)
sys.stdin.readline()  # start together
i = 0
while count < 0 or i < count:
    c = reg.add_consent(person_id=person, channels=["website"], purpose=f"{tag} {i}",
                        given_on=date(2025, 1, 1), signed_by=["self"], logged_by=tag,
                        verbal_note="yes", actor=tag)
    print(c.id, flush=True)  # printed only after the commit returned
    i += 1
reg.close()
"""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONUNBUFFERED"] = "1"
    return env


@pytest.fixture()
def db(registry_url: str) -> tuple[str, str]:
    url = registry_url
    reg = open_registry(url)
    pid = reg.add_person(name="Many Consents", relation="member").id
    reg.close()
    return url, pid


def _start(url: str, person: str, tag: str, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", WRITER, url, person, tag, str(count)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=_env())


def _wait_ready(p: subprocess.Popen[str]) -> None:
    assert p.stdout is not None
    line = p.stdout.readline()
    assert line.strip() == "ready", (line, p.stderr.read() if p.stderr else "")


def test_threads_sharing_one_registry_and_separate_registries(db: tuple[str, str]) -> None:
    url, pid = db
    shared = open_registry(url)
    own = [open_registry(url) for _ in range(2)]
    errors: list[BaseException] = []
    made: list[str] = []
    lock = threading.Lock()

    def work(reg: object, tag: str) -> None:
        try:
            for i in range(15):
                c = reg.add_consent(person_id=pid, channels=["website", "x"],  # type: ignore[attr-defined]
                                    purpose=f"{tag}{i}", given_on=date(2025, 1, 1),
                                    signed_by=["self"], logged_by=tag, verbal_note="ok")
                with lock:
                    made.append(c.id)
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(shared, f"s{i}")) for i in range(3)]
    threads += [threading.Thread(target=work, args=(r, f"o{i}")) for i, r in enumerate(own)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    try:
        assert not errors, errors
        stored = {c.id for c in shared.consents_for(pid)}
        assert len(made) == 75 and stored == set(made)
        assert all(c.channels == ("website", "x") for c in shared.consents_for(pid))
        assert len([e for e in shared.audit_entries(limit=500) if e.action == "consent.add"]) == 75
    finally:
        for r in [shared, *own]:
            r.close()


def test_processes_writing_at_once_all_land(db: tuple[str, str]) -> None:
    url, pid = db
    procs = [_start(url, pid, f"proc{i}", 20) for i in range(3)]  # start-up runs in parallel
    for p in procs:
        _wait_ready(p)
    for p in procs:
        assert p.stdin is not None
        p.stdin.write("go\n")
        p.stdin.flush()
    reported: set[str] = set()
    for p in procs:
        out, err = p.communicate(timeout=180)
        assert p.returncode == 0, err
        reported |= {x for x in out.split() if x}
    reg = open_registry(url)
    try:
        stored = reg.consents_for(pid)
        assert len(reported) == 60
        assert {c.id for c in stored} == reported
        assert sorted({c.logged_by for c in stored}) == ["proc0", "proc1", "proc2"]
    finally:
        reg.close()


def test_killed_writer_loses_no_committed_consent(db: tuple[str, str], tmp_path: Path) -> None:
    url, pid = db
    p = _start(url, pid, "doomed", -1)  # writes until killed
    _wait_ready(p)
    assert p.stdin is not None and p.stdout is not None
    p.stdin.write("go\n")
    p.stdin.flush()
    committed = []
    while len(committed) < 25:
        line = p.stdout.readline()
        assert line, p.stderr.read() if p.stderr else "writer ended"
        committed.append(line.strip())
    os.kill(p.pid, signal.SIGKILL)  # in the middle of the next write
    p.wait(timeout=30)
    assert p.returncode == -signal.SIGKILL
    if url.startswith("sqlite"):
        # the hot WAL is still there: recovery is SQLite's job on the next open
        raw = sqlite3.connect(tmp_path / "r.db")
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        raw.close()
    reg = open_registry(url)  # runs the integrity check itself and would raise
    try:
        stored = {c.id for c in reg.consents_for(pid)}
        assert set(committed) <= stored
        assert len(stored) >= len(committed)
        # what the dead process committed after its last printed line is whole, never partial
        for c in reg.consents_for(pid):
            assert c.channels == ("website",) and c.signers == {"self"}
        reg.add_consent(person_id=pid, channels=["website"], purpose="after", given_on=date(2025, 1, 2),
                        signed_by=["self"], logged_by="me", verbal_note="ok")
    finally:
        reg.close()
