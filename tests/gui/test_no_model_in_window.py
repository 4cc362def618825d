"""The window's process never loads a model (issue 15): a reference photo added in the registry
window is found and encoded in the helper process, face matching encodes there too, and the
photos are analysed in the analyser's process. Checked in a fresh process, with the real
analyser: after the reference photo is stored and a face matched, the window's ``sys.modules``
holds no onnxruntime, dlib or face_recognition."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]


def test_reference_photo_and_matching_load_no_model_in_the_window(testdata: Path,
                                                                    tmp_path: Path) -> None:
    photo = testdata / "faces" / "fr__obama.jpg"
    if not photo.exists():
        pytest.skip(f"{photo} is not in the test data")
    policy = (REPO / "resources" / "policy" / "default.en.toml").read_text(encoding="utf-8")
    policy, n = re.subn(r"(?m)^matching = false", "matching = true", policy)
    assert n == 1
    (tmp_path / "policy.toml").write_text(policy, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PREPUB_LANG="en",
               PREPUB_DATA_DIR=str(tmp_path / "data"), PREPUB_CONFIG_DIR=str(tmp_path / "config"),
               PREPUB_POLICY=str(tmp_path / "policy.toml"))
    proc = subprocess.run([sys.executable, str(HERE / "no_model_scenario.py"), str(photo)],
                          env=env, cwd=REPO, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["references"] == 1, out
    assert out["faces"] >= 1 and out["match"].startswith("★ Anna Svensson"), out
    assert out["loaded"] == [], out
