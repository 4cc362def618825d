"""Child processes for the slow work the desktop app does while the user types and clicks.

Work on a thread shares the interpreter lock with the window. Most of it lets go of the lock
often, but loading models does not: dlib and the ONNX models for faces, and lingua's language
models for the text checks, each hold it for half a second or more, and the window freezes
meanwhile. A :class:`ProcessWorker` runs such functions in one child process instead; the
calling thread waits without holding the lock, so the window's thread never waits for a model.
A child that dies (a decoder crashing on a hostile file) is replaced, and the call raises
:class:`WorkerCrashed` so the caller can turn it into a finding.

The child starts with the ``spawn`` method (no copy of the parent's threads or Qt state), so
frozen builds call :func:`multiprocessing.freeze_support` first (``packaging/launcher.py``), and
a script that uses a worker keeps its top level under ``if __name__ == "__main__":``.
"""

from __future__ import annotations

import atexit
import multiprocessing
import threading
import weakref
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import date
from typing import Any, Callable, Sequence

from prepub.core.policy import Policy


class WorkerCrashed(RuntimeError):
    """The child process died during the call (it has been replaced)."""


class ProcessWorker:
    """One child process running the functions passed to :meth:`call`, one at a time.

    ``fn`` must be importable by name (a module-level function); arguments and result travel by
    pickle. Safe to use from several threads; calls queue in the child."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()
        self.crashes = 0
        _live.add(self)

    def call(self, fn: Callable[..., Any], *args: Any) -> Any:
        """``fn(*args)`` in the child. A child that died while idle (killed from outside) is
        replaced silently; one that dies during this call raises :class:`WorkerCrashed`."""
        for attempt in (1, 2):
            pool = self._current()
            try:
                fut: Future[Any] = pool.submit(fn, *args)
            except BrokenProcessPool:  # it died before this call: not this call's fault
                self._discard(pool)
                if attempt == 2:
                    raise WorkerCrashed(getattr(fn, "__name__", str(fn))) from None
                continue
            try:
                return fut.result()
            except BrokenProcessPool:
                self.crashes += 1
                self._discard(pool)
                raise WorkerCrashed(getattr(fn, "__name__", str(fn))) from None
        raise AssertionError("unreachable")

    def _current(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(
                    max_workers=1, mp_context=multiprocessing.get_context("spawn"))
            return self._pool

    def _discard(self, pool: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._pool is pool:
                self._pool = None
        pool.shutdown(wait=False, cancel_futures=True)

    def pid(self) -> int | None:
        """The child's process id while it runs (tests use it), else None."""
        procs = getattr(self._pool, "_processes", None) or {}
        return next(iter(procs), None)

    def close(self) -> None:
        """Stop the child after the call it is on; calls not started are dropped."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


_live: "weakref.WeakSet[ProcessWorker]" = weakref.WeakSet()


@atexit.register
def _close_all() -> None:
    """Stop every child before the interpreter tears its modules down (else the executor's
    clean-up runs half-way through that and prints an AttributeError)."""
    for worker in list(_live):
        worker.close()


# --- the text checks and place names in a child ------------------------------------------------

def _text_warm_up(languages: Sequence[str] | None) -> None:
    from prepub.core.text import warm_up

    warm_up(languages)


def _text_check(text: str, policy: Policy, channels: list[str], language: str | None,
                images: list[Any], trip_ended: bool, today: date | None) -> Any:
    from prepub.core.text import check_text

    return check_text(text, policy=policy, channels=channels, language=language, images=images,
                      trip_ended=trip_ended, today=today)


def _place_name(lat: float, lon: float) -> tuple[str | None, str]:
    from prepub.core.places import place_name, unavailable_reason

    return place_name(lat, lon), unavailable_reason()


class HelperWorker:
    """The app's light helper process: :func:`prepub.core.text.check_text` (lingua's language
    models load and live there) and :func:`prepub.core.places.place_name` (the offline city
    list). Both answer in milliseconds once loaded, but loading holds the interpreter lock for
    half a second or more, which a window's process cannot afford (see the module docstring)."""

    def __init__(self) -> None:
        self._worker = ProcessWorker()

    def warm_up(self, languages: Sequence[str] | None) -> None:
        self._worker.call(_text_warm_up, list(languages) if languages is not None else None)

    def check(self, text: str, *, policy: Policy, channels: Sequence[str], language: str | None,
              images: Sequence[Any] = (), trip_ended: bool = False, today: date | None = None) -> Any:
        return self._worker.call(_text_check, text, policy, list(channels), language, list(images),
                                 trip_ended, today)

    def place_name(self, lat: float, lon: float) -> tuple[str | None, str]:
        """(place name or None, why there are no place names — "" when there are)."""
        return self._worker.call(_place_name, float(lat), float(lon))

    def close(self) -> None:
        self._worker.close()
