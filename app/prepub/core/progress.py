"""Progress reporting and cooperative cancellation, shared by the CLI, the GUI and the tests.

Long core functions take ``progress`` (a callable) and ``cancel`` (a :class:`CancelToken`) as
keyword arguments. They call ``progress(done, total, label)`` between units of work and check
``cancel.raise_if_cancelled()`` at the same points, so Cancel takes effect between images.
"""

from __future__ import annotations

import threading
from typing import Protocol


class Cancelled(Exception):
    """Raised inside core work when the user asked to stop."""


class ProgressCallback(Protocol):
    def __call__(self, done: int, total: int, label: str = "") -> None: ...


def no_progress(done: int, total: int, label: str = "") -> None:
    """A progress callback that ignores every report."""


class CancelToken:
    """A thread-safe flag the GUI sets and the core polls."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()
