"""Reading a small credential file (a token file) safely: never blocking, only regular files, bounded in size.

`open()` on a FIFO waits forever for a writer, outside any timeout; a device or a huge file must not be read into
memory. Opening with O_NONBLOCK returns at once for a FIFO, and fstat on the open descriptor (not the path, which
could be swapped in between) decides whether it is a regular file.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Literal

from wizard.domain.errors import InputError
from wizard.domain.redact import excerpt
from wizard.domain.text import Text

MAX_SECRET_FILE = 64 * 1024  # a token is ~100 bytes, an OAuth client secret ~64

# What the file holds, in the messages: the classic token or an OAuth client secret.
SecretKind = Literal["token", "client-secret"]
_HOLDS = {
    "token": (Text(en="the token", nl="het token"), Text(en="token file", nl="tokenbestand")),
    "client-secret": (
        Text(en="the client secret", nl="het client secret"),
        Text(en="client secret file", nl="bestand met het client secret"),
    ),
}


def read_secret_file(path: Path, limit: int = MAX_SECRET_FILE, kind: SecretKind = "token") -> str:
    """The file's text (UTF-8, a BOM allowed); InputError, naming the file and the reason, otherwise."""
    name = excerpt(str(path), 200)
    holds, file_kind = _HOLDS[kind]
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise _cannot_read(name, exc.strerror or type(exc).__name__, file_kind) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(
                Text(
                    en="{f} is not a regular file (a folder, pipe or device); give the file that holds {what}.",
                    nl="{f} is geen gewoon bestand (een map, pipe of apparaat); geef het bestand met {what}.",
                ).format(f=name, what=holds)
            )
        if info.st_size > limit:
            raise _too_large(name, file_kind)
        raw = b""
        while len(raw) <= limit:  # bounded too: the file may grow after fstat
            chunk = os.read(fd, limit + 1 - len(raw))
            if not chunk:
                break
            raw += chunk
    except OSError as exc:
        raise _cannot_read(name, exc.strerror or type(exc).__name__, file_kind) from None
    finally:
        os.close(fd)
    if len(raw) > limit:
        raise _too_large(name, file_kind)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _cannot_read(name, "not UTF-8 text", file_kind) from None


def _cannot_read(name: str, reason: str, file_kind: Text) -> InputError:
    return InputError(
        Text(en="Cannot read the {k} {f}: {e}.", nl="Kan het {k} {f} niet lezen: {e}.").format(
            f=name, e=reason, k=file_kind
        )
    )


def _too_large(name: str, file_kind: Text) -> InputError:
    return InputError(
        Text(en="{f} is too large to be a {k}.", nl="{f} is te groot voor een {k}.").format(f=name, k=file_kind)
    )
