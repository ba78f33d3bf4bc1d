"""GUI test fixtures: a wizard window wired like the composition root, with injectable stores and verification."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from wizard.data import load_manifest
from wizard.domain.credentials import Credential
from wizard.domain.environment import AfasEnvironment
from wizard.domain.text import Lang, Text
from wizard.flow.machine import WizardMachine
from wizard.flow.state import WizardState
from wizard.ui.frame import WizardWindow
from wizard.ui.i18n import Translations
from wizard.ui.services import Services, probe_afas
from wizard.verify import planned_checks, verify
from wizard.verify.probe import ProbeResult, Verdict

pytestmark = pytest.mark.gui


@pytest.fixture
def translations(qapp: QApplication) -> Iterator[Translations]:
    t = Translations(qapp)
    t.install(Lang.EN)
    yield t
    t.install(Lang.EN)  # the next test starts in English whatever this one switched to


@pytest.fixture
def sim_server() -> Iterator[Any]:
    from wizard.sim import SimulatorServer

    server = SimulatorServer(scenario="fresh")
    server.start()
    try:
        yield server
    finally:
        server.stop()


def session_store() -> Any:
    from wizard.stores.secrets import SessionSecretStore

    return SessionSecretStore()


WindowFactory = Callable[..., WizardWindow]


async def offline_probe(env: AfasEnvironment, credential: Credential, *, lang: Lang = Lang.EN) -> ProbeResult:
    """The probe of a GUI test without a simulator: AFAS is not asked, the details count as working."""
    return ProbeResult(Verdict.WORKS, Text(en="AFAS accepts these details (test).", nl="AFAS accepteert ze (test)."))


@pytest.fixture
def make_window(qtbot: Any, translations: Translations, tmp_path: Path) -> Iterator[WindowFactory]:
    windows: list[WizardWindow] = []

    def make(
        *,
        demo: bool = False,
        lang: Lang = Lang.EN,
        state: WizardState | None = None,
        **overrides: Any,
    ) -> WizardWindow:
        manifest = load_manifest()
        kwargs: dict[str, Any] = {
            "manifest": manifest,
            "secret_store": overrides.pop("secret_store", None) or session_store(),
            "session_store": overrides.pop("session_store", None) or session_store(),
            "default_export_folder": tmp_path / "connectors",
            "verify": verify,
            "planned": planned_checks,
            # Without a simulator nothing may reach the network: storing login details is not probed for real.
            "probe": overrides.pop("probe", None) or (probe_afas if "sim" in overrides else offline_probe),
        }
        kwargs.update(overrides)
        services = Services(**kwargs)
        translations.install(lang)
        machine = WizardMachine(manifest, state or WizardState(lang=lang, demo=demo))
        window = WizardWindow(machine, services, translations)
        window.ask_to_leave = lambda _question: True  # closing at teardown: no question box to wait for
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.controller.shutdown()


def next_page(window: WizardWindow) -> None:
    window.next()
