"""ExifTool as a second reader: what it sees in a file that our own parsers do not.

ExifTool knows thousands of maker-specific layouts (maker notes, FLIR, DJI, QuickTime …) that
no parser of ours will ever match. When an ``exiftool`` executable is installed (Prepub never
installs or downloads one), :func:`read` asks it about a file, once per file, read-only, and
:func:`positions`, :func:`serials`, :func:`owner_names` and :func:`has_gps_tags` pick out what
matters for publishing; :mod:`.reader` adds to the metadata what only ExifTool saw, tagged
``ExifTool:<group>:<tag>``. Our own reading never depends on it.

Safety: ExifTool runs with ``-config ""`` (no user config file) and only the reading options
``-j -n -a -G1 -q``: no writing option is ever sent, and ExifTool never uses the network. File
names go through its argument file (``-@``, UTF-8, one per line) so no name can turn into an
option. Each file gets :data:`TIMEOUT` seconds; then ExifTool is killed (a fresh one starts for
the next file), and after :data:`MAX_FAILURES` failures in a row the second reader is switched
off for the rest of the process. ``PREPUB_NO_EXIFTOOL=1`` switches it off (tests that need pure
reads), ``PREPUB_EXIFTOOL`` names another executable.

Cost: starting ExifTool (Perl) takes 80–250 ms, more than reading a file (~5–10 ms), so on
POSIX one ExifTool per Prepub process stays open (``-stay_open``) and files are sent to it one
at a time, under a lock. ExifTool keeps polling its argument file forever once its parent dies,
so it is started through ``/bin/sh`` with a watchdog: a background ``read`` on a pipe whose
only writer is this process; when this process ends, however it ends, the read returns and the
watchdog stops ExifTool. Where that is not possible (Windows, a file name with a line break,
bytes instead of a file) one short-lived ExifTool runs per file.
"""

from __future__ import annotations

import atexit
import json
import os
import queue
import re
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from functools import lru_cache
from typing import IO, Any

from prepub.core.metadata import values

TIMEOUT = 15.0  # seconds per file
MAX_FAILURES = 3
_MAX_OUTPUT = 32 * 1024 * 1024
_OPTIONS = ("-j", "-n", "-a", "-G1", "-q", "-charset", "filename=utf8")
#: groups that hold no data of the file (ExifTool's own, the file system) or only derived values
_SKIP_GROUPS = frozenset({"ExifTool", "System", "File", "Composite"})
_SERIAL = re.compile(r"serial(?:number|no)?$", re.IGNORECASE)
_OWNER = frozenset({"ownername", "cameraownername", "owner"})
_PAIR_NAMES = ("GPSCoordinates", "GPSPosition")  # "lat lon [alt]" in one value
# The shell's stdin is the watchdog pipe: it moves to fd 3 (dash takes one-digit fds only) for a
# background subshell that waits for EOF on it and then stops ExifTool, which is the shell's own
# process ($$) after ``exec``. ExifTool reads its requests from another pipe, by /dev/fd path.
_WATCHDOG = ('exec 3<&0; ( read _ <&3; kill -TERM $$ ) </dev/null >/dev/null 2>&1 & '
             'exec 3<&- </dev/null; exec "$@"')

_lock = threading.Lock()
_failures = 0


@dataclass(frozen=True)
class Found:
    """A value ExifTool reported, and its tag as ``group:name``."""

    tag: str
    value: Any


@dataclass(frozen=True)
class Position:
    lat: float | None
    lon: float | None
    alt: float | None
    tag: str


class ExiftoolFailed(Exception):
    """ExifTool ran but gave no answer for the file (timeout, crash, unparseable output)."""


def enabled() -> bool:
    """True when the second reader may run: not switched off and an executable is found."""
    if os.environ.get("PREPUB_NO_EXIFTOOL", "").strip() not in ("", "0"):
        return False
    with _lock:
        if _failures >= MAX_FAILURES:
            return False
    return executable() is not None


def executable() -> str | None:
    return _which(os.environ.get("PREPUB_EXIFTOOL", "").strip() or "exiftool")


@lru_cache(maxsize=8)
def _which(name: str) -> str | None:
    return shutil.which(name)


def version() -> str | None:
    """The installed ExifTool's version, or None (for ``--self-test``)."""
    exe = executable()
    if exe is None:
        return None
    try:
        r = subprocess.run([exe, "-config", "", "-ver"], capture_output=True, timeout=TIMEOUT,
                           stdin=subprocess.DEVNULL, **_no_window())
    except (OSError, subprocess.SubprocessError):
        return None
    return r.stdout.decode("ascii", "replace").strip() or None


