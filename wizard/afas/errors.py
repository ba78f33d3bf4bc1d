"""One classification of what AFAS answered — the REST API, the SOAP DataConnector and the OAuth token endpoint
alike: httpx exceptions, HTTP statuses and AFAS error bodies become one typed `AfasProblem`. It names the cause and
says it in a sentence; what the user should do about it is wizard.verify.remedies' business.

AFAS reports errors in three shapes (afas-api.md §4, §7): a JSON body {externalMessage, errorNumber,
profitLogReference}, the obsolete Base64 `X-PROFIT-ERROR` header, and empty 401/403 bodies. AFAS says not to branch
on errorNumber, so the message text decides, in Dutch or English. The token endpoint answers as OAuth servers do
({error, error_description}, afas-oauth.md §2.3; classified in wizard.afas.token). What we do not recognise is
reported as it came.
"""

from __future__ import annotations

import base64
import binascii
import re
import ssl
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urljoin, urlsplit

import httpx

from wizard.afas.reading import AnswerTooLarge, Reply, retry_after
from wizard.domain.redact import excerpt, redact
from wizard.domain.text import Text

# How much of a text from AFAS (or whatever answered) goes into messages and reports; always redacted first.
MESSAGE_LIMIT = 500
DETAIL_LIMIT = 200


class Problem(StrEnum):
    UNAUTHORIZED = "unauthorized"  # 401 from the API: token rejected (or, UNCONFIRMED, connector not in the app conn.)
    # The token endpoint's refusals (afas-oauth.md §2.3):
    INVALID_CLIENT = "invalid-client"  # unknown or blocked client, wrong/expired/revoked secret (400, or 401+Basic)
    UNAUTHORIZED_CLIENT = "unauthorized-client"  # "The app connector may not use this flow"
    WRONG_ENVIRONMENT = "wrong-environment"  # unauthorized_client "Unknown AppConnector": wrong env host (S13)
    INVALID_REQUEST = "invalid-request"  # the form was refused (two auth methods, Basic before Profit 9?)
    UNSUPPORTED_GRANT = "unsupported-grant-type"
    DPOP_REQUIRED = "dpop-required"  # use_dpop_nonce or token_type DPoP: a public-client app connector
    FORBIDDEN = "forbidden"  # 403: IP restriction on the app connector
    NOT_FOUND = "not-found"  # 404 (at the token endpoint: no OAuth on this address)
    NOT_LINKED = "not-linked"  # 500 "niet ondersteund ... niet geautoriseerd"
    BLOCKED_DEFINITION = "blocked-definition"  # 500 "GetConnector (definitie) is geblokkeerd"
    FIELD_NOT_FOUND = "field-not-found"
    FUNCTIONAL = "functional"  # any other 500 with an AFAS body
    MAINTENANCE = "maintenance"  # 503
    TIMEOUT = "timeout"
    UNREACHABLE = "unreachable"  # DNS, refused, reset, dropped
    TLS = "tls"
    PROXY = "proxy"
    MALFORMED = "malformed"  # not the JSON (or XML) AFAS sends, or too large, or undecodable
    INTERCEPTED = "intercepted"  # a redirect or an HTML page: a portal, proxy or gateway answered instead of AFAS
    UNEXPECTED = "unexpected"  # any other status


class Endpoint(StrEnum):
    API = "api"  # REST and SOAP
    TOKEN = "token"  # {rest base}/oauth/token


# The outcomes after which no check can say anything about the setup: verification is impossible right now.
IMPOSSIBLE = {
    Problem.FORBIDDEN,
    Problem.MAINTENANCE,
    Problem.TIMEOUT,
    Problem.UNREACHABLE,
    Problem.TLS,
    Problem.PROXY,
    Problem.INTERCEPTED,
}


