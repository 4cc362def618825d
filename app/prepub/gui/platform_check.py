"""Before Qt starts: can its X11 (xcb) display plug-in load on this Linux system?

Qt's xcb plug-in needs a few system libraries that minimal Linux installs lack. Without them Qt
aborts with a long plug-in dump that names none of them. This check runs before the
QApplication exists and names the Debian/Ubuntu packages to install instead.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from typing import Callable

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


def uses_xcb(environ: dict[str, str] | os._Environ[str] | None = None, *,
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


def missing_xcb_packages(*, environ: dict[str, str] | None = None, platform: str | None = None,
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
