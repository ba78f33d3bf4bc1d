"""`sbq-setup`: without a subcommand it opens the wizard; subcommands serve the helpdesk and maintainers."""

from __future__ import annotations

import argparse
import importlib
import shutil
import sys
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import NoReturn

from wizard import __version__, installation
from wizard.cli.common import ExitCode, add_lang_option, guarded, reader_gone
from wizard.desktop.streams import prepare_streams
from wizard.domain.redact import install_logging, redact, register_untrusted_input, secret_like

GuiEntry = Callable[[argparse.Namespace], int]

# Each subcommand: its one line in `--help` (in this order) and its module, whose register(subparsers, name, help)
# adds the parser with its arguments and sets `func` on it. A module is imported only when the command line names its
# subcommand: the wizard and `--help` never load the others.
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
        "print facts for the helpdesk: version, OS, keyring, last setup (no secrets)",
    ),
}


class SafeArgumentParser(argparse.ArgumentParser):
    """argparse echoes unrecognised arguments in its error; a token pasted on the command line must not be."""

    def error(self, message: str) -> NoReturn:
        for piece in secret_like(message):  # also when parse_args is called without main() registering argv
            message = message.replace(piece, "«not shown»")
        super().error(redact(message))


class VersionAction(argparse.Action):
    """--version; whether this is a development build (build_info.json in a bundle) is read only when asked."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS) -> None:
        super().__init__(option_strings, dest, default=argparse.SUPPRESS, nargs=0, help="show the version and exit")

    def __call__(
        self, parser: argparse.ArgumentParser, namespace: object, values: object, option_string: str | None = None
    ) -> None:
        flavour = " (development build)" if installation.is_development_build() else ""
        sys.stdout.write(f"sbq-setup {__version__}{flavour}\n")
        parser.exit()


def build_parser(words: Collection[str] | None = None) -> argparse.ArgumentParser:
    """The whole command line's parser. `words`: the command line; the subcommands it names are defined in full
    (a subcommand is always a word of its own), the others only listed. None: every subcommand in full."""
    parser = SafeArgumentParser(
        prog="sbq-setup",
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
    parser.add_argument(
        "--auth",
        choices=["oauth", "classic"],
        help="with --tour: the credential to set up (default: oauth; a --scenario's own kind)",
    )
    parser.add_argument("--migrate", action="store_true", help="with --tour: move a classic connection to OAuth")
    parser.add_argument("--renew", action="store_true", help="with --tour: renew an expiring OAuth client secret")
    subparsers = parser.add_subparsers(title="subcommands", metavar="COMMAND")
    for name, (module, help_line) in SUBCOMMANDS.items():
        if words is None or name in words:
            importlib.import_module(module).register(subparsers, name, help_line)
        else:
            subparsers.add_parser(name, help=help_line)
    return parser


# Options of the wizard and its tour. Before a subcommand they would be ignored, or worse: `verify` has a --demo of its
# own, so `sbq-setup --demo verify ...` would check the real environment it names.
WIZARD_ONLY = ("--demo", "--tour", "--scenario", "--size", "--scale", "--dark", "--auth", "--migrate", "--renew")


def _wizard_options_before(words: Sequence[str]) -> tuple[str, list[str]] | None:
    """The subcommand the command line names and the wizard's options given before it, if any."""
    for i, word in enumerate(words):
        if word in SUBCOMMANDS:
            given = [w.split("=", 1)[0] for w in words[:i] if w.split("=", 1)[0] in WIZARD_ONLY]
            return (word, given) if given else None
    return None


def _given(args: argparse.Namespace, *flags: str) -> list[str]:
    """Which of these options the command line gave, by their names."""
    return [flag for flag in flags if getattr(args, flag.removeprefix("--").replace("-", "_")) not in (None, False)]


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


def command_name(argv0: str | None = None, cwd: Path | None = None) -> str:
    """How to start this program again, for a hint the user can paste: 'sbq-setup' when that name on PATH is this
    very program, else the path it was started by ('.venv/bin/sbq-setup' from `python3 tasks.py demo`), or
    'python -m wizard' when it ran as a module."""
    arg = (sys.argv[0] if sys.argv else "") if argv0 is None else argv0
    here = Path.cwd() if cwd is None else cwd
    if not arg:
        return "sbq-setup"
    started = Path(arg)
    if started.name == "__main__.py":
        return f"{_shortest(Path(sys.executable), here)} -m wizard"
    on_path = shutil.which(started.name)
    if on_path is not None and Path(on_path).resolve() == (here / started).resolve():
        return started.name
    return _shortest(started, here)


def _shortest(path: Path, cwd: Path) -> str:
    """A path under the current folder as a relative one ('.venv/bin/sbq-setup'), any other as it is."""
    absolute = path if path.is_absolute() else cwd / path
    try:
        return str(absolute.relative_to(cwd))
    except ValueError:
        return str(path)


def main(argv: Sequence[str] | None = None, *, gui: GuiEntry | None = None) -> int:
    """Parse the command line and run a subcommand, or hand the wizard's arguments to `gui`.

    The composition root (`wizard.app.main`, the console script) passes `gui`; this package never imports the app
    layer above it. Without `gui` (a helper script calling the CLI directly) only subcommands run."""
    prepare_streams()  # before anything prints: a windowed exe has no stdout/stderr, a Windows pipe is cp1252
    # A token pasted where a path, URL or environment belongs: every token-shaped piece of the command line is a
    # secret from here on, so whichever message echoes that argument (in any subcommand) shows it masked.
    words = sys.argv[1:] if argv is None else list(argv)
    register_untrusted_input(words)
    parser = build_parser(words)
    try:
        args = parser.parse_args(words)  # --help and errors print here, before any subcommand is guarded
    except BrokenPipeError:
        return reader_gone()
    install_logging()
    func = getattr(args, "func", None)
    misplaced = _wizard_options_before(words) if func is not None else None
    if misplaced is not None:
        command, given = misplaced
        parser.error(
            f"{' and '.join(given)}: an option of the wizard, not of '{command}'; "
            f"see 'sbq-setup {command} --help' for its own options"
        )
    if func is None:
        if args.tour and not args.demo:
            parser.error("--tour needs --demo")
        if args.scenario and not args.tour:
            parser.error("--scenario needs --demo --tour")
        tours = _given(args, "--scenario", "--migrate", "--renew")
        if len(tours) > 1:
            parser.error(f"{' and '.join(tours)} are different tours: choose one")
        own_credential = _given(args, "--migrate", "--renew")  # the move starts classic, the renewal from OAuth
        if args.auth and own_credential:
            parser.error(f"--auth does not go with {own_credential[0]}: that tour brings its own credential")
        tour_only = _given(args, "--auth", "--migrate", "--renew", "--size", "--scale", "--dark")
        if tour_only and not args.tour:
            parser.error(f"{' and '.join(tour_only)}: only with a tour; give --demo --tour DIR too")
        if gui is None:
            parser.error("the wizard itself starts through wizard.app (the sbq-setup command); give a subcommand")
        return guarded(gui, args)
    return guarded(func, args)


if __name__ == "__main__":
    sys.exit(main())


__all__ = ["ExitCode", "main"]