@dataclass(frozen=True)
class AfasProblem:
    """What went wrong with one request. Holds no secret: AFAS's words are redacted and shortened."""

    kind: Problem
    status: int | None = None
    external_message: str | None = None  # AFAS's words: externalMessage, X-PROFIT-ERROR or error_description
    error_number: int | None = None
    log_reference: str | None = None
    retry_after: float | None = None
    detail: str = ""
    redirect_host: str | None = None  # INTERCEPTED: where the answer tried to send us
    endpoint: Endpoint = Endpoint.API
    url: str | None = None  # the token endpoint's address (Endpoint.TOKEN)
    error: str | None = None  # the token endpoint's `error` code, as sent (untrusted, shortened)

    @property
    def impossible(self) -> bool:
        """Verification cannot say anything right now (CLI exit 3), rather than: the setup has a defect."""
        return self.kind in IMPOSSIBLE

    def message(self) -> Text:
        """A short sentence for the user; checks add their own context and remedy."""
        if self.endpoint is Endpoint.TOKEN or self.kind not in _MESSAGES:
            return _TOKEN_MESSAGES.get(self.kind) or _MESSAGES[self.kind]
        base = _MESSAGES[self.kind]
        if self.kind is Problem.INTERCEPTED:
            if self.redirect_host:
                return base + Text(en=" It redirected to {h}.", nl=" Het stuurde door naar {h}.").format(
                    h=self.redirect_host
                )
            return base + Text(
                en=" It sent a web page instead of AFAS's answer.",
                nl=" Het stuurde een webpagina in plaats van het antwoord van AFAS.",
            )
        if self.kind in (Problem.FUNCTIONAL, Problem.UNEXPECTED, Problem.FIELD_NOT_FOUND) and self.external_message:
            return base + Text(en=": {m}", nl=": {m}").format(m=self.external_message)
        return base

    def technical(self) -> str:
        if self.endpoint is Endpoint.TOKEN:
            parts = [f"POST {self.url}", f"HTTP {self.status}" if self.status else self.kind.value]
            if self.error:
                parts.append(f"error={self.error}")
            if self.external_message:
                parts.append(f"error_description={self.external_message!r}")
            if self.kind in _DEVELOPER_TERMS:
                parts.append(_DEVELOPER_TERMS[self.kind])
        else:
            parts = [f"HTTP {self.status}" if self.status else self.kind.value]
            if self.error_number is not None:
                parts.append(f"errorNumber {self.error_number}")
            if self.log_reference:
                parts.append(f"profitLogReference {self.log_reference}")
        if self.detail:
            parts.append(self.detail)
        return redact("; ".join(parts))


_MAINTENANCE = Text(
    en="AFAS is in maintenance; try again later (see afasstatus.nl)",
    nl="AFAS is in onderhoud; probeer het later opnieuw (zie afasstatus.nl)",
)
_UNEXPECTED = Text(en="AFAS answered unexpectedly", nl="AFAS antwoordde onverwacht")

_MESSAGES: dict[Problem, Text] = {
    Problem.UNAUTHORIZED: Text(en="AFAS rejected the token", nl="AFAS weigert het token"),
    Problem.FORBIDDEN: Text(
        en="AFAS refused this computer's address (an IP restriction on the app connector)",
        nl="AFAS weigert het adres van deze computer (een IP-restrictie op de app connector)",
    ),
    Problem.NOT_FOUND: Text(en="AFAS answered 'not found'", nl="AFAS antwoordde 'niet gevonden'"),
    Problem.NOT_LINKED: Text(
        en="AFAS says this connector is not part of the app connector, or the user is not authorised",
        nl="AFAS meldt dat deze connector niet in de app connector zit, of dat de gebruiker niet geautoriseerd is",
    ),
    Problem.BLOCKED_DEFINITION: Text(
        en="The GetConnector definition is blocked in AFAS", nl="De GetConnector-definitie is geblokkeerd in AFAS"
    ),
    Problem.FIELD_NOT_FOUND: Text(en="AFAS does not know a field", nl="AFAS kent een veld niet"),
    Problem.FUNCTIONAL: Text(en="AFAS reported an error", nl="AFAS meldde een fout"),
    Problem.MAINTENANCE: _MAINTENANCE,
    Problem.TIMEOUT: Text(en="AFAS did not answer in time", nl="AFAS antwoordde niet op tijd"),
    Problem.UNREACHABLE: Text(
        en="AFAS could not be reached from this computer", nl="AFAS is vanaf deze computer niet bereikbaar"
    ),
    Problem.TLS: Text(
        en="The secure connection to AFAS could not be verified (certificate problem)",
        nl="De beveiligde verbinding met AFAS kon niet worden gecontroleerd (certificaatprobleem)",
    ),
    Problem.PROXY: Text(en="The proxy server refused the connection", nl="De proxyserver weigerde de verbinding"),
    Problem.MALFORMED: Text(
        en="AFAS sent an answer that is not what AFAS normally sends",
        nl="AFAS stuurde een antwoord dat AFAS normaal niet stuurt",
    ),
    Problem.UNEXPECTED: _UNEXPECTED,
    Problem.INTERCEPTED: Text(
        en="Something between this computer and AFAS answered instead (a login page of a guest network, a proxy or "
        "a gateway).",
        nl="Iets tussen deze computer en AFAS antwoordde in plaats van AFAS (een inlogpagina van een gastnetwerk, "
        "een proxy of een gateway).",
    ),
}

