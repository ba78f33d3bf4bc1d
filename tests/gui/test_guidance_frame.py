"""The frame's guidance: Next says why it is greyed out, the check is one click away, the step list opens any step
already reached, the helpdesk panel shows the same facts as `sbq-setup diagnose`, each AFAS step has its picture."""

from __future__ import annotations

import json
from typing import Any

import pytest
from PySide6.QtGui import QGuiApplication

from tests.conftest import FAKE_DATA
from tests.gui.conftest import WindowFactory
from wizard.domain.environment import parse_environment
from wizard.domain.steps import StepId
from wizard.domain.text import Lang
from wizard.flow.state import VerificationSummary, WizardState
from wizard.ui.frame import Button, WizardWindow
from wizard.ui.illustrations import ILLUSTRATED
from wizard.ui.widgets import CopyButton

pytestmark = pytest.mark.gui


def _at(window: WizardWindow) -> StepId:
    """The current step, read fresh each time (a property read is narrowed by mypy after an assert)."""
    return window.current_step


def _ready(**more: Any) -> WizardState:
    return WizardState(
        organisation="Bakkerij De Vries",
        environment=parse_environment("O12345AA"),
        exported=True,
        export_folder="/x",
        **more,
    )


@pytest.mark.parametrize(("lang", "expected"), [(Lang.EN, "0 of 7 ticked"), (Lang.NL, "0 van 7 aangevinkt")])
def test_a_greyed_out_next_says_why(make_window: WindowFactory, lang: Lang, expected: str) -> None:
    window = make_window(state=_ready(lang=lang), lang=lang)
    for _ in range(3):
        window.next()
    page = window.pages[StepId.IMPORT]
    assert _at(window) is StepId.IMPORT
    next_button = window.button(Button.NEXT)
    assert not next_button.isEnabled()
    hint = page.next_hint  # type: ignore[attr-defined]
    assert hint.isVisible() and expected in hint.label.text()
    assert not page.next_reason.isVisible()  # said once on the page, not again above Next
    assert expected in next_button.toolTip()  # also for whoever hovers over Next, and for a screen reader
    boxes = list(page.checklist.boxes.values())  # type: ignore[attr-defined]
    boxes[0].click()
    assert ("1 of 7" if lang is Lang.EN else "1 van 7") in hint.label.text()
    for box in boxes[1:]:
        box.click()
    assert next_button.isEnabled() and not hint.isVisible()


def test_the_check_is_one_click_away_from_an_unfinished_step(make_window: WindowFactory) -> None:
    window = make_window(state=_ready())
    check = window.button(Button.CHECK)
    assert not check.isVisible()  # the welcome page: nothing to check yet
    for _ in range(3):
        window.next()
    assert _at(window) is StepId.IMPORT and not window.button(Button.NEXT).isEnabled()
    assert check.isVisible() and "missing" in check.toolTip()
    check.click()
    assert _at(window) is StepId.VERIFY
    assert not check.isVisible()
    window.back()
    assert _at(window) is StepId.IMPORT  # Back returns to where the user was


def test_no_check_button_before_the_environment_is_known(make_window: WindowFactory) -> None:
    window = make_window()
    window.next()
    assert _at(window) is StepId.ENVIRONMENT
    assert not window.button(Button.CHECK).isVisible()


def test_the_step_list_opens_steps_already_reached(make_window: WindowFactory) -> None:
    window = make_window(state=_ready())
    steps = window.step_list.labels
    assert not steps[StepId.IMPORT].isEnabled()  # not reached yet
    for _ in range(3):
        window.next()
    assert _at(window) is StepId.IMPORT
    assert not steps[StepId.IMPORT].isEnabled()  # where the user already is
    steps[StepId.ENVIRONMENT].click()
    assert _at(window) is StepId.ENVIRONMENT
    assert steps[StepId.IMPORT].isEnabled()  # reached before: forward again in one click
    steps[StepId.IMPORT].click()
    assert _at(window) is StepId.IMPORT
    assert not steps[StepId.VERIFY].isEnabled()


