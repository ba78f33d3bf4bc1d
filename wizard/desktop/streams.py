"""Standard streams on a desktop: UTF-8 on the command line, and a log file when there is no console at all.

A windowed PyInstaller exe (Windows, the macOS .app) starts with `sys.stdout = sys.stderr = None`: every print and
log line would vanish and uvicorn's default logging config would crash on `None.isatty()`. Routing both streams into
a log file in the user's log folder keeps the product working and gives the helpdesk something to ask for.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import time
from pathlib import Path
from typing import TextIO, cast

from wizard import __version__
from wizard.domain.redact import RedactingFilter, redact

APP_NAME = "sbq-setup"
APP_AUTHOR = "SmartBooqing"
LOG_NAME = "sbq-setup.log"
MAX_LOG_BYTES = 1_000_000  # one previous file is kept as .1; a helpdesk ticket needs the recent runs only

# The log file this process writes its streams into (one per process; a dict so no `global` is needed).
_state: dict[str, Path] = {}


def log_dir() -> Path:
    """Windows: %LOCALAPPDATA%\\SmartBooqing\\sbq-setup\\Logs; macOS: ~/Library/Logs/sbq-setup; Linux:
    $XDG_STATE_HOME/sbq-setup/log."""
    # Asked only without a console or to record a failure: platformdirs costs every command ~10 ms, a third of the
    # CLI's start-up budget (benchmarks/startup_bench.py).
    from platformdirs import user_log_dir

    return Path(user_log_dir(APP_NAME, APP_AUTHOR))


def log_file() -> Path:
    return log_dir() / LOG_NAME


def active_log_file() -> Path | None:
    """The file this process writes its output into, or None while it writes to a console."""
    return _state.get("log")


class RedactingWriter(io.TextIOBase):
    """A text stream that masks every registered secret before it writes (tracebacks printed by Python's own
    excepthooks bypass our logging filter)."""

    def __init__(self, target: TextIO) -> None:
        super().__init__()
        self._target = target

    @property
    def encoding(self) -> str:  # type: ignore[override]  # read-only here: we always write UTF-8
        return "utf-8"

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    def write(self, text: str) -> int:
        self._target.write(redact(text))
        self._target.flush()  # the process may end any moment; a helpdesk needs the last line most
        return len(text)

    def flush(self) -> None:
        self._target.flush()


def _open_log(path: Path) -> TextIO:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        if path.stat().st_size > MAX_LOG_BYTES:
            os.replace(path, path.with_name(path.name + ".1"))
    except OSError:
        pass  # no file yet, or the old one is locked: appending still works
    return open(path, "a", encoding="utf-8", errors="replace")  # lives as long as the process


def _header() -> str:
    return f"--- {APP_NAME} {__version__} started {time.strftime('%Y-%m-%d %H:%M:%S')} (pid {os.getpid()}) ---\n"


def route_missing_streams(path: Path | None = None) -> Path | None:
    """When stdout or stderr is None (no console), send it into the log file; returns that file, else None."""
    if sys.stdout is not None and sys.stderr is not None:
        return None
    target = path or log_file()
    try:
        handle = _open_log(target)
    except OSError:
        # No writable log folder: swallow the output rather than crash on None.write.
        writer = RedactingWriter(cast(TextIO, io.StringIO()))
        sys.stdout = sys.stdout or cast(TextIO, writer)
        sys.stderr = sys.stderr or cast(TextIO, writer)
        return None
    writer = RedactingWriter(handle)
    writer.write(_header())
    if sys.stdout is None:
        sys.stdout = cast(TextIO, writer)
    if sys.stderr is None:
        sys.stderr = cast(TextIO, writer)
    _state["log"] = target
    return target


def _normalised(encoding: str | None) -> str:
    return (encoding or "").lower().replace("-", "").replace("_", "")


def ensure_utf8(stream: object) -> None:
    """A Windows pipe or redirect is cp1252, which cannot encode ✔ ⚠ ✖ →; the helpdesk pipes `verify` into files.
    Reconfigure to UTF-8; `errors="replace"` only matters for text that is not valid Unicode at all."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is None:
        return
    if _normalised(getattr(stream, "encoding", None)) == "utf8":
        return
    try:
        reconfigure(encoding="utf-8", errors="replace")
    except (ValueError, OSError, io.UnsupportedOperation):
        with contextlib.suppress(ValueError, OSError, io.UnsupportedOperation):
            reconfigure(errors="replace")  # last resort: a '?' instead of exit 70


def prepare_streams() -> Path | None:
    """Call first thing at start-up, before logging is installed (its handler binds to sys.stderr)."""
    path = route_missing_streams()
    ensure_utf8(sys.stdout)
    ensure_utf8(sys.stderr)
    return path


def record_failure(exc: BaseException, what: str = "start-up failed") -> Path | None:
    """Write a failure with its (redacted) traceback into the log file; returns the file, or None if unwritable.

    When the streams already go to the log file, logging does it; with a console, the traceback is appended to
    the same file, so the message box can always name one place for the helpdesk."""
    import logging  # a failure's path only: ~6 ms of the 3x `--version` budget (benchmarks/startup_bench.py)
    import traceback

    active = active_log_file()
    if active is not None:
        logging.getLogger(__name__).error("%s", what, exc_info=exc)
        return active
    target = log_file()
    try:
        with _open_log(target) as handle:
            handle.write(_header())
            record = logging.LogRecord(__name__, logging.ERROR, "", 0, what, None, None)
            record.exc_text = "".join(traceback.format_exception(exc))
            RedactingFilter().filter(record)
            handle.write(redact(logging.Formatter("%(levelname)s %(name)s: %(message)s").format(record)) + "\n")
    except OSError:
        return None
    return target
