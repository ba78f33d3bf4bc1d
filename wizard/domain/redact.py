"""What may leave the process as text: value-based redaction, excerpts, and quoting for a terminal.

Key-based scrubbing (drop fields named 'token') misses a token inside a message string; value-based redaction does
not. Order matters: redact first, then shorten (`excerpt`), because a cut inside a token leaves a fragment that is no
longer recognised. Text from AFAS or the user is untrusted on a terminal: `for_terminal` makes control characters and
escape sequences visible instead of letting them act.
"""

from __future__ import annotations

import base64
import binascii
import logging
import re
import threading
from collections.abc import Iterable

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


def excerpt(text: str, limit: int) -> str:
    """At most `limit` characters of `text`, redacted BEFORE it is cut (a cut token is no longer recognisable)."""
    clean = redact(text)
    if len(clean) <= limit:
        return clean
    return clean[: max(0, limit - 1)] + "…"


# -- token-shaped values in what the user typed ---------------------------------------------------------------------

# What a pasted token looks like: its XML (raw or HTML-escaped), a run of 32+ hex characters (the data part), or a
# long Base64 run that decodes to part of a token (the Authorization header value).
_TOKEN_XML = re.compile(r"<token>.*?(?:</token>|$)|&lt;token&gt;.*?(?:&lt;/token&gt;|$)", re.I | re.S)
_HEX_RUN = re.compile(r"[0-9A-Fa-f]{32,}")
_B64_RUN = re.compile(r"[A-Za-z0-9+/]{32,}={0,2}")
_TOKENISH = re.compile(rb"(?i)<token|<version|<data|[0-9A-Fa-f]{16}")


def _decodes_to_token(run: str) -> bool:
    """A Base64 run cut anywhere still decodes, at one of four alignments, to a piece of the token's XML."""
    for start in range(4):
        piece = run[start:].rstrip("=")
        piece = piece[: len(piece) - len(piece) % 4]
        try:
            decoded = base64.b64decode(piece, validate=True)
        except (binascii.Error, ValueError):
            continue
        if _TOKENISH.search(decoded):
            return True
    return False


def secret_like(text: str) -> list[str]:
    """The token-shaped pieces of `text` (an argument, a pasted value): each to be masked wherever it is echoed."""
    found = [m.group() for m in _TOKEN_XML.finditer(text)]
    found += [m.group() for m in _HEX_RUN.finditer(text)]
    found += [m.group() for m in _B64_RUN.finditer(text) if _decodes_to_token(m.group())]
    return found


def register_untrusted_input(values: Iterable[str]) -> None:
    """Treat every token-shaped piece of these values (e.g. a command line) as a secret from now on, so a token
    pasted where a path, URL or environment belongs is masked in every message, whichever code echoes it."""
    for value in values:
        for piece in secret_like(value):
            register(piece, piece.upper(), piece.lower())


# -- untrusted text on a terminal -----------------------------------------------------------------------------------

# C0 and C1 control characters (ESC and CSI start escape sequences; CR and BS overwrite what was printed), DEL, and
# the Unicode bidirectional controls that reorder what a reader sees.
_UNSAFE_CHARS = r"\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_UNSAFE = re.compile(f"[{_UNSAFE_CHARS}]")
_UNSAFE_WITH_NEWLINE = re.compile(f"[{_UNSAFE_CHARS}\\n]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def for_terminal(text: str, *, keep_newlines: bool = True) -> str:
    """Untrusted text made safe to print: every control character or escape-sequence start shown as `\\xNN`, so a
    message from AFAS cannot clear the screen, move the cursor or fake a result. Line breaks are kept only in text
    we compose ourselves (keep_newlines=True); within one field of untrusted text they are shown too."""
    pattern = _UNSAFE if keep_newlines else _UNSAFE_WITH_NEWLINE
    return pattern.sub(_visible, text)


def json_for_terminal(document: str) -> str:
    """A JSON document whose strings hold characters a terminal would act on, with those written as JSON escapes
    (json.dumps escapes C0 controls but leaves C1 and bidirectional controls raw when ensure_ascii=False)."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", document)


# -- logging --------------------------------------------------------------------------------------------------------


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
