"""Fixtures shared by every test: isolated data/config dirs and the one path to real test data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

# Qt runs offscreen in tests; set before any test imports PySide6.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _testdata_root() -> Path:
    env = os.environ.get("PREPUB_TESTDATA")
    return Path(env) if env else (REPO / ".." / "shared" / "data").resolve()


@pytest.fixture(scope="session")
def testdata() -> Path:
    """The real test photos (``../shared/data`` or PREPUB_TESTDATA); skips when absent."""
    root = _testdata_root()
    if not (root / "README.md").exists() and not any(root.glob("*/SOURCES.md")):
        pytest.skip(f"real test data not found at {root} (set PREPUB_TESTDATA to the shared/data folder)")
    return root


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the user's real registry, config or drafts from a test."""
    base = tmp_path_factory.mktemp("prepub-home")
    monkeypatch.setenv("PREPUB_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("PREPUB_CONFIG_DIR", str(base / "config"))
    monkeypatch.delenv("PREPUB_POLICY", raising=False)
    monkeypatch.setenv("PREPUB_LANG", "en")
