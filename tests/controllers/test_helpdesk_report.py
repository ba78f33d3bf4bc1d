"""The report for the helpdesk, driven through HelpdeskController with a fake Done page: what is copied or saved
names the organisation, the login kind and what failed with its remedy, and never holds a secret."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pydantic import SecretStr
from PySide6.QtWidgets import QApplication

from tests.conftest import FAKE_DATA, FAKE_XML
from tests.controllers.fakes import Rig, rig
from wizard import __version__
from wizard.domain.checks import CheckId, CheckResult, Status
from wizard.domain.credentials import ClassicToken
from wizard.domain.environment import parse_environment
from wizard.domain.steps import StepId
from wizard.domain.text import Lang, Text
from wizard.flow.state import AuthKind, WizardState
from wizard.ui.controllers.helpdesk_report import NO_REPORT, HelpdeskController, report_text
from wizard.ui.widgets import Level
from wizard.verify.report import Report

FAILING = Text(en="GetConnector SBQ_BTW", nl="GetConnector SBQ_BTW")
HELD = ClassicToken(data=SecretStr(FAKE_DATA))  # the token the wizard holds: its forms are known secrets from now on
LINK_IT = Text(en="Link SBQ_BTW on the tab GetConnectoren.", nl="Koppel SBQ_BTW op het tabblad GetConnectoren.")


def _report() -> Report:
    return Report(
        environment="O12345AA",
        base_url="https://12345.rest.afas.online/ProfitRestServices",
        started_at=dt.datetime(2026, 12, 6, 14, 3, tzinfo=dt.UTC),
        checks=[
            CheckResult(
                id=CheckId("auth"),
                status=Status.PASS,
                title=Text(en="Login", nl="Inloggen"),
                message=Text(en=f"AFAS accepted {FAKE_XML}.", nl=f"AFAS accepteerde {FAKE_XML}."),
            ),
            CheckResult(
                id=CheckId("get:SBQ_BTW"),
                status=Status.FAIL,
                title=FAILING,
                message=Text(en="Not linked.", nl="Niet gekoppeld."),
                remedy=LINK_IT,
            ),
        ],
    )


def _rig(report: Report | None) -> tuple[Rig, HelpdeskController]:
    state = WizardState(organisation="Bakkerij De Vries", environment=parse_environment("O12345AA"))
    state.auth_choice = AuthKind.OAUTH
    r = rig(state)
    return r, HelpdeskController(r.ctx, lambda: report)


def test_the_report_text_puts_what_failed_first_with_what_to_do_and_hides_the_token() -> None:
    text = report_text(_report(), Lang.EN, "Bakkerij De Vries", "OAuth client id and client secret")
    lines = text.splitlines()
    assert "Organisation: Bakkerij De Vries" in lines and "Login with: OAuth client id and client secret" in lines
    assert f"Version: sbq-setup {__version__}" in text
    assert "Checked at: 2026-12-06 14:03 UTC" in text and "Operating system: " in text
    failed = next(n for n, line in enumerate(lines) if "GetConnector SBQ_BTW" in line)
    passed = next(n for n, line in enumerate(lines) if "Login" in line and "AFAS accepted" in line)
    assert failed < passed and lines[failed + 1].strip() == f"What to do: {LINK_IT.en}"
    assert FAKE_DATA not in text


def test_without_a_check_there_is_no_report_and_the_page_says_to_check_first(tmp_path: Path) -> None:
    r, controller = _rig(None)
    controller.copy()
    controller.save(str(tmp_path / "report"))
    assert r.page(StepId.DONE).messages(Level.ERROR) == [NO_REPORT.en, NO_REPORT.en]
    assert list(tmp_path.iterdir()) == []


def test_the_copied_report_is_on_the_clipboard_and_the_page_says_so(qapp: QApplication) -> None:
    r, controller = _rig(_report())
    controller.copy()
    copied = qapp.clipboard().text()
    assert copied.startswith("SmartBooqing AFAS check") and "Login with: OAuth client id" in copied
    assert FAKE_DATA not in copied
    assert r.page(StepId.DONE).told("report_copied") == [()]


@pytest.mark.parametrize("lang", [Lang.EN, Lang.NL])
def test_the_saved_report_is_three_files_named_on_the_page(tmp_path: Path, lang: Lang) -> None:
    r, controller = _rig(_report())
    r.state.lang = lang
    controller.save(str(tmp_path / "helpdesk"))
    files = [tmp_path / f"helpdesk{suffix}" for suffix in (".html", ".json", ".txt")]
    assert all(f.is_file() for f in files)
    assert all(FAKE_DATA not in f.read_text(encoding="utf-8") for f in files)
    assert ("Organisatie" if lang is Lang.NL else "Organisation") in files[2].read_text(encoding="utf-8")
    ((level, text),) = r.page(StepId.DONE).told("show_message")
    assert level is Level.OK and all(str(f) in text for f in files)
