"""Verification never writes, and the token appears in no output, in any of its forms."""

from __future__ import annotations

import asyncio
import base64
import logging
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
    assert public == {"env", "settings", "get", "get_xml_schema", "aclose"}
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
