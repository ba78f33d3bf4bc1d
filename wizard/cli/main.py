"""`sbq-setup`: without a subcommand it opens the wizard; subcommands serve the helpdesk and maintainers."""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from wizard import __version__, resources
from wizard.cli.common import ExitCode, add_lang_option, guarded
from wizard.desktop.streams import prepare_streams
from wizard.domain.redact import install_logging, redact, register_untrusted_input, secret_like

TYPE_CHECKING = False  # mypy treats this name as True; at run time `typing` is not imported (`--version` speed)
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import NoReturn

    GuiEntry = Callable[[argparse.Namespace], int]

# Each module defines register(subparsers) and sets `func` on its parser. Only the subcommand that is run gets
# imported and its parser built (LazySubcommands): `sbq-setup --help` lists them from this table, so it stays within
# its start-up budget (issue 13). A test keeps these lines equal to each module's own `help=`. Imported by name;
# packaging/sbq-setup.spec bundles every wizard module for that reason.
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "verify": ("wizard.cli.verify", "check an AFAS environment's SmartBooqing setup live (read-only)"),
    "export-connectors": ("wizard.cli.export", "write the SmartBooqing .gcn files and a SHA256SUMS file into DIR"),
    "simulator": (
        "wizard.cli.simulator",
        "run the built-in AFAS Profit simulator on 127.0.0.1 (for demos, training and tests)",
    ),
    "bundle": ("wizard.cli.bundle", "maintainers: check the connector bundle or adopt the official .gcn files"),
    "diagnose": (
        "wizard.cli.diagnose",
        "print version, build, OS, keyring backend and the last organisation for the helpdesk (no secrets)",
    ),
}
SUBCOMMAND_MODULES: tuple[str, ...] = tuple(module for module, _ in SUBCOMMANDS.values())


class LazySubcommands(argparse._SubParsersAction):  # type: ignore[type-arg]  # generic only in the stubs
    """Subcommands listed by name and help line; a subcommand's module is imported and its parser built only when
    the command line names it. Uses argparse's `_name_parser_map` and `_ChoicesPseudoAction`, unchanged since
    Python 3.2; tests/packaging/test_startup_imports.py fails if they ever change."""

    def add_lazy(self, name: str, module: str, help: str) -> None:
        self._name_parser_map[name] = module  # a placeholder: `choices` (valid names) is this map
        self._choices_actions.append(self._ChoicesPseudoAction(name, (), help))  # the line in `--help`

    def build(self, name: str) -> argparse.ArgumentParser:
        """The subcommand's real parser, built by its module's register() on first use."""
        entry = self._name_parser_map[name]
        if isinstance(entry, str):
            del self._name_parser_map[name]
            listed = len(self._choices_actions)
            importlib.import_module(entry).register(self)
            del self._choices_actions[listed:]  # register's own `help=` line: already listed by add_lazy
        parser = self._name_parser_map[name]
        assert isinstance(parser, argparse.ArgumentParser)
        return parser

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[object] | None,
        option_string: str | None = None,
    ) -> None:
        if isinstance(values, list) and values and isinstance(values[0], str) and values[0] in self._name_parser_map:
            self.build(values[0])
        super().__call__(parser, namespace, values, option_string)


def terminal_columns() -> int:
    """The width argparse would wrap at (COLUMNS, else the terminal, else 80), as shutil.get_terminal_size finds it."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class TerminalWidthFormatter(argparse.HelpFormatter):
    """argparse's formatter at the same width, without argparse importing shutil (and the compression modules shutil
    loads) to find it: ~2 ms of the 1.5x budget of `--version` and `--help` (issue 13)."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None):
        super().__init__(prog, indent_increment, max_help_position, terminal_columns() - 2 if width is None else width)


class SafeArgumentParser(argparse.ArgumentParser):
    """argparse echoes unrecognised arguments in its error; a token pasted on the command line must not be."""

    def error(self, message: str) -> NoReturn:
        for piece in secret_like(message):  # also when parse_args is called without main() registering argv
            message = message.replace(piece, "«not shown»")
        super().error(redact(message))


