"""The one AFAS client. Read-only by construction: it can GET and send the SOAP DataConnector read; nothing else.

Rules from AFAS's troubleshooting page (afas-api.md §2.2, §4.1): keep-alive (never `Connection: close`), 5-8 calls
in flight at most, never retry 401/403, retry 503 only briefly. TLS is verified against the OS trust store.

Whatever answers is untrusted: the body is read streamed and stops at a size cap (after decompression, so a gzip
bomb costs no more than the cap), a retry wait is bounded whatever Retry-After says, redirects are not followed, and
loopback (the simulator) never goes through a proxy from the environment.
"""

from __future__ import annotations

import asyncio
import html
import ssl
import time
from dataclasses import dataclass
from types import TracebackType
from typing import Literal

import httpx
import truststore

from wizard import __version__
from wizard.afas.errors import AfasProblem
from wizard.afas.oauth import AfasAuth, OAuthClientAuth, OAuthSettings, auth_for
from wizard.afas.reading import (
    ACCEPT_ENCODING,
    MAX_BODY_BYTES,
    Reply,
    decode_json,
    decode_text,
    read_bounded,
    retry_after,
)
from wizard.afas.token import TokenGrant, classify_token_response
from wizard.domain.credentials import Credential
from wizard.domain.environment import AfasEnvironment, is_loopback_host
from wizard.domain.text import Lang

SOAP_NS = "urn:Afas.Profit.Services"


@dataclass(frozen=True)
class ClientSettings:
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    max_in_flight: int = 6  # AFAS fair-use advice: 5-8 parallel calls
    retry_503_attempts: int = 1
    retry_503_cap: float = 2.0  # AFAS may say "retry after 7200 s"; a desktop check waits a moment, not two hours
    max_body_bytes: int = MAX_BODY_BYTES  # decoded bytes of one answer, the token endpoint's too
    # SmartBooqing's IntegrationId (<partner subscription>_<project>) is not known yet (afas-api.md §10): optional.
    integration_id: str | None = None
    # How an OAuth client authenticates at /oauth/token: the secret in the form body works in every Profit version;
    # HTTP Basic is documented "from Profit 9" in one text (afas-oauth.md §2.1), so it is a choice, not the default.
    client_auth: Literal["body", "basic"] = "body"


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


__all__ = ["AfasAuth", "AfasClient", "ClientSettings"]


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
            event_hooks={"response": [self._bounded]},
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

    async def _bounded(self, response: httpx.Response) -> None:
        # An event hook: it runs for every answer this client receives, the token endpoint's and a rejected 401's
        # included, before anyone (httpx itself, the auth flow) could read the body unbounded.
        await read_bounded(response, self.settings.max_body_bytes)

    async def _exchange(self, build: httpx.Request) -> tuple[httpx.Response, bytes]:
        response = await self._http.send(build, stream=True)
        try:
            return response, await read_bounded(response, self.settings.max_body_bytes)
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
        reply = Reply(
            status=response.status_code,
            headers=response.headers,
            text=decode_text(content, response.charset_encoding),
            elapsed_ms=elapsed_ms,
            url_path=response.request.url.path,
        )
        reply.json_ok, reply.json_body = decode_json(reply.text)
        return reply

    async def request_token(self) -> TokenGrant | AfasProblem:
        """One OAuth token request and no API call (the credential step's probe on saving): the grant, or what
        AFAS refused. Network and TLS failures raise, as for every request (wizard.afas.errors.classify_exception)."""
        auth = self._http.auth
        if not isinstance(auth, OAuthClientAuth):
            raise TypeError("a token request needs an OAuth client credential")
        request = auth.token_request(self._http.build_request("GET", self.env.rest_base_url))
        async with self._semaphore, asyncio.timeout(self.settings.connect_timeout + self.settings.read_timeout):
            response = await self._http.send(request, stream=True, auth=None)  # the form authenticates itself
            try:
                content = await read_bounded(response, self.settings.max_body_bytes)
            finally:
                await response.aclose()
        text = decode_text(content, response.charset_encoding)
        return classify_token_response(response.status_code, response.headers, text, url=auth.url, now=time.monotonic())

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
