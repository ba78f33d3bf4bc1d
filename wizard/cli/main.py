"""`sbq-setup`: without a subcommand it opens the wizard; subcommands serve the helpdesk and maintainers."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from wizard import __version__, resources
from wizard.cli.common import ExitCode, add_lang_option, guarded
from wizard.desktop.streams import prepare_streams
from wizard.domain.redact import install_logging, redact, register_untrusted_input, secret_like

# Each module defines register(subparsers) and sets `func` on its parser. Imported by name so `sbq-setup --help`
# stays fast; packaging/sbq-setup.spec bundles every wizard module for that reason.
SUBCOMMAND_MODULES: tuple[str, ...] = (
    "wizard.cli.verify",
    "wizard.cli.export",
    "wizard.cli.simulator",
    "wizard.cli.bundle",
    "wizard.cli.diagnose",
)


class SafeArgumentParser(argparse.ArgumentParser):
    """argparse echoes unrecognised arguments in its error; a token pasted on the command line must not be."""

    def error(self, message: str) -> NoReturn:
        for piece in secret_like(message):  # also when parse_args is called without main() registering argv
            message = message.replace(piece, "«not shown»")
        super().error(redact(message))


def build_parser() -> argparse.ArgumentParser:
    parser = SafeArgumentParser(
        prog="sbq-setup",
        description="SmartBooqing AFAS Setup: connect an AFAS Profit environment to SmartBooqing and verify it. "
        "Without a subcommand the setup wizard opens.",
    )
    flavour = " (development build)" if resources.is_development_build() else ""
    parser.add_argument("--version", action="version", version=f"sbq-setup {__version__}{flavour}")
    add_lang_option(parser)
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the wizard against the built-in AFAS simulator (no AFAS account needed)",
    )
    parser.add_argument(
        "--tour",
        metavar="DIR",
        help="with --demo: walk every page automatically, save one screenshot per page in DIR, "
        "run the final verification; exit 0 only if it passes",
    )
    parser.add_argument("--auth", choices=["oauth", "classic"], help="with --tour: the credential to set up")
    parser.add_argument("--migrate", action="store_true", help="with --tour: move a classic connection to OAuth")
    subparsers = parser.add_subparsers(title="subcommands", metavar="COMMAND")
    for name in SUBCOMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


GuiEntry = Callable[[argparse.Namespace], int]


def main(argv: Sequence[str] | None = None, *, gui: GuiEntry | None = None) -> int:
    """Parse the command line and run a subcommand, or hand the wizard's arguments to `gui`.

    The composition root (`wizard.app.main`, the console script) passes `gui`; this package never imports the app
    layer above it. Without `gui` (a helper script calling the CLI directly) only subcommands run."""
    prepare_streams()  # before logging: a windowed exe has no stdout/stderr, a Windows pipe is cp1252
    install_logging()
    # A token pasted where a path, URL or environment belongs: every token-shaped piece of the command line is a
    # secret from here on, so whichever message echoes that argument (in any subcommand) shows it masked.
    register_untrusted_input(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        if args.tour and not args.demo:
            parser.error("--tour needs --demo")
        if gui is None:
            parser.error("the wizard itself starts through wizard.app (the sbq-setup command); give a subcommand")
        return guarded(gui, args)
    return guarded(func, args)


if __name__ == "__main__":
    sys.exit(main())


__all__ = ["ExitCode", "main"]
