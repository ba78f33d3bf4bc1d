"""The composition root of the desktop wizard: the one place that builds Qt, the stores, the simulator and the window.

The coarse start-up deferrals live here and in the window (wizard.ui.frame): Qt is imported only when the wizard
runs, so the CLI's subcommands never pay for it; the window paints before the manifest, the stores (keyring) and
the controller are built, and those are built right after the first paint.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

from wizard.cli.common import ExitCode, lang_of, say
from wizard.cli.main import command_name
from wizard.cli.main import main as cli_main
from wizard.domain.text import Lang, Text

if TYPE_CHECKING:  # Qt and what the window needs load in run_gui, only when the wizard runs
    from wizard.ui.frame import WizardWindow
    from wizard.ui.services import Services

NO_DISPLAY = Text(
    en="No display found, so the wizard cannot open here. To walk the demo without a screen, run: "
    "{cmd} --demo --tour DIR",
    nl="Geen beeldscherm gevonden, dus de wizard kan hier niet openen. Om de demo zonder scherm te doorlopen: "
    "{cmd} --demo --tour MAP",
)

UNKNOWN_SCENARIO = Text(
    en="Unknown scenario {name}; choose one of: {names}",
    nl="Onbekend scenario {name}; kies uit: {names}",
)


def main(argv: Sequence[str] | None = None) -> int:
    """The `sbq-setup` command: the CLI, with the wizard as what runs without a subcommand."""
    return cli_main(argv, gui=_gui)


def _gui(args: argparse.Namespace) -> int:
    from wizard.ui.startup_error import run_gui_or_explain  # Qt only when the wizard is really wanted

    return run_gui_or_explain(run_gui, args)


def run_gui(args: argparse.Namespace) -> int:
    from PySide6.QtWidgets import QApplication

    from wizard.desktop.display import has_display

    lang = lang_of(args)
    tour = getattr(args, "tour", None)
    demo = bool(getattr(args, "demo", False))
    scenario = getattr(args, "scenario", None)
    if scenario:
        from wizard.sim.scenarios import SCENARIOS  # the simulator: only for the demo

        if scenario not in SCENARIOS:
            say(UNKNOWN_SCENARIO.format(name=scenario, names=", ".join(SCENARIOS)), lang, sys.stderr)
            return ExitCode.BAD_INPUT
    if not has_display():
        if not tour:
            say(NO_DISPLAY.format(cmd=command_name()), lang, sys.stderr)
            return ExitCode.BAD_INPUT
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # the tour needs no screen
    tour_screen = None
    if tour:
        from wizard.ui.tour import Screen, prepare_screen  # the demo tour: every page and the controller at once

        tour_screen = Screen(args.size, args.scale, args.dark) if hasattr(args, "size") else Screen()
        prepare_screen(tour_screen)  # before QApplication: screen size and scaling

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "sbq-setup"])
    assert isinstance(app, QApplication)
    app.setApplicationName("SmartBooqing AFAS Setup")
    app.setOrganizationName("SmartBooqing")
    from wizard.ui.palette import install as readable_colours

    readable_colours(app)  # disabled text, checkbox outlines and focus rings readable in light and dark
    with ExitStack() as stack:
        migrate = bool(getattr(args, "migrate", False))  # the tour's move starts from a working classic setup
        renew = bool(getattr(args, "renew", False))  # the tour's renewal starts from a secret about to expire
        start = "ready" if migrate else "oauth-secret-expiring" if renew else None
        # A user's start shows the window before the controller and its stores are built; the tour drives the
        # controller from its first moment, so it gets the whole window at once.
        # A scenario's tour uses the credential its simulated client holds: the scenario's own kind unless `--auth`
        # says otherwise.
        auth = getattr(args, "auth", None) or (_scenario_auth(scenario) if scenario else None)
        window = build_window(
            lang=lang, demo=demo, stack=stack, scenario=scenario, start=start, defer=not tour, auth=auth
        )
        autopilot = None
        if tour:
            from wizard.ui.tour import Autopilot

            autopilot = Autopilot(
                window, Path(tour), scenario=scenario, screen=tour_screen, auth=auth, migrate=migrate, renew=renew
            )
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


def _scenario_auth(scenario: str) -> str:
    from wizard.sim.scenarios import OAUTH_SCENARIOS

    return "oauth" if scenario in OAUTH_SCENARIOS else "classic"


def build_window(
    *,
    lang: Lang,
    demo: bool,
    stack: ExitStack,
    scenario: str | None = None,
    start: str | None = None,
    defer: bool = False,
    auth: str | None = None,
) -> WizardWindow:
    """Wire everything; `stack` stops the simulator when the wizard closes.

    `defer`: the window's frame, step list and first page are built now; the manifest, the stores and the
    controller right after the window's first paint (the coarse start-up deferral)."""
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
        # `auth`: a scenario's app connector on that Authenticatietype ("oauth": the OAuth-only preset).
        preset = "oauth" if auth == "oauth" and scenario not in (None, "fresh") else None
        demo_server = SimulatorServer(scenario=scenario or start or "fresh", auth=preset)
        demo_server.start()
        stack.callback(demo_server.stop)

    def services() -> Services:
        """Built when the controller is wired (after the first paint): pydantic, the stores and keyring load here."""
        from wizard.desktop.export_folder import default_export_choice, demo_export_folder
        from wizard.stores.progress import ProgressStore
        from wizard.stores.secrets import SessionSecretStore, default_secret_store
        from wizard.ui.services import Services
        from wizard.verify import planned_checks, verify  # the HTTP stack (httpx)

        manifest = machine.manifest  # read now: a missing or damaged bundle stops the start here
        if demo_server is not None:
            # Demo tokens are throwaway: they live in memory, never in the user's real keyring.
            demo_store = SessionSecretStore()
            held = demo_server.oauth_credentials
            if start == "oauth-secret-expiring" and held is not None:
                demo_store.save(demo_server.environment.key, held)  # the connection the renewal starts from
            return Services(
                manifest=manifest,
                secret_store=demo_store,
                session_store=SessionSecretStore(),
                verify=verify,
                planned=planned_checks,
                default_export_folder=demo_export_folder(),
                sim=demo_server.admin(),  # carries the run's admin key
                demo_environment=demo_server.environment,
                scenario_token=demo_server.token if scenario else None,
                scenario_client=demo_server.oauth_credentials if scenario else None,
            )
        choice = default_export_choice()
        return Services(
            manifest=manifest,
            secret_store=default_secret_store(),
            session_store=SessionSecretStore(),
            verify=verify,
            planned=planned_checks,
            default_export_folder=choice.folder,
            default_export_reason=choice.reason,
            progress=ProgressStore(),
        )

    return WizardWindow(machine, services if defer else services(), translations)
