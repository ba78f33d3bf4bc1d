"""Reading a small credential file (a token or client secret file) through the product's one safe reader
(wizard.data.local_file: never blocking, only regular files, bounded), with messages that say what was wrong."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from wizard.data.local_file import LocalFileError, read_local_file
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
    try:
        raw = read_local_file(path, limit)
    except LocalFileError as exc:
        if exc.problem == "not-regular":
            raise InputError(
                Text(
                    en="{f} is not a regular file (a folder, pipe or device); give the file that holds {what}.",
                    nl="{f} is geen gewoon bestand (een map, pipe of apparaat); geef het bestand met {what}.",
                ).format(f=name, what=holds)
            ) from None
        if exc.problem == "too-large":
            raise _too_large(name, file_kind) from None
        raise _cannot_read(name, exc.reason, file_kind) from None
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
