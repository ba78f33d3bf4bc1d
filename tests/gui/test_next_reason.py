"""The line above a greyed-out Next: what to do, in words that continue "Next is not possible yet:", inset from the
window's edge like the page's text, on every page that shows it rather than a fuller hint under its body."""

from __future__ import annotations

import pytest

from tests.gui.conftest import WindowFactory
from wizard.domain.environment import parse_environment
from wizard.domain.steps import StepId
from wizard.domain.text import Lang
from wizard.flow.migration import MigrationState
from wizard.flow.state import AuthKind, WizardState
from wizard.ui.frame import Button, WizardWindow
from wizard.ui.pages.base import StepPage

pytestmark = pytest.mark.gui


def _state(lang: Lang, **more: object) -> WizardState:
    return WizardState(lang=lang, organisation="Bakkerij De Vries", environment=parse_environment("O12345AA"), **more)  # type: ignore[arg-type]


def _reason_at(window: WizardWindow, step: StepId) -> tuple[StepPage, str]:
    window.go_to(step)
    page = window.current_page()
    assert page.step is step and not window.button(Button.NEXT).isEnabled()
    assert page.next_reason.isVisible()
    return page, page.next_reason.text()


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (Lang.EN, "Next is not possible yet: paste the client id and client secret, then press 'Store securely'"),
        (Lang.NL, "Volgende kan nog niet: plak het client id en het client secret en klik dan op 'Veilig bewaren'"),
    ],
)
def test_the_login_details_say_what_to_paste_and_which_button_stores_them(
    make_window: WindowFactory, lang: Lang, expected: str
) -> None:
    window = make_window(state=_state(lang, auth_choice=AuthKind.OAUTH), lang=lang)
    page, text = _reason_at(window, StepId.TOKEN)
    assert text == expected
    # Inset like the page's text, not flush against the window's right edge.
    label = page.next_reason
    right = label.mapTo(window, label.contentsRect().topRight()).x()
    assert window.width() - right >= 15, (window.width(), right)
    # On its own in Next's tooltip it starts with a capital.
    assert window.button(Button.NEXT).toolTip()[0].isupper()


def test_a_classic_token_is_named_as_such(make_window: WindowFactory) -> None:
    window = make_window(state=_state(Lang.EN, auth_choice=AuthKind.CLASSIC))
    assert _reason_at(window, StepId.TOKEN)[1].endswith(": paste the token, then press 'Store securely'")


def test_the_app_connector_names_the_one_box_that_decides(make_window: WindowFactory) -> None:
    window = make_window(state=_state(Lang.NL, auth_choice=AuthKind.CLASSIC), lang=Lang.NL)
    page, text = _reason_at(window, StepId.APP_CONNECTOR)
    created = page.checklist.boxes["created"]  # type: ignore[attr-defined]
    assert text == f"Volgende kan nog niet: vink '{created.accessibleName()}' aan zodra AFAS de app connector toont"
    page.checklist.boxes["unblocked"].click()  # type: ignore[attr-defined]
    assert created.accessibleName() in page.next_reason.text()  # the other box does not open Next
    created.click()
    assert window.button(Button.NEXT).isEnabled() and not page.next_reason.isVisible()


def test_the_move_to_oauth_names_the_stage_to_finish(make_window: WindowFactory) -> None:
    window = make_window(state=_state(Lang.NL, migration=MigrationState()), lang=Lang.NL)
    page, text = _reason_at(window, StepId.MIGRATE)
    first = page.boxes[next(iter(page.boxes))]  # type: ignore[attr-defined]
    assert first.title.startswith("1. ")
    assert text == f"Volgende kan nog niet: rond eerst stap '{first.title}' af"


def test_a_check_without_login_details_says_to_store_them(make_window: WindowFactory) -> None:
    window = make_window(state=_state(Lang.NL, auth_choice=AuthKind.CLASSIC), lang=Lang.NL)
    assert _reason_at(window, StepId.VERIFY)[1] == (
        "Volgende kan nog niet: bewaar eerst de inloggegevens (de knop hierboven)"
    )
