"""The /_sim/ admin API: every step of the guide, its refusals, faults and settings - in-process and over a socket."""

from __future__ import annotations

import base64
import datetime as dt

import httpx
import pytest

from tests.sim.conftest import Sim
from wizard import installation
from wizard.data import load_manifest
from wizard.domain.gcn import write_gcn
from wizard.sim import SimAdmin, SimAdminError, SimulatorServer

MANIFEST = load_manifest()


def _gcn(file_name: str) -> bytes:
    return (installation.connectors_dir() / file_name).read_bytes()


# --- in-process --------------------------------------------------------------------------------------------------


def test_import_gcn_registers_the_connector_and_its_fields(make_sim) -> None:
    sim = make_sim("fresh")
    response = sim.admin("POST", "import-gcn?file_name=SBQ_BTW.gcn", content=_gcn("SBQ_BTW.gcn"))
    assert response.status_code == 200
    assert response.json()["connector"] == "SBQ_BTW"
    definition = sim.state.get_definition("SBQ_BTW")
    assert definition is not None and definition.imported_from == "SBQ_BTW.gcn"
    assert set(MANIFEST.connector("SBQ_BTW").required_fields) <= {f.id for f in definition.fields}


def test_import_of_an_official_file_falls_back_to_the_manifest_fields(make_sim) -> None:
    sim = make_sim("fresh")
    moment = dt.datetime(2025, 1, 21, 16, 57, 25)
    official = write_gcn(
        connector="SBQ_Debiteuren",
        guid="D88607F538BA4610A164DFCFA39D92B8",
        created=moment,
        modified=moment,
        external_data=base64.b64encode(bytes.fromhex("15d283e7cbb8074faa8a7065d8a6ddbb") + b"proprietary"),
    )
    response = sim.admin("POST", "import-gcn?file_name=SBQ_Debiteuren.gcn", content=official)
    assert response.status_code == 200
    assert response.json()["fields"] == list(MANIFEST.connector("SBQ_Debiteuren").required_fields)


@pytest.mark.parametrize("content", [b"", b"not a gcn at all", b"\x0c\x20" + b"\x00" * 40])
def test_import_of_something_else_is_refused_like_afas_would(make_sim, content: bytes) -> None:
    sim = make_sim("fresh")
    response = sim.admin("POST", "import-gcn?file_name=photo.jpg", content=content)
    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "invalid-gcn"
    assert "photo.jpg" in body["message"] and "cannot be imported" in body["message"]
    assert "kan niet worden geïmporteerd" in body["message_nl"]
    assert sim.state.get_definition("photo") is None


def test_steps_in_the_wrong_order_are_refused(make_sim) -> None:
    sim = make_sim("fresh")
    assert sim.admin("POST", "user-token", json={}).json()["error"] == "no-app-connector"
    assert sim.admin("POST", "link", json={"kind": "get", "connector_id": "SBQ_BTW"}).status_code == 409
    sim.admin("POST", "app-connector", json={"description": "SmartBooqing", "user_group": "Alle Profit-gebruikers"})
    unimported = sim.admin("POST", "link", json={"kind": "get", "connector_id": "SBQ_BTW"})
    assert (unimported.status_code, unimported.json()["error"]) == (404, "unknown-connector")
    assert sim.admin("POST", "link", json={"kind": "magic", "connector_id": "x"}).json()["error"] == "bad-kind"
    assert sim.admin("POST", "user-token", json={"user": "nobody"}).json()["error"] == "unknown-user"
    assert (
        sim.admin(
            "POST", "dossier-destinations", json={"purchase_invoice": "Soms", "sales_invoice": "Optioneel"}
        ).json()["error"]
        == "bad-destination"
    )
    assert sim.admin("POST", "faults", json={"earthquake": True}).json()["error"] == "unknown-fault"
    assert sim.admin("POST", "settings", json={"unlinked_get": 302}).json()["error"] == "bad-setting"
    assert sim.admin("POST", "settings", json={"colour": "red"}).json()["error"] == "unknown-setting"
    assert sim.admin("POST", "faults", json={"token_expired": True}).json()["error"] == "no-token"
    assert sim.admin("POST", "import-gcn", content=b"{").status_code == 400