# What the token endpoint's answers mean (the OAuth captions are UNCONFIRMED, afas-oauth.md §6.1: only the words AFAS
# quotes are used). A kind missing here reads as from the API.
_TOKEN_MESSAGES: dict[Problem, Text] = {
    Problem.INVALID_CLIENT: Text(
        en="AFAS does not accept the OAuth client id and client secret",
        nl="AFAS accepteert de OAuth client id en het OAuth client secret niet",
    ),
    Problem.UNAUTHORIZED_CLIENT: Text(
        en="AFAS says this app connector may not log in with an OAuth client id and secret",
        nl="AFAS meldt dat deze app connector niet mag inloggen met een OAuth client id en secret",
    ),
    Problem.WRONG_ENVIRONMENT: Text(
        en="AFAS does not know this app connector in this environment",
        nl="AFAS kent deze app connector niet in deze omgeving",
    ),
    Problem.INVALID_REQUEST: Text(
        en="AFAS refused the login request as invalid", nl="AFAS weigerde de inlogaanvraag als ongeldig"
    ),
    Problem.UNSUPPORTED_GRANT: Text(
        en="AFAS does not offer logging in with an OAuth client id and secret here",
        nl="AFAS biedt inloggen met een OAuth client id en secret hier niet aan",
    ),
    Problem.DPOP_REQUIRED: Text(
        en="AFAS expects an app in which a user logs in, not a server with an OAuth client secret",
        nl="AFAS verwacht een app waarin een gebruiker zelf inlogt, geen server met een OAuth client secret",
    ),
    Problem.FORBIDDEN: Text(
        en="AFAS refused this computer's address when logging in (an IP restriction)",
        nl="AFAS weigert het adres van deze computer bij het inloggen (een IP-restrictie)",
    ),
    Problem.NOT_FOUND: Text(
        en="This environment does not offer logging in with OAuth",
        nl="Deze omgeving biedt inloggen met OAuth niet aan",
    ),
    Problem.MALFORMED: Text(
        en="AFAS's login service sent an answer that is not what AFAS sends",
        nl="De inlogdienst van AFAS stuurde een antwoord dat AFAS normaal niet stuurt",
    ),
    Problem.UNEXPECTED: Text(
        en="AFAS's login service answered unexpectedly", nl="De inlogdienst van AFAS antwoordde onverwacht"
    ),
}

# The OAuth terms behind the plain messages above: for the technical detail and the report, never the main text.
_DEVELOPER_TERMS: dict[Problem, str] = {
    Problem.INVALID_CLIENT: "client authentication failed (client_id/client_secret)",
    Problem.UNAUTHORIZED_CLIENT: "client credentials flow not allowed for this client",
    Problem.WRONG_ENVIRONMENT: "client unknown on this environment host",
    Problem.UNSUPPORTED_GRANT: "grant_type=client_credentials not supported",
    Problem.DPOP_REQUIRED: "DPoP required: the app connector is a public client, not a confidential client",
}

_BLOCKED = re.compile(r"geblokkeerd|is blocked", re.I)
_NOT_LINKED = re.compile(r"niet ondersteund|not supported|niet geautoriseerd|not authori[sz]ed", re.I)
_FIELD = re.compile(r"(veld|field)\s*'[^']*'\s*(niet gevonden|not found)", re.I)


def _profit_error_header(reply: Reply) -> str | None:
    value = reply.headers.get("X-PROFIT-ERROR")
    if not value:
        return None
    try:
        return base64.b64decode(value, validate=True).decode("utf-8", "replace")
    except (binascii.Error, ValueError):
        return str(value)