class VersionAction(argparse.Action):
    """--version, which reads whether this is a development build only when asked: in a bundle that is a file read
    and `json` (~1.5 ms), which `--help`, the subcommands and the wizard would otherwise pay at every start."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS) -> None:
        super().__init__(option_strings, dest, default=argparse.SUPPRESS, nargs=0, help="show the version and exit")

    def __call__(
        self, parser: argparse.ArgumentParser, namespace: object, values: object, option_string: str | None = None
    ) -> None:
        flavour = " (development build)" if resources.is_development_build() else ""
        sys.stdout.write(f"sbq-setup {__version__}{flavour}\n")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = SafeArgumentParser(
        prog="sbq-setup",
        formatter_class=TerminalWidthFormatter,
        description="SmartBooqing AFAS Setup: connect an AFAS Profit environment to SmartBooqing and verify it. "
        "Without a subcommand the setup wizard opens.",
    )
    parser.add_argument("--version", action=VersionAction)
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
    parser.add_argument(
        "--scenario",
        metavar="NAME",
        help="with --demo --tour: start the simulated AFAS as scenario NAME (e.g. missing-connectors, maintenance, "
        "token-invalid), render the failing check and the page that fixes it; exit with the check's exit code",
    )
    tour = parser.add_argument_group("tour screenshots (with --tour)")
    tour.add_argument("--size", type=_screen_size, metavar="WxH", help="the screen in physical pixels, e.g. 1280x720")
    tour.add_argument("--scale", type=_scale, metavar="F", help="display scaling, e.g. 1.25 for 125 %%")
    tour.add_argument("--dark", action="store_true", help="use a dark palette, as in the system's dark mode")
    parser.add_argument("--auth", choices=["oauth", "classic"], help="with --tour: the credential to set up")
    parser.add_argument("--migrate", action="store_true", help="with --tour: move a classic connection to OAuth")
    subparsers = parser.add_subparsers(title="subcommands", metavar="COMMAND", action=LazySubcommands)
    assert isinstance(subparsers, LazySubcommands)
    for name, (module, line) in SUBCOMMANDS.items():
        subparsers.add_lazy(name, module, line)
    return parser


def _screen_size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    if not (width.isdigit() and height.isdigit()) or int(width) < 640 or int(height) < 480:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT of at least 640x480, e.g. 1280x720, not {text!r}")
    return int(width), int(height)


def _scale(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not 1.0 <= value <= 4.0:
        raise argparse.ArgumentTypeError(f"expected a scaling between 1 and 4, e.g. 1.25, not {text!r}")
    return value


def main(argv: Sequence[str] | None = None, *, gui: GuiEntry | None = None) -> int:
    """Parse the command line and run a subcommand, or hand the wizard's arguments to `gui`.

    The composition root (`wizard.app.main`, the console script) passes `gui`; this package never imports the app
    layer above it. Without `gui` (a helper script calling the CLI directly) only subcommands run."""
    prepare_streams()  # before anything prints: a windowed exe has no stdout/stderr, a Windows pipe is cp1252
    # A token pasted where a path, URL or environment belongs: every token-shaped piece of the command line is a
    # secret from here on, so whichever message echoes that argument (in any subcommand) shows it masked.
    register_untrusted_input(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(argv)  # --version and --help end here, before logging is loaded: they stay fast
    install_logging()
    func = getattr(args, "func", None)
    if func is None:
        if args.tour and not args.demo:
            parser.error("--tour needs --demo")
        if args.scenario and not args.tour:
            parser.error("--scenario needs --demo --tour")
        if (args.size or args.scale or args.dark) and not args.tour:
            parser.error("--size, --scale and --dark are for the screenshots of --tour")
        if gui is None:
            parser.error("the wizard itself starts through wizard.app (the sbq-setup command); give a subcommand")
        return guarded(gui, args)
    return guarded(func, args)


if __name__ == "__main__":
    sys.exit(main())


__all__ = ["ExitCode", "main"]
