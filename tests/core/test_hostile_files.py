"""FIFOs, devices and photos that take too long or too much memory (issue 17, item 5): only
regular files are opened, without waiting; every photo in the analyser has a time and a memory
budget, and a photo over it becomes ``image.unreadable`` while the next one goes on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PIL import Image

from prepub.core.imageio import DecodeError, load_upright, sha256_file
from prepub.core.inputfiles import NotRegularFile, open_regular, read_regular
from prepub.core.isolated import IsolatedAnalyzer
from prepub.core.metadata import UnreadableImage, read_metadata
from prepub.core.policy import PolicyError, load_policy

posix = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX FIFOs")


def _photo(path: Path) -> Path:
    Image.new("RGB", (320, 240), (90, 120, 160)).save(path, "JPEG", quality=85)
    return path


def _cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PREPUB_NO_EXIFTOOL": "1"}
    return subprocess.run([sys.executable, "-m", "prepub", *args], capture_output=True,
                          text=True, timeout=timeout, env=env, stdin=subprocess.DEVNULL)


@posix
@pytest.mark.timeout(60)
def test_a_fifo_or_a_device_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "x.jpg"
    os.mkfifo(fifo)
    for p in (fifo, Path("/dev/zero"), tmp_path):
        with pytest.raises(OSError):
            open_regular(p)
    with pytest.raises(NotRegularFile, match="pipe"):
        read_regular(fifo, limit=100)
    with pytest.raises(NotRegularFile, match="device"):
        sha256_file("/dev/zero")
    with pytest.raises(UnreadableImage) as e:
        read_metadata(fifo)
    assert e.value.code == "not_regular"
    with pytest.raises(DecodeError, match="not a regular file"):
        load_upright(fifo)
    policy = tmp_path / "policy.toml"
    os.mkfifo(policy)
    with pytest.raises(PolicyError, match="cannot be read"):
        load_policy(policy)
    assert read_regular(_photo(tmp_path / "ok.jpg"), limit=10 ** 6)[:2] == b"\xff\xd8"


@posix
def test_check_of_a_fifo_photo_returns_with_a_blocking_finding(tmp_path: Path) -> None:
    fifo = tmp_path / "x.jpg"
    os.mkfifo(fifo)
    photo = _photo(tmp_path / "fine.jpg")
    done = _cli("check", "--no-faces", "--json", str(fifo), str(photo), "/dev/zero")
    assert done.returncode == 1, done.stderr  # blocked, not hung
    doc = json.loads(done.stdout)
    by_path = {im["path"]: im for im in doc["images"]}
    for bad in (str(fifo), "/dev/zero"):
        (f,) = by_path[bad]["findings"]
        assert f["rule"] == "image.unreadable" and f["params"]["code"] == "not_regular"
    assert by_path[str(photo)]["error"] is None


@posix
def test_a_draft_policy_or_text_file_that_is_a_device_is_a_usage_error(tmp_path: Path) -> None:
    photo = _photo(tmp_path / "fine.jpg")
    fifo = tmp_path / "policy.toml"
    os.mkfifo(fifo)
    for args in (["export", "/dev/zero", "--out", str(tmp_path / "o")],
                 ["check", "--no-faces", "--policy", str(fifo), str(photo)],
                 ["draft", "-o", str(tmp_path / "d.prepub.json"), "--text-file", "/dev/zero"]):
        done = _cli(*args)
        assert done.returncode == 2, (args, done.stderr)
        assert "Traceback" not in done.stderr


# --- the analyser's budgets ---------------------------------------------------------------------

SLOW = textwrap.dedent("""
    import time

    def analyze(path, policy, with_faces):
        if path.endswith("slow.jpg"):
            time.sleep(600)  # a decoder stuck on a hostile file
        if path.endswith("greedy.jpg"):
            hog = bytearray(64 * 1024 ** 3)  # far beyond the budget
        from prepub.core.analyze import analyze_image
        return analyze_image(path, policy=policy, detector=None)

    def limit(path, policy, with_faces):
        import resource
        return resource.getrlimit(resource.RLIMIT_AS)[0]
""")


@pytest.fixture()
def budget_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    (tmp_path / "budget_victim.py").write_text(SLOW, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    import budget_victim

    return budget_victim


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX worker processes")
@pytest.mark.timeout(120)
def test_a_photo_over_its_time_budget_is_unreadable_and_the_next_goes_on(
        tmp_path: Path, budget_module, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    policy = load_policy(language="en")
    slow, fine = _photo(tmp_path / "slow.jpg"), _photo(tmp_path / "fine.jpg")
    with IsolatedAnalyzer(faces=False, seconds=3) as a:
        monkeypatch.setattr(a, "child_analyze", budget_module.analyze)
        rep = a.analyze(str(slow), policy=policy)
        (f,) = rep.findings
        assert f.rule == "image.unreadable" and f.params["code"] == "timeout" and f.blocks
        assert a._worker.timeouts == 1
        a.seconds = 600  # the next photo only has to go on (a fresh child starts): no budget race
        nxt = a.analyze(str(fine), policy=policy)
        assert nxt.error is None and nxt.path == str(fine)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS is enforced on Linux")
@pytest.mark.timeout(120)
def test_a_photo_over_its_memory_budget_is_unreadable_and_the_next_goes_on(
        tmp_path: Path, budget_module, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    import resource

    policy = load_policy(language="en")
    greedy, fine = _photo(tmp_path / "greedy.jpg"), _photo(tmp_path / "fine.jpg")
    with IsolatedAnalyzer(faces=False, memory=512 * 1024 ** 2) as a:
        monkeypatch.setattr(a, "child_analyze", budget_module.limit)
        limit = a.analyze(str(fine), policy=policy)
        assert limit != resource.RLIM_INFINITY and limit < 8 * 1024 ** 3
        monkeypatch.setattr(a, "child_analyze", budget_module.analyze)
        rep = a.analyze(str(greedy), policy=policy)
        (f,) = rep.findings
        assert f.rule == "image.unreadable" and f.params["code"] == "out_of_memory"
        nxt = a.analyze(str(fine), policy=policy)
        assert nxt.error is None


def test_word_lists_and_evidence_files_refuse_a_fifo(tmp_path) -> None:
    """The last readers that opened named files plainly: a policy's word list and a consent
    form given as evidence. A FIFO is refused at once instead of waiting for a writer."""
    import os

    import pytest

    from prepub.core.consent.evidence import EvidenceStore, read_source
    from prepub.core.consent.types import RegistryError
    from prepub.core.text.wordlists import _lines

    fifo = tmp_path / "list.tsv"
    os.mkfifo(fifo)
    problems: list = []
    assert _lines(fifo, problems) == [] and problems
    store = EvidenceStore(tmp_path / "ev")
    with pytest.raises(RegistryError, match="cannot be read"):
        store.add_file(fifo)
    with pytest.raises(RegistryError, match="cannot be read"):
        read_source(fifo)
