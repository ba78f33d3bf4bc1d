"""The one AFAS client. Read-only by construction: it can GET and send the SOAP DataConnector read; nothing else.

Rules from AFAS's troubleshooting page (afas-api.md §2.2, §4.1): keep-alive (never `Connection: close`), 5-8 calls
in flight at most, never retry 401/403, retry 503 only briefly. TLS is verified against the OS trust store.

Whatever answers is untrusted: the body is read streamed and stops at a size cap (after decompression, so a gzip
bomb costs no more than the cap), a retry wait is bounded whatever Retry-After says, redirects are not followed, and
loopback (the simulator) never goes through a proxy from the environment.
"""

from __future__ import annotations

import asyncio
import email.utils
import html
import json
import math
import re
import ssl
import time
import zlib
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, Literal

import httpx
import truststore

from wizard import __version__
from wizard.afas.oauth import AfasAuth, OAuthSettings, auth_for
from wizard.domain.credentials import Credential
from wizard.domain.environment import AfasEnvironment, is_loopback_host
from wizard.domain.redact import excerpt
from wizard.domain.text import Lang

SOAP_NS = "urn:Afas.Profit.Services"


@dataclass(frozen=True)
class ClientSettings:
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    max_in_flight: int = 6  # AFAS fair-use advice: 5-8 parallel calls
    retry_503_attempts: int = 1
    retry_503_cap: float = 2.0  # AFAS may say "retry after 7200 s"; a desktop check waits a moment, not two hours
    # Decoded bytes read from one answer at most. AFAS's largest answer here (/metainfo of a big environment) is
    # some hundreds of KB; a bigger one is not AFAS, and reading stops there instead of filling memory.
    max_body_bytes: int = 2 * 1024 * 1024
    # SmartBooqing's IntegrationId (<partner subscription>_<project>) is not known yet (afas-api.md §10): optional.
    integration_id: str | None = None
    # How an OAuth client authenticates at /oauth/token: the secret in the form body works in every Profit version;
    # HTTP Basic is documented "from Profit 9" in one text (afas-oauth.md §2.1), so it is a choice, not the default.
    client_auth: Literal["body", "basic"] = "body"


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
    """The answer grew past ClientSettings.max_body_bytes (decoded); reading stopped there."""


# The encodings we ask for, and decode ourselves: httpx's own decoder inflates a whole network chunk at once, and 64 KB
# of a gzip bomb inflate to 64 MB before any cap could look at them.
ACCEPT_ENCODING = "gzip, deflate"


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


MAX_WAIT = 24 * 3600.0
_DELTA_SECONDS = re.compile(r"[0-9]{1,9}")  # ASCII digits only: str.isdigit() also accepts '٣' and '²'


def bounded_seconds(value: object, cap: float = MAX_WAIT) -> float | None:
    """A wait in seconds from an untrusted number: finite, not negative, at most `cap`; None when it is no number."""
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
    value = headers.get("Retry-After", "").strip()
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


def _direct_to_loopback(env: AfasEnvironment) -> dict[str, httpx.AsyncBaseTransport | None]:
    """Loopback (the simulator, a local test server) is reached directly, never through HTTP_PROXY or ALL_PROXY: a
    proxy would receive the token and could not reach this computer's 127.0.0.1 anyway. A mount of None means
    "the client's own transport, without a proxy"; real AFAS hosts keep the environment's proxies."""
    mounts: dict[str, httpx.AsyncBaseTransport | None] = {}
    for url in (env.rest_base_url, env.soap_base_url):
        parts = httpx.URL(url)
        if is_loopback_host(parts.host):
            host = f"[{parts.host}]" if ":" in parts.host else parts.host
            mounts[f"all://{host}"] = None
    return mounts


def ssl_context() -> ssl.SSLContext:
    """The operating system's trust store (Windows, macOS, Linux), so inspected corporate TLS works verified."""
    return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


__all__ = ["AfasAuth", "AfasClient", "ClientSettings", "Reply"]


