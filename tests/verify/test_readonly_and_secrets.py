"""Verification never writes, and the token appears in no output, in any of its forms."""

from __future__ import annotations

import asyncio
import base64
import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

import httpx
import pytest
import respx

from tests.conftest import FAKE_DATA, FAKE_XML
from tests.verify.conftest import run_verify
from wizard.afas.client import AfasClient
from wizard.cli.main import main
from wizard.domain.credentials import parse_classic_token
from wizard.domain.environment import parse_environment
from wizard.domain.oauth import oauth_client_credentials
from wizard.domain.text import Lang
from wizard.verify import verify


@pytest.mark.parametrize("scenario", ["ready", "missing-connectors", "blocked-definition"])
def test_verification_sends_only_reads(sim_factory: Any, scenario: str) -> None:
    server, admin = sim_factory(scenario)
    run_verify(server)
    log = admin.request_log()
    assert len(log) > 20
    for entry in log:
        assert not entry["write"], entry
        if entry["method"] != "GET":
            # The one POST: the SOAP DataConnector read GetXmlSchema.
            assert entry["method"] == "POST" and entry["data_id"] == "GetXmlSchema", entry
    assert admin.state()["writes"] == 0


def test_the_client_has_no_way_to_write() -> None:
    env = parse_environment("O12345AA")
    client = AfasClient(env, parse_classic_token(FAKE_XML))
    public = {name for name in dir(client) if not name.startswith("_")}
    # request_token: the OAuth token request alone (the probe on storing, the renewal's proofs), which changes
    # nothing in AFAS.
    assert public == {"env", "settings", "get", "get_xml_schema", "request_token", "aclose"}
    asyncio.run(client.aclose())


def _forms() -> list[str]:
    token = parse_classic_token(FAKE_XML)
    return [FAKE_DATA, FAKE_DATA.lower(), FAKE_XML, base64.b64encode(FAKE_XML.encode()).decode(), *token.secret_forms()]


def _assert_clean(text: str) -> None:
    for form in _forms():
        assert form not in text


ECHO_BODIES = [
    # An AFAS (or proxy) answer that echoes the token back must not carry it into the report.
    httpx.Response(500, json={"externalMessage": f"bad token {FAKE_XML}", "profitLogReference": "A" * 32}),
    httpx.Response(418, text=f"teapot {FAKE_DATA}"),
    httpx.Response(200, text=f"not json {base64.b64encode(FAKE_XML.encode()).decode()}"),
]


@pytest.mark.parametrize("body", ECHO_BODIES)
def test_token_in_no_report_even_when_afas_echoes_it(body: httpx.Response, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    env = parse_environment("O12345AA")
    with respx.mock(assert_all_called=False) as mock:
        mock.route(host="12345.rest.afas.online").mock(return_value=body)
        report = asyncio.run(verify(env, parse_classic_token(FAKE_XML), lang=Lang.NL))
    for lang in Lang:
        _assert_clean(report.to_json(lang))
        _assert_clean(report.to_html(lang))
    _assert_clean(repr(report))
    _assert_clean(caplog.text)


def test_token_in_no_cli_output_stream_or_log(
    sim_factory: Any, tmp_path: Any, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    server, _ = sim_factory("token-invalid")
    token_file = tmp_path / "token.xml"
    token_file.write_text(FAKE_XML)
    html = tmp_path / "report.html"
    base = ["verify", "--environment", "O12345AA", "--base-url", server.base_url, "--token-file", str(token_file)]
    for extra in ([], ["--json"], ["--lang", "nl", "--html", str(html)]):
        code = main([*base, *extra])
        assert code == 1
    out = capsys.readouterr()
    assert "401" in out.out
    _assert_clean(out.out + out.err + caplog.text + html.read_text())


def test_token_in_no_exception_text(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # A bug deep in verification must end in one line without a traceback, and without the token.
    def boom(*_a: object, **_k: object) -> None:
        raise RuntimeError(f"defect while holding {FAKE_XML}")

    monkeypatch.setattr("wizard.verify.verify", boom)  # wizard.cli.verify imports it when it runs
    monkeypatch.setenv("SBQ_AFAS_TOKEN", FAKE_DATA)
    code = main(["verify", "--environment", "O12345AA"])
    out = capsys.readouterr()
    assert code == 70
    assert "Traceback" not in out.err
    _assert_clean(out.out + out.err)


# --- the OAuth client secret and the access token, like the token (issue 10) --------------------------------------

OAUTH_ID = "fa4e0000-c11e-4700-8000-00000000fa4e"
OAUTH_SECRET = "0DDC0FFEE" * 7 + "0"  # obviously fake, 64 characters
ACCESS_TOKEN = "at-canary-0ddc0ffee-issued-access-token-value"


def _oauth_forms() -> list[str]:
    cred = oauth_client_credentials(OAUTH_ID, OAUTH_SECRET, dt.date(2027, 6, 1))
    return [*cred.secret_forms(), OAUTH_SECRET.lower(), ACCESS_TOKEN, f"Bearer {ACCESS_TOKEN}"]


def _echo_token_answer(request: httpx.Request) -> httpx.Response:
    sent = request.content.decode() + " " + request.headers.get("authorization", "")
    return httpx.Response(400, json={"error": "invalid_client", "error_description": f"bad: {sent}"})


TokenAnswer = httpx.Response | Callable[[httpx.Request], httpx.Response]
OAUTH_ECHOES: dict[str, tuple[TokenAnswer, httpx.Response | None]] = {
    # The token endpoint quotes what it was sent (a proxy or a buggy endpoint).
    "token endpoint echoes the form": (_echo_token_answer, None),
    # The token is issued, then every API answer quotes the secret and the access token.
    "API echoes both": (
        httpx.Response(200, json={"access_token": ACCESS_TOKEN, "token_type": "Bearer", "expires_in": 3600}),
        httpx.Response(500, json={"externalMessage": f"bad {OAUTH_SECRET} / Bearer {ACCESS_TOKEN}"}),
    ),
}


@pytest.mark.parametrize("case", sorted(OAUTH_ECHOES))
@pytest.mark.parametrize("client_auth", ["body", "basic"])
def test_client_secret_and_access_token_in_no_report_even_when_echoed(
    case: str, client_auth: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    token_answer, api_answer = OAUTH_ECHOES[case]
    env = parse_environment("O12345AA")
    cred = oauth_client_credentials(OAUTH_ID, OAUTH_SECRET, dt.date(2027, 6, 1))
    with respx.mock(assert_all_called=False) as mock:
        token_route = mock.post(f"{env.rest_base_url}/oauth/token")
        if isinstance(token_answer, httpx.Response):
            token_route.mock(return_value=token_answer)
        else:
            token_route.mock(side_effect=token_answer)
        mock.route(host="12345.rest.afas.online").mock(return_value=api_answer or httpx.Response(404))
        report = asyncio.run(verify(env, cred, lang=Lang.NL, client_auth=client_auth))  # type: ignore[arg-type]
    assert token_route.call_count == 1
    assert report.exit_code() == 1
    shown = [report.to_json(lang) + report.to_html(lang) for lang in Lang]
    text = "\n".join([*shown, repr(report), caplog.text])
    for form in _oauth_forms():
        assert form not in text
    assert "«redacted»" in text  # AFAS's words were kept, with the secrets cut out