def test_the_step_list_shows_states_by_icon_and_in_words(make_window: WindowFactory) -> None:
    window = make_window(state=_ready(attention=[StepId.LINK_CONNECTORS]))
    window.next()
    steps = window.step_list.labels
    assert not steps[StepId.WELCOME].icon().isNull()
    assert steps[StepId.ENVIRONMENT].accessibleName().endswith("current step")
    assert steps[StepId.WELCOME].accessibleName().endswith(": done")
    assert "needs attention" in steps[StepId.LINK_CONNECTORS].text()
    assert not any(symbol in b.text() for b in steps.values() for symbol in "▶✔○✖")


def test_the_helpdesk_panel_has_the_same_facts_as_diagnose(make_window: WindowFactory, capsys, monkeypatch) -> None:
    from wizard.cli.main import main

    monkeypatch.setenv("SBQ_AFAS_TOKEN", FAKE_DATA)  # present, never shown
    state = _ready(verification=VerificationSummary(passed=30, failed=1, skipped=4))
    window = make_window(state=state)
    window.button(Button.HELPDESK).click()
    dialog = window._helpdesk
    text = dialog.facts.toPlainText()
    assert "Organisation:" in text and "Bakkerij De Vries" in text
    assert "AFAS environment:" in text and "O12345AA" in text
    assert "30 passed" in text and "1 failed" in text
    assert "Keyring backend:" in text and "Operating system:" in text and "Version:" in text
    assert FAKE_DATA not in text
    assert main(["diagnose", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    for key in ("version", "os", "keyring_backend", "keyring"):
        assert str(data[key]) in text, key  # one function answers both
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == text
    assert "Copied" in dialog.copied.text()
    dialog.close()


def test_the_helpdesk_panel_speaks_dutch(make_window: WindowFactory) -> None:
    window = make_window(state=_ready(lang=Lang.NL), lang=Lang.NL)
    assert window.button(Button.HELPDESK).text().replace("&", "") == "Info voor de helpdesk"
    window.show_helpdesk()
    text = window._helpdesk.facts.toPlainText()
    assert "Organisatie:" in text and "Laatste controle:" in text and "(nog niet)" in text
    window._helpdesk.close()


@pytest.mark.parametrize("lang", [Lang.EN, Lang.NL])
def test_every_afas_step_shows_its_illustration_with_afas_labels(make_window: WindowFactory, lang: Lang) -> None:
    from wizard.data import load_manifest, screens

    window = make_window(lang=lang)
    assert set(ILLUSTRATED) == {
        StepId.IMPORT,
        StepId.APP_CONNECTOR,
        StepId.LINK_CONNECTORS,
        StepId.TOKEN,
        StepId.DOSSIER,
    }
    for step, page in window.pages.items():
        assert (page.illustration is not None) is (step in ILLUSTRATED), step
    svg, caption = ILLUSTRATED[StepId.APP_CONNECTOR](lang)
    blocked = screens().app_connector.fields.blocked
    assert f">{blocked.nl}<" in svg  # on the drawn screen: AFAS's own Dutch label
    group = load_manifest().app_connector.user_group_nl
    assert f">{group}<" in svg  # the group the text says to choose, not an empty box
    assert blocked.nl in caption and ("Untick" in caption if lang is Lang.EN else "Vink" in caption)
    if lang is Lang.EN:
        assert blocked.en in caption  # the English gloss for English readers
    page = window.pages[StepId.APP_CONNECTOR]
    assert page.illustration is not None and page.illustration.picture.accessibleDescription() == caption


def test_illustrations_escape_labels_and_parse_as_svg() -> None:
    from xml.etree import ElementTree

    for step, draw in ILLUSTRATED.items():
        for lang in Lang:
            svg, _ = draw(lang)
            root = ElementTree.fromstring(svg)
            assert root.tag.endswith("svg"), step


def test_a_copy_button_says_where_the_value_goes(qtbot, translations) -> None:
    button = CopyButton("SBQ_BTW", "GetConnectoren")
    qtbot.addWidget(button)
    assert button.text() == "Copy for GetConnectoren"
    assert button.accessibleName() == "Copy SBQ_BTW for GetConnectoren"
    button.click()
    assert QGuiApplication.clipboard().text() == "SBQ_BTW"
    translations.install(Lang.NL)
    button.retranslate()
    assert button.text() == "Kopiëren voor GetConnectoren"
