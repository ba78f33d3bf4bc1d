"""The verification page with a scripted verification: results as they arrive, remedies, jumps, report files.

The real verification against the real simulator runs in test_demo_walk.py; here the results are scripted so
each rendering rule is checked on its own.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr

from tests.conftest import FAKE_DATA
from tests.gui.conftest import WindowFactory
from wizard.domain.checks import CheckId, CheckResult, Status
from wizard.domain.credentials import ClassicToken
from wizard.domain.environment import parse_environment
from wizard.domain.steps import StepId
from wizard.domain.text import Lang, Text
from wizard.flow.state import TokenStorage, WizardState
from wizard.ui.frame import WizardWindow
from wizard.ui.pages import verify as verify_module
from wizard.ui.pages.verify import VerifyPage

pytestmark = pytest.mark.gui


# Reads like the record it replaced; builds the real CheckResult wizard.verify hands over.
def Check(  # noqa: PLR0917
    check_id: str,
    status: str,
    title: Text,
    message: Text,
    remedy: Text | None = None,
    fix_step: StepId | None = None,
) -> CheckResult:
    return CheckResult(
        id=CheckId(check_id), status=Status(status), title=title, message=message, remedy=remedy, fix_step=fix_step
    )


@dataclass
class Report:
    checks: list[CheckResult]
    saved: list[str] = field(default_factory=list)
    profit_version: str | None = None
    app_connector: str | None = None

    def to_html(self, lang: Lang) -> str:
        return f"<html lang='{lang.value}'>{len(self.checks)}</html>"

    def to_json(self, lang: Lang) -> str:
        return json.dumps({"checks": [c.id for c in self.checks], "lang": lang.value})


def scripted(checks: list[CheckResult], gate: asyncio.Event | None = None) -> Callable[..., Any]:
    async def verify(env: Any, credential: Any, *, lang: Lang = Lang.EN, on_result: Any = None) -> Report:
        assert credential.to_storage()  # the controller hands over the real credential
        for check in checks:
            if on_result is not None:
                on_result(check)
            await asyncio.sleep(0)
        return Report(checks)

    return verify


def _t(en: str) -> Text:
    return Text(en=en, nl=en)


PASS_AUTH = Check("auth", "pass", _t("Token accepted"), _t("AFAS accepted the token."))
FAIL_BTW = Check(
    "get:SBQ_BTW",
    "fail",
    _t("GetConnector SBQ_BTW"),
    _t("SBQ_BTW is not linked to the app connector."),
    _t("Link SBQ_BTW on the tab GetConnectoren."),
    StepId.LINK_CONNECTORS,
)
PASS_FI = Check("update:FiInvoice", "pass", _t("UpdateConnector FiInvoice"), _t("Linked."))


def _ready_state() -> WizardState:
    state = WizardState(organisation="Bakkerij", environment=parse_environment("O12345AA"))
    state.credential = ClassicToken(data=SecretStr(FAKE_DATA))
    state.token_storage = TokenStorage(persistent=False, location_en="this session only", location_nl="sessie")
    return state


def _walk_to_verify(window: WizardWindow) -> VerifyPage:
    m = window.machine
    m.state.exported, m.state.export_folder = True, "/x"
    for step in (StepId.IMPORT, StepId.APP_CONNECTOR, StepId.DOSSIER):
        m.tick_all(step)
    m.tick_all(StepId.LINK_CONNECTORS, [i for i in m.items(StepId.LINK_CONNECTORS) if i != "get:SBQ_BTW"])
    m.state.set_tick(StepId.LINK_CONNECTORS, "get:SBQ_BTW")
    while window.current_step is not StepId.VERIFY:
        window.next()
    page = window.pages[StepId.VERIFY]
    assert isinstance(page, VerifyPage)
    return page


def test_failing_check_shows_remedy_and_leads_back_to_its_step(make_window: WindowFactory, qtbot) -> None:
    checks = [PASS_AUTH, FAIL_BTW, PASS_FI]
    window = make_window(
        state=_ready_state(), verify=scripted(checks), planned=lambda m: [(c.id, c.title) for c in checks]
    )
    page = _walk_to_verify(window)
    qtbot.waitUntil(lambda: not page.running, timeout=10_000)
    row = page.rows["get:SBQ_BTW"]
    assert row.head.text().startswith("✖ Failed")
    assert "Link SBQ_BTW on the tab GetConnectoren." in row.detail.text()
    assert page.rows["auth"].head.text().startswith("✔ Passed")
    assert "1 of 3 checks failed" in page.summary.text()
    # Next leads on to the helpdesk report instead of a dead end (issue 11 item 6); the step stays incomplete.
    assert page.isComplete() and not window.machine.is_complete(StepId.VERIFY)
    fix = page.fix_buttons[StepId.LINK_CONNECTORS]  # one button per step now, not one per check
    assert fix.isVisibleTo(page) and "Link connectors" in fix.text()
    fix.click()
    assert window.current_step is StepId.LINK_CONNECTORS


def test_all_passing_enables_done_and_report_is_saved(
    make_window: WindowFactory, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checks = [PASS_AUTH, PASS_FI]
    window = make_window(
        state=_ready_state(), verify=scripted(checks), planned=lambda m: [(c.id, c.title) for c in checks]
    )
    page = _walk_to_verify(window)
    qtbot.waitUntil(page.isComplete, timeout=10_000)
    assert "All 2 checks passed" in page.summary.text()
    target = tmp_path / "report"
    monkeypatch.setattr(verify_module, "ask_report_path", lambda *a: str(target))
    page.save_button.click()
    qtbot.waitUntil((tmp_path / "report.json").exists, timeout=10_000)
    assert json.loads((tmp_path / "report.json").read_text())["checks"] == ["auth", "update:FiInvoice"]
    assert (tmp_path / "report.html").read_text().startswith("<html")
    window.next()
    assert window.current_step is StepId.DONE


# -- issue 11: three outcomes, honest statuses, announced results ---------------------------------------------------
INFO_SUNSET = Check(
    "token-sunset", "info", _t("Classic token end of life"), _t("Classic tokens stop working after 2027."), _t("Later.")
)
MANUAL_DOSSIER = Check(
    "attachments",
    "manual",
    _t("Ready for attachments"),
    _t("The dossier item type's destinations cannot be verified remotely: check them once by hand."),
    None,
    StepId.DOSSIER,
)


def _impossible(check_id: str) -> CheckResult:
    return CheckResult(
        id=CheckId(check_id),
        status=Status.FAIL,
        title=_t("Token and app connector"),
        message=_t("AFAS is in maintenance"),
        remedy=_t("Try again later."),
        detail="HTTP 503",
        impossible=True,
    )


def _run(make_window: WindowFactory, qtbot: Any, checks: list[CheckResult]) -> VerifyPage:
    window = make_window(
        state=_ready_state(), verify=scripted(checks), planned=lambda m: [(c.id, c.title) for c in checks]
    )
    page = _walk_to_verify(window)
    qtbot.waitUntil(lambda: not page.running and page.verdict is not None, timeout=10_000)
    return page


def test_all_in_order_shows_notes_as_information_not_warnings(make_window: WindowFactory, qtbot) -> None:
    page = _run(make_window, qtbot, [PASS_AUTH, PASS_FI, INFO_SUNSET, MANUAL_DOSSIER])
    assert page.outcome.text() == "✔ All in order"
    assert "⚠" not in page.summary.text() and "Warning" not in page.summary.text()
    sunset, dossier = page.rows["token-sunset"], page.rows["attachments"]
    assert sunset.head.text().startswith("ℹ For your information")
    assert dossier.head.text().startswith("ℹ Check yourself")
    assert dossier.detail.isVisibleTo(page) and "cannot be verified remotely" in dossier.detail.text()
    assert page.isComplete()  # a note and a check by hand do not hold the user back


def test_not_complete_names_what_to_fix(make_window: WindowFactory, qtbot) -> None:
    page = _run(make_window, qtbot, [PASS_AUTH, FAIL_BTW, PASS_FI])
    assert page.outcome.text() == "✖ Not complete yet"
    assert not page.tried.isVisibleTo(page)


def test_impossible_says_what_was_tried_and_folds_the_skipped_rows(make_window: WindowFactory, qtbot) -> None:
    skipped = [Check(f"get:C{i}", "skip", _t(f"C{i}"), _t("Not checked.")) for i in range(34)]
    page = _run(make_window, qtbot, [_impossible("auth"), *skipped])
    assert page.outcome.text() == "⊘ Cannot check right now"
    assert "failed" not in page.summary.text()  # no "1 of 35 checks failed"
    assert "34 checks were not done" in page.summary.text()
    tried = page.tried.text()
    assert page.tried.isVisibleTo(page)
    # What was tried is said once, in the summary; the panel says what went wrong and what to do.
    assert "https://12345.rest.afas.online/ProfitRestServices" in page.summary.text() and "HTTP 503" in tried
    assert "maintenance" in tried
    assert not any(page.rows[c.id].isVisibleTo(page) for c in skipped)
    assert "34" in page.skipped_toggle.text()
    page.skipped_toggle.click()
    assert all(page.rows[c.id].isVisibleTo(page) for c in skipped)
    assert page.rows["auth"].head.text().startswith("⊘ Could not be checked now")


def test_the_outcome_is_announced_to_screen_readers(
    make_window: WindowFactory, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    said: list[str] = []
    real = QAccessible.updateAccessibility

    def record(event: Any) -> None:
        if isinstance(event, QAccessibleAnnouncementEvent):
            said.append(event.message())
        real(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", record)
    _run(make_window, qtbot, [PASS_AUTH, FAIL_BTW, PASS_FI])
    assert any(text.startswith("Not complete yet. 1 of 3 checks failed") for text in said), said


def test_failing_check_keeps_the_page_top_in_view_when_the_fix_button_fits(make_window: WindowFactory, qtbot) -> None:
    """Arriving at the results: the first fix button gets focus, but the page does not scroll when that button is
    in view anyway (a scroll cut the intro's first line in half at 1280×720/125 %)."""
    from PySide6.QtWidgets import QScrollArea

    long = "This connector is not linked to the app connector yet; link it on the tab GetConnectoren. " * 3
    failing = [
        Check(f"get:SBQ_X{i}", "fail", _t(f"GetConnector SBQ_X{i}"), _t(long), _t(long), StepId.LINK_CONNECTORS)
        for i in range(12)
    ]
    state = _ready_state()
    state.lang = Lang.NL  # its summary takes two lines
    window = make_window(
        state=state, lang=Lang.NL, verify=scripted(failing), planned=lambda m: [(c.id, c.title) for c in failing]
    )
    window.resize(1024, 576)
    page = _walk_to_verify(window)
    qtbot.waitUntil(lambda: not page.running and page.verdict is not None, timeout=10_000)
    qtbot.wait(50)  # anything deferred to after the layout has run
    area = page.findChild(QScrollArea)
    assert area is not None and area.verticalScrollBar().maximum() > 0  # the page is taller than the window
    fix = page.fix_buttons[StepId.LINK_CONNECTORS]
    assert fix.hasFocus()
    assert area.verticalScrollBar().value() == 0
