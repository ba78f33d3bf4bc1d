"""The one AFAS client. Read-only by construction: it can GET and send the SOAP DataConnector read; nothing else.

Rules from AFAS's troubleshooting page (afas-api.md §2.2, §4.1): keep-alive (never `Connection: close`), 5-8 calls
in flight at most, never retry 401/403, retry 503 only briefly. TLS is verified against the OS trust store.
"""

from __future__ import annotations

import asyncio
import email.utils
import html
import json
import ssl
import time
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

import httpx
import truststore

from wizard import __version__
from wizard.domain.credentials import Credential
from wizard.domain.environment import AfasEnvironment
from wizard.domain.text import Lang

SOAP_NS = "urn:Afas.Profit.Services"


@dataclass(frozen=True)
class ClientSettings:
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    max_in_flight: int = 6  # AFAS fair-use advice: 5-8 parallel calls
    retry_503_attempts: int = 1
    retry_503_cap: float = 2.0  # AFAS may say "retry after 7200 s"; a desktop check waits a moment, not two hours
    # SmartBooqing's IntegrationId (<partner subscription>_<project>) is not known yet (afas-api.md §10): optional.
    integration_id: str | None = None


class AfasAuth(httpx.Auth):
    """Adds the credential's header to each request. An OAuth credential would fetch and refresh a token here."""

    def __init__(self, credential: Credential) -> None:
        self._credential = credential

    def auth_flow(self, request: httpx.Request) -> Any:
        request.headers["Authorization"] = self._credential.authorization_header()
        yield request


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


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if value:
        if value.strip().isdigit():
            return float(value)
        parsed = email.utils.parsedate_to_datetime(value) if "," in value else None
        if parsed is not None:
            return max(0.0, parsed.timestamp() - time.time())
    try:
        body = response.json()
    except ValueError:
        return None
    if isinstance(body, dict) and isinstance(body.get("retry_after"), int | float):
        return float(body["retry_after"])
    return None


def ssl_context() -> ssl.SSLContext:
    """The operating system's trust store (Windows, macOS, Linux), so inspected corporate TLS works verified."""
    return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


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
            auth=AfasAuth(credential),
            verify=ssl_context(),
            trust_env=True,  # HTTPS_PROXY / NO_PROXY, as corporate networks set them
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

    async def _send(self, build: httpx.Request) -> Reply:
        attempts = self.settings.retry_503_attempts
        while True:
            async with self._semaphore:
                started = time.perf_counter()
                response = await self._http.send(build)
                await response.aread()
                elapsed = int((time.perf_counter() - started) * 1000)
            if response.status_code == 503 and attempts > 0:
                wait = _retry_after(response)
                attempts -= 1
                await asyncio.sleep(min(wait if wait is not None else 1.0, self.settings.retry_503_cap))
                continue
            return self._reply(response, elapsed)

    def _reply(self, response: httpx.Response, elapsed_ms: int) -> Reply:
        reply = Reply(
            status=response.status_code,
            headers=response.headers,
            text=response.text,
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
