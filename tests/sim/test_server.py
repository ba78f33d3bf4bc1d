"""The real loopback server: starts, serves AFAS's surface over a socket, stops cleanly, many times."""

from __future__ import annotations

import socket

import httpx
import pytest

from wizard.sim import SimAdmin, SimulatorServer, SimulatorStartError

pytestmark = pytest.mark.loopback


def test_ready_server_answers_metainfo_over_a_real_socket() -> None:
    with SimulatorServer("ready") as sim:
        assert sim.origin.startswith("http://127.0.0.1:")
        assert sim.base_url == f"{sim.origin}/ProfitRestServices"
        assert sim.environment.rest_base_url == sim.base_url
        assert sim.environment.env_id == "O12345AA"
        assert sim.token is not None
        response = httpx.get(f"{sim.base_url}/metainfo", headers={"Authorization": sim.token.authorization_header()})
        assert response.status_code == 200
        body = response.json()
        assert body["info"]["envid"] == "O12345AA"
        assert "SBQ_BTW" in {c["id"] for c in body["getConnectors"]}
        assert "KnSubject" in {c["id"] for c in body["updateConnectors"]}


def test_stop_closes_the_port_and_a_new_server_can_start_again() -> None:
    sim = SimulatorServer("ready")
    sim.start()
    port = sim.port
    sim.stop()
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"http://127.0.0.1:{port}/ProfitRestServices/metainfo", timeout=2)
    for _ in range(3):
        with SimulatorServer("fresh") as again:
            assert httpx.get(f"{again.base_url}/metainfo").status_code == 401


def test_port_in_use_is_reported() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(SimulatorStartError) as info:
            SimulatorServer("ready", port=port).start()
        assert info.value.port_in_use


def test_request_log_over_the_admin_api_never_holds_the_token() -> None:
    with SimulatorServer("ready") as sim:
        assert sim.token is not None
        header = sim.token.authorization_header()
        httpx.get(f"{sim.base_url}/profitversion", headers={"Authorization": header, "IntegrationId": "1_2"})
        with SimAdmin(sim.origin) as admin:
            log = admin.request_log()
            state = admin.state()
        assert [(e["method"], e["path"], e["status"]) for e in log] == [
            ("GET", "/ProfitRestServices/profitversion", 200)
        ]
        assert log[0]["integration_id"] == "1_2"
        assert log[0]["has_auth"] is True
        dumped = str(log) + str(state)
        for form in sim.token.secret_forms():
            assert form not in dumped


def test_an_admin_client_that_is_never_closed_leaves_no_open_socket() -> None:
    import gc

    with SimulatorServer("ready") as sim:
        admin = SimAdmin(sim.origin)  # the GUI demo keeps one for the whole session and may never close it
        admin.state()
        admin.request_log()
        del admin
        gc.collect()  # an open socket would raise a ResourceWarning here, an error under the suite's filterwarnings


def test_parallel_clients_over_loopback_all_get_their_answer() -> None:
    import asyncio

    with SimulatorServer("ready") as sim:
        assert sim.token is not None
        headers = {"Authorization": sim.token.authorization_header()}
        paths = [f"/connectors/SBQ_BTW?skip={n}&take=1" for n in range(8)] + ["/metainfo", "/profitversion"]

        async def fetch_all() -> list[httpx.Response]:
            async with httpx.AsyncClient(base_url=sim.base_url, headers=headers) as client:
                return await asyncio.gather(*(client.get(p) for p in paths * 3))

        responses = asyncio.run(fetch_all())
        assert [r.status_code for r in responses] == [200] * len(paths) * 3
        skips = [r.json()["skip"] for r in responses if "rows" in r.json()]
        assert sorted(skips) == sorted(list(range(8)) * 3)
        assert len(sim.state.log) == len(paths) * 3
        assert sorted(e.seq for e in sim.state.log) == list(range(1, len(paths) * 3 + 1))
