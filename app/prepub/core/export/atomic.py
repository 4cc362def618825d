"""Writing a bundle so that it is either complete or absent.

Files go into a hidden temporary folder ``.<name>.partial-XXXX`` beside the target; each file is
fsynced; the folder (or a ``.zip`` built from it through a temporary file) is then renamed to
its final name in one step. A crash or kill leaves at most a ``.partial`` folder, which never
looks like a finished bundle. A final name that exists is never overwritten silently: the next
free ``<name>-2``, ``<name>-3`` … is taken, unless the caller asked to overwrite.

What a crash left behind is removed at the next export into the same folder
(:func:`clean_stale_partials`): a ``.partial-`` folder or temporary zip older than
:data:`STALE_AFTER_SECONDS` that no live export holds. A running export holds an exclusive
``flock`` on its partial folder (and temporary zip) until it is published or removed, so another
process exporting into the same folder never removes it; the lock dies with its process. Age is
measured against the file system's own clock (the new partial folder's time stamp), so a
skewed or fixed clock cannot make a live export look old. (Windows has no ``flock``: there the
age alone decides.)
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import zipfile
from pathlib import Path

PARTIAL = ".partial-"
STALE_AFTER_SECONDS = 5 * 60

_held: dict[str, int] = {}  # partial folder or temporary zip -> the descriptor holding its lock


def make_partial_dir(out_dir: Path, name: str) -> Path:
    """A new hidden, locked partial folder in ``out_dir``; stale ones are removed first."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = Path(tempfile.mkdtemp(prefix=f".{name}{PARTIAL}", dir=out_dir))
    _lock(path)
    try:
        clean_stale_partials(out_dir, reference=path)
    except OSError:  # tidying never costs an export
        pass
    return path


def _lock(path: Path, fd: int | None = None) -> bool:
    """Hold an exclusive lock on ``path`` (or the open ``fd``) for as long as this process
    lives or until :func:`_release`; False when another process holds it."""
    try:
        import fcntl
    except ImportError:  # Windows
        return True
    own = fd is None
    if fd is None:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        if own:
            os.close(fd)
        return False
    if own:
        _held[str(path)] = fd
    return True


def _release(path: Path) -> None:
    fd = _held.pop(str(path), None)
    if fd is not None:
        os.close(fd)  # closing releases the lock


def _locked_elsewhere(path: Path) -> bool:
    """Whether a live process holds the lock of ``path`` (never for our own entries)."""
    if str(path) in _held:
        return True
    try:
        import fcntl
    except ImportError:
        return False
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return True  # cannot look: leave it alone
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return False
    except OSError:
        return True
    finally:
        os.close(fd)  # also releases the probe's lock


def clean_stale_partials(out_dir: Path, *, reference: Path | None = None,
                         older_than: float = STALE_AFTER_SECONDS) -> list[Path]:
    """Remove what interrupted exports left in ``out_dir`` (see the module docstring): entries
    named ``.*.partial-*`` whose newest time stamp is more than ``older_than`` seconds before
    ``reference``'s (default: a fresh probe file's) and that no live process holds. Returns
    what was removed."""
    if reference is None:
        fd, probe = tempfile.mkstemp(prefix=".prepub-clock-", dir=out_dir)
        os.close(fd)
        try:
            fs_now = os.stat(probe).st_mtime
        finally:
            os.unlink(probe)
    else:
        fs_now = os.stat(reference).st_mtime
    removed = []
    for entry in stale_partials(out_dir):
        if reference is not None and entry == reference:
            continue
        try:
            if entry.is_symlink():
                continue  # never follow a link out of the folder
            newest = _newest_mtime(entry)
        except OSError:
            continue
        if fs_now - newest <= older_than or _locked_elsewhere(entry):
            continue
        if entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
        removed.append(entry)
    return removed


def _newest_mtime(entry: Path) -> float:
    newest = entry.lstat().st_mtime
    if entry.is_dir():
        for child in entry.iterdir():  # a live export touches its folder or a subfolder
            newest = max(newest, child.lstat().st_mtime)
    return newest


