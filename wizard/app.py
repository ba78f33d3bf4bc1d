"""The composition root of the desktop wizard: the one place that builds Qt, the stores, the simulator and the window.

Qt is imported only inside `run_gui`, so the CLI's subcommands never pay for it.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

from wizard.cli.common import ExitCode, lang_of, say
from wizard.desktop.display import has_display
from wizard.domain.text import Lang, Text

if TYPE_CHECKING:
    from wizard.ui.frame import WizardWindow

NO_DISPLAY = Text(
    en="No display found, so the wizard cannot open here. To walk the demo without a screen, run: "
    "sbq-setup --demo --tour DIR",
    nl="Geen beeldscherm gevonden, dus de wizard kan hier niet openen. Om de demo zonder scherm te doorlopen: "
    "sbq-setup --demo --tour MAP",
)


def main(argv: Sequence[str] | None = None) -> int:
    """The `sbq-setup` command: the CLI, with the wizard as what runs without a subcommand."""
    from wizard.cli.main import main as cli_main

    return cli_main(argv, gui=_gui)


def _gui(args: argparse.Namespace) -> int:
    from wizard.ui.startup_error import run_gui_or_explain  # Qt only when the wizard is really wanted

    return run_gui_or_explain(run_gui, args)


def default_export_folder() -> Path:
    # Documents, unless it is on the network, synced by OneDrive or unwritable (then a local folder; see the module).
    from wizard.desktop.export_folder import default_export_choice

    return default_export_choice().folder


def run_gui(args: argparse.Namespace) -> int:
    lang = lang_of(args)
    tour = getattr(args, "tour", None)
    demo = bool(getattr(args, "demo", False))
    if not has_display():
        if not tour:
            say(NO_DISPLAY, lang, sys.stderr)
            return ExitCode.BAD_INPUT
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # the tour needs no screen

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "sbq-setup"])
    assert isinstance(app, QApplication)
    app.setApplicationName("SmartBooqing AFAS Setup")
    app.setOrganizationName("SmartBooqing")
    with ExitStack() as stack:
        migrate = bool(getattr(args, "migrate", False))  # the tour's move starts from a working classic setup
        window = build_window(lang=lang, demo=demo, stack=stack, scenario="ready" if migrate else "fresh")
        autopilot = None
        if tour:
            from wizard.ui.tour import Autopilot

            autopilot = Autopilot(window, Path(tour), auth=getattr(args, "auth", None), migrate=migrate)
            autopilot.start()
        window.show()
        app.exec()
        window.controller.shutdown()
        if autopilot is not None:
            return autopilot.exit_code if autopilot.exit_code is not None else ExitCode.DEFECTS
        # Closing the wizard early is not an error: the progress is saved and it resumes next time.
        return ExitCode.OK


def build_window(*, lang: Lang, demo: bool, stack: ExitStack, scenario: str = "fresh") -> WizardWindow:
    """Wire everything; `stack` stops the simulator when the wizard closes."""
    from PySide6.QtWidgets import QApplication

    from wizard.data import load_manifest
    from wizard.flow.machine import WizardMachine
    from wizard.flow.state import WizardState
    from wizard.stores.secrets import SessionSecretStore, default_secret_store
    from wizard.ui.frame import WizardWindow
    from wizard.ui.i18n import Translations
    from wizard.ui.services import Services

    app = QApplication.instance()
    assert app is not None
    translations = Translations(app)
    translations.install_at_start(lang)  # a missing catalogue: a message box, then exit 3 (cli.common.guarded)
    manifest = load_manifest()
    if demo:
        from wizard.sim import SimulatorServer

        server = SimulatorServer(scenario=scenario)
        server.start()
        stack.callback(server.stop)
        # Demo tokens are throwaway: they live in memory, never in the user's real keyring.
        services = Services(
            manifest=manifest,
            secret_store=SessionSecretStore(),
            session_store=SessionSecretStore(),
            default_export_folder=Path(tempfile.gettempdir()) / "sbq-demo-connectors",
            sim=server.admin(),  # carries the run's admin key
            demo_environment=server.environment,
        )
    else:
        from wizard.stores.progress import ProgressStore

        services = Services(
            manifest=manifest,
            secret_store=default_secret_store(),
            session_store=SessionSecretStore(),
            default_export_folder=default_export_folder(),
            progress=ProgressStore(),
        )
    machine = WizardMachine(manifest, WizardState(lang=lang, demo=demo))
    return WizardWindow(machine, services, translations)
