"""Verification with an OAuth client against the real simulator on loopback: the `auth` check covers the token
request and /metainfo, one token request per run, a specific remedy for each refusal, and every UNCONFIRMED
simulator setting (docs/simulator.md, "OAuth settings") still ends in a verdict a user can act on."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import pytest

from tests.verify.conftest import by_id
from wizard.data import screens
from wizard.domain.checks import CheckResult, Status
from wizard.domain.credentials import Credential
from wizard.domain.oauth import OAuthClientCredentials, oauth_client_credentials, with_expiry
from wizard.domain.steps import StepId
from wizard.domain.text import long_date
from wizard.sim import SimAdmin, SimulatorServer
from wizard.verify import Report, verify

pytestmark = pytest.mark.loopback

WRONG_SECRET = "BADC0FFEE0DDF00D" * 4  # obviously fake


def _verify(server: SimulatorServer, credential: Credential | None = None, **kwargs: Any) -> Report:
    chosen = credential if credential is not None else server.oauth_credentials
    assert chosen is not None
    return asyncio.run(verify(server.environment, chosen, **kwargs))


def _token_requests(admin: SimAdmin) -> list[dict[str, Any]]:
    return [e for e in admin.request_log() if e["path"].lower().endswith("/oauth/token")]


def _auth(report: Report) -> CheckResult:
    return by_id(report)["auth"]


def _paths(*fields: str) -> list[str]:
    """The app connector path to a field, from connectors/afas.toml, as an English sentence shows it."""
    s = screens()
    return [s.app_connector_list.menu.then("SmartBooqing", getattr(s.app_connector.fields, f)).text.en for f in fields]


def _refused_before_anything_else(report: Report, admin: SimAdmin) -> CheckResult:
    """The run stopped at the token request: the auth check failed, every other check is skipped, and nothing but
    the one token request reached AFAS."""
    auth = _auth(report)
    assert auth.status is Status.FAIL
    assert all(c.status is Status.SKIP for c in report.checks[1:])
    assert [e["path"].lower() for e in admin.request_log()] == ["/profitrestservices/oauth/token"]
    return auth


@pytest.mark.parametrize("scenario", ["oauth-ready", "hybrid"])
@pytest.mark.parametrize("client_auth", ["body", "basic"])
def test_an_oauth_client_verifies_with_one_token_request(sim_factory: Any, scenario: str, client_auth: str) -> None:
    server, admin = sim_factory(scenario)
    report = _verify(server, client_auth=client_auth)
    assert report.exit_code() == 0, [(c.id, c.status, c.message.en) for c in report.checks]
    auth = _auth(report)
    assert auth.message.en.startswith("OAuth client accepted")
    assert by_id(report)["token-sunset"].status is Status.PASS  # no classic-token sunset warning
    assert len(_token_requests(admin)) == 1
    log = admin.request_log()
    api = [e for e in log if not e["path"].lower().endswith("/oauth/token")]
    assert len(api) > 20 and all(e["has_auth"] for e in api)
    assert not any(e["write"] for e in log)
    assert admin.state()["writes"] == 0


def test_hybrid_accepts_the_classic_token_as_well(sim_factory: Any) -> None:
    server, admin = sim_factory("hybrid")
    report = _verify(server, server.token)
    assert report.exit_code() == 0
    assert by_id(report)["token-sunset"].status is Status.INFO  # the classic token still ends in 2027 (a note)
    assert _token_requests(admin) == []


def test_a_wrong_secret_fails_with_the_client_secret_remedy(sim_factory: Any) -> None:
    server, admin = sim_factory("oauth-ready")
    good = server.oauth_credentials
    assert good is not None
    report = _verify(server, oauth_client_credentials(good.client_id, WRONG_SECRET))
    assert report.exit_code() == 1
    auth = _refused_before_anything_else(report, admin)
    assert auth.remedy is not None and auth.fix_step is StepId.TOKEN and auth.http_status == 400
    for path in _paths("client_id", "client_secret", "auth_type"):
        assert path in auth.remedy.en
    assert "not expired" in auth.remedy.en and "niet verlopen" in auth.remedy.nl
    assert "invalid_client" in (auth.detail or "")


def test_an_expired_secret_says_so_with_its_date(sim_factory: Any) -> None:
    server, admin = sim_factory("oauth-secret-expired")
    credential = server.oauth_credentials
    assert credential is not None and credential.secret_expires is not None
    report = _verify(server, credential)
    assert report.exit_code() == 1
    auth = _refused_before_anything_else(report, admin)
    assert auth.remedy is not None
    assert f"expired on {long_date(credential.secret_expires).en}" in auth.remedy.en
    assert f"verlopen op {long_date(credential.secret_expires).nl}" in auth.remedy.nl
    assert _paths("client_secret")[0] in auth.remedy.en
    # Without the date the user gave, the same refusal lists the expired secret among the causes.
    admin.reset_log()
    undated = _auth(_verify(server, with_expiry(credential, None)))
    assert undated.remedy is not None and "not expired" in undated.remedy.en


@pytest.mark.parametrize("token_under_classic", ["unauthorized_client", "invalid_client"])
def test_an_app_connector_still_on_classic_tokens_names_the_authentication_type(
    sim_factory: Any, token_under_classic: str
) -> None:
    server, admin = sim_factory("oauth-ready")
    admin.set_oauth_settings(token_under_classic=token_under_classic)
    admin.set_auth_type("classic")
    admin.reset_log()
    report = _verify(server)
    assert report.exit_code() == 1
    auth = _refused_before_anything_else(report, admin)
    assert auth.remedy is not None
    assert _paths("auth_type")[0] in auth.remedy.en
    assert "OAuth" in auth.remedy.en and "Hybride" in auth.remedy.nl


@pytest.mark.parametrize(("mode", "plain"), [("offer", True), ("explain", True), ("bare", False)])
def test_a_classic_token_refused_under_oauth_says_why_when_afas_does(sim_factory: Any, mode: str, plain: bool) -> None:
    server, admin = sim_factory("oauth-ready")
    admin.set_oauth_settings(classic_under_oauth=mode)
    report = _verify(server, server.token)
    assert report.exit_code() == 1
    auth = _auth(report)
    assert auth.status is Status.FAIL and auth.http_status == 401 and auth.remedy is not None
    if plain:
        assert "asks for OAuth" in auth.message.en and "vraagt" in auth.message.nl
        assert "no longer accepts classic tokens" in auth.remedy.en
    else:  # no header says why: the usual causes, plus the authentication type as one of them
        assert "(4) Authenticatietype" in auth.remedy.en and "(4) Authenticatietype" in auth.remedy.nl
        assert "(1) the app connector is not blocked" in auth.remedy.en
    if plain:
        assert _paths("auth_type")[0] in auth.remedy.en


@pytest.mark.parametrize("fault", ["maintenance", "forbidden"])
def test_a_token_endpoint_in_maintenance_or_behind_an_ip_restriction_is_impossible_now(
    sim_factory: Any, fault: str
) -> None:
    server, admin = sim_factory("oauth-ready")
    admin.set_oauth_faults(**{fault: True})
    report = _verify(server)
    assert report.exit_code() == 3
    assert _auth(report).impossible
    assert _auth(report).fix_step is None  # no defect of the setup: no fix button (issue 20 item 4)
    assert all("not possible right now" in c.message.en for c in report.checks[1:])


def test_a_client_id_unknown_to_this_environment_points_at_the_id_or_the_environment(sim_factory: Any) -> None:
    server, admin = sim_factory("oauth-ready")
    good = server.oauth_credentials
    assert good is not None
    stranger = oauth_client_credentials("0000aaaa-0000-4000-8000-00000000aaaa", good.secret())
    docs = _auth(_verify(server, stranger))  # the documented answer: invalid_client
    assert docs.remedy is not None and _paths("client_id")[0] in docs.remedy.en
    assert "environment number and type" in docs.remedy.en
    admin.set_oauth_settings(unknown_client_error="unauthorized_client")  # S13's "Unknown AppConnector"
    seen = _auth(_verify(server, stranger))
    assert seen.fix_step is StepId.ENVIRONMENT and seen.remedy is not None
    assert "environment number and type" in seen.remedy.en and "/oauth/token" in seen.remedy.en


def test_profit_8_answer_shapes_verify(sim_factory: Any) -> None:
    server, admin = sim_factory("oauth-ready")
    admin.set_oauth_settings(profit_version=8)  # "expires_in": "3600" as a string, "refresh_token": null
    report = _verify(server)
    assert report.exit_code() == 0
    assert len(_token_requests(admin)) == 1


def test_basic_refused_before_profit_9_suggests_the_body(sim_factory: Any) -> None:
    server, admin = sim_factory("oauth-ready")
    admin.set_oauth_settings(profit_version=8, basic_before_profit9="invalid_request")
    refused = _auth(_verify(server, client_auth="basic"))
    assert refused.status is Status.FAIL and refused.remedy is not None
    assert "--client-auth basic" in refused.remedy.en
    assert _verify(server, client_auth="body").exit_code() == 0


def test_a_wrong_secret_answered_as_unauthorized_client_on_profit_8_still_names_the_secret(sim_factory: Any) -> None:
    server, admin = sim_factory("oauth-ready")
    admin.set_oauth_settings(profit_version=8, wrong_secret_profit8="unauthorized_client")
    good = server.oauth_credentials
    assert good is not None
    auth = _auth(_verify(server, oauth_client_credentials(good.client_id, WRONG_SECRET)))
    assert auth.status is Status.FAIL and auth.remedy is not None
    assert _paths("auth_type")[0] in auth.remedy.en and _paths("client_secret")[0] in auth.remedy.en


@pytest.mark.parametrize("mode", ["invalid_token", "bare"])
def test_a_switch_back_to_classic_during_a_run_fails_the_run(sim_factory: Any, mode: str) -> None:
    server, admin = sim_factory("hybrid")
    admin.set_oauth_settings(bearer_under_classic=mode)

    def switch_after_auth(result: CheckResult) -> None:
        if result.id == "auth":
            admin.set_auth_type("classic")  # the access token in hand is now refused

    report = _verify(server, on_result=switch_after_auth)
    assert _auth(report).status is Status.PASS
    assert report.exit_code() == 1
    if mode == "invalid_token":  # renewed once: the new token request names the authentication type
        # REST checks; the SOAP read answers a refused token with a SOAP fault, quoted as AFAS's words.
        failed = [c for c in report.checks if c.status is Status.FAIL and c.id != "special:GetXMLSchema"]
        assert failed and all(c.remedy is not None and _paths("auth_type")[0] in c.remedy.en for c in failed)
        assert len(_token_requests(admin)) == 2


TODAY = dt.date.today()


@pytest.mark.parametrize("mode", ["zero", "access-token", "secret"])
def test_token_expiry_under_oauth_is_about_the_secret_whatever_afas_reports(sim_factory: Any, mode: str) -> None:
    server, admin = sim_factory("oauth-ready")
    admin.set_oauth_settings(token_expiry_under_oauth=mode)
    credential = server.oauth_credentials
    assert isinstance(credential, OAuthClientCredentials)
    # The date the user gave wins: 10 days ahead warns with that date.
    soon = TODAY + dt.timedelta(days=10)
    warned = by_id(_verify(server, with_expiry(credential, soon)))["token-expiry"]
    assert warned.status is Status.WARN and long_date(soon).en in warned.message.en
    assert warned.remedy is not None and _paths("client_secret")[0] in warned.remedy.en
    # Without a date: never a warning about the one-hour access token.
    undated = by_id(_verify(server, with_expiry(credential, None)))["token-expiry"]
    assert undated.status is Status.PASS
    assert "hour" not in undated.message.en and "0 days" not in undated.message.en
    if mode == "secret":  # AFAS's date is offered as the secret's
        assert credential.secret_expires is not None
        assert long_date(credential.secret_expires).en in undated.message.en
    else:
        assert "--secret-expires" in undated.message.en


def test_a_reported_secret_date_close_by_warns(sim_factory: Any) -> None:
    server, admin = sim_factory("oauth-ready")
    admin.set_oauth_settings(token_expiry_under_oauth="secret", secret_validity_days=12)
    rotated = admin.rotate_secret()
    report = _verify(server, with_expiry(rotated, None))
    expiry = by_id(report)["token-expiry"]
    assert expiry.status is Status.WARN and "in 12 days" in expiry.message.en
    assert report.exit_code() == 0
