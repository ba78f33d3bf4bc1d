"""The probe on storing login details, against the real simulator on loopback: one request, one verdict, for both
credential kinds (issue 20 item 2)."""

from __future__ import annotations

import asyncio
import datetime as dt
import socket
from collections.abc import Iterator
from typing import Any, Literal

import pytest

from tests.conftest import FAKE_XML
from wizard.domain.credentials import Credential, parse_classic_token
from wizard.domain.environment import AfasEnvironment, parse_environment
from wizard.domain.oauth import oauth_client_credentials
from wizard.domain.steps import StepId
from wizard.sim import SimAdmin, SimulatorServer
from wizard.verify.probe import ProbeResult, Verdict, probe

pytestmark = pytest.mark.loopback

WRONG_SECRET = "0BAD5EC2" * 8  # obviously fake


@pytest.fixture
def started() -> Iterator[Any]:
    servers: list[SimulatorServer] = []

    def start(auth: str) -> tuple[SimulatorServer, SimAdmin]:
        server = SimulatorServer("ready", auth=auth)
        server.start()
        servers.append(server)
        admin = server.admin()
        admin.reset_log()
        return server, admin

    yield start
    for server in servers:
        server.stop()


def _ask(env: AfasEnvironment, credential: Credential) -> ProbeResult:
    return asyncio.run(probe(env, credential, today=dt.date(2026, 12, 6)))


def _right(server: SimulatorServer, auth: str) -> Credential:
    if auth == "oauth":
        assert server.oauth_credentials is not None
        return server.oauth_credentials
    assert server.token is not None
    return server.token


def _requests(admin: SimAdmin) -> list[str]:
    return [f"{e['method']} {e['path']}" for e in admin.request_log()]


@pytest.mark.parametrize("auth", ["oauth", "classic"])
def test_working_details_are_named_after_one_request(started: Any, auth: str) -> None:
    server, admin = started(auth)
    result = _ask(server.environment, _right(server, auth))
    assert result.verdict is Verdict.WORKS and result.store, result.message.en
    requests = _requests(admin)
    assert len(requests) == 1, requests
    if auth == "oauth":
        assert requests[0].startswith("POST") and requests[0].lower().endswith("/oauth/token")
        assert "client id and client secret" in result.message.en and server.state.env_id in result.message.en
    else:
        assert requests[0].lower().endswith("/metainfo")
        assert result.app_name == "SmartBooqing" and "app connector “SmartBooqing”" in result.message.en
        assert "app connector “SmartBooqing”" in result.message.nl


def test_a_wrong_client_id_or_secret_is_refused_and_not_stored(started: Any) -> None:
    server, _admin = started("oauth")
    right = _right(server, "oauth")
    for credential in (
        oauth_client_credentials(right.client_id, WRONG_SECRET, None),  # type: ignore[attr-defined]
        oauth_client_credentials("abc", right.secret(), None),  # type: ignore[attr-defined]
    ):
        result = _ask(server.environment, credential)
        assert result.verdict is Verdict.REFUSED and not result.store
        assert "refuses this client id and client secret" in result.message.en
        assert "Invalid client credentials" in result.message.en  # AFAS's own words, quoted
        assert result.remedy is not None and "OAuth client id" in result.remedy.en


def test_a_wrong_classic_token_is_refused_and_not_stored(started: Any) -> None:
    server, _admin = started("classic")
    result = _ask(server.environment, parse_classic_token(FAKE_XML))
    assert result.verdict is Verdict.REFUSED and not result.store
    assert "refuses this token" in result.message.en
    assert result.detail == "HTTP 401"  # the status code is the technical detail, not the message
    assert result.remedy is not None and "Geblokkeerd" in result.remedy.en


@pytest.mark.parametrize("auth", ["oauth", "classic"])
def test_a_blocked_app_connector_is_named(started: Any, auth: str) -> None:
    server, admin = started(auth)
    admin.block_app_connector()
    result = _ask(server.environment, _right(server, auth))
    assert result.verdict is Verdict.REFUSED and not result.store
    assert "still blocked" in result.message.en and "nog geblokkeerd" in result.message.nl