class AfasClient:
    def __init__(
        self,
        env: AfasEnvironment,
        credential: Credential,
        *,
        lang: Lang = Lang.EN,
        settings: ClientSettings | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.env = env
        self.settings = settings or ClientSettings()
        self._credential = credential
        self._semaphore = asyncio.Semaphore(self.settings.max_in_flight)
        headers = {
            "Accept": "application/json",
            "Accept-Language": "nl-nl" if lang is Lang.NL else "en-us",
            "Accept-Encoding": ACCEPT_ENCODING,
            "User-Agent": f"SmartBooqing-AFAS-Setup/{__version__}",
        }
        if self.settings.integration_id:
            headers["IntegrationId"] = self.settings.integration_id
        timeout = httpx.Timeout(
            connect=self.settings.connect_timeout,
            read=self.settings.read_timeout,
            write=self.settings.read_timeout,
            pool=None,  # waiting for a free connection is bounded by the semaphore and the overall deadline
        )
        limits = httpx.Limits(
            max_connections=self.settings.max_in_flight, max_keepalive_connections=self.settings.max_in_flight
        )
        self._http = httpx.AsyncClient(
            headers=headers,
            timeout=timeout,
            limits=limits,
            # Classic token: a fixed header. OAuth client: one token request, then Bearer (wizard.afas.oauth).
            auth=auth_for(credential, env.rest_base_url, OAuthSettings(client_auth=self.settings.client_auth)),
            verify=ssl_context(),
            trust_env=True,  # HTTPS_PROXY / NO_PROXY, as corporate networks set them
            mounts=_direct_to_loopback(env),
            transport=transport,
            follow_redirects=False,  # a redirect must never carry the token to another host
        )

    async def __aenter__(self) -> AfasClient:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._http.aclose()

    async def _read(self, response: httpx.Response) -> bytes:
        """The decoded body, streamed, stopping at the cap: never much more than max_body_bytes in memory."""
        decoder = _BoundedDecoder(
            response.headers.get("Content-Encoding", ""), self.settings.max_body_bytes, response.request
        )
        chunks: list[bytes] = []
        async for chunk in response.aiter_raw():
            chunks.append(decoder.feed(chunk))
        chunks.append(decoder.flush())
        return b"".join(chunks)

    async def _exchange(self, build: httpx.Request) -> tuple[httpx.Response, bytes]:
        response = await self._http.send(build, stream=True)
        try:
            return response, await self._read(response)
        finally:
            await response.aclose()

    async def _send(self, build: httpx.Request) -> Reply:
        attempts = self.settings.retry_503_attempts
        # One answer may take connect + read timeout in all: the read timeout alone is per chunk, and a server that
        # drips one byte at a time would never trip it.
        answer_deadline = self.settings.connect_timeout + self.settings.read_timeout
        while True:
            async with self._semaphore:
                started = time.perf_counter()
                async with asyncio.timeout(answer_deadline):
                    response, content = await self._exchange(build)
                elapsed = int((time.perf_counter() - started) * 1000)
            reply = self._reply(response, content, elapsed)
            if response.status_code == 503 and attempts > 0:
                wait = retry_after(response.headers, reply.json_body)
                attempts -= 1
                await asyncio.sleep(min(wait if wait is not None else 1.0, self.settings.retry_503_cap))
                continue
            return reply

    def _reply(self, response: httpx.Response, content: bytes, elapsed_ms: int) -> Reply:
        try:
            text = content.decode(response.encoding or "utf-8", errors="replace")
        except LookupError:  # a charset Python does not know
            text = content.decode("utf-8", errors="replace")
        reply = Reply(
            status=response.status_code,
            headers=response.headers,
            text=text,
            elapsed_ms=elapsed_ms,
            url_path=response.request.url.path,
        )
        if reply.text.strip():
            try:
                reply.json_body = json.loads(reply.text)
                reply.json_ok = True
            except ValueError:
                reply.json_ok = False
        return reply

    async def get(self, path: str, params: dict[str, str] | None = None) -> Reply:
        """GET {rest base}/{path}; path without a leading slash, e.g. 'metainfo' or 'connectors/SBQ_BTW'."""
        url = f"{self.env.rest_base_url}/{path.lstrip('/')}"
        return await self._send(self._http.build_request("GET", url, params=params))

    async def get_xml_schema(self, update_connector_id: str) -> Reply:
        """SOAP DataConnector `GetXmlSchema` (a read): proves GetXMLSchema is on the app connector's Connectoren tab."""
        parameters = (
            f"<DataConnector><UpdateConnectorId>{html.escape(update_connector_id)}</UpdateConnectorId>"
            "<EncodeBase64>false</EncodeBase64></DataConnector>"
        )
        # The token travels in the Base64 Authorization header (accepted for SOAP since Profit 7, afas-api.md
        # §1.3), so the body never holds it.
        envelope = (
            '<?xml version="1.0" encoding="utf-8"?>'
            '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">'
            f'<soap:Body><Execute xmlns="{SOAP_NS}"><token></token><dataID>GetXmlSchema</dataID>'
            f"<parametersXml>{html.escape(parameters)}</parametersXml></Execute></soap:Body></soap:Envelope>"
        )
        request = self._http.build_request(
            "POST",
            f"{self.env.soap_base_url}/appconnectordata.asmx",
            content=envelope.encode("utf-8"),
            headers={
                "Content-Type": "text/xml; charset=utf-8",
                "SOAPAction": f'"{SOAP_NS}/Execute"',
                "Accept": "text/xml",
            },
        )
        return await self._send(request)
