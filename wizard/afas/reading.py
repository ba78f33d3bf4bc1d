"""Reading whatever answered, as untrusted input: the body within a decoded-size cap, its text and JSON, and waits in
seconds from untrusted numbers. Every answer body goes through `read_bounded` (REST, SOAP, the token endpoint, a
rejected 401), so a gzip bomb costs no more than the cap wherever it arrives (past it, or undecodable: an
httpx.DecodingError, classified as a malformed answer). The text, JSON and number readers return a value or None and
never raise ValueError, RecursionError, OverflowError or UnicodeError.
"""

from __future__ import annotations

import codecs
import email.utils
import json
import math
import re
import time
import zlib
from dataclasses import dataclass, field
from typing import Any

import httpx

from wizard.domain.redact import excerpt

# Decoded bytes read from one answer at most. AFAS's largest answer here (/metainfo of a big environment) is some
# hundreds of KB; a bigger one is not AFAS, and reading stops there instead of filling memory.
MAX_BODY_BYTES = 2 * 1024 * 1024

# The encodings we ask for, and decode ourselves: httpx's own decoder inflates a whole network chunk at once, and 64 KB
# of a gzip bomb inflate to 64 MB before any cap could look at them.
ACCEPT_ENCODING = "gzip, deflate"


@dataclass
class Reply:
    """One answer from AFAS, decoded as far as it decodes."""

    status: int
    headers: httpx.Headers
    text: str
    elapsed_ms: int
    url_path: str
    json_body: Any = field(default=None)
    json_ok: bool = False


class AnswerTooLarge(httpx.DecodingError):
    """The answer grew past the cap (decoded); reading stopped there."""


class _BoundedDecoder:
    """Content-Encoding gzip/deflate/identity, inflated in steps of at most the remaining room, counting as it goes."""

    def __init__(self, encoding: str, cap: int, request: httpx.Request) -> None:
        self._cap = cap
        self._size = 0
        self._request = request
        codings = [c.strip().lower() for c in encoding.split(",") if c.strip() and c.strip().lower() != "identity"]
        if len(codings) > 1 or (codings and codings[0] not in ("gzip", "x-gzip", "deflate")):
            raise httpx.DecodingError(f"unsupported Content-Encoding {excerpt(encoding, 40)!r}", request=request)
        self._coding = codings[0] if codings else None
        self._inflate: Any = None
        self._seen_data = False
        if self._coding in ("gzip", "x-gzip"):
            self._inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif self._coding == "deflate":
            self._inflate = zlib.decompressobj()

    def _count(self, piece: bytes) -> bytes:
        self._size += len(piece)
        if self._size > self._cap:
            raise AnswerTooLarge(f"answer larger than {self._cap // 1024} KB; reading stopped", request=self._request)
        return piece

    def feed(self, data: bytes) -> bytes:
        if self._inflate is None:
            return self._count(data)
        if self._coding == "deflate" and not self._seen_data and data and data[0] & 0x0F != 8:
            self._inflate = zlib.decompressobj(-zlib.MAX_WBITS)  # raw deflate without the zlib header, as some send
        self._seen_data = self._seen_data or bool(data)
        out: list[bytes] = []
        pending = data
        try:
            while pending:
                out.append(self._count(self._inflate.decompress(pending, self._cap - self._size + 1)))
                pending = self._inflate.unconsumed_tail
        except zlib.error as exc:
            raise self._undecodable(exc) from None
        return b"".join(out)

    def flush(self) -> bytes:
        if self._inflate is None:
            return b""
        try:
            return self._count(self._inflate.flush())
        except zlib.error as exc:
            raise self._undecodable(exc) from None

    def _undecodable(self, exc: zlib.error) -> httpx.DecodingError:
        return httpx.DecodingError(f"cannot decode the {self._coding} answer: {exc}", request=self._request)


