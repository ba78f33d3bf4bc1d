"""`sbq-setup verify`: the live check for scripts and helpdesk sessions, table or JSON, with defined exit codes."""

from __future__ import annotations

import argparse
import math
import os
import sys
from pathlib import Path

from wizard.cli.common import ExitCode, add_lang_option, lang_of, say
from wizard.domain.errors import InputError
from wizard.domain.redact import excerpt, for_terminal, json_for_terminal, redact
from wizard.domain.text import Lang, Text

TYPE_CHECKING = False  # mypy treats this name as True; at run time `typing` is not imported (`--help` speed)
if TYPE_CHECKING:  # the verification stack (pydantic, httpx) loads in run(): `sbq-setup --help` stays fast
    from wizard.domain.credentials import Credential
    from wizard.domain.environment import AfasEnvironment
    from wizard.verify import Report

TOKEN_ENV = "SBQ_AFAS_TOKEN"
MAX_TOKEN_FILE = 64 * 1024  # wizard.stores.secret_file.MAX_SECRET_FILE; not imported so `--help` stays light
MAX_TIMEOUT = 3600.0  # an hour: anything longer is a typo, and "nan" or "inf" would mean "never"

HELP = """Check a customer's AFAS setup live and read-only, and say what is missing and how to fix it.

The token is read from --token-file, --token-stdin, the SBQ_AFAS_TOKEN environment variable, or the OS keyring entry
the wizard saved for this environment; never from the command line.

exit codes: 0 verified (warnings allowed), 1 setup defects found, 2 bad input (nothing was sent),
            3 verification impossible right now (unreachable, IP restriction, maintenance, timeout)"""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "verify",
        help="check an AFAS environment's SmartBooqing setup live (read-only)",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--environment", metavar="ENV", help="AFAS environment, e.g. O12345AA (or a number + --type)")
    parser.add_argument("--type", choices=["production", "test", "accept"], help="environment type for a bare number")
    parser.add_argument("--base-url", metavar="URL", help="custom REST base URL (on-premise Profit, the simulator)")
    parser.add_argument("--soap-url", metavar="URL", help="custom SOAP URL (default: same origin, /profitservices)")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--token-file", metavar="F", type=Path, help="read the token from file F")
    source.add_argument("--token-stdin", action="store_true", help="read the token from standard input")
    parser.add_argument("--json", action="store_true", help="print the report as JSON on stdout")
    parser.add_argument("--html", metavar="FILE", type=Path, help="also write the report as an HTML page to FILE")
    parser.add_argument("--timeout", type=float, default=60.0, metavar="S", help="overall deadline in seconds (60)")
    parser.add_argument("--demo", action="store_true", help="verify against the built-in simulator (scenario 'ready')")
    add_lang_option(parser, default=argparse.SUPPRESS)
    parser.set_defaults(func=run)


def _read_token(args: argparse.Namespace, env: AfasEnvironment) -> Credential:
    from wizard.domain.credentials import parse_classic_token
    from wizard.stores.secret_file import read_secret_file

    if args.token_file is not None:
        # Never blocks (a FIFO is refused at once), only a regular file, bounded: a wrong path must not hang or
        # load a disk image.
        return parse_classic_token(read_secret_file(args.token_file, MAX_TOKEN_FILE))
    if args.token_stdin:
        return parse_classic_token(sys.stdin.read(MAX_TOKEN_FILE))
    if os.environ.get(TOKEN_ENV):
        return parse_classic_token(os.environ[TOKEN_ENV])
    from wizard.stores.secrets import SecretStoreError, default_secret_store

    missing = Text(
        en="No token for {env}: use --token-file F, --token-stdin or {var}, or store it with the wizard.",
        nl="Geen token voor {env}: gebruik --token-file F, --token-stdin of {var}, of bewaar het met de wizard.",
    ).format(env=env.env_id, var=TOKEN_ENV)
    try:
        stored = default_secret_store().load(env.key)
    except SecretStoreError as exc:
        raise InputError(missing + Text(en=" Keyring: ", nl=" Sleutelbos: ") + exc.message) from None
    if stored is None:
        raise InputError(missing)
    return stored


