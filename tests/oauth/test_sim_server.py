"""The OAuth scenarios of the real simulator over loopback: token endpoint, Bearer calls, the Authenticatietype
deciding which credential AFAS accepts, and the /_sim/oauth admin API behind the same guard as the rest of /_sim/."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from wizard.domain.afas_actions import AfasAction
from wizard.sim import SimAdminError, SimulatorServer
from wizard.sim.admin_guard import KEY_HEADER

pytestmark = pytest.mark.loopback


def _token_request(sim: SimulatorServer, secret: str | None = None) -> httpx.Response:
    assert sim.client_id is not None and sim.client_secret is not None
    form = {
        "grant_type": "client_credentials",
        "client_id": sim.client_id,
        "client_secret": secret or sim.client_secret.get_secret_value(),
    }
    return httpx.post(sim.token_url, data=form)


def _bearer(sim: SimulatorServer) -> str:
    answer = _token_request(sim)
    assert answer.status_code == 200, answer.text
    return f"Bearer {answer.json()['access_token']}"


def _classic(sim: SimulatorServer) -> str:
    assert sim.token is not None
    return sim.token.authorization_header()


def _metainfo(sim: SimulatorServer, authorization: str | None) -> httpx.Response:
    headers = {"Authorization": authorization} if authorization else {}
    return httpx.get(f"{sim.base_url}/metainfo", headers=headers)


@pytest.fixture(scope="module")
def oauth_ready() -> Iterator[SimulatorServer]:
    with SimulatorServer("oauth-ready") as sim:
        yield sim


@pytest.mark.parametrize("scenario", ["oauth-ready", "hybrid"])
def test_a_token_request_gives_a_bearer_token_that_reads_metainfo(scenario: str) -> None:
    with SimulatorServer(scenario) as sim:
        answer = _token_request(sim)
        assert answer.status_code == 200
        body = answer.json()
        assert body["token_type"] == "Bearer" and body["expires_in"] == 3600
        meta = _metainfo(sim, f"Bearer {body['access_token']}")
        assert meta.status_code == 200
        info = meta.json()["info"]
        # The call runs as the user configured on the app connector (afas-oauth.md §1.3).
        assert info["envid"] == "O12345AA" and info["group"].endswith("(12345.SBQ)")
        assert info["tokenExpiry"] == "0"
        assert "SBQ_BTW" in {c["id"] for c in meta.json()["getConnectors"]}


def test_the_classic_token_is_refused_under_oauth_with_a_header_that_says_so(oauth_ready: SimulatorServer) -> None:
    answer = _metainfo(oauth_ready, _classic(oauth_ready))
    assert answer.status_code == 401
    assert answer.headers["WWW-Authenticate"] == "Bearer, DPoP"  # Profit 9: it offers OAuth, not AfasToken
    with oauth_ready.admin() as admin:
        assert admin.request_log()[-1]["note"] == "classic token: app connector accepts OAuth only"


def test_bearer_is_refused_under_classic() -> None:
    with SimulatorServer("hybrid") as sim, sim.admin() as admin:
        bearer = _bearer(sim)
        admin.set_auth_type("classic")
        answer = _metainfo(sim, bearer)
        assert answer.status_code == 401
        assert answer.headers["WWW-Authenticate"] == 'Bearer error="invalid_token"'
        assert _metainfo(sim, _classic(sim)).status_code == 200
        refused = _token_request(sim)  # and no new access token while the type is Classic token
        assert (refused.status_code, refused.json()["error"]) == (400, "unauthorized_client")


def test_the_classic_ready_scenario_has_no_oauth_client() -> None:
    with SimulatorServer("ready") as sim:
        assert sim.client_id is None and sim.client_secret is None and sim.oauth_credentials is None
        form = {"grant_type": "client_credentials", "client_id": "unknown", "client_secret": "0" * 64}
        answer = httpx.post(sim.token_url, data=form)
        assert (answer.status_code, answer.json()["error"]) == (400, "invalid_client")


def test_hybrid_accepts_both_credentials() -> None:
    with SimulatorServer("hybrid") as sim:
        assert _metainfo(sim, _classic(sim)).status_code == 200
        assert _metainfo(sim, _bearer(sim)).status_code == 200
        assert _metainfo(sim, None).status_code == 401


def test_an_expired_secret_gets_the_token_endpoints_error() -> None:
    with SimulatorServer("oauth-secret-expired") as sim, sim.admin() as admin:
        answer = _token_request(sim)
        assert answer.status_code == 400
        assert answer.json() == {"error": "invalid_client", "error_description": "Invalid client credentials"}
        assert admin.oauth()["secrets"][0]["state"] == "expired"
        assert admin.request_log()[-1]["note"] == "token request: invalid_client"


def test_the_token_path_is_case_insensitive_and_a_get_is_invalid_request(oauth_ready: SimulatorServer) -> None:
    url = oauth_ready.token_url.replace("/oauth/token", "/OAuth/Token")
    assert oauth_ready.client_id is not None and oauth_ready.client_secret is not None
    form = {
        "grant_type": "client_credentials",
        "client_id": oauth_ready.client_id,
        "client_secret": oauth_ready.client_secret.get_secret_value(),
    }
    assert httpx.post(url, data=form).status_code == 200
    got = httpx.get(oauth_ready.token_url)
    assert (got.status_code, got.json()["error"]) == (400, "invalid_request")
    assert got.headers["X-AFAS-Proxy-Version"]  # inside AFAS's envelope like every AFAS route


def test_the_request_log_and_state_never_hold_the_secret_or_an_access_token() -> None:
    with SimulatorServer("oauth-ready") as sim, sim.admin() as admin:
        bearer = _bearer(sim)
        _metainfo(sim, bearer)
        assert sim.client_secret is not None
        shown = str(admin.request_log()) + str(admin.state()) + str(admin.oauth())
        assert sim.client_secret.get_secret_value() not in shown
        assert bearer.removeprefix("Bearer ") not in shown
        assert str(sim.oauth_credentials).count("**********") == 1  # repr keeps the secret hidden


def test_soap_takes_the_bearer_token_in_the_authorization_header(oauth_ready: SimulatorServer) -> None:
    envelope = (
        '<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>'
        '<Execute xmlns="urn:Afas.Profit.Services"><token></token><dataID>GetXmlSchema</dataID>'
        "<parametersXml>&lt;DataConnector&gt;&lt;UpdateConnectorId&gt;KnSubject&lt;/UpdateConnectorId&gt;"
        "&lt;EncodeBase64&gt;false&lt;/EncodeBase64&gt;&lt;/DataConnector&gt;</parametersXml></Execute>"
        "</soap:Body></soap:Envelope>"
    )
    url = f"{oauth_ready.soap_url}/appconnectordata.asmx"
    headers = {"SOAPAction": '"urn:Afas.Profit.Services/Execute"', "Content-Type": "text/xml; charset=utf-8"}
    ok = httpx.post(url, content=envelope, headers={**headers, "Authorization": _bearer(oauth_ready)})
    assert ok.status_code == 200 and "KnSubject" in ok.text
    classic = httpx.post(url, content=envelope, headers={**headers, "Authorization": _classic(oauth_ready)})
    assert classic.status_code == 500 and "soap:Fault" in classic.text
    assert classic.headers["WWW-Authenticate"] == "Bearer, DPoP"


# --- the admin API ---------------------------------------------------------------------------------------------


def test_sim_admin_switches_the_type_and_creates_rotates_revokes_and_expires_secrets() -> None:
    with SimulatorServer("ready") as sim, sim.admin() as admin:
        with pytest.raises(SimAdminError) as classic:
            admin.apply_oauth_step(AfasAction.CLIENT_SECRET)
        assert (classic.value.code, classic.value.status) == ("classic-auth-type", 409)
        admin.set_auth_type("hybrid")
        first = admin.create_oauth_client()
        assert first.client_id == sim.client_id and first.secret_expires is not None
        assert sim.client_secret is not None and sim.client_secret.get_secret_value() == first.secret()
        rotated = admin.rotate_secret()
        assert rotated.client_id == first.client_id and rotated.secret() != first.secret()
        assert _token_request(sim, first.secret()).json()["error"] == "invalid_client"  # the old one is revoked
        assert _token_request(sim).status_code == 200  # the server now holds the new one
        assert admin.expire_secret() == 2
        assert _token_request(sim).json()["error"] == "invalid_client"
        new = admin.create_secret(validity_days=30)
        assert _token_request(sim, new.get_secret_value()).status_code == 200
        assert [s["state"] for s in admin.oauth()["secrets"]] == ["revoked", "expired", "active"]
        bearer = _bearer(sim)
        assert admin.revoke_access_tokens() >= 1
        assert _metainfo(sim, bearer).status_code == 401
        admin.set_auth_type("oauth")
        assert admin.state()["app_connector"]["auth_type"] == "oauth"
        assert _metainfo(sim, _classic(sim)).status_code == 401


def test_oauth_settings_and_faults_through_the_admin_api() -> None:
    with SimulatorServer("oauth-ready") as sim, sim.admin() as admin:
        admin.set_oauth_settings(profit_version=8, token_expiry_under_oauth="access-token")
        body = _token_request(sim).json()
        assert body["expires_in"] == "3600" and body["refresh_token"] is None
        expiry = _metainfo(sim, f"Bearer {body['access_token']}").json()["info"]["tokenExpiry"]
        assert expiry.startswith("20") and "T" in expiry
        with pytest.raises(SimAdminError) as bad:
            admin.set_oauth_settings(profit_version=10)
        assert bad.value.code == "bad-setting" and "10" not in bad.value.message
        with pytest.raises(SimAdminError) as unknown:
            admin.set_oauth_settings(nonsense=1)
        assert unknown.value.code == "unknown-setting"
        admin.set_oauth_faults(garbage=True)
        assert _token_request(sim).headers["content-type"].startswith("text/html")


@pytest.mark.parametrize(
    ("method", "path"),
    [("GET", "oauth"), ("POST", "oauth/auth-type"), ("POST", "oauth/client"), ("POST", "oauth/secrets/revoke")],
)
def test_the_oauth_admin_calls_are_guarded_like_the_rest(oauth_ready: SimulatorServer, method: str, path: str) -> None:
    url = f"{oauth_ready.origin}/_sim/{path}"
    key = {KEY_HEADER: oauth_ready.admin_key}
    body = {"auth_type": "classic"} if method == "POST" else None
    refusals = [
        (httpx.request(method, url, json=body), 401, "no-key"),
        (httpx.request(method, url, headers={KEY_HEADER: "not-the-key"}, json=body), 403, "bad-key"),
        (httpx.request(method, url, headers={**key, "Host": "rebound.example"}, json=body), 403, "bad-host"),
        (httpx.request(method, url, headers={**key, "Origin": "https://evil.example"}, json=body), 403, "cross-origin"),
    ]
    if method == "POST":
        form = httpx.request(method, url, headers={**key, "Content-Type": "text/plain"}, content=b'{"x":1}')
        refusals.append((form, 415, "unsupported-media-type"))
    for response, status, code in refusals:
        assert (response.status_code, response.json()["error"]) == (status, code)
    with oauth_ready.admin() as admin:
        assert admin.oauth()["auth_type"] == "oauth"  # nothing changed
        assert [s["state"] for s in admin.oauth()["secrets"]] == ["active"]
