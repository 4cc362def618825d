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


# Every test runs on the same day, whatever the calendar says: business logic reads the one
# clock (prepub.core.clock), and the suite fixes it. A test that needs time to pass advances it.
FROZEN_AT = "2026-11-23T10:00:00+00:00"


@pytest.fixture(autouse=True)
def fixed_clock() -> object:
    from prepub.core import clock

    with clock.frozen(FROZEN_AT) as c:
        yield c


# --- no network: any connection off this machine fails the test that made it ------------------

def _guard_sockets() -> None:
    import ipaddress
    import socket

    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex

    def _local(address: object) -> bool:
        if not isinstance(address, tuple):
            return True  # a Unix socket path
        host = str(address[0])
        if host in ("localhost", ""):
            return True
        try:
            return ipaddress.ip_address(host.split("%")[0]).is_loopback
        except ValueError:
            return False  # a host name: resolving it would already be a lookup on the network

    def connect(self: socket.socket, address: object) -> None:
        if not _local(address):
            raise OSError(f"test tried to use the network: connect to {address!r}")
        return real_connect(self, address)

    def connect_ex(self: socket.socket, address: object) -> int:
        if not _local(address):
            raise OSError(f"test tried to use the network: connect to {address!r}")
        return real_connect_ex(self, address)

    socket.socket.connect = connect  # type: ignore[method-assign]
    socket.socket.connect_ex = connect_ex  # type: ignore[method-assign]


_guard_sockets()
