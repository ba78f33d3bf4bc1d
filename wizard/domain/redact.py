"""Value-based redaction: every secret form a credential registers is replaced wherever text leaves the process.

Key-based scrubbing (drop fields named 'token') misses a token inside a message string; this does not.
"""

from __future__ import annotations

import logging
import threading

MASK = "«redacted»"
_lock = threading.Lock()
_secrets: set[str] = set()


def register(*forms: str) -> None:
    with _lock:
        _secrets.update(form for form in forms if len(form) >= 8)


def redact(text: str) -> str:
    with _lock:
        forms = sorted(_secrets, key=len, reverse=True)
    for form in forms:
        if form in text:
            text = text.replace(form, MASK)
    return text


class RedactingFilter(logging.Filter):
    """Attach to handlers: rewrites each record's final message with every known secret masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = redact(message)
        if record.exc_info and record.exc_info[1] is not None:
            clean_exc = redact(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
            record.exc_text = clean_exc
        elif record.exc_text:
            record.exc_text = redact(record.exc_text)
        record.msg, record.args = clean, None
        return True


def install_logging(level: int = logging.WARNING) -> None:
    """Root logging to stderr with redaction on the handler, so every logger's output passes through it."""
    handler = logging.StreamHandler()
    handler.addFilter(RedactingFilter())
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
