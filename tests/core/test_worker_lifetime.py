"""Worker processes die with the app (prepub.core.workers): after SIGKILL or SIGTERM of the
parent, its helper children must not run on as orphans; and a child started from a thread that
later ends is not taken down with that thread (Linux's parent-death signal follows the thread).

The parent is a real process (a small script), killed from here; the test then polls, with a
generous deadline, until every process it had started is gone."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import psutil
import pytest

from prepub.core.workers import ProcessWorker

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses POSIX signals")

DEADLINE_SECONDS = 60.0

PARENT_SCRIPT = textwrap.dedent("""
    import json
    import threading
    import time

    from prepub.core.isolated import IsolatedAnalyzer, child_pid
    from prepub.core.workers import ProcessWorker

    if __name__ == "__main__":
        worker = ProcessWorker()
        worker.call(abs, -1)  # started from the main thread
        analyzer = IsolatedAnalyzer(faces=False)
        t = threading.Thread(target=analyzer.prepare)  # started from a thread that then ends
        t.start()
        t.join()
        print(json.dumps({"workers": [worker.pid(), child_pid(analyzer)]}), flush=True)
        time.sleep(600)
""")


def _alive(proc: psutil.Process) -> bool:
    try:
        return proc.is_running() and proc.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def _wait_until_gone(procs: list[psutil.Process]) -> list[psutil.Process]:
    """The processes still alive when they are all gone or the deadline passed."""
    deadline = time.monotonic() + DEADLINE_SECONDS
    alive = [p for p in procs if _alive(p)]
    while alive and time.monotonic() < deadline:
        time.sleep(0.1)
        alive = [p for p in alive if _alive(p)]
    return alive


def _start_parent(tmp_path: Path) -> tuple[subprocess.Popen[str], list[int]]:
    script = tmp_path / "parent.py"
    script.write_text(PARENT_SCRIPT, encoding="utf-8")
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    line = parent.stdout.readline() if parent.stdout is not None else ""
    assert line, "the parent script ended before its workers started"
    workers = json.loads(line)["workers"]
    assert all(isinstance(pid, int) for pid in workers)
    return parent, workers


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_children_die_with_their_parent(tmp_path: Path, sig: signal.Signals) -> None:
    parent, workers = _start_parent(tmp_path)
    children = psutil.Process(parent.pid).children(recursive=True)
    try:
        assert set(workers) <= {c.pid for c in children}
        assert all(_alive(c) for c in children if c.pid in workers)
        os.kill(parent.pid, sig)
        parent.wait(timeout=DEADLINE_SECONDS)
        left = _wait_until_gone(children)
        assert not left, f"still running after the parent died: {[p.cmdline() for p in left]}"
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()
        for c in children:  # never leave an orphan behind, even when the test fails
            if _alive(c):
                c.kill()


def test_child_outlives_the_thread_that_started_it() -> None:
    w = ProcessWorker()
    started: dict[str, int] = {}

    def first_call() -> None:
        started["thread"] = threading.get_native_id()
        started["result"] = w.call(abs, -7)

    try:
        t = threading.Thread(target=first_call)
        t.start()
        t.join()
        assert started["result"] == 7
        child = w.pid()
        assert child is not None
        me = psutil.Process()
        deadline = time.monotonic() + DEADLINE_SECONDS  # until the OS thread is really gone
        while started["thread"] in {th.id for th in me.threads()} and time.monotonic() < deadline:
            time.sleep(0.05)
        assert w.call(abs, -8) == 8
        assert w.pid() == child and w.crashes == 0
        assert _alive(psutil.Process(child))
    finally:
        w.close()
