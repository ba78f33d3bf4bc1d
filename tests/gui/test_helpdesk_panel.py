"""Issue 22 item 5 in the window: "Info for the helpdesk" shows the session's facts and exports them, with the last
report and the log, as one zip. (The report copied for a mail: tests/controllers/test_helpdesk_report.py.)"""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests.gui.conftest import WindowFactory
from wizard.domain.checks import CheckId, CheckResult, Status
from wizard.domain.environment import parse_environment
from wizard.domain.text import Lang, Text
from wizard.flow.state import AuthKind, TokenStorage, VerificationSummary, WizardState
from wizard.ui.frame import Button
from wizard.verify.report import Report

pytestmark = pytest.mark.gui

FAILING = Text(en="GetConnector SBQ_BTW", nl="GetConnector SBQ_BTW")


def _report() -> Report:
    return Report(
        environment="O12345AA",
        base_url="https://12345.rest.afas.online/ProfitRestServices",
        started_at=dt.datetime(2026, 12, 6, 14, 3, tzinfo=dt.UTC),
        checks=[
            CheckResult(
                id=CheckId("get:SBQ_BTW"),
                status=Status.FAIL,
                title=FAILING,
                message=Text(en="Not linked.", nl="Niet gekoppeld."),
            )
        ],
    )


def _state(lang: Lang) -> WizardState:
    return WizardState(
        lang=lang,
        organisation="Bakkerij De Vries",
        environment=parse_environment("O12345AA"),
        auth_choice=AuthKind.OAUTH,
        token_storage=TokenStorage(
            persistent=False,
            location_en="in memory, for this session only",
            location_nl="in het geheugen, alleen voor deze sessie",
        ),
        verification=VerificationSummary(
            passed=30, failed=1, checked_at=dt.datetime(2026, 12, 6, 14, 3, tzinfo=dt.UTC), failing=(FAILING,)
        ),
    )


@pytest.mark.parametrize("lang", [Lang.EN, Lang.NL])
def test_the_panel_names_the_login_where_it_is_kept_and_what_failed(make_window: WindowFactory, lang: Lang) -> None:
    window = make_window(state=_state(lang), lang=lang)
    window.button(Button.HELPDESK).click()
    text = window._helpdesk.facts.toPlainText()
    nl = lang is Lang.NL
    assert ("in het geheugen" if nl else "in memory") in text and "nergens" not in text.split("Sleutelbos")[0]
    assert ("OAuth client id en client secret" if nl else "OAuth client") in text
    assert ("Huidige stap:" if nl else "Current step:") in text and ("Welkom" if nl else "Welcome") in text
    assert "14:03 UTC" in text and "GetConnector SBQ_BTW" in text
    window._helpdesk.close()


def test_the_panel_exports_one_zip_with_the_report(make_window: WindowFactory, tmp_path: Path) -> None:
    window = make_window(state=_state(Lang.EN))
    window.controller.verification.last_report = _report()
    window.show_helpdesk()
    dialog = window._helpdesk
    assert dialog.export_button.isVisible() and dialog.export_button.accessibleName()
    dialog.export_to(tmp_path / "for-helpdesk")
    target = tmp_path / "for-helpdesk.zip"
    with zipfile.ZipFile(target) as archive:
        names = {Path(n).name for n in archive.namelist()}
        facts = json.loads(archive.read("sbq-setup-helpdesk/diagnose.json"))
        html = archive.read("sbq-setup-helpdesk/report.html").decode()
    assert {"README.txt", "diagnose.txt", "diagnose.json", "report.html", "report.json"} <= names
    assert facts["login"] == "oauth" and facts["failing_checks"] == ["GetConnector SBQ_BTW"]
    assert "Not linked." in html
    assert str(target) in dialog.copied.text()
    dialog.export_to(tmp_path / "missing" / "x.zip")
    assert "could not be written" in dialog.copied.text()
    dialog.close()


def test_a_long_value_wraps_under_itself_not_under_the_labels(make_window: WindowFactory, qtbot: Any) -> None:
    """'What to do' and the last check run over several lines in the panel: their second line starts where the
    value starts, so the labels' column stays empty and readable."""
    window = make_window(state=_state(Lang.NL), lang=Lang.NL)
    window.button(Button.HELPDESK).click()
    facts = window._helpdesk.facts
    facts.resize(420, 400)  # narrow, as at 1024x600: the long values wrap
    qtbot.waitUntil(lambda: facts.document().size().width() <= 420)
    wrapped = 0
    block = facts.document().begin()
    while block.isValid():
        lines = block.layout()
        value_at = block.text().index(":") + 1
        value_at += len(block.text()[value_at:]) - len(block.text()[value_at:].lstrip(" "))
        if lines.lineCount() > 1:
            wrapped += 1
            found: Any = lines.lineAt(0).cursorToX(value_at)  # PySide6: (x, position)
            start = float(found[0])
            assert abs(lines.lineAt(1).x() - start) < 2, block.text()[:40]
        block = block.next()
    assert wrapped
    window._helpdesk.close()
