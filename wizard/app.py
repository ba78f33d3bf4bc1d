"""The composition root of the desktop wizard: the one place that builds Qt, the stores, the simulator and the window.

Qt is imported only inside `run_gui`, so the CLI's subcommands never pay for it; `sbq-setup --version` imports
this module too, so its top imports stay light (`TYPE_CHECKING = False` rather than importing `typing`).
"""

from __future__ import annotations

import os
import sys

from wizard.domain.text import Lang, Text

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Sequence
    from contextlib import ExitStack
    from pathlib import Path  # at run time only where a path is made: `--version` never needs pathlib
    from typing import Any

    from wizard.stores.secrets import SecretStore
    from wizard.ui.frame import WizardWindow
    from wizard.ui.services import Services

NO_DISPLAY = Text(
    en="No display found, so the wizard cannot open here. To walk the demo without a screen, run: "
    "sbq-setup --demo --tour DIR",
    nl="Geen beeldscherm gevonden, dus de wizard kan hier niet openen. Om de demo zonder scherm te doorlopen: "
    "sbq-setup --demo --tour MAP",
)

UNKNOWN_SCENARIO = Text(
    en="Unknown scenario {name}; choose one of: {names}",
    nl="Onbekend scenario {name}; kies uit: {names}",
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
    from contextlib import ExitStack

    from wizard.cli.common import ExitCode, lang_of, say
    from wizard.desktop.display import has_display

    lang = lang_of(args)
    tour = getattr(args, "tour", None)
    demo = bool(getattr(args, "demo", False))
    scenario = getattr(args, "scenario", None)
    if scenario:
        from wizard.sim.scenarios import SCENARIOS

        if scenario not in SCENARIOS:
            say(UNKNOWN_SCENARIO.format(name=scenario, names=", ".join(SCENARIOS)), lang, sys.stderr)
            return ExitCode.BAD_INPUT
    if not has_display():
        if not tour:
            say(NO_DISPLAY, lang, sys.stderr)
            return ExitCode.BAD_INPUT
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # the tour needs no screen
    tour_screen = None
    if tour:
        from wizard.ui.tour import Screen, prepare_screen  # before QApplication: screen size and scaling

        tour_screen = Screen(args.size, args.scale, args.dark) if hasattr(args, "size") else Screen()
        prepare_screen(tour_screen)

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "sbq-setup"])
    assert isinstance(app, QApplication)
    app.setApplicationName("SmartBooqing AFAS Setup")
    app.setOrganizationName("SmartBooqing")
    with ExitStack() as stack:
        migrate = bool(getattr(args, "migrate", False))  # the tour's move starts from a working classic setup
        start = "ready" if migrate else None
        # A user's start shows the window before the controller and its stores load (issue 13); the tour drives
        # the controller from its first moment, so it gets the whole window at once.
        window = build_window(lang=lang, demo=demo, stack=stack, scenario=scenario, start=start, defer=not tour)
        autopilot = None
        if tour:
            from wizard.ui.tour import Autopilot

            # A failing scenario's simulated client holds a classic token: its tour sets that up, not an OAuth client.
            auth = getattr(args, "auth", None) or ("classic" if scenario else None)
            from pathlib import Path

            autopilot = Autopilot(window, Path(tour), scenario=scenario, screen=tour_screen, auth=auth, migrate=migrate)
            autopilot.start()
        window.show()
        probe = None
        if os.environ.get("SBQ_FIRST_PAINT_PROBE") == "1":  # benchmarks/startup_bench.py: say when it is on screen
            from wizard.ui.first_paint import watch

            probe = watch(app)
        app.exec()
        del probe
        if window.start_error is not None:  # wiring after the first paint failed: explained like any start-up error
            raise window.start_error
        window.shutdown()
        if autopilot is not None:
            return autopilot.exit_code if autopilot.exit_code is not None else ExitCode.DEFECTS
        # Closing the wizard early is not an error: the progress is saved and it resumes next time.
        return ExitCode.OK


def build_window(
    *,
    lang: Lang,
    demo: bool,
    stack: ExitStack,
    scenario: str | None = None,
    start: str | None = None,
    defer: bool = False,
) -> WizardWindow:
    """Wire everything; `stack` stops the simulator when the wizard closes.

    `defer`: the window's frame, step list and first page are built now, the manifest, the stores and the
    controller right after the window's first paint (issue 13: what they import is more than the start-up budget;
    the first page and the step list need none of it, see tests/packaging/test_startup_imports.py)."""
    from PySide6.QtWidgets import QApplication

    from wizard.data import load_manifest
    from wizard.flow.machine import WizardMachine
    from wizard.flow.state import WizardState
    from wizard.ui.frame import WizardWindow
    from wizard.ui.i18n import Translations

    app = QApplication.instance()
    assert app is not None
    translations = Translations(app)
    translations.install_at_start(lang)  # a missing catalogue: a message box, then exit 3 (cli.common.guarded)
    machine = WizardMachine(load_manifest, WizardState(lang=lang, demo=demo))
    demo_server = None
    if demo:
        from wizard.sim import SimulatorServer

        # `scenario`: a failing scenario's tour (its token is handed to the tour); `start`: the demo's AFAS as it
        # begins (the move to OAuth starts from a working classic setup).
        demo_server = SimulatorServer(scenario=scenario or start or "fresh")
        demo_server.start()
        stack.callback(demo_server.stop)

    def services() -> Services:
        manifest = machine.manifest  # read now: a missing or damaged bundle stops the start here
        if demo_server is not None:
            from wizard.desktop.export_folder import demo_export_folder
            from wizard.ui.services import Services

            # Demo tokens are throwaway: they live in memory, never in the user's real keyring.
            return Services(
                manifest=manifest,
                secret_store=_on_first_use(_session_store),
                session_store=_on_first_use(_session_store),
                default_export_folder=demo_export_folder(),
                sim=demo_server.admin(),  # carries the run's admin key
                demo_environment=demo_server.environment,
                scenario_token=demo_server.token if scenario else None,
            )
        from wizard.desktop.export_folder import default_export_choice
        from wizard.stores.progress import ProgressStore
        from wizard.ui.services import Services

        choice = default_export_choice()
        return Services(
            manifest=manifest,
            secret_store=_on_first_use(_keyring_store),
            session_store=_on_first_use(_session_store),
            default_export_folder=choice.folder,
            default_export_reason=choice.reason,
            progress=ProgressStore(),
        )

    return WizardWindow(machine, services if defer else services(), translations)


# The secret stores are built when the wizard first uses them (the token step, on the worker thread):
# wizard.stores.secrets imports keyring, ~0.1 s the window does not need before it shows (issue 13).


def _keyring_store() -> SecretStore:
    from wizard.stores.secrets import default_secret_store

    return default_secret_store()


def _session_store() -> SecretStore:
    from wizard.stores.secrets import SessionSecretStore

    return SessionSecretStore()


def _on_first_use(make: Callable[[], SecretStore]) -> SecretStore:
    from typing import cast

    return cast("SecretStore", _StoreOnFirstUse(make))


class _StoreOnFirstUse:
    """Stands in for a SecretStore: the first attribute looked up builds the real one (thread-safe: the first use
    may come from the worker thread)."""

    def __init__(self, make: Callable[[], SecretStore]) -> None:
        import threading

        self._make = make
        self._lock = threading.Lock()
        self._store: SecretStore | None = None

    def __getattr__(self, name: str) -> Any:
        with self._lock:
            if self._store is None:
                self._store = self._make()
        return getattr(self._store, name)
