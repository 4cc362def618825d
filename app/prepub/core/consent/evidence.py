"""The private evidence folder: signed consent forms stored by content (SHA-256), mode 0600.

A file is stored once under its hash (``evidence/<sha256>``) whatever its name; the registry keeps
the original file name beside the hash. Files are written atomically and verified on the way in.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from contextlib import suppress
from pathlib import Path
from typing import Protocol

from prepub.core.consent.types import RegistryError

MAX_EVIDENCE_BYTES = 100 * 1024 * 1024  # a scanned form is a few MB; refuse absurd files
_CHUNK = 1 << 20


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(_CHUNK), b""):
            h.update(block)
    return h.hexdigest()


class Readable(Protocol):
    def read(self, n: int = -1, /) -> bytes: ...


class EvidenceStore:
    """Content-addressed files in ``folder`` (created 0700 on first use)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, sha256: str) -> Path:
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise RegistryError(f"{sha256!r} is not a SHA-256 hash")
        return self.folder / sha256

    def has(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def add_file(self, source: str | os.PathLike[str]) -> str:
        """Copy ``source`` in (read-only access to it); returns its hash."""
        src = Path(source)
        try:
            size = src.stat().st_size
            if size > MAX_EVIDENCE_BYTES:
                raise RegistryError(f"{src}: the evidence file is larger than "
                                    f"{MAX_EVIDENCE_BYTES // (1024 * 1024)} MB")
            with open(src, "rb") as fh:
                return self.add_stream(fh, expected=None)
        except OSError as e:
            raise RegistryError(f"{src}: the evidence file cannot be read ({e.strerror or e})") from e

    def add_stream(self, stream: Readable, *, expected: str | None,
                   limit: int = MAX_EVIDENCE_BYTES) -> str:
        """Store what ``stream`` holds; with ``expected`` the content must have that hash."""
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        with suppress(OSError):
            os.chmod(self.folder, 0o700)
        fd, tmp = tempfile.mkstemp(prefix=".incoming-", dir=self.folder)
        try:
            h = hashlib.sha256()
            total = 0
            with os.fdopen(fd, "wb") as out:
                for block in iter(lambda: stream.read(_CHUNK), b""):
                    total += len(block)
                    if total > limit:
                        raise RegistryError("an evidence file is larger than allowed")
                    h.update(block)
                    out.write(block)
                out.flush()
                os.fsync(out.fileno())
            digest = h.hexdigest()
            if expected is not None and digest != expected:
                raise RegistryError(f"an evidence file does not match its recorded hash "
                                    f"(expected {expected[:12]}…, got {digest[:12]}…)")
            os.chmod(tmp, 0o600)
            final = self.path(digest)
            if final.exists():
                os.unlink(tmp)
            else:
                os.replace(tmp, final)
            return digest
        except BaseException:
            with suppress(OSError):
                os.unlink(tmp)
            raise

    def remove(self, sha256: str) -> bool:
        """Delete a stored file (after erasure, when no consent refers to it any more)."""
        try:
            self.path(sha256).unlink()
            return True
        except FileNotFoundError:
            return False
