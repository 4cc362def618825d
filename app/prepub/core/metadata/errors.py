"""The metadata reader's one exception (the file is not an image it can read at all), and the
capture of library warnings as reading notes."""

from __future__ import annotations

import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

#: The values :attr:`UnreadableImage.reason` takes. Stable codes, so messages can be translated.
REASONS = ("empty", "unsupported", "broken_header", "io_error")


class UnreadableImage(Exception):
    """Not an image we can read: zero bytes, not an image, unsupported format, broken header.

    ``reason`` is one of :data:`REASONS`; ``detail`` is free English text for logs and tooltips.
    Corrupt *metadata* inside a readable image never raises this: it becomes a warning.
    """

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail

# warnings.catch_warnings swaps process-wide state; serialise our use of it.
_WARNINGS_LOCK = threading.RLock()


@contextmanager
def collected_warnings(into: list[str], prefix: str) -> Iterator[None]:
    """Run a block with Python warnings recorded into ``into`` as ``"<prefix>: <message>"``.

    Pillow reports corrupt EXIF and oversized images through :mod:`warnings`; we keep them as
    reading notes instead of letting them reach stderr. ResourceWarnings are dropped.
    """
    with _WARNINGS_LOCK, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            yield
        finally:
            for w in caught:
                if not issubclass(w.category, ResourceWarning):
                    into.append(f"{prefix}: {w.message}")