def write_file(path: Path, data: bytes | str) -> Path:
    """Create ``path`` (it must not exist) with ``data``, flushed to disk."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "xb") as fh:
        fh.write(raw)
        fh.flush()
        os.fsync(fh.fileno())
    return path


def fsync_dir(path: Path) -> None:
    """Flush a folder's entries (POSIX); a no-op where folders cannot be opened (Windows)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def free_name(out_dir: Path, name: str, suffix: str = "") -> Path:
    """``out_dir/name+suffix``, or the first free ``name-2``, ``name-3`` … variant."""
    candidate = out_dir / f"{name}{suffix}"
    n = 2
    while candidate.exists() or candidate.is_symlink():
        candidate = out_dir / f"{name}-{n}{suffix}"
        n += 1
    return candidate


def publish_dir(partial: Path, final: Path, *, overwrite: bool) -> Path:
    """Rename the finished ``partial`` folder to ``final`` (or the next free name)."""
    for f in partial.rglob("*"):
        if f.is_dir():
            fsync_dir(f)
    fsync_dir(partial)
    try:
        if final.exists() and overwrite:
            _replace(partial, final)
        else:
            while True:
                final = free_name(final.parent, final.name)
                try:
                    os.rename(partial, final)  # fails if a racer created a non-empty folder there
                    break
                except OSError:
                    if not final.exists():
                        raise
    finally:
        _release(partial)
    fsync_dir(final.parent)
    return final


def publish_zip(partial: Path, final: Path, *, overwrite: bool, last: str = "manifest.json") -> Path:
    """Zip the finished ``partial`` folder (``last`` written last) into ``final`` (a ``.zip``
    path) through a temporary file, then remove the folder."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{final.stem}{PARTIAL}", suffix=".zip", dir=final.parent)
    tmp = Path(tmp_name)
    _lock(tmp, fd)  # held on the descriptor: another export never removes it as stale
    try:
        with os.fdopen(fd, "wb") as fh:
            with zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_DEFLATED) as zf:
                files = sorted(p for p in partial.rglob("*") if p.is_file())
                files.sort(key=lambda p: p.relative_to(partial).as_posix() == last)
                for f in files:
                    arc = f"{final.stem}/{f.relative_to(partial).as_posix()}"
                    stored = f.suffix.lower() in (".jpg", ".jpeg", ".png")
                    zf.write(f, arc, compress_type=zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED)
            fh.flush()
            os.fsync(fh.fileno())
        if final.exists() and overwrite:
            os.replace(tmp, final)
        else:
            while True:
                final = free_name(final.parent, final.stem, ".zip")
                if _link_no_replace(tmp, final):
                    break
        fsync_dir(final.parent)
    finally:
        if tmp.exists():
            tmp.unlink()
        remove_partial(partial)
    return final


def remove_partial(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
    _release(path)


def stale_partials(out_dir: Path) -> list[Path]:
    """Unfinished bundles an interrupted export left in ``out_dir`` (safe to delete once no
    export is running)."""
    if not out_dir.is_dir():
        return []
    return sorted(p for p in out_dir.iterdir() if p.name.startswith(".") and PARTIAL in p.name)


def _link_no_replace(src: Path, dst: Path) -> bool:
    """Give ``src`` the name ``dst`` without ever replacing an existing ``dst``."""
    try:
        os.link(src, dst)  # atomic and fails when dst exists
        return True
    except FileExistsError:
        return False
    except OSError:
        if os.name == "nt":  # rename on Windows also refuses an existing target
            try:
                os.rename(src, dst)
                return True
            except FileExistsError:
                return False
        raise


def _replace(partial: Path, final: Path) -> None:
    old = Path(tempfile.mkdtemp(prefix=f".{final.name}.old-", dir=final.parent))
    old.rmdir()
    os.rename(final, old)
    try:
        os.rename(partial, final)
    except OSError:
        os.rename(old, final)
        raise
    shutil.rmtree(old, ignore_errors=True)
