"""The metadata reader's one exception (the file is not an image it can read at all), and the
capture of library warnings as reading notes."""

from __future__ import annotations

import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

#: Stable codes for :attr:`UnreadableImage.code`, with the plain-English :attr:`reason` of each.
REASONS: dict[str, str] = {
    "empty": "the file is empty (zero bytes)",
    "unsupported": "it is not an image, or not in a format Prepub reads",
    "broken_header": "the image header is damaged",
    "io_error": "the file cannot be opened",
    "not_regular": "it is not a regular file (a pipe, a device or a folder)",
}


class UnreadableImage(Exception):
    """Not an image we can read: zero bytes, not an image, unsupported format, broken header.

    ``code`` is a key of :data:`REASONS` (stable, for translated messages); ``reason`` is its
    plain-English text, ready for "The image cannot be read: {reason}."; ``detail`` is technical
    text for logs and tooltips. Corrupt *metadata* inside a readable image never raises this: it
    becomes a warning in ``Metadata.warnings``.
    """

    def __init__(self, code: str, detail: str = "") -> None:
        self.code = code
        self.reason = REASONS.get(code, code)
        self.detail = detail
        super().__init__(f"{self.reason} ({detail})" if detail else self.reason)


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
