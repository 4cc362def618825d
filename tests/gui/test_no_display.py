"""Without a display, ``prepub`` says so plainly and exits 2 (prepub.gui.platform_check), instead
of Qt's abort (exit 134) that blames libxcb-cursor0 whether or not it is installed."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from guikit import HANG_GUARD_MS
from prepub.gui import platform_check
from prepub.gui.platform_check import display_problem, x_server_answers

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland check")


def _prepub(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).with_name("prepub")
    cmd = [str(script)] if script.exists() else [sys.executable, "-m", "prepub"]
    return subprocess.run(cmd, env=env, capture_output=True, text=True,
                          timeout=HANG_GUARD_MS / 1000)  # a hang guard, not a budget


def _headless_env() -> dict[str, str]:
    env = dict(os.environ)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)
    return env


def _unused_display() -> str:
    """A local display number no X server has claimed (no socket, no lock file)."""
    for n in range(707, 999):  # far from :99 up, where xvfb-run -a looks for a free display
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists() \
                and x_server_answers(f":{n}") is False:
            return f":{n}"
    pytest.skip("every display number from :707 on seems taken")


@linux_only
def test_prepub_without_any_display_says_so_and_exits_2() -> None:
    done = _prepub(_headless_env())
    assert done.returncode == 2, done.stderr
    assert "prepub: no display was found" in done.stderr
    assert "DISPLAY" in done.stderr and "prepub check" in done.stderr
    assert "libxcb" not in done.stderr  # nothing is missing: no library is named


@linux_only
def test_prepub_with_a_display_nobody_answers_on_exits_2() -> None:
    env = _headless_env()
    env["DISPLAY"] = _unused_display()
    done = _prepub(env)
    assert done.returncode == 2, done.stderr
    assert f"no X server answers on DISPLAY={env['DISPLAY']}" in done.stderr
    assert "prepub check" in done.stderr and "libxcb" not in done.stderr


def test_which_environments_have_a_display() -> None:
    def answers(result: bool | None) -> object:
        return lambda _display: result

    linux = {"platform": "linux"}
    assert display_problem({}, **linux) == "neither DISPLAY nor WAYLAND_DISPLAY is set"
    assert display_problem({"QT_QPA_PLATFORM": "xcb"}, **linux) == "DISPLAY is not set"
    for headless in ("offscreen", "minimal", "vnc:size=800x600", "eglfs"):
        assert display_problem({"QT_QPA_PLATFORM": headless}, **linux) is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, **linux) is None
    assert display_problem({"DISPLAY": ":0"}, x_answers=answers(True), **linux) is None
    # an answer that cannot be had (a timeout) lets Qt try
    assert display_problem({"DISPLAY": ":0"}, x_answers=answers(None), **linux) is None
    assert display_problem({"DISPLAY": ":7"}, x_answers=answers(False), **linux) == \
        "no X server answers on DISPLAY=:7"
    both = display_problem({"QT_QPA_PLATFORM": "wayland;xcb", "DISPLAY": ":7"},
                           x_answers=answers(False), **linux)
    assert both is not None and "WAYLAND_DISPLAY" in both and "DISPLAY=:7" in both
    assert display_problem({}, platform="darwin") is None
    assert display_problem({}, platform="win32") is None


@linux_only
def test_an_x_server_socket_that_listens_answers() -> None:
    folder = Path(tempfile.mkdtemp(prefix="x11-", dir="/tmp"))  # short: AF_UNIX paths are short
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(folder / "X5"))
        server.listen(1)
        assert x_server_answers(":5", socket_dir=folder) is True
        assert x_server_answers("unix:5.0", socket_dir=folder) is True
        assert x_server_answers(":6", socket_dir=folder) is False
        server.close()  # a socket file left behind by a dead server: refused
        assert x_server_answers(":5", socket_dir=folder) is False
    finally:
        server.close()
        for f in folder.iterdir():
            f.unlink()
        folder.rmdir()
    assert x_server_answers("/some/path/org.xquartz:0") is None  # not ours to judge


def test_an_x_server_over_tcp_answers_until_it_stops() -> None:
    server = socket.create_server(("127.0.0.1", 0))
    port = server.getsockname()[1]
    display = f"localhost:{port - platform_check.X11_TCP_PORT}"
    try:
        assert x_server_answers(display) is True
    finally:
        server.close()
    assert x_server_answers(display) is False
