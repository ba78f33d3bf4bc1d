"""Only a caller on this computer that knows the run's key can use /_sim/: no web page, no rebound DNS name, and
bad input is a 4xx JSON answer - over a real socket, as a browser or script would meet it."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import httpx
import pytest

from wizard.sim import SimulatorServer
from wizard.sim.admin_guard import KEY_HEADER

pytestmark = pytest.mark.loopback


@pytest.fixture(scope="module")
def server() -> Iterator[SimulatorServer]:
    with SimulatorServer("ready") as sim:
        yield sim


@pytest.fixture(autouse=True)
def _no_faults(server: SimulatorServer) -> Iterator[None]:
    yield
    with server.state.lock:
        server.state.faults.maintenance = False
        server.state.faults.latency_ms = 0


def _post(server: SimulatorServer, path: str, body: object, *, headers: dict[str, str] | None = None) -> httpx.Response:
    sent = {KEY_HEADER: server.admin_key, "Content-Type": "application/json", **(headers or {})}
    return httpx.post(f"{server.origin}/_sim/{path}", content=json.dumps(body).encode(), headers=sent, timeout=10)


def _in_maintenance(server: SimulatorServer) -> bool:
    with server.state.lock:
        return server.state.faults.maintenance


def _assert_json_refusal(response: httpx.Response, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["error"] == code
    assert "Traceback" not in response.text


def test_a_cross_site_origin_is_refused_and_changes_nothing(server: SimulatorServer) -> None:
    refused = _post(server, "faults", {"maintenance": True}, headers={"Origin": "http://evil.example"})
    _assert_json_refusal(refused, 403, "cross-origin")
    assert not _in_maintenance(server)
    null_origin = _post(server, "faults", {"maintenance": True}, headers={"Origin": "null"})
    _assert_json_refusal(null_origin, 403, "cross-origin")
    same = _post(server, "faults", {"maintenance": True}, headers={"Origin": server.origin})
    assert same.status_code == 200 and _in_maintenance(server)


@pytest.mark.parametrize("host", ["evil.example", "rebound.evil.example:{port}", "127.0.0.1:1", "10.0.0.1:{port}"])
def test_a_foreign_host_header_is_refused_like_dns_rebinding(server: SimulatorServer, host: str) -> None:
    host = host.format(port=server.port)
    response = httpx.get(f"{server.origin}/_sim/state", headers={KEY_HEADER: server.admin_key, "Host": host})
    _assert_json_refusal(response, 403, "bad-host")
    assert "tokens" not in response.text


def test_loopback_names_with_the_bound_port_are_accepted(server: SimulatorServer) -> None:
    for host in (f"127.0.0.1:{server.port}", f"localhost:{server.port}", f"LOCALHOST:{server.port}"):
        response = httpx.get(f"{server.origin}/_sim/state", headers={KEY_HEADER: server.admin_key, "Host": host})
        assert response.status_code == 200, host


@pytest.mark.parametrize("media", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; b=x"])
def test_json_sent_as_a_form_or_text_is_refused(server: SimulatorServer, media: str) -> None:
    response = _post(server, "faults", {"maintenance": True}, headers={"Content-Type": media})
    _assert_json_refusal(response, 415, "unsupported-media-type")
    assert not _in_maintenance(server)
    gcn = httpx.post(
        f"{server.origin}/_sim/import-gcn?file_name=x.gcn",
        content=b"x",
        headers={KEY_HEADER: server.admin_key, "Content-Type": media},
    )
    _assert_json_refusal(gcn, 415, "unsupported-media-type")


def test_the_key_is_required_and_must_be_this_runs(server: SimulatorServer) -> None:
    missing = httpx.get(f"{server.origin}/_sim/state")
    _assert_json_refusal(missing, 401, "no-key")
    wrong = httpx.get(f"{server.origin}/_sim/state", headers={KEY_HEADER: "not-the-key"})
    _assert_json_refusal(wrong, 403, "bad-key")
    unknown_path = httpx.get(f"{server.origin}/_sim/anything")
    _assert_json_refusal(unknown_path, 401, "no-key")  # nothing about the API shows without the key
    with SimulatorServer("ready") as other:
        assert other.admin_key != server.admin_key
        foreign = httpx.get(f"{server.origin}/_sim/state", headers={KEY_HEADER: other.admin_key})
        _assert_json_refusal(foreign, 403, "bad-key")


@pytest.mark.parametrize("latency", [1e308, 10_001, -1, 5.5])
def test_an_unbounded_latency_is_refused_with_422(server: SimulatorServer, latency: float) -> None:
    response = _post(server, "faults", {"latency_ms": latency})
    _assert_json_refusal(response, 422, "invalid-input")
    assert response.json()["detail"][0]["field"] == "latency_ms"
    started = time.monotonic()
    assert server.state.token is not None
    headers = {"Authorization": server.state.token.authorization_header()}
    assert httpx.get(f"{server.base_url}/metainfo", headers=headers, timeout=5).status_code == 200
    assert time.monotonic() - started < 5  # not hung


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("faults", {"maintenance": "yes"}),
        ("faults", {"blocked_definitions": "SBQ_BTW"}),
        ("faults", {"latency_ms": "100"}),
        ("faults", {"token_validity_days": [1]}),
        ("link", {"kind": 5, "connector_id": "SBQ_BTW"}),
        ("link", {"kind": "get", "connector_id": {"id": "SBQ_BTW"}}),
        ("settings", {"subject_type_destinations": "x"}),
        ("settings", {"retry_after": "soon"}),
        ("dossier-destinations", {"purchase_invoice": "Optioneel", "sales_invoice": "Optioneel", "type_id": "3"}),
        ("user-token", {"user": None}),
        ("guide-step", {"step": ["token"]}),
    ],
)
def test_wrong_value_types_are_422_json_not_500(server: SimulatorServer, path: str, body: dict[str, object]) -> None:
    response = _post(server, path, body)
    _assert_json_refusal(response, 422, "invalid-input")


def test_bodies_that_are_not_objects_are_400(server: SimulatorServer) -> None:
    for raw in (b"[1]", b"{", b"\xff"):
        response = httpx.post(
            f"{server.origin}/_sim/faults",
            content=raw,
            headers={KEY_HEADER: server.admin_key, "Content-Type": "application/json"},
        )
        _assert_json_refusal(response, 400, "bad-json")