class _ReadBody(httpx.ByteStream):
    """The decoded body that `read_bounded` put in place of the network stream (so httpx reads it again for free)."""

    def __init__(self, content: bytes) -> None:
        super().__init__(content)
        self.content = content


async def read_bounded(response: httpx.Response, cap: int = MAX_BODY_BYTES) -> bytes:
    """The decoded body, streamed from the network and stopping at `cap`: never much more than `cap` in memory.

    The response keeps the decoded body (and loses its Content-Encoding), so whoever reads it afterwards — httpx
    keeping a rejected answer in `history`, the token flow — gets these bytes and never the network stream."""
    if isinstance(response.stream, _ReadBody):
        return response.stream.content
    decoder = _BoundedDecoder(response.headers.get("Content-Encoding", ""), cap, response.request)
    stream = response.stream
    if not isinstance(stream, httpx.AsyncByteStream):
        raise TypeError("read_bounded reads the answers of an httpx.AsyncClient")
    chunks: list[bytes] = []
    try:
        async for chunk in stream:
            chunks.append(decoder.feed(chunk))
        chunks.append(decoder.flush())
    finally:
        await stream.aclose()
    content = b"".join(chunks)
    response.stream = _ReadBody(content)
    if "Content-Encoding" in response.headers:
        del response.headers["Content-Encoding"]
    return content


def decode_text(content: bytes, charset: str | None) -> str:
    """The body as text in its declared charset; a charset that is not a plain text encoding (`idna`, `punycode`,
    `rot13`) or not known at all is read as UTF-8."""
    try:
        name = codecs.lookup(charset).name if charset else "utf-8"
    except (LookupError, ValueError):
        name = "utf-8"
    if not name.startswith(_TEXT_CODECS):
        name = "utf-8"
    try:
        return content.decode(name, errors="replace")
    except (LookupError, UnicodeError, ValueError):
        return content.decode("utf-8", errors="replace")


# Table and UTF codecs: linear, and they never raise with errors="replace". Not idna or punycode (they raise on
# ordinary text, and punycode is slow on long input).
_TEXT_CODECS = ("utf-", "utf_", "ascii", "latin", "iso8859", "cp", "mac-", "koi8")


def decode_json(text: str) -> tuple[bool, Any]:
    """(True, value) for a JSON document; (False, None) for anything else, nesting too deep for Python included."""
    if not text.strip():
        return False, None
    try:
        return True, json.loads(text)
    except (ValueError, RecursionError):
        return False, None


MAX_WAIT = 24 * 3600.0
_DELTA_SECONDS = re.compile(r"[0-9]{1,9}")  # ASCII digits only: str.isdigit() also accepts '٣' and '²'


def bounded_seconds(value: object, cap: float = MAX_WAIT) -> float | None:
    """A wait in seconds from an untrusted number: finite, not negative, at most `cap`; None when it is no number.
    A string counts when it is ASCII digits (Profit 8 sends `"expires_in": "3600"`)."""
    if isinstance(value, str):
        text = value.strip()
        if not (text.isascii() and text.isdigit()):
            return None
        digits = text.lstrip("0") or "0"
        value = int(digits) if len(digits) <= 9 else cap  # int() of 400 digits is slow in some Pythons and pointless
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if value > cap:  # compared before float(): a 400-digit integer does not fit in a float
        return cap
    return max(float(value), 0.0)


def retry_after(headers: httpx.Headers, body: Any) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date) or a body's retry_after; None when
    neither says anything usable. Never raises: a malformed value is as good as none."""
    value = headers.get("Retry-After", "")[:100].strip()
    if _DELTA_SECONDS.fullmatch(value):
        return bounded_seconds(int(value))
    if value:
        try:
            parsed = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError, OverflowError):
            parsed = None
        if parsed is not None:
            try:
                return bounded_seconds(parsed.timestamp() - time.time())
            except (OverflowError, ValueError, OSError):  # a naive or out-of-range date
                pass
    if isinstance(body, dict):
        return bounded_seconds(body.get("retry_after"))
    return None
