"""A kill in the middle of an export leaves nothing that looks like a finished bundle."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from prepub.core.draft import Draft, save_draft
from prepub.core.export.atomic import stale_partials

CHILD = r"""
import sys
from datetime import datetime, timezone
from prepub.core.draft import load_draft
from prepub.core.export import export_bundle
from prepub.core.policy import load_policy

def progress(done, total, label=""):
    print(f"progress {done} {total}", flush=True)

draft = load_draft(sys.argv[1])
export_bundle(draft, out_dir=sys.argv[2], policy=load_policy(language="sv"), findings=[], zip=sys.argv[3] == "zip",
              now=datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc), progress=progress)
print("finished", flush=True)
"""


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _draft(tmp_path_factory.mktemp("kill"), 10)


def _draft(tmp_path: Path, n: int) -> Path:
    rng = np.random.default_rng(7)
    d = Draft(text="Många bilder från dagen.", channels=["website", "instagram", "x"],
              title="Kill test", scheduled_at="2026-12-01T10:00:00+01:00")
    for i in range(n):
        p = tmp_path / "src" / f"{i:03d}.jpg"
        p.parent.mkdir(exist_ok=True)
        small = rng.integers(0, 255, (30, 40, 3), dtype=np.uint8)
        Image.fromarray(small).resize((2000, 1500), Image.Resampling.BICUBIC).save(p, quality=85)
        im = d.add_image(str(p))
        im.photographer, im.alt_text = "Åsa Öberg", f"Bild {i}"
    return save_draft(d, tmp_path / "kill.prepub.json")


def _kill_midway(tmp_path: Path, draft: Path, mode: str, after: int) -> Path:
    out = tmp_path / f"out-{mode}"
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(draft), str(out), mode],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        deadline = time.monotonic() + 240
        for line in proc.stdout:
            if line.startswith("progress") and int(line.split()[1]) >= after:
                break
            assert time.monotonic() < deadline, "the export never got going"
        else:
            raise AssertionError("the export ended before it could be killed: " + (proc.stderr.read() if proc.stderr else ""))
        proc.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: no clean-up runs
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=30)
    return out


def _assert_nothing_looks_complete(out: Path) -> None:
    visible = [p.name for p in out.iterdir() if not p.name.startswith(".")]
    assert visible == []  # no final folder, no .zip
    for manifest in out.rglob("manifest.json"):
        assert any(".partial-" in part for part in manifest.relative_to(out).parts), manifest
    assert stale_partials(out) == sorted(out.iterdir())


def test_kill_during_images_leaves_only_a_partial_folder(tmp_path: Path, many: Path) -> None:
    out = _kill_midway(tmp_path, many, "dir", after=3)
    assert len(stale_partials(out)) == 1
    partial = stale_partials(out)[0]
    assert partial.name.startswith(".kill-test-2026-12-01.partial-")
    assert any(partial.joinpath("images").iterdir())  # it was killed mid-way, with images written
    assert not (partial / "manifest.json").exists()
    _assert_nothing_looks_complete(out)


def test_kill_during_a_zip_export_leaves_no_zip(tmp_path: Path, many: Path) -> None:
    out = _kill_midway(tmp_path, many, "zip", after=5)
    _assert_nothing_looks_complete(out)


def test_an_uninterrupted_child_run_finishes(tmp_path: Path) -> None:
    """The same child script, left alone, produces a complete bundle (so the kills above are
    meaningful and not a script that never works)."""
    draft = _draft(tmp_path, 2)
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-c", CHILD, str(draft), str(out), "dir"],
                          capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr
    assert "finished" in done.stdout
    final = out / "kill-test-2026-12-01"
    assert json.loads((final / "manifest.json").read_text(encoding="utf-8"))["bundle"] == final.name
    assert stale_partials(out) == []
