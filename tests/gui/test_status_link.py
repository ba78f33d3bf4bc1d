"""afasstatus.nl is a real link wherever AFAS's maintenance (or another impossible-right-now) text appears: the
check's panel and result rows, the link step's live line, the credential page's answer on storing. A keyboard
reaches it and Enter opens it; its words are said once per page (issue 20 item 5)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from tests.gui.conftest import WindowFactory
from tests.gui.test_verify_page import _impossible, _ready_state, _run, _t, scripted
from wizard.domain.checks import CheckId, CheckResult, Status
from wizard.domain.steps import StepId
from wizard.ui.pages import status_link
from wizard.ui.pages.link_connectors import LinkConnectorsPage
from wizard.ui.pages.token import TokenPage
from wizard.ui.widgets import Level

pytestmark = pytest.mark.gui

MAINTENANCE = "AFAS is in maintenance; try again later (see afasstatus.nl)"


def _opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    urls: list[str] = []
    monkeypatch.setattr(status_link, "open_link", urls.append)
    return urls


def _follow_with_keyboard(qtbot: Any, window: QWidget, label: QLabel) -> None:
    """Tab through the window until the label has the focus, then Tab onto its link and press Enter."""
    for _ in range(80):
        if window.focusWidget() is label:
            break
        qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Tab)
    assert window.focusWidget() is label, "the link is not in the Tab order"
    qtbot.keyClick(label, Qt.Key.Key_Tab)  # onto the link inside the label
    qtbot.keyClick(label, Qt.Key.Key_Return)


def _shown_with(page: QWidget, words: str) -> list[QLabel]:
    return [w for w in page.findChildren(QLabel) if w.isVisibleTo(page) and words in w.text()]


def test_the_checks_panel_links_afasstatus_and_a_keyboard_opens_it(
    make_window: WindowFactory, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    urls = _opened(monkeypatch)
    cause = _impossible("auth").model_copy(update={"message": _t(MAINTENANCE)})
    skipped = [
        CheckResult(id=CheckId(f"get:C{i}"), status=Status.SKIP, title=_t(f"C{i}"), message=_t("-")) for i in range(3)
    ]
    page = _run(make_window, qtbot, [cause, *skipped])
    assert '<a href="https://afasstatus.nl">afasstatus.nl</a>' in page.tried.text()
    assert "afasstatus.nl" in page.tried.accessibleName() and "Enter" in page.tried.accessibleDescription()
    assert len(_shown_with(page, "maintenance")) == 1  # said once on the page: not again in the rows
    page.again_button.setFocus()
    _follow_with_keyboard(qtbot, page.window(), page.tried)
    assert urls == ["https://afasstatus.nl"]


def test_a_result_row_naming_afasstatus_links_it(make_window: WindowFactory, qtbot: Any) -> None:
    # A note in a row (not the impossible panel): the link there too, every other character still plain text.
    note = CheckResult(
        id=CheckId("token-sunset"),
        status=Status.INFO,
        title=_t("Planned maintenance"),
        message=_t("AFAS plans maintenance <b>tonight</b>; see afasstatus.nl."),
    )
    page = _run(make_window, qtbot, [note])
    detail = page.rows["token-sunset"].detail
    assert '<a href="https://afasstatus.nl">' in detail.text()
    assert "&lt;b&gt;tonight&lt;/b&gt;" in detail.text()  # AFAS's words stay words
    assert detail.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_the_link_steps_live_line_links_afasstatus_and_is_no_warning(make_window: WindowFactory) -> None:
    window = make_window(state=_ready_state())
    page = window.pages[StepId.LINK_CONNECTORS]
    assert isinstance(page, LinkConnectorsPage)
    page.show_live(None, MAINTENANCE, paused=False)
    assert page.live.level is Level.INFO  # impossible right now is no defect of the setup
    assert "Warning" not in page.live.accessibleName()
    assert '<a href="https://afasstatus.nl">' in page.live.text()
    assert page.live.textInteractionFlags() & Qt.TextInteractionFlag.LinksAccessibleByKeyboard
    window.machine.state.set_tick(StepId.LINK_CONNECTORS, "get:SBQ_BTW")
    page.refresh()  # a refresh says no hint over why AFAS could not be read
    assert "afasstatus.nl" in page.live.accessibleName()


def test_the_credential_pages_answer_links_afasstatus(make_window: WindowFactory) -> None:
    window = make_window(state=_ready_state(), verify=scripted([]))
    page = window.pages[StepId.TOKEN]
    assert isinstance(page, TokenPage)
    page.show_probe(Level.WARN, "Stored, but not proven yet. " + MAINTENANCE)
    assert '<a href="https://afasstatus.nl">' in page.probe.text()
    assert page.probe.focusPolicy() & Qt.FocusPolicy.TabFocus
    page.show_probe(Level.OK, "AFAS accepts these details.")  # a later answer without the link: plain again
    assert "<a" not in page.probe.text() and not page.probe.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_a_result_row_naming_the_helpdesk_links_its_address(
    make_window: WindowFactory, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "Not in the list? … contact the SmartBooqing helpdesk (helpdesk@…)": the address starts an e-mail.
    urls = _opened(monkeypatch)
    missing = CheckResult(
        id=CheckId("get:Precal_Landen"),
        status=Status.FAIL,
        title=_t("GetConnector Precal_Landen"),
        message=_t("Precal_Landen is not linked to the app connector."),
        remedy=_t("Not in the list? Contact the SmartBooqing helpdesk (helpdesk@smartbooqing.com)."),
        fix_step=StepId.LINK_CONNECTORS,
    )
    page = _run(make_window, qtbot, [missing])
    detail = page.rows["get:Precal_Landen"].detail
    assert '<a href="mailto:helpdesk@smartbooqing.com">helpdesk@smartbooqing.com</a>' in detail.text()
    assert "e-mail" in detail.accessibleDescription() and "afasstatus" not in detail.accessibleDescription()
    detail.linkActivated.emit("mailto:helpdesk@smartbooqing.com")
    assert urls == ["mailto:helpdesk@smartbooqing.com"]
