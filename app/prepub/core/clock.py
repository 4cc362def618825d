"""The one clock every part of Prepub reads: business logic never calls ``datetime.now()``,
``date.today()`` or ``time.time()`` itself.

Production code asks :func:`now` (an aware UTC datetime), :func:`today` (the local calendar
day) or :func:`local_now` (aware, in the computer's time zone). Tests fix the clock with
:func:`frozen` (a context manager) or :func:`set_clock`, so nothing depends on the day the
suite runs. Durations for progress and benchmarks use ``time.perf_counter`` directly: they
measure, they never decide.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from datetime import date, datetime, timezone, tzinfo
from typing import Callable, Iterator

__all__ = ["now", "today", "local_now", "set_clock", "reset_clock", "frozen", "FixedClock"]


def _system_now() -> datetime:
    return datetime.now(timezone.utc)


_lock = threading.Lock()
_source: Callable[[], datetime] = _system_now


def now() -> datetime:
    """The current instant, aware, in UTC."""
    t = _source()
    if t.tzinfo is None:
        raise ValueError("the clock must give aware datetimes")
    return t.astimezone(timezone.utc)


def local_now(tz: tzinfo | None = None) -> datetime:
    """The current instant in ``tz`` (default: the computer's local time zone)."""
    return now().astimezone(tz) if tz is not None else now().astimezone()


def today(tz: tzinfo | None = None) -> date:
    """Today's date where the user is (the computer's time zone unless ``tz`` is given)."""
    return local_now(tz).date()


def set_clock(source: Callable[[], datetime]) -> None:
    """Replace the clock (tests, replays). ``source`` returns aware datetimes."""
    global _source
    with _lock:
        _source = source


def reset_clock() -> None:
    set_clock(_system_now)


class FixedClock:
    """A clock standing still at ``at`` until :meth:`advance` moves it."""

    def __init__(self, at: datetime) -> None:
        if at.tzinfo is None:
            at = at.replace(tzinfo=timezone.utc)
        self.at = at

    def __call__(self) -> datetime:
        return self.at

    def advance(self, **delta: float) -> None:
        from datetime import timedelta

        self.at = self.at + timedelta(**delta)


@contextmanager
def frozen(at: datetime | date | str) -> Iterator[FixedClock]:
    """Fix the clock at ``at`` (a date means noon UTC that day) for the ``with`` block."""
    if isinstance(at, str):
        at = datetime.fromisoformat(at)
    if not isinstance(at, datetime):
        at = datetime(at.year, at.month, at.day, 12, 0, tzinfo=timezone.utc)
    global _source
    clock = FixedClock(at)
    with _lock:
        before, _source = _source, clock
    try:
        yield clock
    finally:
        with _lock:
            _source = before
