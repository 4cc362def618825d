"""``prepub --self-test`` runs every model on a real face and checks the answers (issue 11).

The face steps run in-process (``run_self_test(only=...)``); the whole self-test runs once as
``python -m prepub --self-test``, as a user would run it. The failure cases swap one model's
answer (monkeypatch) and expect that step, and only the steps depending on it, to fail.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from prepub import selftest
from prepub.core.faces import AgeEstimator, CenterFace
from prepub.core.resources import resource

REPO = Path(__file__).resolve().parents[2]


def run(**kw: object) -> tuple[int, str]:
    buf = io.StringIO()
    rc = selftest.run_self_test(out=buf, **kw)  # type: ignore[arg-type]
    return rc, buf.getvalue()


def line(out: str, label: str) -> str:
    found = [ln for ln in out.splitlines() if label in ln]
    assert len(found) == 1, out
    return found[0].strip()


def test_the_face_steps_run_every_model_and_pass() -> None:
    rc, out = run(only=["faces", "language"])
    assert rc == 0, out
    assert line(out, "face detector on a real face").startswith("ok")
    age = line(out, "age model on that face")
    assert age.startswith("ok") and "estimated age" in age, age
    assert line(out, "face encoder on that face").startswith("ok")
    assert line(out, "language detection").startswith("ok")
    assert "consent registry" not in out and "worker processes" not in out


@pytest.mark.parametrize("wrong", [7.0, 75.0, None])
def test_a_wrong_age_fails_the_age_step(monkeypatch: pytest.MonkeyPatch, wrong: float | None) -> None:
    monkeypatch.setattr(AgeEstimator, "estimate", lambda self, rgb, boxes, **_: [wrong] * len(boxes))
    rc, out = run(only=["faces"])
    assert rc == 1, out
    age = line(out, "age model on that face")
    assert age.startswith("FAIL"), age
    assert (f"age {wrong:.0f}, expected 28-52" if wrong is not None else "gave no age") in age
    assert line(out, "face detector on a real face").startswith("ok")  # the box is still right
    assert "Self-test FAILED (1 step(s))." in out


def test_no_face_fails_the_detector_and_the_steps_after_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(CenterFace, "detect", lambda self, rgb, **kw: [])
    rc, out = run(only=["faces"])
    assert rc == 1
    assert "found 0 faces" in line(out, "face detector on a real face")
    assert "no face from the detector step" in line(out, "age model on that face")
    assert line(out, "face encoder on that face").startswith("FAIL")


def test_a_box_elsewhere_fails_the_detector_step(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(selftest, "EXPECTED_FACE_BOX", (200, 200, 260, 280))
    rc, out = run(only=["faces"])
    assert rc == 1 and line(out, "face detector on a real face").startswith("FAIL")


def test_another_persons_encoding_fails_the_encoder_step(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(selftest, "EXPECTED_ENCODING", tuple(-v for v in selftest.EXPECTED_ENCODING))
    rc, out = run(only=["faces"])
    assert rc == 1
    enc = line(out, "face encoder on that face")
    assert enc.startswith("FAIL") and "from the recorded one" in enc


def test_the_scratch_folder_goes_and_the_settings_come_back(monkeypatch: pytest.MonkeyPatch,
                                                            tmp_path: Path) -> None:
    monkeypatch.setenv("PREPUB_DATA_DIR", str(tmp_path / "mine"))
    monkeypatch.setenv("PREPUB_REGISTRY_URL", "postgresql://office/registry")
    monkeypatch.delenv("PREPUB_DEBUG", raising=False)
    rc, out = run(only=["language"])
    assert rc == 0, out
    work = Path(out.splitlines()[0].split("(", 1)[1].rstrip(")"))
    assert work.name.startswith("prepub-selftest-") and not work.exists()
    assert os.environ["PREPUB_DATA_DIR"] == str(tmp_path / "mine")
    assert os.environ["PREPUB_REGISTRY_URL"] == "postgresql://office/registry"
    # a failing step cleans up too; PREPUB_DEBUG keeps the folder to look at
    monkeypatch.setenv("PREPUB_DEBUG", "1")
    monkeypatch.setattr(CenterFace, "detect", lambda self, rgb, **kw: [])
    rc, out = run(only=["faces"])
    kept = Path(out.splitlines()[0].split("(", 1)[1].rstrip(")"))
    assert rc == 1 and kept.is_dir() and f"(kept {kept})" in out
    shutil.rmtree(kept)


def test_unknown_step_keys_are_refused() -> None:
    with pytest.raises(ValueError, match="nonsense"):
        run(only=["nonsense"])


def test_the_picture_ships_small_with_its_licence() -> None:
    p = resource(*selftest.SELFTEST_FACE)
    assert p.parent == REPO / "resources" / "selftest"  # a source checkout: the repository's own
    with Image.open(p) as im:
        assert im.format == "JPEG" and max(im.size) <= 400
        assert not im.getexif() and "xmp" not in im.info
    assert p.stat().st_size <= 60_000
    readme = (p.parent / "README.md").read_text(encoding="utf-8")
    assert "public domain" in readme.lower() and "NASA" in readme and "face.jpg" in readme
    # bundled: the wheel force-includes resources/, the PyInstaller spec ships the whole folder
    assert '"resources" = "prepub/resources"' in (REPO / "pyproject.toml").read_text(encoding="utf-8")
    spec = (REPO / "packaging" / "prepub.spec").read_text(encoding="utf-8")
    assert 'datas = [(str(ROOT / "resources"), "resources")]' in spec


@pytest.mark.timeout(300)
def test_prepub_self_test_passes_as_a_user_runs_it(tmp_path: Path) -> None:
    env = {**os.environ, "PREPUB_DATA_DIR": str(tmp_path / "data"),
           "PREPUB_CONFIG_DIR": str(tmp_path / "config"), "QT_QPA_PLATFORM": "offscreen"}
    r = subprocess.run([sys.executable, "-m", "prepub", "--self-test"], capture_output=True,
                       text=True, timeout=280, env=env, cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert line(r.stdout, "age model on that face").startswith("ok")
    assert "Self-test passed." in r.stdout
