"""Smoke test of the Linux bundle: build it with PyInstaller and run its self-test offscreen.

Building takes minutes, so it runs when PREPUB_BUILD_BUNDLE=1 (CI sets it) or when a bundle
already sits in dist/prepub (then only the self-test runs).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BUNDLE = REPO / "dist" / "prepub"


@pytest.fixture(scope="module")
def bundle() -> Path:
    if os.environ.get("PREPUB_BUILD_BUNDLE") == "1":
        if shutil.which("uv") is None:
            pytest.skip("uv is needed to build the bundle")
        out = subprocess.run(["bash", str(REPO / "packaging" / "build-linux.sh")], cwd=REPO,
                             capture_output=True, text=True, timeout=1800)
        assert out.returncode == 0, out.stdout[-4000:] + out.stderr[-4000:]
    elif not (BUNDLE / "prepub").exists():
        pytest.skip("no bundle in dist/prepub (set PREPUB_BUILD_BUNDLE=1 to build one)")
    return BUNDLE


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle is built on Linux")
@pytest.mark.timeout(2400)  # building the bundle (the fixture) takes minutes on a loaded machine
def test_bundle_self_test_passes_offline(bundle: Path, tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen",
           "PREPUB_DATA_DIR": str(tmp_path / "data"), "LANG": "C.UTF-8"}
    out = subprocess.run([str(bundle / "AppRun"), "--self-test"], capture_output=True, text=True,
                         env=env, timeout=600)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "Self-test passed." in out.stdout
    for f in ("share/applications/se.prepub.Prepub.desktop", "share/metainfo/se.prepub.Prepub.metainfo.xml",
              "install-desktop.sh"):
        assert (bundle / f).exists(), f


def test_desktop_and_metainfo_files_are_valid() -> None:
    import configparser
    import xml.etree.ElementTree as ET

    desk = configparser.ConfigParser(interpolation=None)
    desk.optionxform = str  # keep key case
    desk.read(REPO / "packaging" / "linux" / "se.prepub.Prepub.desktop", encoding="utf-8")
    entry = desk["Desktop Entry"]
    assert entry["Type"] == "Application" and entry["Exec"].startswith("prepub")
    mimes = entry["MimeType"].split(";")
    assert {"image/jpeg", "image/heic", "image/png", "image/webp"} <= set(mimes)
    root = ET.parse(REPO / "packaging" / "linux" / "se.prepub.Prepub.metainfo.xml").getroot()
    assert root.findtext("id") == "se.prepub.Prepub"
    assert root.find("launchable").text == "se.prepub.Prepub.desktop"