def read(path: str | os.PathLike[str] | None, *, data: bytes | None = None) -> dict[str, Any]:
    """ExifTool's tags for the file at ``path`` (or for ``data``), keyed ``group:name``.

    Raises :class:`ExiftoolFailed` (and counts a failure) when ExifTool gives no answer, and
    ``FileNotFoundError`` when it is not installed.
    """
    global _failures
    exe = executable()
    if exe is None:
        raise FileNotFoundError("exiftool")
    try:
        if data is not None:
            out = _run_once(exe, None, data)
        else:
            name = os.path.abspath(os.fspath(path))  # absolute: never starts with "-"
            if "\n" in name or "\r" in name or not _can_stay_open():
                out = _run_once(exe, name, None)
            else:
                out = _ask_daemon(exe, name)
        if len(out) > _MAX_OUTPUT:
            raise ExiftoolFailed("output too large")
        parsed = json.loads(out.decode("utf-8", "replace") or "[]")
        tags = parsed[0] if isinstance(parsed, list) and parsed else {}
        if not isinstance(tags, dict):
            raise ExiftoolFailed("unexpected output")
    except (OSError, ValueError, ExiftoolFailed) as e:
        with _lock:
            _failures += 1
        raise ExiftoolFailed(str(e) if isinstance(e, ExiftoolFailed)
                             else f"{type(e).__name__}: {e}") from None
    with _lock:
        _failures = 0
    return {k: v for k, v in tags.items() if ":" in k}


def reset_failures() -> None:
    global _failures
    with _lock:
        _failures = 0


def _run_once(exe: str, name: str | None, data: bytes | None) -> bytes:
    """One ExifTool for one file: ``data`` on stdin, or ``name`` in the argument file on stdin
    (UTF-8 there, so also non-ASCII names on Windows), or, when it has a line break, after
    ``--`` on the command line."""
    if data is not None:
        argv, stdin = [exe, "-config", "", *_OPTIONS, "-"], data
    elif name is not None and ("\n" in name or "\r" in name):
        argv, stdin = [exe, "-config", "", *_OPTIONS, "--", name], b""
    else:
        argv = [exe, "-config", "", "-@", "-"]
        stdin = ("\n".join([*_OPTIONS, str(name)]) + "\n").encode("utf-8")
    try:
        r = subprocess.run(argv, input=stdin, capture_output=True, timeout=TIMEOUT, check=False,
                           **_no_window())
    except subprocess.TimeoutExpired:
        raise ExiftoolFailed(f"no answer within {TIMEOUT:.0f} s") from None
    return r.stdout


def _no_window() -> dict[str, Any]:
    """No console window flashing up on Windows for every file."""
    if sys.platform == "win32":
        return {"creationflags": getattr(subprocess, "CREATE_NO_WINDOW", 0)}
    return {}


def _can_stay_open() -> bool:
    return sys.platform != "win32" and os.path.exists("/bin/sh") and os.path.isdir("/dev/fd")


class _Daemon:
    """One ``exiftool -stay_open True -@ <pipe>`` behind a watchdog; callers hold
    :data:`_ask_lock`."""

    def __init__(self, exe: str) -> None:
        self.exe = exe
        self.pid = os.getpid()
        self.count = 0
        self._closed = False
        self._close_lock = threading.Lock()
        watch_r, self._watch = os.pipe()
        req_r, req_w = os.pipe()
        try:
            self.proc = subprocess.Popen(
                ["/bin/sh", "-c", _WATCHDOG, "sh", exe, "-config", "", "-stay_open", "True",
                 "-@", f"/dev/fd/{req_r}"],
                stdin=watch_r, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                pass_fds=(req_r,), start_new_session=True)
        except BaseException:
            os.close(self._watch)
            os.close(req_w)
            raise
        finally:
            os.close(watch_r)
            os.close(req_r)
        self.requests = os.fdopen(req_w, "wb")
        self.lines: queue.Queue[bytes | None] = queue.Queue()
        assert self.proc.stdout is not None
        threading.Thread(target=self._pump, args=(self.proc.stdout,), daemon=True,
                         name="prepub-exiftool-reader").start()

    def _pump(self, stdout: IO[bytes]) -> None:
        for line in iter(stdout.readline, b""):
            self.lines.put(line)
        self.lines.put(None)

    def ask(self, name: str) -> bytes:
        self.count += 1
        ready = f"{{ready{self.count}}}".encode()
        request = "\n".join([*_OPTIONS, name, f"-execute{self.count}"]) + "\n"
        self.requests.write(request.encode("utf-8"))
        self.requests.flush()
        deadline = time.monotonic() + TIMEOUT
        out: list[bytes] = []
        size = 0
        while True:
            try:
                line = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise ExiftoolFailed(f"no answer within {TIMEOUT:.0f} s") from None
            if line is None:
                raise ExiftoolFailed("ExifTool stopped")
            if line.rstrip(b"\r\n") == ready:
                return b"".join(out)
            size += len(line)
            if size > _MAX_OUTPUT:
                raise ExiftoolFailed("output too large")
            out.append(line)

    def close(self) -> None:
        """Stop ExifTool: closing the watchdog pipe makes the watchdog send it SIGTERM.
        Idempotent (a second close must not close an fd number reused meanwhile)."""
        with self._close_lock:
            if self._closed:
                return
            self._closed = True
        try:
            os.close(self._watch)
        except OSError:
            pass
        try:
            self.requests.close()
        except OSError:
            pass
        try:
            self.proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=2)


