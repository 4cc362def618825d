"""Before Qt starts on Linux: is there a display, and can Qt's X11 (xcb) plug-in load?

Without a display (an SSH session, a container, a service) Qt aborts the process (exit 134)
with a plug-in dump that blames ``libxcb-cursor0`` whether or not it is installed. And Qt's xcb
plug-in needs a few system libraries that minimal Linux installs lack; without them Qt aborts
with the same dump. These checks run before the QApplication exists: the first says plainly
that there is no display (and points to the command line), the second names the Debian/Ubuntu
packages to install, and only those that really cannot be loaded.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import socket
import sys
from pathlib import Path
from typing import Callable, Mapping

X11_SOCKET_DIR = Path("/tmp/.X11-unix")
X11_TCP_PORT = 6000
CONNECT_SECONDS = 1.0

# Debian package -> (shared object, ctypes.util.find_library name)
XCB_LIBRARIES: dict[str, tuple[str, str]] = {
    "libxcb-icccm4": ("libxcb-icccm.so.4", "xcb-icccm"),
    "libxcb-keysyms1": ("libxcb-keysyms.so.1", "xcb-keysyms"),
    "libxcb-cursor0": ("libxcb-cursor.so.0", "xcb-cursor"),
}


def _loads(soname: str, short: str) -> bool:
    try:
        ctypes.CDLL(soname)
        return True
    except OSError:
        pass
    found = ctypes.util.find_library(short)
    if not found:
        return False
    try:
        ctypes.CDLL(found)
        return True
    except OSError:
        return False


# --- is there a display at all? -----------------------------------------------------------------

def display_problem(environ: Mapping[str, str] | None = None, *, platform: str | None = None,
                    x_answers: Callable[[str], bool | None] | None = None) -> str | None:
    """Why Qt will find no display to open a window on, or None when it may (or cannot tell).

    Only a sure "no" counts: any plug-in Qt would try that could work lets Qt go ahead."""
    env = os.environ if environ is None else environ
    if not (platform or sys.platform).startswith("linux"):
        return None
    answers = x_answers or x_server_answers
    chosen = (env.get("QT_QPA_PLATFORM") or "").strip().lower()
    plugins = [p.split(":")[0].strip() for p in chosen.split(";") if p.strip()]
    reasons = [_plugin_problem(p, env, answers) for p in plugins or ["wayland", "xcb"]]
    if None in reasons:
        return None
    if plugins:
        return "; ".join(r for r in reasons if r)
    if env.get("DISPLAY", "").strip():
        return reasons[-1]  # the X server's answer; WAYLAND_DISPLAY was never meant to be set
    return "neither DISPLAY nor WAYLAND_DISPLAY is set"


def _plugin_problem(plugin: str, env: Mapping[str, str],
                    answers: Callable[[str], bool | None]) -> str | None:
    if plugin == "xcb":
        return _x11_problem(env.get("DISPLAY", ""), answers)
    if plugin.startswith("wayland"):
        return None if env.get("WAYLAND_DISPLAY") else "WAYLAND_DISPLAY is not set"
    return None  # offscreen, vnc, eglfs, …: no desktop session needed (or none to check here)


def _x11_problem(display: str, answers: Callable[[str], bool | None]) -> str | None:
    if not display.strip():
        return "DISPLAY is not set"
    if answers(display) is False:
        return f"no X server answers on DISPLAY={display}"
    return None


def x_server_answers(display: str, *, socket_dir: Path = X11_SOCKET_DIR) -> bool | None:
    """Does an X server accept a connection for ``display`` (``:0``, ``unix:1.0``,
    ``localhost:10.0``)? None when that cannot be told from here (an unusual form)."""
    host, sep, rest = display.rpartition(":")
    number = rest.split(".")[0]
    if not sep or not number.isdigit() or "/" in host:  # e.g. a socket path: not ours to judge
        return None
    if host in ("", "unix"):
        path = str(socket_dir / f"X{number}")
        return _connects(socket.AF_UNIX, "\0" + path) or _connects(socket.AF_UNIX, path)
    return _tcp_answers(host, X11_TCP_PORT + int(number))


def _connects(family: int, address: object) -> bool:
    try:
        with socket.socket(family, socket.SOCK_STREAM) as s:
            s.settimeout(CONNECT_SECONDS)
            s.connect(address)
        return True
    except OSError:
        return False


def _tcp_answers(host: str, port: int) -> bool | None:
    """A plain connection attempt (an X forwarded over SSH listens on localhost:6010 and up).
    Refused or an unknown host is a sure "no"; a timeout may be a slow network, so no verdict."""
    try:
        with socket.create_connection((host.strip("[]"), port), timeout=CONNECT_SECONDS):
            return True
    except (ConnectionRefusedError, socket.gaierror):
        return False
    except OSError:
        return None


def no_display_message(reason: str) -> str:
    return (f"prepub: no display was found ({reason}), so the window cannot open.\n"
            "Start Prepub from a desktop session, or use `prepub check` (and `prepub export`) "
            "for the command line; see `prepub --help`.")


# --- can Qt's X11 plug-in load? ----------------------------------------------------------------

def uses_xcb(environ: Mapping[str, str] | None = None, *,
             platform: str | None = None) -> bool:
    """Will Qt pick the xcb plug-in? Explicitly, or by default on an X11 display."""
    env = os.environ if environ is None else environ
    plat = platform or sys.platform
    if not plat.startswith("linux"):
        return False
    chosen = (env.get("QT_QPA_PLATFORM") or "").strip().lower()
    if chosen:
        return chosen.split(";")[0].split(":")[0] == "xcb"
    if env.get("WAYLAND_DISPLAY") and env.get("XDG_SESSION_TYPE", "").lower() == "wayland":
        return False
    return bool(env.get("DISPLAY"))


def missing_xcb_packages(*, environ: Mapping[str, str] | None = None, platform: str | None = None,
                         loads: Callable[[str, str], bool] = _loads) -> list[str]:
    """Debian packages whose libraries Qt's xcb plug-in needs and cannot find (empty: fine)."""
    if not uses_xcb(environ, platform=platform):
        return []
    return [pkg for pkg, (soname, short) in XCB_LIBRARIES.items() if not loads(soname, short)]


def missing_message(packages: list[str]) -> str:
    libs = ", ".join(packages)
    return (
        "Prepub cannot open its window: Qt's X11 display plug-in (xcb) needs system libraries "
        f"that are not installed: {libs}.\n"
        f"On Debian or Ubuntu, install them with:\n    sudo apt install {' '.join(packages)}\n"
        "(On other Linux systems install the matching xcb-util packages.) The command-line "
        "commands (prepub check, prepub export) work without them."
    )