def classify_reply(reply: Reply, *, expect_json: bool = True) -> AfasProblem | None:
    """None when the reply is a usable success; otherwise what went wrong."""
    status = reply.status
    body = reply.json_body if reply.json_ok and isinstance(reply.json_body, dict) else {}
    external = body.get("externalMessage") if isinstance(body.get("externalMessage"), str) else None
    external = external or _profit_error_header(reply)
    # AFAS's own words go into messages the GUI shows: never let an echoed token through (redacted, then cut).
    external = excerpt(external, MESSAGE_LIMIT) if external else None
    number = body.get("errorNumber") if isinstance(body.get("errorNumber"), int) else None
    number = number if not isinstance(number, bool) else None
    reference = body.get("profitLogReference") if isinstance(body.get("profitLogReference"), str) else None
    reference = excerpt(reference, 80) if reference else None
    raw = excerpt(reply.text.strip(), DETAIL_LIMIT)

    def make(kind: Problem, detail: str = "", wait: float | None = None) -> AfasProblem:
        return AfasProblem(
            kind,
            status=status,
            external_message=external,
            error_number=number,
            log_reference=reference,
            retry_after=wait,
            detail=detail,
        )

    intercepted = classify_interception(reply)
    if intercepted is not None:
        return intercepted
    if 200 <= status < 300:
        if expect_json and not reply.json_ok:
            return make(Problem.MALFORMED, detail=f"body: {excerpt(raw, 120)!r}")
        return None
    if status == 401:
        return make(Problem.UNAUTHORIZED)
    if status == 403:
        return make(Problem.FORBIDDEN)
    if status == 404:
        return make(Problem.NOT_FOUND, detail=excerpt(raw, 120))
    if status == 503:
        return make(Problem.MAINTENANCE, wait=retry_after(reply.headers, reply.json_body))  # header, else body
    if status == 500 and external:
        if _BLOCKED.search(external):
            return make(Problem.BLOCKED_DEFINITION)
        if _NOT_LINKED.search(external):
            return make(Problem.NOT_LINKED)
        if _FIELD.search(external):
            return make(Problem.FIELD_NOT_FOUND)
        return make(Problem.FUNCTIONAL)
    return make(Problem.UNEXPECTED, detail=f"body: {raw!r}" if raw else "empty body")


_HTML_START = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta[\s>]|<title[\s>]", re.I)


def _location_host(reply: Reply) -> str | None:
    location = reply.headers.get("Location")
    if not location:
        return None
    try:
        # Relative locations stay on the host we asked; the base only needs a scheme and a host for that.
        host = urlsplit(urljoin("https://afas.invalid/", location.strip())).hostname
    except ValueError:
        return None
    # Only the host is shown: a portal's URL may carry anything, the token included.
    return excerpt(host, 100) if host else None


def classify_interception(reply: Reply) -> AfasProblem | None:
    """A redirect, or a web page where AFAS answers with JSON or XML: something else answered (a captive portal, a
    proxy's login page, a gateway). Verification is impossible from here, and the user must hear where it went."""
    if 300 <= reply.status < 400:
        host = _location_host(reply)
        return AfasProblem(
            Problem.INTERCEPTED,
            status=reply.status,
            redirect_host=host,
            detail=f"HTTP {reply.status} redirect" + (f" to {host}" if host else " without a Location"),
        )
    content_type = reply.headers.get("Content-Type", "").lower()
    if 200 <= reply.status < 300 and ("text/html" in content_type or _HTML_START.match(reply.text[:2048].lstrip())):
        # AFAS's REST answers are JSON and its SOAP answers XML; neither is an HTML page.
        return AfasProblem(
            Problem.INTERCEPTED,
            status=reply.status,
            detail=f"an HTML page ({excerpt(content_type, 60) or 'no Content-Type'})",
        )
    return None


def classify_exception(exc: BaseException) -> AfasProblem:
    detail = excerpt(f"{type(exc).__name__}: {exc}", 300)
    if isinstance(exc, AnswerTooLarge | httpx.DecodingError):  # too large, or an encoding that does not decode
        return AfasProblem(Problem.MALFORMED, detail=detail)
    if isinstance(exc, httpx.TimeoutException | TimeoutError):
        return AfasProblem(Problem.TIMEOUT, detail=detail)
    if isinstance(exc, httpx.ProxyError):
        return AfasProblem(Problem.PROXY, detail=detail)
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, ssl.SSLError | ssl.CertificateError):
            return AfasProblem(Problem.TLS, detail=detail)
        cause = cause.__cause__ or cause.__context__
    if "CERTIFICATE_VERIFY_FAILED" in str(exc):
        return AfasProblem(Problem.TLS, detail=detail)
    return AfasProblem(Problem.UNREACHABLE, detail=detail)
