"""The GUI with the real stores: an in-memory keyring backend, no keyring, a real Secret Service, saved progress."""

from __future__ import annotations

from pathlib import Path

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.compat import properties
from keyring.errors import PasswordDeleteError

from tests.conftest import FAKE_DATA, FAKE_XML
from tests.gui.conftest import WindowFactory
from tests.gui.secret_scan import leaks
from wizard.domain.environment import parse_environment
from wizard.domain.steps import StepId
from wizard.flow.state import Mode, TokenStorage, WizardState
from wizard.stores.progress import ProgressStore
from wizard.stores.secrets import KeyringSecretStore
from wizard.ui.frame import WizardWindow
from wizard.ui.pages.environment import EnvironmentPage
from wizard.ui.pages.import_files import ImportPage
from wizard.ui.pages.token import TokenPage
from wizard.ui.pages.welcome import WelcomePage

pytestmark = pytest.mark.gui

FORMS = (FAKE_XML, FAKE_DATA, FAKE_DATA.lower())


class MemoryKeyring(KeyringBackend):
    """Test-only backend; its priority raises so keyring never picks it by itself."""

    @properties.classproperty
    def priority(cls) -> float:  # noqa: N805
        raise RuntimeError("test-only backend")

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError("not found")


def _token_page(make_window: WindowFactory, store: KeyringSecretStore) -> tuple[WizardWindow, TokenPage]:
    state = WizardState(organisation="Bakkerij", environment=parse_environment("O12345AA"), mode=Mode.CHECK_EXISTING)
    window = make_window(state=state, secret_store=store)
    window.next()
    window.next()
    page = window.pages[StepId.TOKEN]
    assert isinstance(page, TokenPage)
    return window, page


def _storage(window: WizardWindow) -> TokenStorage | None:
    return window.machine.state.token_storage


def _step(window: WizardWindow) -> StepId:
    return window.current_step


def _settle(qtbot, window: WizardWindow) -> None:
    """Progress is written off the GUI thread after a pause in typing: wait for that, as a user's pause would."""
    controller = window.controller
    qtbot.waitUntil(lambda: controller.progress.idle and not controller.worker.busy, timeout=15_000)


def _store(qtbot, page: TokenPage, button: str = "store_button") -> None:
    page.token_edit.setText(FAKE_XML)
    getattr(page, button).click()
    qtbot.waitUntil(lambda: not page.busy, timeout=15_000)


def test_token_goes_into_the_keyring_under_its_environment(make_window: WindowFactory, qtbot) -> None:
    backend = MemoryKeyring()
    window, page = _token_page(make_window, KeyringSecretStore(backend=backend))
    _store(qtbot, page)
    storage = window.machine.state.token_storage
    assert storage is not None and storage.persistent
    assert [user for (_service, user) in backend.entries] == ["O12345"]
    assert FAKE_DATA in next(iter(backend.entries.values())).upper()
    assert leaks(window, FORMS) == []
    assert page.isComplete()


def test_no_keyring_available_says_so_and_offers_this_session_only(
    make_window: WindowFactory, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    window, page = _token_page(make_window, KeyringSecretStore(backend=fail.Keyring()))
    _store(qtbot, page)
    assert _storage(window) is None and not page.isComplete()
    assert page.stored.text().startswith("✖") and page.session_button.isVisibleTo(page)
    _store(qtbot, page, button="session_button")
    storage = _storage(window)
    assert storage is not None and not storage.persistent
    assert "session" in storage.location_en
    assert list(tmp_path.iterdir()) == []  # never a plain-text file
    assert leaks(window, FORMS) == []


@pytest.mark.secret_service
def test_real_secret_service_stores_and_a_later_check_finds_it(
    make_window: WindowFactory, qtbot, secret_service: KeyringBackend
) -> None:
    window, page = _token_page(make_window, KeyringSecretStore(backend=secret_service))
    _store(qtbot, page)
    assert window.machine.state.token_storage is not None, page.stored.text()
    assert leaks(window, FORMS) == []
    # A new session in "check an existing connection" mode finds the token without pasting it again.
    later, later_page = _token_page(make_window, KeyringSecretStore(backend=secret_service))
    qtbot.waitUntil(lambda: later.machine.state.token_storage is not None, timeout=15_000)
    assert later_page.isComplete() and later_page.replace_button.isVisibleTo(later_page)
    assert leaks(later, FORMS) == []
    KeyringSecretStore(backend=secret_service).delete("O12345")


def test_progress_is_saved_per_organisation_and_resumed(make_window: WindowFactory, qtbot, tmp_path: Path) -> None:
    store = ProgressStore(tmp_path / "progress")
    window = make_window(progress=store, secret_store=KeyringSecretStore(backend=MemoryKeyring()))
    window.next()
    env = window.pages[StepId.ENVIRONMENT]
    assert isinstance(env, EnvironmentPage)
    qtbot.keyClicks(env.org_edit, "Bakkerij De Vries")
    qtbot.keyClicks(env.env_edit, "O12345AA")
    window.next()
    window.machine.state.exported, window.machine.state.export_folder = True, str(tmp_path)
    window.next()
    imp = window.pages[StepId.IMPORT]
    assert isinstance(imp, ImportPage)
    first = next(iter(imp.checklist.boxes.values()))
    first.click()
    _settle(qtbot, window)
    assert [p.organisation for p in store.list()] == ["Bakkerij De Vries"]
    assert FAKE_DATA not in "".join(p.read_text() for p in (tmp_path / "progress").rglob("*") if p.is_file())

    later = make_window(progress=store, secret_store=KeyringSecretStore(backend=MemoryKeyring()))
    welcome = later.pages[StepId.WELCOME]
    assert isinstance(welcome, WelcomePage)
    _settle(qtbot, later)
    assert welcome.resume_button.isVisibleTo(welcome)
    assert "Bakkerij De Vries" in welcome.resume_combo.currentText()
    welcome.resume_button.click()
    _settle(qtbot, later)
    assert later.current_step is StepId.IMPORT  # the first step not finished
    page = later.pages[StepId.IMPORT]
    assert isinstance(page, ImportPage)
    assert [box.isChecked() for box in page.checklist.boxes.values()].count(True) == 1
    later.back()
    assert _step(later) is StepId.CONNECTOR_FILES  # Back works after resuming
