"""What every subcommand shares: exit codes, the user's language, and printing errors without tracebacks."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from enum import IntEnum
from typing import TextIO

from wizard.domain.errors import InputError, UserFacingError
from wizard.domain.redact import for_terminal, redact
from wizard.domain.text import Lang, Text, system_lang


class ExitCode(IntEnum):
    OK = 0
    DEFECTS = 1  # the check ran and found setup defects
    BAD_INPUT = 2  # bad input found before any request was sent or anything was written
    UNAVAILABLE = 3  # the check was impossible right now: unreachable, IP restriction, maintenance, timeout
    INTERNAL = 70  # a defect in this program (EX_SOFTWARE); the message says where the details went
    INTERRUPTED = 130  # Ctrl+C, or whoever read the output stopped reading (`sbq-setup ... | head`)


def add_lang_option(parser: argparse.ArgumentParser, default: object = None) -> None:
    parser.add_argument(
        "--lang",
        choices=[lang.value for lang in Lang],
        default=default,
        help="language of messages: nl or en (default: the system language)",
    )


def lang_of(args: argparse.Namespace) -> Lang:
    value = getattr(args, "lang", None)
    return Lang(value) if value else system_lang()


def say(message: Text | str, lang: Lang, stream: TextIO | None = None) -> None:
    """Every message of every subcommand leaves through here: redacted (secrets, and token-shaped pieces of the
    command line, see main.py), then quoted for the terminal, since it may carry AFAS's words or echoed input."""
    text = message.get(lang) if isinstance(message, Text) else message
    print(for_terminal(redact(text)), file=stream or sys.stdout, flush=True)


def reader_gone() -> int:
    """The program reading our output has stopped (`| head`): not a defect, and nothing more to say to it. Standard
    output now goes nowhere, so the flush at exit cannot fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no real file descriptor behind stdout (a test's capture): nothing to redirect
        pass
    return ExitCode.INTERRUPTED


def guarded(func: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """Run a subcommand: user-facing errors become one clear line and an exit code, never a traceback."""
    lang = lang_of(args)
    try:
        return func(args)
    except InputError as exc:
        say(exc.message, lang, sys.stderr)
        return ExitCode.BAD_INPUT
    except UserFacingError as exc:
        say(exc.message, lang, sys.stderr)
        if exc.detail:
            say(Text(en="Detail: {d}", nl="Detail: {d}").format(d=exc.detail), lang, sys.stderr)
        return ExitCode.UNAVAILABLE
    except KeyboardInterrupt:
        say(Text(en="Stopped.", nl="Gestopt."), lang, sys.stderr)
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        return reader_gone()
    except Exception as exc:  # the last line of defence: a defect must still not print a traceback
        import logging  # a defect's path only: ~6 ms of the 3x `--version` budget (benchmarks/startup_bench.py)

        logging.getLogger(__name__).debug("internal error", exc_info=True)
        say(
            Text(
                en="Internal error ({kind}). Please report this to the SmartBooqing helpdesk.",
                nl="Interne fout ({kind}). Meld dit aan de SmartBooqing-helpdesk.",
            ).format(kind=type(exc).__name__),
            lang,
            sys.stderr,
        )
        return ExitCode.INTERNAL