_ask_lock = threading.Lock()
_daemon: _Daemon | None = None


def _ask_daemon(exe: str, name: str) -> bytes:
    global _daemon
    with _ask_lock:
        d = _daemon
        if d is not None and (d.pid != os.getpid() or d.exe != exe or d.proc.poll() is not None):
            if d.pid == os.getpid():
                d.close()
            d = _daemon = None  # a forked child never touches its parent's ExifTool
        if d is None:
            d = _daemon = _Daemon(exe)
        try:
            return d.ask(name)
        except BaseException:
            _daemon = None
            d.close()
            raise


def shutdown() -> None:
    """Stop this process's ExifTool, if one is running (also called at exit)."""
    global _daemon
    locked = _ask_lock.acquire(timeout=1.0)  # at exit a reader thread may be mid-file: stop anyway
    try:
        d, _daemon = _daemon, None
    finally:
        if locked:
            _ask_lock.release()
    if d is not None and d.pid == os.getpid():
        d.close()


atexit.register(shutdown)


def _split(tag: str) -> tuple[str, str]:
    group, _, name = tag.rpartition(":")
    return group, name


def _data_tags(tags: dict[str, Any]) -> list[tuple[str, str, Any]]:
    out = []
    for tag, value in tags.items():
        group, name = _split(tag)
        if group and group not in _SKIP_GROUPS:
            out.append((group, name, value))
    return out


def has_gps_tags(tags: dict[str, Any]) -> list[str]:
    """Tags that are part of a location record, even an empty one."""
    return [f"{g}:{n}" for g, n, _ in _data_tags(tags)
            if n.lower().startswith("gps") or "latitude" in n.lower()
            or "longitude" in n.lower()]


def positions(tags: dict[str, Any]) -> list[Position]:
    """Every latitude/longitude pair, signed (``-n`` values are signed except in the EXIF GPS
    IFD, group ``GPS``, whose references give the hemisphere), in the order ExifTool gave."""
    out = []
    for group, name, value in _data_tags(tags):
        low = name.lower()
        if low.endswith("latitude"):
            lon_name = name[:-8] + ("Longitude" if name[-8] == "L" else "longitude")
            lat = values.number(value) if not isinstance(value, str) else _float(value)
            lon_v = tags.get(f"{group}:{lon_name}")
            lon = values.number(lon_v) if not isinstance(lon_v, str) else _float(lon_v)
            alt_v = tags.get(f"{group}:{name[:-8]}Altitude")
            alt = values.number(alt_v) if not isinstance(alt_v, str) else _float(alt_v)
            if group == "GPS":
                lat = _hemisphere(lat, tags.get(f"{group}:{name}Ref"), "S")
                lon = _hemisphere(lon, tags.get(f"{group}:{lon_name}Ref"), "W")
                if alt is not None and str(tags.get(f"{group}:{name[:-8]}AltitudeRef")) == "1":
                    alt = -alt
            out.append(Position(lat, lon, alt, f"{group}:{name}"))
        elif name in _PAIR_NAMES and isinstance(value, str):
            nums = [_float(x) for x in re.split(r"[\s,;]+", value.strip()) if x]
            if len(nums) >= 2:
                out.append(Position(nums[0], nums[1], nums[2] if len(nums) > 2 else None,
                                    f"{group}:{name}"))
    return out


def serials(tags: dict[str, Any]) -> list[Found]:
    """Serial numbers of camera, lens, body or anything else (blanks and zeros dropped)."""
    out = []
    for group, name, value in _data_tags(tags):
        if _SERIAL.search(name):
            v = values.serial(str(value).strip() if isinstance(value, (int, float)) else value)
            if v:
                out.append(Found(f"{group}:{name}", v))
    return out


def owner_names(tags: dict[str, Any]) -> list[Found]:
    out = []
    for group, name, value in _data_tags(tags):
        if name.lower() in _OWNER:
            v = values.text(value) if isinstance(value, str) else None
            if v:
                out.append(Found(f"{group}:{name}", v))
    return out


def _float(v: Any) -> float | None:
    if isinstance(v, str):
        try:
            f = float(v.strip())
        except ValueError:
            return None
        return f if f == f and abs(f) != float("inf") else None
    return values.number(v)


def _hemisphere(v: float | None, ref: Any, negative: str) -> float | None:
    if v is None:
        return None
    r = str(ref or "").strip().upper()
    return -abs(v) if r[:1] == negative else v
