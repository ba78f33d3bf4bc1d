"""Local files, the one way the product reads and writes any: reads never block, take only regular files and are
bounded; writes replace the file in one step through a new temporary file that never follows a link.

`open()` on a FIFO waits forever for a writer, outside any timeout; a device (a link to /dev/zero) or a huge file
must not be read into memory, and the size the OS reports proves nothing (a device says 0, a file may grow).
Opening with O_NONBLOCK returns at once for a FIFO, fstat on the open descriptor (not the path, which could be
swapped in between) decides whether it is a regular file, and at most `limit + 1` bytes are ever read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Literal

Problem = Literal["missing", "unreadable", "not-regular", "too-large"]
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)


class LocalFileError(Exception):
    """Why a file was not read; `reason` is the OS's words (strerror) for "missing" and "unreadable"."""

    def __init__(self, problem: Problem, reason: str = "") -> None:
        super().__init__(f"{problem}: {reason}" if reason else problem)
        self.problem: Problem = problem
        self.reason = reason


def read_local_file(path: Path, limit: int) -> bytes:
    """The file's bytes, at most `limit` of them; LocalFileError otherwise."""
    try:
        fd = os.open(path, _FLAGS)
    except (FileNotFoundError, NotADirectoryError) as exc:
        raise LocalFileError("missing", exc.strerror or type(exc).__name__) from None
    except OSError as exc:
        raise LocalFileError("unreadable", exc.strerror or type(exc).__name__) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise LocalFileError("not-regular")
        if info.st_size > limit:
            raise LocalFileError("too-large")
        chunks: list[bytes] = []
        size = 0
        while size <= limit:  # bounded by what arrives, not by st_size: the file may grow after fstat
            chunk = os.read(fd, limit + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise LocalFileError("unreadable", exc.strerror or type(exc).__name__) from None
    finally:
        os.close(fd)
    if size > limit:
        raise LocalFileError("too-large")
    return b"".join(chunks)


_WRITE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)


def write_local_file(path: Path, data: bytes, *, private: bool = False) -> None:
    """Replace `path` with `data` in one step; OSError when it cannot be written.

    The temporary file is created new (O_EXCL, never through a link) under a random name beside the target: in a
    shared folder another user could plant a link at a predictable name, and writing through it would overwrite the
    link's target. `private`: readable by the user alone from the first byte (a token or a secret); otherwise the
    user's umask applies, as for any file they save."""
    temporary = path.with_name(f".{path.name}.{os.urandom(8).hex()}.partial")
    fd = os.open(temporary, _WRITE_FLAGS, 0o600 if private else 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()  # a full disk shows here, not silently later
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
