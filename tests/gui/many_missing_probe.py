"""Run by test_layout_many_missing.py in a process of its own (QT_SCALE_FACTOR is read when QApplication starts):
against the simulator with every one of the 24 links missing, look at the check's page and at the link step its
first fix button opens, maximised on a screen of the given size and scaling; print what scrolls sideways or is
cut off, as JSON.

    python -m tests.gui.many_missing_probe WIDTH HEIGHT SCALE LANG [DIR]   (DIR: also save the two screenshots)
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def main(argv: list[str]) -> int:
    width, height, scale, lang_code = int(argv[0]), int(argv[1]), float(argv[2]), argv[3]
    shots = Path(argv[4]) if len(argv) > 4 else None
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from wizard.ui.tour import Screen, prepare_screen

    prepare_screen(Screen((width, height), scale))
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from tests.gui.page_walk import layout_problems
    from wizard.data import load_manifest
    from wizard.domain.steps import StepId
    from wizard.domain.text import Lang
    from wizard.flow.machine import WizardMachine
    from wizard.flow.state import AuthKind, TokenStorage, WizardState
    from wizard.sim import SimulatorServer
    from wizard.stores.secrets import SessionSecretStore
    from wizard.ui.frame import WizardWindow
    from wizard.ui.i18n import Translations
    from wizard.ui.pages.link_connectors import LinkConnectorsPage
    from wizard.ui.pages.verify import VerifyPage
    from wizard.ui.palette import install
    from wizard.ui.services import Services, probe_afas
    from wizard.verify import planned_checks, verify

    app = QApplication([])
    install(app)
    lang = Lang(lang_code)

    def wait(done: Callable[[], bool]) -> None:
        deadline = time.monotonic() + 120
        while not done() and time.monotonic() < deadline:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            time.sleep(0.005)
        if not done():
            raise SystemExit("timed out")
        settle = time.monotonic() + 0.5  # what was just shown is laid out, as a user sees it a moment later
        while time.monotonic() < settle:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            time.sleep(0.005)

    found: dict[str, list[str]] = {}
    manifest = load_manifest()
    with SimulatorServer(scenario="ready") as server:
        admin = server.admin()
        for spec in manifest.connectors:
            admin.unlink(spec.kind, spec.id)  # all 24: the app connector links nothing
        translations = Translations(app)
        translations.install(lang)
        state = WizardState(
            lang=lang,
            organisation="Bakkerij De Vries B.V.",
            environment=server.environment,
            credential=server.token,
            auth_choice=AuthKind.CLASSIC,
            token_storage=TokenStorage(persistent=False, location_en="memory", location_nl="geheugen"),
        )
        services = Services(
            manifest=manifest,
            secret_store=SessionSecretStore(),
            session_store=SessionSecretStore(),
            default_export_folder=Path(tempfile.gettempdir()),
            verify=verify,
            planned=planned_checks,
            probe=probe_afas,
        )
        window = WizardWindow(WizardMachine(manifest, state), services, translations)
        window.ask_to_leave = lambda _question: True
        window.show()
        window.resize(window.screen().availableGeometry().size())  # maximised, as the tour photographs it
        window.fit_to_screen()
        window.go_to(StepId.VERIFY)
        page = window.pages[StepId.VERIFY]
        assert isinstance(page, VerifyPage)
        wait(lambda: page.verdict is not None and not page.running)
        missing = len(state.found_missing.get(StepId.LINK_CONNECTORS, []))
        found[f"verify ({missing} missing)"] = layout_problems(window)
        if shots is not None:
            window.grab().save(str(shots / f"verify-{width}x{height}-{scale:g}-{lang_code}.png"))
        first = page.first_fix_button()
        assert first is not None
        first.click()
        link = window.pages[StepId.LINK_CONNECTORS]
        assert isinstance(link, LinkConnectorsPage) and window.current_step is StepId.LINK_CONNECTORS
        wait(lambda: link._reading is not None)  # the live check has read AFAS once
        problems = layout_problems(window)
        banner = link.fix.banner
        if banner.visibleRegion().boundingRect().top() > 0:  # its first line, what the user is here for, unseen
            problems.append(f"the fix banner's first line is scrolled out of view: {banner.label.text()[:60]!r}")
        focused = window.focusWidget()
        if focused is None or focused.visibleRegion().isEmpty():
            problems.append("the focused item is out of view")
        found["link-connectors"] = problems
        if shots is not None:
            window.grab().save(str(shots / f"link-{width}x{height}-{scale:g}-{lang_code}.png"))
        found["missing"] = [str(missing)]
        window.controller.shutdown()
        window.close()
    print(json.dumps(found))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
