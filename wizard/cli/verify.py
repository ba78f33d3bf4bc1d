"""`sbq-setup verify`: the live check for scripts and helpdesk sessions, table or JSON, with defined exit codes."""

from __future__ import annotations

import argparse
import os
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

from wizard.cli.common import ExitCode, add_lang_option, lang_of, say
from wizard.domain.errors import InputError
from wizard.domain.text import Lang, Text

if TYPE_CHECKING:  # the verification stack (pydantic, httpx) loads in run(): `sbq-setup --help` stays fast
    from wizard.domain.credentials import Credential
    from wizard.domain.environment import AfasEnvironment
    from wizard.verify import Report

TOKEN_ENV = "SBQ_AFAS_TOKEN"
MAX_TOKEN_FILE = 64 * 1024  # a token is ~100 bytes

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

    if args.token_file is not None:
        try:
            with args.token_file.open("rb") as handle:
                raw = handle.read(MAX_TOKEN_FILE + 1)  # bounded: a wrong --token-file must not load a disk image
            if len(raw) > MAX_TOKEN_FILE:
                raise InputError(
                    Text(en="{f} is too large to be a token file.", nl="{f} is te groot voor een tokenbestand.").format(
                        f=args.token_file
                    )
                )
            text = raw.decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(
                Text(en="Cannot read the token file {f}: {e}.", nl="Kan het tokenbestand {f} niet lezen: {e}.").format(
                    f=args.token_file, e=type(exc).__name__
                )
            ) from None
        return parse_classic_token(text)
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


def render_table(report: Report, lang: Lang) -> str:
    from wizard.domain.checks import Status
    from wizard.domain.presentation import attention_rank, status_label

    lines = [
        Text(en="AFAS environment {e} ({u})", nl="AFAS-omgeving {e} ({u})")
        .format(e=report.environment, u=report.base_url)
        .get(lang),
        "",
    ]
    for check in sorted(report.checks, key=lambda c: attention_rank(c.status)):
        lines.append(f"{status_label(check.status, lang):<18} {check.title.get(lang)}")
        lines.append(f"{'':<18}   {check.message.get(lang)}")
        if check.remedy is not None and check.status in (Status.FAIL, Status.WARN):
            lines.append(f"{'':<18}   → {check.remedy.get(lang)}")
        if check.log_reference:
            lines.append(f"{'':<18}   profitLogReference: {check.log_reference}")
    lines += ["", report.summary(lang) + f" ({report.duration_ms} ms)"]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    import asyncio

    from wizard.domain.environment import parse_environment
    from wizard.verify import verify

    lang = lang_of(args)
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
        if args.timeout <= 0:
            raise InputError(Text(en="--timeout must be positive.", nl="--timeout moet positief zijn."))
        report = asyncio.run(verify(env, credential, lang=lang, timeout=args.timeout))
    if args.html is not None:
        try:
            args.html.write_text(report.to_html(lang), encoding="utf-8")
        except OSError as exc:
            say(
                Text(en="Cannot write {f}: {e}.", nl="Kan {f} niet schrijven: {e}.").format(
                    f=args.html, e=exc.strerror or type(exc).__name__
                ),
                lang,
                sys.stderr,
            )
    if args.json:
        print(report.to_json(lang))
    else:
        say(render_table(report, lang), lang)
    return ExitCode(report.exit_code())
