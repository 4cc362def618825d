"""Signed consent forms stored by content (SHA-256): a private folder, or the team database.

:class:`EvidenceStore` (a personal registry): a file is stored once under its hash
(``evidence/<sha256>``, mode 0600) whatever its name; the registry keeps the original file name
beside the hash. Files are written atomically and verified on the way in.

:class:`DatabaseEvidenceStore` (a team registry on PostgreSQL): the same, in the ``evidence``
table, where the database itself checks each hash. Only admins may read it back; anyone who adds
consents may add forms. :meth:`DatabaseEvidenceStore.file` copies a form into a private
temporary folder for viewing (removed on close).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from contextlib import suppress
from pathlib import Path
from typing import Any, Protocol

from prepub.core.inputfiles import open_regular
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
            with open_regular(src) as fh:  # a signed form: a regular file, never a FIFO
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

    in_database = False

    def file(self, sha256: str) -> Path | None:
        """The stored file with this hash, or None when it is not (or no longer) kept."""
        p = self.path(sha256)
        return p if p.is_file() else None

    def remove(self, sha256: str) -> bool:
        """Delete a stored file (after erasure, when no consent refers to it any more)."""
        try:
            self.path(sha256).unlink()
            return True
        except FileNotFoundError:
            return False

    def close(self) -> None:
        pass


def check_hash(sha256: str) -> str:
    if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
        raise RegistryError(f"{sha256!r} is not a SHA-256 hash")
    return sha256


def read_source(source: str | os.PathLike[str], *, limit: int = MAX_EVIDENCE_BYTES) -> bytes:
    """A form file's bytes (RegistryError when unreadable or too large)."""
    src = Path(source)
    try:
        if src.stat().st_size > limit:
            raise RegistryError(f"{src}: the evidence file is larger than "
                                f"{limit // (1024 * 1024)} MB")
        with open_regular(src) as fh:
            data = fh.read(limit + 1)
    except OSError as e:
        raise RegistryError(f"{src}: the evidence file cannot be read ({e.strerror or e})") from e
    if len(data) > limit:
        raise RegistryError(f"{src}: the evidence file is larger than allowed")
    return data


def insert_blob(conn: Any, data: bytes) -> str:
    """Put a form into the ``evidence`` table in the caller's transaction; returns its hash."""
    import sqlalchemy as sa

    from prepub.core.consent import records
    from prepub.core.consent import schema as t

    digest = hashlib.sha256(data).hexdigest()
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert

        conn.execute(insert(t.evidence).values(
            sha256=digest, size=len(data), data=data, created_at=records.now())
            .on_conflict_do_nothing(index_elements=["sha256"]))
    elif conn.execute(sa.select(t.evidence.c.sha256)
                      .where(t.evidence.c.sha256 == digest)).first() is None:
        conn.execute(t.evidence.insert().values(sha256=digest, size=len(data), data=data,
                                                created_at=records.now()))
    return digest


class DatabaseEvidenceStore:
    """Evidence in the registry's ``evidence`` table (a team registry on PostgreSQL)."""

    in_database = True

    def __init__(self, engine: Any, *, label: str) -> None:
        self._engine = engine
        self.folder = f"{label} (evidence table)"  # named in messages, like the folder store's
        self._cache: Path | None = None

    def path(self, sha256: str) -> Path:
        """Where :meth:`file` puts a viewing copy of this form."""
        check_hash(sha256)
        if self._cache is None:
            self._cache = Path(tempfile.mkdtemp(prefix="prepub-evidence-"))
        return self._cache / sha256

    def insert(self, conn: Any, data: bytes) -> str:
        """Add ``data`` inside the caller's transaction (a form already kept is left as it is)."""
        return insert_blob(conn, data)

    def add_file(self, source: str | os.PathLike[str]) -> str:
        data = read_source(source)
        with self._engine.begin() as conn:
            return self.insert(conn, data)

    def add_stream(self, stream: Readable, *, expected: str | None,
                   limit: int = MAX_EVIDENCE_BYTES) -> str:
        chunks, total = [], 0
        for block in iter(lambda: stream.read(_CHUNK), b""):
            total += len(block)
            if total > limit:
                raise RegistryError("an evidence file is larger than allowed")
            chunks.append(block)
        data = b"".join(chunks)
        digest = hashlib.sha256(data).hexdigest()
        if expected is not None and digest != expected:
            raise RegistryError(f"an evidence file does not match its recorded hash "
                                f"(expected {expected[:12]}…, got {digest[:12]}…)")
        with self._engine.begin() as conn:
            return self.insert(conn, data)

    def read(self, sha256: str) -> bytes | None:
        """The form's bytes, or None when the registry does not hold it (admins only)."""
        import sqlalchemy as sa

        from prepub.core.consent import schema as t

        check_hash(sha256)
        try:
            with self._engine.connect() as conn:
                row = conn.execute(sa.select(t.evidence.c.data)
                                   .where(t.evidence.c.sha256 == sha256)).first()
        except sa.exc.ProgrammingError as e:
            if "permission denied" in str(e):
                raise RegistryError("evidence files are shown to the registry's admins only") from e
            raise
        return None if row is None else bytes(row.data)

    def has(self, sha256: str) -> bool:
        return self.read(sha256) is not None

    def file(self, sha256: str) -> Path | None:
        """A private viewing copy (0600, in a 0700 temporary folder), or None."""
        data = self.read(sha256)
        p = self.path(sha256)
        if data is None:
            with suppress(FileNotFoundError):
                p.unlink()
            return None
        fd = os.open(p, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        return p

    def delete(self, conn: Any, hashes: list[str]) -> None:
        """Remove forms inside the caller's transaction (erasure)."""
        from prepub.core.consent import schema as t

        if hashes:
            conn.execute(t.evidence.delete().where(t.evidence.c.sha256.in_(hashes)))
        for h in hashes:
            with suppress(FileNotFoundError):
                self.path(h).unlink()

    def remove(self, sha256: str) -> bool:
        with self._engine.begin() as conn:
            self.delete(conn, [sha256])
        return True

    def close(self) -> None:
        if self._cache is not None:
            import shutil

            shutil.rmtree(self._cache, ignore_errors=True)
            self._cache = None
