"""The worker processes the desktop app analyses photos and checks text in (prepub.core.workers,
prepub.core.isolated): results come back, a crash during a photo becomes a finding for that photo
and the next photo is analysed by a fresh child, a child killed while idle is replaced silently."""

from __future__ import annotations

import os
import signal
import sys
import textwrap
import time
from pathlib import Path

import pytest
from PIL import Image

from prepub.core.isolated import CRASHED_REASON, IsolatedAnalyzer, child_pid
from prepub.core.messages import message
from prepub.core.policy import load_policy
from prepub.core.workers import HelperWorker, ProcessWorker, WorkerCrashed

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses POSIX signals")


def _photo(path: Path) -> Path:
    Image.new("RGB", (640, 480), (90, 120, 160)).save(path, "JPEG", quality=85)
    return path


def test_worker_returns_results_and_survives_a_crash() -> None:
    w = ProcessWorker()
    try:
        assert w.call(pow, 2, 10) == 1024
        first = w.pid()
        assert first is not None and first != os.getpid()
        with pytest.raises(WorkerCrashed):
            w.call(os._exit, 3)  # the child dies during the call
        assert w.crashes == 1
        assert w.call(pow, 3, 3) == 27  # a fresh child answers
        assert w.pid() not in (None, first)
    finally:
        w.close()
    assert w.pid() is None


def test_child_killed_while_idle_is_replaced_without_blame() -> None:
    w = ProcessWorker()
    try:
        assert w.call(abs, -5) == 5
        pid = w.pid()
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        time.sleep(0.5)  # the executor notices the dead child
        assert w.call(abs, -6) == 6
        assert w.crashes == 0
    finally:
        w.close()


def test_isolated_analyzer_reports_like_the_core(tmp_path: Path) -> None:
    policy = load_policy(language="sv")
    photo = _photo(tmp_path / "plain.jpg")
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(photo.read_bytes()[:2000])
    with IsolatedAnalyzer(faces=False) as a:
        a.prepare()
        assert a.faces_available is False and "off" in a.faces_reason
        rep = a.analyze(str(photo), policy=policy)
        assert rep.error is None and rep.path == str(photo)
        bad = a.analyze(str(broken), policy=policy)
        assert bad.error and "image.unreadable" in {f.rule for f in bad.findings}
        assert child_pid(a) is not None


def test_a_photo_that_kills_the_child_becomes_a_finding(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    # A module the child can import (spawned children get the parent's sys.path) whose
    # "analysis" kills the process, as a decoder crashing on a hostile file would.
    (tmp_path / "crashing_decoder.py").write_text(textwrap.dedent("""
        import os

        def analyze(path, policy, with_faces):
            if path.endswith("hostile.jpg"):
                os._exit(11)
            from prepub.core.analyze import analyze_image
            return analyze_image(path, policy=policy, detector=None)
    """), encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    import crashing_decoder

    policy = load_policy(language="sv")
    hostile = _photo(tmp_path / "hostile.jpg")
    fine = _photo(tmp_path / "fine.jpg")
    before = hostile.read_bytes()
    with IsolatedAnalyzer(faces=False) as a:
        monkeypatch.setattr(a, "child_analyze", crashing_decoder.analyze)
        rep = a.analyze(str(hostile), policy=policy)
        assert a.crashes == 1
        assert rep.error == CRASHED_REASON
        (f,) = rep.findings
        assert f.rule == "image.unreadable" and f.params["code"] == "crashed" and f.blocks
        assert "stop unexpectedly" in message(f, "en")
        assert "oväntat" in message(f, "sv")
        nxt = a.analyze(str(fine), policy=policy)  # the run goes on in a fresh child
        assert nxt.error is None
    assert hostile.read_bytes() == before


def test_helper_worker_checks_text_and_names_places_in_its_child() -> None:
    policy = load_policy(language="sv")
    h = HelperWorker()
    try:
        rep = h.check("Välkommen till öppet hus i stadshuset på lördag. Vi bjuder på kaffe och "
                      "berättar om parkerna.", policy=policy, channels=["facebook"], language=None)
        assert rep.language == "sv"
        assert rep.lix is not None
        name, reason = h.place_name(43.4674, 11.8851)  # the Nikon sample in the shared EXIF set
        assert reason == "" and name is not None and name.endswith(", IT"), (name, reason)
        assert h._worker.pid() not in (None, os.getpid())
    finally:
        h.close()
