"""Opening the files a user names: regular files only, and never a wait.

Every file Prepub reads because someone named it (a photo, a draft, a policy, a consent sheet,
a text file) is opened here. A FIFO, a device (``/dev/zero``), a socket or a folder is refused
with :class:`NotRegularFile` (an ``OSError``) before a byte is read. The open itself cannot
block (``O_NONBLOCK``: opening a FIFO that has no writer otherwise waits for ever) and the check
is made on the opened descriptor (``fstat``), so a path swapped between a check and the open
cannot slip through. :func:`read_regular` also caps the size of a document read whole: a
10 GB "draft" is refused, not read into memory.
"""

from __future__ import annotations

import errno
import os
import stat
from typing import BinaryIO

__all__ = ["NotRegularFile", "FileTooLarge", "open_regular", "read_regular"]


class NotRegularFile(OSError):
    """The path names a FIFO, a device, a socket or a folder, not a file. ``kind`` says which."""

    def __init__(self, path: str, kind: str) -> None:
        super().__init__(errno.EINVAL, f"not a regular file but {kind}", path)
        self.kind = kind


class FileTooLarge(OSError):
    """A document larger than its reader accepts (``limit`` bytes)."""

    def __init__(self, path: str, limit: int) -> None:
        super().__init__(errno.EFBIG, f"larger than {limit // (1 << 20)} MB", path)
        self.limit = limit


_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
          | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0))


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def open_regular(path: str | os.PathLike[str]) -> BinaryIO:
    """``path`` opened for reading in binary, when it is a regular file (symbolic links are
    followed to one). Raises ``FileNotFoundError``, ``PermissionError``,
    ``IsADirectoryError`` for a folder or :class:`NotRegularFile` for anything else."""
    name = os.fspath(path)
    fd = os.open(name, _FLAGS)
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "this is a folder, not a file", name)
        if not stat.S_ISREG(mode):
            raise NotRegularFile(name, _kind(mode))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)  # a plain descriptor from here on
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: str | os.PathLike[str], *, limit: int) -> bytes:
    """The whole content of the regular file ``path``; :class:`FileTooLarge` past ``limit``
    bytes (checked on the size and again on what is read: a file may grow meanwhile)."""
    with open_regular(path) as fh:
        if os.fstat(fh.fileno()).st_size > limit:
            raise FileTooLarge(os.fspath(path), limit)
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise FileTooLarge(os.fspath(path), limit)
    return data
