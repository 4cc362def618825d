"""Prepub never touches the network and writes nothing outside its own folders (issue 17.1).

onnxruntime used to write a device id and usage events under ~/.cache/Microsoft and look up
Microsoft's telemetry host during every ``prepub check``. These tests run the real commands
(check with the face and age models, draft, export) under a fresh HOME and list every file that
appeared outside the app's data, config and output folders.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from prepub.core.resources import resource

REPO = Path(__file__).resolve().parents[2]


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "prepub", *args], env=env, capture_output=True,
                          text=True, timeout=600, cwd=env["HOME"])


def test_check_and_export_write_only_their_own_files(tmp_path: Path) -> None:
    from PIL import Image

    home = tmp_path / "home"
    home.mkdir()
    photo = home / "in" / "photo.jpg"
    photo.parent.mkdir()
    Image.new("RGB", (640, 480), "#88aacc").save(photo, "JPEG")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ORT_", "XDG_"))}
    env.update(HOME=str(home), PREPUB_DATA_DIR=str(home / "appdata"),
               PREPUB_CONFIG_DIR=str(home / "appconfig"), PREPUB_LANG="en")
    env.pop("PREPUB_POLICY", None)
    assert _run(["check", str(photo)], env).returncode in (0, 1)
    draft = home / "post.prepub.json"
    r = _run(["draft", "-o", str(draft), "--channel", "instagram", "--text", "Hej!",
              "--photographer", "Anna Svensson", str(photo)], env)
    assert r.returncode == 0, r.stderr
    r = _run(["export", str(draft), "--out", str(home / "out"), "--override",
              "image.context_missing=test"], env)
    assert r.returncode in (0, 1), r.stderr
    own = {home / "in", home / "appdata", home / "appconfig", home / "out", draft}
    stray = [p for p in home.rglob("*")
             if not any(p == o or o in p.parents for o in own) and not p.is_dir()]
    assert stray == [], f"files written outside Prepub's folders: {stray}"
    assert not (home / ".cache" / "Microsoft").exists()


def test_helper_processes_inherit_the_switch() -> None:
    """The analyser and text helpers are spawned children: the switch is in their environment."""
    import prepub  # noqa: F401 - importing the package sets it

    assert os.environ.get("ORT_DISABLE_TELEMETRY") == "1"
    code = "import os, prepub; print(os.environ.get('ORT_DISABLE_TELEMETRY'))"
    env = {k: v for k, v in os.environ.items() if k != "ORT_DISABLE_TELEMETRY"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "1"


def test_no_socket_leaves_this_machine_during_tests() -> None:
    """The suite's guard (tests/conftest.py) refuses any connection off loopback."""
    import socket

    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        with pytest.raises(OSError, match="network"):
            s.connect(("192.0.2.1", 443))  # TEST-NET-1: never a real host
    finally:
        s.close()
    assert resource("policy").exists()