@pytest.mark.parametrize(("auth", "afas_has"), [("oauth", "classic"), ("classic", "oauth")])
def test_the_other_credential_kind_names_the_authenticatietype(
    started: Any, auth: str, afas_has: Literal["classic", "oauth"]
) -> None:
    server, admin = started("hybrid")
    credential = _right(server, auth)
    admin.set_auth_type(afas_has)
    admin.reset_log()
    result = _ask(server.environment, credential)
    assert result.verdict is Verdict.OTHER_KIND and not result.store, result.message.en
    assert result.fix_step is StepId.APP_CONNECTOR
    assert "Authenticatietype ‘OAuth’" in result.message.en
    assert len(_requests(admin)) == 1


@pytest.mark.parametrize("auth", ["oauth", "classic"])
def test_an_unknown_environment_is_named(started: Any, auth: str) -> None:
    server, _admin = started(auth)
    elsewhere = parse_environment(server.state.env_id, base_url=f"{server.origin}/NoSuchEnvironment")
    result = _ask(elsewhere, _right(server, auth))
    assert result.verdict is Verdict.UNKNOWN_ENVIRONMENT and not result.store, result.message.en
    assert result.fix_step is StepId.ENVIRONMENT


def test_an_unknown_appconnector_answer_is_an_unknown_environment(started: Any) -> None:
    server, admin = started("oauth")
    admin.set_oauth_settings(unknown_client_error="unauthorized_client")  # S13: Profit 8 on the wrong host
    result = _ask(server.environment, oauth_client_credentials("sbq-elsewhere", WRONG_SECRET, None))
    assert result.verdict is Verdict.UNKNOWN_ENVIRONMENT and "Unknown AppConnector" in result.message.en


@pytest.mark.parametrize("auth", ["oauth", "classic"])
@pytest.mark.parametrize("fault", ["maintenance", "ip", "network"])
def test_impossible_now_is_stored_but_unproven(started: Any, auth: str, fault: str) -> None:
    server, admin = started(auth)
    env = server.environment
    if fault == "maintenance":
        admin.set_faults(maintenance=True)
    elif fault == "ip":
        admin.set_oauth_settings(ip_restriction_on_token=True)
        admin.set_faults(ip_restricted=True)
    else:
        with socket.socket() as s:  # a port nobody listens on
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        env = parse_environment(server.state.env_id, base_url=f"http://127.0.0.1:{port}/ProfitRestServices")
    result = _ask(env, _right(server, auth))
    assert result.verdict is Verdict.UNPROVEN and result.store, result.message.en
    assert result.message.en.startswith("Stored, but not proven yet") and result.fix_step is None


def test_a_secret_past_its_date_is_named_as_expired_once(started: Any) -> None:
    """AFAS says only "Invalid client credentials"; the date the user gave has passed, so that is the cause named
    first, not the generic "one of them is wrong, or blocked" (and the expiry is said once)."""
    server, _admin = started("oauth")
    right = _right(server, "oauth")
    expired = oauth_client_credentials(right.client_id, WRONG_SECRET, dt.date(2026, 12, 5))  # type: ignore[attr-defined]
    result = _ask(server.environment, expired)
    assert result.verdict is Verdict.REFUSED and result.fix_step is StepId.RENEW
    said = f"{result.message.en} {result.remedy.en if result.remedy else ''}"
    assert result.message.en.startswith("AFAS refuses this client secret: it expired on 5 December 2026")
    assert "one of them is not the one" not in said
    assert said.count("expired") == 1 and "create a new secret in AFAS" in said
    nl = f"{result.message.nl} {result.remedy.nl if result.remedy else ''}"
    assert nl.count("verlopen") == 1 and "maak een nieuw secret aan" in nl


def test_a_refused_token_lists_what_to_check_in_order_then_what_to_do_if_unsure(started: Any) -> None:
    server, _admin = started("classic")
    result = _ask(server.environment, parse_classic_token(FAKE_XML))
    for text in (result.remedy.en, result.remedy.nl) if result.remedy else ():
        places = [text.index(f"({n})") for n in range(1, 5)]
        assert places == sorted(places), text
        unsure = text.index("If unsure" if text is result.remedy.en else "Bij twijfel")  # type: ignore[union-attr]
        assert unsure > places[-1], text  # not wedged between (3) and (4)
