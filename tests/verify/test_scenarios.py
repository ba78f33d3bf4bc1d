"""Verification against the real simulator over loopback: every scenario and every UNCONFIRMED variant it offers."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.verify.conftest import by_id, run_verify, statuses
from wizard.data import load_manifest
from wizard.domain.steps import StepId
from wizard.domain.text import Lang, long_date
from wizard.verify import Status, planned_checks

MANIFEST = load_manifest()
PLANNED = [check_id for check_id, _ in planned_checks(MANIFEST)]


def test_ready_environment_verifies_with_only_the_classic_token_warning(sim_factory: Any) -> None:
    server, _ = sim_factory("ready")
    report = run_verify(server)
    assert [c.id for c in report.checks] == PLANNED
    not_passed = {k: v for k, v in statuses(report).items() if v != "pass"}
    # The sunset is a note, the dossier item type's destinations a check by hand: neither is a warning (issue 11).
    assert not_passed == {"token-sunset": "info", "attachments": "manual"}
    assert report.exit_code() == 0
    assert report.app_connector == "SmartBooqing"
    assert report.profit_version == "22.22.5"
    assert "Alle Profit-gebruikers" in (report.user_group or "")


def test_missing_connectors_are_named_with_the_screen_that_links_them(sim_factory: Any) -> None:
    server, _ = sim_factory("missing-connectors")
    report = run_verify(server, lang=Lang.NL)
    checks = by_id(report)
    failed = {c.id for c in report.checks if c.status is Status.FAIL}
    assert failed == {"get:Precal_Landen", "get:DDI_Profit_Kostendragers", "update:KnSubject", "attachments"}
    landen = checks["get:Precal_Landen"]
    assert landen.fix_step is StepId.LINK_CONNECTORS
    assert landen.remedy is not None
    assert (
        "Algemeen › Beheer › App connector › SmartBooqing › GetConnectoren › Nieuw › Precal_Landen" in landen.remedy.nl
    )
    assert "UpdateConnectoren › Nieuw › KnSubject" in checks["update:KnSubject"].remedy.en  # type: ignore[union-attr]
    # GetXMLSchema cannot answer for KnSubject while KnSubject is not linked: honest, not a false failure.
    assert checks["special:GetXMLSchema"].status is Status.SKIP
    assert report.exit_code() == 1


def test_rejected_token_ends_the_plan_with_one_result(sim_factory: Any) -> None:
    server, admin = sim_factory("token-invalid")
    report = run_verify(server)
    auth = by_id(report)["auth"]
    # A rejected credential is fixed at the credential step (issue 20 item 4), whose remedy still lists the blocked
    # app connector first (a new app connector starts blocked).
    assert auth.status is Status.FAIL and auth.http_status == 401 and auth.fix_step is StepId.TOKEN
    assert auth.remedy.en.index("Geblokkeerd") < auth.remedy.en.index("token belongs")  # type: ignore[union-attr]
    assert {c.status for c in report.checks if c.id != "auth"} == {Status.SKIP}
    assert report.exit_code() == 1
    assert len(admin.request_log()) == 1  # one request, not 25 failures


@pytest.mark.parametrize(
    ("scenario", "status", "remedy_part"),
    [("ip-restricted", 403, "SmartBooqing's servers"), ("maintenance", 503, "afasstatus.nl")],
)
def test_verification_impossible_right_now(sim_factory: Any, scenario: str, status: int, remedy_part: str) -> None:
    server, _ = sim_factory(scenario)
    report = run_verify(server)
    auth = by_id(report)["auth"]
    assert auth.http_status == status
    assert remedy_part in auth.message.en + auth.remedy.en  # type: ignore[union-attr]  # said once, in either
    assert auth.fix_step is None  # no defect of the setup: no step turns red, no fix button (issue 20 item 4)
    assert report.exit_code() == 3
    assert {c.status for c in report.checks if c.id != "auth"} == {Status.SKIP}


def test_maintenance_retries_once_then_reports(sim_factory: Any) -> None:
    server, admin = sim_factory("maintenance")
    run_verify(server)
    assert [e["path"].rsplit("/", 1)[-1] for e in admin.request_log()] == ["metainfo", "metainfo"]


@pytest.mark.parametrize(
    ("seconds", "en", "nl"),
    [(7200, "about 2 hours", "ongeveer 2 uur"), (1800, "about 30 minutes", "ongeveer 30 minuten"), (0, None, None)],
)
def test_maintenance_says_how_long_afas_expects_it_to_last(
    sim_factory: Any, seconds: int, en: str | None, nl: str | None
) -> None:
    server, admin = sim_factory("maintenance")
    admin.set_settings(retry_after=seconds)  # AFAS's Retry-After (and the body's retry_after)
    remedy = by_id(run_verify(server))["auth"].remedy
    assert remedy is not None and "maintenance is over" in remedy.en
    if en is None or nl is None:
        assert "expects" not in remedy.en  # no wait said: none made up
    else:
        assert en in remedy.en and nl in remedy.nl


def test_blocked_definition_fails_with_the_unblock_path(sim_factory: Any) -> None:
    server, _ = sim_factory("blocked-definition")
    report = run_verify(server)
    check = by_id(report)["get:SBQ_Transactie"]
    assert check.status is Status.FAIL and check.http_status == 500
    assert check.log_reference and len(check.log_reference) == 32
    assert "Getconnector beheren uitgebreid › SBQ_Transactie" in check.remedy.en  # type: ignore[union-attr]
    assert check.fix_step is StepId.IMPORT
    assert [c.id for c in report.checks if c.status is Status.FAIL] == ["get:SBQ_Transactie"]


def test_slow_scenario_still_verifies(sim_factory: Any) -> None:
    server, admin = sim_factory("slow")
    admin.set_faults(latency_ms=30)
    assert run_verify(server).exit_code() == 0


def test_fresh_environment_without_a_token_is_rejected(sim_factory: Any) -> None:
    server, admin = sim_factory("fresh")
    admin.create_app_connector("SmartBooqing", "Alle Profit-gebruikers")
    token = admin.create_user_token()  # the app connector is still blocked, as AFAS creates it
    import asyncio

    from wizard.verify import verify

    report = asyncio.run(verify(server.environment, token))
    assert by_id(report)["auth"].status is Status.FAIL
    admin.unblock_app_connector()
    report = asyncio.run(verify(server.environment, token))
    assert by_id(report)["auth"].status is Status.PASS
    # Nothing imported or linked yet: every connector fails with a remedy, nothing is "passed" by accident.
    assert all(
        by_id(report)[f"get:{s.id}"].status is Status.FAIL and by_id(report)[f"get:{s.id}"].remedy
        for s in MANIFEST.get_connectors
    )


# -- UNCONFIRMED variants -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("blocked_status", [401, 403])
def test_blocked_app_connector_variants(sim_factory: Any, blocked_status: int) -> None:
    server, admin = sim_factory("ready")
    admin.set_settings(blocked_app_connector=blocked_status)
    admin.set_faults(app_blocked=True)
    report = run_verify(server)
    assert by_id(report)["auth"].http_status == blocked_status
    assert report.exit_code() == (1 if blocked_status == 401 else 3)


@pytest.mark.parametrize("variant", ["500", "401"])
def test_unlinked_get_and_update_variants(sim_factory: Any, variant: str) -> None:
    server, admin = sim_factory("ready")
    admin.set_settings(unlinked_get=int(variant), unlinked_update=int(variant))
    admin.unlink("get", "SBQ_BTW")
    admin.unlink("update", "FiInvoice")
    report = run_verify(server)
    checks = by_id(report)
    assert checks["get:SBQ_BTW"].status is Status.FAIL
    assert checks["get:SBQ_BTW"].fix_step is StepId.LINK_CONNECTORS
    assert checks["fields:SBQ_BTW"].status is Status.SKIP
    assert checks["update:FiInvoice"].status is Status.FAIL
    assert report.exit_code() == 1


@pytest.mark.parametrize("unlinked_special", [401, 403, 404, 500])
@pytest.mark.parametrize("specials_in_metainfo", ["custom", "none", "get"])
def test_special_connector_variants(sim_factory: Any, unlinked_special: int, specials_in_metainfo: str) -> None:
    server, admin = sim_factory("ready")
    admin.set_settings(unlinked_special=unlinked_special, specials_in_metainfo=specials_in_metainfo)
    for name in ("AppConnectorSubject", "AppConnectorReport", "AppConnectorVersion", "GetXMLSchema"):
        admin.unlink("special", name)
    checks = by_id(run_verify(server))
    assert checks["special:AppConnectorVersion"].status is Status.FAIL
    assert checks["special:GetXMLSchema"].status is Status.FAIL
    for name in ("AppConnectorSubject", "AppConnectorReport"):
        result = checks[f"special:{name}"]
        if unlinked_special == 404 and specials_in_metainfo != "custom":
            # AFAS's 404 for a missing file and (in this variant) for a missing link look the same: say so.
            assert result.status is Status.MANUAL
            assert "cannot be verified remotely" in result.message.en
        else:
            assert result.status is Status.FAIL, (name, result)
        assert result.fix_step is StepId.LINK_CONNECTORS


@pytest.mark.parametrize("specials_in_metainfo", ["custom", "none", "get"])
def test_linked_special_connectors_pass_in_every_metainfo_variant(sim_factory: Any, specials_in_metainfo: str) -> None:
    server, admin = sim_factory("ready")
    admin.set_settings(specials_in_metainfo=specials_in_metainfo)
    checks = by_id(run_verify(server))
    expected = Status.MANUAL if specials_in_metainfo == "none" else Status.PASS
    assert checks["special:AppConnectorSubject"].status in (Status.PASS, expected)
    assert checks["special:AppConnectorVersion"].status is Status.PASS
    assert checks["special:GetXMLSchema"].status is Status.PASS
    # A special connector listed among the GetConnectors is not mistaken for a missing one.
    assert all(checks[f"get:{s.id}"].status is Status.PASS for s in MANIFEST.get_connectors)


@pytest.mark.parametrize("style", ["date", "zero"])
def test_token_expiry_variants(sim_factory: Any, style: str) -> None:
    server, admin = sim_factory("ready")
    admin.set_settings(token_expiry_style=style)
    soon = dt.date.today() + dt.timedelta(days=10)
    admin.set_faults(token_expires_on=soon.isoformat())
    check = by_id(run_verify(server))["token-expiry"]
    if style == "date":
        assert check.status is Status.WARN
        assert long_date(soon).en in check.message.en and long_date(soon).nl in check.message.nl
        assert check.fix_step is StepId.TOKEN
        assert "Gebruikerstokens › Nieuw" in check.remedy.en  # type: ignore[union-attr]
    else:
        assert check.status is Status.PASS  # "0": AFAS reports no date, so there is nothing sharper to say


def test_far_token_expiry_passes(sim_factory: Any) -> None:
    server, admin = sim_factory("ready")
    admin.set_faults(token_expires_on=(dt.date.today() + dt.timedelta(days=200)).isoformat())
    assert by_id(run_verify(server))["token-expiry"].status is Status.PASS


@pytest.mark.parametrize("as_type", ["bool", "string"])
def test_primary_key_variants_do_not_matter(sim_factory: Any, as_type: str) -> None:
    server, admin = sim_factory("ready")
    admin.set_settings(primary_key_as=as_type)
    assert run_verify(server).exit_code() == 0


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("lang", [Lang.NL, Lang.EN])
def test_blocked_definition_is_recognised_in_both_languages(sim_factory: Any, language: str, lang: Lang) -> None:
    server, admin = sim_factory("ready")
    admin.set_settings(language=language)
    admin.set_faults(blocked_definitions=["SBQ_BTW"])
    check = by_id(run_verify(server, lang=lang))["get:SBQ_BTW"]
    assert check.status is Status.FAIL and check.fix_step is StepId.IMPORT


@pytest.mark.parametrize("setting", [{"subject_types_readable": "always"}, {"subject_type_destinations": True}])
def test_other_settings_keep_a_ready_environment_ready(sim_factory: Any, setting: dict[str, Any]) -> None:
    server, admin = sim_factory("ready")
    admin.set_settings(**setting)
    assert run_verify(server).exit_code() == 0


def test_oauth_only_app_connector_rejects_the_classic_token(sim_factory: Any) -> None:
    server, admin = sim_factory("ready")
    admin.set_faults(auth_type="oauth")
    report = run_verify(server)
    assert by_id(report)["auth"].status is Status.FAIL
    assert report.exit_code() == 1


def test_dropped_connection_and_malformed_body(sim_factory: Any) -> None:
    server, admin = sim_factory("ready")
    admin.set_faults(drop_connection=True)
    dropped = run_verify(server, timeout=10)
    assert dropped.exit_code() == 3
    admin.set_faults(drop_connection=False, malformed_body=True)
    malformed = run_verify(server)
    auth = by_id(malformed)["auth"]
    assert auth.status is Status.FAIL and "not what AFAS normally sends" in auth.message.en


def test_results_stream_in_while_checks_run(sim_factory: Any) -> None:
    server, admin = sim_factory("ready")
    admin.set_faults(latency_ms=20)
    seen: list[str] = []
    report = run_verify(server, on_result=lambda r: seen.append(r.id))
    assert seen[0] == "auth"
    assert sorted(seen) == sorted(c.id for c in report.checks)