def _field(text: str) -> str:
    """One field of the table: AFAS's words are untrusted, so a line break or an escape sequence in them is shown,
    never acted on (it could clear the screen or fake a line of the table)."""
    return for_terminal(redact(text), keep_newlines=False)


def render_table(report: Report, lang: Lang) -> str:
    from wizard.domain.checks import Status
    from wizard.domain.presentation import attention_rank, status_label

    lines = [
        Text(en="AFAS environment {e} ({u})", nl="AFAS-omgeving {e} ({u})")
        .format(e=_field(report.environment), u=_field(report.base_url))
        .get(lang),
        "",
    ]
    for check in sorted(report.checks, key=lambda c: attention_rank(c.status)):
        lines.append(f"{status_label(check.status, lang):<18} {_field(check.title.get(lang))}")
        lines.append(f"{'':<18}   {_field(check.message.get(lang))}")
        if check.remedy is not None and check.status in (Status.FAIL, Status.WARN):
            lines.append(f"{'':<18}   → {_field(check.remedy.get(lang))}")
        if check.log_reference:
            lines.append(f"{'':<18}   profitLogReference: {_field(check.log_reference)}")
    lines += ["", report.summary(lang) + f" ({report.duration_ms} ms)"]
    return "\n".join(lines)


def _check_timeout(value: float) -> float:
    if not math.isfinite(value) or not 0 < value <= MAX_TIMEOUT:
        raise InputError(
            Text(
                en="--timeout must be a number of seconds above 0 and at most {m:g}.",
                nl="--timeout moet een aantal seconden zijn boven 0 en hoogstens {m:g}.",
            ).format(m=MAX_TIMEOUT)
        )
    return value


def _check_report_target(path: Path) -> None:
    """Refused before anything is sent: a report target that cannot be a file."""
    name = excerpt(str(path), 200)
    if path.is_dir():
        raise InputError(
            Text(
                en="Cannot write the report to {f}: it is a folder; give a file name.",
                nl="Kan het rapport niet schrijven naar {f}: dat is een map; geef een bestandsnaam.",
            ).format(f=name)
        )
    if not path.parent.is_dir():
        raise InputError(
            Text(
                en="Cannot write the report to {f}: its folder does not exist.",
                nl="Kan het rapport niet schrijven naar {f}: de map bestaat niet.",
            ).format(f=name)
        )


def _write_report(path: Path, content: str) -> Text | None:
    """None when written; otherwise why not (a full disk, no permission), for exit code 2."""
    try:
        with path.open("w", encoding="utf-8") as handle:
            handle.write(content)
            handle.flush()  # a full disk shows here or at close, not silently later
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        return Text(
            en="Cannot write the report to {f}: {e}.", nl="Kan het rapport niet schrijven naar {f}: {e}."
        ).format(f=excerpt(str(path), 200), e=reason)
    return None


def run(args: argparse.Namespace) -> int:
    import asyncio
    from contextlib import ExitStack

    from wizard.domain.environment import parse_environment
    from wizard.verify import verify

    lang = lang_of(args)
    timeout = _check_timeout(args.timeout)
    if args.html is not None:
        _check_report_target(args.html)
    with ExitStack() as stack:
        if args.demo:
            from wizard.sim import SimulatorServer

            server = stack.enter_context(SimulatorServer("ready"))
            env = server.environment
            assert server.token is not None
            credential: Credential = server.token
        else:
            if not args.environment:
                raise InputError(
                    Text(
                        en="Say which AFAS environment to check: --environment O12345AA (or --demo).",
                        nl="Geef aan welke AFAS-omgeving gecontroleerd wordt: --environment O12345AA (of --demo).",
                    )
                )
            env = parse_environment(args.environment, args.type, base_url=args.base_url, soap_url=args.soap_url)
            credential = _read_token(args, env)
        report = asyncio.run(verify(env, credential, lang=lang, timeout=timeout))
    unwritten = _write_report(args.html, redact(report.to_html(lang))) if args.html is not None else None
    if args.json:
        print(json_for_terminal(redact(report.to_json(lang))), flush=True)
    else:
        say(render_table(report, lang), lang)
    if unwritten is not None:
        # The check ran, but the report the user asked for does not exist: a script must not take that for success.
        say(unwritten, lang, sys.stderr)
        return ExitCode.BAD_INPUT
    return ExitCode(report.exit_code())
