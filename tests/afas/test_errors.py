"""The classifier: every shape AFAS (and the network) answers in becomes one typed outcome with AFAS's own words."""

from __future__ import annotations

import ast
import base64
import json
import ssl
from pathlib import Path

import httpx
import pytest

import wizard.afas
from wizard.afas.errors import AfasProblem, Endpoint, Problem, classify_exception, classify_reply
from wizard.afas.reading import Reply


def reply(status: int, body: object = None, headers: dict[str, str] | None = None) -> Reply:
    text = body if isinstance(body, str) else ("" if body is None else json.dumps(body))
    result = Reply(status=status, headers=httpx.Headers(headers or {}), text=text, elapsed_ms=1, url_path="/x")
    if text.strip():
        try:
            result.json_body, result.json_ok = json.loads(text), True
        except ValueError:
            result.json_ok = False
    return result


def afas(message: str, number: int = -2147180996) -> dict[str, object]:
    return {"externalMessage": message, "errorNumber": number, "profitLogReference": "923A9F6F4D5875E0D7B96982F6E4E0D2"}


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("This GetConnector (definition) is blocked", Problem.BLOCKED_DEFINITION),
        ("Deze GetConnector (definitie) is geblokkeerd", Problem.BLOCKED_DEFINITION),
        ("GetConnector not supported for this app or the user is not authorized", Problem.NOT_LINKED),
        ("GetConnector niet ondersteund voor deze app of de gebruiker is niet geautoriseerd", Problem.NOT_LINKED),
        (
            "General message: Deze UpdateConnector wordt niet ondersteund of de gebruiker is niet geautoriseerd.",
            Problem.NOT_LINKED,
        ),
        ("Connector field 'Foo' not found", Problem.FIELD_NOT_FOUND),
        ("Connector-veld 'Foo' niet gevonden", Problem.FIELD_NOT_FOUND),
        ("An unexpected error has occurred.", Problem.FUNCTIONAL),
        ("Command timeout expired.", Problem.FUNCTIONAL),
    ],
)
def test_afas_json_error_bodies(message: str, kind: Problem) -> None:
    problem = classify_reply(reply(500, afas(message)))
    assert problem is not None and problem.kind is kind
    assert problem.status == 500
    assert problem.log_reference == "923A9F6F4D5875E0D7B96982F6E4E0D2"
    assert "profitLogReference 923A9F6F4D5875E0D7B96982F6E4E0D2" in problem.technical()


def test_functional_error_keeps_afas_words_in_the_message() -> None:
    problem = classify_reply(reply(500, afas("Out of String space")))
    assert problem is not None
    assert "Out of String space" in problem.message().en and "Out of String space" in problem.message().nl


def test_obsolete_base64_x_profit_error_header_is_read() -> None:
    header = base64.b64encode(b"Deze GetConnector (definitie) is geblokkeerd").decode()
    problem = classify_reply(reply(500, "", {"X-PROFIT-ERROR": header}))
    assert problem is not None and problem.kind is Problem.BLOCKED_DEFINITION


@pytest.mark.parametrize(("status", "kind"), [(401, Problem.UNAUTHORIZED), (403, Problem.FORBIDDEN)])
def test_empty_401_and_403(status: int, kind: Problem) -> None:
    problem = classify_reply(reply(status))
    assert problem is not None and problem.kind is kind


def test_403_and_503_make_verification_impossible_but_401_does_not() -> None:
    assert classify_reply(reply(403)).impossible  # type: ignore[union-attr]
    assert classify_reply(reply(503)).impossible  # type: ignore[union-attr]
    assert not classify_reply(reply(401)).impossible  # type: ignore[union-attr]


def test_maintenance_body_with_retry_after() -> None:
    body = {"error": {"code": "503", "message": "maintenance"}, "retry_after": 7200}
    problem = classify_reply(reply(503, body, {"Retry-After": "7200"}))
    assert problem is not None and problem.kind is Problem.MAINTENANCE and problem.retry_after == 7200
    assert "afasstatus.nl" in problem.message().en


def test_unknown_answer_is_reported_as_it_came() -> None:
    problem = classify_reply(reply(418, "I'm a teapot with a strange body"))
    assert problem is not None and problem.kind is Problem.UNEXPECTED
    assert "strange body" in problem.technical() and "418" in problem.technical()


def test_success_that_is_not_json_is_malformed() -> None:
    problem = classify_reply(reply(200, "<rows>not json</rows>"))
    assert problem is not None and problem.kind is Problem.MALFORMED
    # Issue 12 item 11: an HTML page (a captive portal) is no longer "malformed AFAS" but someone else answering.
    problem = classify_reply(reply(200, "<html>login page of a captive portal</html>"))
    assert problem is not None and problem.kind is Problem.INTERCEPTED and problem.impossible
    assert classify_reply(reply(200, {"rows": []})) is None


def test_404() -> None:
    problem = classify_reply(reply(404, ""))
    assert problem is not None and problem.kind is Problem.NOT_FOUND


@pytest.mark.parametrize(
    ("exc", "kind"),
    [
        (httpx.ConnectTimeout("connect"), Problem.TIMEOUT),
        (httpx.ReadTimeout("read"), Problem.TIMEOUT),
        (TimeoutError(), Problem.TIMEOUT),
        (httpx.ConnectError("[Errno 111] Connection refused"), Problem.UNREACHABLE),
        (httpx.RemoteProtocolError("Server disconnected"), Problem.UNREACHABLE),
        (httpx.ProxyError("407"), Problem.PROXY),
        (httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed"), Problem.TLS),
    ],
)
def test_exceptions(exc: BaseException, kind: Problem) -> None:
    assert classify_exception(exc).kind is kind


def test_ssl_error_as_cause() -> None:
    try:
        try:
            raise ssl.SSLCertVerificationError("self-signed certificate")
        except ssl.SSLError as inner:
            raise httpx.ConnectError("handshake failed") from inner
    except httpx.ConnectError as outer:
        assert classify_exception(outer).kind is Problem.TLS


def test_every_problem_has_a_bilingual_message() -> None:
    from wizard.afas.errors import AfasProblem

    for kind in Problem:
        text = AfasProblem(kind).message()
        assert text.en and text.nl and text.en != text.nl


@pytest.mark.parametrize("endpoint", list(Endpoint))
@pytest.mark.parametrize("kind", list(Problem))
def test_every_problem_at_every_endpoint_has_a_sentence_in_both_languages(kind: Problem, endpoint: Endpoint) -> None:
    # One problem type for REST, SOAP and the token endpoint: whatever the classifiers produce can be said.
    message = AfasProblem(kind, status=400, endpoint=endpoint, url="https://x.invalid/oauth/token").message()
    assert message.en and message.nl and message.en != message.nl


def test_the_afas_layer_names_causes_not_where_to_fix_them() -> None:
    # Remedies, AFAS screen paths and wizard steps belong to wizard.verify (issue 19 item 4): the HTTP layer imports
    # none of them.
    imported: set[str] = set()
    for path in Path(wizard.afas.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                imported.add(node.module)
            elif isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
    assert not {m for m in imported if m.startswith(("wizard.data", "wizard.domain.afas_screens", "wizard.verify"))}
    assert "wizard.domain.steps" not in imported