def test_log_reset_and_settings_round_trip(ready: Sim) -> None:
    ready.get("/metainfo")
    assert len(ready.admin("GET", "log").json()) == 1
    assert ready.admin("DELETE", "log").status_code == 200
    assert ready.admin("GET", "log").json() == []
    settings = ready.admin("POST", "settings", json={"unlinked_get": "401", "language": "en"}).json()
    assert (settings["unlinked_get"], settings["language"]) == (401, "en")
    faults = ready.admin("POST", "faults", json={"latency_ms": 5, "malformed_body": True}).json()
    assert faults["latency_ms"] == 5 and faults["malformed_body"] is True
    assert ready.admin("GET", "state").json()["faults"] == faults


def test_app_connector_is_created_blocked_and_a_second_create_keeps_the_links(make_sim) -> None:
    sim = make_sim("ready")
    body = sim.admin("POST", "app-connector", json={"description": "SBQ 2", "user_group": "Alle Profit-gebruikers"})
    assert body.json()["created"] is False
    assert sim.state.app_connector is not None and sim.state.app_connector.get_connectors
    fresh = make_sim("fresh")
    assert fresh.admin("POST", "app-connector", json={}).json()["blocked"] is True


# --- over a real socket: the whole guide, step by step ---------------------------------------------------------


@pytest.mark.loopback
def test_the_whole_guide_through_sim_admin_over_loopback() -> None:
    with SimulatorServer("fresh") as sim, SimAdmin(sim.origin) as admin, httpx.Client(base_url=sim.base_url) as rest:
        assert sim.state.client_token is None
        for gcn in MANIFEST.gcn_files:
            admin.import_gcn(gcn.file, _gcn(gcn.file))
        imported = {d["id"] for d in admin.state()["get_definitions"] if d["imported_from"]}
        assert imported == {g.connector for g in MANIFEST.gcn_files}
        admin.create_app_connector("SmartBooqing", "Alle Profit-gebruikers")
        token = admin.create_user_token()
        assert sim.token is not None and sim.token.xml() == token.xml()
        auth = {"Authorization": token.authorization_header()}
        assert rest.get("/metainfo", headers=auth).status_code == 401  # still Geblokkeerd
        admin.unblock_app_connector()
        assert rest.get("/metainfo", headers=auth).json()["getConnectors"] == []
        for spec in MANIFEST.connectors:
            admin.link(spec.kind, spec.id)
        admin.set_dossier_destinations("Optioneel", "Optioneel")
        assert rest.get("/profitversion", headers=auth).status_code == 200
        listed = rest.get("/metainfo", headers=auth).json()
        assert len(listed["getConnectors"]) == len(MANIFEST.get_connectors)
        for spec in MANIFEST.get_connectors:
            assert rest.get(f"/connectors/{spec.id}?skip=0&take=1", headers=auth).status_code == 200
        with pytest.raises(SimAdminError) as refused:
            admin.link("get", "Not_Imported")
        assert (refused.value.code, refused.value.status) == ("unknown-connector", 404)
        state = admin.state()
        assert state["writes"] == 0
        assert {
            t["destinations"]["Inkooprelatie + inkoopfactuur"] for t in state["dossier_types"] if t["link_file"]
        } == {"Optioneel"}
        for form in token.secret_forms():
            assert form not in str(state) + str(admin.request_log())


@pytest.mark.loopback
def test_faults_over_loopback_drop_and_malformed() -> None:
    with SimulatorServer("ready") as sim, SimAdmin(sim.origin) as admin:
        assert sim.token is not None
        auth = {"Authorization": sim.token.authorization_header()}
        admin.set_faults(drop_connection=True)
        with pytest.raises(httpx.RemoteProtocolError):
            httpx.get(f"{sim.base_url}/metainfo", headers=auth)
        admin.set_faults(drop_connection=False, malformed_body=True)
        response = httpx.get(f"{sim.base_url}/connectors/SBQ_BTW", headers=auth)
        assert response.status_code == 200
        with pytest.raises(ValueError):
            response.json()
        admin.set_faults(malformed_body=False, maintenance=True)
        maintenance = httpx.get(f"{sim.base_url}/metainfo", headers=auth)
        assert (maintenance.status_code, maintenance.headers["Retry-After"]) == (503, "7200")
        assert [e["status"] for e in admin.request_log()] == [0, 200, 503]
        # The server survives a dropped connection and still serves.
        admin.set_faults(maintenance=False)
        assert httpx.get(f"{sim.base_url}/metainfo", headers=auth).status_code == 200
